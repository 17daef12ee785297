// The reader against a local folder standing in for HDFS (test/support/local-hdfs.ts);
// test/integration/notebook-read-parquet.test.ts runs it against the real HDFS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PrerequisiteError } from '../errors.js';
import { readParquet, type HdfsReader } from './read-parquet.js';
import { localHdfs } from '../../test/support/local-hdfs.js';
import { registerTable, sql } from './sql-session.js';
import { writeSparkOutput } from '../../test/support/spark-output.js';

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

  describe('the rows stay in DuckDB', () => {
    it('counts them and shows the first without building every row', async () => {
      const table = await readParquet('/multi', { hdfs });
      assert.deepEqual(
        [table.rowCount, table.head(1).map((row) => row.Host)],
        [4, ['user1.comcast.com']],
        'count and first row',
      );
    });
    it('lets DuckDB read the local copies of the parts itself', async () => {
      const table = await readParquet('/multi', { hdfs });
      assert.match(table.source?.from ?? '', /^read_parquet\(\['[^']+\.parquet', /, 'a Parquet scan');
    });
    it('registers as a view that sql() queries', async () => {
      await registerTable('multi', await readParquet('/multi', { hdfs }));
      const result = await sql("select count(*) as n from multi where Host = 'user1.comcast.com'");
      assert.deepEqual(result.rows, [{ n: 3 }], 'three user1 rows');
    });
    it('fetches a part once while it stays the same, again when it changes', async () => {
      await mkdir(join(root, 'changing'));
      await writeSparkOutput(join(root, 'changing'), [[purchase('user1.comcast.com')]]);
      const fetched: string[] = [];
      const counting: HdfsReader = { ...hdfs, readFile: (path) => (fetched.push(path), hdfs.readFile(path)) };
      await readParquet('/changing', { hdfs: counting });
      await readParquet('/changing', { hdfs: counting });
      assert.equal(fetched.length, 1, 'one fetch for two reads');
      await rm(join(root, 'changing'), { recursive: true });
      await mkdir(join(root, 'changing'));
      await writeSparkOutput(join(root, 'changing'), [
        [purchase('user2.att.com'), purchase('user2.att.com')],
      ]);
      const table = await readParquet('/changing', { hdfs: counting });
      assert.deepEqual([fetched.length, table.rowCount], [2, 2], 'fetched again, the new rows');
    });
    it('removes the local copies when the process exits', async () => {
      // a child process reads one part through a stand-in and prints the path of its local copy
      const part = (await readdir(join(root, 'multi'))).find((name) => name.startsWith('part-'));
      const script = `
        import { readFile } from 'node:fs/promises';
        import { readParquet } from ${JSON.stringify(new URL('./read-parquet.ts', import.meta.url).href)};
        const hdfs = {
          stat: async () => ({ type: 'DIRECTORY' }),
          list: async () => [{ type: 'FILE', pathSuffix: 'part-0.parquet', length: 1 }],
          readFile: () => readFile(${JSON.stringify(join(root, 'multi', part ?? ''))}),
        };
        const table = await readParquet('/one', { hdfs });
        console.log(table.source.from.match(/'([^']+)'/)[1]);`;
      const child = await promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ]);
      const copy = child.stdout.trim();
      assert.match(copy, /notebook-parquet-/, 'the child read a local copy');
      assert.equal(existsSync(dirname(copy)), false, 'its folder is gone after the child exited');
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
