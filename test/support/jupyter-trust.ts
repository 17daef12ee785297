// Whether Jupyter trusts a notebook, asked of Jupyter itself (NotebookNotary, as Jupyter Notebook checks
// on open), with the signatures kept in the Jupyter data folder `jupyterDataDir`.
import { execFileSync } from 'node:child_process';
import { jupyterPython } from '../../lib/jupyter/python.js';

export const isTrusted = (notebook: string, jupyterDataDir: string): boolean =>
  execFileSync(
    jupyterPython(),
    [
      '-c',
      'import sys, nbformat; from nbformat.sign import NotebookNotary; print(NotebookNotary().check_signature(nbformat.read(sys.argv[1], 4)))',
      notebook,
    ],
    { env: { ...process.env, JUPYTER_DATA_DIR: jupyterDataDir }, encoding: 'utf8' },
  ).trim() === 'True';
