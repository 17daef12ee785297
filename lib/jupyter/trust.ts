// `jupyter trust NOTEBOOK…`: signs notebooks with this user's Jupyter key, so that Jupyter shows their
// committed SVG and HTML outputs on open (it hides them in a notebook it does not trust until the cells
// run again). A signature covers the notebook's content, so it is renewed whenever the outputs change.
// `python -m nbformat.sign` is the program `jupyter trust` runs (nbformat's TrustNotebookApp), called
// here in the lab's Jupyter Python with no launcher in between.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors.js';
import { REPO_ROOT } from '../paths.js';

/** The lab's notebooks: every .ipynb in notebooks/. */
export function labNotebooks(root: string = REPO_ROOT): string[] {
  const dir = join(root, 'notebooks');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => join(dir, name));
}

/** Signs the notebooks for the Jupyter of `python` (in $JUPYTER_DATA_DIR, else ~/.local/share/jupyter). */
export function trustNotebooks(
  python: string,
  notebooks: string[],
  env: NodeJS.ProcessEnv = process.env,
): void {
  const result = spawnSync(python, ['-m', 'nbformat.sign', ...notebooks], { encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new LabError(
      `Trusting ${notebooks.join(', ')} with ${python} failed: ${(result.stderr || result.error?.message || '').trim()}`,
      'check that this Python runs Jupyter (`<python> -m jupyter --paths`), or set JUPYTER_PYTHON',
    );
  }
}
