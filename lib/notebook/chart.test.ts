import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countChartSvg } from './chart.js';
import { tableFromRows } from './table.js';

describe('Notebook > countChartSvg', () => {
  const table = tableFromRows([
    { Host: 'user1.comcast.com' },
    { Host: 'user1.comcast.com' },
    { Host: 'user2.att.com' },
  ]);

  it('renders an SVG document', async () => {
    assert.match(
      await countChartSvg(table, 'Host'),
      /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
      'an svg root',
    );
  });
  it('draws one bar per distinct value, labelled with it', async () => {
    const svg = await countChartSvg(table, 'Host');
    assert.match(svg, /user2\.att\.com/, 'the axis names user2.att.com');
    assert.equal((svg.match(/aria-roledescription="bar"/g) ?? []).length, 2, 'two bars');
  });
  it('refuses a column the table does not have', async () => {
    await assert.rejects(countChartSvg(table, 'Nope'), /no column Nope/, 'unknown column');
  });
});
