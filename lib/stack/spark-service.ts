// Spark of the cluster: a standalone master and its workers, run from PySpark's own jars with its
// `spark-class` launcher (PySpark's wheel has no sbin/start-*.sh scripts). Everything binds 127.0.0.1:
// Spark's web UIs and its executors bind SPARK_LOCAL_IP.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { marker, type Daemon } from './daemon.js';
import type { Health } from './health.js';
import type { SparkWorker, StackLayout } from './layout.js';
import { ensurePySpark, PYSPARK, pysparkEnv } from './pyspark.js';

type SparkNodes = NonNullable<StackLayout['spark']>;

/** The cluster's master URL, for spark-submit's --master. */
export const sparkMasterUrl = (layout: StackLayout, spark: SparkNodes) =>
  `spark://${layout.host}:${spark.master.port}`;

/** spark-class with the launcher's environment: Spark from the venv, the daemon's heap and our marker. */
function sparkDaemon(
  layout: StackLayout,
  spark: SparkNodes,
  spec: { name: string; mainClass: string; args: string[]; ports: Daemon['ports']; env?: NodeJS.ProcessEnv },
): Daemon {
  return {
    name: spec.name,
    dir: spark.dir,
    command: [PYSPARK.sparkClass, spec.mainClass, ...spec.args],
    ports: spec.ports,
    env: {
      ...pysparkEnv(),
      SPARK_DAEMON_MEMORY: spark.daemonHeap,
      SPARK_DAEMON_JAVA_OPTS: marker({ name: spec.name, dir: spark.dir }),
      SPARK_LOCAL_IP: layout.host,
      // the address itself in Spark's URLs, not its canonical name (localhost, which may resolve to ::1)
      SPARK_LOCAL_HOSTNAME: layout.host,
      ...spec.env,
    },
  };
}

export function sparkMasterDaemon(layout: StackLayout, spark: SparkNodes): Daemon {
  const { master } = spark;
  return sparkDaemon(layout, spark, {
    name: master.name,
    mainClass: 'org.apache.spark.deploy.master.Master',
    args: ['--host', layout.host, '--port', String(master.port), '--webui-port', String(master.ui)],
    ports: [
      { label: 'master', port: master.port },
      { label: 'web UI', port: master.ui },
    ],
  });
}

export function sparkWorkerDaemon(layout: StackLayout, spark: SparkNodes, worker: SparkWorker): Daemon {
  return sparkDaemon(layout, spark, {
    name: worker.name,
    mainClass: 'org.apache.spark.deploy.worker.Worker',
    args: [
      sparkMasterUrl(layout, spark),
      ['--host', layout.host],
      ['--port', String(worker.port)],
      ['--webui-port', String(worker.ui)],
      ['--cores', String(spark.worker.cores)],
      ['--memory', spark.worker.memory],
      // not the default SPARK_HOME/work, which is inside the virtualenv
      ['--work-dir', join(worker.dir, 'work')],
    ].flat(),
    ports: [
      { label: 'worker', port: worker.port },
      { label: 'web UI', port: worker.ui },
    ],
    env: { SPARK_LOCAL_DIRS: join(worker.dir, 'tmp') },
  });
}

export function sparkDaemons(layout: StackLayout): Daemon[] {
  const spark = layout.spark;
  if (!spark) return [];
  return [sparkMasterDaemon(layout, spark), ...spark.workers.map((w) => sparkWorkerDaemon(layout, spark, w))];
}

/** PySpark installed (first use only), and the workers' folders. */
export function prepareSpark(layout: StackLayout, log: (line: string) => void): void {
  ensurePySpark(log);
  for (const worker of layout.spark?.workers ?? []) mkdirSync(join(worker.dir, 'tmp'), { recursive: true });
}

/** The master's status page as JSON (what its web UI shows). */
export interface MasterState {
  status: string;
  workers: { id: string; host: string; port: number; state: string; cores: number; memory: number }[];
  activeapps: { id: string; name: string; state: string }[];
}

export async function sparkMasterState(layout: StackLayout, spark: SparkNodes): Promise<MasterState> {
  const url = `http://${layout.host}:${spark.master.ui}/json/`;
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as MasterState;
}

/** Healthy = the master is ALIVE and lists every worker ALIVE. */
export async function probeSpark(layout: StackLayout): Promise<Health> {
  const spark = layout.spark;
  if (!spark) return { ok: true, detail: 'no Spark in this stack', daemons: {} };
  const state = await sparkMasterState(layout, spark);
  const daemons: Health['daemons'] = {
    [spark.master.name]: { ok: state.status === 'ALIVE', detail: state.status },
  };
  for (const worker of spark.workers) {
    const registered = state.workers.find((w) => w.port === worker.port && w.state === 'ALIVE');
    daemons[worker.name] = registered
      ? { ok: true, detail: `ALIVE (cores ${registered.cores}, memory ${registered.memory} MB)` }
      : { ok: false, detail: 'not registered' };
  }
  const alive = spark.workers.filter((w) => daemons[w.name].ok).length;
  return {
    ok: Object.values(daemons).every((d) => d.ok),
    detail: `master ${state.status} at ${sparkMasterUrl(layout, spark)}, ${alive} of ${spark.workers.length} workers ALIVE`,
    daemons,
  };
}
