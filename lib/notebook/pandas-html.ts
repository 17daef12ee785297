// How pandas shows a DataFrame in Jupyter (DataFrame._repr_html_): a <table class="dataframe"> with the
// column names in <thead>, each row's index label in a <th> and its cells in <td>, the cells formatted as
// in the text form (pandas-text.ts) without their leading space, and pandas' scoped style. Elided rows
// show as a row of '...' and the dimensions follow in a <p>, as in pandas.
import { formatFrame, type TextColumn } from './pandas-text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

const STYLE = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>`;

export function frameHtml(index: string[], columns: TextColumn[]): string {
  const frame = formatFrame(index, columns);
  const header = [
    '      <th></th>',
    ...frame.columns.map((column) => `      <th>${escape(column.name)}</th>`),
  ];
  const cell = (text: string, row: number) => (frame.elided?.at === row ? '...' : escape(text.trim()));
  const rows = frame.index.map((label, row) =>
    [
      '    <tr>',
      `      <th>${cell(label, row)}</th>`,
      ...frame.columns.map((column) => `      <td>${cell(column.cells[row], row)}</td>`),
      '    </tr>',
    ].join('\n'),
  );
  const dimensions = frame.elided
    ? [`<p>${frame.elided.rows} rows × ${frame.elided.columns} columns</p>`]
    : [];
  return [
    '<div>',
    STYLE,
    '<table border="1" class="dataframe">',
    '  <thead>',
    '    <tr style="text-align: right;">',
    ...header,
    '    </tr>',
    '  </thead>',
    '  <tbody>',
    ...rows,
    '  </tbody>',
    '</table>',
    ...dimensions,
    '</div>',
  ].join('\n');
}
