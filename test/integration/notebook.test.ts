// Executes notebooks/querying-purchases.ipynb headless with the REAL tslab kernel (Jupyter's nbconvert /
// nbclient) against test data in HDFS, then checks the cells' outputs. Needs the stack, Jupyter and
// `npm run build` (npm test builds first).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { executeNotebook, NotebookError } from '../../lib/jupyter/execute.js';
import { hasChart, type CodeCell } from '../../lib/jupyter/executed-notebook.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { assertRanClean, runLabNotebook, taggedCell } from '../support/executed-cells.js';
import { isTrusted } from '../support/jupyter-trust.js';
import { EXPECTED, hdfs, testDir, writeTestPurchases } from './notebook-data.js';

/** The describe() table by statistic and column: each column ends where its right-aligned header ends. */
function parseDescribe(text: string): Map<string, Map<string, string>> {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = [...header.matchAll(/\S+/g)].map((m) => ({
    name: m[0],
    end: (m.index ?? 0) + m[0].length,
  }));
  const table = new Map<string, Map<string, string>>();
  for (const line of lines) {
    const stat = line.slice(0, line.indexOf(' '));
    const cells = new Map<string, string>();
    columns.forEach((column, i) =>
      cells.set(column.name, line.slice(i === 0 ? stat.length : columns[i - 1].end, column.end).trim()),
    );
    table.set(stat, cells);
  }
  return table;
}

describe('Notebook > querying-purchases.ipynb on the tslab kernel', () => {
  const dir = testDir('notebook');
  let work: string;
  let cells: CodeCell[];
  const cell = (tag: string) => taggedCell(cells, tag);
  const stdout = (tag: string) => cell(tag).text;

  // signed with a Jupyter data folder of the test's own, as `npm run notebook:run` signs its output
  const jupyterDataDir = () => join(work, 'jupyter-data');

  before(async () => {
    await writeTestPurchases(dir);
    work = await mkdtemp(join(tmpdir(), 'notebook-test-'));
    const env = { PURCHASES_DIR: dir, JUPYTER_DATA_DIR: jupyterDataDir() };
    cells = await runLabNotebook('querying-purchases.ipynb', work, env, { trust: true });
  });
  after(async () => {
    await hdfs.remove(dir);
    await rm(work, { recursive: true, force: true });
  });

  it('writes the executed notebook trusted, so Jupyter shows its chart on open', () => {
    const executed = join(work, 'querying-purchases.ipynb');
    assert.equal(
      isTrusted(executed, jupyterDataDir()),
      true,
      'trusted with the data folder it was signed in',
    );
    assert.equal(
      isTrusted(executed, join(work, 'another')),
      false,
      'not by a Jupyter that never signed it: the check can fail',
    );
  });

  it('runs every code cell without an error output, each prompt numbered as the kernel counted', () => {
    assertRanClean(cells);
  });
  it('reads every row of both Parquet parts', () => {
    assert.equal(stdout('read').trim().split('\n').at(-1), String(EXPECTED.rows), 'purchases.count()');
  });
  it('prints the merged schema with description', () => {
    assert.match(
      stdout('read'),
      / \|-- description: string \(nullable = true\)/,
      'printSchema() lists description',
    );
  });
  it("shows the purchases as Spark's show() does", () => {
    assert.match(stdout('show-all'), /^\+-+\+-+/, 'a show() border first');
  });
  it('selects the rows of user1.comcast.com with SQL', () => {
    assert.equal(stdout('query').trim(), String(EXPECTED.user1Rows), 'purchases_by_example2.count()');
  });
  it('shows exactly the selected rows', () => {
    const rows = stdout('show-query')
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.includes('Host'));
    assert.equal(rows.length, EXPECTED.user1Rows, 'data lines in show()');
  });
  it('converts the result to a danfo DataFrame whose shape prints as pandas’ (rows, columns)', () => {
    assert.equal(stdout('to-danfo').trim(), `(${EXPECTED.user1Rows}, 6)`, 'df.shape');
  });

  describe('describe()', () => {
    let table: Map<string, Map<string, string>>;
    before(() => {
      table = parseDescribe(stdout('describe'));
    });
    it('is shown as pandas’ HTML table, with the text beside it', () => {
      const html = cell('describe')
        .media.map((m) => m['text/html'] ?? '')
        .join('');
      assert.match(html, /<table border="1" class="dataframe">/, 'a dataframe table');
      assert.match(
        html,
        /<th>top<\/th>\n(?: {6}<td>[^<]*<\/td>\n)* {6}<td>user1\.comcast\.com<\/td>/,
        'top in a row',
      );
    });
    it('has pandas row labels count, unique, top, freq', () => {
      assert.deepEqual([...table.keys()], ['count', 'unique', 'top', 'freq'], 'row labels');
    });
    it('counts the Host values, one of them, user1.comcast.com every time', () => {
      assert.deepEqual(
        ['count', 'unique', 'top', 'freq'].map((stat) => table.get(stat)?.get('Host')),
        [String(EXPECTED.user1Rows), '1', 'user1.comcast.com', String(EXPECTED.user1Rows)],
        'Host column',
      );
    });
    it('counts only the non-null descriptions', () => {
      assert.deepEqual(
        ['count', 'unique', 'top', 'freq'].map((stat) => table.get(stat)?.get('description')),
        [String(EXPECTED.user1Descriptions), '1', 'very sharp sword', String(EXPECTED.user1Descriptions)],
        'description column',
      );
    });
    it('takes the first timestamp as top when all are equally frequent', () => {
      assert.deepEqual(
        ['unique', 'top', 'freq'].map((stat) => table.get(stat)?.get('timestamp')),
        [String(EXPECTED.user1Rows), EXPECTED.firstUser1Timestamp, '1'],
        'timestamp column',
      );
    });
  });

  it('draws the chart inline as SVG, a PNG of it in the same output', () => {
    assert.ok(hasChart([cell('chart')]), 'an image output');
    const [chart] = cell('chart').media;
    assert.match(
      chart['image/svg+xml'] ?? '',
      /<svg[\s\S]*user2\.att\.com[\s\S]*<\/svg>/,
      'an SVG naming the hosts',
    );
    const png = Buffer.from(chart['image/png'] ?? '', 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG beside it');
  });
});

describe('Notebook > querying-purchases.ipynb without data', () => {
  it("fails with the kernel's message and writes no notebook", async () => {
    const work = await mkdtemp(join(tmpdir(), 'notebook-test-'));
    const missing = testDir('notebook-missing');
    try {
      await assert.rejects(
        executeNotebook({
          input: join(REPO_ROOT, 'notebooks', 'querying-purchases.ipynb'),
          output: join(work, 'out.ipynb'),
          env: { PURCHASES_DIR: missing },
        }),
        (err: unknown) => {
          assert.ok(err instanceof NotebookError, 'a NotebookError');
          assert.match(
            err.message,
            new RegExp(`${missing} does not exist in HDFS`),
            "the reader's message from the cell",
          );
          return true;
        },
      );
      await assert.rejects(readFile(join(work, 'out.ipynb')), /ENOENT/, 'no output notebook');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
