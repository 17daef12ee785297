import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './wait-for.js';
import { WaitTimeoutError } from './errors.js';

describe('Utils > waitFor', () => {
  it('returns the first truthy probe result, retrying through errors and false', async () => {
    let calls = 0;
    const seen: number[] = [];
    const result = await waitFor(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('connection refused');
        return calls === 3 ? 'ready' : false;
      },
      { label: 'thing', timeoutMs: 5000, intervalMs: 1, onRetry: (s) => seen.push(s) },
    );
    assert.equal(result, 'ready');
    assert.equal(calls, 3);
    assert.equal(seen.length, 2);
  });

  it('times out with the label, the bound and the last error', async () => {
    await assert.rejects(
      waitFor(
        async () => {
          throw new Error('ECONNREFUSED');
        },
        { label: 'Kafka on 127.0.0.1:1', timeoutMs: 30, intervalMs: 5, hint: 'run npm run stack:up' },
      ),
      (err: unknown) => {
        assert.ok(err instanceof WaitTimeoutError);
        assert.match(err.message, /Kafka on 127\.0\.0\.1:1 after 0 s \(last error: ECONNREFUSED\)/);
        assert.equal(err.hint, 'run npm run stack:up');
        return true;
      },
    );
  });
});

describe('Utils > waitFor > giveUpIf', () => {
  it('stops at once with the reason, without waiting for the deadline', async () => {
    const started = Date.now();
    let probes = 0;
    await assert.rejects(
      waitFor(async () => (probes++, false), {
        label: 'HDFS',
        timeoutMs: 60_000,
        intervalMs: 1,
        giveUpIf: () => (probes >= 2 ? 'namenode exited during start-up' : undefined),
      }),
      /stopped waiting for HDFS: namenode exited during start-up/,
    );
    assert.equal(probes, 2);
    assert.ok(Date.now() - started < 5000);
  });
});
