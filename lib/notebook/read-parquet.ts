// `spark.read.parquet(dir)` for the notebook: the directory is listed over WebHDFS, every data part
// (Spark skips `_SUCCESS` and other names starting with `_` or `.`) is fetched to a local copy, and
// DuckDB reads them all, in name order. The rows stay in DuckDB (result-table.ts): a cell that counts
// or shows them never turns a million rows into JavaScript objects.
//
// filtered_writes may leave parts of different schemas (events with and without `description`):
// the columns are merged by name, as Spark's mergeSchema does, and a row lacking one has null there.
import { PrerequisiteError } from '../errors.js';
import { HdfsClient, type FileStatus } from '../hdfs/hdfs-client.js';
import { sqlString } from '../parquet/duckdb.js';
import { localCopy } from './parquet-cache.js';
import { notebookSession } from './sql-session.js';
import type { Table } from './table.js';

/** Spark skips files whose names start with `_` or `.` (`_SUCCESS`, checksums); everything else is data. */
export function isDataFile(entry: FileStatus): boolean {
  return entry.type === 'FILE' && !entry.pathSuffix.startsWith('_') && !entry.pathSuffix.startsWith('.');
}

/** What the reader needs from HDFS (a local stand-in in unit tests). */
export type HdfsReader = Pick<HdfsClient, 'stat' | 'list' | 'readFile'>;

async function dataFiles(hdfs: HdfsReader, dir: string): Promise<FileStatus[]> {
  const status = await hdfs.stat(dir);
  const writtenBy = 'write it first: `npm run lab:step-8` (filtered_writes)';
  if (!status) throw new PrerequisiteError(`${dir} does not exist in HDFS`, writtenBy);
  if (status.type !== 'DIRECTORY')
    throw new PrerequisiteError(`${dir} in HDFS is a file, not a Parquet directory`, writtenBy);
  const parts = (await hdfs.list(dir)).filter(isDataFile);
  if (parts.length === 0)
    throw new PrerequisiteError(`${dir} in HDFS holds no Parquet part files`, writtenBy);
  return parts;
}

/** Reads every part of `dir` (in name order) into one table, held by the notebook's SQL session. */
export async function readParquet(
  dir: string,
  { hdfs = new HdfsClient() }: { hdfs?: HdfsReader } = {},
): Promise<Table> {
  const folder = dir.replace(/\/+$/, '');
  const files = await Promise.all(
    (await dataFiles(hdfs, dir)).map((part) => {
      const path = `${folder}/${part.pathSuffix}`;
      const version = { path, length: part.length, modificationTime: part.modificationTime };
      return localCopy(version, () => hdfs.readFile(path));
    }),
  );
  return (await notebookSession()).read({
    from: `read_parquet([${files.map(sqlString).join(', ')}], union_by_name = true)`,
    // DuckDB's virtual columns of a Parquet scan: which file, which row in it
    position: '(file_index, file_row_number)',
  });
}
