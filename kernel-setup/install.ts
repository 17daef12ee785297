#!/usr/bin/env tsx
// npm run kernel:install — installs the tslab (TypeScript) kernel for this user's Jupyter, pointing at
// this project's own tslab. Safe to run again (it replaces the kernelspec). See kernel-setup/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, PrerequisiteError } from '../lib/errors.js';
import { findJupyterPython } from '../lib/jupyter/python.js';
import { REPO_ROOT } from '../lib/paths.js';
import { checkNodeVersion, installKernelSpec, tslabBinary } from '../lib/jupyter/kernelspec.js';

function main(): void {
  checkNodeVersion();
  if (!existsSync(tslabBinary())) {
    throw new PrerequisiteError(`${tslabBinary()} is missing`, 'run `npm ci` first');
  }
  const python = findJupyterPython();
  console.log(`Jupyter's Python: ${python}`);
  const kernelDir = installKernelSpec(python);
  const installed = JSON.parse(readFileSync(join(kernelDir, 'kernel.json'), 'utf8')) as { argv: string[] };
  console.log(`✔ kernel "tslab" (TypeScript) installed in ${kernelDir}`);
  console.log(`  starts: ${installed.argv.join(' ')}`);
  if (!existsSync(join(REPO_ROOT, 'dist', 'lib', 'notebook', 'index.js'))) {
    console.log('  next: `npm run build` — notebook cells import the compiled library from dist/');
  }
  console.log(
    '  open the notebooks: `jupyter notebook notebooks/` (or JupyterLab / VS Code: kernel-setup/README.md)',
  );
}

try {
  main();
} catch (err) {
  console.error(`✘ ${describeError(err)}`);
  process.exit(1);
}
