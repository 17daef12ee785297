// The notebook's stand-in for a Spark DataFrame: rows as plain objects plus the column names and their
// Spark type names (what printSchema() prints), so show(), printSchema() and registerTable() need no guessing.
import type { SchemaField } from '../spark/schema.js';

export type Row = Record<string, unknown>;

export interface Table {
  columns: string[];
  /** Spark's type names, one per column: `string`, `long`, `double`, `boolean`, … */
  types: string[];
  rows: Row[];
}

/** The Spark type name of a JavaScript value; null when the value says nothing (null/undefined). */
function sparkTypeOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return 'double';
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/**
 * A table from hand-made rows: the columns in order of first appearance, each typed by its values
 * (a column whose values disagree, or that is all null, is a string column).
 */
export function tableFromRows(rows: Row[]): Table {
  const columns: string[] = [];
  const seen = new Map<string, string | null | 'mixed'>();
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      const type = sparkTypeOf(value);
      if (!seen.has(column)) {
        columns.push(column);
        seen.set(column, type);
      } else if (type !== null && seen.get(column) !== type) {
        seen.set(column, seen.get(column) === null ? type : 'mixed');
      }
    }
  }
  const types = columns.map((column) => {
    const type = seen.get(column);
    return type === null || type === 'mixed' || type === undefined ? 'string' : type;
  });
  return { columns, types, rows };
}

/** The table's schema as lib/spark/schema prints it (every column nullable, as Spark reads Parquet). */
export function schemaOf(table: Table): SchemaField[] {
  return table.columns.map((name, i) => ({ name, type: table.types[i], nullable: true }));
}
