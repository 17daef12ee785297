#!/usr/bin/env tsx
// npm run notebook:run [-- --output <file>] [--input <notebook>]
// Executes notebooks/querying-purchases.ipynb with the real tslab kernel and writes its outputs back
// (or to --output): how the committed notebook's outputs are made. The kernel reads PURCHASES_DIR
// (default /tmp/purchases) and the WEBHDFS_* settings from this environment.
import { join, relative } from 'node:path';
import { argv } from 'zx';
import { describeError } from '../lib/errors.js';
import { REPO_ROOT } from '../lib/paths.js';
import { executeNotebook } from '../kernel-setup/execute-notebook.js';

const PURCHASES_NOTEBOOK = join(REPO_ROOT, 'notebooks', 'querying-purchases.ipynb');

const input = String(argv.input ?? PURCHASES_NOTEBOOK);
const output = String(argv.output ?? input);
console.log(
  `$ jupyter nbconvert --execute ${relative(process.cwd(), input)} (kernel tslab) → ${relative(process.cwd(), output)}`,
);
try {
  await executeNotebook({ input, output });
  console.log(`✔ executed; outputs written to ${output}`);
} catch (err) {
  console.error(`✘ ${describeError(err)}`);
  process.exit(1);
}
