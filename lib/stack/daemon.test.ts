import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { javaDaemon, marker } from './daemon.js';

const daemon = javaDaemon({
  name: 'kafka',
  dir: '/tmp/lab-home/kafka',
  mainClass: 'kafka.Kafka',
  classpath: ['/jars/a/*', '/jars/b/*'],
  jvmOptions: ['-Xmx512m'],
  args: ['/tmp/lab-home/kafka/server.properties'],
  ports: [{ label: 'broker', port: 9092 }],
});

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

  it("keeps the JVM settings, start-up ones included, for the service's one-off tools", () => {
    assert.deepEqual(daemon.jvm, {
      classpath: ['/jars/a/*', '/jars/b/*'],
      options: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx512m'],
    });
  });
});
