// `npm run hadoop -- fs -ls /tmp/` (or bin/hadoop fs -ls /tmp/): Hadoop's own FsShell, with the local
// stack's jars and configuration, the counterpart of the original's `hadoop fs ...` in the cloudera container.
// `npm run hadoop -- --cluster fs -ls /tmp/` (or LAB_STACK=cluster, as `npm run lab -- --cluster` sets it): the same on the cluster's HDFS (docs/cluster.md).
import { runMain, UsageError } from '../lib/cli.js';
import { hadoopFs } from '../lib/stack/hdfs-daemons.js';
import { clusterLayout, stackLayout } from '../lib/stack/layout.js';

runMain(
  import.meta.url,
  {
    command: 'npm run hadoop --',
    summary: "Hadoop's FsShell against the local stack, e.g. `npm run hadoop -- fs -ls /tmp/`.",
    positionals: '[--cluster] fs <FsShell arguments>',
    passThrough: true,
  },
  ({ positionals }) => {
    const cluster = positionals[0] === '--cluster' || process.env.LAB_STACK === 'cluster';
    const [command, ...args] = positionals[0] === '--cluster' ? positionals.slice(1) : positionals;
    if (command !== 'fs') throw new UsageError(`hadoop ${command ?? ''}: only \`hadoop fs …\` is here`);
    process.stdout.write(hadoopFs(cluster ? clusterLayout() : stackLayout(), args));
  },
);
