import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SqlError, SqlSession } from './sql-session.js';
import { tableFromRows } from './table.js';

describe('Notebook > SqlSession', () => {
  let session: SqlSession;
  const purchases = tableFromRows([
    { Host: 'user1.comcast.com', 'User-Agent': 'ApacheBench/2.3', event_type: 'purchase_sword' },
    { Host: 'user2.att.com', 'User-Agent': 'ApacheBench/2.3', event_type: 'purchase_sword' },
    { Host: 'user1.comcast.com', 'User-Agent': null, event_type: 'purchase_sword' },
  ]);

  before(async () => {
    session = await SqlSession.open();
    await session.register('purchases', purchases);
  });
  after(() => session.close());

  it("answers the lab's query with the matching rows", async () => {
    const result = await session.query("select * from purchases where Host = 'user1.comcast.com'");
    assert.equal(result.rows.length, 2, 'two rows of user1.comcast.com');
  });
  it('keeps the columns, their order and nulls', async () => {
    const result = await session.query('select * from purchases');
    assert.deepEqual(result.columns, ['Host', 'User-Agent', 'event_type'], 'columns');
    assert.equal(result.rows[2]['User-Agent'], null, 'the null User-Agent');
  });
  it('runs real SQL: aggregates come back as numbers typed long', async () => {
    const result = await session.query(
      'select Host, count(*) as n from purchases group by Host order by n desc',
    );
    assert.deepEqual(result.rows[0], { Host: 'user1.comcast.com', n: 2 }, 'the biggest group');
    assert.equal(result.types[1], 'long', 'count(*) is a long, as in Spark');
  });
  it('registers numeric and boolean columns with their types', async () => {
    await session.register(
      'numbers',
      tableFromRows([
        { n: 1.5, ok: true },
        { n: null, ok: false },
      ]),
    );
    const result = await session.query(
      'select sum(n) as total, count(*) filter (where ok) as oks from numbers',
    );
    assert.deepEqual(result.rows[0], { total: 1.5, oks: 1 }, 'sum and filtered count');
  });
  it('replaces a table registered again under the same name', async () => {
    await session.register('again', tableFromRows([{ a: 'x' }]));
    await session.register('again', tableFromRows([{ a: 'y' }, { a: 'z' }]));
    assert.equal((await session.query('select * from again')).rows.length, 2, 'the second registration');
  });
  it("turns DuckDB's error into a SqlError that shows the query", async () => {
    await assert.rejects(session.query('select * from nowhere'), (err: unknown) => {
      assert.ok(err instanceof SqlError, 'a SqlError');
      assert.match(err.hint ?? '', /select \* from nowhere/, 'the hint shows the query');
      return true;
    });
  });
});
