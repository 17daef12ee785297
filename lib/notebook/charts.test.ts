import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayChart, seriesChartSvg, timestamps } from './charts.js';
import { tableFromRows } from './table.js';

/** The x positions of the marks vega drew, from their transforms/paths, in drawing order. */
const barXs = (svg: string) =>
  [...svg.matchAll(/aria-roledescription="bar"[^>]*d="M(-?[\d.]+),/g)].map((m) => Number(m[1]));

describe('Notebook > seriesChartSvg', () => {
  const perSecond = tableFromRows([
    { second: '2026-11-28 10:00:01', events: 20 },
    { second: '2026-11-28 10:00:02', events: 5 },
    { second: '2026-11-28 10:00:06', events: 25 },
  ]);

  it('reads Spark timestamp texts as times, and nothing else', () => {
    assert.deepEqual(
      timestamps(['2026-11-28 10:00:01', '2026-11-28T10:00:02.5Z']),
      [Date.UTC(2026, 10, 28, 10, 0, 1), Date.UTC(2026, 10, 28, 10, 0, 2, 500)],
      'as UTC milliseconds',
    );
    assert.equal(timestamps(['2026-11-28 10:00:01', 'user1']), null, 'one text that is not a time');
    assert.equal(timestamps([]), null, 'no values');
  });

  it('puts seconds on a time axis, labelled as the texts read, a bar each', async () => {
    const svg = await seriesChartSvg(perSecond, 'second', 'events');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/, 'an svg root');
    assert.match(svg, />10:00:06</, 'a tick at the last second, in the texts’ own time');
    const xs = barXs(svg);
    assert.equal(xs.length, 3, 'a bar per second');
    const step = xs[1] - xs[0];
    assert.ok(step > 0, 'later seconds to the right');
    assert.ok(
      Math.abs(xs[2] - xs[1] - 4 * step) < 1,
      `four seconds from :02 to :06 are four times one second: ${xs.join(', ')}`,
    );
  });
  it('draws a line with a point per row when asked', async () => {
    const svg = await seriesChartSvg(perSecond, 'second', 'events', { mark: 'line' });
    assert.equal((svg.match(/aria-roledescription="line mark"/g) ?? []).length, 1, 'one line');
    assert.equal((svg.match(/aria-roledescription="point"/g) ?? []).length, 3, 'a point per second');
  });
  it('keeps other x values in row order along the axis', async () => {
    const svg = await seriesChartSvg(
      tableFromRows([
        { type: 'b', n: 1 },
        { type: 'a', n: 2 },
      ]),
      'type',
      'n',
    );
    assert.ok(svg.indexOf('>b<') < svg.indexOf('>a<'), 'b first, as in the table');
  });
  it('refuses a column the table does not have', async () => {
    await assert.rejects(
      seriesChartSvg(perSecond, 'second', 'nope'),
      /no column nope: the table has second, events/,
    );
  });
  it('says where a chart can be shown when no notebook runs it', () => {
    assert.throws(() => displayChart('<svg/>'), /a chart is drawn into a notebook cell/);
  });
});
