// Creates the events topic, like
//   kafka-topics --create --topic events --partitions 1 --replication-factor 1 --if-not-exists
// Running it again only says that the topic is there.
//   npx tsx labs/create_topic.ts [--topic events]
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { createTopic } from '../lib/kafka/topics.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { values } = parseArgs({ options: { topic: { type: 'string' } } });
  const topic = values.topic ?? config.kafka.topic;
  const outcome = await createTopic({ topic, partitions: 1, replicationFactor: 1 }, config.kafka);
  console.log(outcome === 'created' ? `Created topic ${topic}.` : `Topic ${topic} already exists.`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
