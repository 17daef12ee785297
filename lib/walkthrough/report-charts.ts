// The notebook's charts as image files beside the report, so that the report can embed them with a
// relative link: the PNG of each chart where the notebook has one (every viewer shows it), its SVG
// otherwise.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeCell } from '../jupyter/executed-notebook.js';

export interface ChartFile {
  /** the file's name in the report's folder, which is also its link from the report */
  file: string;
  /** the chart's title, as the notebook's SVG names it for screen readers */
  alt: string;
  /** the notebook's code cell that drew it, 1 for the first */
  cell: number;
}

/** The chart files of a notebook: `<notebook>-chart-<cell>.png` (or .svg), `-<cell>-2` for a cell's second. */
const chartName = (notebook: string, cell: number, nth: number, ext: 'png' | 'svg') =>
  `${notebook}-chart-${cell}${nth > 1 ? `-${nth}` : ''}.${ext}`;
const CHART_FILE = /-chart-\d+(-\d+)?\.(png|svg)$/;

/** Vega writes the title into the SVG as `aria-label="Title text '…'"`. */
function title(svg: string | undefined, cell: number): string {
  const label = svg && /aria-label="Title text '([^"]*)'"/.exec(svg)?.[1];
  return label || `the chart of code cell ${cell}`;
}

export interface ChartImage extends ChartFile {
  bytes: Buffer;
}

export function chartImages(notebook: string, cells: CodeCell[]): ChartImage[] {
  return cells.flatMap((cell) =>
    cell.media
      .filter((media) => media['image/png'] !== undefined || media['image/svg+xml'] !== undefined)
      .map((media, i) => {
        const svg = media['image/svg+xml'];
        const png = media['image/png'];
        return {
          file: chartName(notebook, cell.number, i + 1, png !== undefined ? 'png' : 'svg'),
          alt: title(svg, cell.number),
          cell: cell.number,
          // the notebook holds a PNG as base64 (with line breaks, which the decoder passes over)
          bytes: png !== undefined ? Buffer.from(png, 'base64') : Buffer.from(svg ?? '', 'utf8'),
        };
      }),
  );
}

/** Writes the charts into `dir`, after removing the chart files of an earlier run. */
export function writeCharts(dir: string, images: ChartImage[]): ChartFile[] {
  for (const name of readdirSync(dir)) {
    if (CHART_FILE.test(name)) rmSync(join(dir, name), { force: true });
  }
  return images.map(({ bytes, ...chart }) => {
    writeFileSync(join(dir, chart.file), bytes);
    return chart;
  });
}
