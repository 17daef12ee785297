// Step 1: bring the cluster up.
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
      'changes nothing.',
    file: import.meta.url,
  },
  async ({ $host, compose }) => {
    if (compose) await $host`docker compose up -d --wait`;
    else await $host`npm run -s stack:up`;
  },
);
