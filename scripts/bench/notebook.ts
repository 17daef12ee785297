// npm run bench:notebook [-- --rows N] [--rounds R] [--spark]: how long the notebook's cells take on a
// big /tmp/purchases, and with --spark the walkthrough's PySpark + pandas cells beside them.
//   1. write N purchases to HDFS as filtered_writes lays them out (one Spark-style part + _SUCCESS,
//      five optional UTF8 string columns, half from user1.comcast.com, every timestamp different);
//   2. run the notebook's cells as a fresh process under GNU time (scripts/bench/notebook-cells.ts),
//      and with --spark notebook_spark.py through spark-submit, alternating, R rounds;
//   3. print each cell's median time side by side, the end-to-end wall time, peak RSS and the ratio,
//      and hold our describe() output next to pandas'.
// The HDFS directory is deleted afterwards.
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../lib/config.js';
import { ConfigError, describeError, LabError } from '../../lib/errors.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { uploadSparkOutput } from '../../test/support/spark-output.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { timeProcess, type TimedRun } from './gnu-time.js';
import { ensureSpark, PANDAS_VERSION, SPARK_VERSION, sparkSubmit } from './spark-baseline.js';

const config = loadConfig();
const CELLS = join(REPO_ROOT, 'scripts', 'bench', 'notebook-cells.ts');
const SPARK_CELLS = join(REPO_ROOT, 'scripts', 'bench', 'notebook_spark.py');

// Row by row what each program does in a cell (ours | PySpark's). `start-up` runs from the process
// start to the program's first line, `exit` from its last cell to the process gone. The ratio is
// PySpark's time over ours; `ours RSS` is our process's peak RSS so far at the end of the cell.
const ROWS: [string, string][] = [
  ['start-up', 'node + tsx | spark-submit → Python (JVM start)'],
  ['import', 'import lib/notebook | SparkSession.builder.getOrCreate()'],
  ['read', 'readParquet + printSchema + count | spark.read.parquet'],
  ['show', 'show(purchases) | purchases.show()'],
  ['register', 'registerTable | registerTempTable'],
  ['query', 'sql(…) + count | spark.sql(…)'],
  ['show-query', 'show(result) | .show()'],
  ['to-frame', 'toDanfo + df.shape | toPandas()'],
  ['describe', 'describe(df) | df.describe()'],
  ['chart', 'countChart (SVG) | –'],
  ['exit', ''],
];

/** N rows shaped like /tmp/purchases, generated inside DuckDB (a million JS objects would be the bench). */
function purchasesSelect(rows: number): string {
  return `SELECT '*/*' AS "Accept",
      CASE WHEN i % 2 = 0 THEN 'user1.comcast.com' ELSE 'user2.att.com' END AS "Host",
      'ApacheBench/2.3' AS "User-Agent", 'purchase_sword' AS event_type,
      strftime(TIMESTAMP '2026-11-28 10:36:07.123' + to_milliseconds(i * 7), '%Y-%m-%d %H:%M:%S.%g') AS "timestamp"
    FROM range(${rows}) AS r(i)`;
}

interface CellRun {
  wallMs: number;
  peakRssKb: number;
  /** ms per row of ROWS (absent: the program has no such cell) */
  cells: Map<string, number>;
  /** the process's peak RSS (KB) at the end of each cell, where the program says */
  rssKb: Map<string, number>;
  describe: string;
}

function parseRun(run: TimedRun, program: string): CellRun {
  const lines = run.stdout.split('\n');
  const started = lines.find((line) => line.startsWith('bench-timing started '));
  const begin = lines.indexOf('bench-describe-begin');
  const end = lines.indexOf('bench-describe-end');
  if (!started || begin < 0 || end < begin)
    throw new LabError(`${program} did not print its timings and describe()`, `run it by hand to see why`);
  const cells = new Map<string, number>([['start-up', Number(started.split(' ')[2]) - run.startedAtMs]]);
  const rssKb = new Map<string, number>();
  for (const line of lines.filter((l) => l.startsWith('bench-cell '))) {
    const [, name, ms, rss] = line.split(' ');
    cells.set(name, Number(ms));
    if (rss) rssKb.set(name, Number(rss));
  }
  const timed = [...cells.values()].reduce((sum, ms) => sum + ms, 0);
  cells.set('exit', Math.max(0, run.wallMs - timed));
  return {
    wallMs: run.wallMs,
    peakRssKb: run.peakRssKb,
    cells,
    rssKb,
    describe: lines.slice(begin + 1, end).join('\n'),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;
const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;
const range = (values: number[], unit: (n: number) => string) =>
  `${unit(median(values))} (${unit(Math.min(...values))}–${unit(Math.max(...values))})`;

function report(rows: number, ours: CellRun[], spark: CellRun[]): void {
  const medianOf = (runs: CellRun[], name: string, of: (run: CellRun) => Map<string, number>) => {
    const values = runs.flatMap((run) => of(run).get(name) ?? []);
    return values.length ? median(values) : undefined;
  };
  const text = (value: number | undefined, unit: (n: number) => string) =>
    (value === undefined ? '–' : unit(value)).padStart(9);
  console.log(`\nmedians of ${ours.length} round(s), ${rows.toLocaleString('en-US')} rows:`);
  console.log(
    `${'cell'.padEnd(11)} ${'ours'.padStart(9)} ${'PySpark'.padStart(9)} ${'ratio'.padStart(7)} ` +
      `${'ours RSS'.padStart(9)}  what (ours | PySpark + pandas)`,
  );
  for (const [name, what] of ROWS) {
    const mine = medianOf(ours, name, (run) => run.cells);
    const theirs = medianOf(spark, name, (run) => run.cells);
    const ratio = mine && theirs ? times(theirs / mine) : '';
    const rss = medianOf(ours, name, (run) => run.rssKb);
    console.log(
      `${name.padEnd(11)} ${text(mine, seconds)} ${text(theirs, seconds)} ${ratio.padStart(7)} ` +
        `${text(rss, megabytes)}  ${what}`,
    );
  }
  const wall = (runs: CellRun[]) => runs.map((run) => run.wallMs);
  const rss = (runs: CellRun[]) => runs.map((run) => run.peakRssKb);
  console.log(`end to end: ours ${range(wall(ours), seconds)}, peak RSS ${range(rss(ours), megabytes)}`);
  if (!spark.length) return;
  console.log(
    `end to end: PySpark ${SPARK_VERSION} local[*] + pandas ${PANDAS_VERSION} ${range(wall(spark), seconds)}, ` +
      `peak RSS ${range(rss(spark), megabytes)} (its largest process)`,
  );
  console.log(
    `PySpark / ours: ${times(median(wall(spark)) / median(wall(ours)))} the wall time, ` +
      `${times(median(rss(spark)) / median(rss(ours)))} the peak RSS`,
  );
  compareDescribe(ours[0].describe, spark[0].describe);
}

function compareDescribe(ours: string, pandas: string): void {
  if (ours === pandas) {
    console.log(`describe(): identical to pandas' describe().to_string(), ${ours.split('\n').length} lines:`);
    console.log(ours);
    return;
  }
  console.log("describe(): DIFFERS from pandas'. ours:");
  console.log(ours);
  console.log('pandas:');
  console.log(pandas);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '3' },
      spark: { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rows) || rows < 1)
    throw new ConfigError(`--rows ${values.rows} is not a count`, 'e.g. --rows 100000');
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new ConfigError(`--rounds ${values.rounds} is not a count`, 'e.g. --rounds 3');
  if (values.spark) ensureSpark((line) => console.log(line));
  const hdfs = new HdfsClient(config.hdfs);
  const dir = `/tmp/bench-notebook-${randomBytes(4).toString('hex')}`;
  try {
    await uploadSparkOutput(hdfs, dir, [{ select: purchasesSelect(rows) }]);
    console.log(`bench:notebook: ${rows.toLocaleString('en-US')} purchases written to ${dir} in HDFS`);
    const ours: CellRun[] = [];
    const spark: CellRun[] = [];
    // other work on the machine shows in every figure: the load is printed with them
    const loadAtStart = loadavg()[0];
    for (let round = 1; round <= rounds; round++) {
      const run = await timeProcess(process.execPath, ['--import', 'tsx', CELLS, dir], { cwd: REPO_ROOT });
      ours.push(parseRun(run, 'notebook-cells.ts'));
      console.log(`round ${round}: ours ${seconds(run.wallMs)}, ${megabytes(run.peakRssKb)}`);
      if (values.spark) {
        const sparkRun = await sparkSubmit(config, SPARK_CELLS, [`${config.hdfs.rpcUri}${dir}`]);
        spark.push(parseRun(sparkRun, 'notebook_spark.py'));
        console.log(`round ${round}: PySpark ${seconds(sparkRun.wallMs)}, ${megabytes(sparkRun.peakRssKb)}`);
      }
    }
    report(rows, ours, spark);
    console.log(
      `load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, ` +
        `on ${availableParallelism()} cores`,
    );
  } finally {
    await hdfs.remove(dir);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
