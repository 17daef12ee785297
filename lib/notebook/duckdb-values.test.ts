import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { decodeColumn, fetchColumns } from './duckdb-values.js';

describe('Notebook > DuckDB values in bulk (fetchColumns)', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const fetch = async (table: string) => {
    const described = await connection.runAndReadAll(`SELECT * FROM ${table} LIMIT 0`);
    return fetchColumns(connection, table, described.columnNames(), described.columnTypes());
  };

  before(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    // 3,000 rows: a column of two values and nulls (a dictionary), one of 3,000 different values (JSON),
    // numbers and booleans; inserted in an order no column sorts by
    await connection.run(`CREATE TABLE t AS SELECT
        CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 'user1.comcast.com' ELSE 'user2.att.com' END AS "Host",
        'ts-' || ((i * 7919) % 3000) AS "timestamp",
        i::BIGINT * 1000 AS n, i % 3 = 0 AS ok, i / 4 AS x
      FROM range(3000) AS r(i)`);
  });
  after(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('brings a column of few values back in row order, with its nulls', async () => {
    const [host] = await fetch('t');
    assert.deepEqual(
      host.slice(0, 4),
      [null, 'user2.att.com', 'user1.comcast.com', 'user2.att.com'],
      'first',
    );
    assert.equal(host.filter((value) => value === null).length, 429, 'every seventh row is null');
  });
  it('shares one string per distinct value of such a column', async () => {
    const [host] = await fetch('t');
    assert.equal(new Set(host).size, 3, 'two hosts and null');
  });
  it('brings a column of many values back in row order', async () => {
    const [, timestamp] = await fetch('t');
    assert.deepEqual(
      [timestamp.length, timestamp[0], timestamp[1], timestamp[2999]],
      [3000, 'ts-0', 'ts-1919', `ts-${(2999 * 7919) % 3000}`],
      'values in order',
    );
  });
  it('brings a column of many values longer than one slice back whole, in order', async () => {
    await connection.run("CREATE TABLE long AS SELECT 'v' || (i * 7) AS v FROM range(300000) AS r(i)");
    const [values] = await fetch('long');
    assert.deepEqual(
      [values.length, values[131071], values[131072], values[299999]],
      [300000, 'v917497', 'v917504', 'v2099993'],
      'values across the slices',
    );
  });
  it('brings numbers and booleans back as JavaScript numbers and booleans', async () => {
    const [, , n, ok, x] = await fetch('t');
    assert.deepEqual([n[3], ok[3], x[2]], [3000, true, 0.5], 'long, boolean, double');
  });
  it('keeps quotes, newlines and characters beyond the BMP in text', async () => {
    await connection.run(
      `CREATE TABLE odd AS SELECT * FROM (VALUES ('say "hi"'), (E'two\\nlines'), ('🗡️ sword')) AS v(s)`,
    );
    assert.deepEqual((await fetch('odd'))[0], ['say "hi"', 'two\nlines', '🗡️ sword'], 'text as written');
  });
  it('gives empty columns for a table without rows', async () => {
    await connection.run('CREATE TABLE empty AS SELECT * FROM t LIMIT 0');
    assert.deepEqual(await fetch('empty'), [[], [], [], [], []], 'five empty columns');
  });
  it('decodes only the first rows of a result when asked for a few', async () => {
    const result = await connection.run('SELECT n FROM t ORDER BY n');
    assert.deepEqual(decodeColumn(result, 0, 3), [0, 1000, 2000], 'three values');
  });
});
