// The kafkacat window in TypeScript, for a machine without kcat: every event of the topic from the
// beginning, one per line, as
//   kcat -C -b kafka:29092 -t events -o beginning        (keeps following; Ctrl+C to stop)
//   kcat -C -b kafka:29092 -t events -o beginning -e     (--exit: stops at the end of the topic)
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { readTopic } from '../lib/kafka/read-topic.js';

runMain(
  import.meta.url,
  {
    command: 'npx tsx labs/consume_events.ts',
    summary: "kcat -C -o beginning: prints the topic's events from the beginning, then follows it.",
    onSignal: 'finish',
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
      exit: { type: 'boolean', help: "stop at the end of the topic, like kcat's -e" },
    },
  },
  async ({ values, stopRequested }) => {
    const config = loadConfig();
    await readTopic(
      {
        topic: String(values.topic ?? config.kafka.topic),
        follow: values.exit !== true,
        onValues: (lines) => process.stdout.write(`${lines.join('\n')}\n`),
        stopWhen: stopRequested,
      },
      config.kafka,
    );
  },
);
