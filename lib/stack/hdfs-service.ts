// HDFS of a stack as a service: its configuration, its first start (format) and its health. The daemons
// themselves (a NameNode and its DataNodes, one or three in the cluster) are in hdfs-daemons.ts; WebHDFS
// on, everything on 127.0.0.1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { runJavaTool } from './daemon.js';
import { namenodeDaemon } from './hdfs-daemons.js';
import type { Health } from './health.js';
import type { StackLayout } from './layout.js';
import { EMPTY_WEB_XML, HADOOP_LOG4J, HADOOP_WEBAPPS, coreSiteXml, hdfsSiteXml } from './service-config.js';

export function hdfsClientFor(layout: StackLayout): HdfsClient {
  return new HdfsClient({
    host: layout.host,
    port: layout.hdfs.namenode.http,
    user: loadConfig().hdfs.user,
  });
}

/** Writes each daemon's configuration folder; formats the NameNode on first start (`hdfs namenode -format`). */
export function prepareHdfs(layout: StackLayout, log: (line: string) => void): void {
  const confDirs = new Set([layout.hdfsConfDir, ...layout.hdfs.datanodes.map((d) => d.confDir)]);
  for (const confDir of confDirs) {
    mkdirSync(confDir, { recursive: true });
    writeFileSync(join(confDir, 'core-site.xml'), coreSiteXml(layout));
    writeFileSync(join(confDir, 'hdfs-site.xml'), hdfsSiteXml(layout, confDir));
    writeFileSync(join(confDir, 'log4j.properties'), HADOOP_LOG4J);
    for (const app of HADOOP_WEBAPPS) {
      const webInf = join(confDir, 'webapps', app, 'WEB-INF');
      mkdirSync(webInf, { recursive: true });
      writeFileSync(join(webInf, 'web.xml'), EMPTY_WEB_XML);
    }
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

// The NameNode marks a DataNode stale after 30 s without a heartbeat unless told otherwise
// (dfs.namenode.stale.datanode.interval), dead only after 10.5 minutes; a DataNode that has been silent
// that long is not counted as live here.
const staleAfterSeconds = (layout: StackLayout) => (layout.hdfs.staleDataNodeMs ?? 30_000) / 1000;

interface NameNodeInfo {
  Safemode: string;
  /** JSON: {"host:port": {"xferaddr": "127.0.0.1:9866", "lastContact": 0, …}} */
  LiveNodes: string;
}

async function nameNodeInfo(layout: StackLayout): Promise<NameNodeInfo> {
  const url = `http://${layout.host}:${layout.hdfs.namenode.http}/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo`;
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  const body = (await response.json()) as { beans: NameNodeInfo[] };
  if (!body.beans[0]) throw new Error('the NameNode has no NameNodeInfo yet');
  return body.beans[0];
}

/** A write → read → delete through WebHDFS that must return the same bytes. */
async function webHdfsRoundTrip(layout: StackLayout): Promise<void> {
  const hdfs = hdfsClientFor(layout);
  const path = `/tmp/.lab-healthcheck-${process.pid}`;
  const payload = `healthcheck ${Date.now()}`;
  await hdfs.mkdirs('/tmp');
  await hdfs.writeFile(path, payload);
  const back = (await hdfs.readFile(path)).toString('utf8');
  await hdfs.remove(path);
  if (back !== payload) throw new Error(`WebHDFS read back "${back}" instead of "${payload}"`);
}

/** Healthy = out of safe mode, every DataNode live, and a WebHDFS round trip that returns the same bytes. */
export async function probeHdfs(layout: StackLayout): Promise<Health> {
  const info = await nameNodeInfo(layout);
  const listed = JSON.parse(info.LiveNodes) as Record<string, { xferaddr: string; lastContact: number }>;
  const live = Object.values(listed);
  const { datanodes } = layout.hdfs;
  const daemons: Health['daemons'] = {
    namenode: info.Safemode ? { ok: false, detail: 'in safe mode' } : { ok: true, detail: 'active' },
  };
  for (const datanode of datanodes) {
    const seen = live.find((n) => n.xferaddr === `${layout.host}:${datanode.data}`);
    daemons[datanode.name] =
      seen && seen.lastContact < staleAfterSeconds(layout)
        ? { ok: true, detail: 'live' }
        : { ok: false, detail: seen ? `silent for ${seen.lastContact} s` : 'not registered' };
  }
  const liveCount = datanodes.filter((d) => daemons[d.name].ok).length;
  const summary = `${liveCount} of ${datanodes.length} DataNode${datanodes.length > 1 ? 's' : ''} live`;
  if (info.Safemode) return { ok: false, detail: `${summary}, in safe mode`, daemons };
  if (liveCount < datanodes.length) return { ok: false, detail: summary, daemons };
  await webHdfsRoundTrip(layout);
  return { ok: true, detail: `${summary}, WebHDFS round trip ok`, daemons };
}
