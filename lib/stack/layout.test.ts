import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { DEFAULT_PORTS, clusterLayout, stackLayout } from './layout.js';
import { services } from './stack.js';

describe('Stack > layout', () => {
  it('keeps every service folder under the stack home', () => {
    const layout = stackLayout('/tmp/lab-home');
    assert.equal(layout.home, '/tmp/lab-home', 'home is the folder given');
    assert.equal(layout.kafkaDir, '/tmp/lab-home/kafka', 'Kafka state lives under home');
    assert.equal(layout.hdfsDir, '/tmp/lab-home/hdfs', 'HDFS state lives under home');
    assert.equal(
      layout.hdfsConfDir,
      '/tmp/lab-home/hdfs/conf',
      'Hadoop configuration lives under the HDFS folder',
    );
  });

  it('shares the jar cache of the repository whatever the home', () => {
    const layout = stackLayout('/tmp/elsewhere');
    assert.equal(
      layout.jars.kafka,
      join(REPO_ROOT, '.lab', 'jars', 'kafka'),
      'Kafka jars come from the repo cache',
    );
    assert.equal(
      layout.jars.hdfs,
      join(REPO_ROOT, '.lab', 'jars', 'hdfs'),
      'Hadoop jars come from the repo cache',
    );
  });

  it('binds 127.0.0.1 on the default ports unless told otherwise', () => {
    const layout = stackLayout('/tmp/lab-home');
    assert.equal(layout.host, '127.0.0.1', 'services bind loopback only');
    assert.deepEqual(layout.ports, DEFAULT_PORTS, 'default ports');
  });

  it('takes other ports for a throwaway stack', () => {
    const ports = { ...DEFAULT_PORTS, kafka: 19092 };
    assert.equal(stackLayout('/tmp/x', ports).ports.kafka, 19092, 'the given Kafka port is used');
  });

  it('gives every daemon of the stack and of the cluster ports no other daemon has, so both run side by side', () => {
    const owners = new Map<number, string>();
    for (const layout of [stackLayout('/tmp/lab-home'), clusterLayout('/tmp/lab-home/cluster')]) {
      for (const daemon of services(layout).flatMap((s) => s.daemons)) {
        for (const { port, label } of daemon.ports) {
          const owner = `${layout.kind} ${daemon.name} ${label}`;
          assert.equal(owners.get(port), undefined, `${port}: ${owners.get(port)} and ${owner}`);
          owners.set(port, owner);
        }
      }
    }
    assert.ok(owners.size >= 7 + 23, `every fixed port counted (${owners.size})`);
  });

  it('defaults home to $LAB_HOME, else <repo>/.lab', () => {
    const saved = process.env.LAB_HOME;
    try {
      delete process.env.LAB_HOME;
      assert.equal(stackLayout().home, join(REPO_ROOT, '.lab'), 'without LAB_HOME: the repo .lab folder');
      process.env.LAB_HOME = '/tmp/custom-lab';
      assert.equal(stackLayout().home, '/tmp/custom-lab', 'LAB_HOME moves the stack home');
    } finally {
      if (saved === undefined) delete process.env.LAB_HOME;
      else process.env.LAB_HOME = saved;
    }
  });
});

describe('Stack > layout > cluster', () => {
  const cluster = clusterLayout('/tmp/lab-home/cluster');

  it('has three Kafka nodes, three DataNodes and two Spark workers, each named and numbered', () => {
    assert.deepEqual(
      cluster.kafka.nodes.map((n) => [n.id, n.name]),
      [
        [1, 'kafka-1'],
        [2, 'kafka-2'],
        [3, 'kafka-3'],
      ],
    );
    assert.deepEqual(
      cluster.hdfs.datanodes.map((d) => d.name),
      ['datanode-1', 'datanode-2', 'datanode-3'],
    );
    assert.deepEqual(
      cluster.spark?.workers.map((w) => w.name),
      ['spark-worker-1', 'spark-worker-2'],
    );
  });

  it('replicates: RF 3 with min ISR 2 and 3 partitions in Kafka, 3 copies in HDFS', () => {
    assert.deepEqual(
      [cluster.kafka.replicationFactor, cluster.kafka.minInsyncReplicas, cluster.kafka.partitions],
      [3, 2, 3],
    );
    assert.equal(cluster.hdfs.replication, 3);
  });

  it('keeps every node its own folder under the cluster home', () => {
    const dirs = [
      ...cluster.kafka.nodes.map((n) => n.dir),
      ...cluster.hdfs.datanodes.flatMap((d) => [d.dataDir, d.confDir]),
      ...(cluster.spark?.workers.map((w) => w.dir) ?? []),
    ];
    assert.equal(new Set(dirs).size, dirs.length, 'no two nodes share a folder');
    assert.ok(
      dirs.every((d) => d.startsWith('/tmp/lab-home/cluster/')),
      'all under the cluster home',
    );
  });

  it('defaults to <stack home>/cluster, so $LAB_HOME moves both', () => {
    const saved = process.env.LAB_HOME;
    try {
      process.env.LAB_HOME = '/tmp/custom-lab';
      assert.equal(clusterLayout().home, '/tmp/custom-lab/cluster');
    } finally {
      if (saved === undefined) delete process.env.LAB_HOME;
      else process.env.LAB_HOME = saved;
    }
  });

  it('owns ports no two daemons share, none of the single-node stack, none in Linux ephemeral range', () => {
    const ports = Object.values(cluster.ports);
    assert.equal(new Set(ports).size, ports.length, `distinct: ${ports.join(', ')}`);
    const single = new Set(Object.values(DEFAULT_PORTS));
    assert.deepEqual(
      ports.filter((p) => single.has(p)),
      [],
      'runs beside the single-node stack',
    );
    assert.ok(
      ports.every((p) => p < 32768),
      'clear of 32768-60999, where executors and test stacks get theirs',
    );
  });

  it('shares the jar cache with the single-node stack', () => {
    assert.deepEqual(cluster.jars, stackLayout('/tmp/lab-home').jars);
  });
});
