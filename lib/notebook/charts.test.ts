import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displaySvg, seriesChartSvg } from './charts.js';
import { tableFromRows } from './table.js';

describe('Notebook > seriesChartSvg', () => {
  const perSecond = tableFromRows([
    { second: '2026-11-28 10:00:01', events: 20 },
    { second: '2026-11-28 10:00:02', events: 5 },
    { second: '2026-11-28 10:00:04', events: 25 },
  ]);

  it('draws a line through one point per row, labelled with x', async () => {
    const svg = await seriesChartSvg(perSecond, 'second', 'events');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/, 'an svg root');
    assert.match(svg, /2026-11-28 10:00:04/, 'the last second on the axis');
    assert.equal((svg.match(/aria-roledescription="line mark"/g) ?? []).length, 1, 'one line');
    assert.equal((svg.match(/aria-roledescription="point"/g) ?? []).length, 3, 'a point per second');
  });
  it('draws bars when asked', async () => {
    const svg = await seriesChartSvg(perSecond, 'second', 'events', { mark: 'bar' });
    assert.equal((svg.match(/aria-roledescription="bar"/g) ?? []).length, 3, 'a bar per second');
  });
  it('refuses a column the table does not have', async () => {
    await assert.rejects(
      seriesChartSvg(perSecond, 'second', 'nope'),
      /no column nope: the table has second, events/,
    );
  });
  it('says where a chart can be shown when no notebook runs it', () => {
    assert.throws(() => displaySvg('<svg/>'), /a chart is drawn into a notebook cell/);
  });
});
