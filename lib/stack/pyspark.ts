// PySpark, which bundles Spark (and a Hadoop client), in a git-ignored virtualenv, and Spark's Kafka source
// from Maven: what the cluster's standalone master and workers run, and what spark-submit runs the
// walkthrough's PySpark programs with. Installed once, on first use, with a progress message; shared by
// every stack home, like the jars.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { REPO_ROOT } from '../paths.js';
import { requireTool } from '../process/tools.js';
import { requireJava } from './jars.js';

// 3.5.x runs on Java 17; 3.5.7 is the newest whose Kafka source Maven finds here (not 3.5.8).
export const SPARK_VERSION = '3.5.7';

export interface PySpark {
  venv: string;
  /** the virtualenv's python: the driver's and the executors' Python */
  python: string;
  sparkSubmit: string;
  sparkClass: string;
  /** the folder of Spark's Kafka source and its dependencies (handed to spark-submit as --jars) */
  kafkaJarsDir: string;
}

export const PYSPARK: PySpark = (() => {
  const venv = join(REPO_ROOT, '.lab', 'pyspark-venv');
  return {
    venv,
    python: join(venv, 'bin', 'python'),
    sparkSubmit: join(venv, 'bin', 'spark-submit'),
    sparkClass: join(venv, 'bin', 'spark-class'),
    kafkaJarsDir: join(REPO_ROOT, '.lab', 'jars', 'spark-kafka'),
  };
})();

const VENV_STAMP = join(PYSPARK.venv, 'lab-pyspark-version');
const KAFKA_POM = join(REPO_ROOT, 'stack', 'maven', 'spark-kafka', 'pom.xml');

function runOrThrow(command: string, args: string[], what: string, hint: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new PrerequisiteError(`${what} failed (${command} ${args.join(' ')})`, hint);
}

/**
 * The environment Spark's launchers (spark-class, spark-submit) run in: the virtualenv activated, so that
 * they find Spark's home and the driver and executors run its python. A SPARK_HOME, SPARK_CONF_DIR or
 * PYSPARK_DRIVER_PYTHON of the user's would point them at another Spark or another python.
 */
export function pysparkEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    VIRTUAL_ENV: PYSPARK.venv,
    PATH: `${join(PYSPARK.venv, 'bin')}:${base.PATH ?? ''}`,
    PYSPARK_PYTHON: PYSPARK.python,
  };
  delete env.SPARK_HOME;
  delete env.SPARK_CONF_DIR;
  delete env.PYSPARK_DRIVER_PYTHON;
  return env;
}

/** The Kafka source's jars, for spark-submit's --jars. */
export const sparkKafkaJars = (): string[] =>
  readdirSync(PYSPARK.kafkaJarsDir).map((jar) => join(PYSPARK.kafkaJarsDir, jar));

/** PySpark in .lab/pyspark-venv and the Kafka source's jars, installed on first use. */
export function ensurePySpark(log: (line: string) => void): PySpark {
  requireJava();
  const installed = existsSync(VENV_STAMP) && readFileSync(VENV_STAMP, 'utf8').trim() === SPARK_VERSION;
  if (!installed) {
    requireTool('python3', ['--version'], 'install Python 3.8–3.11 with its venv module (python3-venv)');
    log(`Installing PySpark ${SPARK_VERSION} into ${PYSPARK.venv} (first use only, ~320 MB download) ...`);
    rmSync(PYSPARK.venv, { recursive: true, force: true });
    runOrThrow(
      'python3',
      ['-m', 'venv', PYSPARK.venv],
      'creating the virtualenv',
      "install Python's venv module, e.g. `apt-get install python3-venv`, then try again",
    );
    runOrThrow(
      join(PYSPARK.venv, 'bin', 'pip'),
      ['install', '--disable-pip-version-check', '--progress-bar', 'off', `pyspark==${SPARK_VERSION}`],
      'pip install',
      'check that PyPI is reachable (pip uses ~/.config/pip/pip.conf), then try again',
    );
    writeFileSync(VENV_STAMP, `${SPARK_VERSION}\n`);
  }
  if (!existsSync(join(PYSPARK.kafkaJarsDir, `spark-sql-kafka-0-10_2.12-${SPARK_VERSION}.jar`))) {
    requireTool('mvn', ['-v'], 'install Maven, e.g. `apt-get install maven`');
    log(`Resolving Spark's Kafka source with Maven into ${PYSPARK.kafkaJarsDir} (first use only, ~6 MB) ...`);
    rmSync(PYSPARK.kafkaJarsDir, { recursive: true, force: true });
    runOrThrow(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        KAFKA_POM,
        'package',
        `-Dspark.version=${SPARK_VERSION}`,
        `-Dspark.kafka.jars=${PYSPARK.kafkaJarsDir}`,
      ],
      'resolving spark-sql-kafka-0-10',
      'check that Maven Central is reachable (mvn uses ~/.m2/settings.xml), then try again',
    );
  }
  return PYSPARK;
}
