// Step 9: look at what filtered_writes left in HDFS, with Hadoop's own FsShell.
import { PURCHASES_DIR, purchasesWritten } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const listHdfs: Step = {
  id: 9,
  title: 'List the files in HDFS',
  original: [
    'docker-compose exec cloudera hadoop fs -ls /tmp/',
    'docker-compose exec cloudera hadoop fs -ls /tmp/purchases/',
  ],
  explanation:
    'Lists /tmp/ and /tmp/purchases/ with Hadoop’s own `hadoop fs -ls` (FsShell from the stack’s Hadoop ' +
    'jars, talking to the NameNode over RPC): the purchases directory holds the _SUCCESS marker and the ' +
    'Parquet part file.',
  prerequisite: purchasesWritten,
  run: async (shell, { target }) => {
    await shell.run(target.hadoopFs(['-ls', '/tmp/']));
    await shell.run(target.hadoopFs(['-ls', `${PURCHASES_DIR}/`]));
  },
};

runWhenMain(listHdfs, import.meta.url);
