// Charts for notebook cells: a vega-lite spec compiled and rendered to SVG in Node (vega's headless
// renderer: no browser, nothing downloaded), shown as the cell's image/svg+xml output with a PNG of it in
// the same output (image/png, for viewers that show no SVG). countChart (chart.ts) counts rows per value;
// seriesChart draws values a table already holds, e.g. events per second.
import type { TopLevelSpec } from 'vega-lite';
import { LabError } from '../errors.js';
import { displayBundle, inKernel } from './kernel-display.js';
import { svgToPng } from './svg-png.js';
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

/** Shows a chart's SVG as the notebook cell's output, its PNG beside it; a LabError outside a notebook. */
export function displayChart(svg: string): void {
  if (!inKernel()) {
    throw new LabError(
      'a chart is drawn into a notebook cell',
      'outside a notebook, write the …Svg() text to a file',
    );
  }
  displayBundle({ 'image/svg+xml': svg, 'image/png': svgToPng(svg).toString('base64') });
}

export interface SeriesChartOptions extends ChartOptions {
  /** 'bar' (default over time), 'line' (default otherwise, with a point per row) or 'point' */
  mark?: 'line' | 'bar' | 'point';
}

/** `2026-12-02 09:09:05`: Spark's timestamp text, to the second or finer (a T or a Z allowed). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/;

/** Every value as milliseconds when all are timestamps (texts read as UTC, or Dates), else null. */
export function timestamps(values: unknown[]): number[] | null {
  const times = values.map((value) =>
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string' && TIMESTAMP.test(value)
        ? Date.parse(`${value.replace(' ', 'T').replace(/Z$/, '')}Z`)
        : NaN,
  );
  return values.length > 0 && times.every((time) => !Number.isNaN(time)) ? times : null;
}

/**
 * The SVG text of `y` against `x` (e.g. events per second). When x holds timestamps it is a time axis
 * (labelled as the texts read them, whatever the machine's zone): seconds stand where they fall, so a gap is a gap, and by default each value is
 * a bar one second wide, drawing nothing where no row is (a line would join 09:09:10 to 09:09:14 as if
 * the seconds between had events). Other x values go along the axis in the table's row order.
 */
export async function seriesChartSvg(
  table: Table,
  x: string,
  y: string,
  options: SeriesChartOptions = {},
): Promise<string> {
  requireColumns(table, x, y);
  const times = timestamps(table.column(table.columns.indexOf(x)));
  const mark = options.mark ?? (times ? 'bar' : 'line');
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `${y} per ${x}`,
    width: options.width ?? 360,
    height: options.height ?? 200,
    // vega-lite reads fields with dots and brackets as paths: the columns go in under plain keys
    data: { values: table.rows.map((row, i) => ({ x: times ? times[i] : (row[x] ?? 'null'), y: row[y] })) },
    // a bar spans its second, less a sliver so that neighbours stay apart
    mark: {
      type: mark,
      ...(mark === 'line' && { point: true }),
      ...(mark === 'bar' && times && { width: { band: 0.9 } }),
    },
    encoding: {
      x: times
        ? {
            field: 'x',
            type: 'temporal',
            timeUnit: 'utcyearmonthdatehoursminutesseconds',
            title: x,
            axis: { format: '%H:%M:%S', labelAngle: -45 },
          }
        : { field: 'x', type: 'ordinal', title: x, sort: null, axis: { labelAngle: -45 } },
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
  displayChart(await seriesChartSvg(table, x, y, options));
}
