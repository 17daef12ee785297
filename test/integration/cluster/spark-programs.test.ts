// The walkthrough's PySpark programs (labs/spark/) submitted to the cluster's Spark master, on events the
// game API wrote for the walkthrough's ab runs plus the knife (a second event schema, with `description`):
// separate_events.py fails as the walkthrough warns ("would break if we gave it 2 different schemas"), with
// Spark's own error; just_filtering.py and filtered_writes.py, which keep only sword purchases, succeed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runAb } from '../../support/ab.js';
import { startApiProcess } from '../../support/api-process.js';
import { createTopic, deleteTopic } from '../../../lib/kafka/topics.js';
import { readParquet } from '../../../lib/notebook/read-parquet.js';
import { sparkSubmit } from '../../../lib/spark/submit.js';
import { sparkFailure } from '../../../lib/spark/spark-text.js';
import { clusterConfig, clusterHdfs, randomName } from '../../support/cluster.js';

const topic = randomName('test-spark-programs');
const output = `/tmp/${topic}`;
const config = clusterConfig({ EVENTS_TOPIC: topic });
const hdfs = clusterHdfs();
const submit = (program: string, env: Record<string, string> = {}) =>
  sparkSubmit(`labs/spark/${program}`, { config, env });

// the walkthrough's step 5, and the knife
const RUNS = [
  ['user1.comcast.com', '/'],
  ['user1.comcast.com', '/purchase_a_sword'],
  ['user2.att.com', '/purchase_a_shield'],
  ['user2.att.com', '/join_a_guild'],
  ['user2.att.com', '/purchase_a_knife'],
];

describe('Cluster > the walkthrough PySpark programs on the cluster', () => {
  before(async () => {
    // one partition, as the walkthrough creates it: its first event (a default hit) sets separate_events' schema
    await createTopic({ topic, partitions: 1, replicationFactor: 3 }, config.kafka);
    const api = await startApiProcess({ topic, brokers: config.kafka.brokers });
    try {
      for (const [host, path] of RUNS) await runAb(['-n', '10', '-H', `Host: ${host}`, `${api.url}${path}`]);
    } finally {
      await api.stop();
    }
  });

  after(async () => {
    await deleteTopic(topic, config.kafka);
    await hdfs.remove(output);
  });

  it('separate_events.py fails on the two schemas, with Spark saying why', async (t) => {
    const { exitCode, stdout } = await submit('separate_events.py');
    assert.notEqual(exitCode, 0, 'spark-submit fails');
    // PySpark's driver prints the Python traceback on stdout
    const error = sparkFailure(stdout);
    assert.ok(error, `Spark's error:\n${stdout}`);
    assert.match(
      error,
      /java\.lang\.IllegalStateException: Input row doesn't have expected number of values required by the schema\. 6 fields are required while 7 values are provided\.$/,
      'the first event (a default hit, munged: 6 fields) set the schema; a knife purchase has 7',
    );
    t.diagnostic(error);
  });

  it('just_filtering.py prints the sword purchases schema and the 10 purchases', async () => {
    const { exitCode, stdout, stderr } = await submit('just_filtering.py');
    assert.equal(exitCode, 0, `spark-submit exit code:\n${stdout}\n${stderr.slice(-2000)}`);
    assert.match(
      stdout,
      /^root\n \|-- timestamp: string \(nullable = true\)\n \|-- event_type: string \(nullable = true\)\n \|-- Host: string \(nullable = true\)\n \|-- User-Agent: string \(nullable = true\)\n \|-- Accept: string \(nullable = true\)\n/m,
      'printSchema(): the columns of the first purchase, in its order',
    );
    const rows = stdout
      .split('\n')
      .filter((l) => /^\|.*\|purchase_sword\|user1\.comcast\.com\|ApacheBench\/2\.3\|/.test(l));
    assert.equal(rows.length, 10, `show(): the 10 sword purchases:\n${stdout}`);
  });

  it('filtered_writes.py writes the 10 sword purchases to HDFS as Parquet', async () => {
    const { exitCode, stdout, stderr } = await submit('filtered_writes.py', { PURCHASES_DIR: output });
    assert.equal(exitCode, 0, `spark-submit exit code:\n${stdout}\n${stderr.slice(-2000)}`);
    const files = (await hdfs.list(output)).map((f) => f.pathSuffix);
    assert.ok(files.includes('_SUCCESS'), `_SUCCESS in ${files.join(', ')}`);
    const purchases = await readParquet(output, { hdfs });
    assert.equal(purchases.rows.length, 10, 'one row per sword purchase');
    assert.ok(
      purchases.rows.every((r) => r.event_type === 'purchase_sword' && r.Host === 'user1.comcast.com'),
      'only sword purchases',
    );
  });
});
