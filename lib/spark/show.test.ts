import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { showString, cellText, displayWidth } from './show.js';

const COLUMNS = ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp'];
const sword = (i: number) => ({
  Accept: '*/*',
  Host: 'user1.comcast.com',
  'User-Agent': 'ApacheBench/2.3',
  event_type: 'purchase_sword',
  timestamp: `2018-08-02 04:13:1${i % 10}.123`,
});

describe('Spark > show', () => {
  it('prints the boxed table Spark printed in the walkthrough, timestamps truncated to 20 characters', () => {
    const expected = [
      '+------+-----------------+---------------+--------------+--------------------+',
      '|Accept|             Host|     User-Agent|    event_type|           timestamp|',
      '+------+-----------------+---------------+--------------+--------------------+',
      '|   */*|user1.comcast.com|ApacheBench/2.3|purchase_sword|2018-08-02 04:13:...|',
      '|   */*|user1.comcast.com|ApacheBench/2.3|purchase_sword|2018-08-02 04:13:...|',
      '+------+-----------------+---------------+--------------+--------------------+',
      '',
    ].join('\n');
    assert.equal(showString([sword(0), sword(1)], COLUMNS), expected, 'table text matches Spark 2 show()');
  });

  it('shows the first 20 rows and says so when there are more', () => {
    const text = showString(
      Array.from({ length: 25 }, (_, i) => sword(i)),
      COLUMNS,
    );
    const dataLines = text.split('\n').filter((l) => l.startsWith('|   */*'));
    assert.equal(dataLines.length, 20, 'twenty data rows');
    assert.ok(text.endsWith('+\nonly showing top 20 rows\n'), 'footer after the closing border');
  });

  it('has no footer when every row fits', () => {
    const text = showString(
      Array.from({ length: 20 }, (_, i) => sword(i)),
      COLUMNS,
    );
    assert.ok(!text.includes('only showing'), 'no footer for exactly 20 rows');
  });

  it('says "row" for numRows = 1', () => {
    const text = showString([sword(0), sword(1)], COLUMNS, { numRows: 1 });
    assert.ok(text.endsWith('only showing top 1 row\n'), 'singular footer');
  });

  it('prints null for a missing value and keeps a minimum column width of 3', () => {
    const text = showString([{ a: 'x' }, {}], ['a']);
    assert.equal(text, '+----+\n|   a|\n+----+\n|   x|\n|null|\n+----+\n', 'null cell and width 3 minimum');
  });

  it('prints null for a row without a column named like an Object method', () => {
    const text = showString([{ constructor: 'c' }, {}], ['constructor']);
    assert.deepEqual(text.split('\n').slice(3, 5), ['|          c|', '|       null|']);
  });

  it('left-aligns and does not truncate with truncate = false', () => {
    const text = showString([sword(0)], ['timestamp'], { truncate: false });
    assert.equal(
      text,
      '+-----------------------+\n|timestamp              |\n+-----------------------+\n|2018-08-02 04:13:10.123|\n+-----------------------+\n',
      'full value, left-aligned',
    );
  });

  it('cuts without an ellipsis below 4 characters, as Spark does', () => {
    const text = showString([{ a: 'abcdef' }], ['a'], { truncate: 2 });
    assert.ok(text.includes('| ab|'), 'two characters, no dots');
  });

  it('never truncates the column names', () => {
    const name = 'a_column_name_longer_than_twenty';
    assert.ok(showString([{ [name]: 'x' }], [name]).includes(`|${name}|`), 'full header');
  });

  it('prints an empty table as header and two borders', () => {
    assert.equal(showString([], ['a']), '+---+\n|  a|\n+---+\n+---+\n', 'no rows');
  });

  it('prints non-string values as Spark would', () => {
    assert.equal(cellText(12), '12', 'number');
    assert.equal(cellText(['a', 'b']), '[a, b]', 'array');
    assert.equal(cellText(undefined), 'null', 'undefined is null');
  });

  it('counts wide characters as two columns', () => {
    assert.equal(displayWidth('剑a'), 3, 'CJK takes two');
  });
});
