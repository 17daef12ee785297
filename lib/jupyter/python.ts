// The lab's Jupyter: JupyterLab 4, Notebook 7, nbclient and everything they need at the versions pinned
// in lib/jupyter/requirements.txt, in a virtual environment of the project's own
// ($LAB_HOME/jupyter-venv, pip's cache in ~/.cache/pip), created on first use. One Jupyter serves
// `npm run notebook`, the headless runner (step 10, `npm run notebook:run`) and the tests, whatever
// Jupyter the machine has or lacks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { REPO_ROOT } from '../paths.js';
import { whichAll } from '../process/tools.js';
import { stackLayout } from '../stack/layout.js';

export const REQUIREMENTS = join(REPO_ROOT, 'lib', 'jupyter', 'requirements.txt');

/** The venv's folder: shared by every checkout that shares the LAB_HOME. */
export const jupyterVenvDir = (home: string = stackLayout().home): string => join(home, 'jupyter-venv');

/** The venv's Python. */
export const venvPython = (venv: string): string => join(venv, 'bin', 'python');

/** The copy of requirements.txt a finished install leaves in the venv: ready when it equals ours. */
const installedRequirements = (venv: string) => join(venv, 'lab-requirements.txt');

/**
 * Settings JupyterLab and Notebook 7 take over their defaults (`<venv>/share/jupyter/lab/settings/
 * overrides.json`): they never ask the network for Jupyter's news or newer versions, so the first screen
 * has no "Would you like to get notified about official Jupyter news?" over the notebook.
 */
const LAB_OVERRIDES = {
  '@jupyterlab/apputils-extension:notification': { fetchNews: 'false', checkForUpdates: false },
};

function writeLabOverrides(venv: string): void {
  const dir = join(venv, 'share', 'jupyter', 'lab', 'settings');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'overrides.json'), `${JSON.stringify(LAB_OVERRIDES, null, 2)}\n`);
}

/** True when `python` starts and has every module (found, not imported). */
export function hasModules(python: string, modules: string[]): boolean {
  const check = `import importlib.util, sys; sys.exit(0 if all(importlib.util.find_spec(m) for m in ${JSON.stringify(modules)}) else 1)`;
  const result = spawnSync(python, ['-c', check], { stdio: 'ignore', timeout: 60_000 });
  return result.status === 0;
}

/** A Python 3 that can make a virtual environment with pip in it: python3 on PATH, then the system's. */
function basePython(): string {
  const candidates = [...new Set([...whichAll('python3'), '/usr/bin/python3'])];
  const found = candidates.find((python) => hasModules(python, ['venv', 'ensurepip']));
  if (found) return found;
  throw new PrerequisiteError(
    `no Python 3 here can create a virtual environment (tried ${candidates.join(', ')})`,
    'install Python 3 with venv: `sudo apt-get install python3-venv` (Debian/Ubuntu; scripts/bootstrap.sh does it)',
  );
}

function runPhase(label: string, log: (line: string) => void, command: string, args: string[]): void {
  log(`  ${label} …`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    const tail = (result.stderr || result.error?.message || '').trim().split('\n').slice(-10).join('\n');
    throw new PrerequisiteError(
      `${label} failed (${command} ${args.join(' ')}):\n${tail}`,
      'PyPI must be reachable (pip); run the command again once it is, it picks up where it stopped',
    );
  }
  log(`  ✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Sleeps without giving up the thread (the callers are synchronous). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The lab's Jupyter Python, the venv created or brought to requirements.txt first when needed, a line
 * per phase. Two processes asking at once: one installs, the other waits for it (a lock folder).
 */
export function jupyterPython(
  venv: string = jupyterVenvDir(),
  log: (line: string) => void = (line) => console.log(line),
): string {
  const wanted = readFileSync(REQUIREMENTS, 'utf8');
  const ready = () =>
    existsSync(installedRequirements(venv)) && readFileSync(installedRequirements(venv), 'utf8') === wanted;
  if (ready()) {
    writeLabOverrides(venv);
    return venvPython(venv);
  }
  const lock = `${venv}.lock`;
  const deadline = Date.now() + 15 * 60_000;
  // a fresh checkout has no stack home yet: only a lock that exists means another install
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() > deadline) {
        throw new PrerequisiteError(
          `${lock} has been held for 15 minutes: another install of the lab's Jupyter seems stuck`,
          `stop it, remove ${lock}, and run this again`,
        );
      }
      sleep(1000);
      if (ready()) return venvPython(venv);
    }
  }
  try {
    log(`The lab's Jupyter (JupyterLab, Notebook, nbclient; lib/jupyter/requirements.txt) → ${venv}`);
    if (!existsSync(venvPython(venv))) {
      rmSync(venv, { recursive: true, force: true });
      runPhase('create the virtual environment', log, basePython(), ['-m', 'venv', venv]);
    }
    const packages = wanted.split('\n').filter((line) => /^[A-Za-z]/.test(line)).length;
    runPhase(`pip install ${packages} pinned packages`, log, venvPython(venv), [
      ...['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check'],
      ...['--requirement', REQUIREMENTS],
    ]);
    writeLabOverrides(venv);
    writeFileSync(installedRequirements(venv), wanted);
    return venvPython(venv);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
