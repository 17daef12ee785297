// JupyterLab 4 (or Notebook 7) for a browser, from the lab's Jupyter (python.ts): on 127.0.0.1 only,
// token authentication on, started in a process group of its own (launchBackground: PID file, log file).
// A Ctrl-C in the terminal reaches only our process, which stops Jupyter with SIGTERM: Jupyter then shuts
// its kernels down (they run in sessions of their own), where a SIGINT would make it ask "Shutdown this
// Jupyter server (y/[n])?" instead. Serves `npm run notebook` and the browser tests.
import { spawn } from 'node:child_process';
import { launchBackground, logFile, processState, stopBackground, tailLog } from '../process/background.js';
import { waitFor } from '../wait-for.js';

/** JupyterLab, or Notebook 7 (the classic one-notebook-a-page interface, built on JupyterLab's parts). */
export type JupyterInterface = 'lab' | 'notebook';

export const INTERFACE_NAMES: Record<JupyterInterface, string> = {
  lab: 'JupyterLab',
  notebook: 'Jupyter Notebook',
};

export interface NotebookServerOptions {
  /** the Python of the lab's Jupyter (jupyterPython()) */
  python: string;
  interface: JupyterInterface;
  /** the folder it serves; a kernel starts in its notebook's folder */
  root: string;
  port: number;
  token: string;
  /** the folder of its PID and log files */
  dir: string;
  /** Jupyter's environment, which its kernels inherit (e.g. PURCHASES_DIR, JUPYTER_DATA_DIR) */
  env?: NodeJS.ProcessEnv;
  startupTimeoutMs?: number;
}

export interface NotebookServer {
  pid: number;
  /** http://127.0.0.1:PORT */
  base: string;
  /** the address that opens `notebook` (a path under root) in a browser, token included */
  notebookUrl(notebook: string): string;
  /** its log file */
  log: string;
  /** true when a kernel runs and every kernel is idle (Jupyter's /api/kernels) */
  kernelsIdle(): Promise<boolean>;
  /** false once Jupyter has exited */
  running(): boolean;
  /** SIGTERM, a wait for Jupyter and its kernels to go, SIGKILL for what is left after 30 s */
  stop(): Promise<'stopped' | 'killed' | 'not running'>;
}

export const notebookServerProgram = (dir: string) => ({ name: 'jupyter-server', dir });

/** Where a notebook opens: JupyterLab's /lab/tree/…, Notebook 7's /notebooks/…. */
export function notebookPath(ui: JupyterInterface, notebook: string): string {
  return `/${ui === 'lab' ? 'lab/tree' : 'notebooks'}/${encodeURI(notebook)}`;
}

export async function startNotebookServer(options: NotebookServerOptions): Promise<NotebookServer> {
  const { python, root, port, token } = options;
  const program = notebookServerProgram(options.dir);
  const args = [
    ...['-m', options.interface === 'lab' ? 'jupyterlab' : 'notebook'],
    ...['--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0'],
    `--ServerApp.root_dir=${root}`,
    `--IdentityProvider.token=${token}`,
    // Jupyter refuses to run as root without it (containers, CI)
    ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
  ];
  const child = launchBackground(program, (spawnOptions) =>
    spawn(python, args, { ...spawnOptions, cwd: root, env: options.env ?? process.env }),
  );
  const base = `http://127.0.0.1:${port}`;
  const server: NotebookServer = {
    pid: child.pid!,
    base,
    notebookUrl: (notebook) => `${base}${notebookPath(options.interface, notebook)}?token=${token}`,
    log: logFile(program),
    kernelsIdle: async () => {
      const kernels = (await (await fetch(`${base}/api/kernels?token=${token}`)).json()) as {
        execution_state: string;
      }[];
      return kernels.length > 0 && kernels.every((kernel) => kernel.execution_state === 'idle');
    },
    running: () => processState(program).state === 'running',
    stop: () => stopBackground(program),
  };
  try {
    await waitFor(async () => (await fetch(`${base}/api/status?token=${token}`)).ok, {
      label: `${INTERFACE_NAMES[options.interface]} on ${base}`,
      timeoutMs: options.startupTimeoutMs ?? 60_000,
      giveUpIf: () => (server.running() ? undefined : `it exited:\n${tailLog(program, 15)}`),
      hint: `see its log, ${server.log}`,
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
