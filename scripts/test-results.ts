// What a test run ended with, for run-tests.mjs's closing lines: each test and suite as
// scripts/test-reporter.mjs wrote it, the `N passed, N failed, N skipped` line, and the skips CI refuses.
export interface TestResult {
  status: 'passed' | 'failed' | 'skipped';
  /** a describe(): it counts only when skipped (its tests never ran) or failed by itself (a hook) */
  suite: boolean;
  name: string;
  file?: string;
  /** why it was skipped, or the first line of its error */
  reason?: string;
}

/** A line of scripts/test-reporter.mjs: what Node's runner said of a test or suite that ended. */
export interface ReportedTest {
  passed: boolean;
  suite: boolean;
  name: string;
  file?: string;
  skip?: string | boolean;
  todo?: string | boolean;
  failureType?: string;
  message?: string;
}

/** One ended test or suite as a result; null for a suite whose only failure is a failing test in it. */
export function resultOf(reported: ReportedTest): TestResult | null {
  const { passed, suite, name, file } = reported;
  const base = { suite, name, file };
  // a todo test does not fail the run, whatever it does: it counts with the skipped ones
  const skip = reported.skip ?? reported.todo;
  if (skip !== undefined && skip !== false)
    return { ...base, status: 'skipped', reason: typeof skip === 'string' ? skip : undefined };
  if (passed) return { ...base, status: 'passed' };
  if (suite && reported.failureType === 'subtestsFailed') return null;
  return { ...base, status: 'failed', reason: reported.message };
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Tests passed, failed (a cancelled test and a suite's failing hook included) and skipped. */
export function countResults(results: TestResult[]): Counts {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) {
    if (result.suite && result.status === 'passed') continue;
    counts[result.status]++;
  }
  return counts;
}

export const closingLine = ({ passed, failed, skipped }: Counts) =>
  `${passed} passed, ${failed} failed, ${skipped} skipped`;

/** The results in the JSON lines the reporter wrote. */
export const parseResults = (text: string): TestResult[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => resultOf(JSON.parse(line) as ReportedTest))
    .filter((result): result is TestResult => result !== null);

/** A line per skipped test or suite, saying where it is and why. */
export const skipLines = (results: TestResult[]) =>
  results
    .filter((r) => r.status === 'skipped')
    .map((r) => `skipped: ${r.name}${r.file ? ` (${r.file})` : ''}: ${r.reason ?? 'no reason given'}`);

/**
 * Whether a skip fails this run: under CI every test it relies on must run, so a tool missing on the CI
 * machine fails the build instead of passing it unseen. `CI` is set by CI services (and .ci/run).
 */
export const skipsFail = (env: NodeJS.ProcessEnv) => !!env.CI && !/^(0|false)$/i.test(env.CI);
