// The three batch jobs against the real stack: events of two schemas from kafkajs, malformed records
// from kcat, each job's printed tables, and filtered_writes' Parquet read back by two other readers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parseSchemaFields, parseShowTables } from '../../lib/spark/spark-text.js';
import { readParquetWithDuckDb, readParquetWithParquetjs } from '../../lib/parquet/readers.js';
import { TaskSpools, writeParquet } from '../../lib/parquet/write-parquet.js';
import { Row, RowFrame } from '../../lib/spark/row-frame.js';
import type { GameEvent } from '../../lib/events/event.js';
import {
  createTopic,
  deleteTopic,
  event,
  hdfs,
  produce,
  produceWithKcat,
  randomName,
  runLab,
  type TestMessage,
} from './jobs-fixture.js';

const T0 = Date.UTC(2018, 7, 2, 4, 13, 14, 123);
const EVENTS = [
  event('default', 'user1.comcast.com'),
  event('purchase_sword', 'user1.comcast.com'),
  event('purchase_shield', 'user2.att.com'),
  event('join_guild', 'user2.att.com'),
  event('purchase_sword', 'user1.comcast.com'),
  event('purchase_knife', 'user2.att.com', { description: 'very sharp knife' }),
  event('purchase_sword', 'user2.att.com', { description: 'very sharp sword, with a long description' }),
];
const LATE_SWORD = event('purchase_sword', 'user1.comcast.com');
const MALFORMED = ['this is not json', '[1, 2, 3]', '{"Host": "user1.comcast.com"}'];
// Offsets: the events 0-6, the kcat lines 7-9, the late sword 10.
const message = (value: object, i: number): TestMessage => ({
  value: JSON.stringify(value),
  timestamp: T0 + i * 1000,
});
const timestampText = (i: number) => `2018-08-02 04:13:${14 + i}.123`;

const SWORD_COLUMNS = ['Accept', 'Host', 'User-Agent', 'description', 'event_type', 'timestamp'];
const SWORDS = [
  { ...EVENTS[1], description: null, timestamp: timestampText(1) },
  { ...EVENTS[4], description: null, timestamp: timestampText(4) },
  { ...EVENTS[6], timestamp: timestampText(6) },
  { ...LATE_SWORD, description: null, timestamp: timestampText(10) },
].map((row) => Object.fromEntries(SWORD_COLUMNS.map((c) => [c, (row as Record<string, string | null>)[c]])));

describe('Jobs > the three batch jobs on the real stack', () => {
  const topic = randomName('test-jobs');
  const folder = `/tmp/${randomName('test-jobs')}`;
  const output = posix.join(folder, 'purchases');
  let local: string;

  before(async () => {
    local = await mkdtemp(join(tmpdir(), 'jobs-test-'));
    await createTopic(topic);
    await produce(topic, EVENTS.map(message));
    await produceWithKcat(topic, MALFORMED);
    await produce(topic, [message(LATE_SWORD, 10)]);
  });
  after(async () => {
    await deleteTopic(topic);
    await hdfs.remove(folder);
    await rm(local, { recursive: true, force: true });
  });

  describe('separate_events', () => {
    let stdout: string;
    before(async () => (stdout = await runLab('separate_events', ['--topic', topic])));

    it('prints one table per event type in the topic, in order of first appearance', () => {
      const types = parseShowTables(stdout).map((t) => [
        ...new Set(t.rows.map((r) => r[t.columns.indexOf('event_type')])),
      ]);
      assert.deepEqual(
        types,
        [['default'], ['purchase_sword'], ['purchase_shield'], ['join_guild'], ['purchase_knife']],
        'types',
      );
    });

    it('gives every table the union columns, munged', () => {
      const tables = parseShowTables(stdout);
      const expected = [
        'Accept',
        'Cache-Control',
        'Host',
        'User-Agent',
        'description',
        'event_type',
        'timestamp',
      ];
      for (const table of tables)
        assert.deepEqual(table.columns, expected, 'union of fields, sorted, with Cache-Control');
      const cells = (name: string) => tables.flatMap((t) => t.rows.map((r) => r[t.columns.indexOf(name)]));
      assert.deepEqual([...new Set(cells('Host'))], ['moe'], 'munge_event set every Host to moe');
      assert.deepEqual([...new Set(cells('Cache-Control'))], ['no-cache'], 'munge_event set Cache-Control');
    });

    it('prints the timestamps as Spark does, truncated to 20 characters', () => {
      const [table] = parseShowTables(stdout);
      assert.equal(
        table.rows[0][table.columns.indexOf('timestamp')],
        '2018-08-02 04:13:...',
        'truncated timestamp',
      );
    });

    it('reports the malformed records with their offsets and counts all records', () => {
      assert.match(
        stdout,
        /read 11 records from topic \S+ \(1 partition\), kept 8, rejected 3, written 0/,
        'summary',
      );
      assert.match(
        stdout,
        /partition 0 offset 7: not JSON; partition 0 offset 8: not a JSON object; partition 0 offset 9: no event_type/,
        'rejects with offsets',
      );
    });
  });

  describe('just_filtering', () => {
    let stdout: string;
    before(async () => (stdout = await runLab('just_filtering', ['--topic', topic])));

    it('prints the union schema of the sword purchases', () => {
      assert.deepEqual(parseSchemaFields(stdout), SWORD_COLUMNS, 'printSchema fields');
      assert.match(stdout, /^root\n \|-- Accept: string \(nullable = true\)\n/m, 'printSchema text');
    });

    it('shows the sword purchases only, null where the first schema has no description', () => {
      const [table] = parseShowTables(stdout);
      assert.deepEqual(table.columns, SWORD_COLUMNS, 'columns');
      assert.deepEqual(
        table.rows.map((r) => r[3]),
        ['null', 'null', 'very sharp sword,...', 'null'],
        'descriptions',
      );
    });

    it('ends with the summary', () => {
      assert.match(
        stdout,
        /just_filtering summary: read 11 records .*kept 4, rejected 3, written 0/,
        'summary',
      );
    });
  });

  describe('filtered_writes', () => {
    let stdout: string;
    let partFile: string;
    let partBytes: Buffer;
    before(async () => {
      stdout = await runLab('filtered_writes', ['--topic', topic, '--output', output]);
      const names = (await hdfs.list(output)).map((e) => e.pathSuffix);
      partFile = names.find((n) => n.startsWith('part-')) ?? '';
      partBytes = await hdfs.readFile(posix.join(output, partFile));
      await writeFile(join(local, 'part.parquet'), partBytes);
    });

    it('lays the output out as Spark does: one part file and an empty _SUCCESS', async () => {
      const entries = await hdfs.list(output);
      assert.deepEqual(entries.map((e) => e.pathSuffix).sort(), ['_SUCCESS', partFile], 'two entries');
      assert.match(
        partFile,
        /^part-00000-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-c000\.snappy\.parquet$/,
        'Spark name',
      );
      assert.equal(entries.find((e) => e.pathSuffix === '_SUCCESS')?.length, 0, '_SUCCESS is empty');
    });

    it('leaves no temporary directory behind', async () => {
      assert.deepEqual(
        (await hdfs.list(folder)).map((e) => e.pathSuffix),
        ['purchases'],
        'only the output',
      );
    });

    it('prints the schema, the table and the summary', () => {
      assert.deepEqual(parseSchemaFields(stdout), SWORD_COLUMNS, 'printSchema');
      assert.equal(parseShowTables(stdout)[0]?.rows.length, 4, 'four rows shown');
      assert.match(stdout, /read 11 records .*kept 4, rejected 3, written 4 to \S+\/purchases/, 'summary');
    });

    it("DuckDB's read_parquet returns exactly the expected rows and VARCHAR columns", async () => {
      const { columns, rows } = await readParquetWithDuckDb(join(local, 'part.parquet'));
      assert.deepEqual(
        columns,
        SWORD_COLUMNS.map((name) => ({ name, type: 'VARCHAR' })),
        'columns',
      );
      assert.deepEqual(rows, SWORDS, 'rows');
    });

    it("parquetjs-lite's reader returns the same rows and UTF8 columns", async () => {
      const { columns, rows } = await readParquetWithParquetjs(join(local, 'part.parquet'));
      assert.deepEqual(
        columns,
        SWORD_COLUMNS.map((name) => ({ name, type: 'BYTE_ARRAY/UTF8' })),
        'columns',
      );
      assert.deepEqual(rows, SWORDS, 'rows');
    });

    it('overwrites: a second run replaces the part file', async () => {
      await runLab('filtered_writes', ['--topic', topic, '--output', output]);
      const names = (await hdfs.list(output)).map((e) => e.pathSuffix);
      assert.equal(names.length, 2, 'still one part file and _SUCCESS');
      assert.ok(!names.includes(partFile), 'the old part file is gone');
    });

    it('a write that fails before the swap leaves the previous output intact and cleans up', async () => {
      const before = (await hdfs.list(output)).map((e) => `${e.pathSuffix} ${e.length}`);
      const beforePart = before.find((n) => n.startsWith('part-'))?.split(' ')[0] ?? '';
      const oldBytes = await hdfs.readFile(posix.join(output, beforePart));
      let tempSeen = '';
      const spools = new TaskSpools();
      try {
        const frame = new RowFrame({ sink: spools });
        await frame.add([Row(timestampText(0), LATE_SWORD as unknown as GameEvent)]);
        await assert.rejects(
          writeParquet(frame, spools, output, {
            hdfs,
            hooks: {
              beforeSwap: async (temp) => {
                tempSeen = temp;
                throw new Error('injected failure between upload and swap');
              },
            },
          }),
          /injected failure/,
          'the write fails',
        );
      } finally {
        await spools.remove();
      }
      assert.match(
        posix.basename(tempSeen),
        /^\.purchases-.+\.tmp$/,
        'the new output was built in a hidden temporary directory',
      );
      assert.deepEqual(
        (await hdfs.list(output)).map((e) => `${e.pathSuffix} ${e.length}`),
        before,
        'same files, same sizes',
      );
      assert.ok(oldBytes.equals(await hdfs.readFile(posix.join(output, beforePart))), 'same bytes');
      assert.deepEqual(
        (await hdfs.list(folder)).map((e) => e.pathSuffix),
        ['purchases'],
        'temporary directory removed',
      );
    });
  });
});
