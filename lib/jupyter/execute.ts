// Runs a notebook headless with the real tslab kernel: Jupyter's nbconvert (nbclient underneath),
// the kernel named explicitly, a per-cell timeout and a kernel start-up timeout. The kernelspec is the
// one `npm run kernel:install` installs, written to a private JUPYTER_PATH for the run, so this works
// whether or not the user installed it (and whatever else is called tslab on the machine).
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { LabError } from '../errors.js';
import { firstFailure } from './executed-notebook.js';
import { findJupyterPython } from './python.js';
import { checkNodeVersion, KERNEL_NAME, writeKernelSpec } from './kernelspec.js';

export interface ExecuteOptions {
  input: string;
  /** Where the executed notebook goes (the input itself to refresh its outputs); written only on success. */
  output: string;
  /** Extra environment for the kernel, e.g. PURCHASES_DIR. */
  env?: Record<string, string>;
  cellTimeoutSeconds?: number;
  startupTimeoutSeconds?: number;
}

export class NotebookError extends LabError {}

// nbconvert executes cell by cell without a prompt number of its own, so a cell's number comes only from
// the kernel's iopub messages that carry one (execute_input, execute_result). tslab sends neither: its
// count is in the execute_reply alone, and every prompt would stay `In [ ]:`. This hook keeps it.
const KEEP_EXECUTION_COUNT = `
def keep_execution_count(cell, cell_index, execute_reply):
    count = execute_reply["content"].get("execution_count")
    if count is not None:
        cell["execution_count"] = count

c.ExecutePreprocessor.on_cell_executed = keep_execution_count
`;

const HINT = 'fix that cell; after changing lib/, `npm run build`; the stack must be up (`npm run stack:up`)';

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stderr }));
  });
}

export async function executeNotebook(options: ExecuteOptions): Promise<void> {
  checkNodeVersion();
  const python = findJupyterPython(['nbconvert', 'nbclient']);
  const work = await mkdtemp(join(tmpdir(), 'execute-notebook-'));
  writeKernelSpec(work);
  const config = join(work, 'execute_config.py');
  await writeFile(config, KEEP_EXECUTION_COUNT);
  const executed = join(work, 'executed.ipynb');
  const args = [
    ...['-m', 'nbconvert', '--to', 'notebook', '--execute', `--config=${config}`],
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    `--ExecutePreprocessor.timeout=${options.cellTimeoutSeconds ?? 180}`,
    `--ExecutePreprocessor.startup_timeout=${options.startupTimeoutSeconds ?? 60}`,
    // keep going past a failing cell so the notebook (with the kernel's message) is written; judged below
    '--allow-errors',
    // no per-cell timestamps: the committed notebook changes only when its outputs do
    '--ExecutePreprocessor.record_timing=False',
    ...['--output-dir', work, '--output', 'executed.ipynb'],
    // the kernel starts in the input's folder: tslab's rootDir, from which cells import ../dist
    resolve(options.input),
  ];
  const env = {
    ...process.env,
    ...options.env,
    JUPYTER_PATH: [work, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter),
  };
  try {
    const { code, stderr } = await run(python, args, env);
    if (code !== 0) {
      const tail = stderr.trim().split('\n').slice(-15).join('\n');
      throw new NotebookError(`${options.input}: nbconvert failed (exit ${code}):\n${tail}`, HINT);
    }
    const failure = firstFailure(await readFile(executed, 'utf8'));
    if (failure) throw new NotebookError(`${options.input} failed under the tslab kernel, ${failure}`, HINT);
    await copyFile(executed, resolve(options.output));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
