import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { marker } from './daemon.js';
import { DEFAULT_PORTS, stackLayout } from './layout.js';
import { services } from './stack.js';

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

  it('puts the Hadoop configuration folder first on the HDFS classpath', () => {
    for (const daemon of daemons.filter((d) => d.name !== 'kafka')) {
      assert.equal(
        daemon.jvm.classpath[0],
        layout.hdfsConfDir,
        `${daemon.name} finds core-site.xml and hdfs-site.xml`,
      );
    }
  });
});
