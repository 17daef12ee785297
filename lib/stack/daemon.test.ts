import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asBackgroundProcess, judgePid, marker, type DaemonSpec } from './daemon.js';

const spec: DaemonSpec = {
  name: 'kafka',
  dir: '/tmp/lab-home/kafka',
  mainClass: 'kafka.Kafka',
  classpath: ['/jars/a/*', '/jars/b/*'],
  jvmOptions: ['-Xmx512m'],
  args: ['/tmp/lab-home/kafka/server.properties'],
  ports: [{ label: 'broker', port: 9092 }],
};

describe('Stack > daemon > judgePid', () => {
  const ours = marker(spec);

  it('says stopped when there is no PID file', () => {
    assert.deepEqual(judgePid(null, null, ours), { state: 'stopped' });
  });

  it('says stale when the process is gone', () => {
    const state = judgePid(4242, null, ours);
    assert.equal(state.state, 'stale', 'a dead PID is stale');
    assert.match(state.state === 'stale' ? state.reason : '', /4242 is gone/, 'the reason names the PID');
  });

  it('says stale when the PID now belongs to another program', () => {
    const state = judgePid(4242, 'sleep 1000', ours);
    assert.equal(state.state, 'stale', 'a recycled PID is stale');
    assert.match(state.state === 'stale' ? state.reason : '', /something else/, 'the reason says why');
  });

  it('says stale when the PID is a daemon of another stack home', () => {
    const otherHome = marker({ ...spec, dir: '/tmp/other-home/kafka' });
    assert.equal(
      judgePid(4242, `java ${otherHome} kafka.Kafka`, ours).state,
      'stale',
      'another home is not ours',
    );
  });

  it('says running when the command line carries our marker', () => {
    assert.deepEqual(judgePid(4242, `java ${ours} -cp x kafka.Kafka`, ours), { state: 'running', pid: 4242 });
  });
});

describe('Stack > daemon > command line', () => {
  it('names the daemon and its folder in the marker', () => {
    assert.equal(marker(spec), '-Dlab.daemon=kafka@/tmp/lab-home/kafka');
  });

  it('runs java with the marker first, then options, classpath, main class and arguments', () => {
    assert.deepEqual(asBackgroundProcess(spec).command, [
      'java',
      '-Dlab.daemon=kafka@/tmp/lab-home/kafka',
      '-Xmx512m',
      '-cp',
      '/jars/a/*:/jars/b/*',
      'kafka.Kafka',
      '/tmp/lab-home/kafka/server.properties',
    ]);
  });
});
