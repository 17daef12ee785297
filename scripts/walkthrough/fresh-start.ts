// A full run starts from nothing, so its counts are exact. Before step 1: no API or follower from an
// earlier run, no logs or records of earlier steps. After step 1 (it needs the stack): no events topic,
// no /tmp/purchases.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { withAdmin } from '../../lib/kafka/client.js';
import { deleteTopic } from '../../lib/kafka/topics.js';
import { logFile, stopBackground } from '../../lib/process/background.js';
import { waitFor } from '../../lib/wait-for.js';
import { PURCHASES_DIR } from './prerequisites.js';
import type { StepEnvironment } from './step.js';

type Say = (line: string) => void;

export async function clearPreviousRun(env: StepEnvironment, say: Say): Promise<void> {
  say('Starting from a clean slate: no game API or kcat window, no records of an earlier run.');
  if (env.dryRun) return;
  for (const name of ['kafka_follower', 'game_api'] as const) {
    const outcome = await stopBackground(env.target.background(name));
    if (outcome !== 'not running') say(`  stopped the ${name} of an earlier run`);
    rmSync(logFile(env.target.background(name)), { force: true });
  }
  for (const file of readdirSync(env.runDir)) {
    if (/^step-\d+\.json$|\.ipynb$/.test(file)) rmSync(join(env.runDir, file), { force: true });
  }
}

export async function emptyTopicAndOutput(env: StepEnvironment, say: Say): Promise<void> {
  const { topic } = env.config.kafka;
  say(`The run starts with no topic ${topic} and no ${PURCHASES_DIR}.`);
  if (env.dryRun) return;
  const topicListed = () =>
    withAdmin(env.config.kafka, async (admin) => (await admin.listTopics()).includes(topic));
  if (await topicListed()) {
    await deleteTopic(topic, env.config.kafka);
    // deletion is asynchronous in KRaft: creating the topic again too early fails
    await waitFor(async () => !(await topicListed()), { label: `deletion of ${topic}`, timeoutMs: 30_000 });
    say(`  deleted the topic ${topic}`);
  }
  if (await new HdfsClient(env.config.hdfs).remove(PURCHASES_DIR)) say(`  deleted ${PURCHASES_DIR}`);
}
