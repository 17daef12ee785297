// HDFS of the local stack: a NameNode and a DataNode, WebHDFS on, everything on 127.0.0.1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { javaDaemon, runJavaTool, type JavaDaemon } from './daemon.js';
import type { StackLayout } from './layout.js';
import { EMPTY_WEB_XML, HADOOP_LOG4J, HADOOP_WEBAPPS, coreSiteXml, hdfsSiteXml } from './service-config.js';

function hadoopDaemon(
  layout: StackLayout,
  name: string,
  mainClass: string,
  ports: JavaDaemon['ports'],
): JavaDaemon {
  return javaDaemon({
    name,
    dir: layout.hdfsDir,
    mainClass,
    // the conf folder first: Hadoop finds core-site.xml, hdfs-site.xml and log4j.properties on the classpath
    classpath: [layout.hdfsConfDir, join(layout.jars.hdfs, '*')],
    jvmOptions: [
      '-Xms128m',
      '-Xmx512m',
      `-Dhadoop.home.dir=${layout.hdfsDir}`,
      `-Dhadoop.log.dir=${layout.hdfsDir}`,
      '-Djava.net.preferIPv4Stack=true',
    ],
    args: [],
    ports,
  });
}

export const namenodeDaemon = (layout: StackLayout) =>
  hadoopDaemon(layout, 'namenode', 'org.apache.hadoop.hdfs.server.namenode.NameNode', [
    { label: 'rpc', port: layout.ports.namenodeRpc },
    { label: 'http/webhdfs', port: layout.ports.namenodeHttp },
  ]);

export const datanodeDaemon = (layout: StackLayout) =>
  hadoopDaemon(layout, 'datanode', 'org.apache.hadoop.hdfs.server.datanode.DataNode', [
    { label: 'data', port: layout.ports.datanode },
    { label: 'http', port: layout.ports.datanodeHttp },
    { label: 'ipc', port: layout.ports.datanodeIpc },
  ]);

export function hdfsClientFor(layout: StackLayout): HdfsClient {
  return new HdfsClient({
    host: layout.host,
    port: layout.ports.namenodeHttp,
    user: loadConfig().hdfs.user,
  });
}

/** Writes the configuration; formats the NameNode on first start (`hdfs namenode -format`). */
export function prepareHdfs(layout: StackLayout, log: (line: string) => void): void {
  mkdirSync(layout.hdfsConfDir, { recursive: true });
  writeFileSync(join(layout.hdfsConfDir, 'core-site.xml'), coreSiteXml(layout));
  writeFileSync(join(layout.hdfsConfDir, 'hdfs-site.xml'), hdfsSiteXml(layout));
  writeFileSync(join(layout.hdfsConfDir, 'log4j.properties'), HADOOP_LOG4J);
  for (const app of HADOOP_WEBAPPS) {
    const webInf = join(layout.hdfsConfDir, 'webapps', app, 'WEB-INF');
    mkdirSync(webInf, { recursive: true });
    writeFileSync(join(webInf, 'web.xml'), EMPTY_WEB_XML);
  }
  if (existsSync(join(layout.hdfsDir, 'name', 'current', 'VERSION'))) return;
  log('Formatting the HDFS NameNode ...');
  runJavaTool(namenodeDaemon(layout), 'org.apache.hadoop.hdfs.server.namenode.NameNode', [
    '-format',
    '-force',
    '-nonInteractive',
    '-clusterId',
    'game-events-lab',
  ]);
}

/** `hadoop fs ARGS` with the stack's own jars and configuration (FsShell is Hadoop's real client). */
export function hadoopFs(layout: StackLayout, args: string[]): string {
  return runJavaTool(namenodeDaemon(layout), 'org.apache.hadoop.fs.FsShell', args);
}

async function liveDataNodes(layout: StackLayout): Promise<number> {
  const url = `http://${layout.host}:${layout.ports.namenodeHttp}/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState`;
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  const body = (await response.json()) as { beans: { NumLiveDataNodes: number }[] };
  return body.beans[0]?.NumLiveDataNodes ?? 0;
}

/** Healthy = one live DataNode and a WebHDFS write → read → delete round trip that returns the same bytes. */
export async function probeHdfs(layout: StackLayout): Promise<string | false> {
  const live = await liveDataNodes(layout);
  if (live < 1) return false;
  const hdfs = hdfsClientFor(layout);
  const path = `/tmp/.lab-healthcheck-${process.pid}`;
  const payload = `healthcheck ${Date.now()}`;
  await hdfs.mkdirs('/tmp');
  await hdfs.writeFile(path, payload);
  const back = (await hdfs.readFile(path)).toString('utf8');
  await hdfs.remove(path);
  if (back !== payload) throw new Error(`WebHDFS read back "${back}" instead of "${payload}"`);
  return `${live} live DataNode, WebHDFS round trip ok`;
}
