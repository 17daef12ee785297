import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javaDaemon, marker } from './daemon.js';

const spec = {
  name: 'kafka',
  dir: '/tmp/lab-home/kafka',
  mainClass: 'kafka.Kafka',
  classpath: ['/jars/a/*', '/jars/b/*'],
  jvmOptions: ['-Xmx512m'],
  args: ['/tmp/lab-home/kafka/server.properties'],
  ports: [{ label: 'broker', port: 9092 }],
};
const daemon = javaDaemon(spec);

describe('Stack > daemon > command line', () => {
  it('names the daemon and its folder in the marker', () => {
    assert.equal(marker(daemon), '-Dlab.daemon=kafka@/tmp/lab-home/kafka');
  });

  it('runs java with the marker first, then options, classpath, main class and arguments', () => {
    assert.deepEqual(daemon.command, [
      'java',
      '-Dlab.daemon=kafka@/tmp/lab-home/kafka',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-Xmx512m',
      '-cp',
      '/jars/a/*:/jars/b/*',
      'kafka.Kafka',
      '/tmp/lab-home/kafka/server.properties',
    ]);
  });

  it('leaves C2 on for a daemon that asks for the optimising JIT, and keeps the serial collector', () => {
    const broker = javaDaemon({ ...spec, jit: 'optimising' });
    assert.deepEqual(broker.jvm.options, ['-XX:+UseSerialGC', '-Xmx512m']);
    assert.ok(
      !broker.command.some((arg) => arg.startsWith('-XX:TieredStopAtLevel')),
      broker.command.join(' '),
    );
  });

  it("keeps the JVM settings, start-up ones included, for the service's one-off tools", () => {
    assert.deepEqual(daemon.jvm, {
      classpath: ['/jars/a/*', '/jars/b/*'],
      options: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx512m'],
      classDataDir: undefined,
    });
  });

  it('starts from a class-data archive when it has a folder for one, writing it at exit the first time', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-daemon-')), 'class-data');
    const spec = {
      name: 'namenode',
      dir: '/tmp/lab-home/hdfs',
      mainClass: 'org.apache.hadoop.hdfs.server.namenode.NameNode',
      classpath: ['/jars/hdfs/*', '/tmp/lab-home/hdfs/conf'],
      jvmOptions: [],
      args: [],
      ports: [],
      classDataDir: dir,
    };
    const first = javaDaemon(spec);
    const cds = first.command.slice(4, first.command.indexOf('-cp'));
    assert.equal(cds[0], '-Xlog:cds=off,cds+dynamic=off');
    assert.match(
      cds[1],
      /^-XX:ArchiveClassesAtExit=.*\/NameNode-[0-9a-f]{12}\.jsa\.namenode_tmp_lab-home_hdfs\.new$/,
    );
    writeFileSync(cds[1].split('=')[1], 'archive');
    first.onStopped!();
    assert.match(
      javaDaemon(spec).command.join(' '),
      /-XX:SharedArchiveFile=\S*\/NameNode-[0-9a-f]{12}\.jsa -cp/,
    );
  });
});
