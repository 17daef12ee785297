// kcat (librdkafka) and kafkajs agree byte for byte on the real local Kafka broker.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel, type Admin } from 'kafkajs';
import { createKafka } from '../../lib/kafka/client.js';
import { deleteTopic, topicExists, topicWatermarks } from '../../lib/kafka/topics.js';
import { kafkaBrokers } from '../../lib/stack/kafka-service.js';
import { stackLayout } from '../../lib/stack/layout.js';

const brokers = kafkaBrokers(stackLayout());
const kafka = createKafka(
  { brokers, topic: 'unused', clientId: 'test-stack-kafka' },
  { level: logLevel.NOTHING },
);
const suffix = randomBytes(4).toString('hex');

const values = {
  ascii: Buffer.from('{"event_type": "purchase_sword"}'),
  nonAscii: Buffer.from('épée ⚔ 剣 🗡 Größe'),
  // every byte value, newlines and NULs included: no delimiter may split it
  binary: Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i)),
  empty: Buffer.alloc(0),
};

function kcat(args: string[], input?: Buffer): Buffer {
  const result = spawnSync('kcat', ['-b', brokers.join(','), ...args], { input, timeout: 30_000 });
  assert.equal(result.status, 0, `kcat ${args.join(' ')} failed: ${result.stderr?.toString()}`);
  return result.stdout;
}

/** Splits kcat's `-f '%S|%s\n'` output using each message's byte length, so any byte may be in a value. */
function splitByLength(out: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  let at = 0;
  while (at < out.length) {
    const bar = out.indexOf('|', at);
    const length = Number(out.subarray(at, bar).toString());
    messages.push(out.subarray(bar + 1, bar + 1 + length));
    at = bar + 1 + length + 1;
  }
  return messages;
}

const groupOf = (topic: string) => `test-stack-kafka-${suffix}-${topic}`;

async function consumeWithKafkajs(topic: string, count: number): Promise<Buffer[]> {
  const consumer = kafka.consumer({ groupId: groupOf(topic) });
  const seen: Buffer[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${seen.length} of ${count} messages in 30 s`)),
        30_000,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message.value ?? Buffer.from('<null>'));
            if (seen.length === count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

describe('Stack > Kafka > kcat and kafkajs', () => {
  let admin: Admin;
  const kcatTopic = `test-stack-kcat-to-kafkajs-${suffix}`;
  const kafkajsTopic = `test-stack-kafkajs-to-kcat-${suffix}`;
  const files = mkdtempSync(join(tmpdir(), 'test-stack-kafka-'));

  before(async () => {
    admin = kafka.admin();
    await admin.connect();
    // one partition each, so the order of the messages is the order they were sent in
    await admin.createTopics({
      topics: [kcatTopic, kafkajsTopic].map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
  });

  after(async () => {
    await admin.deleteTopics({ topics: [kcatTopic, kafkajsTopic] }).catch(() => undefined);
    await admin.deleteGroups([groupOf(kcatTopic)]).catch(() => undefined);
    await admin.disconnect();
    rmSync(files, { recursive: true, force: true });
  });

  it('kafkajs consumes exactly the bytes kcat produced', async () => {
    // kcat -P with file arguments sends each file as one message, byte for byte
    const paths = (['ascii', 'nonAscii', 'binary'] as const).map((name) => {
      writeFileSync(join(files, name), values[name]);
      return join(files, name);
    });
    kcat(['-P', '-t', kcatTopic, ...paths]);
    // kcat skips an empty message in file and line mode; with a key (-K) it sends an empty value
    kcat(['-P', '-t', kcatTopic, '-K', '\t'], Buffer.from('empty\t'));
    const received = await consumeWithKafkajs(kcatTopic, 4);
    assert.deepEqual(received[0], values.ascii, 'ASCII JSON');
    assert.deepEqual(received[1], values.nonAscii, 'non-ASCII UTF-8');
    assert.deepEqual(received[2], values.binary, 'all 256 byte values');
    assert.deepEqual(received[3], values.empty, 'an empty (not null) value');
  });

  it('kcat consumes exactly the bytes kafkajs produced', async () => {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: kafkajsTopic,
        messages: [values.ascii, values.nonAscii, values.empty, values.binary].map((value) => ({ value })),
      });
    } finally {
      await producer.disconnect();
    }
    const out = kcat(['-C', '-t', kafkajsTopic, '-o', 'beginning', '-e', '-q', '-f', '%S|%s\n']);
    const received = splitByLength(out);
    assert.equal(received.length, 4, 'four messages');
    assert.deepEqual(received[0], values.ascii, 'ASCII JSON');
    assert.deepEqual(received[1], values.nonAscii, 'non-ASCII UTF-8');
    assert.deepEqual(
      received[2],
      values.empty,
      'an empty value (length 0, not null: kcat prints -1 for null)',
    );
    assert.deepEqual(received[3], values.binary, 'all 256 byte values');
  });

  it('kcat prints a kafkajs text message as the original lab saw it', () => {
    const out = kcat(['-C', '-t', kafkajsTopic, '-o', 'beginning', '-c', '1', '-e', '-q']);
    assert.equal(out.toString('utf8'), `${values.ascii.toString('utf8')}\n`, 'the value and a newline');
  });
});

describe('Stack > Kafka > labs/create_topic.ts', () => {
  const topic = `test-create-topic-${randomBytes(4).toString('hex')}`;
  const createTopicCli = (...args: string[]) => {
    const result = spawnSync('npx', ['tsx', 'labs/create_topic.ts', '--topic', topic, ...args], {
      encoding: 'utf8',
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  after(() => deleteTopic(topic));

  it('refuses more replicas than the single node has, saying what to do, and creates nothing', async () => {
    const refused = createTopicCli('--partitions', '3', '--replication-factor', '3');
    assert.equal(refused.code, 1, refused.output);
    assert.match(
      refused.output,
      /a replication factor of 3 needs 3 brokers; Kafka at 127\.0\.0\.1:9092 has 1/,
    );
    assert.match(refused.output, /--replication-factor 1 or less, or the cluster/);
    assert.doesNotMatch(refused.output, /\n\s+at /, 'no stack trace');
    assert.equal(await topicExists(topic), false);
  });

  it('creates the topic with the partitions asked for, and says so once', async () => {
    const created = createTopicCli('--partitions', '2');
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, new RegExp(`Created topic ${topic}\\.`));
    assert.equal((await topicWatermarks(topic)).length, 2, 'two partitions');
    assert.match(createTopicCli('--partitions', '2').output, new RegExp(`Topic ${topic} already exists\\.`));
    assert.equal(createTopicCli('--partitions', 'two').code, 2, 'a count that is not one is a usage error');
  });
});
