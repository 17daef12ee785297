// How pandas prints a small DataFrame as text (DataFrame.to_string with the default options), for the
// describe() table: index labels left-aligned, every column right-aligned to its widest cell, one space
// between columns, each cell with pandas' leading space. Float columns share one precision: six
// decimals, then trailing zeros trimmed as long as every number in the column ends in 0 (at least one
// decimal kept); scientific notation when a value is tiny, or huge and too long in fixed notation.
// Not covered: wrapping wide frames, row/column elision.

export type Cell = string | number;

/** A column as pandas holds it: float64 (numbers formatted together) or object (each value as str()). */
export interface TextColumn {
  name: string;
  kind: 'float' | 'object';
  cells: Cell[];
}

const MAX_COLWIDTH = 50; // display.max_colwidth
const PRECISION = 6; // display.precision

function isMissing(cell: Cell): boolean {
  return typeof cell === 'number' && Number.isNaN(cell);
}

/** pandas' `f"{x: .6f}"`: a space where a minus sign would go. */
function fixed(value: number): string {
  return `${value < 0 ? '-' : ' '}${Math.abs(value).toFixed(PRECISION)}`;
}

/** Python's `f"{x: .6e}"`: a two-digit exponent at least. */
function scientific(value: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(PRECISION).split('e');
  const power = Number(exponent);
  return `${value < 0 ? '-' : ' '}${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

/** pandas' FloatArrayFormatter switch to scientific notation. */
function needsScientific(values: number[]): boolean {
  const magnitudes = values.map(Math.abs);
  const hasSmall = magnitudes.some((m) => m > 0 && m < 10 ** -PRECISION);
  const hasLarge = magnitudes.some((m) => m > 1e6);
  const tooLong = values.some((v) => fixed(v).length > PRECISION + 6);
  return hasSmall || (hasLarge && tooLong);
}

/** pandas' _trim_zeros_float over one column's formatted numbers. */
function trimZeros(texts: string[], numeric: boolean[]): string[] {
  let trimmed = [...texts];
  const numbers = () => trimmed.filter((_, i) => numeric[i]);
  while (numbers().length > 0 && numbers().every((t) => t.endsWith('0') && !t.endsWith('.0'))) {
    trimmed = trimmed.map((t, i) => (numeric[i] ? t.slice(0, -1) : t));
  }
  return trimmed;
}

function objectText(cell: Cell): string {
  if (isMissing(cell)) return ' NaN';
  // pandas cuts the cell with its leading space included
  const text = ` ${String(cell)}`;
  return text.length > MAX_COLWIDTH ? `${text.slice(0, MAX_COLWIDTH - 3)}...` : text;
}

export function formatColumn(column: TextColumn): string[] {
  if (column.kind === 'object') return column.cells.map(objectText);
  const numeric = column.cells.map((cell) => !isMissing(cell));
  const format = needsScientific(column.cells.filter((_, i) => numeric[i]).map(Number)) ? scientific : fixed;
  const texts = column.cells.map((cell) => (isMissing(cell) ? ' NaN' : format(Number(cell))));
  return format === fixed ? trimZeros(texts, numeric) : texts;
}

/** The frame as pandas prints it: a header line, then one line per index label. */
export function frameText(index: string[], columns: TextColumn[]): string {
  const indexWidth = Math.max(0, ...index.map((label) => label.length));
  const formatted = columns.map((column) => {
    const cells = formatColumn(column);
    const width = Math.max(column.name.length, ...cells.map((cell) => cell.length));
    return { header: column.name.padStart(width), cells: cells.map((cell) => cell.padStart(width)) };
  });
  const header = [''.padEnd(indexWidth), ...formatted.map((column) => column.header)].join(' ');
  const lines = index.map((label, row) =>
    [label.padEnd(indexWidth), ...formatted.map((column) => column.cells[row])].join(' '),
  );
  return [header, ...lines].join('\n');
}
