// The Kafka broker of the local stack: a single KRaft node (broker + controller).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCluster } from '../kafka/client.js';
import { javaDaemon, runJavaTool, type JavaDaemon } from './daemon.js';
import type { StackLayout } from './layout.js';
import { KAFKA_LOG4J2, kafkaServerProperties } from './service-config.js';

export const kafkaBrokers = (layout: StackLayout) => [`${layout.host}:${layout.ports.kafka}`];

export function kafkaDaemon(layout: StackLayout): JavaDaemon {
  return javaDaemon({
    name: 'kafka',
    dir: layout.kafkaDir,
    mainClass: 'kafka.Kafka',
    classpath: [join(layout.jars.kafka, '*')],
    jvmOptions: [
      '-Xms256m',
      '-Xmx768m',
      `-Dlog4j2.configurationFile=${join(layout.kafkaDir, 'log4j2.properties')}`,
      `-Dkafka.logs.dir=${layout.kafkaDir}`,
    ],
    args: [join(layout.kafkaDir, 'server.properties')],
    ports: [
      { label: 'broker', port: layout.ports.kafka },
      { label: 'controller', port: layout.ports.kafkaController },
    ],
  });
}

/**
 * A Kafka cluster id: 16 random bytes in URL-safe base64, as `kafka-storage.sh random-uuid` prints. Like
 * Kafka's Uuid.randomUuid, never one that starts with "-": the storage tool would read it as an option.
 */
export function randomClusterId(random: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = random().toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Writes the configuration; formats the storage on first start (what `kafka-storage.sh format` does). */
export function prepareKafka(layout: StackLayout, log: (line: string) => void): void {
  mkdirSync(layout.kafkaDir, { recursive: true });
  const config = join(layout.kafkaDir, 'server.properties');
  writeFileSync(config, kafkaServerProperties(layout));
  writeFileSync(join(layout.kafkaDir, 'log4j2.properties'), KAFKA_LOG4J2);
  if (existsSync(join(layout.kafkaDir, 'data', 'meta.properties'))) return;
  const clusterId = randomClusterId();
  log(`Formatting Kafka storage (KRaft cluster id ${clusterId}) ...`);
  runJavaTool(kafkaDaemon(layout), 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', config]);
}

/** Healthy = the broker answers a metadata request. */
export async function probeKafka(layout: StackLayout): Promise<string> {
  const cluster = await describeCluster({
    brokers: kafkaBrokers(layout),
    topic: 'events',
    clientId: 'lab-stack-probe',
  });
  return `broker ${cluster.brokers.map((b) => b.nodeId).join(',')} of cluster ${cluster.clusterId}`;
}
