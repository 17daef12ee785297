// The assignment's evidence: the walkthrough's (Kafka, HDFS, report/run), plus the student's ab runs as
// they listed them and as ab reported them, and the grade's own answers to the notebook's questions.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LabConfig } from '../config.js';
import { gatherEvidence } from '../walkthrough/evidence.js';
import { readStepRecord } from '../walkthrough/records.js';
import { benchResults, parseBenchRuns } from './bench-runs.js';
import type { AssignmentEvidence } from './checks.js';
import { BENCH_RUNS_FILE } from './programs.js';
import { answerQuestions } from './questions.js';
import type { Rubric } from './rubric.js';

/** ab-runs.txt, read and checked; what is wrong with it otherwise. */
export function readPlannedRuns(dir: string): AssignmentEvidence['bench']['planned'] {
  const file = join(dir, BENCH_RUNS_FILE);
  const shown = `${basename(dir)}/${BENCH_RUNS_FILE}`;
  if (!existsSync(file)) {
    return { error: `no ${shown}: list your Apache Bench runs there, one \`<host> <path>\` a line` };
  }
  try {
    return parseBenchRuns(readFileSync(file, 'utf8'), shown);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export async function gatherAssignmentEvidence(
  config: LabConfig,
  runDir: string,
  dir: string,
  rubric: Rubric,
): Promise<AssignmentEvidence> {
  const evidence = await gatherEvidence(config, runDir);
  const bench = readStepRecord(runDir, 5);
  return {
    ...evidence,
    folder: basename(dir),
    bench: { planned: readPlannedRuns(dir), results: bench ? benchResults(bench.commands) : null },
    answers: evidence.hdfs.up
      ? await answerQuestions(config.hdfs.purchasesDir, rubric.questions)
      : Object.fromEntries(rubric.questions.map((q) => [q.id, { error: 'HDFS does not answer' }])),
  };
}
