#!/usr/bin/env tsx
// npm run kernel:install — installs the tslab (TypeScript) kernel for this user's Jupyter, pointing at
// this project's own tslab, and trusts the lab's notebooks so their committed charts show on open. Safe
// to run again (it replaces the kernelspec; a notebook already trusted stays so). See kernel-setup/README.md.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runMain } from '../lib/cli.js';
import { setUpKernel } from '../lib/jupyter/setup.js';
import { REPO_ROOT } from '../lib/paths.js';

runMain(
  import.meta.url,
  {
    command: 'npm run kernel:install',
    summary: "Installs the tslab (TypeScript) kernel for this user's Jupyter and trusts the lab's notebooks.",
  },
  () => {
    const { python, kernelDir, argv, notebooks } = setUpKernel();
    console.log(`Jupyter's Python: ${python}`);
    console.log(`✔ kernel "tslab" (TypeScript) installed in ${kernelDir}`);
    console.log(`  starts: ${argv.join(' ')}`);
    console.log(`✔ trusted (jupyter trust): ${notebooks.map((nb) => relative(REPO_ROOT, nb)).join(', ')}`);
    if (!existsSync(join(REPO_ROOT, 'dist', 'lib', 'notebook', 'index.js'))) {
      console.log('  next: `npm run build` — notebook cells import the compiled library from dist/');
    }
    console.log('  open the notebooks: `npm run notebook` (VS Code and more: docs/notebook.md)');
  },
);
