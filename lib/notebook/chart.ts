// One inline chart for the notebook: a bar per distinct value of a column (e.g. purchases per Host),
// drawn by vega-lite → vega → SVG, all in Node (no browser, nothing downloaded).
import { LabError } from '../errors.js';
import { displayBundle } from './kernel-display.js';
import type { Table } from './table.js';

export interface BarChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

/** The SVG text of a bar chart counting the table's rows per value of `column`. */
export async function countChartSvg(
  table: Table,
  column: string,
  options: BarChartOptions = {},
): Promise<string> {
  if (!table.columns.includes(column)) {
    throw new RangeError(`no column ${column}: the table has ${table.columns.join(', ')}`);
  }
  // vega and vega-lite are ES modules with top-level await: loaded with import() here, never at the top,
  // so a tslab cell (compiled to CommonJS) can still require() this library.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const spec = vegaLite.compile({
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
  }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Shows an SVG as the notebook cell's output (image/svg+xml); a LabError outside a notebook. */
export function displaySvg(svg: string): void {
  if (!displayBundle({ 'image/svg+xml': svg })) {
    throw new LabError(
      'a chart is drawn into a notebook cell',
      'outside a notebook, write the …Svg() text to a file',
    );
  }
}

/** Shows the bar chart in the notebook cell's output. */
export async function countChart(table: Table, column: string, options?: BarChartOptions): Promise<void> {
  displaySvg(await countChartSvg(table, column, options));
}
