// querying-purchases.ipynb in a real browser: Debian's Chromium, driven by puppeteer-core (no browser
// download), opens the notebook in a real Jupyter Notebook (127.0.0.1, a free port, token
// authentication) against test data of its own in HDFS, then runs every cell. The kernel is set up as
// `npm run kernel:install` and `npm run notebook` do it (kernelspec and trust, in a throwaway Jupyter data
// folder). The notebook is a copy in a temporary folder (beside links to dist/ and node_modules/, which
// its cells import from), so the committed one is never saved over. Needs the stack, Jupyter, Chromium
// (scripts/bootstrap.sh) and `npm run build`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startNotebookServer, type NotebookServer } from '../../lib/jupyter/server.js';
import { setUpKernel } from '../../lib/jupyter/setup.js';
import { readParquet } from '../../lib/notebook/read-parquet.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { freePort } from '../../lib/process/ports.js';
import { showString } from '../../lib/spark/show.js';
import { EXPECTED, hdfs, testDir, writeTestPurchases } from './notebook-data.js';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps reaching out, and this machine's closed network
// refuses it; --headless=new is Chromium's own headless mode (puppeteer adds none with headless: false).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const NOTEBOOK = 'querying-purchases.ipynb';
// where Jupyter's text outputs would wrap (white-space: pre-wrap) a show() table
const VIEWPORT = { width: 800, height: 1000 };
// upper bounds against a hang, never a measure: the kernel starts in ~5 s, the cells run in ~15 s
const KERNEL_START_MS = 90_000;
const RUN_ALL_MS = 240_000;

/** What the page tells about one code cell (read in the browser through Jupyter's own JS API). */
interface CellView {
  tags: string[];
  prompt: number | string | null;
  /** the text of its HTML <pre> outputs (show()'s tables), one per output */
  pres: string[];
  /** visual lines of each <pre> as laid out: a wrapped line counts twice */
  preLines: number[];
  preWhiteSpace: string[];
  /** the outerHTML of its <svg> outputs */
  svgs: string[];
  errors: number;
  text: string;
}

declare const Jupyter: {
  notebook: {
    trusted: boolean;
    kernel: { name: string; is_connected(): boolean } | null;
    get_cells(): {
      cell_type: string;
      metadata: { tags?: string[] };
      input_prompt_number?: number | string | null;
      output_area: { element: HTMLElement[] };
    }[];
    execute_all_cells(): void;
    insert_cell_at_bottom(type: string): { set_text(text: string): void; execute(): void };
  };
};

// Runs in the page. No named inner functions: tsx (esbuild, keepNames) would wrap them in a __name()
// helper that exists in Node, not in the page.
function readCells(page: Page): Promise<CellView[]> {
  return page.evaluate(() =>
    Jupyter.notebook
      .get_cells()
      .filter((cell) => cell.cell_type === 'code')
      .map((cell) => {
        const area = cell.output_area.element[0];
        const pres = [...area.querySelectorAll<HTMLElement>('.output_html pre')];
        return {
          tags: cell.metadata.tags ?? [],
          prompt: cell.input_prompt_number ?? null,
          pres: pres.map((pre) => pre.textContent ?? ''),
          preLines: pres.map((pre) => {
            const range = document.createRange();
            range.selectNodeContents(pre);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          }),
          preWhiteSpace: pres.map((pre) => getComputedStyle(pre).whiteSpace),
          svgs: [...area.querySelectorAll('svg')].map((svg) => svg.outerHTML),
          errors: area.querySelectorAll('.output_stderr, .output_error').length,
          text: area.innerText,
        };
      }),
  );
}

describe('Notebook > querying-purchases.ipynb in Chromium and Jupyter Notebook', { timeout: 600_000 }, () => {
  const dir = testDir('browser');
  let work: string;
  let server: NotebookServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let onOpen: CellView[];
  let afterRun: CellView[];
  const tagged = (cells: CellView[], tag: string) => {
    const found = cells.find((cell) => cell.tags.includes(tag));
    assert.ok(found, `a cell tagged ${tag}`);
    return found;
  };

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `${CHROMIUM} is missing: scripts/bootstrap.sh installs it (apt package chromium)`,
    );
    await writeTestPurchases(dir);
    work = await mkdtemp(join(tmpdir(), 'notebook-browser-'));
    // the cells import ../dist/lib/notebook from their folder; tslab finds node_modules/tslab from there
    await mkdir(join(work, 'notebooks'));
    await copyFile(join(REPO_ROOT, 'notebooks', NOTEBOOK), join(work, 'notebooks', NOTEBOOK));
    await symlink(join(REPO_ROOT, 'dist'), join(work, 'dist'));
    await symlink(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'));
    const env = { ...process.env, JUPYTER_DATA_DIR: join(work, 'jupyter-data'), PURCHASES_DIR: dir };
    const { python } = setUpKernel(['jupyter_client', 'nbformat', 'notebook'], env);
    server = await startNotebookServer({
      python,
      root: join(work, 'notebooks'),
      port: await freePort(),
      token: randomBytes(24).toString('hex'),
      dir: work,
      env,
    });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: false,
      args: CHROMIUM_ARGS,
      userDataDir: join(work, 'chromium'),
    });
    page = await browser.newPage();
    await page.setViewport(VIEWPORT);
    await page.goto(server.notebookUrl(NOTEBOOK), { waitUntil: 'load' });
    await page.waitForFunction(() => Jupyter.notebook?.kernel?.is_connected(), { timeout: KERNEL_START_MS });
    await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: KERNEL_START_MS });
    onOpen = await readCells(page);

    await page.evaluate(() => Jupyter.notebook.execute_all_cells());
    // every prompt shows * until the kernel's reply gives it its number
    await page.waitForFunction(
      () =>
        Jupyter.notebook
          .get_cells()
          .every((cell) => cell.cell_type !== 'code' || cell.input_prompt_number !== '*') &&
        document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null,
      { timeout: RUN_ALL_MS, polling: 500 },
    );
    afterRun = await readCells(page);
  });

  after(async () => {
    const chromium = browser?.process()?.pid;
    await browser?.close().catch(() => undefined);
    if (chromium !== undefined) {
      try {
        process.kill(chromium, 'SIGKILL'); // only if close() left it running
      } catch {
        // gone, as it should be
      }
    }
    await server?.stop();
    await hdfs.remove(dir);
    await rm(work, { recursive: true, force: true });
  });

  it('opens the notebook trusted: the committed chart is shown before anything runs', async () => {
    assert.equal(await page.evaluate(() => Jupyter.notebook.trusted), true, 'Jupyter.notebook.trusted');
    assert.match(tagged(onOpen, 'chart').svgs.join(''), /<svg[\s\S]*<\/svg>/, "the committed chart's SVG");
  });
  it('runs on the tslab kernel, shown as TypeScript', async () => {
    assert.equal(await page.evaluate(() => Jupyter.notebook.kernel?.name), 'tslab', 'kernel name');
    assert.equal(
      await page.$eval('.kernel_indicator_name', (el) => el.textContent),
      'TypeScript',
      'the kernel indicator',
    );
  });
  it('runs every cell: numbered prompts, no error output', () => {
    assert.deepEqual(
      afterRun.map((cell) => cell.prompt),
      afterRun.map((_, i) => i + 1),
      'In [1] … In [n], in order',
    );
    assert.deepEqual(
      afterRun.filter((cell) => cell.errors > 0).map((cell) => cell.text),
      [],
      'no stderr or error output',
    );
  });
  it("renders show()'s table as Spark prints it", async () => {
    const purchases = await readParquet(dir, { hdfs });
    assert.deepEqual(
      tagged(afterRun, 'show-all').pres,
      [showString(purchases.rows, purchases.columns)],
      'purchases.show() as text',
    );
    const query = tagged(afterRun, 'show-query').pres.join('');
    const data = query.split('\n').filter((line) => line.startsWith('|') && !line.includes('Host'));
    assert.equal(data.length, EXPECTED.user1Rows, 'the selected rows');
    assert.ok(
      data.every((line) => line.includes('user1.comcast.com')),
      'only user1.comcast.com',
    );
  });
  it('keeps every table line on one line in an 800 px window (no pre-wrap)', () => {
    for (const tag of ['show-all', 'show-query']) {
      const cell = tagged(afterRun, tag);
      assert.deepEqual(cell.preWhiteSpace, ['pre'], `${tag}: white-space`);
      assert.deepEqual(
        cell.preLines,
        cell.pres.map((text) => text.trimEnd().split('\n').length),
        `${tag}: laid-out lines = text lines`,
      );
    }
  });
  it('draws the chart as SVG, a bar per host', () => {
    const svg = tagged(afterRun, 'chart').svgs.join('');
    assert.match(svg, /user2\.att\.com/, 'the axis names user2.att.com');
    assert.equal((svg.match(/aria-roledescription="bar"/g) ?? []).length, 2, 'two bars');
  });
  it("shows a user's mistake as its message and hint, no kernel internals", async () => {
    await page.evaluate(() => {
      const cell = Jupyter.notebook.insert_cell_at_bottom('code');
      cell.set_text('await sql("select nope from purchases")');
      cell.execute();
    });
    await page.waitForFunction(
      () => {
        const last = Jupyter.notebook.get_cells().at(-1);
        return last?.input_prompt_number !== '*' && last?.output_area.element[0].innerText.includes('→');
      },
      { timeout: RUN_ALL_MS, polling: 500 },
    );
    const shown = (await readCells(page)).at(-1);
    assert.equal(shown?.errors, 1, 'one stderr output');
    assert.match(shown?.text ?? '', /^SqlError: SQL failed: Binder Error: .*"nope"/, "DuckDB's message");
    assert.match(
      shown?.text ?? '',
      /\n {2}→ check the query: select nope from purchases\s*$/,
      'the hint last',
    );
    assert.doesNotMatch(shown?.text ?? '', /executor\.js|node_modules|\{ hint/, 'no tslab frames');
  });
});
