// Reading a file over WebHDFS when a DataNode may be dead. The NameNode names a DataNode holding the file
// (OPEN with noredirect=true) and that DataNode sends it. A NameNode keeps naming a killed DataNode until it
// marks it stale (dfs.namenode.avoid.read.stale.datanode, off by default) or dead (10.5 minutes), so a
// DataNode that refuses the connection is excluded and the NameNode asked again, as Hadoop's own WebHDFS
// client does: the file reads as long as one replica's DataNode lives. (webhdfs' readFile cannot do this,
// and never calls back when the DataNode refuses the connection.) The NameNode takes `excludedatanodes` as
// data-transfer addresses, while a DataNode's URL shows its HTTP address; the NameNode's JMX maps one to
// the other.
import { dataNodeUrl, remoteMessage } from './webhdfs-answers.js';

export interface WebHdfsEndpoint {
  /** http://host:port of the NameNode */
  endpoint: string;
  user: string;
}

/** What went wrong where, for the caller's messages: the NameNode, a DataNode, or an HDFS answer. */
export class ReadFailure extends Error {
  constructor(
    message: string,
    readonly where: 'namenode' | 'datanode' | 'hdfs',
    /** the network error code (ECONNREFUSED, …) when there was no answer at all */
    readonly code?: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 30_000;

/** The NameNode's OPEN of `path` (already percent-encoded), answering with a DataNode's URL. */
export function openUrl({ endpoint, user }: WebHdfsEndpoint, path: string, excluded: string[]): string {
  const query = new URLSearchParams({ op: 'OPEN', 'user.name': user, noredirect: 'true' });
  if (excluded.length > 0) query.set('excludedatanodes', excluded.join(','));
  return `${endpoint}/webhdfs/v1${path}?${query}`;
}

/** DataNode HTTP address → data-transfer address, from NameNodeInfo's LiveNodes JSON. */
export function transferAddresses(liveNodes: string): Map<string, string> {
  const nodes = Object.values(
    JSON.parse(liveNodes) as Record<string, { infoAddr: string; xferaddr: string }>,
  );
  return new Map(nodes.map((node) => [node.infoAddr, node.xferaddr]));
}

const networkCode = (err: unknown): string | undefined =>
  (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;

/** A fetch whose failures say where and why; WebHDFS errors carry Hadoop's RemoteException message. */
async function get(url: string, where: 'namenode' | 'datanode'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (err) {
    const code = networkCode(err) ?? (err instanceof Error ? err.name : 'error');
    throw new ReadFailure(`${new URL(url).host} did not answer (${code})`, where, code);
  }
  if (response.ok) return response;
  const body = await response.text();
  // not Hadoop's JSON error: the text as it came
  throw new ReadFailure(`${response.status} ${remoteMessage(body, body.trim())}`, 'hdfs');
}

export interface FailoverOptions {
  /** told each DataNode (its HTTP address) that did not answer and was passed over */
  onFailover?: (dataNode: string, failure: ReadFailure) => void;
}

/** Reads the whole file at `path` (percent-encoded), failing over from DataNodes that do not answer. */
export async function readWithFailover(
  hdfs: WebHdfsEndpoint,
  path: string,
  { onFailover }: FailoverOptions = {},
): Promise<Buffer> {
  const excluded: string[] = [];
  for (;;) {
    const open = await get(openUrl(hdfs, path, excluded), 'namenode');
    const { Location: location } = (await open.json()) as { Location: string };
    try {
      return Buffer.from(await (await get(dataNodeUrl(location, path), 'datanode')).arrayBuffer());
    } catch (err) {
      if (!(err instanceof ReadFailure) || err.where !== 'datanode') throw err;
      const jmx = `${hdfs.endpoint}/jmx?qry=Hadoop:service=NameNode,name=NameNodeInfo`;
      const info = (await (await get(jmx, 'namenode')).json()) as { beans: { LiveNodes: string }[] };
      const dataNode = new URL(location).host;
      const dead = transferAddresses(info.beans[0]?.LiveNodes ?? '{}').get(dataNode);
      // a DataNode the NameNode no longer lists, or one excluded already: nothing left to try
      if (!dead || excluded.includes(dead)) throw err;
      excluded.push(dead);
      onFailover?.(dataNode, err);
    }
  }
}
