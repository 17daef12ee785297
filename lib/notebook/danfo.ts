// The `toPandas()` step: a notebook Table as a danfo DataFrame (danfojs-node: the package whose types
// tslab can resolve, see docs/notebook.md).
import { inspect } from 'node:util';
import { DataFrame } from './danfo-lib.js';
import type { Table } from './table.js';

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

/** `df.shape`: still an array of numbers, printed as pandas' tuple, `(10, 5)`. */
export function pandasShape(shape: number[]): number[] {
  const text = `(${shape.join(', ')})`;
  return Object.defineProperty([...shape], inspect.custom, { value: () => text });
}

/** A danfo DataFrame whose shape prints as pandas'. */
class PandasDataFrame extends DataFrame {
  override get shape(): number[] {
    return pandasShape(super.shape);
  }
}

export function toDanfo(table: Table): DataFrame {
  const values = table.columns.map((_, i) => table.column(i));
  // danfo builds a frame fastest from row arrays (from an object of columns it makes rows first); a
  // missing value is null, as pandas' None.
  const rows: unknown[][] = new Array(table.rowCount);
  for (let row = 0; row < table.rowCount; row++) rows[row] = values.map((column) => column[row] ?? null);
  const dtypes = table.types.map((type, i) => danfoDtype(type, values[i]));
  return new PandasDataFrame(rows, { columns: table.columns, dtypes });
}
