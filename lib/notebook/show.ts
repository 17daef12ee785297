// PySpark's DataFrame.show() and printSchema() for a notebook Table, printed through lib/spark's formatters.
import { printSchemaString } from '../spark/schema.js';
import { showString } from '../spark/show.js';
import { schemaOf, type Table } from './table.js';

/** `df.show(n=20, truncate=True)`. */
export function show(table: Table, numRows = 20, truncate: boolean | number = true): void {
  console.log(showString(table.rows, table.columns, { numRows, truncate }));
}

/** `df.printSchema()`. */
export function printSchema(table: Table): void {
  console.log(printSchemaString(schemaOf(table)));
}

/** `df.count()`. */
export function count(table: Table): number {
  return table.rows.length;
}
