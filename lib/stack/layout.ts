// Where the local stack keeps everything: one git-ignored folder (.lab/, or $LAB_HOME) with the jars,
// each service's configuration, data, log and PID file. Ports in one place, overridable for a test that
// needs a second, throwaway broker.
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

export interface StackLayout {
  home: string;
  jars: { kafka: string; hdfs: string };
  kafkaDir: string;
  hdfsDir: string;
  hdfsConfDir: string;
  ports: StackPorts;
  host: string;
}

export function stackLayout(
  home: string = process.env.LAB_HOME ?? join(REPO_ROOT, '.lab'),
  ports: StackPorts = DEFAULT_PORTS,
): StackLayout {
  // Jars are shared by every stack home: a throwaway test broker reuses the cached ones.
  const jars = join(REPO_ROOT, '.lab', 'jars');
  return {
    home,
    jars: { kafka: join(jars, 'kafka'), hdfs: join(jars, 'hdfs') },
    kafkaDir: join(home, 'kafka'),
    hdfsDir: join(home, 'hdfs'),
    hdfsConfDir: join(home, 'hdfs', 'conf'),
    ports,
    host: '127.0.0.1',
  };
}
