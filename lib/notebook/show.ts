// PySpark's DataFrame.show() and printSchema() for a notebook Table, printed through lib/spark's formatters.
import { printSchemaString } from '../spark/schema.js';
import { showString } from '../spark/show.js';
import { displayBundle, preformattedHtml } from './kernel-display.js';
import { schemaOf, type Table } from './table.js';

/**
 * `df.show(n=20, truncate=True)`: only the rows it prints (and one more, for Spark's footer) are read. In a
 * notebook, the table's text (exactly what console.log prints) with an HTML twin whose rows never wrap;
 * elsewhere, printed.
 */
export function show(table: Table, numRows = 20, truncate: boolean | number = true): void {
  const shown = table.head(Math.max(0, Math.trunc(numRows)) + 1);
  const text = showString(shown, table.columns, { numRows, truncate });
  if (!displayBundle({ 'text/plain': `${text}\n`, 'text/html': preformattedHtml(text) })) console.log(text);
}

/** `df.printSchema()`. */
export function printSchema(table: Table): void {
  console.log(printSchemaString(schemaOf(table)));
}

/** `df.count()`. */
export function count(table: Table): number {
  return table.rowCount;
}
