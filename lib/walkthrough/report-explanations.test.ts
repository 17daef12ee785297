import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  editedOutsideExplanations,
  explanationBlock,
  PLACEHOLDER,
  readExplanations,
  stampFingerprint,
} from './report-explanations.js';

const report = (step3?: string, summary?: string) =>
  stampFingerprint(
    [
      '# Report',
      '',
      explanationBlock('summary', summary),
      '',
      '### Step 3: Run the game API',
      '',
      explanationBlock('step-3', step3),
      '',
      '## Grade',
    ].join('\n'),
  );

/** What a student does in an editor: replace the placeholder of one block with their text. */
const write = (markdown: string, key: string, text: string) =>
  markdown.replace(`<!-- explanation:${key} -->\n${PLACEHOLDER}`, `<!-- explanation:${key} -->\n${text}`);

describe('Walkthrough > report > explanations', () => {
  it('reads nothing from empty blocks: the placeholder is ours', () => {
    assert.deepEqual([...readExplanations(report())], []);
  });

  it('reads back exactly what the student wrote, in several paragraphs, with code and blank lines', () => {
    const text = 'The API turns each request into an event.\n\n```\nab -n 10 …\n```\n\n- acks=all';
    const edited = write(write(report(), 'step-3', text), 'summary', 'It works.');
    assert.deepEqual(
      [...readExplanations(edited)],
      [
        ['summary', 'It works.'],
        ['step-3', text],
      ],
    );
  });

  it('gives back any text that has no marker line of its own, as written', () => {
    const texts = [
      'Ünïcödé, emoji 🎯, right-to-left עברית, and a tab\there.',
      '| user | requests |\n|---|---:|\n| user1 | 10 |',
      '<details><summary>more</summary>\n\nhidden\n\n</details>',
      'a marker inside a line: <!-- explanation:step-9 --> stays text, as does <!-- /explanation --> here',
      `${PLACEHOLDER} and my words on the same line`,
      '    indented code\n\n\n\nafter three blank lines',
      '$ ab -n 10 -H "Host: user1.comcast.com" http://localhost:5000/ `backticks` \\ backslash',
      '<!-- a comment of my own -->\n# a heading\n---',
    ];
    for (const text of texts) {
      const edited = write(report(), 'step-3', text);
      assert.equal(readExplanations(edited).get('step-3'), text, text);
      assert.equal(editedOutsideExplanations(edited), false, text);
    }
  });

  it('renders what it read the same way again, so a run after a run changes nothing', () => {
    const edited = write(report(), 'step-3', 'Mine.');
    const again = report(readExplanations(edited).get('step-3'));
    assert.equal(again, edited);
    assert.deepEqual(readExplanations(again), readExplanations(edited));
  });

  it('does not count writing inside the blocks as an edit elsewhere', () => {
    assert.equal(editedOutsideExplanations(report()), false, 'the report as written');
    assert.equal(
      editedOutsideExplanations(write(report(), 'step-3', 'Mine.\n\nMore.')),
      false,
      'a block filled',
    );
    assert.equal(
      editedOutsideExplanations(report().replace('## Grade', '## Grade   ')),
      false,
      'trailing spaces',
    );
  });

  it('reads a report an editor saved with Windows line ends as the same report', () => {
    const edited = write(report(), 'step-3', 'Line one.\n\nLine two.');
    const crlf = edited.replace(/\n/g, '\r\n');
    assert.equal(editedOutsideExplanations(crlf), false);
    assert.equal(readExplanations(crlf).get('step-3'), 'Line one.\n\nLine two.');
  });

  it('sees an edit outside the blocks, a deleted marker, and a report without a fingerprint', () => {
    assert.equal(editedOutsideExplanations(report().replace('## Grade', '## Grade\n\nMy notes')), true);
    const unclosed = write(report(), 'summary', 'Kept anyway.').replace('<!-- /explanation -->\n', '');
    assert.equal(editedOutsideExplanations(unclosed), true, 'closing marker deleted');
    // the block runs on to the next one: more than the student wrote, but nothing of it lost
    assert.match(readExplanations(unclosed).get('summary') ?? '', /^Kept anyway\.\n/, 'its text still read');
    assert.equal(editedOutsideExplanations('# a report written by hand\n'), true, 'no fingerprint');
  });

  it('keeps both texts of a block that appears twice, and ignores the placeholder left above a text', () => {
    const twice = [
      explanationBlock('step-3', `${PLACEHOLDER}\nFirst.`),
      explanationBlock('step-3', 'Second.'),
    ].join('\n');
    assert.equal(readExplanations(twice).get('step-3'), 'First.\n\nSecond.');
  });
});
