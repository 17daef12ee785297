// separate_events --write against the real stack: every event type's rows as Parquet in one HDFS folder,
// partitioned by event_type as Spark's partitionBy lays it out, read back by DuckDB as one table with
// event_type restored from the folder names; the printed tables the same as without --write.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readPartitioned } from '../../lib/notebook/read-partitions.js';
import { sqlString, withDuckDb } from '../../lib/parquet/duckdb.js';
import { createTopic, deleteTopic, event, hdfs, produce, randomName, runLab } from './jobs-fixture.js';

const EVENTS = [
  event('default', 'user1.comcast.com'),
  event('purchase_sword', 'user1.comcast.com'),
  event('purchase_shield', 'user2.att.com'),
  event('purchase_sword', 'user1.comcast.com'),
  event('purchase_knife', 'user2.att.com', { description: 'very sharp knife' }),
  event('join_guild', 'user2.att.com'),
];
const TYPES = ['default', 'purchase_sword', 'purchase_shield', 'purchase_knife', 'join_guild'];
const PART_FILE = /^part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/;

describe('Jobs > separate_events --write', () => {
  const topic = randomName('test-separate-write');
  const folder = `/tmp/${randomName('test-separate-write')}`;
  const output = posix.join(folder, 'events');
  let local: string;
  let printed: string;
  let printedWithWrite: string;

  before(async () => {
    local = await mkdtemp(join(tmpdir(), 'separate-write-'));
    await createTopic(topic);
    await produce(
      topic,
      EVENTS.map((value) => ({ value: JSON.stringify(value) })),
    );
    printed = await runLab('separate_events', ['--topic', topic]);
    printedWithWrite = await runLab('separate_events', ['--topic', topic, '--write', output]);
  });
  after(async () => {
    await deleteTopic(topic);
    await hdfs.remove(folder);
    await rm(local, { recursive: true, force: true });
  });

  /** The output copied to a local folder, as laid out in HDFS. */
  async function download(): Promise<string> {
    const copy = await mkdtemp(join(local, 'copy-'));
    for (const entry of await hdfs.list(output)) {
      if (entry.type !== 'DIRECTORY') continue;
      await mkdir(join(copy, entry.pathSuffix));
      for (const part of await hdfs.list(posix.join(output, entry.pathSuffix))) {
        const path = posix.join(output, entry.pathSuffix, part.pathSuffix);
        await writeFile(join(copy, entry.pathSuffix, part.pathSuffix), await hdfs.readFile(path));
      }
    }
    return copy;
  }

  it('prints the same tables as without --write; only the summary adds where it wrote', () => {
    const lines = printed.trimEnd().split('\n');
    const withWrite = printedWithWrite.trimEnd().split('\n');
    assert.deepEqual(withWrite.slice(0, -1), lines.slice(0, -1), 'everything before the summary');
    assert.equal(
      withWrite.at(-1),
      lines.at(-1)?.replace(/written 0$/, `written 6 to ${output}`),
      'the summary',
    );
  });

  it('lays the folder out as partitionBy(event_type): a folder per type, one part file each, _SUCCESS on top', async () => {
    const entries = await hdfs.list(output);
    assert.deepEqual(
      entries.map((e) => e.pathSuffix).sort(),
      ['_SUCCESS', ...TYPES.map((type) => `event_type=${type}`)].sort(),
      'the top level',
    );
    for (const type of TYPES) {
      const names = (await hdfs.list(posix.join(output, `event_type=${type}`))).map((e) => e.pathSuffix);
      assert.equal(names.length, 1, `${type}: one file`);
      assert.match(names[0], PART_FILE, `${type}: Spark's part file name`);
    }
  });

  it('leaves nothing else beside the output', async () => {
    assert.deepEqual(
      (await hdfs.list(folder)).map((e) => e.pathSuffix),
      ['events'],
      'no temporary folder',
    );
  });

  it('reads back as one table, event_type from the folder names (hive partitioning)', async () => {
    const copy = await download();
    const rows = await withDuckDb(async (db) => {
      const reader = await db.runAndReadAll(
        `SELECT event_type, Host, description FROM read_parquet(${sqlString(`${copy}/*/*.parquet`)}, ` +
          'hive_partitioning = true) ORDER BY event_type, Host',
      );
      return reader.getRowObjectsJS();
    });
    assert.deepEqual(
      rows,
      [
        { event_type: 'default', Host: 'moe', description: null },
        { event_type: 'join_guild', Host: 'moe', description: null },
        { event_type: 'purchase_knife', Host: 'moe', description: 'very sharp knife' },
        { event_type: 'purchase_shield', Host: 'moe', description: null },
        { event_type: 'purchase_sword', Host: 'moe', description: null },
        { event_type: 'purchase_sword', Host: 'moe', description: null },
      ],
      'every event, munged (Host moe), description on the knife only',
    );
  });

  it("keeps the job's union columns in every file, without event_type (the folder names it)", async () => {
    const copy = await download();
    const columns = await withDuckDb(async (db) => {
      const reader = await db.runAndReadAll(
        `SELECT * FROM read_parquet(${sqlString(join(copy, 'event_type=default', '*.parquet'))}, hive_partitioning = false)`,
      );
      return reader.columnNames();
    });
    assert.deepEqual(
      columns,
      ['Accept', 'Cache-Control', 'Host', 'User-Agent', 'description', 'timestamp'],
      'columns of a part file',
    );
  });

  it('overwrites the whole folder: a type no longer in the topic leaves no folder behind', async () => {
    const smaller = randomName('test-separate-write');
    await createTopic(smaller);
    try {
      await produce(smaller, [{ value: JSON.stringify(EVENTS[1]) }]);
      await runLab('separate_events', ['--topic', smaller, '--write', output]);
      assert.deepEqual(
        (await hdfs.list(output)).map((e) => e.pathSuffix).sort(),
        ['_SUCCESS', 'event_type=purchase_sword'],
        'only the new output',
      );
    } finally {
      await deleteTopic(smaller);
    }
  });
});

describe('Jobs > separate_events --write > event types that Unicode normalization would merge', () => {
  it('gives each its own folder and its own rows: a Kelvin sign beside K, e + U+0301 beside é', async () => {
    const types = ['\u212a', 'K', 'e\u0301', '\u00e9'];
    const topic = randomName('test-separate-nfc');
    const output = `/tmp/${randomName('test-separate-nfc')}`;
    await createTopic(topic);
    try {
      await produce(
        topic,
        types.map((type) => ({ value: JSON.stringify(event(type, 'user1.comcast.com')) })),
      );
      await runLab('separate_events', ['--topic', topic, '--write', output]);
      const folders = (await hdfs.list(output)).map((e) => e.pathSuffix).filter((n) => n !== '_SUCCESS');
      assert.deepEqual(folders.sort(), types.map((t) => `event_type=${t}`).sort(), 'a folder per type');
      const table = await readPartitioned(output, { hdfs });
      assert.deepEqual(
        table.rows.map((row) => row.event_type).sort(),
        [...types].sort(),
        'one row per event, under its own type',
      );
    } finally {
      await deleteTopic(topic);
      await hdfs.remove(output);
    }
  });
});
