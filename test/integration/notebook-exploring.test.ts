// Executes notebooks/exploring-events.ipynb headless with the real tslab kernel on events of its own: a
// topic of its own, `separate_events --write` to an HDFS folder of its own (EVENTS_DIR for the kernel),
// then checks each cell's output. Needs the stack, Jupyter and `npm run build`.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeCell } from '../../lib/jupyter/executed-notebook.js';
import { assertRanClean, runLabNotebook, taggedCell } from '../support/executed-cells.js';
import { deleteTopic, hdfs, randomName } from './jobs-fixture.js';
import { COUNTS, EVENTS, writeTestEvents } from './notebook-data.js';

describe('Notebook > exploring-events.ipynb on the tslab kernel', () => {
  const topic = randomName('test-exploring');
  const folder = `/tmp/${randomName('test-exploring')}`;
  const dir = posix.join(folder, 'events');
  let work: string;
  let cells: CodeCell[];
  const text = (tag: string) => taggedCell(cells, tag);

  before(async () => {
    await writeTestEvents(topic, dir);
    work = await mkdtemp(join(tmpdir(), 'notebook-exploring-'));
    cells = await runLabNotebook('exploring-events.ipynb', work, { EVENTS_DIR: dir });
  });
  after(async () => {
    await deleteTopic(topic);
    await hdfs.remove(folder);
    await rm(work, { recursive: true, force: true });
  });

  it('runs every code cell without an error output, each prompt numbered as the kernel counted', () => {
    assertRanClean(cells);
  });
  it('reads every event, event_type last in the schema (from the folder names)', () => {
    const read = text('read').text;
    assert.equal(read.trim().split('\n').at(-1), String(EVENTS.length), 'count(events)');
    assert.match(read, / \|-- description: string \(nullable = true\)\n/, "the knife's description, for all");
    assert.match(
      read,
      / \|-- timestamp: string \(nullable = true\)\n \|-- event_type: string/,
      'event_type last',
    );
  });
  it('makes a DataFrame per event type', () => {
    for (const [type, rows] of Object.entries(COUNTS)) {
      assert.match(text('by-type').text, new RegExp(`^${type}: ${rows} rows × 7 columns$`, 'm'), type);
    }
  });
  it('counts the events per type and host: every host munged to moe', () => {
    const lines = text('per-type-host').text.split('\n');
    assert.match(lines[0], /^ +event_type +Host +timestamp_count$/, "pandas' header line, no box");
    for (const [type, rows] of Object.entries(COUNTS)) {
      assert.ok(
        lines.some((line) => new RegExp(`^\\d+ +${type} +moe +${rows}$`).test(line)),
        `${type}: ${rows} events from moe`,
      );
    }
  });
  it('finds the description on the knife events only', () => {
    assert.match(text('description').text, /^purchase_knife: 1 of 1 have a description: very sharp knife$/m);
    assert.match(text('description').text, /^purchase_sword: 0 of 2 have a description$/m);
  });
  it('counts the events per second', () => {
    const rows = text('per-second')
      .text.split('\n')
      .filter((line) => /^\|\d{4}-/.test(line));
    assert.deepEqual(
      rows.map((line) => line.split('|').slice(1, 3)),
      [
        ['2026-11-28 10:00:00', '     3'],
        ['2026-11-28 10:00:01', '     2'],
        ['2026-11-28 10:00:03', '     4'],
        ['2026-11-28 10:00:04', '     1'],
      ],
      'second and events',
    );
  });
  it('describes events per second with pandas’ numeric statistics', () => {
    assert.deepEqual(
      text('describe-per-second').text.trimEnd().split('\n'),
      [
        '         events',
        'count  4.000000',
        'mean   2.500000',
        'std    1.290994',
        'min    1.000000',
        '25%    1.750000',
        '50%    2.500000',
        '75%    3.250000',
        'max    4.000000',
      ],
      'pandas text of describe()',
    );
  });
  it('shows the tables as pandas does in Jupyter: HTML with the text beside it', () => {
    for (const tag of ['per-type-host', 'describe-per-second']) {
      const html = text(tag)
        .media.map((m) => m['text/html'] ?? '')
        .join('');
      assert.match(
        html,
        /<table border="1" class="dataframe">[\s\S]*<thead>[\s\S]*<tbody>/,
        `${tag}: a dataframe table`,
      );
    }
    assert.match(
      text('describe-per-second')
        .media.map((m) => m['text/html'] ?? '')
        .join(''),
      /<th>count<\/th>\n {6}<td>4\.000000<\/td>/,
      'the index in <th>, the cells formatted as in the text',
    );
  });
  it('draws the events per type as bars and the events per second on a time axis, SVG and PNG', () => {
    const media = (tag: string, type: string) =>
      text(tag)
        .media.map((m) => m[type] ?? '')
        .join('');
    const svg = (tag: string) => media(tag, 'image/svg+xml');
    assert.equal((svg('chart-types').match(/aria-roledescription="bar"/g) ?? []).length, 5, 'a bar per type');
    assert.match(svg('chart-types'), /purchase_knife/, 'the types on the axis');
    assert.equal(
      (svg('chart-per-second').match(/aria-roledescription="bar"/g) ?? []).length,
      4,
      'a bar per second',
    );
    assert.match(svg('chart-per-second'), />10:00:02</, 'a tick at 10:00:02, a second without events');
    for (const tag of ['chart-types', 'chart-per-second']) {
      const png = Buffer.from(media(tag, 'image/png'), 'base64');
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${tag}: a PNG beside the SVG`);
    }
  });
});
