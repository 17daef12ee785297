import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPurchase, mungeEvent, parseEventValue, toRow, type GameEvent } from './event.js';
import { EventExtractor } from './extract.js';

const SWORD =
  '{"Host": "user1.comcast.com", "event_type": "purchase_sword", "Accept": "*/*", "User-Agent": "ApacheBench/2.3"}';
const record = (value: string | null, offset = '0') => ({
  partition: 0,
  offset,
  value,
  timestamp: String(Date.UTC(2018, 7, 2, 4, 13, 14, 123)),
});

describe('Events > parse', () => {
  it('accepts a JSON object with an event_type', () => {
    const parsed = parseEventValue(SWORD);
    assert.ok(parsed.ok && parsed.event.event_type === 'purchase_sword', 'parsed event');
  });

  for (const [value, reason] of [
    ['not json', 'not JSON'],
    ['[1,2]', 'not a JSON object'],
    ['"text"', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['{"Host": "x"}', 'no event_type'],
    ['{"event_type": 3}', 'no event_type'],
    [null, 'empty value (null)'],
  ] as const) {
    it(`rejects ${JSON.stringify(value)} as ${reason}`, () => {
      assert.deepEqual(parseEventValue(value), { ok: false, reason }, 'reason given');
    });
  }
});

describe('Events > UDFs', () => {
  const event: GameEvent = { event_type: 'purchase_sword', Host: 'user1.comcast.com' };

  it('munge_event sets Host to moe and Cache-Control to no-cache', () => {
    assert.deepEqual(
      mungeEvent(event),
      { event_type: 'purchase_sword', Host: 'moe', 'Cache-Control': 'no-cache' },
      'munged',
    );
  });

  it('munge_event leaves its input alone', () => {
    mungeEvent(event);
    assert.equal(event.Host, 'user1.comcast.com', 'input unchanged');
  });

  it('is_purchase is true for purchase_sword only', () => {
    assert.equal(isPurchase(event), true, 'sword');
    assert.equal(isPurchase({ event_type: 'purchase_shield' }), false, 'shield');
  });
});

describe('Events > Row', () => {
  it('adds the timestamp and keeps non-string values as JSON text', () => {
    assert.deepEqual(
      toRow({ event_type: 'x', n: 3, nested: { a: 1 }, gone: null }, '2018-08-02 04:13:14.123'),
      { event_type: 'x', n: '3', nested: '{"a":1}', gone: null, timestamp: '2018-08-02 04:13:14.123' },
      'row',
    );
  });

  it("lets Kafka's timestamp win over an event's own", () => {
    assert.equal(
      toRow({ event_type: 'x', timestamp: 'mine' }, 'kafka').timestamp,
      'kafka',
      'Kafka timestamp',
    );
  });
});

describe('Events > extract', () => {
  it('counts read, kept and rejected records, with offsets', () => {
    const extractor = new EventExtractor({ keep: isPurchase, timeZone: 'UTC' });
    const rows = [record(SWORD, '0'), record('nope', '1'), record('{"event_type":"join_guild"}', '2')].map(
      (r) => extractor.extract(r),
    );
    assert.equal(rows[0]?.timestamp, '2018-08-02 04:13:14.123', 'Spark timestamp text');
    assert.equal(rows.filter(Boolean).length, 1, 'one row kept');
    assert.deepEqual(
      [extractor.read, extractor.kept, extractor.rejects.count],
      [3, 1, 1],
      'read, kept, rejected',
    );
    assert.equal(extractor.rejects.describe(), 'partition 0 offset 1: not JSON', 'reject described');
  });

  it('lists the first rejects and counts the rest', () => {
    const extractor = new EventExtractor();
    for (let i = 0; i < 25; i++) extractor.extract(record('x', String(i)));
    assert.match(extractor.rejects.describe(), /offset 19: not JSON; and 5 more$/, 'bounded list');
  });
});
