// Test data for the notebook tests, in folders of the test's own. Purchases written to HDFS as
// filtered_writes writes /tmp/purchases (Spark's part files and _SUCCESS): two parts, the second with a
// `description` in some rows (the lab's two event schemas). Events put in a topic of the test's own and
// written by `separate_events --write`, as step 6 writes /tmp/events.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { uploadSparkOutput } from '../support/spark-output.js';
import { createTopic, event, produce, runLab } from './jobs-fixture.js';

export const hdfs = new HdfsClient(loadConfig().hdfs);

export const testDir = (name: string) => `/tmp/test-${name}-${randomBytes(4).toString('hex')}`;

const purchase = (host: string, second: number, description?: string) => ({
  Accept: '*/*',
  Host: host,
  'User-Agent': 'ApacheBench/2.3',
  event_type: 'purchase_sword',
  timestamp: `2026-11-28 10:00:0${second}.000`,
  ...(description ? { description } : {}),
});

export const PARTS = [
  [
    purchase('user1.comcast.com', 1),
    purchase('user1.comcast.com', 2),
    purchase('user2.att.com', 3),
    purchase('user1.comcast.com', 4),
    purchase('user2.att.com', 5),
  ],
  [
    purchase('user1.comcast.com', 6, 'very sharp sword'),
    purchase('user1.comcast.com', 7),
    purchase('user2.att.com', 8),
    purchase('user1.comcast.com', 9, 'very sharp sword'),
  ],
];

/** What the data holds, for the assertions. */
export const EXPECTED = {
  rows: 9,
  user1Rows: 6,
  user2Rows: 3,
  user1Descriptions: 2,
  firstUser1Timestamp: '2026-11-28 10:00:01.000',
};

export async function writeTestPurchases(dir: string): Promise<void> {
  await uploadSparkOutput(hdfs, dir, PARTS);
}

const T0 = Date.UTC(2026, 10, 28, 10, 0, 0, 100);
// [event, the second after T0 Kafka stamps it with]: 3, 2, 4 and 1 events in seconds 0, 1, 3 and 4
const times = (n: number, value: object, second: number) =>
  Array.from({ length: n }, () => ({ value, second }));
export const EVENTS = [
  ...times(3, event('default', 'user1.comcast.com'), 0),
  ...times(2, event('purchase_sword', 'user1.comcast.com'), 1),
  ...times(2, event('purchase_shield', 'user2.att.com'), 3),
  ...times(2, event('join_guild', 'user2.att.com'), 3),
  ...times(1, event('purchase_knife', 'user1.comcast.com', { description: 'very sharp knife' }), 4),
];
export const COUNTS = { default: 3, purchase_sword: 2, purchase_shield: 2, join_guild: 2, purchase_knife: 1 };

/** EVENTS into a new `topic`, then `separate_events --topic topic --write dir`. */
export async function writeTestEvents(topic: string, dir: string): Promise<void> {
  await createTopic(topic);
  await produce(
    topic,
    EVENTS.map(({ value, second }) => ({ value: JSON.stringify(value), timestamp: T0 + second * 1000 })),
  );
  await runLab('separate_events', ['--topic', topic, '--write', dir]);
}
