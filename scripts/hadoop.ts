#!/usr/bin/env tsx
// `npm run hadoop -- fs -ls /tmp/`: Hadoop's own FsShell, with the local stack's jars and configuration,
// the counterpart of the original's `hadoop fs ...` in the cloudera container.
// `npm run hadoop -- --cluster fs -ls /tmp/`: the same on the cluster's HDFS (docs/cluster.md).
import { describeError } from '../lib/errors.js';
import { hadoopFs } from '../lib/stack/hdfs-service.js';
import { clusterLayout, stackLayout } from '../lib/stack/layout.js';

const words = process.argv.slice(2);
const cluster = words[0] === '--cluster';
const [command, ...args] = cluster ? words.slice(1) : words;
try {
  if (command !== 'fs') {
    throw new Error('usage: npm run hadoop -- [--cluster] fs <FsShell arguments>, e.g. fs -ls /tmp/');
  }
  process.stdout.write(hadoopFs(cluster ? clusterLayout() : stackLayout(), args));
} catch (err) {
  console.error(describeError(err));
  process.exit(1);
}
