// The hostile suite's totals, from a run: what its tests tried and measured (the HOSTILE_TALLY lines of
// test/support/hostile-tally.ts) and which of them failed (the runner's results). run-tests.mjs prints
// them, and writes them into docs/reliability.md after a run of the whole suite: the table there is never
// typed.
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { TestResult } from './test-results.js';

/** A test file adds to the totals when it imports the tally: the hostile suite is every such file. */
export const addsToHostileTotals = (source: string) =>
  /^import [^;]+ from '[./]+\/support\/hostile-tally\.js';$/m.test(source);

export interface HostileTotals {
  tests: number;
  testsFailed: number;
  inputs: number;
  jobFailures: number;
  lost: number;
  duplicated: number;
  secrets: number;
}

const COUNTS = ['inputs', 'jobFailures', 'lost', 'duplicated', 'secrets'] as const;

/** The tally lines added up, and the tests of the hostile files (`files`) that ran, and failed. */
export function hostileTotals(tallyText: string, results: TestResult[], files: string[]): HostileTotals {
  const totals = { tests: 0, testsFailed: 0, inputs: 0, jobFailures: 0, lost: 0, duplicated: 0, secrets: 0 };
  for (const line of tallyText.split('\n').filter(Boolean)) {
    const counts = JSON.parse(line) as Partial<Record<(typeof COUNTS)[number], number>>;
    for (const key of COUNTS) totals[key] += counts[key] ?? 0;
  }
  const hostile = new Set(files.map((file) => relative('.', file)));
  for (const result of results) {
    if (!result.file || !hostile.has(relative('.', result.file))) continue;
    if (result.status === 'skipped' || (result.suite && result.status === 'passed')) continue;
    totals.tests++;
    if (result.status === 'failed') totals.testsFailed++;
  }
  return totals;
}

export const totalsLine = (t: HostileTotals) =>
  `hostile inputs and faults tried: ${t.inputs} in ${t.tests} tests, ${t.testsFailed} failed; ` +
  `job failures: ${t.jobFailures}; events lost: ${t.lost}; events duplicated: ${t.duplicated}; ` +
  `secrets found: ${t.secrets}`;

export const BLOCK_START =
  '<!-- hostile totals: scripts/run-tests.mjs writes this block after every run of the whole hostile suite -->';
export const BLOCK_END = '<!-- end of the hostile totals -->';

export interface RunDescription {
  /** the command that ran the suite, as typed */
  command: string;
  date: string;
  node: string;
  cores: number;
}

/** The block: which run, then the table (prettier lays it out). */
export function totalsBlock(t: HostileTotals, run: RunDescription): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    BLOCK_START,
    '',
    `From \`${run.command}\` on ${run.date} (Node.js ${run.node}, ${run.cores} cores):`,
    '',
    row([
      'tests',
      'tests failed',
      'inputs and faults tried',
      'job failures',
      'events lost',
      'events duplicated',
      'secrets found',
    ]),
    row(Array<string>(7).fill('---')),
    row([t.tests, t.testsFailed, t.inputs, t.jobFailures, t.lost, t.duplicated, t.secrets]),
    '',
    BLOCK_END,
  ].join('\n');
}

/** `doc` with its block replaced; an error when it has none, or more than one. */
export function replaceBlock(doc: string, block: string): string {
  const start = doc.indexOf(BLOCK_START);
  const end = doc.indexOf(BLOCK_END);
  if (start < 0 || end < start || doc.indexOf(BLOCK_START, start + 1) >= 0) {
    throw new Error(`no single hostile totals block (${BLOCK_START} … ${BLOCK_END}) to write the totals in`);
  }
  return doc.slice(0, start) + block + doc.slice(end + BLOCK_END.length);
}

/** Writes the totals into the page's block, laid out as `npm run lint` wants it. */
export async function writeTotals(page: string, t: HostileTotals, run: RunDescription): Promise<void> {
  const text = replaceBlock(await readFile(page, 'utf8'), totalsBlock(t, run));
  const options = { ...(await resolveConfig(page)), filepath: page };
  await writeFile(page, await format(text, options));
}
