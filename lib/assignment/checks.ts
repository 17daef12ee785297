// The assignment's grade: the student's work judged from its evidence, whatever they named their routes
// and events. A new route counts when the API's access log, ab's own summary and the topic agree on it:
// its 200s, per host, equal the events of one event type of its own, so events written straight to the
// topic (no route, no access-log line) cannot pass. Pure functions on gathered evidence, unit-tested.
import type { CodeCell } from '../jupyter/executed-notebook.js';
import { compareNames } from '../spark/schema.js';
import { countRequests, typesWithoutTable, type Evidence } from '../walkthrough/checks.js';
import type { Check } from '../walkthrough/grade.js';
import type { BenchResult, PlannedRun } from './bench-runs.js';
import type { CheckId, Question, Rubric } from './rubric.js';

/** The course's starting routes and the event types they produce: everything else is the student's. */
export const STARTING_ROUTES = ['/', '/purchase_a_sword'];
export const STARTING_EVENT_TYPES = ['default', 'purchase_sword'];
/** What every event carries without the student's doing: its type and the request headers ab sends. */
const DEFAULT_FIELDS = ['event_type', 'Host', 'User-Agent', 'Accept'];

export interface AssignmentEvidence extends Evidence {
  /** the student's folder, as they name it in a hint (`assignment`) */
  folder: string;
  bench: {
    /** ab-runs.txt, or why it could not be read */
    planned: PlannedRun[] | { error: string };
    /** what `ab` reported in step 5's run; null when step 5 has not run */
    results: BenchResult[] | null;
  };
  /** the grade's own answer to each question, on what filtered_writes wrote; an error when it could not ask */
  answers: Record<string, { value: string } | { error: string }>;
}

/** A new route as the grade found it: what the student added. */
export interface RouteFinding {
  route: string;
  /** requests ab got a 2xx for, per Host */
  byHost: Record<string, number>;
  /** `"GET <route> …" 200` lines in the access log */
  answered200: number;
  /** ab's requests to it */
  sent: number;
  /** the bytes of its answer (ab's Document Length) */
  documentBytes: number;
  /** the event type whose events match its 200s, host by host */
  eventType?: string;
  /** that type's fields beyond the default ones */
  ownFields: string[];
}

export interface GradedCheck {
  id: CheckId;
  title: string;
  /** the walkthrough's step it looks at, for the score table */
  step: string;
  passed: boolean;
  points: number;
  max: number;
  /** when it fails: what is missing and what to change */
  hint: string;
  /** what it found */
  evidence: string;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The event types no starting route produces, in order of first appearance in the topic. */
export const newEventTypes = (e: Evidence) =>
  Object.keys(e.topic.digest.byType).filter((t) => !STARTING_EVENT_TYPES.includes(t));

/** A type's fields beyond the default ones (the default event's, the type, the headers ab sends). */
export function ownFields(e: Evidence, eventType: string): string[] {
  const fields = e.topic.digest.fieldsByType;
  const defaults = new Set([...DEFAULT_FIELDS, ...(fields.default ?? [])]);
  return (fields[eventType] ?? []).filter((f) => !defaults.has(f)).sort(compareNames);
}

/**
 * The student's new routes (those ab sent requests to, beyond the starting ones), each matched to the one
 * event type whose events equal its 200s in the access log and ab's 2xx answers per host.
 */
export function findRoutes(e: AssignmentEvidence): RouteFinding[] {
  const results = e.bench.results ?? [];
  const routes = [...new Set(results.map((r) => r.path))].filter((p) => !STARTING_ROUTES.includes(p));
  const unmatched = newEventTypes(e);
  const { byType, byTypeAndHost } = e.topic.digest;
  return routes.map((route) => {
    const runs = results.filter((r) => r.path === route);
    const byHost: Record<string, number> = {};
    for (const run of runs) byHost[run.host] = (byHost[run.host] ?? 0) + run.answered2xx;
    const answered200 = countRequests(e.accessLog, route);
    const answered = sum(Object.values(byHost));
    const eventType =
      answered > 0 && answered === answered200
        ? unmatched.find(
            (t) =>
              byType[t] === answered &&
              Object.entries(byHost).every(([host, n]) => (byTypeAndHost[`${t} ${host}`] ?? 0) === n),
          )
        : undefined;
    if (eventType) unmatched.splice(unmatched.indexOf(eventType), 1);
    return {
      route,
      byHost,
      answered200,
      sent: sum(runs.map((r) => r.complete)),
      documentBytes: Math.min(...runs.map((r) => r.documentBytes)),
      ...(eventType && { eventType }),
      ownFields: eventType ? ownFields(e, eventType) : [],
    };
  });
}

interface Verdict {
  passed: boolean;
  /** the hint when it fails, the evidence when it passes */
  text: string;
}
const ok = (text: string): Verdict => ({ passed: true, text });
const no = (text: string): Verdict => ({ passed: false, text });

const lab = 'npm run lab -- --keep-running';

const noNewRoute = (folder: string) =>
  `no new route in ab's runs: add your routes in ${folder}/game_api.ts and their runs in ${folder}/ab-runs.txt (step 5)`;

function benchProblem(e: AssignmentEvidence): string | undefined {
  if ('error' in e.bench.planned) return e.bench.planned.error;
  if (e.bench.results === null) return `step 5 has not run: run \`${lab}\` (or npm run lab:step-5)`;
  const runs = (list: PlannedRun[]) => list.map((r) => `${r.host} ${r.path}`).join('\n');
  if (runs(e.bench.planned) !== runs(e.bench.results)) {
    return `${e.folder}/ab-runs.txt is not what step 5 ran: run \`${lab}\` again`;
  }
  return undefined;
}

function routesCheck(e: AssignmentEvidence, routes: RouteFinding[], rubric: Rubric): Verdict {
  const problem = benchProblem(e);
  if (problem) return no(problem);
  const f = e.folder;
  if (routes.length < rubric.newRoutes) {
    return no(
      `${routes.length} new route${routes.length === 1 ? '' : 's'} in ab's runs, the assignment asks for ${rubric.newRoutes}: ` +
        `add routes in ${f}/game_api.ts and a \`<host> <path>\` line per run in ${f}/ab-runs.txt (step 5)`,
    );
  }
  const wrong = routes.filter(
    (r) => r.answered200 === 0 || r.answered200 !== r.sent || r.documentBytes === 0,
  );
  if (wrong.length > 0) {
    return no(
      wrong
        .map((r) =>
          r.answered200 === 0
            ? `GET ${r.route} never answered 200 (${r.sent} requests sent): add the route in ${f}/game_api.ts (step 3)`
            : r.answered200 !== r.sent
              ? `GET ${r.route} answered 200 to ${r.answered200} of ${r.sent} requests: see the access log (report/run/game_api.log)`
              : `GET ${r.route} answered with an empty body: return a text from the route in ${f}/game_api.ts`,
        )
        .join('; '),
    );
  }
  return ok(
    routes.map((r) => `GET ${r.route}: ${r.answered200} × 200, ${r.documentBytes} bytes of text`).join('; '),
  );
}

function eventsCheck(e: AssignmentEvidence, routes: RouteFinding[]): Verdict {
  const problem = benchProblem(e);
  if (problem) return no(problem);
  const f = e.folder;
  const matched = new Set(routes.map((r) => r.eventType));
  const strays = newEventTypes(e).filter((t) => !matched.has(t));
  const missing = routes.filter((r) => !r.eventType);
  const plain = routes.filter((r) => r.eventType && r.ownFields.length === 0);
  const problems = [
    ...missing.map(
      (r) =>
        `no event type of its own matches the ${r.answered200} answers of GET ${r.route} (${describeHosts(r.byHost)}): ` +
        `send an event with a new event_type from that route in ${f}/game_api.ts`,
    ),
    ...plain.map(
      (r) =>
        `${r.eventType} (GET ${r.route}) has no field of its own beyond ${DEFAULT_FIELDS.join(', ')}: ` +
        `add one to its event in ${f}/game_api.ts (as the course's knife has a description)`,
    ),
    ...strays.map(
      (t) =>
        `${e.topic.digest.byType[t]} ${t} events in ${e.topic.name} come from no route ab called (not in the access log): ` +
        `events must come from the game API's routes (${f}/game_api.ts) and ${f}/ab-runs.txt`,
    ),
  ];
  if (routes.length === 0) problems.push(noNewRoute(f));
  if (problems.length > 0) return no(problems.join('; '));
  return ok(
    routes.map((r) => `GET ${r.route} → ${r.eventType} (own fields: ${r.ownFields.join(', ')})`).join('; '),
  );
}

const describeHosts = (byHost: Record<string, number>) =>
  Object.entries(byHost)
    .map(([host, n]) => `${n} as ${host}`)
    .join(', ') || 'no host';

function usersCheck(e: AssignmentEvidence, routes: RouteFinding[]): Verdict {
  const problem = benchProblem(e);
  if (problem) return no(problem);
  if (routes.length === 0) return no(noNewRoute(e.folder));
  const hosts = (r: RouteFinding) => Object.entries(r.byHost).filter(([, n]) => n > 0);
  const wrong = routes.filter((r) => hosts(r).length < 2 || !r.eventType);
  if (wrong.length > 0) {
    return no(
      wrong
        .map((r) =>
          hosts(r).length < 2
            ? `GET ${r.route} was called as ${hosts(r).length} user${hosts(r).length === 1 ? '' : 's'} (${describeHosts(r.byHost)}): ` +
              `add a run as a second host in ${e.folder}/ab-runs.txt (step 5)`
            : `GET ${r.route}'s answers per host (${describeHosts(r.byHost)}) match no event type's events per Host in ${e.topic.name}`,
        )
        .join('; '),
    );
  }
  return ok(
    routes
      .map((r) => `GET ${r.route}: ${describeHosts(r.byHost)}, as many ${r.eventType} events each`)
      .join('; '),
  );
}

function separateEventsCheck(e: AssignmentEvidence): Verdict {
  const summary = e.jobs.separate_events;
  const file = `${e.folder}/separate_events.ts`;
  if (!summary) return no(`separate_events has not run: run \`${lab}\` (or npm run lab:step-6)`);
  const types = Object.keys(e.topic.digest.byType);
  if (newEventTypes(e).length === 0) {
    return no(
      `no event type of your own in ${e.topic.name} to separate: add your routes (${e.folder}/game_api.ts), then a table for each of their types in ${file} (step 6)`,
    );
  }
  const missing = typesWithoutTable(summary, e.topic.digest.byType);
  return missing.length === 0
    ? ok(`${types.length} tables: ${types.join(', ')}`)
    : no(
        `no table with all the rows of ${missing.join(', ')}: filter and show() each event type in ${file} (step 6)`,
      );
}

function filteredWritesCheck(e: AssignmentEvidence): Verdict {
  const { parquet, dir } = e.purchases;
  const file = `${e.folder}/filtered_writes.ts`;
  if (!e.hdfs.up) return no(`HDFS does not answer (${e.hdfs.error}): run \`${lab}\``);
  if (!parquet || parquet.rows === 0) {
    return no(
      `no Parquet rows in ${dir}: run filtered_writes (step 8); its filter is is_purchase in ${file}`,
    );
  }
  const { byType } = e.topic.digest;
  const wrong = Object.entries(parquet.byType).filter(([type, n]) => byType[type] !== n);
  return wrong.length === 0
    ? ok(
        `${parquet.rows} rows in ${dir}: every ${parquet.eventTypes.join(', ')} event of ${e.topic.name}, nothing else`,
      )
    : no(
        wrong
          .map(
            ([type, n]) =>
              `${n} ${type} rows in ${dir}, ${byType[type] ?? 0} ${type} events in ${e.topic.name}`,
          )
          .join('; ') + `: the rows written must be all the events the filter keeps (${file}, step 8)`,
      );
}

/** A cell's answer: the last line it printed, without quotes or a BigInt's `n` (`2n` is 2). */
export function cellAnswer(cell: CodeCell): string {
  const lines = cell.text.trim().split('\n');
  return lines[lines.length - 1]
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .replace(/^(-?\d+)n$/, '$1');
}

const sameAnswer = (a: string, b: string) =>
  a === b || (a !== '' && b !== '' && !Number.isNaN(Number(a)) && Number(a) === Number(b));

function questionsCheck(e: AssignmentEvidence, questions: Question[]): Verdict {
  const notebook = `${e.folder}/querying-purchases.ipynb`;
  if (questions.length === 0) return ok('the rubric asks no question');
  if (e.notebook === null) return no(`the notebook has not run: run \`${lab}\` (or npm run lab:step-10)`);
  const problems = questions.flatMap((q) => {
    const tag = `question:${q.id}`;
    const cell = e.notebook!.find((c) => c.tags.includes(tag));
    const expected = e.answers[q.id];
    if (!cell) return [`"${q.question}": no cell tagged ${tag} in ${notebook}`];
    if (cell.failure)
      return [`"${q.question}": its cell failed (${cell.failure.split('\n')[0]}) in ${notebook}`];
    if (!cell.text.trim()) return [`"${q.question}": its cell (${tag}) shows no answer in ${notebook}`];
    if (!expected || 'error' in expected) {
      return [
        `"${q.question}": the grade could not query ${e.purchases.dir} (${expected?.error ?? 'no data'})`,
      ];
    }
    if (!sameAnswer(cellAnswer(cell), expected.value)) {
      return [
        `"${q.question}": the cell answers ${cellAnswer(cell)}, the data says ${expected.value} (${notebook})`,
      ];
    }
    return [];
  });
  return problems.length === 0
    ? ok(questions.map((q) => `${q.id} = ${(e.answers[q.id] as { value: string }).value}`).join(', '))
    : no(problems.join('; '));
}

const TITLES: Record<CheckId, { title: string; step: string }> = {
  routes: { title: 'each new route answers 200 with a text', step: '3' },
  events: { title: 'each new route sends an event_type of its own, with a field of its own', step: '5' },
  users: { title: 'ab called each new route as at least two users', step: '5' },
  separate_events: { title: 'separate_events shows a table per event type', step: '6' },
  filtered_writes: { title: 'filtered_writes writes exactly what its filter keeps', step: '8' },
  questions: { title: "the notebook's answers equal the grade's queries", step: '10' },
};

/** Every check the rubric counts (points > 0), in the walkthrough's order, with its points. */
export function gradeAssignment(e: AssignmentEvidence, rubric: Rubric, only?: CheckId): GradedCheck[] {
  const routes = findRoutes(e);
  const judge: Record<CheckId, () => Verdict> = {
    routes: () => routesCheck(e, routes, rubric),
    events: () => eventsCheck(e, routes),
    users: () => usersCheck(e, routes),
    separate_events: () => separateEventsCheck(e),
    filtered_writes: () => filteredWritesCheck(e),
    questions: () => questionsCheck(e, rubric.questions),
  };
  const ids = only ? [only] : (Object.keys(TITLES) as CheckId[]).filter((id) => (rubric.points[id] ?? 0) > 0);
  return ids.map((id) => {
    const verdict = judge[id]();
    const max = rubric.points[id] ?? 0;
    return {
      id,
      ...TITLES[id],
      passed: verdict.passed,
      points: verdict.passed ? max : 0,
      max,
      hint: verdict.passed ? '' : verdict.text,
      evidence: verdict.passed ? verdict.text : '',
    };
  });
}

export interface AssignmentScore {
  checks: GradedCheck[];
  points: number;
  total: number;
  /** the points meet the rubric's passingPoints */
  met: boolean;
}

export function scoreAssignment(checks: GradedCheck[], rubric: Rubric): AssignmentScore {
  const points = sum(checks.map((c) => c.points));
  return { checks, points, total: sum(checks.map((c) => c.max)), met: points >= rubric.passingPoints };
}

/** The checks as rows of the walkthrough's score table (and the report's). */
export function scoreRows(checks: GradedCheck[]): Check[] {
  return checks.map((c) => ({
    step: c.step,
    check: `${c.title} [${c.id}, ${c.points}/${c.max}]`,
    pass: c.passed,
    evidence: c.passed ? c.evidence : c.hint,
  }));
}
