import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchResults, parseBenchRuns } from './bench-runs.js';

const abReport = (path: string, complete: number, non2xx: number, bytes: number) =>
  [
    'This is ApacheBench, Version 2.3 <$Revision: 1903618 $>',
    '',
    'Server Hostname:        127.0.0.1',
    'Server Port:            5105',
    '',
    `Document Path:          ${path}`,
    `Document Length:        ${bytes} bytes`,
    '',
    'Concurrency Level:      1',
    `Complete requests:      ${complete}`,
    'Failed requests:        0',
    ...(non2xx > 0 ? [`Non-2xx responses:      ${non2xx}`] : []),
    'Requests per second:    612.03 [#/sec] (mean)',
  ].join('\n');

describe('Assignment > bench runs', () => {
  it('reads ab-runs.txt: a run a line, comments and blank lines skipped', () => {
    assert.deepEqual(
      parseBenchRuns('# runs\nuser1.comcast.com /\n\n  user2.att.com   /buy_a_potion  # two\n'),
      [
        { host: 'user1.comcast.com', path: '/' },
        { host: 'user2.att.com', path: '/buy_a_potion' },
      ],
    );
  });

  it('names the line it cannot read and shows the format', () => {
    assert.throws(() => parseBenchRuns('user1.comcast.com /\nuser2.att.com buy_a_potion\n'), {
      message:
        /^ab-runs\.txt:2: "user2\.att\.com buy_a_potion" is not a run: write one `<host> <path>` a line/,
    });
    assert.throws(() => parseBenchRuns('user1.comcast.com / extra'), /ab-runs\.txt:1/);
  });

  it("reads what ab reported for each of step 5's ab commands, and skips other commands", () => {
    const results = benchResults([
      {
        command: 'ab -n 10 -H "Host: user1.comcast.com" http://127.0.0.1:5105/buy_a_potion',
        output: abReport('/buy_a_potion', 10, 0, 17),
        exitCode: 0,
      },
      {
        command: 'ab -n 10 -H "Host: user2.att.com" http://127.0.0.1:5105/nowhere',
        output: abReport('/nowhere', 10, 10, 207),
        exitCode: 0,
      },
      { command: 'kcat -L', output: '', exitCode: 0 },
    ]);
    assert.deepEqual(results, [
      { host: 'user1.comcast.com', path: '/buy_a_potion', complete: 10, answered2xx: 10, documentBytes: 17 },
      { host: 'user2.att.com', path: '/nowhere', complete: 10, answered2xx: 0, documentBytes: 207 },
    ]);
  });
});
