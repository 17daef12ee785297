// `display(df)`, as in Jupyter with pandas: a DataFrame or describe()'s table shown as pandas shows it,
// an HTML table (`_repr_html_`) with the text form beside it in the same output (what `print(df)` would
// print, and what nbconvert, the report and the tests read). Outside a notebook it prints the text.
import { DataFrame } from './danfo-lib.js';
import { Description } from './describe.js';
import { displayBundle } from './kernel-display.js';
import { frameHtml } from './pandas-html.js';
import { frameText, type TextColumn } from './pandas-text.js';

const KINDS: Record<string, TextColumn['kind']> = { int32: 'int', float32: 'float' };

/** A danfo DataFrame's index and columns as pandas would hold them (int64, float64, object). */
function pandasColumns(frame: DataFrame): { index: string[]; columns: TextColumn[] } {
  const rows = frame.values as unknown[][];
  const columns = frame.columns.map((name, i): TextColumn => {
    const kind = KINDS[frame.dtypes[i]] ?? 'object';
    const cells = rows.map((row) => {
      const value = row[i];
      if (value === null || value === undefined) return NaN;
      if (typeof value === 'boolean') return value ? 'True' : 'False';
      return kind === 'object' ? String(value) : Number(value);
    });
    return { name, kind, cells };
  });
  return { index: frame.index.map(String), columns };
}

/** The text and HTML forms of a DataFrame or a describe() table. */
export function frameForms(value: DataFrame | Description): { text: string; html: string } {
  if (value instanceof Description) return { text: value.toString(), html: value.toHtml() };
  const { index, columns } = pandasColumns(value);
  return { text: frameText(index, columns), html: frameHtml(index, columns) };
}

export function display(value: DataFrame | Description): void {
  const { text, html } = frameForms(value);
  if (!displayBundle({ 'text/plain': text, 'text/html': html })) console.log(text);
}
