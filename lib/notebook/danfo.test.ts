import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDanfo } from './danfo.js';
import { tableFromRows } from './table.js';

describe('Notebook > toDanfo', () => {
  it('keeps every column in table order, even when the first row lacks one', () => {
    const table = tableFromRows([{ Host: 'a' }, { Host: 'b', description: 'sharp' }]);
    assert.deepEqual(toDanfo(table).columns, ['Host', 'description'], 'columns');
  });
  it('keeps nulls as nulls', () => {
    const table = tableFromRows([{ Host: 'a' }, { Host: 'b', description: 'sharp' }]);
    assert.deepEqual(toDanfo(table).column('description').values, [null, 'sharp'], 'description values');
  });
  it('makes an empty DataFrame with the columns when no row matched', () => {
    const df = toDanfo({ columns: ['Host', 'event_type'], types: ['string', 'string'], rows: [] });
    assert.deepEqual(df.shape, [0, 2], 'zero rows, two columns');
  });
});
