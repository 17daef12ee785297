// The instructor's rubric (rubric.json at the root of the starter, copied into the student's folder):
// which checks count and for how many points, how many routes of their own the student adds, what it
// takes to pass, and the notebook's questions with the queries that answer them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { RUBRIC_FILE, STARTER_DIR } from './programs.js';

/** Every check the assignment's grade knows, by id (lib/assignment/checks.ts judges them). */
export const CHECK_IDS = [
  'routes',
  'events',
  'users',
  'separate_events',
  'filtered_writes',
  'questions',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Question {
  /** the notebook cell that answers it is tagged `question:<id>` */
  id: string;
  question: string;
  /** the grade's own query on the table `purchases` (what filtered_writes wrote): one value */
  sql: string;
}

export interface Rubric {
  /** routes of their own the student adds (beyond `/` and `/purchase_a_sword`) */
  newRoutes: number;
  /** points per check; a check left out, or with 0 points, does not count */
  points: Partial<Record<CheckId, number>>;
  /** the points that meet the rubric (default: all of them) */
  passingPoints: number;
  questions: Question[];
}

const fail = (file: string, what: string): never => {
  throw new ConfigError(
    `${file}: ${what}`,
    `correct it (docs/assignment.md, "The rubric", shows every field)`,
  );
};

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Reads and checks a rubric's JSON text. */
export function parseRubric(text: string, file = RUBRIC_FILE): Rubric {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(file, `not JSON (${(err as Error).message})`);
  }
  const raw = json as { newRoutes?: unknown; points?: unknown; passingPoints?: unknown; questions?: unknown };
  const newRoutes = raw.newRoutes ?? 2;
  if (!isCount(newRoutes)) fail(file, '"newRoutes" is a whole number');
  if (typeof raw.points !== 'object' || raw.points === null) fail(file, '"points" maps check ids to points');
  const points: Rubric['points'] = {};
  for (const [id, value] of Object.entries(raw.points as object)) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) {
      fail(file, `"points" names an unknown check "${id}"; the checks are ${CHECK_IDS.join(', ')}`);
    }
    if (!isCount(value)) fail(file, `"points"."${id}" is a whole number of points`);
    points[id as CheckId] = value as number;
  }
  const total = Object.values(points).reduce((a, b) => a + b, 0);
  const passingPoints = raw.passingPoints ?? total;
  if (!isCount(passingPoints) || passingPoints > total) {
    fail(file, `"passingPoints" is a whole number no larger than the ${total} points the checks give`);
  }
  const questions = raw.questions ?? [];
  if (!Array.isArray(questions)) return fail(file, '"questions" is a list');
  const ids = new Set<string>();
  for (const q of questions as Partial<Question>[]) {
    if (
      typeof q?.id !== 'string' ||
      !/^[\w-]+$/.test(q.id) ||
      typeof q.question !== 'string' ||
      typeof q.sql !== 'string'
    ) {
      fail(file, 'every question has an "id" (letters, digits, - and _), a "question" and an "sql" query');
    }
    if (ids.has(q.id!)) fail(file, `question "${q.id}" is there twice`);
    ids.add(q.id!);
  }
  return {
    newRoutes: newRoutes as number,
    points,
    passingPoints: passingPoints as number,
    questions: questions as Question[],
  };
}

/** The student's rubric.json, else the starter's (the default the course ships). */
export function loadRubric(dir: string | undefined): Rubric {
  const own = dir && join(dir, RUBRIC_FILE);
  const file = own && existsSync(own) ? own : join(STARTER_DIR, RUBRIC_FILE);
  return parseRubric(readFileSync(file, 'utf8'), file);
}
