// Running a lab notebook headless and asserting on its code cells, shared by the notebook tests.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { executeNotebook } from '../../lib/jupyter/execute.js';
import { codeCells, type CodeCell } from '../../lib/jupyter/executed-notebook.js';
import { REPO_ROOT } from '../../lib/paths.js';

/**
 * Runs notebooks/<name> with the real tslab kernel (in its own folder: tslab resolves ../dist from there)
 * and writes the executed copy into `work`; returns its code cells. `trust`: signed, as `notebook:run` does.
 */
export async function runLabNotebook(
  name: string,
  work: string,
  env: Record<string, string>,
  { trust = false } = {},
): Promise<CodeCell[]> {
  const output = join(work, name);
  await executeNotebook({
    input: join(REPO_ROOT, 'notebooks', name),
    output,
    env,
    cellTimeoutSeconds: 120,
    startupTimeoutSeconds: 60,
    trust,
  });
  return codeCells(await readFile(output, 'utf8'));
}

/** The code cell tagged `tag` (metadata.tags), which must exist. */
export function taggedCell(cells: CodeCell[], tag: string): CodeCell {
  const found = cells.find((cell) => cell.tags.includes(tag));
  assert.ok(found, `a cell tagged ${tag}`);
  return found;
}

/** Every code cell ran clean: no error or stderr output, prompts In [1] … In [n] as the kernel counted. */
export function assertRanClean(cells: CodeCell[]): void {
  assert.deepEqual(
    cells.filter((cell) => cell.failure !== null).map((cell) => `${cell.number}: ${cell.failure}`),
    [],
    'no error or stderr output in any cell',
  );
  assert.deepEqual(
    cells.map((cell) => cell.executionCount),
    cells.map((cell) => cell.number),
    'execution counts In [1] … In [n], not In [ ]',
  );
}
