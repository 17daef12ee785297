// What a curious student or a hostile client can send the game API, over real HTTP, against the real
// broker, read back with the real kcat: credentials never reach Kafka, oversized requests are refused
// one by one while honest ones beside them succeed, paths match as Flask's do, and no header can make
// an event the jobs must reject.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../lib/config.js';
import { countMessages, createTopic, deleteTopic } from '../../../lib/kafka/topics.js';
import { startApiProcess, type ApiProcess } from '../../support/api-process.js';
import { httpGet } from '../../support/http-get.js';
import { tallyCase } from '../../support/hostile-tally.js';
import { kcatLines } from '../../support/kcat.js';
import { runLab } from '../jobs-fixture.js';

const config = loadConfig();
const topic = `test-hostile-api-${randomBytes(4).toString('hex')}`;

// The list and their neighbours: every one carries a credential.
const CREDENTIAL_HEADERS = [
  'Authorization',
  'Proxy-Authorization',
  'Cookie',
  'X-Api-Key',
  'X-Auth-Token',
  'X-Amz-Security-Token',
  'X-Csrf-Token',
  'Api-Key',
  'Authentication',
  'X-Forwarded-Authorization',
  'X-Session-Id',
  'Private-Token',
  'X-Client-Secret',
  'X-Password',
  'X-Hub-Signature',
];
const ORDINARY_HEADERS = [
  'User-Agent',
  'Accept',
  'Content-Type',
  'Cache-Control',
  'Accept-Language',
  'Referer',
];

type Event = Record<string, string>;

describe('Hostile > what clients send to the game API (real HTTP, real broker, real kcat)', () => {
  let api: ApiProcess;
  const events = (): Event[] =>
    kcatLines(config.kafka.brokers, topic).map((line) => JSON.parse(line) as Event);
  const byHost = (host: string) => events().filter((e) => e.Host === host);

  before(async () => {
    await createTopic({ topic }, config.kafka);
    api = await startApiProcess({ topic });
  });
  after(async () => {
    await api?.stop();
    await deleteTopic(topic, config.kafka);
  });

  it('copies no credential into Kafka, by name or by value, and keeps the ordinary headers', async () => {
    const tallied = tallyCase('api: credentials', CREDENTIAL_HEADERS.length + 1);
    for (const [i, name] of CREDENTIAL_HEADERS.entries()) {
      const response = await httpGet(`${api.url}/purchase_a_sword`, {
        Host: `cred${i}.test`,
        [name]: `SECRET-${i}`,
      });
      assert.equal(response.status, 200, `${name}: the request itself is fine`);
    }
    const bearer = await httpGet(`${api.url}/`, {
      Host: 'bearer.test',
      'X-Forwarded-Thing': 'Bearer SECRET-bearer',
    });
    assert.equal(bearer.status, 200);
    const ordinary = Object.fromEntries(ORDINARY_HEADERS.map((name) => [name, `value of ${name}`]));
    assert.equal((await httpGet(`${api.url}/`, { Host: 'ordinary.test', ...ordinary })).status, 200);

    const lines = kcatLines(config.kafka.brokers, topic).join('\n');
    tallied.add({ secrets: lines.match(/SECRET-/g)?.length ?? 0 });
    assert.doesNotMatch(lines, /SECRET-/, 'no credential value anywhere in the topic');
    for (const [i, name] of CREDENTIAL_HEADERS.entries()) {
      const [event] = byHost(`cred${i}.test`);
      assert.ok(event, `the ${name} request has its event`);
      assert.equal(event[name], undefined, `${name} is not a field`);
    }
    const [kept] = byHost('ordinary.test');
    for (const name of ORDINARY_HEADERS) assert.equal(kept[name], `value of ${name}`, `${name} kept`);
  });

  it('never makes an event the jobs would reject: Timestamp, one key in two cases, __proto__, 500 headers', async () => {
    const tallied = tallyCase('api: odd headers', 4);
    const raw = [
      'Host',
      'odd.test',
      'Timestamp',
      '1',
      'Accept',
      'text/html',
      'ACCEPT',
      '*/*',
      '__proto__',
      'polluted',
      ...Array.from({ length: 500 }, (_, i) => [`X-H${i}`, `v${i}`]).flat(),
    ];
    assert.equal((await httpGet(`${api.url}/purchase_a_sword`, raw)).status, 200, 'answered 200');
    const [event] = byHost('odd.test');
    assert.equal(event.Timestamp, undefined, "no Timestamp: the jobs' column");
    assert.equal(
      event.Accept,
      'text/html,*/*',
      'Accept and ACCEPT joined into one field, as the WSGI environ does',
    );
    assert.equal(event.ACCEPT, undefined, 'no second Accept');
    assert.equal(
      Object.hasOwn(event, '__proto__'),
      false,
      'no __proto__ (an underscore name, dropped as Werkzeug does)',
    );
    assert.deepEqual(
      Object.entries(event),
      [
        ['event_type', 'purchase_sword'],
        ['Host', 'odd.test'],
        ['Accept', 'text/html,*/*'],
        ...Array.from({ length: 30 }, (_, i) => [`X-H${i}`, `v${i}`]),
      ],
      'its own field, then exactly the first 32 headers it may copy, in request order',
    );
    const output = await tallied.job(runLab('just_filtering', ['--topic', topic]));
    assert.match(output, /rejected 0,/, 'the job keeps every event the API wrote');
  });

  it('refuses a request whose event would pass 16 KiB (431) while 50 honest ones beside it get 200', async () => {
    const tallied = tallyCase('api: oversized', 2);
    const before = await countMessages(topic, config.kafka);
    // 15 headers of 1,000 bytes 0xE9: 15 KB on the wire, 90 KB as json.dumps' \u00e9 escapes
    const heavy = Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [`X-Heavy-${i}`, '\u00e9'.repeat(1000)]),
    );
    const [hostile, honest] = await Promise.all([
      Promise.all(
        Array.from({ length: 12 }, () =>
          httpGet(`${api.url}/join_a_guild`, { Host: 'heavy.test', ...heavy }),
        ),
      ),
      Promise.all(
        Array.from({ length: 50 }, () => httpGet(`${api.url}/join_a_guild`, { Host: 'honest.test' })),
      ),
    ]);
    assert.deepEqual(
      [...new Set(hostile.map((r) => r.status))],
      [431],
      'every heavy request refused with 431',
    );
    assert.match(hostile[0].body, /more than the 16384 an event may have/, 'saying why');
    assert.deepEqual([...new Set(honest.map((r) => r.status))], [200], 'every honest request answered 200');
    const after = await countMessages(topic, config.kafka);
    tallied.add({ lost: Math.max(0, before + 50 - after) });
    assert.equal(after, before + 50, 'the honest events, and only them');
    assert.equal((await httpGet(`${api.url}/healthz`)).status, 200, 'Kafka still counts as healthy');
    // beyond Node's own 16 KB limit for headers, the server refuses before express sees the request
    const tooBig = await httpGet(`${api.url}/join_a_guild`, {
      Host: 'huge.test',
      'X-Huge': 'x'.repeat(20_000),
    });
    assert.equal(tooBig.status, 431, 'headers over 16 KB refused');
    assert.equal(
      byHost('huge.test').length + byHost('heavy.test').length,
      0,
      'no event of a refused request',
    );
  });

  it("answers Flask's 404 for paths that only look like a route, without an event", async () => {
    tallyCase('api: paths', 5);
    const before = await countMessages(topic, config.kafka);
    for (const path of [
      '/PURCHASE_A_SWORD',
      '/purchase_a_sword/',
      '/Purchase_A_Sword',
      '/purchase_a_sword%20',
      '//',
    ]) {
      const response = await httpGet(`${api.url}${path}`);
      assert.equal(response.status, 404, `${path} is not a route`);
    }
    assert.equal(await countMessages(topic, config.kafka), before, 'no event added');
  });
});
