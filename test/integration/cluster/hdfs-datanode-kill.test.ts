// kill -9 of a DataNode after a Parquet directory was written to the cluster's HDFS: the notebook's reader
// (readParquet over WebHDFS) still reads every row. Each block has three copies, one per DataNode, and the
// reader passes over a DataNode that does not answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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

/** Where the NameNode sends a reader of `path` now: a DataNode's HTTP address. */
async function namedDataNode(path: string): Promise<string> {
  const url = `${endpoint}/webhdfs/v1${path}?op=OPEN&noredirect=true&user.name=${config.user}`;
  const { Location } = (await (await fetch(url)).json()) as { Location: string };
  return new URL(Location).host;
}

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

  it('reads every row, read after read, once a DataNode is killed', async (t) => {
    const whole = await readParquet(dir, { hdfs });
    assert.equal(whole.rows.length, EXPECTED.rows, 'all rows before the kill');

    const pid = await kill9(clusterDaemon(victim.name));
    let namedDead = 0;
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      for (const part of parts)
        if ((await namedDataNode(part)) === `${cluster.host}:${victim.http}`) namedDead++;
      const read = await readParquet(dir, { hdfs });
      assert.deepEqual(read.rows, whole.rows, `round ${round + 1}: the same ${EXPECTED.rows} rows`);
    }
    t.diagnostic(
      `killed ${victim.name} (pid ${pid}); ${rounds} reads of ${parts.length} parts; the NameNode still named ` +
        `the dead DataNode in ${namedDead} of ${rounds * parts.length} separate OPENs meanwhile`,
    );
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
