// Step 5: Apache Bench: ten requests per route, the original's four runs plus the knife route, or the
// runs the student lists in assignment/ab-runs.txt.
import { activeAssignment, BENCH_RUNS_FILE } from '../../lib/assignment/programs.js';
import { readPlannedRuns } from '../../lib/assignment/evidence.js';
import { PrerequisiteError } from '../../lib/errors.js';
import { redactEventLine } from '../../lib/events/credentials.js';
import { countRequests } from '../../lib/walkthrough/checks.js';
import { REQUESTS_PER_RUN } from '../../lib/walkthrough/plan.js';
import { apiRunning } from '../../lib/walkthrough/prerequisites.js';
import { readBackgroundLog } from '../../lib/walkthrough/records.js';
import { waitFor } from '../../lib/wait-for.js';
import { step, type StepContext } from '../step.js';

/** The student's runs, as ab-runs.txt lists them; the paths they call. */
async function assignmentRuns({ $, apiUrl: api }: StepContext, dir: string): Promise<string[]> {
  const planned = readPlannedRuns(dir);
  if ('error' in planned) throw new PrerequisiteError(planned.error, 'docs/assignment.md shows the format');
  for (const run of planned) await $`ab -n ${REQUESTS_PER_RUN} -H ${`Host: ${run.host}`} ${api}${run.path}`;
  return planned.map((run) => run.path);
}

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
      'field, so the jobs meet two schemas). Each request leaves one access-log line and one event in Kafka. ' +
      `Once the assignment is started, the runs are the ones listed in assignment/${BENCH_RUNS_FILE}.`,
    needs: apiRunning,
    file: import.meta.url,
  },
  async (ctx) => {
    const { $, apiUrl: api, runDir, dryRun, say } = ctx;
    const accessLog = () => readBackgroundLog(runDir, 'game_api');
    const window = () => readBackgroundLog(runDir, 'kafka_follower').split('\n').filter(Boolean);
    const [logBefore, windowBefore] = [accessLog().length, window().length];

    const assignment = activeAssignment();
    let paths: string[];
    if (assignment) {
      paths = await assignmentRuns(ctx, assignment);
    } else {
      await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/`;
      await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/purchase_a_sword`;
      await $`ab -n 10 -H ${'Host: user2.att.com'} ${api}/purchase_a_shield`;
      await $`ab -n 10 -H ${'Host: user2.att.com'} ${api}/join_a_guild`;
      await $`ab -n 10 -H ${'Host: user1.comcast.com'} ${api}/purchase_a_knife`;
      paths = ['/', '/purchase_a_sword', '/purchase_a_shield', '/join_a_guild', '/purchase_a_knife'];
    }
    if (dryRun) return;

    // the API logs a request after answering it, and kcat prints what Kafka delivers (one event per 200):
    // wait for both
    const routes = [...new Set(paths)];
    const added = () => accessLog().slice(logBefore);
    const requests = (path: string) => paths.filter((p) => p === path).length * REQUESTS_PER_RUN;
    const events = () => routes.reduce((n, path) => n + countRequests(added(), path), 0);
    await waitFor(
      async () =>
        (routes.every((path) => countRequests(added(), path, 'any') >= requests(path)) &&
          window().length - windowBefore >= events()) ||
        undefined,
      {
        label: `${paths.length * REQUESTS_PER_RUN} access-log lines and an event in the kafkacat window per 200`,
        timeoutMs: 15_000,
        intervalMs: 100,
      },
    ).catch(() => undefined); // the grade says what is missing; the lines below show what arrived
    say('The game API’s access log (the Flask window) got:');
    for (const path of routes) {
      const line = added()
        .split('\n')
        .find((l) => l.includes(`"GET ${path} HTTP/1.0" `));
      say(`  ${countRequests(added(), path, 'any')} × ${line ?? `(no answer for ${path})`}`);
    }
    const arrived = window().slice(windowBefore);
    say(`The kafkacat window got ${arrived.length} new events, e.g.:`);
    const byType = new Map<string, string>();
    for (const line of arrived) {
      const type = /"event_type": "([^"]*)"/.exec(line)?.[1];
      if (type !== undefined && !byType.has(type)) byType.set(type, line);
    }
    for (const sample of byType.values()) say(`  ${redactEventLine(sample)}`);
  },
);
