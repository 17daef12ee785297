// The assignment on the real stack: a student's folder with routes of their own (a potion and a spell),
// run through the walkthrough's steps 2-8 on a topic and HDFS directory of the test's own, then graded
// from what the programs did. Events written straight to the topic afterwards fail the grade. The folder
// is a temporary one under the project's root (its programs import ../lib/…), removed afterwards; the
// stack stays up.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { studentAdditions } from '../../lib/assignment/additions.js';
import { gradeAssignment } from '../../lib/assignment/checks.js';
import { gatherAssignmentEvidence } from '../../lib/assignment/evidence.js';
import { loadRubric, type Rubric } from '../../lib/assignment/rubric.js';
import { startAssignment } from '../../lib/assignment/start.js';
import { loadConfig } from '../../lib/config.js';
import { createKafka } from '../../lib/kafka/client.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { stopBackground } from '../../lib/process/background.js';
import { emptyTopicAndOutput } from '../../lib/walkthrough/fresh-start.js';
import { backgroundProgram } from '../../lib/walkthrough/records.js';
import { runStep } from '../../scripts/step.js';
import { STEPS } from '../../scripts/steps/index.js';
import { freePort } from '../support/free-port.js';

function edit(file: string, before: string, after: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(before), `${file} has "${before}" to change`);
  writeFileSync(file, text.replace(before, after));
}

/** What a student writes: two routes with events of their own, their tables, a filter that keeps potions. */
function solve(dir: string): void {
  edit(
    join(dir, 'game_api.ts'),
    '  return {\n    app,',
    `  app.route('/buy_a_potion', async (request) => {
    await log_to_kafka(topic, { event_type: 'potion_bought', potion: 'healing' }, request);
    return 'Potion Bought!\\n';
  });

  app.route('/cast_a_spell', async (request) => {
    await log_to_kafka(topic, { event_type: 'spell_cast', spell: 'fireball' }, request);
    return 'Spell Cast!\\n';
  });

  return {
    app,`,
  );
  edit(
    join(dir, 'separate_events.ts'),
    "  return finishJob(jobSummary('separate_events'",
    `  for (const type of ['potion_bought', 'spell_cast']) {
    const events_of_type = extracted_events.filter('event_type', type);
    print(events_of_type.show());
    tables.push(shownTable(events_of_type, { column: 'event_type', value: type }));
  }

  return finishJob(jobSummary('separate_events'`,
  );
  edit(
    join(dir, 'filtered_writes.ts'),
    "return event.event_type === 'purchase_sword';",
    "return ['purchase_sword', 'potion_bought'].includes(event.event_type);",
  );
  appendFileSync(
    join(dir, 'ab-runs.txt'),
    'user1.comcast.com /buy_a_potion\nuser2.att.com /buy_a_potion\nuser2.att.com /cast_a_spell\nuser3.verizon.com /cast_a_spell\n',
  );
}

describe('Assignment > a solution of its own on the real stack', () => {
  it("grades the student's routes, events, tables and writes from what they did; injected events fail", async (t) => {
    Object.assign(process.env, {
      EVENTS_TOPIC: 'events_assignment_test',
      PURCHASES_DIR: '/tmp/assignment_test/purchases',
      API_PORT: String(await freePort()),
    });
    const dir = mkdtempSync(join(REPO_ROOT, '.assignment-test-'));
    const runDir = mkdtempSync(join(tmpdir(), 'assignment-run-'));
    process.env.LAB_ASSIGNMENT_DIR = dir;
    t.after(async () => {
      for (const name of ['kafka_follower', 'game_api'] as const)
        await stopBackground(backgroundProgram(runDir, name));
      delete process.env.LAB_ASSIGNMENT_DIR;
      rmSync(dir, { recursive: true, force: true });
      rmSync(runDir, { recursive: true, force: true });
    });
    rmSync(dir, { recursive: true });
    startAssignment(dir);
    solve(dir);

    const config = loadConfig();
    await emptyTopicAndOutput(config, () => undefined);
    for (const step of STEPS.filter((s) => s.id >= 2 && s.id <= 8)) {
      let output = '';
      const record = await runStep(step, { config, dryRun: false, runDir, out: (text) => (output += text) });
      assert.ok(record.ok, `step ${step.id} ran:\n${output.slice(-3000)}`);
      if (step.id === 3) assert.match(output, /node --import tsx \.assignment-test-\w+\/game_api\.ts/);
    }

    // the notebook (step 10) is the notebook tests' to run: its check is left out here
    const rubric: Rubric = { ...loadRubric(dir), questions: [] };
    const grade = async () =>
      gradeAssignment(await gatherAssignmentEvidence(config, runDir, dir, rubric), rubric);
    const checks = await grade();
    assert.deepEqual(
      checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.hint}`),
      [],
      'every check passes',
    );
    const evidence = await gatherAssignmentEvidence(config, runDir, dir, rubric);
    assert.deepEqual(
      studentAdditions(evidence).map(
        (a) =>
          `${a.route} → ${a.eventType} (${a.ownFields.join(', ')}), ${a.requests} as ${a.hosts.join(' and ')}`,
      ),
      [
        '/buy_a_potion → potion_bought (potion), 20 as user1.comcast.com and user2.att.com',
        '/cast_a_spell → spell_cast (spell), 20 as user2.att.com and user3.verizon.com',
      ],
      'what the student added, as the report tells it',
    );

    // spells written straight to the topic, as if cast by the API: the access log does not have them
    const producer = createKafka(config.kafka).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: config.kafka.topic,
        messages: Array.from({ length: 5 }, () => ({
          value: JSON.stringify({ event_type: 'spell_cast', spell: 'fireball', Host: 'user2.att.com' }),
        })),
      });
    } finally {
      await producer.disconnect();
    }
    const faked = Object.fromEntries((await grade()).map((c) => [c.id, c]));
    assert.equal(faked.events.passed, false);
    assert.match(
      faked.events.hint,
      /25 spell_cast events in events_assignment_test come from no route ab called/,
    );
    assert.equal(faked.users.passed, false);
  });
});
