// Every endpoint, name and port of the lab, in one place. Defaults are the local JVM stack on 127.0.0.1;
// docker-compose.yml sets the same variables to the services' names, and `--cluster` (lib/stack/lab-env.ts)
// to the cluster's ports, so one code base serves every stack.
import { userInfo } from 'node:os';
import { ConfigError } from './errors.js';

export type StackKind = 'local' | 'compose' | 'cluster';

/** What runs the batch jobs of steps 6-8: the lab's TypeScript programs, or the walkthrough's PySpark ones. */
export type Engine = 'typescript' | 'spark';

export interface LabConfig {
  stack: StackKind;
  kafka: { brokers: string[]; topic: string; clientId: string };
  hdfs: {
    host: string;
    port: number;
    user: string;
    rpcUri: string;
    /** where filtered_writes writes and the notebook reads: the original's /tmp/purchases */
    purchasesDir: string;
    /** where exploring-events.ipynb reads: what `separate_events --write /tmp/events` writes */
    eventsDir: string;
  };
  api: { host: string; port: number };
  /** where spark-submit runs the PySpark programs: Spark's own master URL */
  spark: { master: string };
  engine: Engine;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(
      `${name}=${raw} is not a TCP port`,
      `set ${name} to a number from 1 to 65535, or unset it`,
    );
  }
  return value;
}

function text(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw ? raw : fallback;
}

// local, local[4], local[*], spark://host:port[,host:port], yarn, k8s://…: what spark-submit --master takes
const SPARK_MASTER = /^(local(\[(\*|\d+)(,\d+)?\])?|spark:\/\/[^:\s]+:\d+(,[^:\s]+:\d+)*|yarn|k8s:\/\/\S+)$/;

function sparkMaster(env: Env): string {
  const master = text(env, 'SPARK_MASTER', 'local[*]');
  if (!SPARK_MASTER.test(master)) {
    throw new ConfigError(
      `SPARK_MASTER=${master} is not a Spark master URL`,
      'e.g. SPARK_MASTER=spark://127.0.0.1:17077 (the cluster), or local[*] (default: Spark in this process)',
    );
  }
  return master;
}

export function loadConfig(env: Env = process.env): LabConfig {
  const stack = text(env, 'LAB_STACK', 'local');
  if (stack !== 'local' && stack !== 'compose' && stack !== 'cluster') {
    throw new ConfigError(
      `LAB_STACK=${stack} is not a stack`,
      'use LAB_STACK=local (default) or LAB_STACK=compose; `--cluster` sets LAB_STACK=cluster',
    );
  }
  if (stack === 'cluster' && !env.KAFKA_BROKERS) {
    throw new ConfigError(
      "LAB_STACK=cluster is set without the cluster's addresses",
      'pass --cluster instead (e.g. `npm run lab -- --cluster`): it sets KAFKA_BROKERS, WEBHDFS_* and SPARK_MASTER too',
    );
  }
  const engine = text(env, 'LAB_ENGINE', 'typescript');
  if (engine !== 'typescript' && engine !== 'spark') {
    throw new ConfigError(
      `LAB_ENGINE=${engine} is not an engine`,
      "use typescript (default: the lab's programs) or spark (the walkthrough's PySpark programs)",
    );
  }
  const brokers = text(env, 'KAFKA_BROKERS', '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of brokers) {
    if (!/^[^:\s]+:\d+$/.test(broker)) {
      throw new ConfigError(
        `KAFKA_BROKERS has "${broker}", not host:port`,
        'e.g. KAFKA_BROKERS=127.0.0.1:9092',
      );
    }
  }
  const hdfsHost = text(env, 'WEBHDFS_HOST', '127.0.0.1');
  return {
    stack,
    kafka: {
      brokers,
      topic: text(env, 'EVENTS_TOPIC', 'events'),
      clientId: text(env, 'KAFKA_CLIENT_ID', 'game-events-lab'),
    },
    hdfs: {
      host: hdfsHost,
      port: port(env, 'WEBHDFS_PORT', 9870),
      // the user's name only when HDFS_USER is unset: userInfo() throws for a user ID with no name
      user: text(env, 'HDFS_USER', '') || userInfo().username,
      rpcUri: text(env, 'HDFS_URI', `hdfs://${hdfsHost}:8020`),
      purchasesDir: text(env, 'PURCHASES_DIR', '/tmp/purchases'),
      eventsDir: text(env, 'EVENTS_DIR', '/tmp/events'),
    },
    api: { host: text(env, 'API_HOST', '127.0.0.1'), port: port(env, 'API_PORT', 5000) },
    spark: { master: sparkMaster(env) },
    engine,
  };
}
