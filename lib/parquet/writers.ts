// Two ways to turn the spooled rows (NDJSON, every value a string or null, written by
// lib/parquet/ndjson.ts; DuckDB reads it with its own JSON reader, parquetjs-lite through readNdjson) into
// one Snappy Parquet file whose columns are all optional UTF8 strings, as
// Spark wrote the lab's rows. The jobs use DuckDB (faster and much smaller files: docs/benchmarks.md);
// parquetjs-lite stays as the measured alternative in `npm run bench:extract`.
import { stat } from 'node:fs/promises';
import parquet from 'parquetjs-lite';
import { readNdjson } from './ndjson.js';
import { STRUCT, VARCHAR, structValue } from '@duckdb/node-api';
import { sqlString, withDuckDb } from './duckdb.js';

export interface ParquetWrite {
  rows: number;
  bytes: number;
}

export type ParquetFileWriter = (
  ndjsonPath: string,
  columns: string[],
  parquetPath: string,
) => Promise<ParquetWrite>;

/**
 * DuckDB: `COPY (SELECT * FROM read_json(…)) TO … (FORMAT PARQUET)`, the spool's path and its columns
 * (every one VARCHAR, in the spool's order) bound as parameters. No statement holds a field name or a
 * value, so none can change what a statement says; DuckDB parses the rows in C++ and streams them to the
 * file, in order, with memory bounded by its row group (docs/benchmarks.md). The spool is JSON as
 * JSON.stringify writes it from well-formed strings (lib/parquet/ndjson.ts), which DuckDB's reader takes
 * as JSON.parse does; a missing field is NULL. Its 16 MB line limit holds a row of a Kafka record's
 * 1 MB even at JSON's 6 bytes a character (\u0000). The output path is the job's own, not record content.
 */
export const writeParquetWithDuckDb: ParquetFileWriter = async (ndjsonPath, columns, parquetPath) => {
  const rows = await withDuckDb(async (db) => {
    const copy = await db.prepare(
      `COPY (SELECT * FROM read_json($1, format = 'newline_delimited', columns = $2)) ` +
        `TO ${sqlString(parquetPath)} (FORMAT PARQUET, COMPRESSION SNAPPY)`,
    );
    copy.bindVarchar(1, ndjsonPath);
    const types: Record<string, string> = Object.create(null);
    for (const column of columns) types[column] = 'VARCHAR';
    copy.bindStruct(2, structValue(types), STRUCT(Object.fromEntries(columns.map((c) => [c, VARCHAR]))));
    // COPY answers with the rows it wrote
    return (await copy.run()).rowsChanged;
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
