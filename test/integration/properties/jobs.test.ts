// The jobs over the real stack as a seeded property (stack-properties.ts): arbitrary records put into
// a topic with kcat, every job exits 0 and keeps or rejects each as the rules say, and the notebook reads
// back what filtered_writes wrote. `npm run test:fuzz` runs it over many more records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tally } from '../../support/hostile-tally.js';
import { checkJobs, jobsProperty } from './stack-properties.js';

describe('Properties > the jobs over arbitrary records (real Kafka, real HDFS)', () => {
  it('the three records of the issue pass every job, and the notebook reads the output', async () => {
    const totals = { tried: 0, jobFailures: 0, changed: 0, secrets: 0 };
    await checkJobs(
      [
        '{"event_type": "purchase_sword", "host": "a"}',
        '{"event_type": "purchase_sword", "Host": "b"}',
        '{"event_type": "purchase_sword", "a\\u0000b": "x"}',
        '{"event_type": "purchase_sword", "v": "\\ud800"}',
      ],
      totals,
    );
    assert.deepEqual(totals, { tried: 4, jobFailures: 0, changed: 0, secrets: 0 });
  });

  it('holds for two seeded topics of arbitrary records', async () => {
    const totals = await jobsProperty({ seed: 22, count: 100, batch: 100 });
    assert.ok(totals.tried > 0, `records tried: ${totals.tried}`);
    tally('properties: jobs', { inputs: totals.tried, jobFailures: totals.jobFailures });
  });
});
