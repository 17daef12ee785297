import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sparkTimestampString, sparkTimeZone } from './timestamp.js';

const AT = Date.UTC(2018, 7, 2, 4, 13, 14, 123);

describe('Spark > timestamp', () => {
  it('prints milliseconds like Spark casting a timestamp to string', () => {
    assert.equal(sparkTimestampString(AT, 'UTC'), '2018-08-02 04:13:14.123', 'walkthrough format');
  });

  it('drops trailing zeros of the fraction', () => {
    assert.equal(sparkTimestampString(AT - 3, 'UTC'), '2018-08-02 04:13:14.12', '.120 → .12');
  });

  it('prints whole seconds without a fraction', () => {
    assert.equal(sparkTimestampString(AT - 123, 'UTC'), '2018-08-02 04:13:14', 'no .0');
  });

  it('uses the given time zone, 24-hour clock', () => {
    assert.equal(
      sparkTimestampString(AT + 20 * 3600_000, 'America/Los_Angeles'),
      '2018-08-02 17:13:14.123',
      'PDT',
    );
  });

  it('gives each record its own second and fraction, one after the other and before 1970', () => {
    assert.deepEqual(
      [AT, AT + 1, AT + 877, AT + 1000, AT - 1000, -1].map((t) => sparkTimestampString(t, 'UTC')),
      [
        '2018-08-02 04:13:14.123',
        '2018-08-02 04:13:14.124',
        '2018-08-02 04:13:15',
        '2018-08-02 04:13:15.123',
        '2018-08-02 04:13:13.123',
        '1969-12-31 23:59:59.999',
      ],
    );
  });

  it('prints midnight as 00', () => {
    assert.equal(sparkTimestampString(Date.UTC(2018, 0, 1), 'UTC'), '2018-01-01 00:00:00', 'not 24:00');
  });

  it('defaults to UTC unless TZ is set', () => {
    assert.equal(sparkTimeZone({}), 'UTC', 'no TZ → UTC');
    assert.equal(sparkTimeZone({ TZ: 'Europe/Paris' }), 'Europe/Paris', 'TZ wins');
  });
});
