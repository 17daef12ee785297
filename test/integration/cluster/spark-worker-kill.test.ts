// kill -9 of a Spark worker (and its executor with it, as when its machine dies) while the walkthrough's
// filtered_writes.py runs on the cluster: Spark runs the lost tasks again on the other worker, the job
// completes, and its Parquet output holds every sword purchase exactly once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logLevel } from 'kafkajs';
import { createKafka } from '../../../lib/kafka/client.js';
import { createTopic, deleteTopic } from '../../../lib/kafka/topics.js';
import { readParquet } from '../../../lib/notebook/read-parquet.js';
import { sparkSubmit, type SparkResult } from '../../../lib/spark/submit.js';
import { waitFor } from '../../../lib/wait-for.js';
import {
  cluster,
  clusterConfig,
  clusterDaemon,
  clusterHdfs,
  kill9,
  randomName,
  restoreCluster,
} from '../../support/cluster.js';
import { freePort } from '../../support/free-port.js';

// Enough events for the write to take many seconds per task on two 1-core workers.
const EVENTS = 200_000;
const TYPES = ['purchase_sword', 'default', 'purchase_shield', 'join_guild'];
const topic = randomName('test-kill-worker');
const output = `/tmp/${topic}`;
const config = clusterConfig({ EVENTS_TOPIC: topic });
const hdfs = clusterHdfs();

/** Event i: one type in four is a sword purchase; X-Seq tells every event apart. */
const event = (i: number) =>
  JSON.stringify({
    event_type: TYPES[i % TYPES.length],
    Host: 'user1.comcast.com',
    Accept: '*/*',
    'User-Agent': 'ApacheBench/2.3',
    'X-Seq': String(i),
  });

async function produceEvents(): Promise<void> {
  const producer = createKafka(config.kafka, { level: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    for (let first = 0; first < EVENTS; first += 5000) {
      const values = Array.from({ length: Math.min(5000, EVENTS - first) }, (_, k) => event(first + k));
      await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
    }
  } finally {
    await producer.disconnect();
  }
}

const getJson = async <T>(url: string): Promise<T> =>
  (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as T;

interface StageData {
  stageId: number;
  name: string;
  tasks?: Record<string, { status: string; executorId: string }>;
}

/** The worker running a task of the write (`parquet at …`) now, from the driver's and the workers' REST. */
async function workerRunningTheWrite(
  uiPort: number,
): Promise<{ worker: string; executor: string } | undefined> {
  const driver = `http://${cluster.host}:${uiPort}/api/v1/applications`;
  const [app] = await getJson<{ id: string }[]>(driver);
  if (!app) return undefined;
  const stages = await getJson<StageData[]>(`${driver}/${app.id}/stages?status=active&details=true`);
  const running = stages
    .filter((s) => s.name.startsWith('parquet at'))
    .flatMap((s) => Object.values(s.tasks ?? {}))
    .filter((task) => task.status === 'RUNNING');
  for (const worker of cluster.spark!.workers) {
    const state = await getJson<{ executors: { id: number; appid: string }[] }>(
      `http://${cluster.host}:${worker.ui}/json/`,
    );
    const mine = state.executors.filter((e) => e.appid === app.id).map((e) => String(e.id));
    const task = running.find((t) => mine.includes(t.executorId));
    if (task) return { worker: worker.name, executor: task.executorId };
  }
  return undefined;
}

describe('Cluster > Spark: kill -9 of a worker while filtered_writes.py runs', () => {
  before(async () => {
    await createTopic({ topic, partitions: 3, replicationFactor: 3 }, config.kafka);
    await produceEvents();
  });

  after(async () => {
    await restoreCluster();
    await deleteTopic(topic, config.kafka);
    await hdfs.remove(output);
  });

  it('completes, with every sword purchase in the output exactly once', async (t) => {
    const uiPort = await freePort();
    let result: SparkResult | undefined;
    const job = sparkSubmit('labs/spark/filtered_writes.py', {
      config,
      env: { PURCHASES_DIR: output },
      conf: { 'spark.ui.port': String(uiPort) },
    }).then((r) => (result = r));

    const target = await waitFor(() => workerRunningTheWrite(uiPort).catch(() => undefined), {
      label: 'a task of the write to run on a worker',
      timeoutMs: 600_000,
      intervalMs: 250,
      giveUpIf: () => result && `spark-submit exited (${result.exitCode}) first:\n${result.stdout}`,
    });
    const pid = await kill9(clusterDaemon(target.worker));
    await job;
    assert.ok(result, 'spark-submit finished');
    assert.equal(result.exitCode, 0, `spark-submit exit code; its log ends:\n${result.stderr.slice(-3000)}`);
    // Spark's own account: the executor lost, its running task failed for that, the task run again.
    const log = result.stderr;
    const lostExecutor = new RegExp(`Lost executor ${target.executor} on .*`).exec(log);
    assert.ok(lostExecutor, `Spark reports executor ${target.executor} lost`);
    const failed =
      /task (\d+)\.0 in stage (\d+)\.0 \(TID \d+\) failed because while it was being computed, its executor exited/.exec(
        log,
      );
    assert.ok(failed, 'a running task of the write failed with its executor');
    const [, index, stage] = failed;
    const retried = new RegExp(`Finished task ${index}\\.1 in stage ${stage}\\.0 .*`).exec(log);
    assert.ok(retried, `task ${index} of stage ${stage} finished on its second attempt`);
    t.diagnostic(
      `killed ${target.worker} (pid ${pid}) while its executor ${target.executor} ran a task of the write; ` +
        `Spark: "${lostExecutor[0]}"; "${failed[0]}"; "${retried[0]}"`,
    );

    const purchases = await readParquet(output, { hdfs });
    const sequences = purchases.rows.map((row) => Number(row['X-Seq']));
    const expected = Array.from({ length: EVENTS }, (_, i) => i).filter(
      (i) => TYPES[i % TYPES.length] === 'purchase_sword',
    );
    assert.equal(purchases.rows.length, expected.length, 'one row per sword purchase produced');
    assert.deepEqual(
      [...sequences].sort((a, b) => a - b),
      expected,
      'each sword purchase exactly once, no other event',
    );
  });
});
