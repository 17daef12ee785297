// What the batch-job tests share: a throwaway topic and HDFS folder, producing events (kafkajs for
// good ones, kcat for malformed ones, as a student would), and running a lab program as a CLI.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { logLevel } from 'kafkajs';
import { loadConfig } from '../../lib/config.js';
import { createKafka } from '../../lib/kafka/client.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { REPO_ROOT } from '../../lib/paths.js';

const run = promisify(execFile);
export const config = loadConfig();
export const kafka = createKafka(config.kafka, { level: logLevel.NOTHING });
export const hdfs = new HdfsClient(config.hdfs);

export const randomName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export const headers = (host: string) => ({ Host: host, Accept: '*/*', 'User-Agent': 'ApacheBench/2.3' });

/** An event as the game API writes it: its type, the request's headers, and any extra fields. */
export const event = (type: string, host: string, extra: Record<string, string> = {}) => ({
  event_type: type,
  ...headers(host),
  ...extra,
});

export async function createTopic(topic: string, numPartitions = 1): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopic(topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

export interface TestMessage {
  value: string;
  /** Kafka's record timestamp in epoch ms (the broker's clock when absent). */
  timestamp?: number;
  partition?: number;
}

/** Sends the messages in order. */
export async function produce(topic: string, messages: TestMessage[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: messages.map((m) => ({
        value: m.value,
        partition: m.partition,
        timestamp: m.timestamp?.toString(),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Sends lines with `kcat -P`, one record per line. */
export async function produceWithKcat(topic: string, lines: string[]): Promise<void> {
  const child = execFile('kcat', ['-P', '-b', config.kafka.brokers[0], '-t', topic, '-p', '0']);
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat -P exited ${code}`)))),
  );
  child.stdin?.end(lines.map((l) => `${l}\n`).join(''));
  await done;
}

/** Runs `labs/<program>.ts` as a student would (through tsx) and returns its stdout. */
export async function runLab(
  program: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const env = { ...process.env, ...extraEnv };
  delete env.TZ; // timestamps in UTC, the jobs' default
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `labs/${program}.ts`, ...args], {
    cwd: REPO_ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}
