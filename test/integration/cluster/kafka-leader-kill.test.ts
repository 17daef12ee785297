// kill -9 of a partition leader while `ab -n 20000 -c 50` runs against the game API on the cluster: the
// leadership moves to another broker while the load runs, every 200 is in the topic exactly once, no event
// is in it twice, the API never answers 200 for an event Kafka did not acknowledge, and it recovers by
// itself: requests sent after the leadership moved are answered 200. Beside ab (whose requests all look alike), requests that
// each carry their own X-Request-Id give the exact account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAbReport, runAb } from '../../support/ab.js';
import { startApiProcess, type ApiProcess } from '../../support/api-process.js';
import { withAdmin } from '../../../lib/kafka/client.js';
import { readTopic } from '../../../lib/kafka/read-topic.js';
import { createTopic, deleteTopic } from '../../../lib/kafka/topics.js';
import { waitFor } from '../../../lib/wait-for.js';
import {
  cluster,
  clusterConfig,
  clusterDaemon,
  kill9,
  randomName,
  restoreCluster,
} from '../../support/cluster.js';
import { markedRequests, sequenceOf, type MarkedRequests } from '../../support/marked-requests.js';

const topic = randomName('test-kill-leader');
const config = clusterConfig({ EVENTS_TOPIC: topic });
const PATH = '/purchase_a_sword';
const AB_HOST = 'ab.kill-test.example';
// 20,000 access-log lines nobody reads: a file, not memory
const logDir = mkdtempSync(join(tmpdir(), 'test-kill-leader-'));

describe('Cluster > Kafka: kill -9 of a partition leader under load', () => {
  let api: ApiProcess;
  let marked: MarkedRequests | undefined;

  before(async () => {
    await createTopic({ topic, partitions: 3, replicationFactor: 3 }, config.kafka);
    api = await startApiProcess({ topic, brokers: config.kafka.brokers, logFile: join(logDir, 'api.log') });
  });

  after(async () => {
    await marked?.stop();
    await api?.stop();
    await restoreCluster();
    await deleteTopic(topic, config.kafka);
    rmSync(logDir, { recursive: true, force: true });
  });

  it('keeps every 200 in the topic exactly once, and the API recovers by itself', async (t) => {
    /** partition 0's leader as the cluster's metadata names it (-1: none) */
    const partitionLeader = () =>
      withAdmin(config.kafka, async (admin) => {
        const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
        return metadata.partitions.find((p) => p.partitionId === 0)!.leader;
      });
    const leaderId = await partitionLeader();
    const leader = clusterDaemon(cluster.kafka.nodes.find((n) => n.id === leaderId)!.name);

    const started = Date.now();
    const load = markedRequests(`${api.url}${PATH}`, 'marked', 10);
    marked = load;
    let killed: Promise<number> | undefined;
    /** another broker leads partition 0: which, and how many marked requests were sent by then */
    let moved: Promise<{ leader: number; sent: number }> | undefined;
    let sentBeforeKill = 0;
    // the kill lands when ab itself says a fifth of its requests are done
    const abOutput = await runAb(
      ['-n', '20000', '-c', '50', '-H', `Host: ${AB_HOST}`, `${api.url}${PATH}`],
      (text) => {
        if (!killed && /Completed 4000 requests/.test(text)) {
          sentBeforeKill = load.sent();
          killed = kill9(leader);
          moved = killed.then(() =>
            waitFor(
              async () => {
                const now = await partitionLeader();
                return now !== leaderId && now >= 0 ? { leader: now, sent: load.sent() } : undefined;
              },
              { label: 'another broker to lead partition 0', timeoutMs: 60_000, intervalMs: 250 },
            ),
          );
          moved.catch(() => undefined); // awaited below, once ab is done
        }
      },
    );
    assert.ok(killed, `ab reported its progress:\n${abOutput}`);
    const killedPid = await killed;
    const ab = parseAbReport(abOutput);

    // The leadership moved while the marked requests still ran (they stop below).
    const move = await moved!;
    assert.notEqual(move.leader, leaderId, 'partition 0 has a new leader');
    // Recovered: 200 marked requests sent after the leadership moved answered 200, with nobody's help.
    const answeredAfterMove = () =>
      [...load.answers].filter(([id, status]) => sequenceOf(id) >= move.sent && status === 200).length;
    await waitFor(async () => answeredAfterMove() >= 200 || undefined, {
      label: 'the game API to answer 200 again after the leadership moved',
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    await load.stop();
    const recoveredAfterS = (Date.now() - started) / 1000;

    // The killed broker back (stack:up), then the whole topic read from the earliest offset.
    await restoreCluster();
    const seen = new Map<string, number>();
    let abEvents = 0;
    await readTopic(
      {
        topic,
        follow: false,
        onValues: (values) => {
          for (const value of values) {
            const event = JSON.parse(value) as Record<string, string>;
            if (event.Host === AB_HOST) abEvents++;
            const id = event['X-Request-Id'];
            if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
          }
        },
      },
      config.kafka,
    );

    const statuses = [...load.answers];
    const ok = statuses.filter(([, status]) => status === 200).map(([id]) => id);
    const refused = statuses.filter(([, status]) => status !== 200);
    const written503 = refused.filter(([id]) => seen.has(id)).length;
    const ab200 = ab.complete - ab.non2xx;
    t.diagnostic(
      `killed kafka node ${leaderId} (pid ${killedPid}, leader of partition 0) at ab's 4000th request; ` +
        `node ${move.leader} led it by the ${move.sent}th marked request (${sentBeforeKill} at the kill); ` +
        `ab: ${ab.complete} answered, ${ab200} × 200, ${ab.non2xx} × non-2xx, ${abEvents} events in the topic; ` +
        `marked: ${statuses.length} sent, ${ok.length} × 200, ${refused.length} not, ` +
        `${written503} of those in the topic anyway; recovered ${recoveredAfterS.toFixed(1)} s after the start; ` +
        `the API's producer was unreachable ${api.stderr.filter((l) => l.includes('unreachable')).length} times, ` +
        `${api.stderr.filter((l) => l.includes('no acknowledgement for partition')).length} of them for a send ` +
        'whose answer left a partition out',
    );

    assert.deepEqual(
      ok.filter((id) => seen.get(id) !== 1),
      [],
      'every marked 200 is in the topic exactly once (acknowledged, never written twice)',
    );
    assert.deepEqual(
      [...seen].filter(([, copies]) => copies > 1),
      [],
      'no marked event is in the topic twice, whatever its answer',
    );
    assert.ok(abEvents >= ab200, `every ab 200 has its event: ${abEvents} events for ${ab200} × 200`);
    assert.ok(
      abEvents <= ab.complete,
      `no ab request has two events: ${abEvents} for ${ab.complete} requests`,
    );
  });
});
