import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { datanodeDaemon, namenodeDaemon } from './hdfs-daemons.js';
import { clusterLayout, stackLayout } from './layout.js';

const retries = (command: string[]) => command.slice(command.indexOf('-D')).slice(0, 2);

describe('Stack > hdfs-daemons', () => {
  it('has every DataNode keep trying its NameNode for 20 s, not 2, before a 5 s pause', () => {
    for (const layout of [stackLayout('/tmp/lab-home'), clusterLayout('/tmp/lab-cluster')]) {
      for (const datanode of layout.hdfs.datanodes) {
        const command = datanodeDaemon(layout, datanode).command;
        assert.deepEqual(retries(command), ['-D', 'ipc.client.connect.max.retries=100'], datanode.name);
        assert.equal(command.at(-1), 'ipc.client.connect.max.retries=100', 'after the main class');
      }
    }
  });

  it('leaves the NameNode (and so `hadoop fs`, which runs with its settings) at Hadoop’s retries', () => {
    assert.ok(!namenodeDaemon(stackLayout('/tmp/lab-home')).command.includes('-D'));
  });
});
