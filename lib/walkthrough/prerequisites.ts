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
  /** the game API's URL */
  apiUrl: string;
  /** where the run keeps its records (and the PID of the API it started) */
  runDir: string;
}

export type Prerequisite = (needs: StepNeeds) => Promise<string | undefined>;

/** What to do when a service does not answer: step 1 starts the local stack; compose's are started on the host. */
function startServicesHint(config: LabConfig): string {
  if (config.stack === 'compose') {
    return (
      'the services run in containers of their own, which this one cannot start: on the host, ' +
      '`docker compose up -d --wait`, then `docker compose exec app npm run lab`'
    );
  }
  return config.stack === 'cluster'
    ? 'run `npm run lab:step-1 -- --cluster` first'
    : 'run `npm run lab:step-1` first';
}

export const kafkaReachable: Prerequisite = async ({ config }) => {
  try {
    await describeCluster(config.kafka);
    return undefined;
  } catch {
    return `Kafka is not reachable at ${config.kafka.brokers.join(',')}: ${startServicesHint(config)}`;
  }
};

export const hdfsReachable = async ({ config }: Pick<StepNeeds, 'config'>): Promise<string | undefined> => {
  try {
    await new HdfsClient(config.hdfs).list('/');
    return undefined;
  } catch {
    return `HDFS is not reachable at ${config.hdfs.host}:${config.hdfs.port}: ${startServicesHint(config)}`;
  }
};

/** Step 1 starts the local stack itself; with docker compose the host started the services, which must answer. */
export const servicesStarted: Prerequisite = async (needs) =>
  needs.config.stack === 'compose'
    ? ((await kafkaReachable(needs)) ?? (await hdfsReachable(needs)))
    : undefined;

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

export const apiRunning: Prerequisite = async ({ apiUrl, runDir }) =>
  (await ownApiAnswers(runDir, apiUrl))
    ? undefined
    : `the game API that step 3 starts does not answer at ${apiUrl}: run \`npm run lab:step-3\` first`;

export const purchasesWritten = async (needs: Pick<StepNeeds, 'config'>): Promise<string | undefined> => {
  const unreachable = await hdfsReachable(needs);
  if (unreachable) return unreachable;
  const dir = needs.config.hdfs.purchasesDir;
  const hdfs = new HdfsClient(needs.config.hdfs);
  if (await hdfs.exists(`${dir}/_SUCCESS`)) return undefined;
  const interrupted = await interruptedSwap(hdfs, dir);
  return `${interrupted ?? `${dir} has not been written`}: run \`npm run lab:step-8\` first`;
};
