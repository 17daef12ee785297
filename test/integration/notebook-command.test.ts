// `npm run notebook` as a user runs it: what it says when the data is missing, and a real start of
// JupyterLab and of Notebook 7 (--classic): the address with its token answers, without the token it does
// not, and a Ctrl-C stops Jupyter. Its Jupyter data folder and PID folder are throwaway ones
// (JUPYTER_DATA_DIR, LAB_HOME); the lab's Jupyter is the real one, linked into that LAB_HOME.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { jupyterPython, jupyterVenvDir } from '../../lib/jupyter/python.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { freePort } from '../../lib/process/ports.js';
import { hdfs, testDir, writeTestPurchases } from './notebook-data.js';

const COMMAND = ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'notebook.ts')];
// an upper bound against a hang, never a measure: Jupyter answers within seconds
const START_MS = 90_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Notebook > npm run notebook', { timeout: 300_000 }, () => {
  const dir = testDir('notebook-command');
  let work: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await writeTestPurchases(dir);
    work = await mkdtemp(join(tmpdir(), 'notebook-command-'));
    // the lab's Jupyter as it is (made first if need be), not a second venv for a throwaway LAB_HOME
    jupyterPython();
    await mkdir(join(work, 'lab'));
    await symlink(jupyterVenvDir(), jupyterVenvDir(join(work, 'lab')));
    env = {
      ...process.env,
      JUPYTER_DATA_DIR: join(work, 'jupyter-data'),
      LAB_HOME: join(work, 'lab'),
      PURCHASES_DIR: dir,
    };
  });
  after(async () => {
    await hdfs.remove(dir);
    await rm(work, { recursive: true, force: true });
  });

  it('says what to run when the purchases are missing, and starts nothing', () => {
    const missing = testDir('notebook-command-missing');
    const result = spawnSync(process.execPath, COMMAND, {
      cwd: REPO_ROOT,
      env: { ...env, PURCHASES_DIR: missing },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, 'exit status');
    assert.match(
      result.stderr,
      new RegExp(`reads ${missing}, but ${missing} has not been written: run \`npm run lab:step-8\` first`),
      'what is missing and what to run',
    );
    assert.doesNotMatch(result.stdout, /JupyterLab on/, 'no Jupyter started');
  });

  /** Starts the command, reads the address it prints, checks it and the token, then Ctrl-C. */
  async function startAndStop(args: string[], name: string, path: string): Promise<void> {
    const port = await freePort();
    const child = spawn(process.execPath, [...COMMAND, ...args, '--port', String(port)], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    const address = new RegExp(
      `(http://127\\.0\\.0\\.1:\\d+/${path}/querying-purchases\\.ipynb\\?token=\\w+)`,
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within ${START_MS / 1000} s`)), START_MS);
        createInterface({ input: child.stdout }).on('line', (line) => {
          stdout.push(line);
          const found = address.exec(line);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      assert.ok(url.startsWith(`http://127.0.0.1:${port}/`), `on 127.0.0.1:${port}: ${url}`);
      assert.match(stdout.join('\n'), new RegExp(`✔ ${name} on http`), `says it started ${name}`);
      assert.equal((await fetch(url)).status, 200, 'the notebook page with the token');
      const withoutToken = await fetch(url.replace(/\?token=\w+/, ''), { redirect: 'manual' });
      assert.notEqual(withoutToken.status, 200, 'without the token: the login page instead');
      const pid = Number(/\(pid (\d+)/.exec(stdout.join('\n'))?.[1]);
      assert.ok(alive(pid), `Jupyter runs as pid ${pid}`);

      child.kill('SIGINT');
      const [code] = await exited;
      assert.equal(code, 0, `exit status after Ctrl-C (stderr: ${stderr})`);
      assert.match(stdout.join('\n'), new RegExp(`✔ ${name} stopped`), 'says it stopped Jupyter');
      assert.equal(alive(pid), false, 'Jupyter is gone');
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  }

  it('opens JupyterLab: prints the address with its token, serves it, and stops it on Ctrl-C', () =>
    startAndStop([], 'JupyterLab', 'lab/tree'));
  it('opens Notebook 7 with --classic, the same way', () =>
    startAndStop(['--classic'], 'Jupyter Notebook', 'notebooks'));
});
