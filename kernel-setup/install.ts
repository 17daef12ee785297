#!/usr/bin/env tsx
// npm run kernel:install — installs the tslab (TypeScript) kernel for this user's Jupyter, pointing at
// this project's own tslab, and trusts the lab's notebooks so their committed charts show on open. Safe
// to run again (it replaces the kernelspec; a notebook already trusted stays so). See kernel-setup/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runMain } from '../lib/cli.js';
import { PrerequisiteError } from '../lib/errors.js';
import { findJupyterPython } from '../lib/jupyter/python.js';
import { labNotebooks, trustNotebooks } from '../lib/jupyter/trust.js';
import { REPO_ROOT } from '../lib/paths.js';
import { checkNodeVersion, installKernelSpec, tslabBinary } from '../lib/jupyter/kernelspec.js';

runMain(
  import.meta.url,
  {
    command: 'npm run kernel:install',
    summary: "Installs the tslab (TypeScript) kernel for this user's Jupyter and trusts the lab's notebooks.",
  },
  () => {
    checkNodeVersion();
    if (!existsSync(tslabBinary())) {
      throw new PrerequisiteError(`${tslabBinary()} is missing`, 'run `npm ci` first');
    }
    const python = findJupyterPython(['jupyter_client', 'nbformat']);
    console.log(`Jupyter's Python: ${python}`);
    const kernelDir = installKernelSpec(python);
    const installed = JSON.parse(readFileSync(join(kernelDir, 'kernel.json'), 'utf8')) as { argv: string[] };
    console.log(`✔ kernel "tslab" (TypeScript) installed in ${kernelDir}`);
    console.log(`  starts: ${installed.argv.join(' ')}`);
    const notebooks = labNotebooks();
    trustNotebooks(python, notebooks);
    console.log(`✔ trusted (jupyter trust): ${notebooks.map((nb) => relative(REPO_ROOT, nb)).join(', ')}`);
    if (!existsSync(join(REPO_ROOT, 'dist', 'lib', 'notebook', 'index.js'))) {
      console.log('  next: `npm run build` — notebook cells import the compiled library from dist/');
    }
    console.log('  open the notebooks: `npm run notebook` (or JupyterLab / VS Code: kernel-setup/README.md)');
  },
);
