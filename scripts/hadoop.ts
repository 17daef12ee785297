#!/usr/bin/env tsx
// `npm run hadoop -- fs -ls /tmp/`: Hadoop's own FsShell, with the local stack's jars and configuration,
// the counterpart of the original's `hadoop fs ...` in the cloudera container.
import { describeError } from '../lib/errors.js';
import { hadoopFs } from '../lib/stack/hdfs-service.js';
import { stackLayout } from '../lib/stack/layout.js';

const [command, ...args] = process.argv.slice(2);
try {
  if (command !== 'fs') throw new Error('usage: npm run hadoop -- fs <FsShell arguments>, e.g. fs -ls /tmp/');
  process.stdout.write(hadoopFs(stackLayout(), args));
} catch (err) {
  console.error(describeError(err));
  process.exit(1);
}
