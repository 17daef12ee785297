import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openUrl, ReadFailure, readWithFailover, transferAddresses } from './failover-read.js';
import { dataNodeUrl } from './webhdfs-answers.js';

const hdfs = { endpoint: 'http://127.0.0.1:19870', user: 'student' };

describe('HDFS > failover-read', () => {
  it("asks the NameNode for a DataNode's URL instead of a redirect", () => {
    const url = new URL(openUrl(hdfs, '/tmp/purchases/part-0.parquet', []));
    assert.equal(url.pathname, '/webhdfs/v1/tmp/purchases/part-0.parquet');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      op: 'OPEN',
      'user.name': 'student',
      noredirect: 'true',
    });
  });

  it("sends to the DataNode the redirect names, under the caller's own path, not the redirect's", () => {
    // the NameNode's Location for /tmp/e=\u212a: its path turned to NFC, the Kelvin sign into K
    const location =
      'http://127.0.0.1:9864/webhdfs/v1/tmp/e%3DK?op=CREATE&user.name=student&namenoderpcaddress=127.0.0.1:8020&overwrite=false';
    assert.equal(
      dataNodeUrl(location, encodeURI('/tmp/e=\u212a')),
      'http://127.0.0.1:9864/webhdfs/v1/tmp/e=%E2%84%AA?op=CREATE&user.name=student&namenoderpcaddress=127.0.0.1:8020&overwrite=false',
    );
  });

  it('names the DataNodes to avoid by their data-transfer addresses', () => {
    const url = new URL(openUrl(hdfs, '/f', ['127.0.0.1:19266', '127.0.0.1:19366']));
    assert.equal(url.searchParams.get('excludedatanodes'), '127.0.0.1:19266,127.0.0.1:19366');
  });

  it("maps each live DataNode's HTTP address to its data-transfer address (NameNodeInfo's LiveNodes)", () => {
    const liveNodes = JSON.stringify({
      '127.0.0.1:19166': { infoAddr: '127.0.0.1:19164', xferaddr: '127.0.0.1:19166', lastContact: 0 },
      '127.0.0.1:19266': { infoAddr: '127.0.0.1:19264', xferaddr: '127.0.0.1:19266', lastContact: 21 },
    });
    assert.deepEqual(
      transferAddresses(liveNodes),
      new Map([
        ['127.0.0.1:19164', '127.0.0.1:19166'],
        ['127.0.0.1:19264', '127.0.0.1:19266'],
      ]),
    );
  });
});

/** An HTTP server on a free loopback port; its host:port. */
async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// The retry, against stand-ins for HDFS on loopback (the real failover: test/integration/cluster/
// hdfs-datanode-kill.test.ts): a NameNode that names DataNodes in a given order and honours
// excludedatanodes, DataNodes that answer with the file, and addresses where nothing listens.
describe('HDFS > failover-read: the retry', () => {
  const FILE = Buffer.from('PAR1 the file PAR1');
  const live = createServer((_req, res) => res.end(FILE));
  const namenode = createServer((req, res) => namenodeAnswer(req.url ?? '', res));
  let liveAddress = '';
  let namenodeAddress = '';
  /** two addresses where nothing listens: DataNodes killed with -9 */
  const dead: string[] = [];
  /** HTTP address → data-transfer address, as NameNodeInfo's LiveNodes gives them */
  const transfer = (http: string) => `xfer-of-${http}`;
  /** the DataNodes the NameNode names in turn, skipping excluded ones; [] → a RemoteException */
  let replicas: string[] = [];
  let opens: URLSearchParams[] = [];
  let honoursExclusions = true;

  function namenodeAnswer(url: string, res: ServerResponse) {
    const { pathname, searchParams } = new URL(url, 'http://namenode');
    if (pathname === '/jmx') {
      const nodes = Object.fromEntries(
        [liveAddress, ...dead].map((http) => [transfer(http), { infoAddr: http, xferaddr: transfer(http) }]),
      );
      return res.end(JSON.stringify({ beans: [{ LiveNodes: JSON.stringify(nodes) }] }));
    }
    opens.push(searchParams);
    const excluded = honoursExclusions ? (searchParams.get('excludedatanodes') ?? '').split(',') : [];
    const named = replicas.find((http) => !excluded.includes(transfer(http)));
    if (!named) {
      res.statusCode = 404;
      const message = `File ${pathname.slice('/webhdfs/v1'.length)} not found.`;
      return res.end(JSON.stringify({ RemoteException: { exception: 'FileNotFoundException', message } }));
    }
    res.end(JSON.stringify({ Location: `http://${named}${pathname}?op=OPEN&offset=0` }));
  }

  before(async () => {
    liveAddress = await listen(live);
    namenodeAddress = await listen(namenode);
    for (let i = 0; i < 2; i++) {
      const gone = createServer();
      dead.push(await listen(gone));
      gone.close();
      await once(gone, 'close');
    }
  });
  after(() => {
    live.close();
    namenode.close();
  });
  const hdfsAt = () => ({ endpoint: `http://${namenodeAddress}`, user: 'student' });
  const read = async (order: string[]) => {
    replicas = order;
    opens = [];
    const passedOver: string[] = [];
    const bytes = await readWithFailover(hdfsAt(), '/tmp/part-0.parquet', {
      onFailover: (dataNode) => passedOver.push(dataNode),
    });
    return { bytes, passedOver };
  };

  it('reads from the first DataNode named when it answers, asking the NameNode once', async () => {
    const { bytes, passedOver } = await read([liveAddress, dead[0]]);
    assert.deepEqual(bytes, FILE);
    assert.deepEqual(passedOver, []);
    assert.equal(opens.length, 1);
  });

  it('passes over a dead DataNode: excludes it by its data-transfer address and asks again', async () => {
    const { bytes, passedOver } = await read([dead[0], liveAddress]);
    assert.deepEqual(bytes, FILE, 'the file, from the live DataNode');
    assert.deepEqual(passedOver, [dead[0]], 'told which DataNode it passed over');
    assert.deepEqual(
      opens.map((query) => query.get('excludedatanodes')),
      [null, transfer(dead[0])],
      'the second OPEN excludes the dead one',
    );
  });

  it('passes over every dead DataNode in turn', async () => {
    const { bytes, passedOver } = await read([dead[0], dead[1], liveAddress]);
    assert.deepEqual(bytes, FILE);
    assert.deepEqual(passedOver, dead);
    assert.equal(opens.at(-1)?.get('excludedatanodes'), dead.map(transfer).join(','));
  });

  it("fails with the NameNode's answer once no DataNode holding the file is left", async () => {
    await assert.rejects(read(dead), (err: unknown) => {
      assert.ok(err instanceof ReadFailure);
      // the NameNode, out of replicas, says so in its own words
      assert.equal(err.where, 'hdfs');
      assert.match(err.message, /^404 File \/tmp\/part-0\.parquet not found\.$/);
      return true;
    });
    assert.equal(opens.length, 3, 'each dead one excluded, then no DataNode left');
  });

  it("fails with the DataNode's error, without asking forever, when the NameNode names it again", async () => {
    honoursExclusions = false;
    try {
      await assert.rejects(read([dead[0], liveAddress]), (err: unknown) => {
        assert.ok(err instanceof ReadFailure);
        assert.equal(err.where, 'datanode');
        assert.equal(err.code, 'ECONNREFUSED');
        return true;
      });
    } finally {
      honoursExclusions = true;
    }
    assert.equal(opens.length, 2, 'asked once more, then gave up');
  });
});
