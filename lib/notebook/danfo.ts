// The `toPandas()` step: a notebook Table as a danfo DataFrame (danfojs-node: the package whose types
// tslab can resolve, see kernel-setup/README.md).
import { DataFrame } from 'danfojs-node';
import type { Table } from './table.js';

export function toDanfo(table: Table): DataFrame {
  // danfo takes its columns from the first row, so rows are rebuilt with every column in table order.
  const rows = table.rows.map((row) => table.columns.map((column) => row[column] ?? null));
  return new DataFrame(rows, { columns: table.columns });
}
