// The configuration files of the local services, as pure functions of the layout (unit-tested).
import { join } from 'node:path';
import type { KafkaNode, StackLayout } from './layout.js';

function properties(entries: Record<string, string | number>): string {
  return Object.entries(entries)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')
    .concat('\n');
}

/**
 * A KRaft node that is both broker and controller: this replaces the original's ZooKeeper container. Every
 * node of the layout votes in the controller quorum; topics get the layout's replication, the internal
 * ones (consumer offsets, transactions, share groups) too.
 */
export function kafkaServerProperties(layout: StackLayout, node: KafkaNode = layout.kafka.nodes[0]): string {
  const { host } = layout;
  const { nodes, partitions, replicationFactor, minInsyncReplicas } = layout.kafka;
  return properties({
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': nodes.map((n) => `${n.id}@${host}:${n.controller}`).join(','),
    listeners: `PLAINTEXT://${host}:${node.broker},CONTROLLER://${host}:${node.controller}`,
    'advertised.listeners': `PLAINTEXT://${host}:${node.broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': join(node.dir, 'data'),
    'num.partitions': partitions,
    'default.replication.factor': replicationFactor,
    'min.insync.replicas': minInsyncReplicas,
    'offsets.topic.replication.factor': replicationFactor,
    // Kafka's 50 consumer-offset partitions are for many groups on many brokers: a lab has a few groups,
    // and each partition is a log to create and load at every start
    'offsets.topic.num.partitions': partitions,
    'transaction.state.log.replication.factor': replicationFactor,
    'transaction.state.log.min.isr': minInsyncReplicas,
    'share.coordinator.state.topic.replication.factor': replicationFactor,
    'share.coordinator.state.topic.min.isr': minInsyncReplicas,
    'group.initial.rebalance.delay.ms': 0,
  });
}

/** log4j2 for Kafka: everything to stdout, which the stack manager sends to the service's log file. */
export const KAFKA_LOG4J2 = `status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
`;

function hadoopXml(entries: Record<string, string | number>): string {
  const props = Object.entries(entries)
    .map(([name, value]) => `  <property><name>${name}</name><value>${value}</value></property>`)
    .join('\n');
  return `<?xml version="1.0"?>\n<!-- written by the lab's stack manager; edit lib/stack/service-config.ts instead -->\n<configuration>\n${props}\n</configuration>\n`;
}

export function coreSiteXml(layout: StackLayout): string {
  return hadoopXml({
    'fs.defaultFS': `hdfs://${layout.host}:${layout.hdfs.namenode.rpc}`,
    'hadoop.tmp.dir': join(layout.hdfsDir, 'tmp'),
    // A DataNode that starts with its NameNode tries to reach it every second until it answers: every 0.2 s
    // it registers up to 0.8 s sooner. `hadoop fs` on a stopped stack gives up after 2 s instead of 10.
    'ipc.client.connect.retry.interval': 200,
  });
}

/**
 * hdfs-site.xml of one configuration folder: the NameNode's settings, and those of the DataNode that reads
 * this folder, if one does (the single-node stack's DataNode shares the NameNode's; each of the cluster's
 * has its own, for its own ports and data). Every DataNode advertises 127.0.0.1 so that WebHDFS redirects
 * work from this host.
 */
export function hdfsSiteXml(layout: StackLayout, confDir: string = layout.hdfsConfDir): string {
  const { host } = layout;
  const { namenode, replication, staleDataNodeMs } = layout.hdfs;
  const datanode = layout.hdfs.datanodes.find((d) => d.confDir === confDir);
  return hadoopXml({
    'dfs.replication': replication,
    'dfs.namenode.name.dir': `file://${join(layout.hdfsDir, 'name')}`,
    ...(datanode && { 'dfs.datanode.data.dir': `file://${datanode.dataDir}` }),
    'dfs.namenode.rpc-address': `${host}:${namenode.rpc}`,
    'dfs.namenode.http-address': `${host}:${namenode.http}`,
    ...(datanode && {
      'dfs.datanode.address': `${host}:${datanode.data}`,
      'dfs.datanode.http.address': `${host}:${datanode.http}`,
      'dfs.datanode.ipc.address': `${host}:${datanode.ipc}`,
    }),
    'dfs.datanode.hostname': host,
    'dfs.namenode.datanode.registration.ip-hostname-check': 'false',
    'dfs.webhdfs.enabled': 'true',
    // a lab, not a multi-user cluster: WebHDFS's user.name is trusted, as in the original Cloudera image
    'dfs.permissions.enabled': 'false',
    // leave safe mode as soon as the DataNodes have reported
    'dfs.namenode.safemode.extension': 0,
    'dfs.namenode.secondary.http-address': `${host}:0`,
    // a killed DataNode is passed over within seconds: a heartbeat a second, stale after a few missed
    ...(staleDataNodeMs !== null && {
      'dfs.heartbeat.interval': 1,
      'dfs.namenode.stale.datanode.interval': staleDataNodeMs,
      'dfs.namenode.avoid.read.stale.datanode': 'true',
      'dfs.namenode.avoid.write.stale.datanode': 'true',
    }),
  });
}

/** reload4j (Hadoop's log4j 1 API) to stdout; WARN for the chatty parts. */
export const HADOOP_LOG4J = `log4j.rootLogger=INFO,console
log4j.appender.console=org.apache.log4j.ConsoleAppender
log4j.appender.console.target=System.out
log4j.appender.console.layout=org.apache.log4j.PatternLayout
log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n
log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR
log4j.logger.org.apache.hadoop.hdfs.StateChange=WARN
log4j.logger.BlockStateChange=WARN
log4j.logger.org.apache.hadoop.hdfs.server.namenode.FSNamesystem.audit=WARN
`;

/**
 * Hadoop's HTTP servers look up `webapps/<name>` on the classpath. The release tarball ships those folders
 * on disk, the Maven jars do not; WebHDFS and the JMX servlet are registered in code, so an empty web
 * application per server is all they need.
 */
export const HADOOP_WEBAPPS = ['hdfs', 'datanode', 'secondary', 'static'];
export const EMPTY_WEB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="http://java.sun.com/xml/ns/javaee" version="3.0"></web-app>
`;
