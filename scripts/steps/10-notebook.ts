// Step 10: the notebook: read the Parquet back, query it with SQL, describe it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notebookEvidence } from '../../lib/walkthrough/notebook-evidence.js';
import { purchasesWritten } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const EXECUTED_NOTEBOOK = 'querying-purchases.executed.ipynb';

export const notebook: Step = {
  id: 10,
  title: 'Query the purchases in a notebook',
  original: [
    "docker-compose exec spark env PYSPARK_DRIVER_PYTHON=jupyter PYSPARK_DRIVER_PYTHON_OPTS='notebook --no-browser --port 8888 --ip 0.0.0.0 --allow-root' pyspark",
  ],
  explanation:
    'Runs notebooks/querying-purchases.ipynb with the real tslab (TypeScript) kernel, headless: it reads ' +
    'every Parquet part of /tmp/purchases through WebHDFS, shows it, registers it as the table purchases, ' +
    'selects the rows of user1.comcast.com with SQL (DuckDB), turns them into a danfo DataFrame (toPandas) ' +
    'and describes it as pandas would. To work in it yourself: `jupyter notebook notebooks/` (the kernel is ' +
    'installed by `npm run kernel:install`).',
  prerequisite: purchasesWritten,
  run: async (shell, { target, runDir, dryRun }) => {
    const executed = join(runDir, EXECUTED_NOTEBOOK);
    await shell.run(target.notebook(executed));
    if (dryRun) return;
    // what a student sees in Jupyter: each cell, then its text output
    notebookEvidence(readFileSync(executed, 'utf8')).cells.forEach((cell, i) => {
      shell.say(`In [${i + 1}]: ${cell.source.trim().split('\n').join('\n        ')}`);
      if (cell.text.trim()) shell.say(cell.text.trimEnd());
    });
  },
};

runWhenMain(notebook, import.meta.url);
