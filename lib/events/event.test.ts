import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { caseFold, MAX_FIELDS, parseEvent } from './event.js';

const SWORD =
  '{"Host": "user1.comcast.com", "event_type": "purchase_sword", "Accept": "*/*", "User-Agent": "ApacheBench/2.3"}';

describe('Events > parse', () => {
  it('accepts a JSON object with an event_type', () => {
    const parsed = parseEvent(SWORD);
    assert.ok(parsed.ok, 'parsed');
    assert.deepEqual({ ...parsed.event }, JSON.parse(SWORD), 'every field as sent');
  });

  it('keeps non-string values as their JSON text and null as null', () => {
    const parsed = parseEvent('{"event_type": "x", "n": 3, "nested": {"a": [1]}, "gone": null}');
    assert.ok(parsed.ok, 'parsed');
    assert.deepEqual({ ...parsed.event }, { event_type: 'x', n: '3', nested: '{"a":[1]}', gone: null });
  });

  for (const [value, reason] of [
    ['not json', /^not JSON$/],
    ['[1,2]', /^not a JSON object$/],
    ['"text"', /^not a JSON object$/],
    ['null', /^not a JSON object$/],
    ['{"Host": "x"}', /^no event_type$/],
    ['{"event_type": 3}', /^no event_type$/],
    [null, /^empty value \(null\)$/],
    ['{"event_type": "x", "timestamp": "1"}', /"timestamp": the jobs add Kafka's timestamp/],
    ['{"event_type": "x", "Timestamp": "1"}', /"Timestamp": the jobs add Kafka's timestamp/],
    ['{"event_type": "x", "Host": "a", "host": "b"}', /"Host" and "host" differ only in letter case/],
    ['{"event_type": "x", "Accept": "a", "ACCEPT": "b"}', /"Accept" and "ACCEPT" differ only/],
    ['{"event_type": "x", "EVENT_TYPE": "y"}', /"event_type" and "EVENT_TYPE" differ only/],
    ['{"event_type": "x", "": "empty"}', /a field with an empty name/],
    ['{"event_type": "x", "__proto__": "yes"}', /a field named __proto__/],
    ['{"event_type": "x", "__proto__": {"polluted": "yes"}}', /a field named __proto__/],
    ['{"event_type": "x", "a\\u0000b": "v"}', /a NUL character in a field name/],
    ['{"event_type": "x", "\\ud800": "a", "\\udc00": "b"}', /"\ufffd" and "\ufffd" differ only/],
    ['{"event_type": "x", "\\u212a": "kelvin", "k": "k"}', /"\u212a" and "k" differ only/],
    [JSON.stringify({ event_type: 'é'.repeat(123) }), /an event_type too long to name a folder \(257 bytes/],
    [
      `{"event_type": "x", "a": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      /the value of "a" is nested too deeply/,
    ],
  ] as const) {
    it(`rejects ${JSON.stringify(value)?.slice(0, 60)}`, () => {
      const parsed = parseEvent(value);
      assert.equal(parsed.ok, false, 'rejected');
      assert.match(parsed.ok ? '' : parsed.reason, reason, 'with the reason');
    });
  }

  it('stores a lone surrogate, in a name or a value, as U+FFFD (as Spark casts it to string)', () => {
    const parsed = parseEvent('{"event_type": "x\\udfff", "v": "a\\ud800b", "\\udc00n": ["\\ud800"]}');
    assert.ok(parsed.ok, 'kept');
    assert.deepEqual(
      { ...parsed.event },
      { event_type: 'x\ufffd', v: 'a\ufffdb', '\ufffdn': '["\\ud800"]' },
      'U+FFFD in strings; JSON text escapes it',
    );
  });

  it("folds names as Java's equalsIgnoreCase does, one character at a time", () => {
    assert.equal(caseFold('Host'), caseFold('hOST'), 'ASCII');
    assert.equal(caseFold('\u212a'), caseFold('K'), 'the Kelvin sign');
    assert.notEqual(caseFold('ß'), caseFold('SS'), 'ß is not SS');
    assert.notEqual(caseFold('İ'), caseFold('i\u0307'), 'İ is not i̇');
    assert.equal(caseFold('Ǆ'), caseFold('ǆ'), 'a titlecase pair');
  });

  it(`rejects more than ${MAX_FIELDS} fields, and takes ${MAX_FIELDS}`, () => {
    const fields = (n: number) =>
      JSON.stringify(
        Object.fromEntries([['event_type', 'x'], ...Array.from({ length: n - 1 }, (_, i) => [`f${i}`, 'v'])]),
      );
    assert.equal(parseEvent(fields(MAX_FIELDS)).ok, true, `${MAX_FIELDS} fields`);
    const parsed = parseEvent(fields(MAX_FIELDS + 1));
    assert.match(parsed.ok ? '' : parsed.reason, /101 fields, more than the 100/, 'too many');
  });
});
