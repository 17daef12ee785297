// Topic administration the lab needs: create (idempotent, like `kafka-topics --create --if-not-exists`),
// does it exist (one question, one message), delete (tests clean up after themselves) and count the
// messages a topic holds.
import type { Admin } from 'kafkajs';
import { loadConfig, type LabConfig } from '../config.js';
import { ConfigError, PrerequisiteError } from '../errors.js';
import { withAdmin } from './client.js';

export const topicExistsWith = async (admin: Admin, topic: string) =>
  (await admin.listTopics()).includes(topic);

export function topicExists(
  topic: string,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<boolean> {
  return withAdmin(config, (admin) => topicExistsWith(admin, topic));
}

/** The lab's one message for a missing topic: what to run to create it. */
export function missingTopic(topic: string): PrerequisiteError {
  return new PrerequisiteError(
    `the Kafka topic "${topic}" does not exist`,
    'create it with `npm run lab:step-2` (labs/create_topic.ts), send events with `npm run lab:step-5`, or pass --topic NAME',
  );
}

/** Throws missingTopic() unless the topic exists. */
export async function requireTopic(
  topic: string,
  config: LabConfig['kafka'] = loadConfig().kafka,
): Promise<void> {
  if (!(await topicExists(topic, config))) throw missingTopic(topic);
}

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
    // asked before Kafka is: its own answer is a bare INVALID_REPLICATION_FACTOR
    const { brokers } = await admin.describeCluster();
    if (replicationFactor !== undefined && replicationFactor > brokers.length) {
      throw new ConfigError(
        `a replication factor of ${replicationFactor} needs ${replicationFactor} brokers; Kafka at ${config.brokers.join(',')} has ${brokers.length}`,
        `use --replication-factor ${brokers.length} or less, or the cluster (\`npm run stack:up -- --cluster\`, then --cluster)`,
      );
    }
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
    if (await topicExistsWith(admin, topic)) await admin.deleteTopics({ topics: [topic] });
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
