// The 503 path against a throwaway broker that this test starts, stops and restarts (never the shared
// one): while Kafka is away the API answers 503, never 200; once it is back the API recovers by itself;
// every 200 has its event in the topic.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseAbReport, runAb, type AbReport } from '../support/ab.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { countMessages, createTopic } from '../../lib/kafka/topics.js';
import { waitFor } from '../../lib/wait-for.js';
import { httpGet } from '../support/http-get.js';
import { throwawayKafka, type ThrowawayKafka } from '../support/throwaway-kafka.js';

const topic = `test-api-down-${randomBytes(4).toString('hex')}`;
const PATH = '/purchase_a_sword';
const ok200 = (report: AbReport) => report.complete - report.non2xx;

describe('labs > game_api when Kafka is down (throwaway broker)', () => {
  let kafka: ThrowawayKafka;
  let api: ApiProcess;
  const kafkaConfig = () => ({ brokers: kafka.brokers, topic, clientId: 'test-api-down' });
  const ab = async () =>
    parseAbReport(await runAb(['-n', '10', '-H', 'Host: user1.comcast.com', `${api.url}${PATH}`]));
  /** Kafka is back when the API says so and a request is acknowledged again. */
  const waitUntilRecovered = () =>
    waitFor(
      async () =>
        (await httpGet(`${api.url}/healthz`)).status === 200 &&
        (await httpGet(`${api.url}${PATH}`)).status === 200,
      {
        label: 'the game API to recover',
        timeoutMs: 60_000,
      },
    );
  let answered200 = 0;

  before(async () => {
    kafka = await throwawayKafka();
    api = await startApiProcess({ topic, brokers: kafka.brokers, waitForKafka: false });
  });

  after(async () => {
    await api?.stop();
    await kafka?.remove();
  });

  it('answers 503, never 200, while no broker was ever reachable', async () => {
    const report = await ab();
    assert.equal(report.complete, 10, 'ab got 10 answers');
    assert.equal(report.non2xx, 10, 'all 10 are non-2xx');
    assert.equal(
      api.stdout.filter((l) => l.endsWith(`"GET ${PATH} HTTP/1.0" 503 -`)).length,
      10,
      '10 access-log lines with 503',
    );
    const health = await httpGet(`${api.url}/healthz`);
    assert.equal(health.status, 503, '/healthz says 503');
    assert.match(
      health.body,
      /"kafka":"(connecting|unreachable)"/,
      '/healthz says that Kafka is not connected',
    );
  });

  it('recovers by itself once the broker is up, and answers 200 with the event in the topic', async () => {
    await kafka.start();
    await createTopic({ topic }, kafkaConfig());
    await waitUntilRecovered();
    answered200 += 1;
    const report = await ab();
    answered200 += ok200(report);
    assert.equal(report.non2xx, 0, 'all 10 answered 200');
    assert.equal(await countMessages(topic, kafkaConfig()), answered200, 'one event per 200');
  });

  it('answers 503 again when the broker stops, then recovers when it restarts', async () => {
    await kafka.stop();
    const down = await ab();
    assert.equal(down.complete, 10, 'ab got 10 answers');
    assert.equal(down.non2xx, 10, 'all 10 are non-2xx while the broker is stopped');
    await kafka.start();
    await waitUntilRecovered();
    answered200 += 1;
    const up = await ab();
    answered200 += ok200(up);
    assert.equal(up.non2xx, 0, 'all 10 answered 200 after the restart');
  });

  it('has no 200 without its event in the topic', async () => {
    assert.equal(await countMessages(topic, kafkaConfig()), answered200);
  });
});
