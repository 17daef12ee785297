// Kafka of a stack: KRaft nodes that are broker and controller each (one, or three in the cluster).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCluster } from '../kafka/client.js';
import { describeQuorum, type QuorumState } from '../kafka/describe-quorum.js';
import { javaDaemon, runJavaTool, type JavaDaemon } from './daemon.js';
import type { Health } from './health.js';
import type { KafkaNode, StackLayout } from './layout.js';
import { KAFKA_LOG4J2, kafkaServerProperties } from './service-config.js';

export const kafkaBrokers = (layout: StackLayout) =>
  layout.kafka.nodes.map((node) => `${layout.host}:${node.broker}`);

export function kafkaDaemon(layout: StackLayout, node: KafkaNode = layout.kafka.nodes[0]): JavaDaemon {
  const { heap } = layout.kafka;
  return javaDaemon({
    name: node.name,
    dir: node.dir,
    mainClass: 'kafka.Kafka',
    classpath: [join(layout.jars.kafka, '*')],
    jvmOptions: [
      `-Xms${heap.initial}`,
      `-Xmx${heap.max}`,
      `-Dlog4j2.configurationFile=${join(node.dir, 'log4j2.properties')}`,
      `-Dkafka.logs.dir=${node.dir}`,
    ],
    args: [join(node.dir, 'server.properties')],
    classDataDir: layout.classDataDir,
    jit: 'optimising',
    ports: [
      { label: 'broker', port: node.broker },
      { label: 'controller', port: node.controller },
    ],
  });
}

export const kafkaDaemons = (layout: StackLayout): JavaDaemon[] =>
  layout.kafka.nodes.map((node) => kafkaDaemon(layout, node));

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

const metaProperties = (node: KafkaNode) => join(node.dir, 'data', 'meta.properties');

/** The cluster id a node's storage was formatted with (`cluster.id=` in meta.properties). */
export function formattedClusterId(metaPropertiesText: string): string | null {
  return /^cluster\.id=(.+)$/m.exec(metaPropertiesText)?.[1].trim() ?? null;
}

/**
 * Writes each node's configuration; formats the storage of a node that has none (what `kafka-storage.sh
 * format` does), with the cluster id its formatted peers already have, or a new one.
 */
export function prepareKafka(layout: StackLayout, log: (line: string) => void): void {
  const { nodes } = layout.kafka;
  for (const node of nodes) {
    mkdirSync(node.dir, { recursive: true });
    writeFileSync(join(node.dir, 'server.properties'), kafkaServerProperties(layout, node));
    writeFileSync(join(node.dir, 'log4j2.properties'), KAFKA_LOG4J2);
  }
  const unformatted = nodes.filter((node) => !existsSync(metaProperties(node)));
  if (unformatted.length === 0) return;
  const formatted = nodes.find((node) => existsSync(metaProperties(node)));
  const clusterId =
    (formatted && formattedClusterId(readFileSync(metaProperties(formatted), 'utf8'))) ?? randomClusterId();
  for (const node of unformatted) {
    const which = nodes.length > 1 ? ` of ${node.name}` : '';
    log(`Formatting Kafka storage${which} (KRaft cluster id ${clusterId}) ...`);
    const config = join(node.dir, 'server.properties');
    runJavaTool(kafkaDaemon(layout, node), 'kafka.tools.StorageTool', [
      'format',
      '-t',
      clusterId,
      '-c',
      config,
    ]);
  }
}

/** The quorum, from the first broker that answers. */
async function quorumOf(brokers: string[]): Promise<QuorumState> {
  let lastError: unknown;
  for (const broker of brokers) {
    try {
      return await describeQuorum(broker);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Healthy = every node is a registered broker and a voter of the controller quorum, and the quorum has a
 * leader: what a metadata request and Kafka's DescribeQuorum say.
 */
export async function probeKafka(layout: StackLayout): Promise<Health> {
  const brokers = kafkaBrokers(layout);
  const cluster = await describeCluster({ brokers, topic: 'events', clientId: 'lab-stack-probe' }, 0);
  const quorum = await quorumOf(brokers);
  const registered = new Set(cluster.brokers.map((b) => b.nodeId));
  const voters = new Set(quorum.voters.map((v) => v.id));
  const { nodes } = layout.kafka;
  const daemons: Health['daemons'] = {};
  for (const node of nodes) {
    const roles = [
      registered.has(node.id) ? 'broker' : 'not a registered broker',
      voters.has(node.id) ? `controller${quorum.leaderId === node.id ? ' (leader)' : ''}` : 'not a voter',
    ];
    daemons[node.name] = { ok: registered.has(node.id) && voters.has(node.id), detail: roles.join(', ') };
  }
  const ok = nodes.every((n) => daemons[n.name].ok) && quorum.leaderId >= 0 && voters.size === nodes.length;
  const leader = quorum.leaderId >= 0 ? `leader node ${quorum.leaderId}` : 'no leader';
  return {
    ok,
    detail: `${plural(registered.size, 'broker')} of cluster ${cluster.clusterId}, quorum of ${plural(voters.size, 'voter')}, ${leader}`,
    daemons,
  };
}
