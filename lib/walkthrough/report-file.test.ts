import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER, readExplanations } from './report-explanations.js';
import { studentName, writeReport } from './report-file.js';
import type { ReportInput, ReportStep } from './report.js';

const FIXTURE_NOTEBOOK = join(import.meta.dirname, 'fixtures', 'querying-purchases.executed.ipynb');

const step = (id: number, output: string): ReportStep => ({
  id,
  title: `Step ${id}`,
  original: [`original ${id}`],
  explanation: `What step ${id} does.`,
  commands: [{ command: `node --import tsx labs/step_${id}.ts`, output, exitCode: 0 }],
  notes: [],
  ok: true,
  seconds: 1,
});

/** A run of steps 2 to `last`; each run prints something of its own, as real runs do. */
const run = (name: string, last = 10): Omit<ReportInput, 'explanations' | 'charts' | 'student'> => ({
  generatedAt: `${name}-time`,
  stack: 'local',
  seconds: 30,
  steps: Array.from({ length: last - 1 }, (_, i) => step(i + 2, `${name}: output of step ${i + 2}`)),
  checks: [{ step: '2', check: 'topic exists', pass: true, evidence: `${name} evidence` }],
});

/** What a student does in their editor: the placeholder of a block replaced by their text. */
function explain(path: string, key: string, text: string): void {
  const open = `<!-- explanation:${key} -->\n`;
  const markdown = readFileSync(path, 'utf8');
  assert.ok(markdown.includes(open + PLACEHOLDER), `an empty ${key} block to write in`);
  writeFileSync(path, markdown.replace(open + PLACEHOLDER, open + text));
}

describe('Walkthrough > report > the report file', () => {
  let dir: string;
  let readme: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-file-'));
    readme = join(dir, 'README.md');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every explanation the student wrote through the next runs, each under its step', () => {
    const first = writeReport(dir, run('first'), FIXTURE_NOTEBOOK);
    assert.equal(first.path, readme);
    assert.equal(first.explanations, 0);
    const mine = new Map([
      ['summary', 'Events go from the API through Kafka to HDFS.'],
      ['step-3', 'The API answers **200** once Kafka has the event.\n\n```\n$ curl localhost:5000/\n```'],
      ['step-8', '  Indented: Parquet, written atomically.\n\n- one\n- two'],
    ]);
    for (const [key, text] of mine) explain(readme, key, text);

    const second = writeReport(dir, run('second'), FIXTURE_NOTEBOOK);
    const markdown = readFileSync(readme, 'utf8');
    assert.equal(second.explanations, 3);
    assert.equal(second.kept, undefined, 'only the blocks were edited: no copy of the old report');
    assert.deepEqual(readExplanations(markdown), mine, 'every explanation, to the character');
    assert.ok(markdown.includes('second: output of step 3') && !markdown.includes('first:'), 'the new run');
    const step3 = markdown.slice(markdown.indexOf('### Step 3:'), markdown.indexOf('### Step 4:'));
    assert.ok(step3.includes(mine.get('step-3')!), 'step 3 explained under step 3');

    writeReport(dir, run('third'), FIXTURE_NOTEBOOK);
    assert.deepEqual(readExplanations(readFileSync(readme, 'utf8')), mine, 'and again on the run after');
  });

  it('keeps the explanations of steps a run did not reach, and puts them back when a run reaches them', () => {
    writeReport(dir, run('full'), FIXTURE_NOTEBOOK);
    explain(readme, 'step-9', 'The listing shows _SUCCESS.');
    writeReport(dir, run('stopped', 5), FIXTURE_NOTEBOOK);
    const stopped = readFileSync(readme, 'utf8');
    assert.ok(!stopped.includes('### Step 9:'), 'the run stopped at step 5');
    assert.ok(stopped.includes('### Step 9\n\n<!-- explanation:step-9 -->\nThe listing shows _SUCCESS.'));
    writeReport(dir, run('full again'), FIXTURE_NOTEBOOK);
    const again = readFileSync(readme, 'utf8');
    const step9 = again.slice(again.indexOf('### Step 9:'), again.indexOf('### Step 10:'));
    assert.ok(step9.includes('The listing shows _SUCCESS.'), 'back under step 9');
    assert.doesNotMatch(again, /did not reach/);
  });

  it('keeps the old report whole beside the new one when the student wrote outside the blocks', () => {
    writeReport(dir, run('first'), FIXTURE_NOTEBOOK);
    explain(readme, 'step-2', 'Inside.');
    const edited = readFileSync(readme, 'utf8').replace(
      '## Grade\n',
      '## Grade\n\nA note outside any block.\n',
    );
    writeFileSync(readme, edited);

    const written = writeReport(dir, run('second'), FIXTURE_NOTEBOOK);
    assert.ok(written.kept, 'the old report is kept');
    assert.match(written.kept, /README\.edited-[\d-]+T[\d-]+Z\.md$/);
    assert.equal(readFileSync(written.kept, 'utf8'), edited, 'byte for byte');
    assert.equal(readExplanations(readFileSync(readme, 'utf8')).get('step-2'), 'Inside.', 'and carried over');

    writeReport(dir, run('third'), FIXTURE_NOTEBOOK);
    assert.equal(
      readdirSync(dir).filter((f) => f.startsWith('README.edited-')).length,
      1,
      'no copy when untouched',
    );
  });

  it('keeps the whole text when it holds a marker of its own', () => {
    writeReport(dir, run('first'), FIXTURE_NOTEBOOK);
    const text = 'Before the marker.\n<!-- /explanation -->\nAfter the marker.';
    explain(readme, 'step-4', text);
    const written = writeReport(dir, run('second'), FIXTURE_NOTEBOOK);
    assert.ok(
      written.kept && readFileSync(written.kept, 'utf8').includes(text),
      'the old report has all of it',
    );
    assert.equal(readExplanations(readFileSync(readme, 'utf8')).get('step-4'), 'Before the marker.');
  });

  it("writes the notebook's chart beside the report and embeds it under the notebook's step", () => {
    const written = writeReport(dir, run('first'), FIXTURE_NOTEBOOK);
    assert.deepEqual(written.charts, [join(dir, 'querying-purchases-chart-2.png')]);
    assert.ok(existsSync(written.charts[0]));
    const markdown = readFileSync(readme, 'utf8');
    const step10 = markdown.slice(markdown.indexOf('### Step 10:'));
    assert.match(step10, /^!\[Purchases per Host\]\(querying-purchases-chart-2\.png\)$/m);

    writeReport(dir, run('no notebook', 9), join(dir, 'missing.executed.ipynb'));
    assert.equal(existsSync(written.charts[0]), false, 'no chart left from the run before');
    assert.doesNotMatch(readFileSync(readme, 'utf8'), /!\[/);
  });

  it('names the student given with --name, and keeps that name on the runs after', () => {
    const studentLine = () =>
      readFileSync(readme, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('Student: '));
    writeReport(dir, run('first'), FIXTURE_NOTEBOOK, '  Grace <Hopper> --> ');
    assert.match(studentLine() ?? '', /^Student: \*\*Grace \\<Hopper\\> --\\>\*\* · /);
    explain(readme, 'step-2', 'Mine.');
    const second = writeReport(dir, run('second'), FIXTURE_NOTEBOOK);
    assert.match(studentLine() ?? '', /^Student: \*\*Grace \\<Hopper\\> --\\>\*\* · /, 'kept without --name');
    assert.equal(second.kept, undefined, 'remembering the name is no edit of the student’s');
    writeReport(dir, run('third'), FIXTURE_NOTEBOOK, 'Ada Lovelace');
    assert.match(studentLine() ?? '', /^Student: \*\*Ada Lovelace\*\* · /, 'a new name replaces it');
    assert.equal(readExplanations(readFileSync(readme, 'utf8')).get('step-2'), 'Mine.');
  });

  it("takes git's user.name when no name was given, and remembers none", () => {
    assert.deepEqual(studentName(' Grace Hopper ', undefined), {
      name: 'Grace Hopper',
      given: 'Grace Hopper',
    });
    assert.equal(studentName(undefined, '# a report without a name\n').given, undefined);
  });
});
