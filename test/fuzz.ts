// The long run of the properties (docs/reliability.md):
//   npm run test:fuzz -- --runs 100000 --requests 10000 [--job-records 2000] [--seed N] [--workers 2]
// --runs arbitrary records through the record path of the three jobs (parse, rows, both Parquet writers,
// DuckDB, parquetjs-lite and the notebook's readers; test/support/record-path.ts), split over --workers
// processes with seeds N, N+1, …; --job-records of them also through the real jobs on the real stack, and
// --requests arbitrary requests through the game API (test/integration/properties/stack-properties.ts).
// It prints the totals as a table, and on a failure the seed and the shrunk input (a kcat or curl line).
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { recordPathProperty, type RecordPathTotals } from './support/record-path.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '1000' },
    'job-records': { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    workers: { type: 'string', default: '2' },
    worker: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const runs = Number(values.runs);

if (values.worker) {
  // one worker's share of the record path: its progress on stderr, its totals as a JSON line on stdout
  let reported = 0;
  const totals = await recordPathProperty({
    seed,
    records: runs,
    progress: ({ records }) => {
      // a line per tenth of the share (shrinking a failure runs more cases than the share)
      if (records < reported + runs / 10) return;
      reported = records;
      console.error(
        `  seed ${seed}: ${records.toLocaleString('en-US')} of ~${runs.toLocaleString('en-US')} records`,
      );
    },
  });
  console.log(JSON.stringify(totals));
  process.exit(0);
}

const started = Date.now();
const workers = Math.max(1, Number(values.workers));
console.log(`record path: ${runs} records over ${workers} workers, seeds ${seed}…${seed + workers - 1}`);
const shares = await Promise.all(
  Array.from({ length: workers }, (_, i) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/fuzz.ts',
        '--worker',
        '--seed',
        String(seed + i),
        '--runs',
        String(Math.ceil(runs / workers)),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    return new Promise<RecordPathTotals | undefined>((resolve) =>
      child.on('close', (code) =>
        resolve(code === 0 ? (JSON.parse(out.trim().split('\n').at(-1)!) as RecordPathTotals) : undefined),
      ),
    );
  }),
);
const failedWorkers = shares.filter((s) => s === undefined).length;
const records = shares.reduce<RecordPathTotals>(
  (sum, s) => ({
    records: sum.records + (s?.records ?? 0),
    rejects: sum.rejects + (s?.rejects ?? 0),
    rows: sum.rows + (s?.rows ?? 0),
    values: sum.values + (s?.values ?? 0),
    changed: sum.changed + (s?.changed ?? 0),
  }),
  { records: 0, rejects: 0, rows: 0, values: 0, changed: 0 },
);

// the stack's properties need Kafka and HDFS: loaded only now, so a worker never connects
const { apiProperty, jobsProperty } = await import('./integration/properties/stack-properties.js');
const empty = { tried: 0, jobFailures: 0, changed: 0, secrets: 0 };
let stackFailures = 0;
const failure = (err: unknown) => {
  console.error(err);
  stackFailures += 1;
  return empty;
};
console.log(`the real jobs: ~${values['job-records']} records, in topics of up to 1,000`);
const jobs = await jobsProperty({ seed, count: Number(values['job-records']), batch: 1000 }).catch(failure);
console.log(`the game API: ${values.requests} requests`);
const api = await apiProperty({ seed, count: Number(values.requests) }).catch(failure);

const rows: [string, string | number][] = [
  ['seed', seed],
  ['records tried (record path)', records.records],
  ['  of them rejected, with a reason', records.rejects],
  ['  rows written (both writers, three jobs)', records.rows],
  ['  values read back and compared', records.values],
  ['records through the real jobs', jobs.tried],
  ['requests to the game API', api.tried],
  ['job failures', jobs.jobFailures + api.jobFailures],
  ['values that changed', records.changed + jobs.changed],
  ['secrets found', api.secrets],
  ['properties failed', failedWorkers + stackFailures],
];
const width = Math.max(...rows.map(([name]) => name.length));
const valueWidth = Math.max(...rows.map(([, value]) => String(value).length));
const line = `+${'-'.repeat(width + 2)}+${'-'.repeat(valueWidth + 2)}+`;
console.log(
  [
    line,
    ...rows.map(([name, value]) => `| ${name.padEnd(width)} | ${String(value).padStart(valueWidth)} |`),
    line,
  ].join('\n'),
);
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failedWorkers + stackFailures > 0 ? 1 : 0);
