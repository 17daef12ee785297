// The schema Spark infers for the jobs' rows, and printSchema()'s text.
//
// The original builds `Row(timestamp=..., **json.loads(raw))`; Spark 2's Row(**kwargs) sorts the field
// names, so the columns come out alphabetically by code point (`Accept`, `Host`, `User-Agent`,
// `event_type`, `timestamp`: capitals first). Spark inferred the schema from the first row only, so a
// second event shape broke the job; here the schema is the union of every field seen, and a row
// without a field has null there. Every column is a string, as in the lab's data (all header values
// and names are strings); a non-string JSON value is kept as its JSON text (see lib/events).

export interface SchemaField {
  name: string;
  type: string;
  nullable: boolean;
}

/** Python's sorted() on str: by code point, not by locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects the union of field names over a stream of rows, in bounded memory (one entry per name). */
export class SchemaUnion {
  private readonly names = new Set<string>();

  add(row: Record<string, unknown>): void {
    for (const name of Object.keys(row)) this.names.add(name);
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
