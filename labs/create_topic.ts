// Creates the events topic, as the walkthrough's
//   kafka-topics --create --topic events --partitions 1 --replication-factor 1 --if-not-exists
// Running it again only says that the topic is there.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { createTopic } from '../lib/kafka/topics.js';

runMain(
  import.meta.url,
  {
    command: 'npx tsx labs/create_topic.ts',
    summary:
      'kafka-topics --create --if-not-exists: creates the topic the game API writes and the jobs read.',
    options: {
      topic: {
        type: 'string',
        value: 'NAME',
        help: 'the topic to create (default: events, or $EVENTS_TOPIC)',
      },
    },
  },
  async ({ values }) => {
    const config = loadConfig();
    const topic = String(values.topic ?? config.kafka.topic);
    const outcome = await createTopic({ topic, partitions: 1, replicationFactor: 1 }, config.kafka);
    console.log(outcome === 'created' ? `Created topic ${topic}.` : `Topic ${topic} already exists.`);
  },
);
