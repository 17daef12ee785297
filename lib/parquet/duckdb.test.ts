import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withDuckDb } from './duckdb.js';

describe('Parquet > duckdb > withDuckDb', () => {
  it('reads back a VARCHAR that begins with a byte order mark whole (the shared decoder keeps the mark)', async () => {
    const value = '\ufeffsword \ufeff';
    const rows = await withDuckDb(async (db) => {
      const select = await db.prepare('SELECT $1::VARCHAR AS v');
      select.bindVarchar(1, value);
      return (await select.runAndReadAll()).getRowObjectsJS();
    });
    assert.deepEqual(rows, [{ v: value }]);
  });
});
