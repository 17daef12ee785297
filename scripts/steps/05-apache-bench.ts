// Step 5: Apache Bench: ten requests per route, the original's four runs plus the knife route.
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync, existsSync } from 'node:fs';
import { logFile } from '../../lib/process/background.js';
import { countRequests } from '../../lib/walkthrough/evidence.js';
import { BENCH_RUNS, REQUESTS_PER_RUN } from '../../lib/walkthrough/plan.js';
import { apiRunning } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

export const apacheBench: Step = {
  id: 5,
  title: 'Generate events with Apache Bench',
  original: [
    'docker-compose exec mids ab -n 10 -H "Host: user1.comcast.com" http://localhost:5000/',
    'docker-compose exec mids ab -n 10 -H "Host: user1.comcast.com" http://localhost:5000/purchase_a_sword',
    'docker-compose exec mids ab -n 10 -H "Host: user2.att.com" http://localhost:5000/purchase_a_shield',
    'docker-compose exec mids ab -n 10 -H "Host: user2.att.com" http://localhost:5000/join_a_guild',
  ],
  explanation:
    'Apache Bench sends 10 requests to each route with a fake Host header, one user per host: the default ' +
    'route and a sword purchase as user1.comcast.com, a shield purchase and a guild join as user2.att.com. ' +
    'We add 10 knife purchases (the course’s follow-up route, whose event carries an extra `description` ' +
    'field, so the jobs meet two schemas). Each request leaves one access-log line and one event in Kafka.',
  prerequisite: apiRunning,
  run: async (shell, { target, dryRun }) => {
    const accessLog = logFile(target.background('game_api'));
    const window = logFile(target.background('kafka_follower'));
    const logBefore = read(accessLog);
    const windowBefore = read(window).split('\n').filter(Boolean).length;
    for (const run of BENCH_RUNS) await shell.run(target.ab(run.host, run.path, REQUESTS_PER_RUN));
    if (dryRun) return;
    // the API logs a request after answering it, and the follower prints what Kafka delivers: a moment
    // lets the last lines land
    await sleep(1000);

    const added = read(accessLog).slice(logBefore.length);
    shell.say('The game API’s access log (the Flask window) got:');
    for (const run of BENCH_RUNS) {
      const line = added.split('\n').find((l) => l.includes(`"GET ${run.path} HTTP/1.0" 200`));
      shell.say(`  ${countRequests(added, run.path)} × ${line ?? `(no 200 for ${run.path})`}`);
    }
    const arrived = read(window).split('\n').filter(Boolean).slice(windowBefore);
    shell.say(`The kafkacat window got ${arrived.length} new events, e.g.:`);
    for (const run of BENCH_RUNS) {
      const sample = arrived.find(
        (l) =>
          l.includes(`"event_type": "${run.eventType}"`) || l.includes(`"event_type":"${run.eventType}"`),
      );
      if (sample) shell.say(`  ${sample}`);
    }
  },
};

runWhenMain(apacheBench, import.meta.url);
