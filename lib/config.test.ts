import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';

describe('Config > loadConfig', () => {
  it('defaults to the local stack on 127.0.0.1', () => {
    const config = loadConfig({ HDFS_USER: 'student' });
    assert.equal(config.stack, 'local');
    assert.deepEqual(config.kafka.brokers, ['127.0.0.1:9092']);
    assert.equal(config.kafka.topic, 'events');
    assert.deepEqual(config.hdfs, {
      host: '127.0.0.1',
      port: 9870,
      user: 'student',
      rpcUri: 'hdfs://127.0.0.1:8020',
      purchasesDir: '/tmp/purchases',
      eventsDir: '/tmp/events',
    });
    assert.deepEqual(config.api, { host: '127.0.0.1', port: 5000 });
  });

  it('takes the events directory from EVENTS_DIR', () => {
    assert.equal(loadConfig({ EVENTS_DIR: '/tmp/other' }).hdfs.eventsDir, '/tmp/other');
  });
  it('takes the purchases directory from PURCHASES_DIR', () => {
    assert.equal(loadConfig({ PURCHASES_DIR: '/tmp/other' }).hdfs.purchasesDir, '/tmp/other');
  });

  it('reads the compose stack from the environment', () => {
    const config = loadConfig({
      LAB_STACK: 'compose',
      KAFKA_BROKERS: 'kafka:29092, kafka2:29092',
      WEBHDFS_HOST: 'namenode',
      API_HOST: '0.0.0.0',
      API_PORT: '5001',
    });
    assert.equal(config.stack, 'compose');
    assert.deepEqual(config.kafka.brokers, ['kafka:29092', 'kafka2:29092']);
    assert.equal(config.hdfs.host, 'namenode');
    assert.equal(config.hdfs.rpcUri, 'hdfs://namenode:8020');
    assert.deepEqual(config.api, { host: '0.0.0.0', port: 5001 });
  });

  it('takes the engine of the batch jobs from LAB_ENGINE, typescript unless spark', () => {
    assert.equal(loadConfig({}).engine, 'typescript');
    assert.equal(loadConfig({ LAB_ENGINE: 'spark' }).engine, 'spark');
    assert.throws(() => loadConfig({ LAB_ENGINE: 'flink' }), /LAB_ENGINE=flink is not an engine/);
  });

  it("refuses LAB_STACK=cluster without the cluster's addresses, pointing at --cluster", () => {
    assert.throws(
      () => loadConfig({ LAB_STACK: 'cluster' }),
      (err: unknown) => err instanceof ConfigError && /pass --cluster/.test(err.hint ?? ''),
    );
    assert.equal(loadConfig({ LAB_STACK: 'cluster', KAFKA_BROKERS: '127.0.0.1:19192' }).stack, 'cluster');
  });

  it('rejects a port that is not a port, naming the variable', () => {
    assert.throws(
      () => loadConfig({ API_PORT: '5000x' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /API_PORT=5000x/);
        return true;
      },
    );
    assert.throws(() => loadConfig({ WEBHDFS_PORT: '70000' }), ConfigError);
  });

  it("runs Spark in this process unless SPARK_MASTER names a cluster's master", () => {
    assert.equal(loadConfig({}).spark.master, 'local[*]', 'spark-submit as the walkthrough ran it');
    for (const master of ['spark://127.0.0.1:17077', 'spark://a:7077,b:7077', 'local[2]', 'local', 'yarn']) {
      assert.equal(loadConfig({ SPARK_MASTER: master }).spark.master, master);
    }
  });

  it('rejects a Spark master without its scheme, naming the variable and an example', () => {
    assert.throws(
      () => loadConfig({ SPARK_MASTER: '127.0.0.1:17077' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /SPARK_MASTER=127\.0\.0\.1:17077 is not a Spark master URL/);
        assert.match(err.hint ?? '', /spark:\/\/127\.0\.0\.1:17077/);
        return true;
      },
    );
  });

  it('rejects an unknown stack and a broker without a port', () => {
    assert.throws(() => loadConfig({ LAB_STACK: 'k8s' }), /LAB_STACK=k8s/);
    assert.throws(() => loadConfig({ KAFKA_BROKERS: 'localhost' }), /not host:port/);
  });
});
