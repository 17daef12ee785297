import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formattedClusterId, kafkaDaemon, randomClusterId } from './kafka-service.js';
import { namenodeDaemon } from './hdfs-daemons.js';
import { stackLayout } from './layout.js';

describe('Stack > kafka-service > randomClusterId', () => {
  it('is 16 bytes in URL-safe base64', () => {
    assert.match(randomClusterId(), /^[A-Za-z0-9_-]{22}$/);
  });

  it('never starts with "-", which the storage tool would take for an option', () => {
    // 0xf8 as the first byte encodes to "-" in URL-safe base64
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = randomClusterId(() => draws.shift()!);
    assert.equal(Buffer.from(id, 'base64url').toString('hex'), '01'.repeat(16), 'the second draw');
    assert.equal(draws.length, 0, 'the first draw was refused');
  });
});

describe('Stack > kafka-service > formattedClusterId', () => {
  it("reads the cluster id a node's storage was formatted with", () => {
    const meta =
      '#\n#Sun Nov 29 07:58:40 UTC 2026\nnode.id=2\ndirectory.id=abc\nversion=1\ncluster.id=rPIRzZIF6SzjmYdCxSQUOw\n';
    assert.equal(formattedClusterId(meta), 'rPIRzZIF6SzjmYdCxSQUOw');
    assert.equal(formattedClusterId('version=1\n'), null, 'none written');
  });
});

describe('Stack > kafka-service > kafkaDaemon', () => {
  it('runs the broker with C2 on (every API request waits on it), unlike the quick-start HDFS JVMs', () => {
    const layout = stackLayout('/tmp/lab-home');
    const broker = kafkaDaemon(layout).command;
    assert.ok(!broker.some((arg) => arg.startsWith('-XX:TieredStopAtLevel')), broker.join(' '));
    assert.ok(namenodeDaemon(layout).command.includes('-XX:TieredStopAtLevel=1'), 'the NameNode: C1 only');
  });
});
