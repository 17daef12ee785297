// The HDFS daemons of a stack (a NameNode and its DataNodes) as JVM command lines, and `hadoop fs` with
// the same jars and configuration. Apart from the service (hdfs-service.ts), so that `hadoop fs` starts
// without loading the WebHDFS client it does not use.
import { join } from 'node:path';
import { javaDaemon, runJavaTool, type JavaDaemon } from './daemon.js';
import type { DataNode, Heap, StackLayout } from './layout.js';

function hadoopDaemon(
  layout: StackLayout,
  spec: { name: string; mainClass: string; confDir: string; heap: Heap; ports: JavaDaemon['ports'] },
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
    args: [],
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
