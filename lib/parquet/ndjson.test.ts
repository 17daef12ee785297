import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NdjsonSpool, readNdjson } from './ndjson.js';

describe('Parquet > the NDJSON spool', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ndjson-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads back every row as written, whatever characters its strings hold', async () => {
    const rows = [
      { a: 'line\u2028separator', b: 'paragraph\u2029separator' },
      { c: 'next line \u0085, carriage return \r, newline \n', d: null },
      // long enough to cross the read stream's 64 KiB chunks, with a multi-byte character at every offset
      { e: 'é€😀'.repeat(30_000) },
      { f: '' },
    ];
    const path = join(dir, 'rows.ndjson');
    const spool = new NdjsonSpool(path);
    await spool.write(rows);
    await spool.close();
    const read: Record<string, unknown>[] = [];
    for await (const row of readNdjson(path)) read.push(row);
    assert.deepEqual(read, rows);
  });
});
