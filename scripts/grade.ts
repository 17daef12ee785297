#!/usr/bin/env tsx
// npm run lab:grade — grades the current state (Kafka, HDFS, the logs and records in report/run) without
// running anything. Exits 1 when a check fails; every failing check says which step to run.
import { describeError } from '../lib/errors.js';
import { formatScoreTable, score } from '../lib/walkthrough/grade.js';
import { gradeRun } from './walkthrough/grading.js';
import { stepEnvironment } from './walkthrough/step.js';

gradeRun(stepEnvironment()).then(
  (checks) => {
    console.log(formatScoreTable(checks));
    process.exit(score(checks).allPassed ? 0 : 1);
  },
  (err) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
