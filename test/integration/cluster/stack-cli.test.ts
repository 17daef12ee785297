// `npm run stack:status -- --cluster` and a second `stack:up -- --cluster` against the running cluster
// (read-only): every node healthy, and up twice starts nothing.
import { describe } from 'node:test';
import { cluster } from '../../support/cluster.js';
import { stackCliTests } from '../../support/stack-cli.js';

describe('Cluster > scripts/stack.ts --cluster on the running cluster', () =>
  stackCliTests(cluster, ['--cluster']));
