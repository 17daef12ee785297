// Expected tables are pandas 3.1.1's own output for the same frames (DataFrame(...).describe()).
import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import { DataFrame } from 'danfojs-node';
import { describe, numericStats, objectStats } from './describe.js';
import { tableFromRows } from './table.js';

const text = (lines: string[]) => lines.join('\n');

suite('Notebook > describe > string columns', () => {
  // pd.DataFrame({'Host': [...], 'event_type': [...], 'x': [None]*4}, dtype=object).describe()
  const table = tableFromRows([
    { Host: 'user1.comcast.com', event_type: 'b', x: null },
    { Host: 'user1.comcast.com', event_type: 'a', x: null },
    { Host: 'user2.att.com', event_type: 'a', x: null },
    { Host: null, event_type: 'b', x: null },
  ]);
  const description = describe(table);

  it('counts only the non-null values', () => {
    assert.equal(description.get('count', 'Host'), 3, 'count skips the null Host');
  });
  it('counts distinct non-null values as unique', () => {
    assert.equal(description.get('unique', 'Host'), 2, 'two distinct hosts besides null');
  });
  it('takes the most frequent value as top, with its frequency', () => {
    assert.equal(description.get('top', 'Host'), 'user1.comcast.com', 'top host');
    assert.equal(description.get('freq', 'Host'), 2, 'freq of the top host');
  });
  it('breaks a tie for top by first appearance, as pandas value_counts does', () => {
    assert.equal(description.get('top', 'event_type'), 'b', 'b and a both appear twice; b comes first');
  });
  it('gives an all-null column count 0, unique 0, top and freq NaN', () => {
    assert.deepEqual(
      ['count', 'unique', 'top', 'freq'].map((stat) => description.get(stat, 'x')),
      [0, 0, NaN, NaN],
      'the all-null column',
    );
  });
  it('prints the table as pandas does', () => {
    const expected = text([
      '                     Host event_type    x',
      'count                   3          4    0',
      'unique                  2          2    0',
      'top     user1.comcast.com          b  NaN',
      'freq                    2          2  NaN',
    ]);
    assert.equal(description.toString(), expected, 'pandas text of describe()');
  });
  it('gives the same answer for the danfo DataFrame of the same rows', () => {
    const df = new DataFrame(
      table.rows.map((row) => [row.Host, row.event_type]),
      { columns: ['Host', 'event_type'] },
    );
    const fromDanfo = describe(df)
      .toString()
      .split('\n')
      .map((line) => line.trimEnd());
    const fromTable = describe(
      tableFromRows(table.rows.map(({ Host, event_type }) => ({ Host, event_type }))),
    )
      .toString()
      .split('\n');
    assert.deepEqual(fromDanfo, fromTable, 'danfo input and table input describe alike');
  });
  it('cuts cells longer than 50 characters as pandas max_colwidth does', () => {
    const line = describe(tableFromRows([{ s: 'x'.repeat(60) }]))
      .toString()
      .split('\n')[3];
    assert.equal(line, `top     ${'x'.repeat(46)}...`, 'the top line of a 60-character value');
  });
});

suite('Notebook > describe > numeric columns', () => {
  it('prints count, mean, std, quartiles and max with a shared precision, skipping nulls', () => {
    const table = tableFromRows([
      { a: 1, b: 1.0 },
      { a: 2, b: null },
      { a: 3, b: 3.0 },
      { a: 4, b: -2.5 },
    ]);
    const expected = text([
      '              a         b',
      'count  4.000000  3.000000',
      'mean   2.500000  0.500000',
      'std    1.290994  2.783882',
      'min    1.000000 -2.500000',
      '25%    1.750000 -0.750000',
      '50%    2.500000  1.000000',
      '75%    3.250000  2.000000',
      'max    4.000000  3.000000',
    ]);
    assert.equal(describe(table).toString(), expected, 'pandas text for two numeric columns with a null');
  });
  it('trims trailing zeros when every number allows it', () => {
    const lines = describe(tableFromRows([{ a: 1 }, { a: 2 }, { a: 3 }]))
      .toString()
      .split('\n');
    assert.deepEqual(
      lines,
      [
        '         a',
        'count  3.0',
        'mean   2.0',
        'std    1.0',
        'min    1.0',
        '25%    1.5',
        '50%    2.0',
        '75%    2.5',
        'max    3.0',
      ],
      'one decimal kept',
    );
  });
  it('switches to scientific notation for large values, as pandas does', () => {
    const lines = describe(tableFromRows([{ n: 1.5 }, { n: 1e7 }]))
      .toString()
      .split('\n');
    assert.equal(lines[1], 'count  2.000000e+00', 'count in scientific notation');
    assert.equal(lines[8], 'max    1.000000e+07', 'max in scientific notation');
  });
  it('leaves std NaN for a single value (n − 1 in the denominator)', () => {
    assert.ok(Number.isNaN(numericStats([5]).std), 'std of one value');
  });
  it('describes an all-null numeric column as count 0 and NaN elsewhere', () => {
    const stats = numericStats([null, undefined, NaN]);
    assert.equal(stats.count, 0, 'count');
    assert.ok(Number.isNaN(stats.mean as number), 'mean');
  });
  it('describes a danfo DataFrame with nulls in a numeric column (danfo itself throws there)', () => {
    const df = new DataFrame([[1], [null], [3]], { columns: ['n'] });
    assert.equal(describe(df).get('mean', 'n'), 2, 'mean of 1 and 3');
  });
});

suite('Notebook > describe > mixed columns', () => {
  const table = tableFromRows([
    { s: 'x', n: 1.0 },
    { s: 'y', n: null },
    { s: 'x', n: 3.0 },
  ]);
  it('describes only the numeric columns by default', () => {
    assert.deepEqual(describe(table).columns, ['n'], 'pandas default include=None');
  });
  it("describes every column with include: 'all', NaN where a statistic does not apply", () => {
    const expected = text([
      '          s         n',
      'count     3  2.000000',
      'unique    2       NaN',
      'top       x       NaN',
      'freq      2       NaN',
      'mean    NaN  2.000000',
      'std     NaN  1.414214',
      'min     NaN  1.000000',
      '25%     NaN  1.500000',
      '50%     NaN  2.000000',
      '75%     NaN  2.500000',
      'max     NaN  3.000000',
    ]);
    assert.equal(
      describe(table, { include: 'all' }).toString(),
      expected,
      "pandas text of describe(include='all')",
    );
  });
});

suite('Notebook > describe > objectStats', () => {
  it('counts equal values once however often they appear', () => {
    assert.equal(objectStats(['a', 'a', 'a']).unique, 1, 'one distinct value');
  });
  it('adds up a value that comes back after others', () => {
    assert.deepEqual(
      objectStats(['b', 'b', 'a', 'c', 'a', 'a', null]),
      { count: 6, unique: 3, top: 'a', freq: 3 },
      'a three times in two runs',
    );
  });
  it('counts a column in ascending order from its runs, nulls left out', () => {
    assert.deepEqual(
      objectStats(['a', null, 'b', 'b', 'c', 'c', 'd']),
      { count: 6, unique: 4, top: 'b', freq: 2 },
      'b and c twice; b seen first',
    );
  });
  it('takes the first value as top when every value occurs once', () => {
    const timestamps = Array.from(
      { length: 1000 },
      (_, i) => `2026-11-28 10:36:${String(i).padStart(4, '0')}`,
    );
    assert.deepEqual(
      objectStats(timestamps),
      { count: 1000, unique: 1000, top: timestamps[0], freq: 1 },
      'in order',
    );
    assert.equal(objectStats([...timestamps].reverse()).top, timestamps[999], 'in reverse: the first seen');
  });
  it('does not take numbers and strings in order for one sorted column', () => {
    assert.deepEqual(objectStats([1, '1', 1]), { count: 3, unique: 2, top: '1', freq: 2 }, 'two 1s, one "1"');
  });
});
