// The bounded read under the jobs: every partition, up to the high watermarks taken at the start,
// an empty topic returning at once, no consumer-group state left behind.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBounded, type BoundedRecord } from '../../lib/kafka/bounded-read.js';
import { PrerequisiteError } from '../../lib/errors.js';
import { createTopic, deleteTopic, kafka, produce, randomName, runLab } from './jobs-fixture.js';

const PARTITIONS = 3;
const PER_PARTITION = 25;

async function readAll(topic: string, onFirstBatch?: () => Promise<void>): Promise<BoundedRecord[]> {
  const seen: BoundedRecord[] = [];
  let first = true;
  await readBounded(kafka, topic, async (records) => {
    seen.push(...records);
    if (first && onFirstBatch) await onFirstBatch();
    first = false;
  });
  return seen;
}

describe('Kafka > bounded read on the real stack', () => {
  const topic = randomName('test-bounded');
  const empty = randomName('test-bounded-empty');

  before(async () => {
    await createTopic(topic, PARTITIONS);
    await createTopic(empty, 2);
    for (let p = 0; p < PARTITIONS; p++) {
      await produce(
        topic,
        Array.from({ length: PER_PARTITION }, (_, i) => ({ value: `p${p}-${i}`, partition: p })),
      );
    }
  });
  after(async () => {
    await deleteTopic(topic);
    await deleteTopic(empty);
  });

  it('reads every record of every partition, each partition in offset order', async () => {
    const records = await readAll(topic);
    assert.equal(records.length, PARTITIONS * PER_PARTITION, 'all records');
    for (let p = 0; p < PARTITIONS; p++) {
      const values = records.filter((r) => r.partition === p).map((r) => r.value);
      assert.deepEqual(
        values,
        Array.from({ length: PER_PARTITION }, (_, i) => `p${p}-${i}`),
        `partition ${p} in order`,
      );
    }
  });

  it('stops at the high watermarks taken at the start, whatever arrives during the read', async () => {
    const records = await readAll(topic, () =>
      produce(
        topic,
        Array.from({ length: PARTITIONS }, (_, p) => ({ value: 'late', partition: p })),
      ),
    );
    assert.equal(records.filter((r) => r.value === 'late').length, 0, 'late records not read');
    assert.equal(records.length, PARTITIONS * PER_PARTITION, 'exactly the records there at the start');
  });

  it('reads the same again: no committed offsets are used', async () => {
    const records = await readAll(topic);
    assert.equal(
      records.length,
      PARTITIONS * PER_PARTITION + PARTITIONS,
      'from earliest again, late ones now included',
    );
  });

  it('fails once when the handler throws, without handing the batch over again', async () => {
    let calls = 0;
    await assert.rejects(
      readBounded(kafka, topic, () => {
        calls += 1;
        throw new Error('disk full');
      }),
      /disk full/,
      'the handler error comes through',
    );
    assert.equal(calls, 1, 'no retry of the batch');
  });

  it('returns nothing at once for an empty topic', async () => {
    const summary = await readBounded(kafka, empty, () => assert.fail('no records expected'));
    assert.equal(summary.records, 0, 'no records');
    assert.equal(summary.ranges.length, 2, 'both partitions looked at');
  });

  it('fails with what to do for a topic that does not exist', async () => {
    await assert.rejects(
      readBounded(kafka, randomName('test-missing'), () => undefined),
      PrerequisiteError,
      'missing topic',
    );
  });

  it('just_filtering on an empty topic says so and ends', async () => {
    const stdout = await runLab('just_filtering', ['--topic', empty]);
    assert.match(stdout, /no purchase_sword events in topic/, 'note instead of a table');
    assert.match(
      stdout,
      /read 0 records from topic \S+ \(2 partitions\), kept 0, rejected 0, written 0/,
      'summary',
    );
  });
});
