// The `toPandas()` step: a notebook Table as a danfo DataFrame (danfojs-node: the package whose types
// tslab can resolve, see kernel-setup/README.md).
import { DataFrame } from 'danfojs-node';
import type { Row, Table } from './table.js';

const INTEGER_TYPES = new Set(['long', 'integer', 'short', 'byte']);
const FLOAT_TYPES = new Set(['double', 'float']);

/**
 * danfo's dtype for a column of the given Spark type. Given none, danfo guesses from the values and
 * turns strings of digits into numbers; pandas keeps Spark's strings as strings (object), and makes an
 * integer column with nulls a float column.
 */
export function danfoDtype(sparkType: string, values: unknown[]): string {
  if (INTEGER_TYPES.has(sparkType))
    return values.some((v) => v === null || v === undefined) ? 'float32' : 'int32';
  if (FLOAT_TYPES.has(sparkType)) return 'float32';
  return sparkType === 'boolean' ? 'boolean' : 'string';
}

export function toDanfo(table: Table): DataFrame {
  // danfo takes its columns from the first row, so rows are rebuilt with every column in table order.
  const rows = table.rows.map((row: Row) => table.columns.map((column) => row[column] ?? null));
  const dtypes = table.columns.map((column, i) =>
    danfoDtype(
      table.types[i],
      table.rows.map((row) => row[column]),
    ),
  );
  return new DataFrame(rows, { columns: table.columns, dtypes });
}
