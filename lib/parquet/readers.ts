// Two independent readers of a local Parquet file, used to check what the jobs wrote.
import parquet from 'parquetjs-lite';
import { sqlString, withDuckDb } from './duckdb.js';

export interface ParquetContents {
  columns: { name: string; type: string }[];
  rows: Record<string, string | null>[];
}

/** DuckDB's read_parquet: column types as DuckDB sees them (VARCHAR for UTF8 strings). */
export async function readParquetWithDuckDb(path: string): Promise<ParquetContents> {
  return withDuckDb(async (db) => {
    const result = await db.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
    const names = result.columnNames();
    const types = result.columnTypes().map((t) => t.toString());
    return {
      columns: names.map((name, i) => ({ name, type: types[i] })),
      rows: result.getRowObjectsJson() as Record<string, string | null>[],
    };
  });
}

/** parquetjs-lite's reader: column types as `<primitive>/<original>` (BYTE_ARRAY/UTF8 for strings). */
export async function readParquetWithParquetjs(path: string): Promise<ParquetContents> {
  const reader = await parquet.ParquetReader.openFile(path);
  try {
    const columns = reader
      .getSchema()
      .fieldList.map((f) => ({ name: f.name, type: `${f.primitiveType}/${f.originalType}` }));
    const cursor = reader.getCursor();
    const rows: Record<string, string | null>[] = [];
    for (;;) {
      const row = await cursor.next();
      if (!row) break;
      // parquetjs-lite leaves a missing optional value out of the row; DuckDB and Spark say null. Own
      // fields only: a column called toString is not Object.prototype's.
      rows.push(
        Object.fromEntries(
          columns.map((c) => [c.name, Object.hasOwn(row, c.name) ? toText(row[c.name]) : null]),
        ),
      );
    }
    return { columns, rows };
  } finally {
    await reader.close();
  }
}

function toText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}
