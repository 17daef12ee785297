// npm run notebook:run [-- --output <file>] [--input <notebook>]
// Executes notebooks/querying-purchases.ipynb with the real tslab kernel and writes its outputs back
// (or to --output): how the committed notebook's outputs are made. The kernel reads PURCHASES_DIR
// (default /tmp/purchases) and the WEBHDFS_* settings from this environment. The written notebook is
// trusted (`jupyter trust`), so Jupyter shows its new chart on open.
import { join, relative } from 'node:path';
import { runMain } from '../lib/cli.js';
import { executeNotebook } from '../lib/jupyter/execute.js';
import { REPO_ROOT } from '../lib/paths.js';

runMain(
  import.meta.url,
  {
    command: 'npm run notebook:run --',
    summary:
      'Runs a notebook headless with the tslab kernel (nbclient) and writes it with its outputs, trusted.',
    options: {
      input: { type: 'string', value: 'NOTEBOOK', help: 'default: notebooks/querying-purchases.ipynb' },
      output: {
        type: 'string',
        value: 'FILE',
        help: 'where the executed notebook goes (default: the input)',
      },
    },
  },
  async ({ values }) => {
    const input = String(values.input ?? join(REPO_ROOT, 'notebooks', 'querying-purchases.ipynb'));
    const output = String(values.output ?? input);
    console.log(
      `Running ${relative(process.cwd(), input)} on the tslab kernel (nbclient, as jupyter nbconvert --execute) → ${relative(process.cwd(), output)}`,
    );
    await executeNotebook({ input, output, trust: true });
    console.log(`✔ executed; outputs written to ${output} (trusted)`);
  },
);
