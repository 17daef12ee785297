import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openUrl, transferAddresses } from './failover-read.js';

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
