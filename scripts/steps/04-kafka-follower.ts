// Step 4: the "kafkacat window": follow the topic from the beginning, in the background.
import { redactEventLine } from '../../lib/events/credentials.js';
import { countMessages } from '../../lib/kafka/topics.js';
import { readBackgroundLog } from '../../lib/walkthrough/records.js';
import { topicReady } from '../../lib/walkthrough/prerequisites.js';
import { waitFor } from '../../lib/wait-for.js';
import { step } from '../step.js';

export default step(
  {
    id: 4,
    title: 'Watch the events topic (the kafkacat window)',
    original: ['docker-compose exec mids kafkacat -C -b kafka:29092 -t events -o beginning'],
    explanation:
      'Consumes the events topic from the beginning and keeps following it, like the kafkacat window of the ' +
      'original (-u: unbuffered, so each event shows as it arrives; -q: no informational lines). It runs in ' +
      'the background with its output in report/run/kafka_follower.log, so the next steps can show what ' +
      'arrived. kcat is used when installed, the TypeScript consumer (labs/consume_events.ts) otherwise.',
    needs: topicReady,
    file: import.meta.url,
  },
  async ({ background, hasKcat, config, runDir, dryRun, say }) => {
    const { brokers, topic } = config.kafka;
    const follower = hasKcat
      ? background('kafka_follower', {
          newLog: true,
        })`kcat -C -u -q -b ${brokers.join(',')} -t ${topic} -o beginning`
      : background('kafka_follower', { newLog: true })`node --import tsx labs/consume_events.ts`;
    if (dryRun) return;
    // a window shows what the topic already holds first
    const held = await countMessages(config.kafka.topic, config.kafka);
    const lines = () => readBackgroundLog(runDir, 'kafka_follower').split('\n').filter(Boolean);
    await waitFor(async () => lines().length >= held || undefined, {
      label: `the kafkacat window to show the ${held} events the topic holds`,
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const shown = lines().slice(-5).map(redactEventLine);
    say(`Its window so far (${follower.log}, last lines):\n${shown.join('\n') || '(empty: no events yet)'}`);
  },
);
