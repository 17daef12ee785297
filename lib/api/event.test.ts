import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildEvent, serializeEvent, werkzeugHeaderName, type HeaderLimits } from './event.js';

// What ab sends with -H "Host: user1.comcast.com": its own Host is replaced by ours.
const AB_HEADERS = ['Host', 'user1.comcast.com', 'User-Agent', 'ApacheBench/2.3', 'Accept', '*/*'];
const names = (entries: ReturnType<typeof buildEvent>) => entries.map(([name]) => name);
const valueOf = (entries: ReturnType<typeof buildEvent>, name: string) =>
  entries.find(([n]) => n === name)?.[1];

describe('API > event > werkzeugHeaderName', () => {
  it('title-cases like Python str.title()', () => {
    assert.equal(werkzeugHeaderName('user-agent'), 'User-Agent', 'dash-separated words');
    assert.equal(werkzeugHeaderName('HOST'), 'Host', 'upper case lowered after the first letter');
    assert.equal(
      werkzeugHeaderName('x-api-key2x'),
      'X-Api-Key2X',
      'a letter after a digit starts a word, as in Python',
    );
  });
});

describe('API > event > buildEvent', () => {
  it('puts the event fields first, then the headers in request order, with Werkzeug names', () => {
    const event = buildEvent({ event_type: 'purchase_sword' }, [
      'host',
      'user1.comcast.com',
      'user-agent',
      'ApacheBench/2.3',
      'accept',
      '*/*',
    ]);
    assert.deepEqual(event, [
      ['event_type', 'purchase_sword'],
      ['Host', 'user1.comcast.com'],
      ['User-Agent', 'ApacheBench/2.3'],
      ['Accept', '*/*'],
    ]);
  });

  it('never copies credentials', () => {
    const raw = [
      ...AB_HEADERS,
      'Authorization',
      'Basic c2VjcmV0',
      'cookie',
      'session=1',
      'Proxy-Authorization',
      'x',
      'SET-COOKIE',
      'y',
    ];
    const event = buildEvent({ event_type: 'default' }, raw);
    assert.deepEqual(
      names(event),
      ['event_type', 'Host', 'User-Agent', 'Accept'],
      'only the harmless headers are left',
    );
    assert.ok(!serializeEvent(event).includes('c2VjcmV0'), 'the secret is nowhere in the message');
  });

  it('never lets a header overwrite or shadow an event field', () => {
    const raw = ['Event-Type', 'hacked', 'event_type', 'hacked', 'Description', 'blunt', ...AB_HEADERS];
    const event = buildEvent({ event_type: 'purchase_knife', description: 'very sharp knife' }, raw);
    assert.equal(valueOf(event, 'event_type'), 'purchase_knife', 'event_type keeps its value');
    assert.equal(valueOf(event, 'description'), 'very sharp knife', 'description keeps its value');
    assert.deepEqual(
      names(event),
      ['event_type', 'description', 'Host', 'User-Agent', 'Accept'],
      'no look-alike field got in',
    );
  });

  it('drops header names with an underscore, as Werkzeug does (they would alias dashed names)', () => {
    const event = buildEvent({ event_type: 'default' }, ['X_Forwarded_For', '1.2.3.4', ...AB_HEADERS]);
    assert.equal(valueOf(event, 'X_Forwarded_For'), undefined);
  });

  it('joins a repeated header with a comma, as the WSGI environ does', () => {
    const event = buildEvent({ event_type: 'default' }, ['Accept', 'text/html', 'accept', '*/*']);
    assert.equal(valueOf(event, 'Accept'), 'text/html,*/*');
  });

  it('copies at most maxHeaders headers, the first ones', () => {
    const limits: HeaderLimits = { maxHeaders: 2, maxNameLength: 64, maxValueLength: 1024 };
    const event = buildEvent({ event_type: 'default' }, AB_HEADERS, limits);
    assert.deepEqual(names(event), ['event_type', 'Host', 'User-Agent']);
  });

  it('skips a header whose name or value is too long', () => {
    const limits: HeaderLimits = { maxHeaders: 32, maxNameLength: 10, maxValueLength: 20 };
    const raw = ['X-Very-Long-Header-Name', 'v', 'X-Big', 'x'.repeat(21), 'X-Small', 'x'.repeat(20)];
    const event = buildEvent({ event_type: 'default' }, raw, limits);
    assert.deepEqual(names(event), ['event_type', 'X-Small'], 'only the header within both bounds is copied');
  });
});

describe('API > event > serializeEvent', () => {
  it("writes what Python's json.dumps writes", () => {
    const event = buildEvent({ event_type: 'default' }, AB_HEADERS);
    assert.equal(
      serializeEvent(event),
      '{"event_type": "default", "Host": "user1.comcast.com", "User-Agent": "ApacheBench/2.3", "Accept": "*/*"}',
    );
  });

  it('escapes quotes, control and non-ASCII characters as json.dumps(ensure_ascii=True)', () => {
    assert.equal(serializeEvent([['X-Note', 'a "b"\t\u00e9']]), '{"X-Note": "a \\"b\\"\\t\\u00e9"}');
  });
});
