// Step 3: run the game API in the background, its access log (the Flask window) in report/run.
import { labProgram } from '../../lib/assignment/programs.js';
import { ensureApiPortIsOurs, waitForOwnApi } from '../../lib/walkthrough/own-api.js';
import { topicReady } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 3,
    title: 'Run the game API',
    original: [
      'docker-compose exec mids env FLASK_APP=/w205/full-stack/game_api.py flask run --host 0.0.0.0',
    ],
    explanation:
      'Starts the game API (labs/game_api.ts, the express + kafkajs port of game_api.py; your ' +
      'assignment/game_api.ts once the assignment is started) on port 5000. Every ' +
      'request becomes a JSON event — its event_type and the request headers — sent to the events topic; the ' +
      'API answers 200 only once Kafka has acknowledged the event. Its access log, in Flask’s format, goes to ' +
      'report/run/game_api.log (the original showed it in the terminal running flask). The step checks that ' +
      'the API answering on the port is the one it started.',
    needs: topicReady,
    file: import.meta.url,
  },
  async ({ background, config, runDir, apiUrl, dryRun, say }) => {
    if (!dryRun) await ensureApiPortIsOurs(runDir, config.api);
    const api = background('game_api')`node --import tsx ${labProgram('game_api')}`;
    if (dryRun) return;
    say(`Waiting up to 60 s for ${apiUrl}/healthz to answer from pid ${api.pid} ...`);
    say(await waitForOwnApi(runDir, apiUrl));
  },
);
