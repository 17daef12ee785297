// Step 8: filtered_writes, the third batch job: Parquet to HDFS.
import { labProgram } from '../../lib/assignment/programs.js';
import { typescriptPurchasesDir } from '../../lib/walkthrough/plan.js';
import { topicHasEvents } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 8,
    title: 'Write the sword purchases to HDFS (batch job filtered_writes)',
    original: ['docker-compose exec spark spark-submit /w205/full-stack/filtered_writes.py'],
    explanation:
      'The same filter, then the rows are written to HDFS /tmp/purchases as Parquet, laid out as Spark does ' +
      '(one part-00000-<uuid>-c000.snappy.parquet file and an empty _SUCCESS marker), with overwrite semantics. ' +
      'The directory is built under a temporary name and renamed into place, so a reader never sees half of it. ' +
      "With --engine spark, the walkthrough's filtered_writes.py writes /tmp/purchases, and the lab's writes " +
      'the same rows beside it (/tmp/purchases_typescript) for the grade to compare.',
    needs: topicHasEvents,
    file: import.meta.url,
    job: true,
  },
  async ({ $, config }) => {
    if (config.engine === 'typescript') {
      await $`node --import tsx ${labProgram('filtered_writes')}`;
      return;
    }
    await $`spark-submit labs/spark/filtered_writes.py`;
    await $`node --import tsx ${labProgram('filtered_writes')} --output ${typescriptPurchasesDir(config.hdfs.purchasesDir)}`;
  },
);
