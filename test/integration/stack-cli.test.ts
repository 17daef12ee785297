// `npm run stack:status` and a second `stack:up` against the shared, running local stack (read-only).
import { describe } from 'node:test';
import { stackLayout } from '../../lib/stack/layout.js';
import { stackCliTests } from '../support/stack-cli.js';

describe('Stack > scripts/stack.ts on the running stack', () => stackCliTests(stackLayout(), []));
