// kill -9 of a DataNode after a Parquet directory was written to the cluster's HDFS: the notebook's reader
// (readParquet over WebHDFS) still reads every row. Each block has three copies, one per DataNode, and the
// reader passes over a DataNode that does not answer: the test reads until a read met the dead one (the
// NameNode names the copies in random order) and checks that it failed over to a live one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readWithFailover } from '../../../lib/hdfs/failover-read.js';
import { readParquet } from '../../../lib/notebook/read-parquet.js';
import { uploadSparkOutput } from '../../support/spark-output.js';
import { waitFor } from '../../../lib/wait-for.js';
import { EXPECTED, PARTS } from '../notebook-data.js';
import {
  cluster,
  clusterDaemon,
  clusterHdfs,
  kill9,
  randomName,
  restoreCluster,
} from '../../support/cluster.js';

const dir = `/tmp/${randomName('test-kill-datanode')}`;
const hdfs = clusterHdfs();
const { endpoint, config } = hdfs;
const victim = cluster.hdfs.datanodes[1];
/** a bound on the reads that may pass before one meets the dead DataNode: 1 in 3 does, on average */
const MAX_READS = 60;

describe('Cluster > HDFS: kill -9 of a DataNode after the write', () => {
  let parts: string[] = [];

  before(async () => {
    await uploadSparkOutput(hdfs, dir, PARTS);
    parts = (await hdfs.list(dir))
      .filter((f) => f.pathSuffix.endsWith('.parquet'))
      .map((f) => `${dir}/${f.pathSuffix}`);
  });

  after(async () => {
    await restoreCluster();
    await hdfs.remove(dir);
  });

  it('keeps three copies of every part, one on each DataNode', async () => {
    assert.equal(parts.length, PARTS.length, `the parts: ${parts.join(', ')}`);
    const everyDataNode = cluster.hdfs.datanodes.map((d) => `${cluster.host}:${d.data}`).join(',');
    // A DataNode that a busy machine kept from its heartbeats is left out of a write's pipeline; the
    // NameNode then copies the block to it on its own.
    await waitFor(
      async () => {
        for (const part of parts) {
          const url = `${endpoint}/webhdfs/v1${part}?op=GETFILEBLOCKLOCATIONS&user.name=${config.user}`;
          const { BlockLocations } = (await (await fetch(url)).json()) as {
            BlockLocations: { BlockLocation: { names: string[] }[] };
          };
          for (const block of BlockLocations.BlockLocation) {
            const names = [...block.names].sort().join(',');
            if (names !== everyDataNode) throw new Error(`${part} has copies on ${names}`);
          }
        }
        return true;
      },
      { label: 'a copy of every block on every DataNode', timeoutMs: 120_000, intervalMs: 1000 },
    );
  });

  it('reads every row once a DataNode is killed, a read that meets the dead one failing over', async (t) => {
    const whole = await readParquet(dir, { hdfs });
    assert.equal(whole.rows.length, EXPECTED.rows, 'all rows before the kill');
    const read = (part: string, onFailover?: (dataNode: string) => void) =>
      readWithFailover({ endpoint, user: config.user }, encodeURI(part), { onFailover });
    const bytes = new Map(await Promise.all(parts.map(async (part) => [part, await read(part)] as const)));

    const pid = await kill9(clusterDaemon(victim.name));
    const dead = `${cluster.host}:${victim.http}`;
    const passedOver: string[] = [];
    // each OPEN names one of the three copies: a read meets the dead DataNode sooner or later
    let reads = 0;
    while (!passedOver.includes(dead) && reads < MAX_READS) {
      const part = parts[reads++ % parts.length];
      const got = await read(part, (dataNode) => passedOver.push(dataNode));
      assert.deepEqual(got, bytes.get(part), `read ${reads}: ${part} as it was before the kill`);
    }
    t.diagnostic(`killed ${victim.name} (pid ${pid}); ${reads} reads, passed over ${passedOver.join(', ')}`);
    assert.ok(passedOver.includes(dead), `a read met the dead ${victim.name} (${dead}) and failed over`);
    assert.deepEqual([...new Set(passedOver)], [dead], 'only the dead DataNode was passed over');

    const after = await readParquet(dir, { hdfs });
    assert.deepEqual(after.rows, whole.rows, `the notebook's reader: the same ${EXPECTED.rows} rows`);
  });

  it('is whole again after stack:up restarts the DataNode', async () => {
    const lines = await restoreCluster();
    assert.ok(
      lines.some((l) => l.startsWith(`Started ${victim.name}`)),
      `restarted ${victim.name}:\n${lines.join('\n')}`,
    );
    assert.ok(
      lines.some((l) => /✔ HDFS: 3 of 3 DataNodes live/.test(l)),
      lines.join('\n'),
    );
  });
});
