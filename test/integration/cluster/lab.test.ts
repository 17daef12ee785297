// The whole walkthrough on the cluster: `npm run lab -- --cluster` reaches a full grade with the events topic
// on three partitions and three brokers; with `--engine spark`, steps 6-8 submit the walkthrough's own
// PySpark programs to the cluster's Spark master: separate_events.py breaks on the two schemas as the
// walkthrough warns, and the grade finds Spark's rows equal to the lab's. --keep-running leaves the cluster
// up for the other cluster tests; the API and the kcat window are stopped after.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createKafka } from '../../../lib/kafka/client.js';
import { stopBackground } from '../../../lib/process/background.js';
import { backgroundProgram, RUN_DIR } from '../../../lib/walkthrough/records.js';
import { clusterConfig, restoreCluster } from '../../support/cluster.js';
import { checkLine, npmRun } from '../../support/npm-run.js';

function fullGrade(output: string): void {
  const score = /score: (\d+)\/(\d+)/.exec(output);
  assert.ok(score, `no score line:\n${output.slice(-4000)}`);
  assert.equal(score[1], score[2], `not a full grade:\n${output.slice(-5000)}`);
}

describe('Cluster > npm run lab -- --cluster', () => {
  after(async () => {
    for (const name of ['kafka_follower', 'game_api'] as const) {
      await stopBackground(backgroundProgram(RUN_DIR, name));
    }
    await restoreCluster();
  });

  it('runs the walkthrough on the cluster to a full grade, the topic on three partitions and three brokers', async () => {
    const { code, output } = npmRun('lab', '--', '--cluster', '--keep-running');
    fullGrade(output);
    assert.equal(code, 0);
    assert.match(output, /^Stack: the local cluster: three Kafka nodes/m);
    assert.match(output, /^\$ npm run -s stack:up -- --cluster$/m, 'step 1 starts the cluster');
    assert.match(output, /^\$ hadoop fs -ls \/tmp\/purchases\/$/m);
    assert.match(checkLine(output, 'Kafka answers'), /✔ pass .*3 brokers/);

    const { kafka } = clusterConfig();
    const admin = createKafka(kafka).admin();
    await admin.connect();
    try {
      const [topic] = (await admin.fetchTopicMetadata({ topics: [kafka.topic] })).topics;
      assert.equal(topic.partitions.length, 3, 'three partitions');
      for (const partition of topic.partitions) {
        assert.equal(partition.replicas.length, 3, `partition ${partition.partitionId} on every broker`);
      }
    } finally {
      await admin.disconnect();
    }
  });

  it("with --engine spark runs the walkthrough's PySpark programs on the Spark master, with the walkthrough's outcomes", () => {
    const { code, output } = npmRun('lab', '--', '--cluster', '--engine', 'spark', '--keep-running');
    fullGrade(output);
    assert.equal(code, 0);
    for (const program of ['separate_events', 'just_filtering', 'filtered_writes']) {
      assert.match(output, new RegExp(`^\\$ spark-submit labs/spark/${program}\\.py$`, 'm'));
    }
    assert.match(output, /Connecting to master spark:\/\/127\.0\.0\.1:17077/, 'submitted to the master');
    assert.match(
      checkLine(output, 'separate_events.py breaks on two schemas'),
      /✔ pass .*6 fields are required while 7 values are provided/,
    );
    assert.match(checkLine(output, "just_filtering.py prints the lab's columns and rows"), /✔ pass/);
    assert.match(checkLine(output, "filtered_writes.py wrote the lab's rows"), /✔ pass .*value for value/);
  });
});
