import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { count, show } from './show.js';
import { columnTable } from './table.js';

describe('Notebook > show and count', () => {
  const table = columnTable(['n'], ['long'], [Array.from({ length: 25 }, (_, i) => i)]);
  const printed = (run: () => void) => {
    const log = mock.method(console, 'log', () => undefined);
    try {
      run();
      return String(log.mock.calls[0].arguments[0]);
    } finally {
      log.mock.restore();
    }
  };

  it('prints the first 20 rows and says there are more, as Spark does', () => {
    const text = printed(() => show(table));
    assert.equal(text.split('\n').filter((line) => /^\|\s*\d+\|$/.test(line)).length, 20, '20 rows');
    assert.match(text, /only showing top 20 rows\n$/, "Spark's footer");
  });
  it('prints every row without the footer when they fit', () => {
    assert.doesNotMatch(
      printed(() => show(table, 25)),
      /only showing/,
      'no footer',
    );
  });
  it('counts the rows', () => {
    assert.equal(count(table), 25, 'count()');
  });
});
