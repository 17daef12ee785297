import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { marker } from './daemon.js';
import { hdfsDaemons } from './hdfs-daemons.js';
import { DEFAULT_PORTS, clusterLayout, stackLayout } from './layout.js';
import { sparkDaemons } from './spark-service.js';
import { services, stackCommand } from './stack.js';

describe('Stack > services', () => {
  const layout = stackLayout('/tmp/lab-home', { ...DEFAULT_PORTS, kafka: 19092, namenodeHttp: 19870 });
  const daemons = services(layout).flatMap((s) => s.daemons);

  it('starts Kafka, then HDFS as a NameNode and a DataNode', () => {
    assert.deepEqual(
      services(layout).map((s) => [s.name, s.daemons.map((d) => d.name)]),
      [
        ['Kafka', ['kafka']],
        ['HDFS', ['namenode', 'datanode']],
      ],
    );
  });

  it('runs the real daemons of Kafka and Hadoop', () => {
    assert.deepEqual(
      daemons.map((d) => d.command.find((word) => /^(kafka|org)\./.test(word))),
      [
        'kafka.Kafka',
        'org.apache.hadoop.hdfs.server.namenode.NameNode',
        'org.apache.hadoop.hdfs.server.datanode.DataNode',
      ],
    );
  });

  it('checks exactly the layout ports, each owned by one daemon', () => {
    const ports = daemons.flatMap((d) => d.ports.map((p) => p.port)).sort((a, b) => a - b);
    assert.deepEqual(
      ports,
      Object.values(layout.ports).sort((a, b) => a - b),
      'every layout port, once',
    );
    assert.ok(ports.includes(19092) && ports.includes(19870), 'overridden ports are the ones used');
  });

  it('keeps each daemon PID file and log under the stack home, with a marker naming that home', () => {
    for (const daemon of daemons) {
      assert.ok(daemon.dir.startsWith('/tmp/lab-home/'), `${daemon.name} lives under the home`);
      assert.match(
        marker(daemon),
        new RegExp(`^-Dlab\\.daemon=${daemon.name}@/tmp/lab-home/`),
        `${daemon.name} marker`,
      );
    }
    const other = services(stackLayout('/tmp/other-home')).flatMap((s) => s.daemons);
    assert.ok(
      daemons.every((d, i) => marker(d) !== marker(other[i])),
      'two homes never share a marker, so one stack never mistakes the other for itself',
    );
  });

  it('puts the Hadoop configuration folder on the HDFS classpath, after the jars (a class-data archive needs that)', () => {
    for (const daemon of hdfsDaemons(layout)) {
      assert.deepEqual(
        daemon.jvm.classpath,
        [join(layout.jars.hdfs, '*'), layout.hdfsConfDir],
        `${daemon.name} finds core-site.xml and hdfs-site.xml`,
      );
    }
  });
});

describe('Stack > services > the cluster', () => {
  const cluster = clusterLayout('/tmp/lab-home/cluster');
  const all = services(cluster);
  const daemons = all.flatMap((s) => s.daemons);

  it('starts three Kafka nodes, a NameNode and three DataNodes, then a Spark master and two workers', () => {
    assert.deepEqual(
      all.map((s) => [s.name, s.daemons.map((d) => d.name)]),
      [
        ['Kafka', ['kafka-1', 'kafka-2', 'kafka-3']],
        ['HDFS', ['namenode', 'datanode-1', 'datanode-2', 'datanode-3']],
        ['Spark', ['spark-master', 'spark-worker-1', 'spark-worker-2']],
      ],
    );
  });

  it('checks exactly the cluster ports, each owned by one daemon', () => {
    const ports = daemons.flatMap((d) => d.ports.map((p) => p.port)).sort((a, b) => a - b);
    assert.deepEqual(
      ports,
      Object.values(cluster.ports).sort((a, b) => a - b),
    );
  });

  it("runs Spark's standalone master and workers with spark-class, on 127.0.0.1", () => {
    const [master, worker] = sparkDaemons(cluster);
    assert.match(master.command[0], /pyspark-venv\/bin\/spark-class$/);
    assert.deepEqual(master.command.slice(1), [
      'org.apache.spark.deploy.master.Master',
      '--host',
      '127.0.0.1',
      '--port',
      '17077',
      '--webui-port',
      '18080',
    ]);
    assert.deepEqual(worker.command.slice(1, 3), [
      'org.apache.spark.deploy.worker.Worker',
      'spark://127.0.0.1:17077',
    ]);
    const args = worker.command.join(' ');
    for (const option of [
      '--host 127.0.0.1',
      '--port 17078',
      '--webui-port 18081',
      '--cores 1',
      '--memory 1g',
    ]) {
      assert.ok(args.includes(option), `${option} in ${args}`);
    }
    assert.ok(args.includes('--work-dir /tmp/lab-home/cluster/spark/worker-1/work'), 'its work folder');
  });

  it('gives the Spark daemons a small heap, our marker and a loopback address', () => {
    for (const daemon of sparkDaemons(cluster)) {
      assert.equal(daemon.env?.SPARK_DAEMON_MEMORY, '256m', `${daemon.name} heap`);
      assert.equal(daemon.env?.SPARK_DAEMON_JAVA_OPTS, marker(daemon), `${daemon.name} marker`);
      assert.equal(daemon.env?.SPARK_LOCAL_IP, '127.0.0.1', `${daemon.name} binds loopback`);
      assert.equal(daemon.env?.SPARK_LOCAL_HOSTNAME, '127.0.0.1', `${daemon.name} is called by its address`);
    }
  });

  it('never shares a marker with the single-node stack in the folder above it', () => {
    const single = new Set(services(stackLayout('/tmp/lab-home')).flatMap((s) => s.daemons.map(marker)));
    assert.ok(daemons.every((d) => !single.has(marker(d))));
  });

  it('names the cluster in the commands its hints give', () => {
    assert.equal(stackCommand(cluster, 'reset'), 'npm run stack:reset -- --cluster');
    assert.equal(stackCommand(stackLayout('/tmp/lab-home'), 'reset'), 'npm run stack:reset');
  });
});
