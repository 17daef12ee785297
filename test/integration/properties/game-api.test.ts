// The game API over arbitrary header names and values as a seeded property (stack-properties.ts):
// 200 or 4xx, never 5xx while Kafka is up; no credential in an event; every event passes the jobs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tally } from '../../support/hostile-tally.js';
import { apiProperty } from './stack-properties.js';

describe('Properties > the game API over arbitrary headers (real HTTP, real Kafka)', () => {
  it('holds for a few hundred seeded requests', async () => {
    const totals = await apiProperty({ seed: 22, count: 300 });
    assert.equal(totals.tried, 300, 'every request sent');
    tally('properties: game API', {
      inputs: totals.tried,
      jobFailures: totals.jobFailures,
      secrets: totals.secrets,
    });
  });
});
