// Step 8: filtered_writes, the third batch job: Parquet to HDFS.
import { topicHasEvents } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 8,
    title: 'Write the sword purchases to HDFS (batch job filtered_writes)',
    original: ['docker-compose exec spark spark-submit /w205/assignment-12-adamcy99/filtered_writes.py'],
    explanation:
      'The same filter, then the rows are written to HDFS /tmp/purchases as Parquet, laid out as Spark does ' +
      '(one part-00000-<uuid>-c000.snappy.parquet file and an empty _SUCCESS marker), with overwrite semantics. ' +
      'The directory is built under a temporary name and renamed into place, so a reader never sees half of it.',
    needs: topicHasEvents,
    file: import.meta.url,
  },
  async ({ $ }) => {
    await $`npx tsx labs/filtered_writes.ts`;
  },
);
