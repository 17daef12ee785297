// Records nobody's API would write, put straight into the topic (kafkajs, as `kcat -P` would): every
// batch job exits 0, every record is kept or is a counted reject with its offset and reason, and
// filtered_writes writes exactly the good sword purchases, which DuckDB reads back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { JobSummary } from '../../../lib/jobs/summary.js';
import { readParquetWithDuckDb } from '../../../lib/parquet/readers.js';
import { tallyCase, type TalliedCase } from '../../support/hostile-tally.js';
import { createTopic, deleteTopic, hdfs, kafka, randomName, runLab } from '../jobs-fixture.js';

interface Input {
  name: string;
  value: Buffer | string | null;
  /** a reject's reason, or 'kept' */
  expect: RegExp | 'kept';
  sword?: boolean;
}

const sword = (extra: object) => JSON.stringify({ event_type: 'purchase_sword', Host: 'h.test', ...extra });
const wide = (i: number) =>
  JSON.stringify(
    Object.fromEntries([
      ['event_type', 'wide'],
      ...Array.from({ length: 95 }, (_, k) => [`w${i}_${k}`, 'v']),
    ]),
  );

const INPUTS: Input[] = [
  { name: 'a sword purchase', value: sword({}), expect: 'kept', sword: true },
  { name: 'another one', value: sword({ Accept: '*/*' }), expect: 'kept', sword: true },
  {
    name: '10,000 nested arrays',
    value: sword({ deep: 0 }).replace('0}', `${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
    expect: /the value of "deep" is nested too deeply/,
  },
  { name: 'a field with an empty name', value: sword({ '': 'x' }), expect: /a field with an empty name/ },
  { name: "the jobs' own timestamp", value: sword({ timestamp: '1' }), expect: /a field "timestamp"/ },
  {
    name: 'Host and host',
    value: sword({ host: 'b' }),
    expect: /"Host" and "host" differ only in letter case/,
  },
  { name: 'Accept and ACCEPT', value: sword({ Accept: 'a', ACCEPT: 'b' }), expect: /"Accept" and "ACCEPT"/ },
  { name: 'not JSON', value: 'this is not json', expect: /^not JSON$/ },
  { name: 'a JSON array', value: '[1, 2, 3]', expect: /^not a JSON object$/ },
  { name: 'a null value', value: null, expect: /^empty value \(null\)$/ },
  { name: 'a numeric event_type', value: '{"event_type": 5}', expect: /^no event_type$/ },
  {
    name: '500 fields',
    value: sword(Object.fromEntries(Array.from({ length: 498 }, (_, k) => [`f${k}`, 'v']))),
    expect: /500 fields, more than the 100/,
  },
  {
    name: 'invalid UTF-8 bytes',
    value: Buffer.concat([
      Buffer.from(sword({ note: 'X' }).replace('"X"}', '"')),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]),
    expect: 'kept',
    sword: true,
  },
  {
    name: 'a __proto__ field',
    value: sword({}).replace('{', '{"__proto__": {"polluted": "yes"}, '),
    expect: /a field named __proto__/,
  },
  {
    name: 'fields named like Object methods',
    value: sword({ constructor: 'c', toString: 't', hasOwnProperty: 'h' }),
    expect: 'kept',
    sword: true,
  },
  { name: 'null field values', value: sword({ Accept: null }), expect: 'kept', sword: true },
  { name: 'a value of 900 KB', value: sword({ big: 'x'.repeat(900_000) }), expect: 'kept', sword: true },
  { name: 'control characters', value: sword({ ctl: 'a\u0001b\u001bc\u007f' }), expect: 'kept', sword: true },
  { name: 'an empty event_type', value: '{"event_type": ""}', expect: 'kept' },
  // 11 events of 95 new field names each: the read stops taking new names past 1,000
  ...Array.from({ length: 11 }, (_, i) => ({
    name: `95 new field names (${i + 1})`,
    value: wide(i),
    expect: i < 10 ? ('kept' as const) : /past 1000 distinct field names/,
  })),
];

describe('Hostile > records written straight to the topic (real broker, real HDFS)', () => {
  const topic = randomName('test-hostile-records');
  const output = `/tmp/${randomName('test-hostile-records')}/purchases`;
  let results: string;
  let tallied: TalliedCase;
  const summary = async (job: string) =>
    JSON.parse(await readFile(join(results, `${job}.json`), 'utf8')) as JobSummary;

  before(async () => {
    // every input but the two honest sword purchases
    tallied = tallyCase('jobs: topic records', INPUTS.length - 2);
    await createTopic(topic);
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: INPUTS.map((input) => ({ value: input.value })) });
    } finally {
      await producer.disconnect();
    }
    results = await mkdtemp(join(tmpdir(), 'hostile-records-'));
    for (const job of ['separate_events', 'just_filtering']) {
      await tallied.job(runLab(job, ['--topic', topic], { LAB_RESULTS_DIR: results }));
    }
    await tallied.job(
      runLab('filtered_writes', ['--topic', topic, '--output', output], { LAB_RESULTS_DIR: results }),
    );
  });
  after(async () => {
    await deleteTopic(topic);
    await hdfs.remove(posix.dirname(output));
    await rm(results, { recursive: true, force: true });
  });

  const rejected = INPUTS.map((input, offset) => ({ input, offset })).filter(
    ({ input }) => input.expect !== 'kept',
  );

  for (const job of ['separate_events', 'just_filtering', 'filtered_writes']) {
    it(`${job} exits 0, reads every record and lists each reject with its offset and reason`, async () => {
      const s = await summary(job);
      assert.equal(s.read, INPUTS.length, 'every record read');
      assert.equal(s.rejected, rejected.length, 'every bad record counted');
      for (const { input, offset } of rejected) {
        const reject = s.rejects.find((r) => r.offset === String(offset));
        assert.ok(reject, `${input.name} (offset ${offset}) is listed`);
        assert.match(reject.reason, input.expect as RegExp, `${input.name}: the reason`);
      }
    });
  }

  it('separate_events keeps every good record, whatever its type', async () => {
    const s = await summary('separate_events');
    assert.equal(s.kept, INPUTS.length - rejected.length);
    assert.ok(
      s.tables.some((t) => t.where?.value === ''),
      'an empty event_type has its table too',
    );
  });

  it('filtered_writes writes exactly the good sword purchases, read back by DuckDB', async () => {
    const s = await summary('filtered_writes');
    const swords = INPUTS.filter((input) => input.sword).length;
    assert.equal(s.written?.rows, swords, 'rows written');
    const [part] = s.written?.partFiles ?? [];
    const local = join(results, 'part.parquet');
    await writeFile(local, await hdfs.readFile(posix.join(output, part)));
    const contents = await readParquetWithDuckDb(local);
    tallied.add({
      lost: Math.max(0, swords - contents.rows.length),
      duplicated: Math.max(0, contents.rows.length - swords),
    });
    assert.equal(contents.rows.length, swords, 'rows read back');
    assert.equal(
      Math.max(...contents.rows.map((r) => (r.big ?? '').length)),
      900_000,
      'the 900 KB value, whole',
    );
    assert.deepEqual(
      contents.rows.map((r) => r.toString).sort(),
      [...Array<null>(swords - 1).fill(null), 't'].sort(),
      'a toString field in one row; null, never a function, in the others',
    );
    assert.ok(
      contents.rows.some((r) => r.ctl === 'a\u0001b\u001bc\u007f'),
      'control characters kept as they were',
    );
    assert.ok(
      contents.rows.some((r) => r.note === '\ufffd\ufffd'),
      'invalid UTF-8 as replacement characters',
    );
  });
});
