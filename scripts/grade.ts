// npm run lab:grade — grades the current state (Kafka, HDFS, and what the run left in report/run) without
// running anything. Exits 1 when a check fails; every failing check says which step to run.
import { runMain } from '../lib/cli.js';
import type { LabConfig } from '../lib/config.js';
import { gradeEvidence } from '../lib/walkthrough/checks.js';
import { gatherEvidence } from '../lib/walkthrough/evidence.js';
import { formatScoreTable, score, type Check } from '../lib/walkthrough/grade.js';
import { RUN_DIR } from '../lib/walkthrough/records.js';
import { configFromOptions, stackOptions } from './step.js';

export async function gradeRun(config: LabConfig, runDir = RUN_DIR): Promise<Check[]> {
  return gradeEvidence(await gatherEvidence(config, runDir));
}

runMain(
  import.meta.url,
  {
    command: 'npm run lab:grade --',
    summary: "Grades the lab's current state from its evidence (Kafka, HDFS, report/run); runs nothing.",
    options: stackOptions(false),
  },
  async ({ values }) => {
    const checks = await gradeRun(configFromOptions(values));
    console.log(formatScoreTable(checks));
    return score(checks).allPassed ? 0 : 1;
  },
);
