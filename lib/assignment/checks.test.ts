import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GameEvent } from '../events/event.js';
import type { CodeCell } from '../jupyter/executed-notebook.js';
import type { JobSummary } from '../jobs/summary.js';
import { digestEvents } from '../walkthrough/checks.js';
import { studentAdditions } from './additions.js';
import type { BenchResult } from './bench-runs.js';
import { gradeAssignment, scoreAssignment, type AssignmentEvidence } from './checks.js';
import { parseRubric, type Rubric } from './rubric.js';

// A solution as the grade would find it after `npm run lab`, built from what the student's programs did:
// the routes with their event's own fields, and ab's runs (host, path, requests answered).
interface Route {
  path: string;
  /** the event the route sends; none: the route does not exist (404) */
  event?: Record<string, string>;
}
interface Solution {
  routes: Route[];
  runs: { host: string; path: string }[];
  /** the event types separate_events shows */
  separated: string[];
  /** the event types filtered_writes keeps */
  kept: string[];
  /** events written straight to the topic, without a request */
  injected?: GameEvent[];
  /** the notebook's answer per question id; none: the cell is as the starter has it */
  answers?: Record<string, string>;
}

const STARTING: Route[] = [
  { path: '/', event: { event_type: 'default' } },
  { path: '/purchase_a_sword', event: { event_type: 'purchase_sword' } },
];
const STARTING_RUNS = [
  { host: 'user1.comcast.com', path: '/' },
  { host: 'user1.comcast.com', path: '/purchase_a_sword' },
  { host: 'user2.att.com', path: '/purchase_a_sword' },
];

const rubric: Rubric = parseRubric(
  JSON.stringify({
    newRoutes: 2,
    points: { routes: 2, events: 3, users: 2, separate_events: 2, filtered_writes: 2, questions: 3 },
    questions: [
      { id: 'purchases', question: 'How many purchases?', sql: 'select count(*) from purchases' },
      { id: 'users', question: 'How many users?', sql: 'select count(distinct Host) from purchases' },
    ],
  }),
);

/** Everything the run would leave: the topic, the access log, ab's reports, the jobs, the notebook. */
function evidence(solution: Solution): AssignmentEvidence {
  const events: GameEvent[] = [];
  const log: string[] = [];
  const results: BenchResult[] = [];
  for (const run of solution.runs) {
    const route = solution.routes.find((r) => r.path === run.path);
    for (let i = 0; i < 10; i++) {
      log.push(
        `127.0.0.1 - - [02/Dec/2026 13:00:00] "GET ${run.path} HTTP/1.0" ${route?.event ? 200 : 404} -`,
      );
      if (route?.event) {
        events.push({
          ...route.event,
          Host: run.host,
          'User-Agent': 'ApacheBench/2.3',
          Accept: '*/*',
        } as unknown as GameEvent);
      }
    }
    results.push({
      ...run,
      complete: 10,
      answered2xx: route?.event ? 10 : 0,
      documentBytes: route?.event ? 17 : 207,
    });
  }
  events.push(...(solution.injected ?? []));
  const digest = digestEvents(events);
  const tables = solution.separated.map((type) => {
    const count = digest.byType[type] ?? 0;
    return {
      where: { column: 'event_type', value: type },
      count,
      shown: Array.from({ length: Math.min(count, 20) }, () => ({ event_type: type })),
    };
  });
  const written = events.filter((e) => solution.kept.includes(e.event_type));
  const byType: Record<string, number> = {};
  for (const e of written) byType[e.event_type] = (byType[e.event_type] ?? 0) + 1;
  const truth = {
    purchases: String(written.length),
    users: String(new Set(written.map((e) => e.Host)).size),
  };
  const cell = (id: string): CodeCell => ({
    number: 1,
    executionCount: 1,
    tags: [`question:${id}`],
    source: '',
    text: solution.answers?.[id] !== undefined ? `${solution.answers[id]}\n` : '',
    failure: null,
    media: [],
  });
  const summary: JobSummary = {
    job: 'separate_events',
    topic: 'events',
    partitions: 1,
    read: events.length,
    kept: events.length,
    rejected: 0,
    rejects: [],
    columns: [],
    tables,
  };
  return {
    folder: 'assignment',
    kafka: { up: true, clusterId: 'c1', brokers: 1 },
    hdfs: { up: true, endpoint: 'http://127.0.0.1:9870' },
    topic: { name: 'events', messages: events.length, digest },
    accessLog: log.join('\n'),
    followerLines: events.length,
    jobs: { separate_events: summary },
    purchases: {
      dir: '/tmp/purchases',
      entries: [{ name: '_SUCCESS', bytes: 0 }],
      parquet: { rows: written.length, eventTypes: Object.keys(byType), byType, columns: [], digest: 'd' },
    },
    listing: '',
    notebook: rubric.questions.map((q) => cell(q.id)),
    bench: { planned: solution.runs, results },
    answers: Object.fromEntries(
      rubric.questions.map((q) => [q.id, { value: truth[q.id as keyof typeof truth] }]),
    ),
  };
}

const failing = (e: AssignmentEvidence) =>
  Object.fromEntries(
    gradeAssignment(e, rubric)
      .filter((c) => !c.passed)
      .map((c) => [c.id, c.hint]),
  );

const POTION: Solution = {
  routes: [
    ...STARTING,
    { path: '/buy_a_potion', event: { event_type: 'potion_bought', potion: 'healing' } },
    { path: '/cast_a_spell', event: { event_type: 'spell_cast', spell: 'fireball', mana: '12' } },
  ],
  runs: [
    ...STARTING_RUNS,
    { host: 'user1.comcast.com', path: '/buy_a_potion' },
    { host: 'user2.att.com', path: '/buy_a_potion' },
    { host: 'user2.att.com', path: '/cast_a_spell' },
    { host: 'user3.verizon.com', path: '/cast_a_spell' },
  ],
  separated: ['default', 'purchase_sword', 'potion_bought', 'spell_cast'],
  kept: ['purchase_sword', 'potion_bought'],
  answers: { purchases: '40', users: '2' },
};

describe('Assignment > checks > gradeAssignment', () => {
  it('fails the untouched starting point, naming each missing part and the file to change', () => {
    const starter: Solution = {
      routes: STARTING,
      runs: STARTING_RUNS,
      separated: ['purchase_sword', 'default'],
      kept: ['purchase_sword'],
    };
    const failed = failing(evidence(starter));
    assert.deepEqual(Object.keys(failed), ['routes', 'events', 'users', 'separate_events', 'questions']);
    assert.match(
      failed.routes,
      /0 new routes .* asks for 2: add routes in assignment\/game_api\.ts .*assignment\/ab-runs\.txt/,
    );
    assert.match(failed.events, /no new route in ab's runs/);
    assert.match(failed.users, /no new route/);
    assert.match(failed.separate_events, /no event type of your own .*assignment\/separate_events\.ts/);
    assert.match(failed.questions, /"How many purchases\?": its cell \(question:purchases\) shows no answer/);
    const score = scoreAssignment(gradeAssignment(evidence(starter), rubric), rubric);
    assert.equal(score.points, 2, 'only filtered_writes, whose filter works as given');
    assert.equal(score.met, false);
  });

  it('passes a solution with names of its own: a potion and a spell, bought and cast by two users each', () => {
    const e = evidence(POTION);
    assert.deepEqual(failing(e), {});
    const score = scoreAssignment(gradeAssignment(e, rubric), rubric);
    assert.deepEqual([score.points, score.total, score.met], [14, 14, true]);
    assert.deepEqual(studentAdditions(e), [
      {
        route: '/buy_a_potion',
        eventType: 'potion_bought',
        ownFields: ['potion'],
        hosts: ['user1.comcast.com', 'user2.att.com'],
        requests: 20,
      },
      {
        route: '/cast_a_spell',
        eventType: 'spell_cast',
        ownFields: ['mana', 'spell'],
        hosts: ['user2.att.com', 'user3.verizon.com'],
        requests: 20,
      },
    ]);
  });

  it('does not pass events written straight to the topic, without a route', () => {
    const injected = ['user1.comcast.com', 'user2.att.com'].flatMap((host) =>
      Array.from(
        { length: 10 },
        () => ({ event_type: 'spell_cast', spell: 'fireball', Host: host }) as GameEvent,
      ),
    );
    // no route for the spell: ab's runs to it answer 404, the topic still holds spell_cast events
    const faked: Solution = {
      ...POTION,
      routes: POTION.routes.filter((r) => r.path !== '/cast_a_spell'),
      injected,
    };
    const failed = failing(evidence(faked));
    assert.match(failed.routes, /GET \/cast_a_spell never answered 200 \(20 requests sent\)/);
    assert.match(failed.events, /no event type of its own matches the 0 answers of GET \/cast_a_spell/);
    assert.match(failed.events, /20 spell_cast events in events come from no route ab called/);
    assert.match(failed.users, /\/cast_a_spell/);

    // the route exists, and more of its events were written straight to the topic: they do not add up
    const padded = failing(evidence({ ...POTION, injected: injected.slice(0, 5) }));
    assert.match(padded.events, /no event type of its own matches the 20 answers of GET \/cast_a_spell/);
    assert.match(padded.events, /25 spell_cast events in events come from no route ab called/);
  });

  it("grades the walkthrough's answer on what the assignment asks: one user per route, no field of their own", () => {
    const walkthrough: Solution = {
      routes: [
        ...STARTING,
        { path: '/purchase_a_shield', event: { event_type: 'purchase_shield' } },
        { path: '/join_a_guild', event: { event_type: 'join_guild' } },
        {
          path: '/purchase_a_knife',
          event: { event_type: 'purchase_knife', description: 'very sharp knife' },
        },
      ],
      runs: [
        { host: 'user1.comcast.com', path: '/' },
        { host: 'user1.comcast.com', path: '/purchase_a_sword' },
        { host: 'user2.att.com', path: '/purchase_a_shield' },
        { host: 'user2.att.com', path: '/join_a_guild' },
        { host: 'user1.comcast.com', path: '/purchase_a_knife' },
      ],
      separated: ['default', 'purchase_sword', 'purchase_shield', 'join_guild', 'purchase_knife'],
      kept: ['purchase_sword'],
      answers: { purchases: '10', users: '1' },
    };
    const failed = failing(evidence(walkthrough));
    assert.deepEqual(Object.keys(failed), ['events', 'users']);
    assert.match(failed.events, /purchase_shield \(GET \/purchase_a_shield\) has no field of its own/);
    assert.doesNotMatch(failed.events, /purchase_knife/);
    assert.match(failed.users, /GET \/purchase_a_shield was called as 1 user \(10 as user2\.att\.com\)/);
  });

  it('asks for a new run when ab-runs.txt is not what step 5 ran', () => {
    const e = evidence(POTION);
    e.bench.planned = [...POTION.runs, { host: 'user4.sonic.net', path: '/buy_a_potion' }];
    const failed = failing(e);
    assert.match(
      failed.routes,
      /^assignment\/ab-runs\.txt is not what step 5 ran: run `npm run lab -- --keep-running` again$/,
    );
    assert.equal(failed.events, failed.routes);
  });

  it("fails filtered_writes when the rows written are not all of the kept types' events", () => {
    const e = evidence(POTION);
    e.purchases.parquet!.byType.potion_bought = 19;
    assert.match(
      failing(e).filtered_writes,
      /19 potion_bought rows in \/tmp\/purchases, 20 potion_bought events in events: .*assignment\/filtered_writes\.ts, step 8/,
    );
  });

  it('fails a question whose cell answers otherwise than the data, and accepts a quoted or BigInt equal', () => {
    assert.deepEqual(failing(evidence({ ...POTION, answers: { purchases: '40n', users: '"2"' } })), {});
    const wrong = failing(evidence({ ...POTION, answers: { purchases: '39', users: "'2'" } }));
    assert.deepEqual(Object.keys(wrong), ['questions']);
    assert.match(wrong.questions, /"How many purchases\?": the cell answers 39, the data says 40/);
    assert.doesNotMatch(wrong.questions, /users/);
  });

  it('grades one check alone with --check, whatever the rubric counts', () => {
    const checks = gradeAssignment(evidence(POTION), { ...rubric, points: { routes: 2 } }, 'users');
    assert.deepEqual(
      checks.map((c) => [c.id, c.passed, c.points, c.max]),
      [['users', true, 0, 0]],
    );
  });
});
