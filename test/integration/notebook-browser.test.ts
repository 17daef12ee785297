// The lab's notebooks in a real browser, as a student opens them: Debian's Chromium driven by
// puppeteer-core (no browser download) against the lab's JupyterLab 4 and Notebook 7 (lib/jupyter:
// 127.0.0.1, a free port, token authentication), on test data of their own in Kafka and HDFS. Each
// notebook is opened, run with the menu's Run → Run All Cells, and read from the page as a student sees
// it: numbered prompts, no error output, tables rendered, charts visible. Each test saves a screenshot
// in its work folder; with NOTEBOOK_SCREENSHOT=<file> (`npm run notebook:screenshot`) the JupyterLab
// one of querying-purchases.ipynb goes there too, the README's picture. The kernel is set up as
// `npm run notebook` does it (kernelspec and trust, in a throwaway Jupyter data folder); the notebooks
// are copies in a temporary folder (beside links to dist/ and node_modules/, which their cells import
// from), so the committed ones are never saved over. Needs the stack, Chromium and `npm run build`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { codeCells } from '../../lib/jupyter/executed-notebook.js';
import { startNotebookServer, type JupyterInterface, type NotebookServer } from '../../lib/jupyter/server.js';
import { setUpKernel } from '../../lib/jupyter/setup.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { freePort } from '../../lib/process/ports.js';
import { waitFor } from '../../lib/wait-for.js';
import { deleteTopic, randomName } from './jobs-fixture.js';
import { EXPECTED, hdfs, testDir, writeTestEvents, writeTestPurchases } from './notebook-data.js';

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
const VIEWPORT = { width: 1280, height: 900 };
// upper bounds against a hang, never a measure: the kernel starts in ~5 s, the cells run in ~15 s
const KERNEL_START_MS = 120_000;
const RUN_ALL_MS = 240_000;

/** What the page shows of one code cell. */
interface CellView {
  /** the prompt's text: `[3]:`, `[*]:` while it runs, `[ ]:` before */
  prompt: string;
  /** outputs rendered as errors or stderr */
  errors: number;
  /** pandas-style tables (table.dataframe) with their rows */
  tables: { rows: number; headers: string[] }[];
  /** <pre> texts of HTML outputs (show()'s tables) */
  pres: string[];
  /** charts: SVG or PNG images, with the size they are drawn at */
  images: { kind: 'svg' | 'png'; width: number; height: number }[];
  text: string;
}

// Runs in the page. No named inner functions: tsx (esbuild, keepNames) would wrap them in a __name()
// helper that exists in Node, not in the page.
function readCells(page: Page): Promise<CellView[]> {
  return page.$$eval('.jp-Notebook .jp-CodeCell', (cells) =>
    cells.map((cell) => {
      const outputs = cell.querySelector('.jp-OutputArea');
      return {
        prompt: (cell.querySelector('.jp-InputArea-prompt')?.textContent ?? '').trim(),
        errors:
          outputs?.querySelectorAll(
            '[data-mime-type="application/vnd.jupyter.stderr"], [data-mime-type="application/vnd.jupyter.error"]',
          ).length ?? 0,
        tables: [...(outputs?.querySelectorAll('table.dataframe') ?? [])].map((table) => ({
          rows: table.querySelectorAll('tbody tr').length,
          headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        })),
        pres: [...(outputs?.querySelectorAll('.jp-RenderedHTMLCommon pre') ?? [])].map(
          (pre) => pre.textContent ?? '',
        ),
        images: [
          ...[...(outputs?.querySelectorAll('.jp-RenderedSVG svg, .jp-RenderedSVG img') ?? [])].map((el) => ({
            kind: 'svg' as const,
            width: el.getBoundingClientRect().width,
            height: el.getBoundingClientRect().height,
          })),
          ...[...(outputs?.querySelectorAll('.jp-RenderedImage img') ?? [])].map((el) => ({
            kind: 'png' as const,
            width: el.getBoundingClientRect().width,
            height: el.getBoundingClientRect().height,
          })),
        ],
        text: (outputs as HTMLElement | null)?.innerText ?? '',
      };
    }),
  );
}

/** A notebook's code-cell tags, in order, from the committed file (the page does not show them). */
async function cellTags(notebook: string): Promise<string[]> {
  const cells = codeCells(await readFile(join(REPO_ROOT, 'notebooks', notebook), 'utf8'));
  return cells.map((cell) => cell.tags[0] ?? '');
}

/** One browser page on one Jupyter: the notebook opened, run with Run → Run All Cells, read before and after. */
class NotebookSession {
  page!: Page;
  onOpen: CellView[] = [];
  afterRun: CellView[] = [];
  tags: string[] = [];
  screenshot = '';

  constructor(
    private readonly browser: Browser,
    private readonly server: NotebookServer,
    private readonly notebook: string,
    private readonly work: string,
    private readonly ui: JupyterInterface,
  ) {}

  async run(): Promise<void> {
    this.tags = await cellTags(this.notebook);
    this.page = await this.browser.newPage();
    await this.page.setViewport(VIEWPORT);
    await this.page.goto(this.server.notebookUrl(this.notebook), { waitUntil: 'load' });
    // the notebook is open with all its code cells, and its kernel has started and is idle
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell').length === n,
      { timeout: KERNEL_START_MS, polling: 500 },
      this.tags.length,
    );
    await waitFor(() => this.server.kernelsIdle(), {
      label: `the tslab kernel of ${this.notebook} to start`,
      timeoutMs: KERNEL_START_MS,
    });
    this.onOpen = await readCells(this.page);
    await this.menu('Run', 'Run All Cells');
    // the committed prompts are numbered already: first every cell queued ([*]:), then each numbered anew
    await this.page.waitForFunction(
      () =>
        [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')].some(
          (prompt) => (prompt.textContent ?? '').trim() === '[*]:',
        ),
      { timeout: RUN_ALL_MS, polling: 'mutation' },
    );
    await this.page.waitForFunction(
      () =>
        [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')].every((prompt) =>
          /^\[\d+\]:$/.test((prompt.textContent ?? '').trim()),
        ),
      { timeout: RUN_ALL_MS, polling: 500 },
    );
    await waitFor(() => this.server.kernelsIdle(), { label: 'the kernel to finish', timeoutMs: RUN_ALL_MS });
    // every output laid out where a student would scroll to (JupyterLab renders cells as they come into view)
    await this.page.$$eval('.jp-Notebook .jp-CodeCell', (cells) =>
      cells.forEach((cell) => cell.scrollIntoView()),
    );
    this.afterRun = await readCells(this.page);
    this.screenshot = join(this.work, `${this.ui}-${this.notebook.replace('.ipynb', '')}.png`);
    await this.showCell(this.tags.includes('describe') ? 'describe' : 'chart-types');
    await this.page.screenshot({ path: this.screenshot });
  }

  /** Clicks a menu bar item, then an item of the menu it opens, by their labels, as a mouse does. */
  private async menu(bar: string, item: string): Promise<void> {
    const click = async (selector: string, label: string) => {
      await this.page.waitForSelector(selector);
      for (const handle of await this.page.$$(selector)) {
        if ((await handle.evaluate((el) => el.textContent)) === label) return handle.click();
      }
      assert.fail(`no ${selector} labelled ${label}`);
    };
    await click('.lm-MenuBar-itemLabel', bar);
    await click('.lm-Menu-itemLabel', item);
  }

  /** Scrolls the code cell tagged `tag` to the top of the notebook's view. */
  async showCell(tag: string): Promise<void> {
    await this.page.$$eval(
      '.jp-Notebook .jp-CodeCell',
      (cells, index) => cells[index].scrollIntoView({ block: 'start' }),
      this.tags.indexOf(tag),
    );
    await new Promise((done) => setTimeout(done, 500)); // the scroll settles before the picture is taken
  }

  cell(cells: CellView[], tag: string): CellView {
    const index = this.tags.indexOf(tag);
    assert.ok(index >= 0 && cells[index], `a code cell tagged ${tag}`);
    return cells[index];
  }
}

/** Every code cell ran: numbered [1] … [n] in order, no error or stderr output. */
function assertRanClean(session: NotebookSession): void {
  assert.deepEqual(
    session.afterRun.map((cell) => cell.prompt),
    session.afterRun.map((_, i) => `[${i + 1}]:`),
    'prompts [1]: … [n]:, in order',
  );
  assert.deepEqual(
    session.afterRun.filter((cell) => cell.errors > 0).map((cell) => cell.text),
    [],
    'no stderr or error output',
  );
}

/** Charts drawn at a visible size, as SVG (a trusted notebook shows the SVG of the bundle). */
function assertChartShown(cell: CellView, what: string): void {
  assert.ok(cell.images.length > 0, `${what}: an image`);
  for (const image of cell.images) {
    assert.equal(image.kind, 'svg', `${what}: the SVG of the bundle`);
    assert.ok(image.width > 100 && image.height > 50, `${what}: drawn ${image.width} × ${image.height}`);
  }
}

describe('Notebook > the notebooks in Chromium on JupyterLab 4 and Notebook 7', { timeout: 900_000 }, () => {
  const purchases = testDir('browser');
  const events = posix.join(testDir('browser-events'), 'events');
  const topic = randomName('test-browser');
  let work: string;
  let env: NodeJS.ProcessEnv;
  let python: string;
  let browser: Browser | undefined;
  const servers: NotebookServer[] = [];

  const open = async (ui: JupyterInterface, notebook: string): Promise<NotebookSession> => {
    const server = await startNotebookServer({
      python,
      interface: ui,
      root: join(work, 'notebooks'),
      port: await freePort(),
      token: randomBytes(24).toString('hex'),
      dir: join(work, `${ui}-${notebook}`),
      // a workspace of its own: JupyterLab would reopen the notebooks of the one before
      env: { ...env, JUPYTERLAB_WORKSPACES_DIR: join(work, `${ui}-${notebook}`, 'workspaces') },
    });
    servers.push(server);
    const session = new NotebookSession(browser!, server, notebook, work, ui);
    await session.run();
    return session;
  };

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: \`sudo apt-get install chromium\``);
    await writeTestPurchases(purchases);
    await writeTestEvents(topic, events);
    work = await mkdtemp(join(tmpdir(), 'notebook-browser-'));
    await mkdir(join(work, 'notebooks'));
    for (const notebook of ['querying-purchases.ipynb', 'exploring-events.ipynb'])
      await copyFile(join(REPO_ROOT, 'notebooks', notebook), join(work, 'notebooks', notebook));
    await symlink(join(REPO_ROOT, 'dist'), join(work, 'dist'));
    await symlink(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'));
    env = {
      ...process.env,
      JUPYTER_DATA_DIR: join(work, 'jupyter-data'),
      // Jupyter's settings and workspaces of the test's own: nothing from the user's ~/.jupyter
      JUPYTER_CONFIG_DIR: join(work, 'jupyter-config'),
      JUPYTERLAB_SETTINGS_DIR: join(work, 'lab-settings'),
      PURCHASES_DIR: purchases,
      EVENTS_DIR: events,
    };
    ({ python } = setUpKernel(env));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: false,
      args: CHROMIUM_ARGS,
      userDataDir: join(work, 'chromium'),
    });
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
    for (const server of servers) await server.stop();
    await hdfs.remove(purchases);
    await hdfs.remove(posix.dirname(events));
    await deleteTopic(topic);
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe('querying-purchases.ipynb in JupyterLab', () => {
    let session: NotebookSession;
    before(async () => {
      session = await open('lab', 'querying-purchases.ipynb');
      if (process.env.NOTEBOOK_SCREENSHOT) {
        const picture = resolve(REPO_ROOT, process.env.NOTEBOOK_SCREENSHOT);
        await mkdir(dirname(picture), { recursive: true });
        await copyFile(session.screenshot, picture);
      }
    });

    it('opens trusted: the committed chart shows as SVG before anything runs', () => {
      assertChartShown(session.cell(session.onOpen, 'chart'), 'the committed chart');
    });
    it('runs every cell on the TypeScript kernel', async () => {
      assert.match(
        await session.page.$eval('.jp-KernelName', (el) => el.textContent ?? ''),
        /TypeScript/,
        "the toolbar's kernel name",
      );
      assertRanClean(session);
    });
    it("renders show()'s tables as Spark prints them, and describe() as pandas' HTML table", () => {
      const query = session.cell(session.afterRun, 'show-query').pres.join('');
      const data = query.split('\n').filter((line) => line.startsWith('|') && !line.includes('Host'));
      assert.equal(data.length, EXPECTED.user1Rows, 'the selected rows in show()');
      assert.deepEqual(
        session.cell(session.afterRun, 'describe').tables.map((table) => table.rows),
        [4],
        'describe(): one table, count / unique / top / freq',
      );
      assert.equal(
        session.cell(session.afterRun, 'to-danfo').text.trim(),
        `(${EXPECTED.user1Rows}, 6)`,
        'df.shape',
      );
    });
    it('draws the chart', () => {
      assertChartShown(session.cell(session.afterRun, 'chart'), 'purchases per host');
    });
    it('saves a screenshot', () => {
      assert.ok(existsSync(session.screenshot), session.screenshot);
    });
  });

  describe('exploring-events.ipynb in JupyterLab', () => {
    let session: NotebookSession;
    before(async () => {
      session = await open('lab', 'exploring-events.ipynb');
    });

    it('runs every cell', () => {
      assertRanClean(session);
    });
    it("renders the DataFrames as pandas' HTML tables", () => {
      assert.deepEqual(
        session.cell(session.afterRun, 'per-type-host').tables.map((table) => table.rows),
        [5],
        'a row per event type',
      );
      assert.deepEqual(
        session.cell(session.afterRun, 'describe-per-second').tables.map((table) => table.headers),
        [['', 'events']],
        'describe(): the index column, then events',
      );
    });
    it('draws both charts', () => {
      assertChartShown(session.cell(session.afterRun, 'chart-types'), 'events per type');
      assertChartShown(session.cell(session.afterRun, 'chart-per-second'), 'events per second');
    });
    it('saves a screenshot', () => {
      assert.ok(existsSync(session.screenshot), session.screenshot);
    });
  });

  describe('querying-purchases.ipynb in Notebook 7', () => {
    let session: NotebookSession;
    before(async () => {
      session = await open('notebook', 'querying-purchases.ipynb');
    });

    it('runs every cell, with its tables and its chart', () => {
      assertRanClean(session);
      assert.equal(session.cell(session.afterRun, 'describe').tables.length, 1, "describe(): pandas' table");
      assertChartShown(session.cell(session.afterRun, 'chart'), 'purchases per host');
    });
    it('saves a screenshot', () => {
      assert.ok(existsSync(session.screenshot), session.screenshot);
    });
  });
});
