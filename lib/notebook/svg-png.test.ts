import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countChartSvg } from './chart.js';
import { svgToPng } from './svg-png.js';
import { tableFromRows } from './table.js';

describe('Notebook > svgToPng', () => {
  it('renders a chart to a PNG of the SVG’s size', async () => {
    const svg = await countChartSvg(tableFromRows([{ Host: 'a' }, { Host: 'b' }]), 'Host', { width: 300 });
    const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    const png = svgToPng(svg);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
    // IHDR: width and height as 32-bit big-endian numbers at bytes 16 and 20
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(width), Number(height)], 'size');
  });
});
