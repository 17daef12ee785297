// Creates the events topic, as the walkthrough's
//   kafka-topics --create --topic events --partitions 1 --replication-factor 1 --if-not-exists
// Running it again only says that the topic is there.
import { runMain, UsageError } from '../lib/cli.js';
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
      partitions: { type: 'string', value: 'N', help: 'how many partitions (default: 1)' },
      'replication-factor': {
        type: 'string',
        value: 'N',
        help: 'how many brokers hold each partition (default: 1; at most the number of brokers)',
      },
    },
  },
  async ({ values }) => {
    const config = loadConfig();
    const topic = String(values.topic ?? config.kafka.topic);
    const count = (name: string) => {
      const value = Number(values[name] ?? 1);
      if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`--${name} ${String(values[name])}: a whole number from 1`);
      return value;
    };
    const partitions = count('partitions');
    const replicationFactor = count('replication-factor');
    const outcome = await createTopic({ topic, partitions, replicationFactor }, config.kafka);
    console.log(outcome === 'created' ? `Created topic ${topic}.` : `Topic ${topic} already exists.`);
  },
);
