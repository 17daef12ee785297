// One inline chart for the notebook: a bar per distinct value of a column (e.g. purchases per Host),
// drawn by vega-lite → vega → SVG, all in Node (no browser, nothing downloaded; see charts.ts). The rows
// are counted first (by DuckDB where the rows are Parquet parts) and vega-lite draws the counts: the same
// SVG as giving it every row, without a million objects.
import { displayChart, requireColumns, vegaLiteSvg, type ChartOptions } from './charts.js';
import { notebookSession } from './sql-session.js';
import type { Table } from './table.js';

export type BarChartOptions = ChartOptions;

/** How often each value of `column` occurs, in order of first appearance (vega's order for the bars). */
async function valueCounts(table: Table, column: string): Promise<Map<unknown, number>> {
  if (table.source) return (await notebookSession()).valueCounts(table.source, column);
  const counts = new Map<unknown, number>();
  for (const value of table.column(table.columns.indexOf(column)))
    counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The SVG text of a bar chart counting the table's rows per value of `column`. */
export async function countChartSvg(
  table: Table,
  column: string,
  options: BarChartOptions = {},
): Promise<string> {
  requireColumns(table, column);
  // vega-lite reads fields with dots and brackets as paths; the column name is used as a plain key.
  // A null is drawn as a bar named 'null'.
  const values = new Map<unknown, number>();
  for (const [value, n] of await valueCounts(table, column))
    values.set(value ?? 'null', (values.get(value ?? 'null') ?? 0) + n);
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `rows per ${column}`,
    width: options.width ?? 360,
    height: options.height ?? 200,
    data: { values: [...values].map(([value, rows]) => ({ value, rows })) },
    mark: 'bar',
    encoding: {
      x: { field: 'value', type: 'nominal', title: column, axis: { labelAngle: 0 } },
      y: { field: 'rows', type: 'quantitative', title: 'rows' },
    },
  });
}

/** Shows the bar chart in the notebook cell's output. */
export async function countChart(table: Table, column: string, options?: BarChartOptions): Promise<void> {
  displayChart(await countChartSvg(table, column, options));
}
