// Two ways to turn the spooled rows (NDJSON, every value a string or null) into one Snappy Parquet
// file whose columns are all optional UTF8 strings, as Spark wrote the lab's rows. The jobs use DuckDB
// (much faster and much smaller files: docs/benchmarks.md); parquetjs-lite stays as the measured
// alternative in `npm run bench:extract`.
import { stat } from 'node:fs/promises';
import parquet from 'parquetjs-lite';
import { readNdjson } from './ndjson.js';
import { sqlIdentifier, sqlString, withDuckDb } from './duckdb.js';

export interface ParquetWrite {
  rows: number;
  bytes: number;
}

export type ParquetFileWriter = (
  ndjsonPath: string,
  columns: string[],
  parquetPath: string,
) => Promise<ParquetWrite>;

/** DuckDB reads the NDJSON as declared VARCHAR columns (missing → NULL) and COPYs it out, streaming. */
export const writeParquetWithDuckDb: ParquetFileWriter = async (ndjsonPath, columns, parquetPath) => {
  const declared = columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  const rows = await withDuckDb(async (db) => {
    // One thread: as fast here (one file, rows in order), and less memory than one per core.
    await db.run('SET threads = 1');
    const result = await db.run(
      `COPY (SELECT ${columns.map(sqlIdentifier).join(', ')} FROM read_json(${sqlString(ndjsonPath)}, ` +
        `format = 'newline_delimited', columns = {${declared}})) ` +
        `TO ${sqlString(parquetPath)} (FORMAT PARQUET, COMPRESSION SNAPPY)`,
    );
    return result.rowsChanged;
  });
  return { rows, bytes: (await stat(parquetPath)).size };
};

/** parquetjs-lite, row by row (its default row groups of 4096 rows, Snappy, UTF8 columns). */
export const writeParquetWithParquetjs: ParquetFileWriter = async (ndjsonPath, columns, parquetPath) => {
  const schema = new parquet.ParquetSchema(
    Object.fromEntries(columns.map((c) => [c, { type: 'UTF8', optional: true, compression: 'SNAPPY' }])),
  );
  const writer = await parquet.ParquetWriter.openFile(schema, parquetPath);
  let rows = 0;
  try {
    for await (const row of readNdjson(ndjsonPath)) {
      // own fields only: parquetjs looks columns up by name, and `constructor` is on every object
      await writer.appendRow(
        Object.fromEntries(columns.map((c) => [c, Object.hasOwn(row, c) ? row[c] : null])),
      );
      rows += 1;
    }
  } finally {
    await writer.close();
  }
  return { rows, bytes: (await stat(parquetPath)).size };
};
