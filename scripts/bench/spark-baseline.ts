// The Spark baseline of `npm run bench:extract -- --spark`: the walkthrough's filtered_writes.py
// (scripts/bench/filtered_writes_spark.py) submitted to Spark in local mode, as a student runs
// `spark-submit`, on the bench's topic and the stack's HDFS. PySpark (which bundles Spark and a
// Hadoop client) and Spark's Kafka source are installed on first use by lib/stack/pyspark.ts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabConfig } from '../../lib/config.js';
import { LabError } from '../../lib/errors.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { ensurePySpark, PYSPARK, SPARK_VERSION } from '../../lib/stack/pyspark.js';
import { timeProcess } from './gnu-time.js';

export { SPARK_VERSION };
const VENV = PYSPARK.venv;
const KAFKA_JARS = PYSPARK.kafkaJarsDir;
const PROGRAM = join(REPO_ROOT, 'scripts', 'bench', 'filtered_writes_spark.py');
const QUIET_LOG4J2 = join(REPO_ROOT, 'scripts', 'bench', 'spark-quiet-log4j2.properties');

/** PySpark in .lab/pyspark-venv and the Kafka source's jars, installed on first use (with progress). */
export function ensureSpark(log: (line: string) => void): void {
  ensurePySpark(log);
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
  // its own working directory: Spark may leave files (spark-warehouse, derby.log) where it runs
  const cwd = mkdtempSync(join(tmpdir(), 'bench-spark-'));
  try {
    const logging = quiet ? ['--driver-java-options', `-Dlog4j2.configurationFile=file:${QUIET_LOG4J2}`] : [];
    const args = ['--master', 'local[*]', ...logging, '--jars', jars.join(','), PROGRAM];
    const run = await timeProcess(
      join(VENV, 'bin', 'spark-submit'),
      [...args, config.kafka.brokers.join(','), topic, `${config.hdfs.rpcUri}${output}`],
      {
        cwd,
        env: {
          ...process.env,
          PYSPARK_PYTHON: join(VENV, 'bin', 'python'),
          HADOOP_USER_NAME: config.hdfs.user,
          SPARK_LOCAL_IP: '127.0.0.1',
        },
      },
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
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
