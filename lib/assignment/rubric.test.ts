import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCells } from '../jupyter/executed-notebook.js';
import { ASSIGNMENT_NOTEBOOK, STARTER_DIR } from './programs.js';
import { CHECK_IDS, loadRubric, parseRubric } from './rubric.js';

describe('Assignment > rubric', () => {
  it('the shipped rubric counts every check, and passing takes its points', () => {
    const rubric = loadRubric(undefined);
    assert.deepEqual(Object.keys(rubric.points).sort(), [...CHECK_IDS].sort());
    const total = Object.values(rubric.points).reduce((a, b) => a + b, 0);
    assert.ok(rubric.passingPoints > 0 && rubric.passingPoints <= total);
    assert.ok(rubric.newRoutes >= 1);
  });

  it("the starter's notebook has one answer cell, tagged question:<id>, per question of the rubric", () => {
    const cells = codeCells(readFileSync(join(STARTER_DIR, ASSIGNMENT_NOTEBOOK), 'utf8'));
    const tags = cells.flatMap((c) => c.tags.filter((t) => t.startsWith('question:')));
    assert.deepEqual(
      tags,
      loadRubric(undefined).questions.map((q) => `question:${q.id}`),
    );
    assert.ok(
      cells.every((c) => c.text === ''),
      'the starter notebook carries no outputs',
    );
  });

  it('defaults passingPoints to every point and newRoutes to 2', () => {
    const rubric = parseRubric('{"points": {"routes": 2, "events": 3}}');
    assert.deepEqual([rubric.passingPoints, rubric.newRoutes, rubric.questions], [5, 2, []]);
  });

  it('says what is wrong with a rubric an instructor edited', () => {
    assert.throws(() => parseRubric('{"points": {"route": 2}}', 'rubric.json'), {
      message: /rubric\.json: "points" names an unknown check "route"; the checks are routes, events/,
    });
    assert.throws(
      () => parseRubric('{"points": {"routes": 2}, "passingPoints": 3}'),
      /no larger than the 2 points/,
    );
    assert.throws(() => parseRubric('{"points": {"routes": -1}}'), /"routes" is a whole number of points/);
    assert.throws(
      () => parseRubric('{"points": {}, "questions": [{"id": "q"}]}'),
      /every question has an "id"/,
    );
    assert.throws(() => parseRubric('not json'), /not JSON/);
  });
});
