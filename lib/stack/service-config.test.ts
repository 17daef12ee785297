import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PORTS, clusterLayout, stackLayout } from './layout.js';
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
    assert.equal(props.get('offsets.topic.num.partitions'), '1', "one consumer-offsets log, not Kafka's 50");
    assert.equal(props.get('transaction.state.log.replication.factor'), '1', 'a single node holds one copy');
  });
});

describe('Stack > service-config > core-site and hdfs-site', () => {
  const core = parseHadoopXml(coreSiteXml(layout));
  const hdfs = parseHadoopXml(hdfsSiteXml(layout));

  it('points the default file system at the NameNode RPC port on 127.0.0.1', () => {
    assert.equal(core.get('fs.defaultFS'), 'hdfs://127.0.0.1:8020');
  });

  it('retries a NameNode that does not answer yet every 0.2 s, not every second', () => {
    assert.equal(core.get('ipc.client.connect.retry.interval'), '200');
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

describe('Stack > service-config > the cluster', () => {
  const cluster = clusterLayout('/tmp/lab-home/cluster');
  const [first, second] = cluster.kafka.nodes;
  const props = parseProperties(kafkaServerProperties(cluster, second));

  it('makes every Kafka node a voter of one quorum of three controllers', () => {
    const voters = '1@127.0.0.1:19193,2@127.0.0.1:19293,3@127.0.0.1:19393';
    assert.equal(props.get('controller.quorum.voters'), voters);
    assert.equal(
      parseProperties(kafkaServerProperties(cluster, first)).get('controller.quorum.voters'),
      voters,
      'the same quorum on every node',
    );
  });

  it('gives each node its own id, listeners and data folder', () => {
    assert.equal(props.get('node.id'), '2');
    assert.equal(props.get('listeners'), 'PLAINTEXT://127.0.0.1:19292,CONTROLLER://127.0.0.1:19293');
    assert.equal(props.get('advertised.listeners'), 'PLAINTEXT://127.0.0.1:19292');
    assert.equal(props.get('log.dirs'), '/tmp/lab-home/cluster/kafka/kafka-2/data');
  });

  it('replicates topics and internal topics three times, acks=all needing two copies', () => {
    for (const key of [
      'default.replication.factor',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'share.coordinator.state.topic.replication.factor',
    ]) {
      assert.equal(props.get(key), '3', key);
    }
    for (const key of [
      'min.insync.replicas',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.min.isr',
    ]) {
      assert.equal(props.get(key), '2', key);
    }
    assert.equal(props.get('num.partitions'), '3');
    assert.equal(props.get('offsets.topic.num.partitions'), '3');
  });

  it("writes each DataNode's own ports and data folder into its own configuration folder", () => {
    const datanode = cluster.hdfs.datanodes[2];
    const xml = parseHadoopXml(hdfsSiteXml(cluster, datanode.confDir));
    assert.equal(xml.get('dfs.datanode.address'), '127.0.0.1:19366');
    assert.equal(xml.get('dfs.datanode.http.address'), '127.0.0.1:19364');
    assert.equal(xml.get('dfs.datanode.ipc.address'), '127.0.0.1:19367');
    assert.equal(xml.get('dfs.datanode.data.dir'), 'file:///tmp/lab-home/cluster/hdfs/datanode-3/data');
    assert.equal(xml.get('dfs.datanode.hostname'), '127.0.0.1', 'redirects to it work from this host');
    assert.equal(xml.get('dfs.replication'), '3');
    assert.equal(xml.get('dfs.namenode.rpc-address'), '127.0.0.1:18020', 'it finds the NameNode');
  });

  it('passes a silent DataNode over within seconds, for readers and writers', () => {
    const xml = parseHadoopXml(hdfsSiteXml(cluster));
    assert.equal(xml.get('dfs.heartbeat.interval'), '1');
    assert.equal(xml.get('dfs.namenode.stale.datanode.interval'), '10000');
    assert.equal(xml.get('dfs.namenode.avoid.read.stale.datanode'), 'true');
    assert.equal(xml.get('dfs.namenode.avoid.write.stale.datanode'), 'true');
    const single = parseHadoopXml(hdfsSiteXml(layout));
    assert.equal(
      single.get('dfs.heartbeat.interval'),
      undefined,
      "the single-node stack keeps Hadoop's defaults",
    );
  });

  it("keeps DataNode settings out of the NameNode's folder", () => {
    const xml = parseHadoopXml(hdfsSiteXml(cluster));
    assert.equal(xml.get('dfs.namenode.http-address'), '127.0.0.1:19870');
    assert.ok(
      ![...xml.keys()].some((k) => /^dfs\.datanode\.(address|http\.address|ipc\.address|data\.dir)$/.test(k)),
    );
  });

  it('points the default file system at the cluster NameNode', () => {
    assert.equal(parseHadoopXml(coreSiteXml(cluster)).get('fs.defaultFS'), 'hdfs://127.0.0.1:18020');
  });
});
