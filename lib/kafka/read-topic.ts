// Reads a topic from the beginning, like `kcat -C -o beginning` (following) or with `-e` (stopping at the
// end). The end is the partitions' high watermarks taken at the start, so an empty topic ends at once and
// no timeout guesses when the topic is "done". A fresh consumer group each time: committed offsets of
// an earlier run never hide messages.
import { randomBytes } from 'node:crypto';
import { logLevel } from 'kafkajs';
import { loadConfig, type LabConfig } from '../config.js';
import { PrerequisiteError } from '../errors.js';
import { createKafka, kafkaUnreachable } from './client.js';
import { topicWatermarks, withAdmin } from './topics.js';

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
  const exists = await withAdmin(config, async (admin) => (await admin.listTopics()).includes(topic));
  if (!exists)
    throw new PrerequisiteError(
      `the topic ${topic} does not exist`,
      'create it: `npx tsx labs/create_topic.ts`',
    );
  // The offset each partition must reach before `-e` may end; a partition already at its end needs nothing.
  const remaining = new Map<number, number>();
  for (const { partition, low, high } of await topicWatermarks(topic, config))
    if (high > low) remaining.set(partition, high);
  if (!follow && remaining.size === 0) return;

  const consumer = createKafka(config, { level: logLevel.NOTHING }).consumer({
    groupId: `consume-events-${randomBytes(6).toString('hex')}`,
  });
  let reachedEnd!: () => void;
  const end = new Promise<void>((resolve) => (reachedEnd = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
  } catch (err) {
    throw kafkaUnreachable(config.brokers, err);
  }
  try {
    await consumer.run({
      eachBatch: async ({ batch }) => {
        onValues(batch.messages.map((m) => m.value?.toString() ?? ''));
        const last = Number(batch.lastOffset());
        const target = remaining.get(batch.partition);
        if (target !== undefined && last + 1 >= target) remaining.delete(batch.partition);
        if (!follow && remaining.size === 0) reachedEnd();
      },
    });
    await Promise.race([
      follow ? new Promise(() => undefined) : end,
      stopWhen ?? new Promise(() => undefined),
    ]);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
