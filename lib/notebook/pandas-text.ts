// How pandas prints a DataFrame as text (repr with the default options), for describe() and display():
// index labels left-aligned, every column right-aligned to its widest cell, one space between columns,
// each cell with pandas' leading space. Float columns share one precision: six decimals, then trailing
// zeros trimmed as long as every number in the column ends in 0 (at least one decimal kept); scientific
// notation when a value is tiny, or huge and too long in fixed notation. More than 60 rows
// (display.max_rows) show the first and last 5 (display.min_rows) around a row of dots, and the
// dimensions below. Not covered: wrapping wide frames, column elision.

export type Cell = string | number;

/**
 * A column as pandas holds it: float64 (numbers formatted together), int64 (whole numbers, no missing
 * value) or object (each value as str()).
 */
export interface TextColumn {
  name: string;
  kind: 'float' | 'int' | 'object';
  cells: Cell[];
}

const MAX_COLWIDTH = 50; // display.max_colwidth
const PRECISION = 6; // display.precision
const MAX_ROWS = 60; // display.max_rows
const MIN_ROWS = 10; // display.min_rows: shown when a frame has more than max_rows

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
  if (column.kind === 'int') return column.cells.map((cell) => ` ${cell}`);
  const numeric = column.cells.map((cell) => !isMissing(cell));
  const format = needsScientific(column.cells.filter((_, i) => numeric[i]).map(Number)) ? scientific : fixed;
  const texts = column.cells.map((cell) => (isMissing(cell) ? ' NaN' : format(Number(cell))));
  return format === fixed ? trimZeros(texts, numeric) : texts;
}

/** The frame as pandas formats it: index labels and each column's cells, rows elided past max_rows. */
export interface FormattedFrame {
  index: string[];
  columns: { name: string; cells: string[] }[];
  /** when rows were elided: the whole frame's size, and the row that stands for the others (dots) */
  elided: { rows: number; columns: number; at: number } | null;
}

export function formatFrame(index: string[], columns: TextColumn[]): FormattedFrame {
  const rows = index.length;
  if (rows <= MAX_ROWS) {
    return { index, columns: columns.map((c) => ({ name: c.name, cells: formatColumn(c) })), elided: null };
  }
  const at = MIN_ROWS / 2;
  // pandas formats only the rows it shows
  const shown = <T>(values: T[]): T[] => [...values.slice(0, at), ...values.slice(rows - at)];
  const dotted = (values: string[]): string[] => [...values.slice(0, at), '', ...values.slice(at)];
  return {
    index: dotted(shown(index)),
    columns: columns.map((column) => ({
      name: column.name,
      cells: dotted(formatColumn({ ...column, cells: shown(column.cells) })),
    })),
    elided: { rows, columns: columns.length, at },
  };
}

/** The frame as pandas prints it: a header line, then one line per index label. */
export function frameText(index: string[], columns: TextColumn[]): string {
  const frame = formatFrame(index, columns);
  const dots = (texts: string[], mark: string) =>
    texts.map((text, row) => (frame.elided?.at === row ? mark : text));
  const labels = dots(frame.index, '..');
  const indexWidth = Math.max(0, ...labels.map((label) => label.length));
  const formatted = frame.columns.map((column) => {
    const cells = dots(column.cells, '..');
    const width = Math.max(column.name.length, ...cells.map((cell) => cell.length));
    return { header: column.name.padStart(width), cells: cells.map((cell) => cell.padStart(width)) };
  });
  const header = [''.padEnd(indexWidth), ...formatted.map((column) => column.header)].join(' ');
  const lines = labels.map((label, row) =>
    [label.padEnd(indexWidth), ...formatted.map((column) => column.cells[row])].join(' '),
  );
  const footer = frame.elided ? ['', `[${frame.elided.rows} rows x ${frame.elided.columns} columns]`] : [];
  return [header, ...lines, ...footer].join('\n');
}
