// Where a stack keeps everything and which ports it owns. A stack home (.lab/, or $LAB_HOME) is one
// git-ignored folder with each service's configuration, data, log and PID files; the jars are shared.
// Two layouts come from here: the single-node stack (one Kafka node, a NameNode and one DataNode), and the
// cluster (three Kafka nodes, a NameNode and three DataNodes, a Spark master and two workers) in
// <home>/cluster on ports of its own, so both can run side by side. Each stack's ports are one flat table
// in one place; overridable for a throwaway test stack.
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.js';

export interface StackPorts {
  kafka: number;
  kafkaController: number;
  namenodeRpc: number;
  namenodeHttp: number;
  datanode: number;
  datanodeHttp: number;
  datanodeIpc: number;
}

export const DEFAULT_PORTS: StackPorts = {
  kafka: 9092,
  kafkaController: 9093,
  namenodeRpc: 8020,
  namenodeHttp: 9870,
  datanode: 9866,
  datanodeHttp: 9864,
  datanodeIpc: 9867,
};

/**
 * The cluster's ports: the usual ones with a 1 in front where that is a valid port (NameNode 18020/19870,
 * Spark 17077/18080), and node N of Kafka and HDFS on 19N92/19N93 and 19N66/19N64/19N67. All below 32768,
 * where Linux hands out ephemeral ports (Spark's executors and the tests' throwaway stacks take those).
 */
export const CLUSTER_PORTS = {
  kafka1: 19192,
  kafka1Controller: 19193,
  kafka2: 19292,
  kafka2Controller: 19293,
  kafka3: 19392,
  kafka3Controller: 19393,
  namenodeRpc: 18020,
  namenodeHttp: 19870,
  datanode1: 19166,
  datanode1Http: 19164,
  datanode1Ipc: 19167,
  datanode2: 19266,
  datanode2Http: 19264,
  datanode2Ipc: 19267,
  datanode3: 19366,
  datanode3Http: 19364,
  datanode3Ipc: 19367,
  sparkMaster: 17077,
  sparkMasterUi: 18080,
  sparkWorker1: 17078,
  sparkWorker1Ui: 18081,
  sparkWorker2: 17079,
  sparkWorker2Ui: 18082,
};

/** One KRaft node: a broker and a controller in one process. */
export interface KafkaNode {
  id: number;
  /** the daemon's name: its PID and log files, `stack:logs -- NAME` */
  name: string;
  /** its configuration, data, PID and log files */
  dir: string;
  broker: number;
  controller: number;
}

export interface DataNode {
  name: string;
  dataDir: string;
  /** the Hadoop configuration folder it reads (first on its classpath) */
  confDir: string;
  data: number;
  http: number;
  ipc: number;
}

export interface SparkWorker {
  name: string;
  /** its work folder (executors' files) and scratch space */
  dir: string;
  port: number;
  ui: number;
}

/** A JVM's heap: -Xms and -Xmx. */
export interface Heap {
  initial: string;
  max: string;
}

export interface StackLayout {
  /** "stack" or "cluster": what messages and hints call it */
  kind: 'stack' | 'cluster';
  home: string;
  jars: { kafka: string; hdfs: string };
  /** the JVMs' class-data archives (lib/stack/class-data.ts), shared like the jars */
  classDataDir: string;
  host: string;
  kafkaDir: string;
  hdfsDir: string;
  /** the NameNode's configuration folder, which FsShell reads too */
  hdfsConfDir: string;
  kafka: {
    nodes: KafkaNode[];
    /** num.partitions: a topic's partitions when the creator does not say */
    partitions: number;
    /** default.replication.factor, and the internal topics' replication */
    replicationFactor: number;
    /** min.insync.replicas: copies an acks=all write needs */
    minInsyncReplicas: number;
    heap: Heap;
  };
  hdfs: {
    namenode: { rpc: number; http: number; heap: Heap };
    datanodes: DataNode[];
    /** dfs.replication */
    replication: number;
    /**
     * After how long without a heartbeat the NameNode stops sending readers and writers to a DataNode
     * (stale); null for Hadoop's defaults, which keep sending readers to it until it is dead (10.5 min).
     */
    staleDataNodeMs: number | null;
    datanodeHeap: Heap;
  };
  spark: {
    dir: string;
    master: { name: string; port: number; ui: number };
    workers: SparkWorker[];
    /** SPARK_DAEMON_MEMORY: the master's and each worker's own heap (executors get `--memory`) */
    daemonHeap: string;
    worker: { cores: number; memory: string };
  } | null;
  /** every port of the stack, by what it is for */
  ports: Readonly<Record<string, number>>;
}

/** The single-node stack's home: $LAB_HOME, else <repo>/.lab. */
const defaultHome = () => process.env.LAB_HOME ?? join(REPO_ROOT, '.lab');

/** What every stack home has: a Kafka folder, an HDFS folder with the NameNode's configuration. */
function homeFolders(home: string) {
  const hdfsDir = join(home, 'hdfs');
  // Jars and class-data archives are shared by every stack home: a throwaway test broker and the cluster
  // reuse the cached ones.
  const shared = join(REPO_ROOT, '.lab');
  const jars = join(shared, 'jars');
  return {
    home,
    jars: { kafka: join(jars, 'kafka'), hdfs: join(jars, 'hdfs') },
    classDataDir: join(shared, 'class-data'),
    host: '127.0.0.1',
    kafkaDir: join(home, 'kafka'),
    hdfsDir,
    hdfsConfDir: join(hdfsDir, 'conf'),
  };
}

/** The single-node stack: one KRaft node, a NameNode and a DataNode, each holding one copy of everything. */
export function stackLayout(home: string = defaultHome(), ports: StackPorts = DEFAULT_PORTS): StackLayout {
  const folders = homeFolders(home);
  const { kafkaDir, hdfsDir, hdfsConfDir } = folders;
  return {
    kind: 'stack',
    ...folders,
    kafka: {
      nodes: [
        { id: 1, name: 'kafka', dir: kafkaDir, broker: ports.kafka, controller: ports.kafkaController },
      ],
      partitions: 1,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      heap: { initial: '256m', max: '768m' },
    },
    hdfs: {
      namenode: { rpc: ports.namenodeRpc, http: ports.namenodeHttp, heap: { initial: '128m', max: '512m' } },
      datanodes: [
        {
          name: 'datanode',
          dataDir: join(hdfsDir, 'data'),
          confDir: hdfsConfDir,
          data: ports.datanode,
          http: ports.datanodeHttp,
          ipc: ports.datanodeIpc,
        },
      ],
      replication: 1,
      staleDataNodeMs: null,
      datanodeHeap: { initial: '128m', max: '512m' },
    },
    spark: null,
    ports: { ...ports },
  };
}

const NODES = [1, 2, 3];
const WORKERS = [1, 2];

/** The cluster's home: <single-node stack home>/cluster. */
export const defaultClusterHome = () => join(defaultHome(), 'cluster');

/**
 * The cluster: three KRaft nodes (a quorum of three controllers, every topic on three brokers, acks=all
 * needing two), a NameNode with three DataNodes (three copies of each block), and Spark's standalone master
 * with two workers. Heaps are small so that its ten JVMs and a job's executors fit a 2-core, few-GB machine
 * beside the single-node stack (docs/cluster.md).
 */
export function clusterLayout(
  home: string = defaultClusterHome(),
  ports: typeof CLUSTER_PORTS = CLUSTER_PORTS,
): StackLayout {
  const folders = homeFolders(home);
  const { kafkaDir, hdfsDir } = folders;
  const sparkDir = join(home, 'spark');
  const port = (name: string): number => (ports as Record<string, number>)[name];
  return {
    kind: 'cluster',
    ...folders,
    kafka: {
      nodes: NODES.map((id) => ({
        id,
        name: `kafka-${id}`,
        dir: join(kafkaDir, `kafka-${id}`),
        broker: port(`kafka${id}`),
        controller: port(`kafka${id}Controller`),
      })),
      partitions: 3,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      heap: { initial: '128m', max: '512m' },
    },
    hdfs: {
      namenode: { rpc: ports.namenodeRpc, http: ports.namenodeHttp, heap: { initial: '128m', max: '384m' } },
      datanodes: NODES.map((n) => ({
        name: `datanode-${n}`,
        dataDir: join(hdfsDir, `datanode-${n}`, 'data'),
        confDir: join(hdfsDir, `datanode-${n}`, 'conf'),
        data: port(`datanode${n}`),
        http: port(`datanode${n}Http`),
        ipc: port(`datanode${n}Ipc`),
      })),
      replication: 3,
      // ten missed heartbeats: at 5 s, DataNodes of a busy 2-core machine were passed over by writes
      staleDataNodeMs: 10_000,
      datanodeHeap: { initial: '64m', max: '256m' },
    },
    spark: {
      dir: sparkDir,
      master: { name: 'spark-master', port: ports.sparkMaster, ui: ports.sparkMasterUi },
      workers: WORKERS.map((n) => ({
        name: `spark-worker-${n}`,
        dir: join(sparkDir, `worker-${n}`),
        port: port(`sparkWorker${n}`),
        ui: port(`sparkWorker${n}Ui`),
      })),
      daemonHeap: '256m',
      worker: { cores: 1, memory: '1g' },
    },
    ports: { ...ports },
  };
}
