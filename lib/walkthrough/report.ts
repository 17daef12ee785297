// The write-up a student hands in, rendered from a run's real records: their name, a summary, what they
// added, every step (the original command, what ran and its trimmed output, a place for their own
// explanation), the chart, a sample event, the grade.
import type { StudentAddition } from '../assignment/additions.js';
import type { StackKind } from '../config.js';
import { redactEventLine } from '../events/credentials.js';
import { scoreTableMarkdown, score, type Check } from './grade.js';
import { benchMarkdown, isBenchRun } from './report-bench.js';
import type { ChartFile } from './report-charts.js';
import { explanationBlock } from './report-explanations.js';
import { trimOutput, trimTables } from './report-trim.js';

export interface ReportStep {
  id: number;
  title: string;
  original: string[];
  explanation: string;
  commands: { command: string; output: string; exitCode: number | null }[];
  notes: string[];
  ok: boolean;
  error?: string;
  seconds: number;
}

export interface ReportInput {
  generatedAt: string;
  stack: StackKind;
  seconds: number;
  steps: ReportStep[];
  checks: Check[];
  /** the rubric's points line, once the assignment is started (`points: 14/14 … met`) */
  gradeSummary?: string;
  sampleEvent?: string;
  /** the student's name; without one the report says how to give it */
  student?: string;
  additions?: StudentAddition[];
  /** the student's explanations by key (`summary`, `step-3`, …), from the report this one replaces */
  explanations?: ReadonlyMap<string, string>;
  /** the notebook's charts, written beside the report, and the step whose output they belong to */
  charts?: { step: number; files: ChartFile[] };
}

const FENCE = '```';

/** Where a run ran, in words: the lab's first line and the report's say it. */
export const STACK_DESCRIPTIONS: Record<StackKind, string> = {
  local: 'the local stack: Kafka and HDFS as JVM processes on this machine (`npm run stack:up`)',
  compose:
    'docker compose: the lab ran inside the app container; Kafka, the NameNode and the DataNode in containers of their own',
  cluster:
    'the local cluster: three Kafka nodes, a NameNode and three DataNodes, a Spark master and two workers (`npm run stack:up -- --cluster`)',
};

const ARCHITECTURE = `${FENCE}mermaid
flowchart LR
  ab[Apache Bench] -->|HTTP GET| api[game API<br/>express + kafkajs]
  api -->|JSON events, acks=all| kafka[(Kafka topic events<br/>KRaft broker)]
  kafka -->|kcat -C| window[kafkacat window]
  kafka -->|bounded read| jobs[batch jobs<br/>separate_events · just_filtering · filtered_writes]
  jobs -->|Parquet over WebHDFS| hdfs[(HDFS /tmp/purchases<br/>NameNode + DataNode)]
  hdfs -->|WebHDFS| nb[tslab notebook<br/>DuckDB SQL · danfo]
${FENCE}

| service | what it does here | original |
|---|---|---|
| Kafka (one KRaft node) | holds the \`events\` topic; broker and controller in one process | zookeeper + kafka containers |
| HDFS NameNode + DataNode | stores /tmp/purchases; WebHDFS for the TypeScript programs, RPC for \`hadoop fs\` | cloudera container |
| game API (\`labs/game_api.ts\`) | turns each request into a JSON event on \`events\` | \`game_api.py\` in Flask (mids) |
| batch jobs (\`labs/*.ts\`) | read the topic from earliest to latest offset, filter, show, write Parquet | PySpark jobs (spark) |
| notebook (tslab kernel) | reads the Parquet back, SQL, DataFrames | Jupyter with PySpark (spark) |`;

export const ENHANCEMENTS = [
  'No ZooKeeper: Kafka 4 in KRaft mode, and the whole stack runs without Docker as local JVM processes from Maven-resolved jars (docker-compose.yml remains for Docker users).',
  'Nothing lost: the API answers 200 only after Kafka acknowledged the event from all in-sync replicas, batches concurrent requests into one send, answers 503 while Kafka is down and recovers by itself.',
  'Safe headers: Authorization, Cookie and similar headers never reach the events; a header cannot overwrite event_type; the number and size of copied headers are bounded.',
  'A second event schema (the knife purchase carries a description) and jobs that take the union of the fields seen instead of breaking.',
  'Event types discovered from the data in separate_events instead of a hard-coded list; malformed records counted, reported by offset and skipped.',
  'Bounded reads that stop at the high watermark captured at start, for any number of partitions, through a throwaway consumer group that commits nothing and is deleted afterwards.',
  'Atomic Parquet output: written to a temporary HDFS directory and renamed into place, so a failed run leaves the previous /tmp/purchases intact.',
  'Real SQL in the notebook (DuckDB) over the Parquet files, pandas-style describe() for string columns, an inline chart, and the notebook executed headlessly in the tests.',
  'Every step scripted, idempotent and graded from its evidence; this report is generated from the run itself.',
];

/** Text as Markdown shows it literally: a name with `*` or `<` is a name, not markup. */
const literal = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);

const shortened = (output: string) => trimOutput(trimTables(output));

/** A command and what it printed, as a terminal shows them. */
function consoleBlock(command: { command: string; output: string }, trim = shortened): string {
  return [
    FENCE + 'console',
    `$ ${command.command}`,
    ...(command.output ? [trim(command.output)] : []),
    FENCE,
  ].join('\n');
}

function studentLine(input: ReportInput): string {
  const name = input.student?.trim()
    ? `**${literal(input.student.trim())}**`
    : '_(no name: set `git config user.name "Your Name"` or run `npm run lab -- --name "Your Name"`)_';
  return `Student: ${name} · generated by \`npm run lab\` on ${input.generatedAt} from the outputs of that run.`;
}

function additionsTable(additions: StudentAddition[]): string[] {
  const code = (items: string[]) => (items.length ? items.map((i) => `\`${i}\``).join(', ') : '—');
  return [
    '| route | event_type | its own fields | users (Host) | requests |',
    '|---|---|---|---|---:|',
    ...additions.map(
      (a) =>
        `| \`${a.route}\` | \`${a.eventType}\` | ${code(a.ownFields)} | ${a.hosts.map(literal).join(', ') || '—'} | ${a.requests} |`,
    ),
  ];
}

function stepSection(step: ReportStep, input: ReportInput): string[] {
  const out: string[] = ['', `### Step ${step.id}: ${step.title}`, '', 'The original command:', ''];
  out.push(FENCE + 'bash', ...step.original, FENCE, '', step.explanation);
  const bench = step.commands.filter(isBenchRun);
  for (const command of step.commands) {
    // the ab runs become one table where the first of them ran, their full text folded beneath it
    if (command === bench[0])
      out.push(
        '',
        benchMarkdown(bench, (run) => consoleBlock(run, (o) => o)),
      );
    else if (!bench.includes(command)) out.push('', consoleBlock(command));
  }
  if (step.notes.length) {
    out.push('', FENCE + 'text', shortened(step.notes.join('\n')), FENCE);
  }
  if (input.charts?.step === step.id) {
    for (const chart of input.charts.files)
      out.push('', `![${literal(chart.alt)}](${encodeURI(chart.file)})`);
  }
  out.push(
    '',
    step.ok
      ? `Result: ✔ done in ${step.seconds.toFixed(1)} s.`
      : `Result: ✘ failed: ${step.error ?? 'unknown error'}`,
    '',
    '**My explanation:**',
    '',
    explanationBlock(`step-${step.id}`, input.explanations?.get(`step-${step.id}`)),
  );
  return out;
}

export function renderReport(input: ReportInput): string {
  const { passed, total } = score(input.checks);
  const okSteps = input.steps.filter((s) => s.ok).length;
  const explanations = input.explanations ?? new Map<string, string>();
  const out: string[] = [];
  out.push('# Assignment 12 — Querying Data II: the game events pipeline');
  out.push('');
  out.push(
    '<!-- Write your explanations between the explanation markers below: npm run lab keeps them when it rewrites this file. -->',
  );
  out.push('');
  out.push(studentLine(input));
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(
    'A web API that stands in for a mobile game turns each request (buy a sword, join a guild, …) into a JSON ' +
      'event on the Kafka topic `events`. Apache Bench generates the requests; kcat shows the events arriving. ' +
      'Three batch jobs read the topic from the earliest to the latest offset, separate and filter the events ' +
      '(two schemas live in the topic), and write the sword purchases to HDFS as Parquet. A TypeScript notebook ' +
      'reads them back, queries them with SQL and describes them as a DataFrame.',
  );
  out.push('');
  out.push(`- Stack: ${STACK_DESCRIPTIONS[input.stack]}.`);
  out.push(`- Steps run: ${okSteps} of ${input.steps.length} succeeded, in ${input.seconds.toFixed(1)} s.`);
  out.push(
    `- Grade: **${passed}/${total}** checks passed${input.gradeSummary ? `; ${input.gradeSummary}` : ''}.`,
  );
  out.push('');
  out.push('**My summary:**');
  out.push('');
  out.push(explanationBlock('summary', explanations.get('summary')));
  if (input.additions?.length) {
    out.push('');
    out.push('## What I added');
    out.push('');
    out.push(...additionsTable(input.additions));
  }
  out.push('');
  out.push('## Architecture');
  out.push('');
  out.push(ARCHITECTURE);
  out.push('');
  out.push('## The steps');
  for (const step of input.steps) out.push(...stepSection(step, input));
  // explanations of steps this run did not reach (it stopped early): kept, to return to their steps
  const shown = new Set(['summary', ...input.steps.map((s) => `step-${s.id}`)]);
  const unplaced = [...explanations].filter(([key]) => !shown.has(key));
  if (unplaced.length) {
    out.push('');
    out.push('## My explanations of steps this run did not reach');
    for (const [key, text] of unplaced) {
      out.push('', `### ${key.replace(/^step-(\d+)$/, 'Step $1')}`, '', explanationBlock(key, text));
    }
  }
  out.push('');
  out.push('## A sample event');
  out.push('');
  out.push(
    input.sampleEvent
      ? `${FENCE}json\n${redactEventLine(input.sampleEvent)}\n${FENCE}`
      : '_No event was read from the topic._',
  );
  out.push('');
  out.push('## Grade');
  out.push('');
  out.push(scoreTableMarkdown(input.checks));
  if (input.gradeSummary) out.push('', input.gradeSummary);
  out.push('');
  out.push('## Appendix: Enhancements over the original lab');
  out.push('');
  out.push(
    `<details><summary>What this port adds to the original lab (${ENHANCEMENTS.length} points)</summary>`,
  );
  out.push('');
  out.push(...ENHANCEMENTS.map((e, i) => `${i + 1}. ${e}`));
  out.push('');
  out.push('</details>');
  out.push('');
  return out.join('\n');
}
