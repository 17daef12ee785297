// The game API against the shared broker, driven by the real Apache Bench, read back with the real kcat.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { parseAbReport, runAb } from '../support/ab.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { loadConfig } from '../../lib/config.js';
import { countMessages, createTopic, deleteTopic } from '../../lib/kafka/topics.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { waitFor } from '../../lib/wait-for.js';
import { httpGet } from '../support/http-get.js';
import { kcatLines } from '../support/kcat.js';

const config = loadConfig();
// game_api.py's routes, their events and their texts (plus the course's knife route)
const GAME_ROUTES = [
  { path: '/', event: { event_type: 'default' }, body: 'This is the default response!\n' },
  { path: '/purchase_a_sword', event: { event_type: 'purchase_sword' }, body: 'Sword Purchased!\n' },
  { path: '/purchase_a_shield', event: { event_type: 'purchase_shield' }, body: 'Shield Purchased!\n' },
  { path: '/join_a_guild', event: { event_type: 'join_guild' }, body: 'You Have Joined A Guild!\n' },
  {
    path: '/purchase_a_knife',
    event: { event_type: 'purchase_knife', description: 'very sharp knife' },
    body: 'Knife Purchased!\n',
  },
];
const topic = `test-api-${randomBytes(4).toString('hex')}`;
const HOST = 'user1.comcast.com';

describe('labs > game_api (real broker, real ab, real kcat)', () => {
  let api: ApiProcess;
  let events: string[];
  const abReports = new Map<string, ReturnType<typeof parseAbReport>>();

  before(async () => {
    await createTopic({ topic }, config.kafka);
    api = await startApiProcess({ topic });
    for (const route of GAME_ROUTES) {
      abReports.set(
        route.path,
        parseAbReport(await runAb(['-n', '10', '-H', `Host: ${HOST}`, `${api.url}${route.path}`])),
      );
    }
    events = kcatLines(config.kafka.brokers, topic);
  });

  after(async () => {
    await api?.stop();
    await deleteTopic(topic, config.kafka);
  });

  for (const route of GAME_ROUTES) {
    const { event_type } = route.event;
    it(`${route.path}: ab gets 10 × 200 and the topic exactly 10 ${event_type} events with exactly the expected fields`, () => {
      const report = abReports.get(route.path)!;
      assert.equal(report.complete, 10, 'ab completed 10 requests');
      assert.equal(report.failed + report.non2xx, 0, 'none failed or answered non-2xx');
      const mine = events
        .map((line) => JSON.parse(line) as Record<string, string>)
        .filter((e) => e.event_type === event_type);
      assert.equal(mine.length, 10, `10 ${event_type} events in the topic`);
      const expected = { ...route.event, Host: HOST, 'User-Agent': 'ApacheBench/2.3', Accept: '*/*' };
      for (const event of mine)
        assert.deepEqual(event, expected, 'the event carries exactly these fields and values');
      assert.deepEqual(
        Object.keys(mine[0]),
        Object.keys(expected),
        "fields in Flask's order: the event's own, then the headers",
      );
    });

    it(`${route.path}: answers the original's text`, async () => {
      assert.equal((await httpGet(`${api.url}${route.path}`, { Host: HOST })).body, route.body);
    });
  }

  it("prints kcat's lines the way json.dumps wrote them", () => {
    assert.ok(
      events.includes(
        '{"event_type": "purchase_sword", "Host": "user1.comcast.com", "User-Agent": "ApacheBench/2.3", "Accept": "*/*"}',
      ),
      'a sword purchase as kcat shows it',
    );
  });

  it('logs one Werkzeug access-log line per ab request', () => {
    for (const route of GAME_ROUTES) {
      const lines = api.stdout.filter((l) => l.endsWith(`"GET ${route.path} HTTP/1.0" 200 -`));
      assert.equal(lines.length, 10, `10 lines for ${route.path}`);
    }
    assert.match(
      api.stdout.find((l) => l.includes('HTTP/1.0'))!,
      /^127\.0\.0\.1 - - \[\d\d\/[A-Z][a-z]{2}\/\d{4} \d\d:\d\d:\d\d\] "GET \S+ HTTP\/1\.0" 200 -$/,
      'the format of the Flask window',
    );
  });

  it('labs/consume_events.ts --exit prints what kcat prints', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'labs/consume_events.ts', '--topic', topic, '--exit'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.equal(result.status, 0, `exit code 0 (stderr: ${result.stderr})`);
    assert.deepEqual(result.stdout.split('\n').filter(Boolean), kcatLines(config.kafka.brokers, topic));
  });

  it('/healthz answers 200 {"kafka":"connected"}, is logged, and produces no event', async () => {
    const before = await countMessages(topic, config.kafka);
    const response = await httpGet(`${api.url}/healthz`);
    assert.equal(response.status, 200, 'status');
    assert.deepEqual(JSON.parse(response.body), { kafka: 'connected', pid: api.child.pid }, 'body');
    assert.equal(await countMessages(topic, config.kafka), before, 'no event added');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the log is written at the end of the turn
    assert.ok(
      api.stdout.some((l) => l.endsWith('"GET /healthz HTTP/1.1" 200 -')),
      'an access-log line',
    );
  });

  it('over HTTP: credentials are not copied and headers cannot overwrite event fields', async () => {
    const response = await httpGet(`${api.url}/purchase_a_knife`, {
      Host: 'user9.example.com',
      Authorization: 'Basic c2VjcmV0',
      Cookie: 'session=secret-cookie',
      'Proxy-Authorization': 'secret-proxy',
      'Event-Type': 'free_knife',
      Description: 'blunt',
    });
    assert.equal(response.status, 200, 'answered 200');
    const line = kcatLines(config.kafka.brokers, topic).find((l) => l.includes('user9.example.com'));
    assert.ok(line, 'the event is in the topic');
    assert.ok(!/secret|c2VjcmV0/.test(line), `no credential in ${line}`);
    const event = JSON.parse(line) as Record<string, string>;
    assert.equal(event.event_type, 'purchase_knife', 'event_type kept');
    assert.equal(event.description, 'very sharp knife', 'description kept');
    assert.equal(event['Event-Type'], undefined, 'no Event-Type look-alike');
  });

  it('answers Flask’s 404 for an unknown path, without an event', async () => {
    const before = await countMessages(topic, config.kafka);
    const response = await httpGet(`${api.url}/purchase_a_dragon`);
    assert.equal(response.status, 404, 'status');
    assert.match(response.body, /<title>404 Not Found<\/title>/, 'body');
    assert.equal(await countMessages(topic, config.kafka), before, 'no event added');
  });

  it('exits 0 on SIGTERM', async () => {
    assert.equal(await api.stop(), 0);
  });
});

/**
 * A request whose last line is held back: the API has begun reading it, so the request is accepted and
 * its connection busy. `finish()` sends the rest and resolves to the answer's status (0: no answer).
 */
async function heldRequest(url: string, path: string): Promise<{ finish(): Promise<number> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: held.test\r\n`);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  socket.on('error', () => undefined); // a reset leaves no answer: status 0
  return {
    finish: async () => {
      // the API closes the connection after its answer while it shuts down
      socket.write('\r\n');
      await closed;
      return Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer)?.[1] ?? 0);
    },
  };
}

/** Whether a new connection to the API is refused: it stopped listening. */
const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(url).port), new URL(url).hostname);
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });

describe('labs > game_api shutdown', () => {
  it('on SIGTERM answers what it accepted once Kafka acknowledged it, then exits 0', async () => {
    const shutdownTopic = `${topic}-shutdown`;
    await createTopic({ topic: shutdownTopic }, config.kafka);
    try {
      const api = await startApiProcess({ topic: shutdownTopic });
      const held = await Promise.all(Array.from({ length: 5 }, () => heldRequest(api.url, '/join_a_guild')));
      // answered: the API took the connections before this one (it accepts them in order)
      assert.equal((await httpGet(`${api.url}/join_a_guild`)).status, 200, 'a request before the SIGTERM');
      const requests = Array.from({ length: 200 }, () =>
        httpGet(`${api.url}/join_a_guild`).catch(() => ({ status: 0, body: '' })),
      );
      const exitCode = api.stop();
      await waitFor(() => refusesConnections(api.url), {
        label: 'the API to stop taking connections after SIGTERM',
        timeoutMs: 30_000,
        intervalMs: 20,
      });
      // the held requests end only now, while the API shuts down
      const heldStatuses = await Promise.all(held.map((request) => request.finish()));
      const answers = await Promise.all(requests);
      assert.equal(await exitCode, 0, 'exit code 0');
      assert.deepEqual(heldStatuses, [200, 200, 200, 200, 200], 'each accepted request answered 200');
      const ok = 1 + heldStatuses.length + answers.filter((a) => a.status === 200).length;
      assert.equal(
        await countMessages(shutdownTopic, config.kafka),
        ok,
        'one event per 200, none lost in the shutdown',
      );
      assert.equal(
        answers.filter((a) => a.status !== 200 && a.status !== 0).length,
        0,
        'no error status: refused or answered 200',
      );
    } finally {
      await deleteTopic(shutdownTopic, config.kafka);
    }
  });
});

describe('labs > consume_events (following, like kcat without -e)', () => {
  it('prints the topic from the beginning, then what arrives, and exits 0 on SIGTERM', async () => {
    const followTopic = `${topic}-follow`;
    await createTopic({ topic: followTopic }, config.kafka);
    const produce = (line: string) =>
      spawnSync('kcat', ['-P', '-b', config.kafka.brokers.join(','), '-t', followTopic], {
        input: `${line}\n`,
      });
    const follower = spawn(
      process.execPath,
      ['--import', 'tsx', 'labs/consume_events.ts', '--topic', followTopic],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    createInterface({ input: follower.stdout }).on('line', (line) => lines.push(line));
    try {
      produce('{"event_type": "first"}');
      await waitFor(async () => lines.length === 1, { label: 'the first event', timeoutMs: 30_000 });
      produce('{"event_type": "second"}');
      await waitFor(async () => lines.length === 2, { label: 'the second event', timeoutMs: 30_000 });
      assert.deepEqual(
        lines,
        ['{"event_type": "first"}', '{"event_type": "second"}'],
        'both events, in order',
      );
    } finally {
      follower.kill('SIGTERM');
      const [code] = (await once(follower, 'close')) as [number | null];
      await deleteTopic(followTopic, config.kafka);
      assert.equal(code, 0, 'exit code 0 on SIGTERM');
    }
  });
});
