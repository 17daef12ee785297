// The grade's own answers to the notebook's questions: each question's query, run on what
// filtered_writes wrote, read back the way the notebook reads it (lib/notebook) and registered as
// `purchases`, as the notebook's cells do.
import { readParquet, registerTable, sql } from '../notebook/index.js';
import type { AssignmentEvidence } from './checks.js';
import type { Question } from './rubric.js';

/** The first column of the first row, as a cell would print it; an error when it cannot be asked. */
const message = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

export async function answerQuestions(
  purchasesDir: string,
  questions: Question[],
): Promise<AssignmentEvidence['answers']> {
  const answers: AssignmentEvidence['answers'] = {};
  if (questions.length === 0) return answers;
  try {
    await registerTable('purchases', await readParquet(purchasesDir));
  } catch (err) {
    for (const q of questions) answers[q.id] = { error: message(err) };
    return answers;
  }
  for (const q of questions) {
    try {
      const [row] = (await sql(q.sql)).head(1);
      const value = row ? Object.values(row)[0] : undefined;
      answers[q.id] = value === undefined ? { error: `${q.sql} returned no row` } : { value: String(value) };
    } catch (err) {
      answers[q.id] = { error: message(err) };
    }
  }
  return answers;
}
