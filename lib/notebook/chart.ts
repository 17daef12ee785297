// One inline chart for the notebook: a bar per distinct value of a column (e.g. purchases per Host),
// drawn by vega-lite → vega → SVG, all in Node (no browser, nothing downloaded; see charts.ts).
import { displaySvg, requireColumns, vegaLiteSvg, type ChartOptions } from './charts.js';
import type { Table } from './table.js';

export type BarChartOptions = ChartOptions;

/** The SVG text of a bar chart counting the table's rows per value of `column`. */
export async function countChartSvg(
  table: Table,
  column: string,
  options: BarChartOptions = {},
): Promise<string> {
  requireColumns(table, column);
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `rows per ${column}`,
    width: options.width ?? 360,
    height: options.height ?? 200,
    // vega-lite reads fields with dots and brackets as paths; the column name is used as a plain key.
    data: { values: table.rows.map((row) => ({ value: row[column] ?? 'null' })) },
    mark: 'bar',
    encoding: {
      x: { field: 'value', type: 'nominal', title: column, axis: { labelAngle: 0 } },
      y: { aggregate: 'count', type: 'quantitative', title: 'rows' },
    },
  });
}

/** Shows the bar chart in the notebook cell's output. */
export async function countChart(table: Table, column: string, options?: BarChartOptions): Promise<void> {
  displaySvg(await countChartSvg(table, column, options));
}
