// The HDFS daemons of a stack (a NameNode and its DataNodes) as JVM command lines, and `hadoop fs` with
// the same jars and configuration. Apart from the service (hdfs-service.ts), so that `hadoop fs` starts
// without loading the WebHDFS client it does not use.
import { join } from 'node:path';
import { javaDaemon, runJavaTool, type JavaDaemon } from './daemon.js';
import type { DataNode, Heap, StackLayout } from './layout.js';

function hadoopDaemon(
  layout: StackLayout,
  spec: {
    name: string;
    mainClass: string;
    confDir: string;
    heap: Heap;
    ports: JavaDaemon['ports'];
    args?: string[];
  },
): JavaDaemon {
  return javaDaemon({
    name: spec.name,
    dir: layout.hdfsDir,
    mainClass: spec.mainClass,
    // Hadoop finds core-site.xml, hdfs-site.xml and log4j.properties in the conf folder on the classpath
    // (no jar has them); it comes after the jars, as a class-data archive requires
    classpath: [join(layout.jars.hdfs, '*'), spec.confDir],
    jvmOptions: [
      `-Xms${spec.heap.initial}`,
      `-Xmx${spec.heap.max}`,
      `-Dhadoop.home.dir=${layout.hdfsDir}`,
      `-Dhadoop.log.dir=${layout.hdfsDir}`,
      '-Djava.net.preferIPv4Stack=true',
    ],
    args: spec.args ?? [],
    ports: spec.ports,
    classDataDir: layout.classDataDir,
  });
}

export const namenodeDaemon = (layout: StackLayout) =>
  hadoopDaemon(layout, {
    name: 'namenode',
    mainClass: 'org.apache.hadoop.hdfs.server.namenode.NameNode',
    confDir: layout.hdfsConfDir,
    heap: layout.hdfs.namenode.heap,
    ports: [
      { label: 'rpc', port: layout.hdfs.namenode.rpc },
      { label: 'http/webhdfs', port: layout.hdfs.namenode.http },
    ],
  });

export const datanodeDaemon = (layout: StackLayout, datanode: DataNode = layout.hdfs.datanodes[0]) =>
  hadoopDaemon(layout, {
    name: datanode.name,
    mainClass: 'org.apache.hadoop.hdfs.server.datanode.DataNode',
    confDir: datanode.confDir,
    heap: layout.hdfs.datanodeHeap,
    // The DataNode starts with its NameNode and tries its RPC port every 0.2 s (core-site.xml), by default
    // 10 times; then it sleeps 5 s before the next round. A NameNode slower than 2 s to open its port (a
    // busy machine) cost `stack:up` those 5 s: this DataNode keeps trying for 20 s instead. (A generic
    // option of the DataNode's command line, not core-site.xml, where `hadoop fs` would wait as long.)
    args: ['-D', 'ipc.client.connect.max.retries=100'],
    ports: [
      { label: 'data', port: datanode.data },
      { label: 'http', port: datanode.http },
      { label: 'ipc', port: datanode.ipc },
    ],
  });

export const hdfsDaemons = (layout: StackLayout): JavaDaemon[] => [
  namenodeDaemon(layout),
  ...layout.hdfs.datanodes.map((d) => datanodeDaemon(layout, d)),
];

/** `hadoop fs ARGS` with the stack's own jars and configuration (FsShell is Hadoop's real client). */
export function hadoopFs(layout: StackLayout, args: string[]): string {
  return runJavaTool(namenodeDaemon(layout), 'org.apache.hadoop.fs.FsShell', args, { shareClasses: true });
}
