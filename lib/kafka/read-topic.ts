// Reads a topic from the beginning, like `kcat -C -o beginning` (following) or with `-e` (stopping at the
// end). The end is the batch jobs' bounded read (the high watermarks taken at the start), so an empty
// topic ends at once and no timeout guesses when the topic is "done". Following uses a fresh consumer
// group each time: committed offsets of an earlier run never hide messages.
import { randomBytes } from 'node:crypto';
import { logLevel } from 'kafkajs';
import { loadConfig, type LabConfig } from '../config.js';
import { readBounded } from './bounded-read.js';
import { createKafka, kafkaUnreachable } from './client.js';
import { requireTopic } from './topics.js';

export interface ReadTopicOptions {
  topic: string;
  /** keep reading new messages (kcat without -e) */
  follow: boolean;
  /** called with the values of each fetched batch, in offset order per partition */
  onValues: (values: string[]) => void;
  /** resolves when a follower should stop (e.g. on SIGINT) */
  stopWhen?: Promise<unknown>;
}

export async function readTopic(
  { topic, follow, onValues, stopWhen }: ReadTopicOptions,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<void> {
  await requireTopic(topic, config);
  const kafka = createKafka(config, { level: logLevel.NOTHING });
  if (!follow) {
    await readBounded(kafka, topic, (records) => onValues(records.map((r) => r.value ?? '')));
    return;
  }

  const consumer = kafka.consumer({ groupId: `consume-events-${randomBytes(6).toString('hex')}` });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
  } catch (err) {
    throw kafkaUnreachable(config.brokers, err);
  }
  try {
    await consumer.run({
      eachBatch: async ({ batch }) => onValues(batch.messages.map((m) => m.value?.toString() ?? '')),
    });
    await (stopWhen ?? new Promise(() => undefined));
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
