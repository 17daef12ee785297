// filtered_writes.py as a TypeScript CLI: `npx tsx labs/filtered_writes.ts [--topic NAME] [--output HDFS_PATH] [--writer duckdb|parquetjs-lite]`.
// The job itself lives in lib/jobs/filtered-writes.ts.
import { runJobCli } from '../lib/jobs/cli.js';
import { filteredWrites } from '../lib/jobs/filtered-writes.js';

runJobCli(filteredWrites, { writes: true });
