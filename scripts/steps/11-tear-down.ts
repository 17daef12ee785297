// Step 11: stop everything the walkthrough started.
import { processState, stopBackground } from '../../lib/process/background.js';
import { backgroundProgram } from '../../lib/walkthrough/records.js';
import { step } from '../step.js';

export default step(
  {
    id: 11,
    title: 'Tear down',
    original: ['docker-compose down'],
    explanation:
      'Stops the kafkacat window and the game API (their whole process groups, by the PIDs the lab recorded; the ' +
      'API first answers what it accepted), then the stack: each JVM gets SIGTERM and is waited for. The data ' +
      'stays in .lab/ for the next run (`npm run stack:reset` wipes it). With docker compose the services ' +
      'are the host’s to stop: `docker compose down` there, after the lab.',
    file: import.meta.url,
  },
  async ({ $, compose, config, runDir, dryRun, say }) => {
    for (const name of ['kafka_follower', 'game_api'] as const) {
      const program = backgroundProgram(runDir, name);
      const state = processState(program);
      say(`$ kill ${state.state === 'running' ? state.pid : `<pid of ${name}>`}`);
      if (!dryRun) say(`${name}: ${await stopBackground(program)}`);
    }
    if (compose) {
      say('The services keep running in their containers: on the host, `docker compose down` stops them.');
    } else if (config.stack === 'cluster') {
      await $`npm run -s stack:down -- --cluster`;
    } else {
      await $`npm run -s stack:down`;
    }
  },
);
