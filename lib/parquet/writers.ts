// Two ways to turn the spooled rows (NDJSON, every value a string or null, written and read back by
// lib/parquet/ndjson.ts) into one Snappy Parquet file whose columns are all optional UTF8 strings, as
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
 * DuckDB, streaming: a table whose columns are named by a parameter (an empty STRUCT of the names,
 * unnested), the spool's rows added by DuckDB's appender in column order (missing → NULL), then COPYed
 * out. No statement holds a field name or a value, so none can change what a statement says.
 */
export const writeParquetWithDuckDb: ParquetFileWriter = async (ndjsonPath, columns, parquetPath) => {
  const rows = await withDuckDb(async (db) => {
    // a temporary table: the connection's own, gone with it
    const create = await db.prepare('CREATE TEMP TABLE spool AS SELECT unnest($1) LIMIT 0');
    const names: Record<string, null> = Object.create(null);
    for (const column of columns) names[column] = null;
    create.bindStruct(1, structValue(names), STRUCT(Object.fromEntries(columns.map((c) => [c, VARCHAR]))));
    await create.run();
    const appender = await db.createAppender('spool', 'main', 'temp');
    let appended = 0;
    for await (const row of readNdjson(ndjsonPath)) {
      for (const column of columns) {
        const value = Object.hasOwn(row, column) ? row[column] : null;
        if (typeof value === 'string') appender.appendVarchar(value);
        else appender.appendNull();
      }
      appender.endRow();
      appended += 1;
    }
    appender.closeSync();
    await db.run(`COPY spool TO ${sqlString(parquetPath)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
    return appended;
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
