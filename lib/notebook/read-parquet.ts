// spark.read.parquet(dir) for the notebook: every Parquet part of an HDFS directory, fetched through
// WebHDFS and read by DuckDB. Parts may differ in columns (events with and without `description`):
// the columns are merged by name, as Spark's mergeSchema does, and a row lacking one has null there.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { HdfsClient, type FileStatus } from '../hdfs/hdfs-client.js';
import { sqlString, withDuckDb } from '../parquet/duckdb.js';
import { queryTable } from './sql-session.js';
import type { Table } from './table.js';

/** Spark skips files whose names start with `_` or `.` (`_SUCCESS`, checksums); everything else is data. */
export function isDataFile(entry: FileStatus): boolean {
  return entry.type === 'FILE' && !entry.pathSuffix.startsWith('_') && !entry.pathSuffix.startsWith('.');
}

/** What the reader needs from HDFS (a local stand-in in unit tests). */
export type HdfsReader = Pick<HdfsClient, 'stat' | 'list' | 'readFile'>;

async function dataFiles(hdfs: HdfsReader, dir: string): Promise<string[]> {
  const status = await hdfs.stat(dir);
  const writtenBy = 'write it first: `npm run lab:step-8` (filtered_writes)';
  if (!status) throw new PrerequisiteError(`${dir} does not exist in HDFS`, writtenBy);
  if (status.type !== 'DIRECTORY')
    throw new PrerequisiteError(`${dir} in HDFS is a file, not a Parquet directory`, writtenBy);
  const parts = (await hdfs.list(dir))
    .filter(isDataFile)
    .map((entry) => `${dir.replace(/\/+$/, '')}/${entry.pathSuffix}`);
  if (parts.length === 0)
    throw new PrerequisiteError(`${dir} in HDFS holds no Parquet part files`, writtenBy);
  return parts;
}

/** Reads every part of `dir` (in name order) into one table. */
export async function readParquet(
  dir: string,
  { hdfs = new HdfsClient() }: { hdfs?: HdfsReader } = {},
): Promise<Table> {
  const parts = await dataFiles(hdfs, dir);
  const local = await mkdtemp(join(tmpdir(), 'read-parquet-'));
  try {
    const files = await Promise.all(
      parts.map(async (part, i) => {
        const file = join(local, `part-${i}.parquet`);
        await writeFile(file, await hdfs.readFile(part));
        return file;
      }),
    );
    const list = files.map(sqlString).join(', ');
    return await withDuckDb((db) =>
      queryTable(db, `SELECT * FROM read_parquet([${list}], union_by_name = true)`),
    );
  } finally {
    await rm(local, { recursive: true, force: true });
  }
}
