// npm run lab:grade [-- --json] [--check ID] — grades the current state (Kafka, HDFS, and what the run left
// in report/run) without running anything. Once the assignment is started (assignment/), it grades the
// student's work against the rubric (lib/assignment); otherwise the walkthrough's checks. Exits 0 only when
// the rubric is met (every check passes, for the walkthrough); with --check ID, when that check passes.
import { runMain, UsageError } from '../lib/cli.js';
import type { LabConfig } from '../lib/config.js';
import { studentAdditions, type StudentAddition } from '../lib/assignment/additions.js';
import { gradeAssignment, scoreAssignment, scoreRows } from '../lib/assignment/checks.js';
import { gatherAssignmentEvidence } from '../lib/assignment/evidence.js';
import { activeAssignment } from '../lib/assignment/programs.js';
import { CHECK_IDS, loadRubric, type CheckId } from '../lib/assignment/rubric.js';
import { gradeEvidence } from '../lib/walkthrough/checks.js';
import { gatherEvidence } from '../lib/walkthrough/evidence.js';
import { formatScoreTable, walkthroughJson, type Check, type GradeJson } from '../lib/walkthrough/grade.js';
import { RUN_DIR } from '../lib/walkthrough/records.js';
import { configFromOptions, stackOptions } from './step.js';

export interface Grade {
  /** the score table's rows (the terminal, the report) */
  checks: Check[];
  json: GradeJson;
  /** the rubric is met; with `only`, that check passed */
  passed: boolean;
  /** the lines under the table: the rubric's points */
  summary?: string;
  /** once the assignment is started: what the student added, as the grade found it (for the report) */
  additions?: StudentAddition[];
}

export async function gradeRun(config: LabConfig, runDir = RUN_DIR, only?: string): Promise<Grade> {
  const assignment = activeAssignment();
  if (!assignment) {
    const checks = gradeEvidence(await gatherEvidence(config, runDir));
    const json = walkthroughJson(checks);
    const picked = only === undefined ? json.checks : json.checks.filter((c) => c.id === only);
    if (picked.length === 0) {
      throw new UsageError(
        `--check ${only}: the walkthrough's checks are ${json.checks.map((c) => c.id).join(', ')}`,
      );
    }
    const rows = only === undefined ? checks : checks.filter((_, i) => json.checks[i].id === only);
    return {
      checks: rows,
      json: { checks: picked, points: sumOf(picked, 'points'), total: sumOf(picked, 'max') },
      passed: picked.every((c) => c.passed),
    };
  }
  if (only !== undefined && !(CHECK_IDS as readonly string[]).includes(only)) {
    throw new UsageError(`--check ${only}: the assignment's checks are ${CHECK_IDS.join(', ')}`);
  }
  const rubric = loadRubric(assignment);
  const evidence = await gatherAssignmentEvidence(config, runDir, assignment, rubric);
  const graded = scoreAssignment(gradeAssignment(evidence, rubric, only as CheckId | undefined), rubric);
  return {
    checks: scoreRows(graded.checks),
    json: {
      checks: graded.checks.map(({ id, title, passed, points, max, hint }) => ({
        id,
        title,
        passed,
        points,
        max,
        hint,
      })),
      points: graded.points,
      total: graded.total,
    },
    passed: only === undefined ? graded.met : graded.checks.every((c) => c.passed),
    summary:
      only === undefined
        ? `points: ${graded.points}/${graded.total} (the rubric asks ${rubric.passingPoints}): ${graded.met ? 'met' : 'NOT met'}`
        : undefined,
    additions: studentAdditions(evidence),
  };
}

const sumOf = (checks: GradeJson['checks'], key: 'points' | 'max') => checks.reduce((n, c) => n + c[key], 0);

runMain(
  import.meta.url,
  {
    command: 'npm run lab:grade --',
    summary:
      "Grades the lab's current state from its evidence (Kafka, HDFS, report/run); runs nothing. Once the assignment is started, the student's work against the rubric.",
    options: {
      json: {
        type: 'boolean',
        help: 'print {checks:[{id,title,passed,points,max,hint}], points, total} as JSON',
      },
      check: {
        type: 'string',
        value: 'ID',
        help: 'grade this check alone; exit 0 when it passes (a GitHub Classroom test per check)',
      },
      ...stackOptions(false),
    },
  },
  async ({ values }) => {
    const grade = await gradeRun(configFromOptions(values), RUN_DIR, values.check as string | undefined);
    if (values.json === true) console.log(JSON.stringify(grade.json, null, 2));
    else {
      console.log(formatScoreTable(grade.checks));
      if (grade.summary) console.log(grade.summary);
    }
    return grade.passed ? 0 : 1;
  },
);
