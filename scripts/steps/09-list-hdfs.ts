// Step 9: look at what filtered_writes left in HDFS, with Hadoop's own FsShell.
import { posix } from 'node:path';
import { purchasesWritten } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 9,
    title: 'List the files in HDFS',
    original: [
      'docker-compose exec cloudera hadoop fs -ls /tmp/',
      'docker-compose exec cloudera hadoop fs -ls /tmp/purchases/',
    ],
    explanation:
      'Lists /tmp/ and /tmp/purchases/ with Hadoop’s own `hadoop fs -ls` (FsShell, talking to the NameNode ' +
      'over RPC; bin/hadoop runs it with the local stack’s jars, or the Hadoop client of the app container ' +
      'with docker compose): the purchases directory holds the _SUCCESS marker and the Parquet part file.',
    needs: purchasesWritten,
    file: import.meta.url,
  },
  async ({ $, config }) => {
    const purchases = config.hdfs.purchasesDir;
    await $`hadoop fs -ls ${`${posix.dirname(purchases)}/`}`;
    await $`hadoop fs -ls ${`${purchases}/`}`;
  },
);
