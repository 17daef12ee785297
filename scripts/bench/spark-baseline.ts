// The Spark baselines of the benches: the walkthrough's PySpark programs submitted to Spark in local mode,
// as a student runs `spark-submit`, on the bench's topic and the stack's HDFS: labs/spark/filtered_writes.py
// (timed by scripts/bench/filtered_writes_spark.py) for `bench:extract -- --spark`, the notebook's cells
// for `bench:notebook -- --spark`. PySpark and Spark's Kafka source come from lib/stack/pyspark.ts (as the
// cluster's); pandas, for toPandas(), is added beside them here: only the notebook's baseline needs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabConfig } from '../../lib/config.js';
import { LabError, PrerequisiteError } from '../../lib/errors.js';
import { REPO_ROOT } from '../../lib/paths.js';
import {
  ensurePySpark,
  PYSPARK,
  pysparkEnv,
  sparkKafkaJars,
  SPARK_VERSION,
} from '../../lib/stack/pyspark.js';
import { timeProcess, type TimedRun } from './gnu-time.js';

export { SPARK_VERSION };
// The newest 2.x: PySpark 3.5 predates pandas 3 (its toPandas() calls APIs pandas 3 removed).
export const PANDAS_VERSION = '2.3.3';
const PROGRAM = join(REPO_ROOT, 'scripts', 'bench', 'filtered_writes_spark.py');
const QUIET_LOG4J2 = join(REPO_ROOT, 'scripts', 'bench', 'spark-quiet-log4j2.properties');

/** PySpark, Spark's Kafka source and pandas in .lab/pyspark-venv, installed on first use (with progress). */
export function ensureSpark(log: (line: string) => void): void {
  ensurePySpark(log);
  const pandas = spawnSync(PYSPARK.python, ['-c', 'import pandas; print(pandas.__version__)'], {
    encoding: 'utf8',
  });
  if (pandas.stdout?.trim() === PANDAS_VERSION) return;
  log(`Installing pandas ${PANDAS_VERSION} into ${PYSPARK.venv} (first use only, ~70 MB) ...`);
  const pip = spawnSync(join(PYSPARK.venv, 'bin', 'pip'), ['install', `pandas==${PANDAS_VERSION}`], {
    stdio: 'inherit',
  });
  if (pip.status !== 0) {
    throw new PrerequisiteError(
      `pip install pandas==${PANDAS_VERSION} failed`,
      'check that PyPI is reachable (pip uses ~/.config/pip/pip.conf), then run the bench again',
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
      PYSPARK.sparkSubmit,
      ['--master', 'local[*]', ...sparkArgs, program, ...programArgs],
      {
        cwd,
        env: pysparkEnv({ ...process.env, HADOOP_USER_NAME: config.hdfs.user, SPARK_LOCAL_IP: '127.0.0.1' }),
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
  const jars = sparkKafkaJars();
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
