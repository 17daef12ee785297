// Step 2: create the `events` topic.
import { kafkaReachable } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 2,
    title: 'Create the events topic',
    original: [
      'docker-compose exec kafka kafka-topics --create --topic events --partitions 1 --replication-factor 1 --if-not-exists --zookeeper zookeeper:32181',
    ],
    explanation:
      'Creates the Kafka topic `events` with one partition and one replica (a single broker cannot hold more). ' +
      'Like `--if-not-exists`, running it again only says that the topic is there. On the cluster (--cluster) ' +
      'the topic has three partitions, each on all three brokers: every event survives the loss of a node.',
    needs: kafkaReachable,
    file: import.meta.url,
  },
  async ({ $, config }) => {
    if (config.stack === 'cluster') {
      await $`node --import tsx labs/create_topic.ts --partitions 3 --replication-factor 3`;
    } else {
      await $`node --import tsx labs/create_topic.ts`;
    }
  },
);
