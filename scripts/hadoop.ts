// `npm run hadoop -- fs -ls /tmp/` (or bin/hadoop fs -ls /tmp/): Hadoop's own FsShell, with the local
// stack's jars and configuration, the counterpart of the original's `hadoop fs ...` in the cloudera container.
import { runMain, UsageError } from '../lib/cli.js';
import { hadoopFs } from '../lib/stack/hdfs-service.js';
import { stackLayout } from '../lib/stack/layout.js';

runMain(
  import.meta.url,
  {
    command: 'npm run hadoop --',
    summary: "Hadoop's FsShell against the local stack, e.g. `npm run hadoop -- fs -ls /tmp/`.",
    positionals: 'fs <FsShell arguments>',
    passThrough: true,
  },
  ({ positionals: [command, ...args] }) => {
    if (command !== 'fs') throw new UsageError(`hadoop ${command}: only \`hadoop fs …\` is here`);
    process.stdout.write(hadoopFs(stackLayout(), args));
  },
);
