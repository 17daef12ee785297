import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAbReport, readAbReport } from './ab-report.js';

const REPORT = `Concurrency Level:      50
Complete requests:      20000
Failed requests:        12
   (Connect: 0, Receive: 0, Length: 12, Exceptions: 0)
Non-2xx responses:      12
Keep-Alive requests:    19950
Requests per second:    6012.37 [#/sec] (mean)

Percentage of the requests served within a certain time (ms)
  50%      7
  99%     31
 100%     55 (longest request)
`;

describe('API > ab > parseAbReport', () => {
  it('reads the counts, the rate and the percentile table', () => {
    const report = parseAbReport(REPORT);
    assert.equal(report.complete, 20000, 'complete requests');
    assert.equal(report.failed, 12, 'failed requests');
    assert.equal(report.non2xx, 12, 'non-2xx responses');
    assert.equal(report.keepAlive, 19950, 'keep-alive requests');
    assert.equal(report.requestsPerSecond, 6012.37, 'requests per second');
    assert.equal(report.percentiles.get(50), 7, 'p50');
    assert.equal(report.percentiles.get(99), 31, 'p99');
  });

  it('counts missing lines as zero (ab prints Non-2xx only when there are some)', () => {
    const report = parseAbReport(
      'Complete requests:      10\nFailed requests:        0\nRequests per second:    5.1 [#/sec]\n',
    );
    assert.equal(report.non2xx, 0);
  });

  it('refuses output without a report, or reads it as none', () => {
    assert.throws(() => parseAbReport('apr_socket_recv: Connection refused (111)\n'), /ab printed no report/);
    assert.equal(readAbReport('apr_socket_recv: Connection refused (111)\n'), null);
  });
});
