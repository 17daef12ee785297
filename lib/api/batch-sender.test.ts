import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BatchSender } from './batch-sender.js';

/** A fake Kafka: records each batch and lets the test decide when (and whether) it is acknowledged. */
function fakeKafka() {
  const batches: { values: string[]; ack: () => void; fail: (err: Error) => void }[] = [];
  const sendBatch = (values: string[]) =>
    new Promise<void>((ack, fail) => {
      batches.push({ values, ack, fail });
    });
  return { batches, sendBatch };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const settled = (promise: Promise<void>) => {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (err: unknown) => ((state.done = true), (state.error = err)),
  );
  return state;
};

describe('API > BatchSender', () => {
  it('coalesces the events of one turn into one send', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 0,
    });
    void sender.send('a');
    void sender.send('b');
    void sender.send('c');
    await turn();
    assert.deepEqual(
      kafka.batches.map((b) => b.values),
      [['a', 'b', 'c']],
    );
  });

  it('resolves a send only when its batch is acknowledged', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 0,
    });
    const a = settled(sender.send('a'));
    await turn();
    assert.equal(a.done, false, 'not resolved while the batch is in flight');
    kafka.batches[0].ack();
    await turn();
    assert.equal(a.done, true, 'resolved after the acknowledgement');
    assert.equal(a.error, undefined, 'without error');
  });

  it('keeps one batch in flight and gathers the next meanwhile', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 0,
    });
    void sender.send('a');
    await turn();
    void sender.send('b');
    void sender.send('c');
    await turn();
    assert.equal(kafka.batches.length, 1, 'no second send before the first is acknowledged');
    kafka.batches[0].ack();
    await turn();
    await turn();
    assert.deepEqual(kafka.batches[1]?.values, ['b', 'c'], 'the waiting events leave together');
  });

  it('rejects every send of a failed batch with its error', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 0,
    });
    const a = settled(sender.send('a'));
    const b = settled(sender.send('b'));
    await turn();
    kafka.batches[0].fail(new Error('broker down'));
    await turn();
    assert.equal((a.error as Error)?.message, 'broker down', 'first send rejected');
    assert.equal((b.error as Error)?.message, 'broker down', 'second send rejected');
  });

  it('sends a full batch at once and splits what exceeds maxBatch', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 2,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 60_000,
    });
    for (const v of ['a', 'b', 'c']) void sender.send(v);
    assert.deepEqual(
      kafka.batches.map((b) => b.values),
      [['a', 'b']],
      'the full batch left without waiting for the linger',
    );
    kafka.batches[0].ack();
    const drained = sender.drain();
    await turn();
    kafka.batches[1]?.ack();
    await drained;
    assert.deepEqual(kafka.batches[1]?.values, ['c'], 'the rest followed');
  });

  it('keeps a batch under maxBatchBytes, sending a big event on its own', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, { maxBatch: 100, maxBatchBytes: 10, lingerMs: 60_000 });
    for (const v of ['aaaa', 'bbbb', 'cccc', 'x'.repeat(50), 'd']) void sender.send(v);
    const sent: string[][] = [];
    for (let i = 0; i < 4; i++) {
      await turn();
      const batch = kafka.batches[i];
      sent.push(batch.values);
      batch.ack();
      if (i === 0) void sender.drain();
    }
    assert.deepEqual(
      sent,
      [['aaaa', 'bbbb'], ['cccc'], ['x'.repeat(50)], ['d']],
      'no batch above 10 bytes but a lone big one',
    );
  });

  it('drain() sends what lingers and waits for its acknowledgement', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 60_000,
    });
    const a = settled(sender.send('a'));
    const drained = settled(sender.drain());
    await turn();
    assert.deepEqual(
      kafka.batches.map((b) => b.values),
      [['a']],
      'drain did not wait for the linger',
    );
    assert.equal(drained.done, false, 'drain waits for the acknowledgement');
    kafka.batches[0].ack();
    await turn();
    assert.equal(a.done && drained.done, true, 'both settled after the acknowledgement');
  });
});

describe('API > BatchSender > mostWaiting', () => {
  it('sends without lingering once every possible sender is in the batch', async () => {
    const kafka = fakeKafka();
    const sender = new BatchSender(kafka.sendBatch, {
      maxBatch: 100,
      maxBatchBytes: 1024 * 1024,
      lingerMs: 60_000,
      mostWaiting: () => 2,
    });
    void sender.send('a');
    assert.equal(kafka.batches.length, 0, 'one of two possible senders: it lingers');
    void sender.send('b');
    assert.deepEqual(
      kafka.batches.map((b) => b.values),
      [['a', 'b']],
      'both in: it leaves at once',
    );
  });
});
