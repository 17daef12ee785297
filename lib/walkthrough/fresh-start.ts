// A full run starts from nothing, so its counts are exact. Before step 1: no game API or kafkacat
// window of an earlier run, no records of its steps. After step 1 (it needs the stack): no events topic,
// no purchases directory.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LabConfig } from '../config.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { deleteTopic, topicExists } from '../kafka/topics.js';
import { logFile, stopBackground } from '../process/background.js';
import { waitFor } from '../wait-for.js';
import { backgroundProgram } from './records.js';

type Say = (line: string) => void;

export async function clearPreviousRun(runDir: string, say: Say): Promise<void> {
  for (const name of ['kafka_follower', 'game_api'] as const) {
    const program = backgroundProgram(runDir, name);
    const outcome = await stopBackground(program);
    if (outcome !== 'not running') say(`  stopped the ${name} of an earlier run`);
    rmSync(logFile(program), { force: true });
  }
  // a fresh clone has no records yet
  if (!existsSync(runDir)) return;
  for (const file of readdirSync(runDir)) {
    if (/^step-\d+\.json$|\.ipynb$|^[a-z_]+\.json$/.test(file)) rmSync(join(runDir, file), { force: true });
  }
}

export async function emptyTopicAndOutput(config: LabConfig, say: Say): Promise<void> {
  const { topic } = config.kafka;
  if (await topicExists(topic, config.kafka)) {
    await deleteTopic(topic, config.kafka);
    // deletion is asynchronous in KRaft: creating the topic again too early fails
    await waitFor(async () => !(await topicExists(topic, config.kafka)), {
      label: `deletion of ${topic}`,
      timeoutMs: 30_000,
    });
    say(`  deleted the topic ${topic}`);
  }
  const dir = config.hdfs.purchasesDir;
  if (await new HdfsClient(config.hdfs).remove(dir)) say(`  deleted ${dir}`);
}
