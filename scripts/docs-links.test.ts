import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../lib/paths.js';
import { brokenLinks, docFiles, headingSlugs, markdownLinks } from './docs-links.js';

describe('docs links > headingSlugs', () => {
  it("makes GitHub's anchors: lower case, spaces to '-', punctuation dropped, repeats numbered", () => {
    const slugs = headingSlugs(
      [
        '# Node.js versions',
        "## The cluster's start-up",
        '## The batch jobs: `npm run bench:extract`',
        '## Set-up and the whole lab',
        '## Set-up and the whole lab',
        '```bash',
        '# a shell comment, not a heading',
        '```',
      ].join('\n'),
    );
    assert.deepEqual(
      [...slugs],
      [
        'nodejs-versions',
        'the-clusters-start-up',
        'the-batch-jobs-npm-run-benchextract',
        'set-up-and-the-whole-lab',
        'set-up-and-the-whole-lab-1',
      ],
    );
  });
});

describe('docs links > markdownLinks', () => {
  it('finds links and images with their lines, but none in code', () => {
    const links = markdownLinks(
      [
        'See [the stack](docs/stack.md#ports) and ![a picture](images/a.png "title").',
        '`[not a link](nowhere.md)`',
        '```',
        '[not a link either](nowhere.md)',
        '```',
        '[an address](https://example.org/page)',
      ].join('\n'),
    );
    assert.deepEqual(links, [
      { target: 'docs/stack.md#ports', line: 1 },
      { target: 'images/a.png', line: 1 },
      { target: 'https://example.org/page', line: 6 },
    ]);
  });
});

describe('docs links > brokenLinks', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'docs-links-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Fixture',
        '## Where next',
        '[good page](docs/page.md), [good anchor](docs/page.md#a-heading), [own anchor](#where-next)',
        '[missing page](docs/gone.md), [missing anchor](docs/page.md#no-such-heading), [external](https://x.invalid/)',
      ].join('\n'),
    );
    writeFileSync(join(root, 'docs', 'page.md'), '# Page\n\n## A heading\n\n[back](../README.md#fixture)\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reports a missing file and a missing heading, and nothing else', () => {
    assert.deepEqual(brokenLinks(root, docFiles(root)), [
      { file: 'README.md', line: 4, target: 'docs/gone.md', reason: 'no file docs/gone.md' },
      {
        file: 'README.md',
        line: 4,
        target: 'docs/page.md#no-such-heading',
        reason: 'no heading #no-such-heading in docs/page.md',
      },
    ]);
  });
});

describe('docs links > README.md and docs/*.md', () => {
  it('every relative link and #anchor resolves', () => {
    const broken = brokenLinks(REPO_ROOT, docFiles(REPO_ROOT));
    assert.deepEqual(
      broken.map((b) => `${b.file}:${b.line}: ${b.target}: ${b.reason}`),
      [],
      'broken links in the docs',
    );
  });

  it('docs/README.md links to every page in docs/', () => {
    const index = join(REPO_ROOT, 'docs', 'README.md');
    const linked = new Set(
      markdownLinks(readFileSync(index, 'utf8')).map(({ target }) => target.split('#')[0]),
    );
    const pages = docFiles(REPO_ROOT)
      .filter((file) => file.startsWith('docs') && basename(file) !== 'README.md')
      .map((file) => basename(file));
    assert.deepEqual(
      pages.filter((page) => !linked.has(page)),
      [],
      'pages missing from docs/README.md',
    );
  });
});
