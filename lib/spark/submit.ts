// spark-submit, as a student runs it, from the lab's PySpark with Spark's Kafka source, on the lab's
// configuration (lib/config.ts): the program reads KAFKA_BROKERS, EVENTS_TOPIC and HDFS_URI from its
// environment, and --master is SPARK_MASTER: Spark in the submitting process (local[*]) unless a cluster is
// named, e.g. the cluster's standalone master.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig, type LabConfig } from '../config.js';
import { REPO_ROOT } from '../paths.js';
import { ensurePySpark, pysparkEnv, sparkKafkaJars } from '../stack/pyspark.js';

export interface SparkSubmitOptions {
  config?: LabConfig;
  /** more of the program's environment (e.g. PURCHASES_DIR) */
  env?: Record<string, string>;
  /** Spark settings, each as --conf key=value */
  conf?: Record<string, string>;
  /** told every line spark-submit prints, as it prints it */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** where the first use's installation says what it does */
  log?: (line: string) => void;
}

export interface SparkResult {
  exitCode: number | null;
  /** the program's own output (show(), printSchema()) */
  stdout: string;
  /** Spark's log, and the error when the program fails */
  stderr: string;
}

/** The spark-submit arguments: master, the Kafka source's jars, settings, then the program. */
export function sparkSubmitArgs(
  program: string,
  master: string,
  jars: string[],
  conf: Record<string, string> = {},
): string[] {
  return [
    ['--master', master],
    ['--jars', jars.join(',')],
    ...Object.entries(conf).map(([key, value]) => ['--conf', `${key}=${value}`]),
    [isAbsolute(program) ? program : join(REPO_ROOT, program)],
  ].flat();
}

/** Runs `program` (a path, from the repository root when relative) and resolves when it exits, whatever its exit code. */
export function sparkSubmit(program: string, options: SparkSubmitOptions = {}): Promise<SparkResult> {
  const { config = loadConfig(), env = {}, conf, onLine, log = (line) => console.error(line) } = options;
  const pyspark = ensurePySpark(log);
  const args = sparkSubmitArgs(program, config.spark.master, sparkKafkaJars(), conf);
  // its own working directory: Spark may leave files (spark-warehouse, derby.log) where it runs
  const cwd = mkdtempSync(join(tmpdir(), 'spark-submit-'));
  const child = spawn(pyspark.sparkSubmit, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...pysparkEnv(),
      KAFKA_BROKERS: config.kafka.brokers.join(','),
      EVENTS_TOPIC: config.kafka.topic,
      HDFS_URI: config.hdfs.rpcUri,
      HADOOP_USER_NAME: config.hdfs.user,
      // the driver on loopback, named by its address, unless told otherwise (a cluster elsewhere must reach it)
      ...(!process.env.SPARK_LOCAL_IP && { SPARK_LOCAL_IP: '127.0.0.1', SPARK_LOCAL_HOSTNAME: '127.0.0.1' }),
      ...env,
    },
  });
  const output = { stdout: [] as string[], stderr: [] as string[] };
  for (const stream of ['stdout', 'stderr'] as const) {
    createInterface({ input: child[stream] }).on('line', (line) => {
      output[stream].push(line);
      onLine?.(line, stream);
    });
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ exitCode, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') });
    });
  });
}
