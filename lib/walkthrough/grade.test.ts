import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatScoreTable, score, scoreTableMarkdown, type Check } from './grade.js';

const checks: Check[] = [
  { step: '2', check: 'topic exists', pass: true, evidence: 'events (1 partition)' },
  {
    step: '8',
    check: '/tmp/purchases has _SUCCESS',
    pass: false,
    evidence: 'no /tmp/purchases | run step 8',
  },
];

describe('Walkthrough > grade', () => {
  it('scores passed over total', () => {
    assert.deepEqual(score(checks), { passed: 1, total: 2, allPassed: false });
    assert.equal(score(checks.slice(0, 1)).allPassed, true);
  });

  it('prints one aligned row per check and the score', () => {
    const lines = formatScoreTable(checks).split('\n');
    assert.equal(lines.length, 6, 'header, rule, two rows, rule, score');
    assert.match(lines[2], /^2 {4}\| topic exists +\| ✔ pass \| events \(1 partition\)$/);
    assert.match(lines[3], /✘ FAIL/);
    assert.equal(lines[5], 'score: 1/2');
  });

  it('escapes pipes in Markdown cells', () => {
    assert.match(scoreTableMarkdown(checks), /no \/tmp\/purchases \\\| run step 8/);
  });
});
