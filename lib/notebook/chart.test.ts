import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countChartSvg } from './chart.js';
import { notebookSession } from './sql-session.js';
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
  it('draws a null as a bar named null', async () => {
    const svg = await countChartSvg(tableFromRows([{ Host: 'a' }, { Host: null }]), 'Host');
    assert.match(svg, /aria-label="Host: null; rows: 1"/, 'a bar for null');
  });
  it('draws the same chart when DuckDB counts the rows where they are', async () => {
    // the same three rows, as a table DuckDB reads in place (a Parquet read's kind)
    const rows =
      "(VALUES (1, 'user1.comcast.com'), (2, 'user1.comcast.com'), (3, 'user2.att.com')) AS v(i, \"Host\")";
    const inDuckDb = await (await notebookSession()).read({ from: rows, position: 'i' });
    assert.equal(await countChartSvg(inDuckDb, 'Host'), await countChartSvg(table, 'Host'), 'same SVG');
  });
  it('refuses a column the table does not have', async () => {
    await assert.rejects(countChartSvg(table, 'Nope'), /no column Nope/, 'unknown column');
  });
});
