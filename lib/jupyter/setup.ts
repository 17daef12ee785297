// The kernel ready for the lab's Jupyter (lib/jupyter/python.ts, created on first use) and for every other
// Jupyter of this user (VS Code, a JupyterLab of their own), as `npm run kernel:install` leaves it and
// `npm run notebook` makes sure of before it starts Jupyter: the kernelspec installed for this user
// (replacing an earlier one, so a moved project or another Node is picked up) and the notebooks trusted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { checkNodeVersion, installKernelSpec, tslabBinary, type KernelSpec } from './kernelspec.js';
import { jupyterPython } from './python.js';
import { labNotebooks, trustNotebooks } from './trust.js';

export interface KernelSetup {
  /** the Python that runs Jupyter */
  python: string;
  /** where the kernelspec went */
  kernelDir: string;
  argv: string[];
  /** the notebooks now trusted */
  notebooks: string[];
}

/** `env`: Jupyter's environment, e.g. a JUPYTER_DATA_DIR of a test's own. */
export function setUpKernel(env: NodeJS.ProcessEnv = process.env): KernelSetup {
  checkNodeVersion();
  if (!existsSync(tslabBinary())) {
    throw new PrerequisiteError(`${tslabBinary()} is missing`, 'run `npm ci` first');
  }
  const python = jupyterPython();
  const kernelDir = installKernelSpec(python, undefined, env);
  const { argv } = JSON.parse(readFileSync(join(kernelDir, 'kernel.json'), 'utf8')) as KernelSpec;
  const notebooks = labNotebooks();
  trustNotebooks(python, notebooks, env);
  return { python, kernelDir, argv, notebooks };
}
