// Whether Jupyter trusts a notebook, asked of Jupyter itself (NotebookNotary, as Jupyter Notebook checks
// on open), with the signatures of the Jupyter data folder in `env`.
import { execFileSync } from 'node:child_process';
import { findJupyterPython } from '../../lib/jupyter/python.js';

export const isTrusted = (notebook: string, env: NodeJS.ProcessEnv): boolean =>
  execFileSync(
    findJupyterPython(['nbformat']),
    [
      '-c',
      'import sys, nbformat; from nbformat.sign import NotebookNotary; print(NotebookNotary().check_signature(nbformat.read(sys.argv[1], 4)))',
      notebook,
    ],
    { env, encoding: 'utf8' },
  ).trim() === 'True';
