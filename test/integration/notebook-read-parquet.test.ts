// readParquet against the real HDFS: Spark-style part files uploaded through WebHDFS, read back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readParquet } from '../../lib/notebook/read-parquet.js';
import { EXPECTED, hdfs, testDir, writeTestPurchases } from './notebook-data.js';

describe('Notebook > readParquet over WebHDFS', () => {
  const dir = testDir('read-parquet');
  before(() => writeTestPurchases(dir));
  after(() => hdfs.remove(dir));

  it('finds two part files and _SUCCESS in the directory', async () => {
    const names = (await hdfs.list(dir)).map((entry) => entry.pathSuffix);
    assert.deepEqual(
      names.map((name) => name.replace(/-[0-9a-f-]{36}-/, '-<uuid>-')),
      ['_SUCCESS', 'part-00000-<uuid>-c000.snappy.parquet', 'part-00001-<uuid>-c000.snappy.parquet'],
      'directory listing',
    );
  });
  it('reads the rows of both parts', async () => {
    assert.equal((await readParquet(dir, { hdfs })).rows.length, EXPECTED.rows, 'rows');
  });
  it('merges the two schemas: description present, null where a row had none', async () => {
    const table = await readParquet(dir, { hdfs });
    assert.ok(table.columns.includes('description'), 'description column');
    const described = table.rows.filter((row) => row.description !== null).length;
    assert.equal(described, EXPECTED.user1Descriptions, 'rows with a description');
  });
});
