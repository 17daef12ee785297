// The Spark baseline of `npm run bench:extract -- --spark`: the walkthrough's filtered_writes.py
// (scripts/bench/filtered_writes_spark.py) submitted to Spark in local mode, as a student runs
// `spark-submit`, on the bench's topic and the stack's HDFS. PySpark (which bundles Spark and a
// Hadoop client) goes into a git-ignored virtualenv and Spark's Kafka source into .lab/jars on
// first use; nothing else in the project needs them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabConfig } from '../../lib/config.js';
import { LabError, PrerequisiteError } from '../../lib/errors.js';
import { requireTool } from '../../lib/process/tools.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { timeProcess, type TimedRun } from './gnu-time.js';

// 3.5.x runs on Java 17; 3.5.7 is the newest whose Kafka source Maven finds here (not 3.5.8).
export const SPARK_VERSION = '3.5.7';
const VENV = join(REPO_ROOT, '.lab', 'pyspark-venv');
const VENV_STAMP = join(VENV, 'bench-pyspark-version');
// the venv's Python: what spark-submit runs PySpark programs with
const PYTHON = join(VENV, 'bin', 'python');
// The newest 2.x: PySpark 3.5 predates pandas 3 (its toPandas() calls APIs pandas 3 removed).
export const PANDAS_VERSION = '2.3.3';
const KAFKA_JARS = join(REPO_ROOT, '.lab', 'jars', 'spark-kafka');
const KAFKA_POM = join(REPO_ROOT, 'stack', 'maven', 'spark-kafka', 'pom.xml');
const PROGRAM = join(REPO_ROOT, 'scripts', 'bench', 'filtered_writes_spark.py');
const QUIET_LOG4J2 = join(REPO_ROOT, 'scripts', 'bench', 'spark-quiet-log4j2.properties');

function runOrThrow(command: string, args: string[], what: string, hint: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new PrerequisiteError(`${what} failed (${command} ${args.join(' ')})`, hint);
}

/** PySpark (and pandas, for toPandas()) in .lab/pyspark-venv, installed on first use (with progress). */
export function ensurePySpark(log: (line: string) => void): void {
  requireTool('java', ['-version'], 'install Java 17, e.g. `apt-get install openjdk-17-jdk-headless`');
  const hint = 'check that PyPI is reachable (pip uses ~/.config/pip/pip.conf), then run the bench again';
  const installed = existsSync(VENV_STAMP) && readFileSync(VENV_STAMP, 'utf8').trim() === SPARK_VERSION;
  if (!installed) {
    requireTool('python3', ['--version'], 'install Python 3.8 or newer with its venv module');
    log(`Installing PySpark ${SPARK_VERSION} into ${VENV} (first use only, ~320 MB) ...`);
    rmSync(VENV, { recursive: true, force: true });
    runOrThrow('python3', ['-m', 'venv', VENV], 'creating the virtualenv', hint);
    runOrThrow(join(VENV, 'bin', 'pip'), ['install', `pyspark==${SPARK_VERSION}`], 'pip install', hint);
    writeFileSync(VENV_STAMP, `${SPARK_VERSION}\n`);
  }
  // A venv made by an earlier bench:extract has PySpark only; pandas is added beside it.
  const pandas = spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (pandas.stdout?.trim() !== PANDAS_VERSION) {
    log(`Installing pandas ${PANDAS_VERSION} into ${VENV} (first use only, ~70 MB) ...`);
    runOrThrow(join(VENV, 'bin', 'pip'), ['install', `pandas==${PANDAS_VERSION}`], 'pip install', hint);
  }
}

/** PySpark in .lab/pyspark-venv and the Kafka source's jars, installed on first use (with progress). */
export function ensureSpark(log: (line: string) => void): void {
  ensurePySpark(log);
  if (!existsSync(join(KAFKA_JARS, `spark-sql-kafka-0-10_2.12-${SPARK_VERSION}.jar`))) {
    requireTool('mvn', ['-v'], 'install Maven, e.g. `apt-get install maven`');
    log(`Resolving Spark's Kafka source with Maven into ${KAFKA_JARS} (first use only, ~6 MB) ...`);
    rmSync(KAFKA_JARS, { recursive: true, force: true });
    runOrThrow(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        KAFKA_POM,
        'package',
        `-Dspark.version=${SPARK_VERSION}`,
        `-Dspark.kafka.jars=${KAFKA_JARS}`,
      ],
      'resolving spark-sql-kafka-0-10',
      'check that Maven Central is reachable (mvn uses ~/.m2/settings.xml), then run the bench again',
    );
  }
}

export interface SparkRun {
  wallMs: number;
  peakRssKb: number;
  /** spark-submit started → SparkSession ready (JVM, Python, SparkContext) */
  startMs: number;
  /** session ready → Parquet written (read, filter, schema inference, show(), write) */
  jobMs: number;
  /** written → process gone (SparkContext stop, shutdown hooks) */
  stopMs: number;
}

/**
 * `spark-submit --master local[*] [sparkArgs] program [programArgs]` as a student runs it, under GNU
 * time, with the venv's Python and the stack's HDFS user.
 */
export async function sparkSubmit(
  config: LabConfig,
  program: string,
  programArgs: string[],
  sparkArgs: string[] = [],
): Promise<TimedRun> {
  // its own working directory: Spark may leave files (spark-warehouse, derby.log) where it runs
  const cwd = mkdtempSync(join(tmpdir(), 'bench-spark-'));
  try {
    return await timeProcess(
      join(VENV, 'bin', 'spark-submit'),
      ['--master', 'local[*]', ...sparkArgs, program, ...programArgs],
      {
        cwd,
        env: {
          ...process.env,
          PYSPARK_PYTHON: PYTHON,
          HADOOP_USER_NAME: config.hdfs.user,
          SPARK_LOCAL_IP: '127.0.0.1',
        },
      },
    );
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * spark-submit --master local[*] filtered_writes_spark.py on `topic`, writing to `output` on HDFS.
 * `quiet`: silence the Kafka source's per-record warning (Spark's best case); otherwise Spark logs
 * as spark-submit does by default.
 */
export async function timeSparkFilteredWrites(
  config: LabConfig,
  topic: string,
  output: string,
  quiet: boolean,
): Promise<SparkRun> {
  const jars = readdirSync(KAFKA_JARS).map((jar) => join(KAFKA_JARS, jar));
  const logging = quiet ? ['--driver-java-options', `-Dlog4j2.configurationFile=file:${QUIET_LOG4J2}`] : [];
  const run = await sparkSubmit(
    config,
    PROGRAM,
    [config.kafka.brokers.join(','), topic, `${config.hdfs.rpcUri}${output}`],
    [...logging, '--jars', jars.join(',')],
  );
  const mark = (label: string) => {
    const line = run.stdout.split('\n').find((l) => l.startsWith(`bench-timing ${label} `));
    if (!line)
      throw new LabError(
        `filtered_writes_spark.py printed no "${label}" timing`,
        'run it by hand to see why',
      );
    return Number(line.split(' ')[2]) - run.startedAtMs;
  };
  const ready = mark('session-ready');
  const written = mark('written');
  return {
    wallMs: run.wallMs,
    peakRssKb: run.peakRssKb,
    startMs: ready,
    jobMs: written - ready,
    stopMs: run.wallMs - written,
  };
}
