import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.js';
import { labEnv, useCluster } from './lab-env.js';
import { clusterLayout, stackLayout } from './layout.js';

describe('Stack > labEnv', () => {
  it("points the lab's configuration at the cluster: three brokers, its NameNode, its Spark master", () => {
    const config = loadConfig(labEnv(clusterLayout('/tmp/lab-home/cluster')));
    assert.deepEqual(config.kafka.brokers, ['127.0.0.1:19192', '127.0.0.1:19292', '127.0.0.1:19392']);
    assert.deepEqual([config.hdfs.host, config.hdfs.port], ['127.0.0.1', 19870], 'WebHDFS');
    assert.equal(config.hdfs.rpcUri, 'hdfs://127.0.0.1:18020');
    assert.equal(config.spark.master, 'spark://127.0.0.1:17077');
    assert.equal(config.stack, 'cluster');
  });

  it('--cluster points a process environment at the cluster, keeping what else it holds', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin', EVENTS_TOPIC: 'mine' };
    useCluster(env);
    const config = loadConfig(env);
    assert.equal(config.stack, 'cluster');
    assert.equal(config.kafka.brokers.length, 3);
    assert.equal(config.kafka.topic, 'mine');
    assert.equal(env.PATH, '/usr/bin');
  });

  it("gives the single-node stack's addresses, the defaults, and leaves Spark in-process", () => {
    const env = labEnv(stackLayout('/tmp/lab-home'));
    const { kafka, hdfs, spark } = loadConfig(env);
    const defaults = loadConfig({});
    assert.deepEqual(
      [kafka.brokers, hdfs.port, hdfs.rpcUri],
      [defaults.kafka.brokers, 9870, defaults.hdfs.rpcUri],
    );
    assert.equal(env.SPARK_MASTER, undefined);
    assert.equal(spark.master, 'local[*]');
  });
});
