// Test data for the notebook tests, written to HDFS as filtered_writes writes /tmp/purchases (Spark's part
// files and _SUCCESS), in a folder of the test's own: two parts, the second with a `description` in
// some rows (the lab's two event schemas).
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { uploadSparkOutput } from '../support/spark-output.js';

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
