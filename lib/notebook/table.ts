// The notebook's stand-in for a Spark DataFrame: column names, their Spark type names (what printSchema()
// prints) and the rows. Where the rows live depends on where the table came from: hand-made rows stay
// objects; a query result is held column by column; what readParquet read stays in DuckDB
// (result-table.ts). Cells ask for what they need: count() the row count, show() the first rows,
// toDanfo() and describe() whole columns; row objects for every row are built only when asked for.
import type { SchemaField } from '../spark/schema.js';

export type Row = Record<string, unknown>;

/** Where DuckDB reads a table's rows itself: a FROM clause, and an expression ordering them as the table does. */
export interface TableSource {
  from: string;
  position: string;
}

export interface Table {
  readonly columns: string[];
  /** Spark's type names, one per column: `string`, `long`, `double`, `boolean`, … */
  readonly types: string[];
  readonly rowCount: number;
  /** Every row as an object, built on first use when the table is columnar (slow for millions of rows). */
  readonly rows: Row[];
  /** The first `count` rows (fewer when the table is shorter). */
  head(count: number): Row[];
  /** One column's values in row order. */
  column(index: number): unknown[];
  /** Set when DuckDB can read the rows in place (Parquet parts): registered as a view, counted by SQL. */
  readonly source?: TableSource;
}

/** Rows `from`…`to` (exclusive) as objects, from the table's column arrays. */
export function rowsOf(columns: string[], values: unknown[][], from: number, to: number): Row[] {
  const rows: Row[] = [];
  for (let i = from; i < to; i++) {
    const row: Row = {};
    columns.forEach((column, c) => (row[column] = values[c][i]));
    rows.push(row);
  }
  return rows;
}

/** A table held column by column in JavaScript (a query result). */
class ColumnTable implements Table {
  private built: Row[] | undefined;

  constructor(
    readonly columns: string[],
    readonly types: string[],
    private readonly values: unknown[][],
    readonly rowCount: number,
  ) {}

  get rows(): Row[] {
    this.built ??= rowsOf(this.columns, this.values, 0, this.rowCount);
    return this.built;
  }

  head(count: number): Row[] {
    return rowsOf(this.columns, this.values, 0, Math.min(count, this.rowCount));
  }

  column(index: number): unknown[] {
    return this.values[index];
  }
}

/** A table from column arrays of equal length, one per column name. */
export function columnTable(columns: string[], types: string[], values: unknown[][]): Table {
  return new ColumnTable(columns, types, values, values[0]?.length ?? 0);
}

/** A table of hand-made row objects, kept as they are. */
class RowTable implements Table {
  constructor(
    readonly columns: string[],
    readonly types: string[],
    readonly rows: Row[],
  ) {}

  get rowCount(): number {
    return this.rows.length;
  }

  head(count: number): Row[] {
    return this.rows.slice(0, Math.max(0, count));
  }

  column(index: number): unknown[] {
    const name = this.columns[index];
    return this.rows.map((row) => row[name]);
  }
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
 * A table from hand-made rows. Without a schema, the columns come in order of first appearance, each
 * typed by its values (a column whose values disagree, or that is all null, is a string column).
 */
export function tableFromRows(rows: Row[], schema?: { columns: string[]; types: string[] }): Table {
  if (schema) return new RowTable(schema.columns, schema.types, rows);
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
  return new RowTable(columns, types, rows);
}

/** The table's schema as lib/spark/schema prints it (every column nullable, as Spark reads Parquet). */
export function schemaOf(table: Table): SchemaField[] {
  return table.columns.map((name, i) => ({ name, type: table.types[i], nullable: true }));
}
