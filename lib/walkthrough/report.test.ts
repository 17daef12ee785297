import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENHANCEMENTS, renderReport, trimOutput } from './report.js';

describe('Walkthrough > report > trimOutput', () => {
  it('keeps short outputs whole', () => {
    assert.equal(trimOutput('a\nb', 2, 1), 'a\nb');
  });
  it('keeps the head and tail of long outputs and counts what it left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const trimmed = trimOutput(lines, 3, 2).split('\n');
    assert.deepEqual(trimmed, ['line 0', 'line 1', 'line 2', '… 95 lines omitted …', 'line 98', 'line 99']);
  });
});

describe('Walkthrough > report > renderReport', () => {
  const report = renderReport({
    generatedAt: '2026-11-28T10:00:00Z',
    stack: 'local',
    seconds: 42.5,
    steps: [
      {
        id: 2,
        title: 'Create the events topic',
        original: ['docker-compose exec kafka kafka-topics --create --topic events'],
        explanation: 'Creates the topic.',
        commands: [
          { command: 'node --import tsx labs/create_topic.ts', output: 'Created topic events.', exitCode: 0 },
        ],
        notes: [],
        ok: true,
        seconds: 1.2,
      },
      {
        id: 3,
        title: 'Run the game API',
        original: ['flask run'],
        explanation: 'Starts the API.',
        commands: [],
        notes: ['Started the game API (pid 1)'],
        ok: false,
        error: 'the topic events does not exist',
        seconds: 0.1,
      },
    ],
    checks: [{ step: '2', check: 'topic exists', pass: true, evidence: 'events' }],
    sampleEvent: '{"event_type": "default"}',
  });

  it('says which stack the run used', () => {
    assert.match(report, /^- Stack: the local stack: Kafka and HDFS as JVM processes on this machine/m);
    const compose = renderReport({ generatedAt: 'now', stack: 'compose', seconds: 1, steps: [], checks: [] });
    assert.match(compose, /^- Stack: docker compose: the lab ran inside the app container;/m);
  });

  it('has every section the course graded', () => {
    for (const heading of [
      '## Summary',
      '## Architecture',
      '## The steps',
      '## A sample event',
      '## Grade',
      '## Appendix: Enhancements',
    ]) {
      assert.ok(report.includes(heading), `missing ${heading}`);
    }
  });

  it('shows each step with its original command, what ran and its real output', () => {
    assert.match(report, /### Step 2: Create the events topic/);
    assert.match(report, /docker-compose exec kafka kafka-topics --create --topic events/);
    assert.match(report, /\$ node --import tsx labs\/create_topic\.ts\nCreated topic events\./);
    assert.match(report, /Result: ✘ failed: the topic events does not exist/);
  });

  it('never shows a credential in the sample event', () => {
    const withSecret = renderReport({
      generatedAt: '2026-11-28T10:00:00Z',
      stack: 'local',
      seconds: 1,
      steps: [],
      checks: [],
      sampleEvent: '{"event_type": "default", "X-Api-Key": "SECRETKEY", "X-Thing": "Bearer abc.def"}',
    });
    assert.doesNotMatch(withSecret, /SECRETKEY|abc\.def/, 'no credential value');
    assert.match(withSecret, /"X-Api-Key":"\[redacted\]"/, 'the field is there, its value redacted');
  });

  it('summarises the score and lists the enhancements', () => {
    assert.match(report, /Steps run: 1 of 2 succeeded, in 42\.5 s/);
    assert.match(report, /Grade: \*\*1\/1\*\*/);
    assert.match(report, /\{"event_type": "default"\}/);
    assert.ok(report.includes(`${ENHANCEMENTS.length}. ${ENHANCEMENTS.at(-1)}`));
  });
});
