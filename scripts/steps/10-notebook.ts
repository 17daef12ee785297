// Step 10: the notebook: read the Parquet back, query it with SQL, describe it.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { activeAssignment, labNotebook } from '../../lib/assignment/programs.js';
import { codeCells } from '../../lib/jupyter/executed-notebook.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { EXECUTED_NOTEBOOK } from '../../lib/walkthrough/evidence.js';
import { purchasesWritten } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 10,
    title: 'Query the purchases in a notebook',
    original: [
      "docker-compose exec spark env PYSPARK_DRIVER_PYTHON=jupyter PYSPARK_DRIVER_PYTHON_OPTS='notebook --no-browser --port 8888 --ip 0.0.0.0 --allow-root' pyspark",
    ],
    explanation:
      'Runs notebooks/querying-purchases.ipynb with the real tslab (TypeScript) kernel, headless: it reads ' +
      'every Parquet part of /tmp/purchases through WebHDFS, shows it, registers it as the table purchases, ' +
      'selects the rows of user1.comcast.com with SQL (DuckDB), turns them into a danfo DataFrame (toPandas) ' +
      'and describes it as pandas would, then charts the purchases per host. To work in it yourself: ' +
      '`npm run notebook` (JupyterLab; docs/notebook.md). Once the assignment is started, it runs ' +
      'assignment/querying-purchases.ipynb, the notebook of your questions.',
    needs: purchasesWritten,
    file: import.meta.url,
  },
  async ({ $, runDir, dryRun, say }) => {
    const executed = join(runDir, EXECUTED_NOTEBOOK);
    const assignment = activeAssignment();
    const output = relative(REPO_ROOT, executed);
    if (assignment) await $`npm run -s notebook:run -- --input ${labNotebook()} --output ${output}`;
    else await $`npm run -s notebook:run -- --output ${output}`;
    if (dryRun) return;
    // what a student sees in Jupyter: each cell, then its text output
    for (const cell of codeCells(readFileSync(executed, 'utf8'))) {
      say(`In [${cell.number}]: ${cell.source.trim().split('\n').join('\n        ')}`);
      if (cell.text.trim()) say(cell.text.trimEnd());
    }
  },
);
