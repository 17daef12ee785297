// Step 3: run the game API in the background, its access log captured.
import { processState, tailLog } from '../../lib/process/background.js';
import { waitFor } from '../../lib/wait-for.js';
import { ensureBackground } from '../walkthrough/background.js';
import { apiAnswers, topicExists } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const gameApi: Step = {
  id: 3,
  title: 'Run the game API',
  original: [
    'docker-compose exec mids env FLASK_APP=/w205/assignment-12-adamcy99/game_api.py flask run --host 0.0.0.0',
  ],
  explanation:
    'Starts the game API (labs/game_api.ts, the express + kafkajs port of game_api.py) on port 5000. Every ' +
    'request becomes a JSON event — its event_type and the request headers — sent to the events topic; the ' +
    'API answers 200 only once Kafka has acknowledged the event. Its access log, in Flask’s format, goes to ' +
    'report/run/game_api.log (the original showed it in the terminal running flask).',
  prerequisite: topicExists,
  run: async (shell, env) => {
    if (!ensureBackground(shell, env, 'game_api')) return;
    const api = env.target.background('game_api');
    shell.say(`Waiting up to 60 s for ${env.target.apiUrl}/healthz ...`);
    await waitFor(async () => (await apiAnswers(env)) || false, {
      label: 'the game API',
      timeoutMs: 60_000,
      giveUpIf: () => (processState(api).state === 'running' ? undefined : `it exited:\n${tailLog(api, 20)}`),
    });
    shell.say(tailLog(api, 5));
  },
};

runWhenMain(gameApi, import.meta.url);
