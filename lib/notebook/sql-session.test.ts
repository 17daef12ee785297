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
  it('answers statements a table cannot be made of (SHOW, DESCRIBE, several statements)', async () => {
    const tables = await session.query('show tables');
    assert.ok(tables.column(0).includes('purchases'), 'SHOW TABLES lists purchases');
    const described = await session.query('describe purchases');
    assert.deepEqual(described.column(0), ['Host', 'User-Agent', 'event_type'], 'DESCRIBE lists the columns');
    const created = await session.query('create table twice as select 2 as n; select n * 2 as m from twice');
    assert.deepEqual(created.rows, [{ m: 4 }], 'the last statement answers');
  });
  it('keeps nothing of a query once its rows are read', async () => {
    await session.query('select * from purchases');
    // SHOW is not kept in a table itself, so it sees what the query left behind
    const tables = await session.query('show all tables');
    const names = tables.column(tables.columns.indexOf('name'));
    assert.ok(names.includes('purchases'), 'the registered table is listed');
    assert.deepEqual(
      names.filter((name) => String(name).startsWith('__notebook')),
      [],
      'no temporary table left',
    );
  });
  it('answers queries running at the same time each with their own rows', async () => {
    const [user1, user2] = await Promise.all([
      session.query("select Host from purchases where Host = 'user1.comcast.com'"),
      session.query("select Host from purchases where Host = 'user2.att.com'"),
    ]);
    assert.deepEqual([user1.rowCount, user2.rowCount], [2, 1], 'two and one');
  });
  it('registers a table DuckDB reads in place as a view, and either kind over the other', async () => {
    const source = { from: "(VALUES ('a'), ('b')) AS v(s)", position: '1' };
    await session.register('either', await session.read(source));
    assert.equal((await session.query('select * from either')).rowCount, 2, 'the view');
    await session.register('either', tableFromRows([{ s: 'c' }]));
    assert.equal((await session.query('select * from either')).rowCount, 1, 'a table in its place');
    await session.register('either', await session.read(source));
    assert.equal((await session.query('select * from either')).rowCount, 2, 'a view again');
  });
  it('counts the values of a column in order of first appearance', async () => {
    const source = { from: "(VALUES (1, 'b'), (2, 'a'), (3, 'b'), (4, NULL)) AS v(i, s)", position: 'i' };
    assert.deepEqual(
      [...(await session.valueCounts(source, 's'))],
      [
        ['b', 2],
        ['a', 1],
        [null, 1],
      ],
      'b first, then a, then null',
    );
  });
  it("turns DuckDB's error into a SqlError that shows the query", async () => {
    await assert.rejects(session.query('select * from nowhere'), (err: unknown) => {
      assert.ok(err instanceof SqlError, 'a SqlError');
      assert.match(err.hint ?? '', /select \* from nowhere/, 'the hint shows the query');
      return true;
    });
  });
});
