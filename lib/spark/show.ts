// Spark's Dataset.show() as text: the same borders, padding, truncation and footer as
// Dataset.showString in Spark 2.4, so a student can hold our output next to the walkthrough's.

export interface ShowOptions {
  /** Rows to print (Spark's default 20). */
  numRows?: number;
  /** true = 20 characters (Spark's default), false or 0 = no truncation, a number = that many characters. */
  truncate?: number | boolean;
}

const MINIMUM_COLUMN_WIDTH = 3;

/** A cell as Spark prints it: null as `null`, objects as JSON, everything else as its string. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(cellText).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function truncateCell(text: string, truncate: number): string {
  if (truncate <= 0 || text.length <= truncate) return text;
  // Spark shows no ellipsis when the limit is under 4 characters.
  return truncate < 4 ? text.slice(0, truncate) : `${text.slice(0, truncate - 3)}...`;
}

/** Display width: East Asian wide and full-width characters take two columns (Spark's stringHalfWidth). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function truncateLimit(truncate: ShowOptions['truncate']): number {
  if (truncate === undefined || truncate === true) return 20;
  if (truncate === false) return 0;
  return Math.max(0, Math.trunc(truncate));
}

/**
 * The text Spark's show() prints (without the trailing newline Python's print adds): a `+---+` border,
 * the header, a border, the first `numRows` rows, a border, then `only showing top N rows` when there
 * were more. With truncation on, cells are right-aligned; with it off, left-aligned, as in Spark.
 */
export function showString(
  rows: Record<string, unknown>[],
  columns: string[],
  options: ShowOptions = {},
): string {
  const numRows = Math.max(0, Math.trunc(options.numRows ?? 20));
  const truncate = truncateLimit(options.truncate);
  const shown = rows.slice(0, numRows);
  // Spark cuts the cells, never the column names.
  // Own fields only: a row without a column called `constructor` has null there, not Object's method.
  const cell = (row: Record<string, unknown>, column: string) =>
    Object.hasOwn(row, column) ? row[column] : null;
  const cells = shown.map((row) =>
    columns.map((column) => truncateCell(cellText(cell(row, column)), truncate)),
  );
  const grid = [columns, ...cells];

  const widths = columns.map((_, i) =>
    Math.max(MINIMUM_COLUMN_WIDTH, ...grid.map((line) => displayWidth(line[i]))),
  );
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(cell));
    return truncate > 0 ? fill + cell : cell + fill;
  };
  const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+\n`;
  const line = (cells: string[]) => `|${cells.map(pad).join('|')}|\n`;

  let text = border + line(grid[0]) + border;
  for (const cells of grid.slice(1)) text += line(cells);
  text += border;
  if (rows.length > numRows) text += `only showing top ${numRows} ${numRows === 1 ? 'row' : 'rows'}\n`;
  return text;
}
