import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatScoreTable, score, scoreTableMarkdown, walkthroughJson, type Check } from './grade.js';

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

  it('gives the JSON of lab:grade: an id per check (step and place in it), a point each, the hint when it fails', () => {
    const json = walkthroughJson([...checks, { step: '8', check: 'rows', pass: true, evidence: '10 rows' }]);
    assert.deepEqual(json, {
      checks: [
        { id: 'step2-1', title: 'topic exists', passed: true, points: 1, max: 1, hint: '' },
        {
          id: 'step8-1',
          title: '/tmp/purchases has _SUCCESS',
          passed: false,
          points: 0,
          max: 1,
          hint: 'no /tmp/purchases | run step 8',
        },
        { id: 'step8-2', title: 'rows', passed: true, points: 1, max: 1, hint: '' },
      ],
      points: 2,
      total: 3,
    });
  });
});
