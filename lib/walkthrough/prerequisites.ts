// What a step needs before it can run; each answers with what is missing and the step that makes it.
import type { LabConfig } from '../config.js';
import { interruptedSwap } from '../hdfs/atomic-output.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { describeCluster } from '../kafka/client.js';
import { countMessages, missingTopic, topicExists } from '../kafka/topics.js';
import { describeError } from '../errors.js';
import { ownApiAnswers } from './own-api.js';

export interface StepNeeds {
  config: LabConfig;
  /** the game API's URL from this machine */
  apiUrl: string;
  /** where the run keeps its records (and the PID of the API it started) */
  runDir: string;
}

export type Prerequisite = (needs: StepNeeds) => Promise<string | undefined>;

export const kafkaReachable: Prerequisite = async ({ config }) => {
  try {
    await describeCluster(config.kafka);
    return undefined;
  } catch {
    return `Kafka is not reachable at ${config.kafka.brokers.join(',')}: run \`npm run lab:step-1\` first`;
  }
};

export const topicReady: Prerequisite = async (needs) => {
  const unreachable = await kafkaReachable(needs);
  if (unreachable) return unreachable;
  const { kafka } = needs.config;
  return (await topicExists(kafka.topic, kafka)) ? undefined : describeError(missingTopic(kafka.topic));
};

export const topicHasEvents: Prerequisite = async (needs) => {
  const missing = await topicReady(needs);
  if (missing) return missing;
  const { kafka } = needs.config;
  return (await countMessages(kafka.topic, kafka)) === 0
    ? `the topic ${kafka.topic} is empty: run \`npm run lab:step-5\` (Apache Bench) first`
    : undefined;
};

export const apiRunning: Prerequisite = async ({ apiUrl, runDir, config }) =>
  (await ownApiAnswers(runDir, apiUrl, config.stack !== 'compose'))
    ? undefined
    : `the game API that step 3 starts does not answer at ${apiUrl}: run \`npm run lab:step-3\` first`;

export const purchasesWritten = async ({
  config,
}: Pick<StepNeeds, 'config'>): Promise<string | undefined> => {
  const dir = config.hdfs.purchasesDir;
  try {
    const hdfs = new HdfsClient(config.hdfs);
    if (await hdfs.exists(`${dir}/_SUCCESS`)) return undefined;
    const interrupted = await interruptedSwap(hdfs, dir);
    return `${interrupted ?? `${dir} has not been written`}: run \`npm run lab:step-8\` first`;
  } catch {
    return `HDFS is not reachable at ${config.hdfs.host}:${config.hdfs.port}: run \`npm run lab:step-1\` first`;
  }
};
