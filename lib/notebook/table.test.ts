import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnTable, tableFromRows } from './table.js';

describe('Notebook > Table from hand-made rows', () => {
  const rows = [{ Host: 'a' }, { Host: 'b', description: 'sharp' }];

  it('keeps the rows as they were given', () => {
    assert.equal(tableFromRows(rows).rows, rows, 'the same array');
  });
  it('reads columns, head and row count from them', () => {
    const table = tableFromRows(rows);
    assert.deepEqual(
      [table.rowCount, table.head(1), table.column(1)],
      [2, [{ Host: 'a' }], [undefined, 'sharp']],
      'count, first row, description column',
    );
  });
  it('takes the columns and types it is given instead of guessing them', () => {
    const table = tableFromRows([{ n: 1 }], { columns: ['n', 'm'], types: ['long', 'long'] });
    assert.deepEqual(
      [table.columns, table.types],
      [
        ['n', 'm'],
        ['long', 'long'],
      ],
      'schema',
    );
  });
});

describe('Notebook > Table from columns', () => {
  const table = columnTable(
    ['Host', 'n'],
    ['string', 'long'],
    [
      ['a', 'b', null],
      [1, 2, 3],
    ],
  );

  it('counts its rows without building them', () => {
    assert.equal(table.rowCount, 3, 'row count');
  });
  it('builds row objects from the columns, once', () => {
    assert.deepEqual(
      table.rows,
      [
        { Host: 'a', n: 1 },
        { Host: 'b', n: 2 },
        { Host: null, n: 3 },
      ],
      'rows',
    );
    assert.equal(table.rows, table.rows, 'built once and kept');
  });
  it('gives as many rows as asked for from the head, fewer at the end', () => {
    assert.deepEqual([table.head(1).length, table.head(5).length, table.head(0)], [1, 3, []], 'head sizes');
  });
  it('has no rows when it has no values', () => {
    assert.equal(columnTable(['Host'], ['string'], [[]]).rowCount, 0, 'empty');
  });
});
