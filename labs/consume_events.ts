// Prints every event of the topic from the beginning, one per line: the counterpart of
//   kcat -C -b kafka:29092 -t events -o beginning        (keeps following; Ctrl+C to stop)
//   kcat -C -b kafka:29092 -t events -o beginning -e     (--exit: stops at the end of the topic)
//   npx tsx labs/consume_events.ts [--topic events] [--exit]
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config.js';
import { describeError } from '../lib/errors.js';
import { readTopic } from '../lib/kafka/read-topic.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { values } = parseArgs({
    options: { topic: { type: 'string' }, exit: { type: 'boolean', default: false } },
  });
  await readTopic(
    {
      topic: values.topic ?? config.kafka.topic,
      follow: !values.exit,
      onValues: (lines) => process.stdout.write(`${lines.join('\n')}\n`),
      stopWhen: Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]),
    },
    config.kafka,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
