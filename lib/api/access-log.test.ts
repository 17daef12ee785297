import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccessLog, accessLogLine, werkzeugDate } from './access-log.js';

const request = { address: '127.0.0.1', method: 'GET', url: '/', httpVersion: '1.0', status: 200 };

describe('API > access-log', () => {
  it("formats the date as BaseHTTPRequestHandler's log_date_time_string (local time)", () => {
    assert.equal(werkzeugDate(new Date(2018, 7, 2, 4, 13, 14)), '02/Aug/2018 04:13:14');
  });

  it("writes the Flask window's line", () => {
    assert.equal(
      accessLogLine(request, '02/Aug/2018 04:13:14'),
      '127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -',
    );
  });

  it('shows an IPv4-mapped IPv6 client as IPv4', () => {
    assert.match(accessLogLine({ ...request, address: '::ffff:10.0.0.7' }, 'd'), /^10\.0\.0\.7 - - /);
  });

  it('writes the lines of one event-loop turn in one write, in order', async () => {
    const writes: string[] = [];
    const log = new AccessLog(
      (text) => writes.push(text),
      () => new Date(2018, 7, 2, 4, 13, 14).getTime(),
    );
    log.log(request);
    log.log({ ...request, url: '/purchase_a_sword', status: 503 });
    assert.equal(writes.length, 0, 'nothing written before the turn ends');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(writes, [
      '127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -\n127.0.0.1 - - [02/Aug/2018 04:13:14] "GET /purchase_a_sword HTTP/1.0" 503 -\n',
    ]);
  });
});
