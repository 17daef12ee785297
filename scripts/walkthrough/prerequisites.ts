// What a step needs before it can run, each answering with the step to run first when it is missing.
import { apiIsHealthy } from '../../lib/api/health.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { describeCluster, withAdmin } from '../../lib/kafka/client.js';
import { countMessages } from '../../lib/kafka/topics.js';
import type { StepEnvironment } from './step.js';

export const PURCHASES_DIR = '/tmp/purchases';

export async function kafkaReachable(env: StepEnvironment): Promise<string | undefined> {
  try {
    await describeCluster(env.config.kafka);
    return undefined;
  } catch {
    return `Kafka is not reachable at ${env.config.kafka.brokers.join(',')}: run \`npm run lab:step-1\` first`;
  }
}

/** Messages in the topic, or null when it does not exist. */
export async function topicSize(env: StepEnvironment): Promise<number | null> {
  const { kafka } = env.config;
  const exists = await withAdmin(kafka, async (admin) => (await admin.listTopics()).includes(kafka.topic));
  return exists ? countMessages(kafka.topic, kafka) : null;
}

export async function topicExists(env: StepEnvironment): Promise<string | undefined> {
  const unreachable = await kafkaReachable(env);
  if (unreachable) return unreachable;
  return (await topicSize(env)) === null
    ? `the topic ${env.config.kafka.topic} does not exist: run \`npm run lab:step-2\` first`
    : undefined;
}

export async function topicHasEvents(env: StepEnvironment): Promise<string | undefined> {
  const missing = await topicExists(env);
  if (missing) return missing;
  return (await topicSize(env)) === 0
    ? `the topic ${env.config.kafka.topic} is empty: run \`npm run lab:step-5\` (Apache Bench) first`
    : undefined;
}

export const apiAnswers = (env: StepEnvironment) => apiIsHealthy(env.target.apiUrl);

export async function apiRunning(env: StepEnvironment): Promise<string | undefined> {
  return (await apiAnswers(env))
    ? undefined
    : `the game API does not answer at ${env.target.apiUrl}: run \`npm run lab:step-3\` first`;
}

export async function purchasesWritten(env: StepEnvironment): Promise<string | undefined> {
  try {
    const written = await new HdfsClient(env.config.hdfs).exists(`${PURCHASES_DIR}/_SUCCESS`);
    return written ? undefined : `${PURCHASES_DIR} has not been written: run \`npm run lab:step-8\` first`;
  } catch {
    return `HDFS is not reachable at ${env.config.hdfs.host}:${env.config.hdfs.port}: run \`npm run lab:step-1\` first`;
  }
}
