// The schema Spark infers for the jobs' rows, and printSchema()'s text.
//
// The original builds `Row(timestamp=..., **json.loads(raw))`; Spark 2's Row(**kwargs) sorts the field
// names, so the columns come out alphabetically by code point (`Accept`, `Host`, `User-Agent`,
// `event_type`, `timestamp`: capitals first). Spark inferred the schema from the first row only, so a
// second event shape broke the job; here the schema is the union of every field seen, and a row
// without a field has null there. Every column is a string, as in the lab's data (all header values
// and names are strings); a non-string JSON value is kept as its JSON text (see lib/events).
//
// Names that differ only in letter case (`host` in one record, `Host` in a later one) are one column, as
// Spark resolves them with spark.sql.caseSensitive=false (its default) and as DuckDB and Parquet readers
// that compare names without case need them: the first spelling seen keeps the column, and a later
// spelling's values are stored under it. A row holding two spellings (munge_event's `Host` on an event
// with `host`) keeps the later one's value, as the later assignment wins in Python.
import { caseFold } from '../events/event.js';
import { setField } from './fields.js';

export interface SchemaField {
  name: string;
  type: string;
  nullable: boolean;
}

/** Python's sorted() on str: by code point, not by locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Row = Readonly<Record<string, string | null>>;

/** Collects the union of field names over a stream of rows, in bounded memory (one entry per name). */
export class SchemaUnion {
  /** the columns, as first spelled */
  private readonly names = new Set<string>();
  /** each column by its case-folded name */
  private readonly byFold = new Map<string, string>();

  /** Adds the row's fields to the schema; returns the row with every field under its column's spelling. */
  add(row: Row): Row {
    let respelled = false;
    for (const name of Object.keys(row)) {
      if (this.names.has(name)) continue;
      const fold = caseFold(name);
      if (this.byFold.has(fold)) respelled = true;
      else {
        this.byFold.set(fold, name);
        this.names.add(name);
      }
    }
    if (!respelled) return row;
    const columns: Record<string, string | null> = {};
    for (const name of Object.keys(row)) setField(columns, this.column(name), row[name]);
    return columns;
  }

  /** The column a field of this name goes under. */
  column(name: string): string {
    return this.names.has(name) ? name : (this.byFold.get(caseFold(name)) ?? name);
  }

  get size(): number {
    return this.names.size;
  }

  columns(): string[] {
    return [...this.names].sort(compareNames);
  }

  fields(): SchemaField[] {
    return this.columns().map((name) => ({ name, type: 'string', nullable: true }));
  }
}

/** Spark's StructType.treeString: `root` then ` |-- name: type (nullable = true)` per field. */
export function printSchemaString(fields: SchemaField[]): string {
  return (
    ['root', ...fields.map((f) => ` |-- ${f.name}: ${f.type} (nullable = ${f.nullable})`)].join('\n') + '\n'
  );
}
