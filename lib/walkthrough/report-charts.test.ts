import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCells } from '../jupyter/executed-notebook.js';
import { chartImages, writeCharts } from './report-charts.js';

/** An executed notebook as step 10 leaves it: a count cell, then a chart as SVG with its PNG beside it. */
export const FIXTURE_NOTEBOOK = join(import.meta.dirname, 'fixtures', 'querying-purchases.executed.ipynb');
const fixture = () => readFileSync(FIXTURE_NOTEBOOK, 'utf8');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The fixture's chart output as the notebook holds it. */
function chartOutput(): Record<string, string> {
  const chart = codeCells(fixture())
    .flatMap((c) => c.media)
    .find((m) => m['image/svg+xml'] !== undefined);
  assert.ok(chart, 'the fixture has a chart');
  return chart;
}

describe('Walkthrough > report > charts', () => {
  it("takes the PNG the notebook holds beside the SVG, its bytes decoded, its title from the SVG's label", () => {
    const [chart, ...more] = chartImages('querying-purchases', codeCells(fixture()));
    assert.equal(more.length, 0, 'one chart');
    assert.equal(chart.file, 'querying-purchases-chart-2.png');
    assert.equal(chart.alt, 'Purchases per Host');
    assert.equal(chart.cell, 2);
    assert.deepEqual(chart.bytes.subarray(0, 8), PNG_SIGNATURE, 'a PNG file');
    assert.deepEqual(chart.bytes, Buffer.from(chartOutput()['image/png'], 'base64'), 'the same bytes');
  });

  it('takes the SVG when the notebook has no PNG', () => {
    const notebook = JSON.parse(fixture()) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
    for (const cell of notebook.cells) for (const o of cell.outputs ?? []) delete o.data?.['image/png'];
    const [chart] = chartImages('querying-purchases', codeCells(JSON.stringify(notebook)));
    assert.equal(chart.file, 'querying-purchases-chart-2.svg');
    assert.equal(chart.bytes.toString('utf8'), chartOutput()['image/svg+xml']);
  });

  it('names a chart without a title by its cell, and a second chart of a cell apart from the first', () => {
    const notebook = JSON.stringify({
      cells: [
        {
          cell_type: 'code',
          source: 'plot()',
          outputs: [
            { output_type: 'display_data', data: { 'image/svg+xml': '<svg/>' } },
            { output_type: 'display_data', data: { 'image/svg+xml': '<svg/>' } },
          ],
        },
      ],
    });
    assert.deepEqual(
      chartImages('nb', codeCells(notebook)).map((c) => [c.file, c.alt]),
      [
        ['nb-chart-1.svg', 'the chart of code cell 1'],
        ['nb-chart-1-2.svg', 'the chart of code cell 1'],
      ],
    );
  });

  it("writes the charts into the report's folder and removes those of an earlier run, nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-charts-'));
    try {
      writeFileSync(join(dir, 'querying-purchases-chart-9.svg'), '<svg/>');
      writeFileSync(join(dir, 'notes.md'), 'mine');
      const files = writeCharts(dir, chartImages('querying-purchases', codeCells(fixture())));
      assert.deepEqual(files, [
        { file: 'querying-purchases-chart-2.png', alt: 'Purchases per Host', cell: 2 },
      ]);
      assert.deepEqual(readdirSync(dir).sort(), ['notes.md', 'querying-purchases-chart-2.png']);
      assert.deepEqual(
        readFileSync(join(dir, 'querying-purchases-chart-2.png')),
        Buffer.from(chartOutput()['image/png'], 'base64'),
      );
      writeCharts(dir, []);
      assert.equal(existsSync(join(dir, 'querying-purchases-chart-2.png')), false, 'a run without a chart');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
