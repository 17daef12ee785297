// The environment that points the lab's programs at a stack (lib/config.ts reads it): the same variables
// that point them at a real cluster elsewhere (docs/cluster.md).
import { kafkaBrokers } from './kafka-service.js';
import { clusterLayout, type StackLayout } from './layout.js';
import { sparkMasterUrl } from './spark-service.js';

export function labEnv(layout: StackLayout): Record<string, string> {
  return {
    ...(layout.kind === 'cluster' && { LAB_STACK: 'cluster' }),
    KAFKA_BROKERS: kafkaBrokers(layout).join(','),
    WEBHDFS_HOST: layout.host,
    WEBHDFS_PORT: String(layout.hdfs.namenode.http),
    HDFS_URI: `hdfs://${layout.host}:${layout.hdfs.namenode.rpc}`,
    ...(layout.spark && { SPARK_MASTER: sparkMasterUrl(layout, layout.spark) }),
  };
}

/** `--cluster`: this process, and every program it starts, on the lab's cluster (npm run stack:up -- --cluster). */
export function useCluster(env: NodeJS.ProcessEnv = process.env): void {
  Object.assign(env, labEnv(clusterLayout()));
}
