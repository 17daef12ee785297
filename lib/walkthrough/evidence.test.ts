import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countRequests, judgeCount, parseSchemaFields, parseShowTables } from './evidence.js';

describe('Walkthrough > evidence > countRequests', () => {
  const log = [
    '127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -',
    '127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -',
    '127.0.0.1 - - [02/Aug/2018 04:13:19] "GET /purchase_a_sword HTTP/1.0" 200 -',
    '127.0.0.1 - - [02/Aug/2018 04:13:19] "GET /purchase_a_sword HTTP/1.0" 503 -',
    '127.0.0.1 - - [02/Aug/2018 04:13:20] "GET /healthz HTTP/1.1" 200 -',
  ].join('\n');

  it('counts one route and status, not the others', () => {
    assert.equal(countRequests(log, '/'), 2, 'two 200s on /');
    assert.equal(countRequests(log, '/purchase_a_sword'), 1, 'one 200 on the sword route');
    assert.equal(countRequests(log, '/purchase_a_sword', 503), 1, 'one 503 on the sword route');
    assert.equal(countRequests(log, '/join_a_guild'), 0, 'no guild requests');
  });
});

describe('Walkthrough > evidence > parseShowTables', () => {
  const text = `some log line
+------+-----------------+--------------+
|Accept|             Host|    event_type|
+------+-----------------+--------------+
|   */*|user1.comcast.com|purchase_sword|
|   */*|user1.comcast.com|purchase_sword|
+------+-----------------+--------------+

+------+----+----------+
|Accept|Host|event_type|
+------+----+----------+
|   */*| moe|   default|
+------+----+----------+
only showing top 1 row
`;

  it('finds every table with its columns and rows', () => {
    const tables = parseShowTables(text);
    assert.equal(tables.length, 2, 'two tables');
    assert.deepEqual(tables[0].columns, ['Accept', 'Host', 'event_type']);
    assert.equal(tables[0].rows.length, 2, 'first table has two rows');
    assert.deepEqual(tables[1].rows[0], ['*/*', 'moe', 'default']);
  });

  it('reads an empty table as no rows', () => {
    const empty = '+------+\n|Accept|\n+------+\n+------+\n';
    assert.deepEqual(parseShowTables(empty), [{ columns: ['Accept'], rows: [] }]);
  });
});

describe('Walkthrough > evidence > parseSchemaFields', () => {
  it('reads the field names of printSchema()', () => {
    const text = 'root\n |-- Accept: string (nullable = true)\n |-- User-Agent: string (nullable = true)\n';
    assert.deepEqual(parseSchemaFields(text), ['Accept', 'User-Agent']);
  });
});

describe('Walkthrough > evidence > judgeCount', () => {
  it('passes the exact count', () => {
    assert.deepEqual(judgeCount(10, 10, 'events', 'step 5'), { pass: true, evidence: '10 events' });
  });
  it('passes a whole multiple and says why', () => {
    const verdict = judgeCount(30, 10, 'events', 'step 5');
    assert.equal(verdict.pass, true);
    assert.match(verdict.evidence, /3 runs of step 5/);
  });
  it('fails nothing and odd counts, saying what to do', () => {
    assert.deepEqual(judgeCount(0, 10, 'events', 'step 5'), {
      pass: false,
      evidence: 'no events: run step 5',
    });
    const odd = judgeCount(9, 10, 'events', 'step 5');
    assert.equal(odd.pass, false);
    assert.match(odd.evidence, /9 events, expected 10/);
  });
});
