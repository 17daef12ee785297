// separate_events.py as a TypeScript CLI: `npx tsx labs/separate_events.ts [--topic NAME]`.
// The job itself lives in lib/jobs/separate-events.ts.
import { runJobCli } from '../lib/jobs/cli.js';
import { separateEvents } from '../lib/jobs/separate-events.js';

runJobCli(separateEvents);
