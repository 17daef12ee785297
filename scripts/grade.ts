// npm run lab:grade — grades the current state (Kafka, HDFS, and what the run left in report/run) without
// running anything. Exits 1 when a check fails; every failing check says which step to run.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { gradeEvidence } from '../lib/walkthrough/checks.js';
import { gatherEvidence } from '../lib/walkthrough/evidence.js';
import { formatScoreTable, score, type Check } from '../lib/walkthrough/grade.js';
import { RUN_DIR } from '../lib/walkthrough/records.js';

export async function gradeRun(runDir = RUN_DIR): Promise<Check[]> {
  return gradeEvidence(await gatherEvidence(loadConfig(), runDir));
}

runMain(
  import.meta.url,
  {
    command: 'npm run lab:grade',
    summary: "Grades the lab's current state from its evidence (Kafka, HDFS, report/run); runs nothing.",
  },
  async () => {
    const checks = await gradeRun();
    console.log(formatScoreTable(checks));
    return score(checks).allPassed ? 0 : 1;
  },
);
