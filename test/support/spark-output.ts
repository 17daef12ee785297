// Test data laid out as a Spark job writes it: `part-0000N-<uuid>-c000.snappy.parquet` files (columns
// sorted as Spark's Row(**kwargs) sorts them, every one an optional UTF8 string) and an empty `_SUCCESS`.
// filtered_writes writes the real /tmp/purchases; tests use this to write their own directories, and
// `npm run bench:notebook` its million rows (a part given as a SELECT, made inside DuckDB).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { compareNames } from '../../lib/spark/schema.js';
import { SqlSession } from '../../lib/notebook/sql-session.js';
import { tableFromRows, type Row } from '../../lib/notebook/table.js';

/** A part file's rows: given one by one, or a SELECT whose columns are VARCHAR in Spark's order. */
export type SparkPart = Row[] | { select: string };

async function partQuery(session: SqlSession, part: SparkPart): Promise<string> {
  if (!Array.isArray(part)) return part.select;
  const columns = [...new Set(part.flatMap((row) => Object.keys(row)))].sort(compareNames);
  await session.register('part', tableFromRows(part, { columns, types: columns.map(() => 'string') }));
  return 'SELECT * FROM part';
}

/** Writes one part file per part into the local folder `dir`, then `_SUCCESS`. */
export async function writeSparkOutput(dir: string, parts: SparkPart[]): Promise<void> {
  const job = randomUUID();
  const session = await SqlSession.open();
  try {
    for (const [i, part] of parts.entries()) {
      const file = join(dir, `part-${String(i).padStart(5, '0')}-${job}-c000.snappy.parquet`);
      await session.copyToParquet(await partQuery(session, part), file);
    }
  } finally {
    session.close();
  }
  await writeFile(join(dir, '_SUCCESS'), '');
}

/** The same output written to `hdfsDir` in HDFS (created; files already there are overwritten). */
export async function uploadSparkOutput(
  hdfs: HdfsClient,
  hdfsDir: string,
  parts: SparkPart[],
): Promise<void> {
  const local = await mkdtemp(join(tmpdir(), 'spark-output-'));
  try {
    await writeSparkOutput(local, parts);
    await hdfs.mkdirs(hdfsDir);
    for (const name of await readdir(local)) await hdfs.upload(join(local, name), posix.join(hdfsDir, name));
  } finally {
    await rm(local, { recursive: true, force: true });
  }
}
