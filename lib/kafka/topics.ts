// Topic administration the lab needs: create (idempotent, like `kafka-topics --create --if-not-exists`),
// delete (tests clean up after themselves) and count the messages a topic holds.
import { loadConfig, type LabConfig } from '../config.js';
import { withAdmin } from './client.js';

export interface TopicSpec {
  topic: string;
  /** unset: the broker's num.partitions (1 on the single-node stack, 3 on the cluster) */
  partitions?: number;
  /** unset: the broker's default.replication.factor (1 on the single-node stack, 3 on the cluster) */
  replicationFactor?: number;
}

/** 'created', or 'exists' when the topic was already there. */
export async function createTopic(
  { topic, partitions, replicationFactor }: TopicSpec,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<'created' | 'exists'> {
  return withAdmin(config, async (admin) => {
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor }],
      waitForLeaders: true,
    });
    return created ? 'created' : 'exists';
  });
}

export async function deleteTopic(
  topic: string,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<void> {
  await withAdmin(config, async (admin) => {
    if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  });
}

/** Each partition's first and next offset, from the broker's watermarks. */
export async function topicWatermarks(
  topic: string,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<{ partition: number; low: number; high: number }[]> {
  return withAdmin(config, async (admin) =>
    (await admin.fetchTopicOffsets(topic)).map((p) => ({
      partition: p.partition,
      low: Number(p.low),
      high: Number(p.high),
    })),
  );
}

/** How many messages the topic holds: high minus low watermark, summed over its partitions. */
export async function countMessages(
  topic: string,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<number> {
  return (await topicWatermarks(topic, config)).reduce((sum, p) => sum + p.high - p.low, 0);
}
