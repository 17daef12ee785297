// Finding the Python that Jupyter runs in. The first `python3` on PATH is often not it (here a pyenv
// Python without Jupyter shadows Debian's /usr/bin/python3, which /usr/bin/jupyter runs), so the
// candidates are checked for the modules we need, in this order: $JUPYTER_PYTHON,
// the interpreter named in the #! line of each Jupyter launcher along PATH (`jupyter`, and `jupyter-lab`
// / `jupyter-notebook` for pipx installs that expose only those), python3 on PATH, /usr/bin/python3.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PrerequisiteError } from '../errors.js';
import { whichAll } from '../process/tools.js';

type Env = Record<string, string | undefined>;

/**
 * The interpreter a script's #! line names: `#!/usr/bin/python3` → /usr/bin/python3,
 * `#!/usr/bin/env python3` → python3 looked up on PATH; null for non-Python launchers (pyenv shims).
 */
export function shebangPython(script: string, env: Env = process.env): string | null {
  let first: string;
  try {
    first = readFileSync(script, 'latin1').split('\n', 1)[0];
  } catch {
    return null;
  }
  const words = first
    .replace(/^#!\s*/, '')
    .trim()
    .split(/\s+/);
  if (!first.startsWith('#!') || words.length === 0) return null;
  const [program, argument] = words;
  const interpreter = program.endsWith('/env') ? argument : program;
  if (!interpreter || !/python[\d.]*$/.test(interpreter)) return null;
  return interpreter.includes('/') ? interpreter : (whichAll(interpreter, env)[0] ?? null);
}

export function pythonCandidates(env: Env = process.env): string[] {
  const launchers = ['jupyter', 'jupyter-lab', 'jupyter-notebook'].flatMap((name) => whichAll(name, env));
  const fromLaunchers = launchers.map((launcher) => shebangPython(launcher, env));
  const candidates = [env.JUPYTER_PYTHON, ...fromLaunchers, ...whichAll('python3', env), '/usr/bin/python3'];
  return [...new Set(candidates.filter((c): c is string => Boolean(c)))];
}

/**
 * True when `python` starts and has every module. Found, not imported: importing nbconvert alone is slow,
 * and the program that uses it imports it anyway (and says so if it is broken).
 */
export function hasModules(python: string, modules: string[]): boolean {
  const check = `import importlib.util, sys; sys.exit(0 if all(importlib.util.find_spec(m) for m in ${JSON.stringify(modules)}) else 1)`;
  const result = spawnSync(python, ['-c', check], { stdio: 'ignore', timeout: 60_000 });
  return result.status === 0;
}

export const NO_JUPYTER_HINT =
  'install Jupyter, then run this again: `sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient` ' +
  '(Debian/Ubuntu; scripts/bootstrap.sh does it) or `pipx install notebook` / `python3 -m pip install --user notebook nbclient`. ' +
  'If Jupyter lives in a Python that is not on PATH (a venv, conda), name it: JUPYTER_PYTHON=/path/to/python npm run kernel:install';

/** The first candidate Python that has `modules` (jupyter_client by default), or a PrerequisiteError. */
export function findJupyterPython(modules: string[] = ['jupyter_client'], env: Env = process.env): string {
  const candidates = pythonCandidates(env);
  const found = candidates.find((python) => hasModules(python, modules));
  if (found) return found;
  throw new PrerequisiteError(
    `No Jupyter found: none of ${candidates.join(', ') || '(no python on PATH)'} has ${modules.join(', ')}`,
    NO_JUPYTER_HINT,
  );
}
