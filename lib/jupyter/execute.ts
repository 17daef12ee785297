// Runs a notebook headless with the real tslab kernel: nbclient, the executor of Jupyter's nbconvert
// (lib/jupyter/run_notebook.py), the kernel named explicitly, a per-cell timeout and a kernel start-up
// timeout. The kernelspec is the one `npm run kernel:install` installs, written to a private JUPYTER_PATH
// for the run, so this works whether or not the user installed it (and whatever else is called tslab on
// the machine).
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { LabError } from '../errors.js';
import { REPO_ROOT } from '../paths.js';
import { firstFailure } from './executed-notebook.js';
import { jupyterPython } from './python.js';
import { checkNodeVersion, KERNEL_NAME, writeKernelSpec } from './kernelspec.js';

export interface ExecuteOptions {
  input: string;
  /** Where the executed notebook goes (the input itself to refresh its outputs); written only on success. */
  output: string;
  /** Extra environment for the kernel, e.g. PURCHASES_DIR. */
  env?: Record<string, string>;
  cellTimeoutSeconds?: number;
  startupTimeoutSeconds?: number;
  /** sign the result with this user's Jupyter key, as `jupyter trust` does (in run_notebook.py's own process) */
  trust?: boolean;
}

export class NotebookError extends LabError {}

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

/** The Python program that runs it: nbclient, what `jupyter nbconvert --execute` runs underneath. */
const RUNNER = join(REPO_ROOT, 'lib', 'jupyter', 'run_notebook.py');

export async function executeNotebook(options: ExecuteOptions): Promise<void> {
  checkNodeVersion();
  const python = jupyterPython();
  const work = await mkdtemp(join(tmpdir(), 'execute-notebook-'));
  writeKernelSpec(work);
  const executed = join(work, 'executed.ipynb');
  const args = [
    RUNNER,
    resolve(options.input),
    executed,
    ...['--kernel', KERNEL_NAME],
    ...['--timeout', String(options.cellTimeoutSeconds ?? 180)],
    ...['--startup-timeout', String(options.startupTimeoutSeconds ?? 60)],
    ...(options.trust ? ['--trust'] : []),
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
      throw new NotebookError(`${options.input}: the notebook run failed (exit ${code}):\n${tail}`, HINT);
    }
    const failure = firstFailure(await readFile(executed, 'utf8'));
    if (failure) throw new NotebookError(`${options.input} failed under the tslab kernel, ${failure}`, HINT);
    await copyFile(executed, resolve(options.output));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
