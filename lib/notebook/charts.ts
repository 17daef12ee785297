// Charts for notebook cells: a vega-lite spec compiled and rendered to SVG in Node (vega's headless
// renderer: no browser, nothing downloaded), shown as the cell's image/svg+xml output. countChart
// (chart.ts) counts rows per value; seriesChart draws values a table already holds, e.g. events per second.
import type { TopLevelSpec } from 'vega-lite';
import { LabError } from '../errors.js';
import { displayBundle } from './kernel-display.js';
import type { Table } from './table.js';

export interface ChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

/** A RangeError naming the table's columns when one of `columns` is not among them. */
export function requireColumns(table: Table, ...columns: string[]): void {
  const missing = columns.filter((column) => !table.columns.includes(column));
  if (missing.length > 0) {
    throw new RangeError(`no column ${missing.join(', ')}: the table has ${table.columns.join(', ')}`);
  }
}

/** The SVG text of a vega-lite chart. */
export async function vegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  // vega and vega-lite are ES modules with top-level await: loaded with import() here, never at the top,
  // so a tslab cell (compiled to CommonJS) can still require() this library.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
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

export interface SeriesChartOptions extends ChartOptions {
  /** 'line' (default) for a series over time, 'bar' for one bar per x */
  mark?: 'line' | 'bar';
}

/** The SVG text of `y` against `x`, in the table's row order (e.g. events per second). */
export async function seriesChartSvg(
  table: Table,
  x: string,
  y: string,
  options: SeriesChartOptions = {},
): Promise<string> {
  requireColumns(table, x, y);
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `${y} per ${x}`,
    width: options.width ?? 360,
    height: options.height ?? 200,
    // vega-lite reads fields with dots and brackets as paths: the columns go in under plain keys
    data: { values: table.rows.map((row) => ({ x: row[x] ?? 'null', y: row[y] })) },
    mark: { type: options.mark ?? 'line', point: options.mark !== 'bar' },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: x, sort: null, axis: { labelAngle: -45 } },
      y: { field: 'y', type: 'quantitative', title: y },
    },
  });
}

/** Shows the series chart in the notebook cell's output. */
export async function seriesChart(
  table: Table,
  x: string,
  y: string,
  options?: SeriesChartOptions,
): Promise<void> {
  displaySvg(await seriesChartSvg(table, x, y, options));
}
