// npm run notebook [-- --classic] [--port N]
// The lab's notebooks in your browser: checks that HDFS answers and /tmp/purchases is written (and says
// what to run when not), sets up the lab's Jupyter (a venv, made on first use), installs the kernel and
// trusts the notebooks (as kernel:install), starts JupyterLab (--classic: Notebook 7) on 127.0.0.1 with a
// token, prints each notebook's address, and on Ctrl-C stops Jupyter and its kernels.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { runMain, UsageError } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { LabError, PrerequisiteError } from '../lib/errors.js';
import { HdfsClient } from '../lib/hdfs/hdfs-client.js';
import {
  INTERFACE_NAMES,
  notebookServerProgram,
  startNotebookServer,
  type NotebookServer,
} from '../lib/jupyter/server.js';
import { setUpKernel } from '../lib/jupyter/setup.js';
import { REPO_ROOT } from '../lib/paths.js';
import { processState, stopBackground } from '../lib/process/background.js';
import { freePort, isListening, portOwner } from '../lib/process/ports.js';
import { stackLayout } from '../lib/stack/layout.js';
import { purchasesWritten } from '../lib/walkthrough/prerequisites.js';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8888;

async function choosePort(wanted: string | undefined): Promise<number> {
  if (wanted === undefined) return (await isListening(HOST, DEFAULT_PORT)) ? freePort(HOST) : DEFAULT_PORT;
  const port = Number(wanted);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port ${wanted} is not a TCP port`);
  if (await isListening(HOST, port)) {
    throw new PrerequisiteError(
      `port ${port} is taken by ${portOwner(port) ?? 'another program'}`,
      'choose another with --port, or leave --port out for a free one',
    );
  }
  return port;
}

/** What the notebooks read: querying-purchases needs /tmp/purchases; exploring-events /tmp/events, noted if missing. */
async function checkData(): Promise<void> {
  const config = loadConfig();
  const missing = await purchasesWritten({ config });
  if (missing) {
    throw new PrerequisiteError(
      `querying-purchases.ipynb reads ${config.hdfs.purchasesDir}, but ${missing}`,
      'then run `npm run notebook` again',
    );
  }
  const events = config.hdfs.eventsDir;
  if (!(await new HdfsClient(config.hdfs).exists(`${events}/_SUCCESS`))) {
    console.log(
      `  note: exploring-events.ipynb reads ${events}, not written yet: \`npx tsx labs/separate_events.ts --write ${events}\``,
    );
  }
}

/** Resolves when Ctrl-C (or a SIGTERM) asks us to stop, or Jupyter exits by itself. */
function untilStopped(server: NotebookServer, stopRequested: Promise<unknown>): Promise<'asked' | 'exited'> {
  return new Promise((resolve) => {
    void stopRequested.then(() => resolve('asked'));
    // also what keeps this process alive while Jupyter runs
    setInterval(() => {
      if (!server.running()) resolve('exited');
    }, 1000);
  });
}

runMain(
  import.meta.url,
  {
    command: 'npm run notebook --',
    summary:
      "JupyterLab with the lab's notebooks on 127.0.0.1 (token authentication): the kernel installed and the data checked first; Ctrl-C stops it.",
    onSignal: 'finish',
    options: {
      classic: { type: 'boolean', help: 'Jupyter Notebook 7 (one notebook a page) instead of JupyterLab' },
      port: {
        type: 'string',
        value: 'N',
        help: `the port (default: ${DEFAULT_PORT}, or a free one when it is taken)`,
      },
    },
  },
  async ({ values, stopRequested }) => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'lib', 'notebook', 'index.js'))) {
      throw new PrerequisiteError(
        'the compiled library is missing (dist/): notebook cells import it',
        'run `npm run build`',
      );
    }
    await checkData();
    const ui = values.classic ? 'notebook' : 'lab';
    const name = INTERFACE_NAMES[ui];
    const { python, notebooks } = setUpKernel();
    console.log(`✔ kernel "tslab" installed; trusted: ${notebooks.map((nb) => basename(nb)).join(', ')}`);

    const dir = join(stackLayout().home, 'notebook');
    const earlier = processState(notebookServerProgram(dir));
    if (earlier.state === 'running') {
      await stopBackground(notebookServerProgram(dir));
      console.log(`  stopped the Jupyter an earlier \`npm run notebook\` left running (pid ${earlier.pid})`);
    }
    const server = await startNotebookServer({
      python,
      interface: ui,
      root: join(REPO_ROOT, 'notebooks'),
      port: await choosePort(values.port as string | undefined),
      token: randomBytes(24).toString('hex'),
      dir,
    });
    console.log(`✔ ${name} on ${server.base} (pid ${server.pid}, log ${relative(REPO_ROOT, server.log)})`);
    console.log('  open in your browser (the token in the address is the password):');
    for (const notebook of notebooks) console.log(`    ${server.notebookUrl(basename(notebook))}`);
    console.log('  Ctrl-C stops Jupyter and its kernels');

    if ((await untilStopped(server, stopRequested)) === 'exited') {
      throw new LabError(`${name} exited by itself`, `see its log, ${server.log}`);
    }
    console.log(`\nstopping ${name}…`);
    console.log(`✔ ${name} ${await server.stop()}`);
  },
);
