// Runs a notebook headless with the real tslab kernel: Jupyter's nbconvert (nbclient underneath),
// the kernel named explicitly, a per-cell timeout and a kernel start-up timeout. The kernelspec is the
// one `npm run kernel:install` installs, written to a private JUPYTER_PATH for the run, so this works
// whether or not the user installed it (and whatever else is called tslab on the machine).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { LabError } from '../lib/errors.js';
import { findJupyterPython } from './jupyter-python.js';
import { checkNodeVersion, KERNEL_NAME, writeKernelSpec } from './kernelspec.js';

export interface ExecuteOptions {
  input: string;
  /** Where the executed notebook goes (the input itself to refresh its outputs). */
  output: string;
  /** Extra environment for the kernel, e.g. PURCHASES_DIR. */
  env?: Record<string, string>;
  cellTimeoutSeconds?: number;
  startupTimeoutSeconds?: number;
}

export class NotebookError extends LabError {}

/** The part of nbconvert's stderr that names the failing cell and its error (the traceback before it is Python's). */
export function failureExcerpt(stderr: string): string {
  const at = stderr.lastIndexOf('An error occurred while executing the following cell');
  return (at >= 0 ? stderr.slice(at) : stderr.split('\n').slice(-30).join('\n')).trim();
}

export async function executeNotebook(options: ExecuteOptions): Promise<void> {
  checkNodeVersion();
  const python = findJupyterPython(['nbconvert', 'nbclient']);
  const jupyterPath = await mkdtemp(join(tmpdir(), 'tslab-kernelspec-'));
  writeKernelSpec(jupyterPath);
  const output = resolve(options.output);
  const args = [
    '-m',
    'nbconvert',
    '--to',
    'notebook',
    '--execute',
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    `--ExecutePreprocessor.timeout=${options.cellTimeoutSeconds ?? 180}`,
    `--ExecutePreprocessor.startup_timeout=${options.startupTimeoutSeconds ?? 60}`,
    // no per-cell timestamps: the committed notebook changes only when its outputs do
    '--ExecutePreprocessor.record_timing=False',
    '--output-dir',
    dirname(output),
    '--output',
    basename(output),
    resolve(options.input),
  ];
  const env = {
    ...process.env,
    ...options.env,
    JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter),
  };
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      // nbconvert starts the kernel with the notebook's folder as its working directory (tslab's rootDir)
      const child = spawn(python, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', fail);
      child.once('close', (code) => done({ code, stderr }));
    });
    if (code !== 0) {
      throw new NotebookError(
        `${options.input} failed under the tslab kernel:\n${failureExcerpt(stderr)}`,
        'fix the cell above; `npm run build` if lib/ changed; the stack must be up (`npm run stack:up`)',
      );
    }
  } finally {
    await rm(jupyterPath, { recursive: true, force: true });
  }
}
