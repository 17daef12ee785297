import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GameEvent } from '../events/event.js';
import { Row, RowFrame, type RowSink } from './row-frame.js';

const event = (event_type: string, extra: Record<string, string> = {}) =>
  ({ event_type, Host: 'h', ...extra }) as GameEvent;

describe('Spark > Row', () => {
  it('is the event plus Kafka’s timestamp', () => {
    assert.deepEqual(
      { ...Row('2018-08-02 04:13:14.123', event('x')) },
      {
        event_type: 'x',
        Host: 'h',
        timestamp: '2018-08-02 04:13:14.123',
      },
    );
  });
});

describe('Spark > RowFrame', () => {
  it('prints the union schema and the first rows as Spark does', async () => {
    const frame = new RowFrame();
    await frame.add([
      Row('t1', event('purchase_sword')),
      Row('t2', event('purchase_knife', { description: 'sharp' })),
    ]);
    assert.equal(frame.count, 2, 'count');
    assert.equal(
      frame.printSchema(),
      'root\n |-- Host: string (nullable = true)\n |-- description: string (nullable = true)\n |-- event_type: string (nullable = true)\n |-- timestamp: string (nullable = true)\n',
    );
    assert.match(
      frame.show(),
      /\| {3}h\| {7}null\|purchase_sword\| {7}t1\|/,
      'null where a row lacks the field',
    );
  });

  it('keeps the first 21 rows only, however many are added', async () => {
    const frame = new RowFrame();
    await frame.add(Array.from({ length: 1000 }, (_, i) => Row(String(i), event('x'))));
    assert.deepEqual([frame.count, frame.rows.length, frame.rows[20].timestamp], [1000, 21, '20']);
    assert.match(frame.show(), /only showing top 20 rows\n$/, "show()'s footer");
  });

  it('filters per value of its showPer column, in order of first appearance, with the whole schema', async () => {
    const frame = new RowFrame({ showPer: 'event_type' });
    for (const type of ['b', 'a', 'b', 'c'])
      await frame.add([Row('t', event(type, type === 'c' ? { extra: 'x' } : {}))]);
    assert.deepEqual(frame.values(), ['b', 'a', 'c'], 'first appearance');
    const b = frame.filter('event_type', 'b');
    assert.equal(b.count, 2, 'two b rows');
    assert.deepEqual(b.columns(), ['Host', 'event_type', 'extra', 'timestamp'], 'the union columns');
    assert.throws(() => frame.filter('Host', 'h'), RangeError, 'only the showPer column');
  });

  it('hands every row to its sink', async () => {
    const seen: string[] = [];
    const sink: RowSink = {
      write: async (rows) => void seen.push(...rows.map((row) => row.event_type ?? '')),
    };
    const frame = new RowFrame({ sink });
    for (let i = 0; i < 3; i++)
      await frame.add(Array.from({ length: 10 }, (_, k) => Row('t', event(`e${i}-${k}`))));
    assert.equal(seen.length, 30, 'all 30, not just the 21 kept');
  });
});
