import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PORTS, stackLayout } from './layout.js';
import { coreSiteXml, hdfsSiteXml, kafkaServerProperties } from './service-config.js';

const layout = stackLayout('/tmp/lab-home', { ...DEFAULT_PORTS, kafka: 19092, kafkaController: 19093 });

function parseProperties(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function parseHadoopXml(text: string): Map<string, string> {
  const pairs = [...text.matchAll(/<property><name>([^<]+)<\/name><value>([^<]*)<\/value><\/property>/g)];
  return new Map(pairs.map((m) => [m[1], m[2]]));
}

describe('Stack > service-config > kafkaServerProperties', () => {
  const props = parseProperties(kafkaServerProperties(layout));

  it('is one KRaft node, broker and controller, with no ZooKeeper', () => {
    assert.equal(props.get('process.roles'), 'broker,controller', 'combined roles');
    assert.equal(props.get('node.id'), '1', 'node id');
    assert.equal(props.get('controller.quorum.voters'), '1@127.0.0.1:19093', 'the node votes for itself');
    assert.equal(props.get('controller.listener.names'), 'CONTROLLER', 'controller listener named');
    assert.ok(![...props.keys()].some((k) => k.startsWith('zookeeper')), 'no zookeeper.* key');
  });

  it('listens and advertises on 127.0.0.1 only, on the layout ports', () => {
    assert.equal(props.get('listeners'), 'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    assert.equal(
      props.get('advertised.listeners'),
      'PLAINTEXT://127.0.0.1:19092',
      'clients are sent to loopback',
    );
    assert.equal(
      props.get('listener.security.protocol.map'),
      'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'both listeners are plaintext',
    );
  });

  it('keeps its data under the stack home and one copy of internal topics', () => {
    assert.equal(props.get('log.dirs'), '/tmp/lab-home/kafka/data', 'data folder');
    assert.equal(props.get('offsets.topic.replication.factor'), '1', 'a single node holds one copy');
    assert.equal(props.get('transaction.state.log.replication.factor'), '1', 'a single node holds one copy');
  });

  it('has one line per key', () => {
    const keys = kafkaServerProperties(layout)
      .trimEnd()
      .split('\n')
      .map((line) => line.split('=')[0]);
    assert.equal(new Set(keys).size, keys.length, 'no key twice');
  });
});

describe('Stack > service-config > core-site and hdfs-site', () => {
  const core = parseHadoopXml(coreSiteXml(layout));
  const hdfs = parseHadoopXml(hdfsSiteXml(layout));

  it('points the default file system at the NameNode RPC port on 127.0.0.1', () => {
    assert.equal(core.get('fs.defaultFS'), 'hdfs://127.0.0.1:8020');
  });

  it('makes the DataNode advertise 127.0.0.1 so WebHDFS redirects work from this host', () => {
    assert.equal(hdfs.get('dfs.datanode.hostname'), '127.0.0.1', 'DataNode hostname');
    assert.equal(hdfs.get('dfs.datanode.http.address'), '127.0.0.1:9864', 'DataNode HTTP (redirect target)');
  });

  it('turns WebHDFS on and binds every HDFS address to 127.0.0.1', () => {
    assert.equal(hdfs.get('dfs.webhdfs.enabled'), 'true', 'WebHDFS on');
    for (const key of [
      'dfs.namenode.rpc-address',
      'dfs.namenode.http-address',
      'dfs.datanode.address',
      'dfs.datanode.http.address',
      'dfs.datanode.ipc.address',
    ]) {
      assert.match(hdfs.get(key) ?? '', /^127\.0\.0\.1:\d+$/, `${key} is on 127.0.0.1`);
    }
  });

  it('keeps one replica and its storage under the stack home', () => {
    assert.equal(hdfs.get('dfs.replication'), '1', 'one DataNode, one replica');
    assert.equal(hdfs.get('dfs.namenode.name.dir'), 'file:///tmp/lab-home/hdfs/name', 'NameNode metadata');
    assert.equal(hdfs.get('dfs.datanode.data.dir'), 'file:///tmp/lab-home/hdfs/data', 'DataNode blocks');
  });

  it('is well-formed Hadoop configuration XML', () => {
    for (const xml of [coreSiteXml(layout), hdfsSiteXml(layout)]) {
      assert.match(xml, /^<\?xml version="1.0"\?>\n/, 'XML declaration first');
      assert.match(xml, /<configuration>\n[\s\S]*\n<\/configuration>\n$/, 'one configuration element');
    }
  });
});
