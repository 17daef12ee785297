// The game API when its broker hangs or crashes, on a throwaway REAL broker this test starts, stops and
// signals (never the shared one): /healthz means "a send would succeed"; under load, a broker killed
// with -9 and started again loses nothing that was answered 200 and duplicates nothing; the API
// recovers by itself; the jobs then read every event the topic holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel } from 'kafkajs';
import type { JobSummary } from '../../../lib/jobs/summary.js';
import { readBounded } from '../../../lib/kafka/bounded-read.js';
import { createKafka } from '../../../lib/kafka/client.js';
import { countMessages, createTopic } from '../../../lib/kafka/topics.js';
import { waitFor } from '../../../lib/wait-for.js';
import { parseAbReport, runAb } from '../../support/ab.js';
import { startApiProcess, type ApiProcess } from '../../support/api-process.js';
import { httpGet } from '../../support/http-get.js';
import { tallyCase } from '../../support/hostile-tally.js';
import { throwawayKafka, type ThrowawayKafka } from '../../support/throwaway-kafka.js';
import { runLab } from '../jobs-fixture.js';

const topic = `test-broker-faults-${randomBytes(4).toString('hex')}`;
/** ab's requests at a time: no more of its requests than this wait for one batch */
const AB_CONCURRENCY = 50;

describe('Hostile > a broker that hangs, or crashes under load (throwaway real broker)', () => {
  let kafka: ThrowawayKafka;
  let api: ApiProcess;
  const kafkaConfig = () => ({ brokers: kafka.brokers, topic, clientId: 'test-broker-faults' });
  const health = async () => (await httpGet(`${api.url}/healthz`)).status;
  const recovered = () =>
    waitFor(
      async () =>
        (await health()) === 200 &&
        (await httpGet(`${api.url}/join_a_guild`, { Host: 'probe.test' })).status === 200,
      { label: 'the game API to recover', timeoutMs: 120_000, intervalMs: 250 },
    );

  before(async () => {
    kafka = await throwawayKafka();
    await kafka.start();
    await createTopic({ topic }, kafkaConfig());
    api = await startApiProcess({ topic, brokers: kafka.brokers });
  });
  after(async () => {
    await api?.stop();
    await kafka?.remove();
  });

  it('/healthz is 503 while the broker takes connections but answers nothing, and 200 once it answers again', async () => {
    tallyCase('broker: hangs', 1);
    assert.equal(await health(), 200, 'healthy to begin with');
    kafka.signal('SIGSTOP');
    try {
      await waitFor(async () => (await health()) === 503, {
        label: '/healthz to say 503 for a broker that answers nothing',
        timeoutMs: 30_000,
        intervalMs: 250,
      });
      const request = await httpGet(`${api.url}/purchase_a_sword`, { Host: 'hung.test' });
      assert.equal(request.status, 503, 'a game route answers 503, not 200, and not never');
    } finally {
      kafka.signal('SIGCONT');
    }
    await recovered();
  });

  it('kill -9 under `ab -n 20000 -c 50`: every 200 in the topic exactly once, recovery, the jobs read it all', async (t) => {
    const tallied = tallyCase('broker: kill -9 under load', 1);
    const statuses = new Map<string, number>();
    let tagging = true;
    // tagged requests beside ab: each carries its own id, so each 200 can be found in the topic
    const tagged = Promise.all(
      Array.from({ length: 10 }, async (_, worker) => {
        for (let i = 0; tagging; i++) {
          const id = `w${worker}-${i}`;
          const response = await httpGet(`${api.url}/join_a_guild`, {
            Host: 'tagged.test',
            'X-Request-Id': id,
          });
          statuses.set(id, response.status);
        }
      }),
    );
    const ab = runAb([
      '-n',
      '20000',
      '-c',
      String(AB_CONCURRENCY),
      '-H',
      'Host: ab.load',
      `${api.url}/purchase_a_sword`,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    kafka.signal('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await kafka.start();
    parseAbReport(await ab); // ab ran to its end: it printed its report
    await recovered();
    tagging = false;
    await tagged;

    const seen = new Map<string, number>();
    let abEvents = 0;
    await readBounded(createKafka(kafkaConfig(), { level: logLevel.NOTHING }), topic, (records) => {
      for (const record of records) {
        const event = JSON.parse(record.value ?? '{}') as Record<string, string>;
        if (event.Host === 'ab.load') abEvents += 1;
        const id = event['X-Request-Id'];
        if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    });
    const answered = [...statuses].filter(([, status]) => status === 200).map(([id]) => id);
    const lost = answered.filter((id) => !seen.has(id));
    const duplicated = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    // ab's requests all look alike: the API's access log says how each was answered (ab alone cannot: it
    // counts a 503's other length as a failure too). A 200's event is in the topic once. A 503's is not,
    // but for a batch the broker wrote and then could not acknowledge: only a send that failed, each time
    // the API lost Kafka (its "unreachable"/"connecting" lines), and with at most ab's 50 requests waiting.
    const abAnswers = (status: number) =>
      api.stdout.filter((line) => line.endsWith(`"GET /purchase_a_sword HTTP/1.0" ${status} -`)).length;
    const ab200 = abAnswers(200);
    const ab503 = abAnswers(503);
    const losses = api.stderr.filter((line) => /Kafka unreachable|Connecting to Kafka/.test(line)).length;
    const abUnacknowledged = Math.min(ab503, AB_CONCURRENCY * losses);
    tallied.add({
      lost: lost.length + Math.max(0, ab200 - abEvents),
      duplicated: duplicated.length + Math.max(0, abEvents - ab200 - abUnacknowledged),
    });
    const refused = [...statuses.values()].filter((s) => s !== 200);
    t.diagnostic(
      `tagged: ${statuses.size} sent, ${answered.length} × 200, ${refused.length} not; ` +
        `ab: ${ab200} × 200, ${ab503} × 503, ${abEvents} events in the topic; Kafka lost ${losses} times`,
    );
    assert.ok(
      refused.length > 0 && refused.every((s) => s === 503),
      `the crash was felt: 503s, nothing else (${refused.length})`,
    );
    assert.deepEqual(lost, [], 'every tagged 200 is in the topic');
    assert.deepEqual(duplicated, [], 'no event twice');
    assert.ok(ab200 > 0, 'ab got 200s');
    assert.ok(abEvents >= ab200, `ab: ${ab200} answered 200, ${abEvents} events in the topic`);
    assert.ok(
      abEvents <= ab200 + abUnacknowledged,
      `ab: ${abEvents} events for ${ab200} × 200 and at most ${abUnacknowledged} 503s the broker wrote ` +
        `(${losses} times Kafka was lost): no request has two`,
    );

    const results = await mkdtemp(join(tmpdir(), 'broker-faults-'));
    try {
      await tallied.job(
        runLab('just_filtering', ['--topic', topic], {
          LAB_RESULTS_DIR: results,
          KAFKA_BROKERS: kafka.brokers.join(','),
        }),
      );
      const summary = JSON.parse(await readFile(join(results, 'just_filtering.json'), 'utf8')) as JobSummary;
      assert.equal(
        summary.read,
        await countMessages(topic, kafkaConfig()),
        'the job read every event the topic holds',
      );
    } finally {
      await rm(results, { recursive: true, force: true });
    }
  });
});
