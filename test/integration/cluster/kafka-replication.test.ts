// What the cluster's Kafka promises before anything is killed: a quorum of three controllers with a
// leader; a topic created without partitions or replication gets three of each, every replica in sync,
// and acks=all needing two; the internal consumer-offsets topic is replicated three times too.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { withAdmin } from '../../../lib/kafka/client.js';
import { describeQuorum } from '../../../lib/kafka/describe-quorum.js';
import { readTopic } from '../../../lib/kafka/read-topic.js';
import { createTopic, deleteTopic } from '../../../lib/kafka/topics.js';
import { cluster, clusterConfig, randomName } from '../../support/cluster.js';

// kafkajs is CommonJS; Node cannot see this export by name
const { ConfigResourceTypes } = kafkajs;
const topic = randomName('test-replication');
const { kafka } = clusterConfig();

describe('Cluster > Kafka replication', () => {
  after(() => deleteTopic(topic, kafka));

  it('has a controller quorum of the three nodes, with a leader', async () => {
    const quorum = await describeQuorum(kafka.brokers[0]);
    assert.deepEqual(
      quorum.voters.map((v) => v.id).sort(),
      cluster.kafka.nodes.map((n) => n.id),
      'every node votes',
    );
    assert.ok(quorum.leaderId > 0, `a leader: node ${quorum.leaderId}`);
  });

  it("gives a topic the broker's defaults: 3 partitions, 3 replicas in sync, min ISR 2", async () => {
    assert.equal(await createTopic({ topic }, kafka), 'created');
    await withAdmin(kafka, async (admin) => {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      assert.equal(metadata.partitions.length, 3, 'num.partitions');
      for (const p of metadata.partitions) {
        assert.equal(p.replicas.length, 3, `partition ${p.partitionId}: three replicas`);
        assert.deepEqual(
          [...p.isr].sort(),
          [...p.replicas].sort(),
          `partition ${p.partitionId}: all in sync`,
        );
      }
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
      });
      assert.equal(resources[0].configEntries[0].configValue, '2', 'min.insync.replicas');
    });
  });

  it('replicates the consumer offsets topic three times', async () => {
    // a bounded read uses a consumer group, so __consumer_offsets exists afterwards
    await readTopic({ topic, follow: false, onValues: () => undefined }, kafka);
    await withAdmin(kafka, async (admin) => {
      const [offsets] = (await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] })).topics;
      assert.ok(offsets.partitions.length > 0, 'it exists');
      assert.ok(
        offsets.partitions.every((p) => p.replicas.length === 3),
        'offsets.topic.replication.factor',
      );
    });
  });
});
