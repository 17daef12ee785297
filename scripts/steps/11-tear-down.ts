// Step 11: stop everything the walkthrough started.
import { stopBackground } from '../../lib/process/background.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const tearDown: Step = {
  id: 11,
  title: 'Tear down',
  original: ['docker-compose down'],
  explanation:
    'Stops the kafkacat window and the game API (by PID; the API flushes what it still holds), then the ' +
    'stack: each JVM gets SIGTERM and is waited for. The data stays in .lab/ for the next run ' +
    '(`npm run stack:reset` wipes it).',
  run: async (shell, { target, dryRun }) => {
    for (const name of ['kafka_follower', 'game_api'] as const) {
      console.log(`$ kill <pid of ${name}>`);
      if (!dryRun) shell.say(`${name}: ${await stopBackground(target.background(name))}`);
    }
    await shell.run(target.stack('down'));
  },
};

runWhenMain(tearDown, import.meta.url);
