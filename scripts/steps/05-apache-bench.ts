// Step 5: Apache Bench: ten requests per route, the original's four runs plus the knife route.
import { redactEventLine } from '../../lib/events/credentials.js';
import { countRequests } from '../../lib/walkthrough/checks.js';
import { BENCH_RUNS, REQUESTS_PER_RUN } from '../../lib/walkthrough/plan.js';
import { apiRunning } from '../../lib/walkthrough/prerequisites.js';
import { readBackgroundLog } from '../../lib/walkthrough/records.js';
import { waitFor } from '../../lib/wait-for.js';
import { step } from '../step.js';

export default step(
  {
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
    needs: apiRunning,
    file: import.meta.url,
  },
  async ({ $, apiUrl: api, runDir, dryRun, say }) => {
    const accessLog = () => readBackgroundLog(runDir, 'game_api');
    const window = () => readBackgroundLog(runDir, 'kafka_follower').split('\n').filter(Boolean);
    const [logBefore, windowBefore] = [accessLog().length, window().length];

    await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/`;
    await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/purchase_a_sword`;
    await $`ab -n 10 -H ${'Host: user2.att.com'} ${api}/purchase_a_shield`;
    await $`ab -n 10 -H ${'Host: user2.att.com'} ${api}/join_a_guild`;
    await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/purchase_a_knife`;
    if (dryRun) return;

    // the API logs a request after answering it, and kcat prints what Kafka delivers: wait for both
    const expected = BENCH_RUNS.length * REQUESTS_PER_RUN;
    const added = () => accessLog().slice(logBefore);
    await waitFor(
      async () =>
        (BENCH_RUNS.every((run) => countRequests(added(), run.path) >= REQUESTS_PER_RUN) &&
          window().length - windowBefore >= expected) ||
        undefined,
      {
        label: `${expected} access-log lines and ${expected} events in the kafkacat window`,
        timeoutMs: 15_000,
        intervalMs: 100,
      },
    ).catch(() => undefined); // the grade says what is missing; the lines below show what arrived
    say('The game API’s access log (the Flask window) got:');
    for (const run of BENCH_RUNS) {
      const line = added()
        .split('\n')
        .find((l) => l.includes(`"GET ${run.path} HTTP/1.0" 200`));
      say(`  ${countRequests(added(), run.path)} × ${line ?? `(no 200 for ${run.path})`}`);
    }
    const arrived = window().slice(windowBefore);
    say(`The kafkacat window got ${arrived.length} new events, e.g.:`);
    for (const run of BENCH_RUNS) {
      const sample = arrived.find((l) => l.includes(`"event_type": "${run.eventType}"`));
      if (sample) say(`  ${redactEventLine(sample)}`);
    }
  },
);
