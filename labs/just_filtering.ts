// just_filtering.py as a TypeScript CLI: `npx tsx labs/just_filtering.ts [--topic NAME]`.
// The job itself lives in lib/jobs/just-filtering.ts.
import { runJobCli } from '../lib/jobs/cli.js';
import { justFiltering } from '../lib/jobs/just-filtering.js';

runJobCli(justFiltering);
