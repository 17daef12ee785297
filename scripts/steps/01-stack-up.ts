// Step 1: bring the cluster up (the local stack), or check that docker compose brought it up.
import { servicesStarted } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 1,
    title: 'Start the cluster: Kafka and HDFS',
    original: ['docker-compose up -d'],
    explanation:
      'Starts the services the lab talks to: Apache Kafka as one KRaft node (broker and controller in one ' +
      'process; Kafka 4 has no ZooKeeper, so this replaces the original zookeeper and kafka containers) and ' +
      'HDFS as a NameNode and a DataNode with WebHDFS (the original cloudera container). The command waits ' +
      'until Kafka answers a metadata request and HDFS passes a WebHDFS write/read round trip; run twice, it ' +
      'changes nothing. With docker compose the lab runs inside the app container, which cannot start its ' +
      'sibling containers: the host has started them (`docker compose up -d --wait`), and this step checks ' +
      'that Kafka and WebHDFS answer. With --cluster it starts the cluster instead: three Kafka nodes (a quorum ' +
      'of three controllers), a NameNode and three DataNodes, a Spark master and two workers (docs/cluster.md).',
    needs: servicesStarted,
    file: import.meta.url,
  },
  async ({ $, compose, config, dryRun, say }) => {
    if (config.stack === 'cluster') {
      await $`npm run -s stack:up -- --cluster`;
      return;
    }
    if (!compose) {
      await $`npm run -s stack:up`;
      return;
    }
    say('The services run in containers of their own, started on the host by `docker compose up -d --wait`.');
    const { kafka, hdfs } = config;
    if (!dryRun) say(`Kafka answers at ${kafka.brokers.join(',')}, WebHDFS at ${hdfs.host}:${hdfs.port}.`);
  },
);
