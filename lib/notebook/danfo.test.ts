import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { types } from 'node:util';
import { Series } from './danfo-lib.js';
import { toDanfo } from './danfo.js';
import { columnTable, tableFromRows } from './table.js';

describe('Notebook > danfo without mathjs and xlsx until it needs them', () => {
  // as danfo resolves them
  const require = createRequire(createRequire(import.meta.url).resolve('danfojs-node'));
  const loaded = (name: string) => require.cache[require.resolve(name)]?.exports as object;

  it('loads mathjs on the first call that needs it, and that call works', () => {
    assert.ok(types.isProxy(loaded('mathjs')), 'a stand-in while danfo has not needed mathjs');
    assert.equal(new Series([1, 2, 3, 4]).std(), 1.2909944487358056, "danfo's std through mathjs");
    assert.ok(!types.isProxy(loaded('mathjs')), 'the real mathjs afterwards');
  });
  it('hands out the real xlsx through its stand-in', () => {
    const xlsx = loaded('xlsx') as { utils: { aoa_to_sheet: (rows: unknown[][]) => object } };
    assert.ok(types.isProxy(xlsx), 'a stand-in');
    assert.ok(xlsx.utils.aoa_to_sheet([['a']]), 'a sheet made through it');
    assert.ok(!types.isProxy(loaded('xlsx')), 'the real xlsx afterwards');
  });
});

describe('Notebook > toDanfo', () => {
  it('keeps every column in table order, even when the first row lacks one', () => {
    const table = tableFromRows([{ Host: 'a' }, { Host: 'b', description: 'sharp' }]);
    assert.deepEqual(toDanfo(table).columns, ['Host', 'description'], 'columns');
  });
  it('keeps nulls as nulls', () => {
    const table = tableFromRows([{ Host: 'a' }, { Host: 'b', description: 'sharp' }]);
    assert.deepEqual(toDanfo(table).column('description').values, [null, 'sharp'], 'description values');
  });
  it('keeps strings of digits as strings, as pandas keeps Spark strings', () => {
    const df = toDanfo(tableFromRows([{ code: '5' }, { code: '7' }]));
    assert.deepEqual([df.dtypes, df.column('code').values], [['string'], ['5', '7']], 'dtype and values');
  });
  it('gives numeric columns numeric dtypes, an integer column with nulls a float one', () => {
    const rows = [
      { n: 1, m: 1 },
      { n: 2, m: null },
    ];
    const df = toDanfo(tableFromRows(rows, { columns: ['n', 'm'], types: ['long', 'long'] }));
    assert.deepEqual(df.dtypes, ['int32', 'float32'], 'dtypes');
  });
  it('builds the frame from column arrays, rows in order', () => {
    const table = columnTable(
      ['Host', 'n'],
      ['string', 'long'],
      [
        ['a', 'b'],
        [1, 2],
      ],
    );
    assert.deepEqual(
      toDanfo(table).values,
      [
        ['a', 1],
        ['b', 2],
      ],
      'rows',
    );
  });
  it('makes an empty DataFrame with the columns when no row matched', () => {
    const df = toDanfo(tableFromRows([], { columns: ['Host', 'event_type'], types: ['string', 'string'] }));
    assert.deepEqual(df.shape, [0, 2], 'zero rows, two columns');
  });
});
