// spark.read.parquet(dir) of a partitioned folder, as `separate_events --write` leaves it: every
// `column=value` folder read with readParquet, the column put back from the folder's name as the last
// column (Spark's partition discovery), one table of them all.
import { PrerequisiteError } from '../errors.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { parsePartitionFolder } from '../parquet/partitions.js';
import { readParquet, type HdfsReader } from './read-parquet.js';
import { tableFromRows, type Row, type Table } from './table.js';

/** Reads every partition of `dir` (in name order) into one table, the partition column last. */
export async function readPartitioned(
  dir: string,
  { hdfs = new HdfsClient() }: { hdfs?: HdfsReader } = {},
): Promise<Table> {
  const writtenBy = `write it first: \`npx tsx labs/separate_events.ts --write ${dir}\``;
  if (!(await hdfs.stat(dir))) throw new PrerequisiteError(`${dir} does not exist in HDFS`, writtenBy);
  const partitions = (await hdfs.list(dir))
    .filter((entry) => entry.type === 'DIRECTORY')
    .map((entry) => entry.pathSuffix)
    .sort()
    .flatMap((name) => {
      const partition = parsePartitionFolder(name);
      return partition ? [{ name, ...partition }] : [];
    });
  if (partitions.length === 0) {
    throw new PrerequisiteError(`${dir} in HDFS holds no column=value partition folders`, writtenBy);
  }
  const types = new Map<string, string>();
  const rows: Row[] = [];
  for (const { name, column, value } of partitions) {
    const table = await readParquet(`${dir.replace(/\/+$/, '')}/${name}`, { hdfs });
    table.columns.forEach((c, i) => types.set(c, types.get(c) ?? table.types[i]));
    for (const row of table.rows) rows.push({ ...row, [column]: value });
  }
  for (const { column } of partitions) types.set(column, 'string');
  return tableFromRows(rows, { columns: [...types.keys()], types: [...types.values()] });
}
