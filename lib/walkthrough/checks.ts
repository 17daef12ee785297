// The grade's judgements: one check per fact of the walkthrough, each from the run's evidence
// (lib/walkthrough/evidence.ts gathers it) and never from a step's exit code. Pure functions, unit-tested;
// every failing check says which step to run.
import type { GameEvent } from '../events/event.js';
import type { CodeCell } from '../jupyter/executed-notebook.js';
import { hasChart } from '../jupyter/executed-notebook.js';
import type { JobSummary } from '../jobs/summary.js';
import { compareNames } from '../spark/schema.js';
import { SCHEMA_MISMATCH, showCell } from '../spark/spark-text.js';
import type { Check } from './grade.js';
import { BENCH_RUNS, QUERY_HOST, REQUESTS_PER_RUN } from './plan.js';

/** What the checks need to know of the topic's events (kept small however big the topic). */
export interface TopicDigest {
  events: number;
  /** events per `<event_type> <Host>` */
  byTypeAndHost: Record<string, number>;
  /** events per event_type, in order of first appearance */
  byType: Record<string, number>;
  /** the union of the sword purchases' field names */
  swordFields: string[];
  /** per event_type, the union of its events' field names */
  fieldsByType: Record<string, string[]>;
  swords: number;
  /** the sword purchases from QUERY_HOST (the notebook's query) and, per field, how many have a value */
  queried: { rows: number; nonNull: Record<string, number> };
}

export interface Evidence {
  kafka: { up: true; clusterId: string; brokers: number } | { up: false; error: string };
  hdfs: { up: true; endpoint: string } | { up: false; error: string };
  topic: { name: string; messages: number | null; digest: TopicDigest };
  /** the game API's access log (the Flask window) */
  accessLog: string;
  /** JSON lines in the kafkacat window */
  followerLines: number;
  jobs: Partial<Record<'separate_events' | 'just_filtering' | 'filtered_writes', JobSummary>>;
  purchases: {
    dir: string;
    /** the directory's entries; null when HDFS is down or the directory is missing */
    entries: { name: string; bytes: number }[] | null;
    /**
     * what the part files hold, read back with DuckDB: rows per event_type; `digest`: of the rows, whatever
     * their order
     */
    parquet: {
      rows: number;
      eventTypes: string[];
      byType: Record<string, number>;
      columns: string[];
      digest: string;
    } | null;
    /** why the directory is missing, when a write was interrupted while swapping it in */
    interrupted?: string;
  };
  /** what step 9's `hadoop fs -ls` printed */
  listing: string;
  /** the executed notebook's code cells; null when step 10 has not run */
  notebook: CodeCell[] | null;
  /** with --engine spark: what the walkthrough's PySpark programs did (steps 6-8) */
  spark?: SparkEvidence;
}

export interface SparkEvidence {
  separate_events?: { exitCode: number | null; output: string };
  just_filtering?: { exitCode: number | null; columns: string[]; shown: Record<string, string>[] | null };
  /** what the lab's filtered_writes wrote beside filtered_writes.py's /tmp/purchases */
  typescriptPurchases?: Evidence['purchases'];
}

/** Folds the topic's events, one at a time, into what the checks need. */
export class DigestBuilder {
  readonly digest: TopicDigest = {
    events: 0,
    byTypeAndHost: {},
    byType: {},
    swordFields: [],
    fieldsByType: {},
    swords: 0,
    queried: { rows: 0, nonNull: {} },
  };
  private readonly swordFields = new Set<string>();
  private readonly fieldsByType = new Map<string, Set<string>>();

  add(event: GameEvent): void {
    const digest = this.digest;
    const count = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
    digest.events += 1;
    count(digest.byType, event.event_type);
    count(digest.byTypeAndHost, `${event.event_type} ${event.Host}`);
    this.addFields(event);
    if (event.event_type !== 'purchase_sword') return;
    digest.swords += 1;
    for (const name of Object.keys(event)) {
      if (!this.swordFields.has(name)) {
        this.swordFields.add(name);
        digest.swordFields = [...this.swordFields].sort(compareNames);
      }
    }
    if (event.Host !== QUERY_HOST) return;
    digest.queried.rows += 1;
    for (const [name, value] of Object.entries(event))
      if (value !== null) count(digest.queried.nonNull, name);
  }

  private addFields(event: GameEvent): void {
    let fields = this.fieldsByType.get(event.event_type);
    if (!fields) this.fieldsByType.set(event.event_type, (fields = new Set()));
    const before = fields.size;
    for (const name of Object.keys(event)) fields.add(name);
    if (fields.size !== before) this.digest.fieldsByType[event.event_type] = [...fields].sort(compareNames);
  }
}

export function digestEvents(events: Iterable<GameEvent>): TopicDigest {
  const builder = new DigestBuilder();
  for (const event of events) builder.add(event);
  return builder.digest;
}

/** How many Werkzeug access-log lines `"GET <path> HTTP/1.x" <status>` the log holds ('any': whatever the status). */
export function countRequests(log: string, path: string, status: number | 'any' = 200): number {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`"GET ${escaped} HTTP/1\\.[01]" ${status === 'any' ? '\\d{3}' : status} `, 'g');
  return log.match(line)?.length ?? 0;
}

export interface Verdict {
  pass: boolean;
  evidence: string;
}

const pass = (evidence: string): Verdict => ({ pass: true, evidence });
const fail = (evidence: string): Verdict => ({ pass: false, evidence });
const rerun = (step: number) => `step ${step} (npm run lab:step-${step})`;

/**
 * The lab sends `perRun` requests per route and run. Exactly that passes; a whole multiple passes with
 * the reason (a step was run again); anything else fails with what was expected.
 */
export function judgeCount(found: number, perRun: number, what: string, step: string): Verdict {
  if (found === perRun) return pass(`${found} ${what}`);
  if (found > 0 && found % perRun === 0) {
    return pass(
      `${found} ${what} = ${found / perRun} runs of ${step} (each adds ${perRun}); a full \`npm run lab\` starts from an empty topic`,
    );
  }
  if (found === 0) return fail(`no ${what}: run ${step}`);
  return fail(
    `${found} ${what}, expected ${perRun} (or a multiple, one per run of ${step}): some requests failed or extra ones were sent`,
  );
}

/** pandas' describe() table of string columns: the `count` row's numbers, by column. */
export function describeCounts(text: string): Record<string, number> | undefined {
  const lines = text.split('\n');
  const countLine = lines.findIndex((l) => /^count\s/.test(l));
  if (countLine < 1 || !lines.some((l) => /^unique\s/.test(l)) || !lines.some((l) => /^freq\s/.test(l)))
    return undefined;
  const header = lines[countLine - 1].trim().split(/\s+/);
  const values = lines[countLine].trim().split(/\s+/).slice(1);
  if (header.length !== values.length) return undefined;
  return Object.fromEntries(header.map((name, i) => [name, Number(values[i])]));
}

const SHOWN = 20; // show() prints at most 20 rows

function servicesChecks(e: Evidence): Check[] {
  return [
    {
      step: '1',
      check: 'Kafka answers a metadata request',
      ...(e.kafka.up
        ? pass(`cluster ${e.kafka.clusterId}, ${e.kafka.brokers} broker${e.kafka.brokers === 1 ? '' : 's'}`)
        : fail(`${e.kafka.error}: run ${rerun(1)}`)),
    },
    {
      step: '1',
      check: 'HDFS answers over WebHDFS',
      ...(e.hdfs.up ? pass(`${e.hdfs.endpoint} lists /`) : fail(`${e.hdfs.error}: run ${rerun(1)}`)),
    },
  ];
}

function topicChecks({ topic }: Evidence): Check[] {
  return [
    {
      step: '2',
      check: `topic ${topic.name} exists`,
      ...(topic.messages === null
        ? fail(`no topic ${topic.name}: run ${rerun(2)}`)
        : pass(`${topic.name} holds ${topic.messages} messages`)),
    },
    ...BENCH_RUNS.map((run) => ({
      step: '5',
      check: `${run.eventType} events from ${run.host}`,
      ...judgeCount(
        topic.digest.byTypeAndHost[`${run.eventType} ${run.host}`] ?? 0,
        REQUESTS_PER_RUN,
        `${run.eventType} events from ${run.host} in ${topic.name}`,
        rerun(5),
      ),
    })),
  ];
}

function windowChecks({ accessLog, followerLines, topic }: Evidence): Check[] {
  const messages = topic.messages ?? 0;
  return [
    ...BENCH_RUNS.map((run) => ({
      step: '3',
      check: `access log: 200s for GET ${run.path}`,
      ...judgeCount(
        countRequests(accessLog, run.path),
        REQUESTS_PER_RUN,
        `"GET ${run.path} HTTP/1.0" 200 lines`,
        rerun(5),
      ),
    })),
    {
      step: '4',
      check: 'the kafkacat window shows every event',
      ...(followerLines > 0 && followerLines === messages
        ? pass(`${followerLines} JSON lines, as many as messages in ${topic.name}`)
        : fail(
            `${followerLines} JSON lines in the window, ${messages} messages in ${topic.name}: run ${rerun(4)} before step 5`,
          )),
    },
  ];
}

/** --engine spark: separate_events.py breaks on the topic's second schema, as the walkthrough warns. */
function sparkSeparateEventsCheck(run: NonNullable<SparkEvidence['separate_events']>): Check {
  const mismatch = SCHEMA_MISMATCH.exec(run.output);
  return {
    step: '6',
    check: 'separate_events.py breaks on two schemas, as the walkthrough warns',
    ...(run.exitCode !== 0 && mismatch
      ? pass(`spark-submit exited with ${run.exitCode}: "${mismatch[0]}"`)
      : fail(
          run.exitCode === 0
            ? `spark-submit succeeded: the topic has one schema only; run ${rerun(5)} (it sends the knife purchases), then ${rerun(6)}`
            : `spark-submit exited with ${run.exitCode}, but not on the schemas: see step 6's output, then run ${rerun(6)}`,
        )),
  };
}

/** Spark's show() rows, as text, against the lab's rows rendered the way show() renders them. */
function sameShownRows(spark: Record<string, string>[], ours: Record<string, unknown>[]): boolean {
  if (spark.length !== ours.length || spark.length === 0) return false;
  const columns = Object.keys(spark[0]);
  const render = (row: Record<string, unknown>) =>
    columns.map((c) => showCell(row[c] === undefined || row[c] === null ? null : String(row[c]))).join('|');
  const key = (rows: Record<string, unknown>[], f: (row: Record<string, unknown>) => string) =>
    rows.map(f).sort().join('\n');
  return key(spark, (row) => columns.map((c) => String(row[c])).join('|')) === key(ours, render);
}

/** --engine spark: just_filtering.py printed the lab's schema and rows. */
function sparkJustFilteringCheck(run: NonNullable<SparkEvidence['just_filtering']>, e: Evidence): Check {
  const check = "just_filtering.py prints the lab's columns and rows";
  const ours = e.jobs.just_filtering;
  const shownByUs = ours?.tables[0]?.shown ?? [];
  const sameColumns = [...run.columns].sort(compareNames).join(',') === (ours?.columns ?? []).join(',');
  if (run.exitCode !== 0 || !run.shown) {
    return { step: '7', check, ...fail(`spark-submit exited with ${run.exitCode}: run ${rerun(7)}`) };
  }
  return {
    step: '7',
    check,
    ...(sameColumns && sameShownRows(run.shown, shownByUs)
      ? pass(`the same ${run.columns.length} columns and ${run.shown.length} rows shown by both`)
      : fail(
          `Spark printed [${run.columns.join(', ')}] and ${run.shown.length} rows, the lab [${ours?.columns.join(', ') ?? ''}] and ${shownByUs.length} rows: run ${rerun(7)}`,
        )),
  };
}

/** --engine spark: filtered_writes.py wrote the rows the lab's filtered_writes wrote. */
function sparkFilteredWritesCheck(e: Evidence, typescript: Evidence['purchases']): Check {
  const spark = e.purchases.parquet;
  const ours = typescript.parquet;
  return {
    step: '8',
    check: "filtered_writes.py wrote the lab's rows",
    ...(spark && ours && spark.rows > 0 && spark.digest === ours.digest
      ? pass(`${spark.rows} rows in ${e.purchases.dir} equal ${typescript.dir}'s, value for value`)
      : fail(
          `${spark?.rows ?? 0} rows in ${e.purchases.dir}, ${ours?.rows ?? 0} in ${typescript.dir}${spark && ours && spark.rows === ours.rows ? ', with different values' : ''}: run ${rerun(8)}`,
        )),
  };
}

/**
 * The event types of the topic that separate_events did not show as a table of their own with all their
 * rows (`rowOk`: what every shown row must also be).
 */
export function typesWithoutTable(
  summary: JobSummary,
  byType: Record<string, number>,
  rowOk: (row: Record<string, unknown>) => boolean = () => true,
): string[] {
  return Object.entries(byType)
    .filter(([type, count]) => {
      const table = summary.tables.find((t) => t.where?.value === type);
      return (
        !table ||
        table.count !== count ||
        table.shown.length !== Math.min(count, SHOWN) ||
        !table.shown.every(rowOk)
      );
    })
    .map(([type]) => type);
}

function separateEventsCheck({ jobs, topic }: Evidence): Check {
  const check = 'separate_events: one munged table per event type';
  const summary = jobs.separate_events;
  if (!summary) return { step: '6', check, ...fail(`separate_events has not run: run ${rerun(6)}`) };
  const types = Object.keys(topic.digest.byType);
  const wrong = typesWithoutTable(summary, topic.digest.byType, (row) => row.Host === 'moe');
  return {
    step: '6',
    check,
    ...(types.length > 0 && summary.tables.length === types.length && wrong.length === 0
      ? pass(`${summary.tables.length} tables: ${types.join(', ')}; Host munged to "moe"`)
      : fail(
          `${summary.tables.length} tables shown for ${types.length} event types (${wrong.join(', ') || 'none'} wrong): run ${rerun(6)}`,
        )),
  };
}

function justFilteringCheck({ jobs, topic }: Evidence): Check {
  const expected = [...new Set([...topic.digest.swordFields, 'timestamp'])].sort(compareNames);
  const printed = jobs.just_filtering?.columns ?? [];
  return {
    step: '7',
    check: 'just_filtering: printSchema() has the union columns',
    ...(topic.digest.swords > 0 && printed.join(',') === expected.join(',')
      ? pass(`root: ${printed.join(', ')}`)
      : fail(`printed [${printed.join(', ')}], expected [${expected.join(', ')}]: run ${rerun(7)}`)),
  };
}

const PART_FILE = /^part-\d{5}-[0-9a-f-]{36}-c000\.snappy\.parquet$/;

function purchasesChecks({ purchases, topic, hdfs, jobs }: Evidence): Check[] {
  if (!hdfs.up) return [];
  const entries = purchases.entries ?? [];
  const success = entries.find((e) => e.name === '_SUCCESS');
  const parts = entries.filter((e) => PART_FILE.test(e.name));
  // one part per Kafka partition that held purchases (Spark's tasks): what filtered_writes says it wrote
  const expectedParts = jobs.filtered_writes?.written?.partFiles.length ?? 1;
  const checks: Check[] = [
    {
      step: '8',
      check: `${purchases.dir} has _SUCCESS and its Parquet parts`,
      ...(success &&
      success.bytes === 0 &&
      parts.length === expectedParts &&
      entries.length === parts.length + 1
        ? pass(`_SUCCESS (0 bytes) and ${parts.map((p) => `${p.name} (${p.bytes} bytes)`).join(', ')}`)
        : fail(
            `${purchases.interrupted ?? `found [${entries.map((e) => e.name).join(', ') || 'nothing'}]`}: run ${rerun(8)}`,
          )),
    },
  ];
  const { parquet } = purchases;
  if (parts.length > 0 && parquet) {
    const allSwords = parquet.eventTypes.length === 1 && parquet.eventTypes[0] === 'purchase_sword';
    checks.push({
      step: '8',
      check: 'the Parquet rows are exactly the sword purchases',
      ...(allSwords && parquet.rows === topic.digest.swords && topic.digest.swords > 0
        ? pass(`${parquet.rows} rows, all purchase_sword, columns ${parquet.columns.join(', ')}`)
        : fail(
            `${parquet.rows} rows (${allSwords ? 'all' : 'not all'} purchase_sword), ${topic.digest.swords} sword purchases in ${topic.name}: run ${rerun(8)}`,
          )),
    });
  }
  return checks;
}

function listingCheck({ listing, purchases }: Evidence): Check {
  const dir = purchases.dir.replace(/\/+$/, '');
  return {
    step: '9',
    check: 'hadoop fs -ls lists _SUCCESS and the part file',
    ...(listing.includes(`${dir}/_SUCCESS`) &&
    new RegExp(`${dir}/part-\\d{5}-\\S+\\.snappy\\.parquet`).test(listing)
      ? pass(`both listed under ${dir}/`)
      : fail(`not in the listing: run ${rerun(9)}`)),
  };
}

function notebookChecks({ notebook, topic }: Evidence): Check[] {
  if (notebook === null) {
    return [{ step: '10', check: 'the notebook ran', ...fail(`no executed notebook: run ${rerun(10)}`) }];
  }
  const { queried } = topic.digest;
  const tagged = (tag: string) => notebook.find((cell) => cell.tags.includes(tag));
  const failures = notebook.filter((cell) => cell.failure !== null);
  const queryCount = tagged('query')?.text.trim();
  // pandas counts the non-null values of each column: a field some events lack counts fewer
  const expectedCount = (column: string) =>
    column === 'timestamp' ? queried.rows : (queried.nonNull[column] ?? 0);
  const counts = describeCounts(tagged('describe')?.text ?? '');
  const wrong = Object.entries(counts ?? {}).filter(([column, n]) => n !== expectedCount(column));
  return [
    {
      step: '10',
      check: 'the notebook ran without errors',
      ...(failures.length === 0
        ? pass('no error outputs')
        : fail(`${failures.map((c) => `cell ${c.number}: ${c.failure}`).join('; ')}: run ${rerun(10)}`)),
    },
    {
      step: '10',
      check: `the SQL query returned the ${QUERY_HOST} rows`,
      ...(queried.rows > 0 && queryCount === String(queried.rows)
        ? pass(`${queryCount} rows where Host = '${QUERY_HOST}', as many as in ${topic.name}`)
        : fail(
            `expected ${queried.rows} rows of ${QUERY_HOST}, the query counted ${queryCount ?? 'nothing'}: run ${rerun(10)}`,
          )),
    },
    {
      step: '10',
      check: "describe()'s counts match the query",
      ...(counts && Object.keys(counts).length > 0 && wrong.length === 0 && queried.rows > 0
        ? pass(`count = ${queried.rows} for ${Object.keys(counts).join(', ')}`)
        : fail(
            counts
              ? `describe counts ${JSON.stringify(counts)}; expected ${wrong.map(([c]) => `${c}: ${expectedCount(c)}`).join(', ') || `${queried.rows} rows`}: run ${rerun(10)}`
              : `no describe() table in the notebook output: run ${rerun(10)}`,
          )),
    },
    {
      step: '10',
      check: 'the chart is in the notebook',
      ...(hasChart(notebook) ? pass('an SVG chart output') : fail(`no chart output: run ${rerun(10)}`)),
    },
  ];
}

/** Every check, in the walkthrough's order. */
export function gradeEvidence(evidence: Evidence): Check[] {
  const { spark } = evidence;
  const checks = [
    ...servicesChecks(evidence),
    ...topicChecks(evidence),
    ...windowChecks(evidence),
    spark?.separate_events ? sparkSeparateEventsCheck(spark.separate_events) : separateEventsCheck(evidence),
    justFilteringCheck(evidence),
    ...(spark?.just_filtering ? [sparkJustFilteringCheck(spark.just_filtering, evidence)] : []),
    ...purchasesChecks(evidence),
    ...(spark?.typescriptPurchases ? [sparkFilteredWritesCheck(evidence, spark.typescriptPurchases)] : []),
    listingCheck(evidence),
    ...notebookChecks(evidence),
  ];
  // by step (stable: the checks of one step keep their order)
  return checks.sort((a, b) => Number(a.step) - Number(b.step));
}
