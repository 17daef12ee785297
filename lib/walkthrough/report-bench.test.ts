import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchMarkdown, isBenchRun, summariseBench } from './report-bench.js';

/** What `ab -n 10` printed in a real run of the lab (its head, its summary, its tail). */
const abOutput = (path: string, rate: string, extra = '') =>
  [
    'This is ApacheBench, Version 2.3 <$Revision$>',
    'Benchmarking 127.0.0.1 (be patient).....done',
    '',
    'Server Hostname:        127.0.0.1',
    'Server Port:            5000',
    '',
    `Document Path:          ${path}`,
    'Document Length:        17 bytes',
    '',
    'Concurrency Level:      1',
    'Time taken for tests:   0.219 seconds',
    'Complete requests:      10',
    'Failed requests:        0',
    ...(extra ? [extra] : []),
    'Total transferred:      1650 bytes',
    `Requests per second:    ${rate} [#/sec] (mean)`,
    'Time per request:       21.925 [ms] (mean)',
    '',
    'Percentage of the requests served within a certain time (ms)',
    ' 100%     86 (longest request)',
  ].join('\n');

const run = (host: string, path: string, output: string, exitCode: number | null = 0) => ({
  command: `ab -n 10 -H "Host: ${host}" http://127.0.0.1:5000${path}`,
  output,
  exitCode,
});

describe('Walkthrough > report > Apache Bench', () => {
  it('tells ab runs from the other commands', () => {
    assert.equal(isBenchRun(run('user1.comcast.com', '/', '')), true);
    assert.equal(
      isBenchRun({ command: 'node --import tsx labs/game_api.ts', output: '', exitCode: 0 }),
      false,
    );
  });

  it("summarises a run: its user and path, and ab's report", () => {
    const summary = summariseBench(run('user1.comcast.com', '/', abOutput('/', '45.61')));
    assert.equal(summary.host, 'user1.comcast.com');
    assert.equal(summary.path, '/');
    assert.deepEqual(
      summary.report && [summary.report.complete, summary.report.failed, summary.report.requestsPerSecond],
      [10, 0, 45.61],
    );
  });

  it('says what it cannot know when ab stopped before its summary', () => {
    const refused = run('user2.att.com', '/join_a_guild', 'apr_socket_recv: Connection refused (111)', 22);
    assert.deepEqual(summariseBench(refused), { host: 'user2.att.com', path: '/join_a_guild', report: null });
    const markdown = benchMarkdown([refused], (r) => r.command);
    assert.match(markdown, /\| user2\.att\.com \| `\/join_a_guild` \| — \| — \| — \| — \|/);
    assert.match(markdown, /printed no report \(exit code 22\): apr_socket_recv: Connection refused \(111\)/);
  });

  it('renders one row per run and a total, with every full output folded in <details>', () => {
    const runs = [
      run('user1.comcast.com', '/', abOutput('/', '45.61')),
      run('user2.att.com', '/join_a_guild', abOutput('/join_a_guild', '85.1', 'Non-2xx responses:      3')),
    ];
    const markdown = benchMarkdown(runs, (r) => `FULL ${r.output}`);
    const lines = markdown.split('\n');
    assert.ok(lines.includes('| user1.comcast.com | `/` | 10 | 0 | 0 | 45.61 |'), 'the first run');
    assert.ok(lines.includes('| user2.att.com | `/join_a_guild` | 10 | 0 | 3 | 85.1 |'), 'the second run');
    assert.ok(lines.includes('| **all 2 runs** | | **20** | **0** | **3** | |'), 'the total');
    const folded = markdown.slice(markdown.indexOf('<details>'));
    assert.match(folded, /^<details><summary>ab's full output \(2 runs\)<\/summary>\n\n/);
    for (const r of runs) assert.ok(folded.includes(`FULL ${r.output}`), 'the full output, folded');
    assert.ok(markdown.trimEnd().endsWith('</details>'));
    assert.ok(
      markdown.indexOf('Requests per second') > markdown.indexOf('<details>'),
      'no ab text above the fold',
    );
  });
});
