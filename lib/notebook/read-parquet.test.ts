// The reader against a local folder standing in for HDFS (the same calls: stat, list, readFile);
// test/integration/notebook-read-parquet.test.ts runs it against the real HDFS.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FileStatus } from '../hdfs/hdfs-client.js';
import { PrerequisiteError } from '../errors.js';
import { readParquet, type HdfsReader } from './read-parquet.js';
import { writeSparkOutput } from './spark-output.js';

function localHdfs(root: string): HdfsReader {
  const status = async (path: string, name: string): Promise<FileStatus> => {
    const info = await stat(join(root, path));
    return {
      pathSuffix: name,
      type: info.isDirectory() ? 'DIRECTORY' : 'FILE',
      length: info.size,
    } as FileStatus;
  };
  return {
    stat: async (path) => status(path, '').catch(() => null),
    list: async (path) =>
      Promise.all((await readdir(join(root, path))).sort().map((name) => status(join(path, name), name))),
    readFile: async (path) => readFile(join(root, path)),
  };
}

const purchase = (host: string, extra: Record<string, string> = {}) => ({
  Accept: '*/*',
  Host: host,
  'User-Agent': 'ApacheBench/2.3',
  event_type: 'purchase_sword',
  timestamp: '2026-11-28 10:00:00.000',
  ...extra,
});

describe('Notebook > readParquet', () => {
  let root: string;
  let hdfs: HdfsReader;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'read-parquet-test-'));
    hdfs = localHdfs(root);
    await mkdir(join(root, 'multi'));
    await writeSparkOutput(join(root, 'multi'), [
      [purchase('user1.comcast.com'), purchase('user1.comcast.com')],
      [purchase('user2.att.com')],
      [purchase('user1.comcast.com')],
    ]);
    await mkdir(join(root, 'two-schemas'));
    await writeSparkOutput(join(root, 'two-schemas'), [
      [purchase('user1.comcast.com'), purchase('user2.att.com')],
      [purchase('user1.comcast.com', { description: 'very sharp sword' }), purchase('user2.att.com')],
    ]);
    await mkdir(join(root, 'empty'));
    await writeFile(join(root, 'empty', '_SUCCESS'), '');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('reads the rows of every part file', async () => {
    const table = await readParquet('/multi', { hdfs });
    assert.equal(table.rows.length, 4, '2 + 1 + 1 rows over three parts');
  });
  it('keeps the parts in name order and rows in file order', async () => {
    const table = await readParquet('/multi', { hdfs });
    assert.deepEqual(
      table.rows.map((row) => row.Host),
      ['user1.comcast.com', 'user1.comcast.com', 'user2.att.com', 'user1.comcast.com'],
      'hosts in order',
    );
  });
  it('reads the columns as Spark wrote them, all strings', async () => {
    const table = await readParquet('/multi', { hdfs });
    assert.deepEqual(table.columns, ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp'], 'columns');
    assert.deepEqual(new Set(table.types), new Set(['string']), 'types');
  });
  it('skips _SUCCESS and other files starting with _ or .', async () => {
    assert.equal((await readdir(join(root, 'multi'))).length, 4, 'three parts and _SUCCESS on disk');
    assert.equal((await readParquet('/multi/', { hdfs })).rows.length, 4, 'only the parts were read');
  });

  describe('two schemas (description in some rows only)', () => {
    it('merges the columns by name, the new one appended as Spark merges schemas', async () => {
      const table = await readParquet('/two-schemas', { hdfs });
      assert.deepEqual(
        table.columns,
        ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp', 'description'],
        'merged columns',
      );
    });
    it('gives null where a row has no description, in either part', async () => {
      const table = await readParquet('/two-schemas', { hdfs });
      assert.deepEqual(
        table.rows.map((row) => row.description),
        [null, null, 'very sharp sword', null],
        'descriptions',
      );
    });
  });

  it('says what to run when the directory does not exist', async () => {
    await assert.rejects(readParquet('/nowhere', { hdfs }), (err: unknown) => {
      assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
      assert.match(err.hint ?? '', /lab:step-8/, 'the hint names the step that writes it');
      return true;
    });
  });
  it('refuses a directory without part files', async () => {
    await assert.rejects(readParquet('/empty', { hdfs }), /holds no Parquet part files/, 'only _SUCCESS');
  });
});
