// Step 4: the "kafkacat window": follow the topic from the beginning, in the background.
import { setTimeout as sleep } from 'node:timers/promises';
import { tailLog } from '../../lib/process/background.js';
import { ensureBackground } from '../walkthrough/background.js';
import { topicExists } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const followTopic: Step = {
  id: 4,
  title: 'Watch the events topic (the kafkacat window)',
  original: ['docker-compose exec mids kafkacat -C -b kafka:29092 -t events -o beginning'],
  explanation:
    'Consumes the events topic from the beginning and keeps following it, like the kafkacat window of the ' +
    'original. It runs in the background with its output in report/run/kafka_follower.log, so the next ' +
    'steps can show what arrived. kcat is used when installed, the TypeScript consumer ' +
    '(labs/consume_events.ts) otherwise.',
  prerequisite: topicExists,
  run: async (shell, env) => {
    const follower = ensureBackground(shell, env, 'kafka_follower');
    if (!follower) return;
    if (follower.started) await sleep(1500); // let it connect and print what the topic already holds
    const window = tailLog(env.target.background('kafka_follower'), 5);
    shell.say(`Its window so far (last lines):\n${window || '(empty: no events yet)'}`);
  },
};

runWhenMain(followTopic, import.meta.url);
