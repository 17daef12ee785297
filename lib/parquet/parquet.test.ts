import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonSpool } from './ndjson.js';
import { writeParquetWithDuckDb, writeParquetWithParquetjs, type ParquetFileWriter } from './writers.js';
import { readParquetWithDuckDb, readParquetWithParquetjs } from './readers.js';

const COLUMNS = ['Accept', 'Host', 'User-Agent', 'description', 'event_type', 'timestamp'];
const ROWS = [
  {
    Accept: '*/*',
    Host: 'user1.comcast.com',
    'User-Agent': 'ApacheBench/2.3',
    event_type: 'purchase_sword',
    timestamp: '2018-08-02 04:13:19.1',
  },
  {
    Accept: '*/*',
    Host: "o'neil.net",
    'User-Agent': 'curl',
    description: 'very sharp',
    event_type: 'purchase_sword',
    timestamp: '2018-08-02 04:13:19.2',
  },
];
const EXPECTED = ROWS.map((r) =>
  Object.fromEntries(COLUMNS.map((c) => [c, (r as Record<string, string>)[c] ?? null])),
);

const writers: [string, ParquetFileWriter][] = [
  ['DuckDB', writeParquetWithDuckDb],
  ['parquetjs-lite', writeParquetWithParquetjs],
];

describe('Parquet > writers and readers', () => {
  let dir: string;
  let spool: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parquet-test-'));
    spool = join(dir, 'rows.ndjson');
    const sink = new NdjsonSpool(spool);
    await sink.write(ROWS);
    await sink.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const [name, write] of writers) {
    it(`${name} writes rows that DuckDB reads back as VARCHAR columns in order, missing → null`, async () => {
      const file = join(dir, `${name}.parquet`);
      const written = await write(spool, COLUMNS, file);
      assert.equal(written.rows, 2, 'two rows written');
      const { columns, rows } = await readParquetWithDuckDb(file);
      assert.deepEqual(
        columns,
        COLUMNS.map((c) => ({ name: c, type: 'VARCHAR' })),
        'columns and types',
      );
      assert.deepEqual(rows, EXPECTED, 'rows');
    });

    it(`${name} writes rows that parquetjs-lite reads back as UTF8`, async () => {
      const file = join(dir, `${name}-2.parquet`);
      await write(spool, COLUMNS, file);
      const { columns, rows } = await readParquetWithParquetjs(file);
      assert.deepEqual(
        columns,
        COLUMNS.map((c) => ({ name: c, type: 'BYTE_ARRAY/UTF8' })),
        'columns and types',
      );
      assert.deepEqual(rows, EXPECTED, 'rows');
    });
  }
});
