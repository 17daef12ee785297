// npm run bench:api — how close the game API comes to a bare node:http server, with nothing lost.
// In one run, on 127.0.0.1: ab -n 20000 -c 50 against (a) a bare node:http server answering the same text
// with a Content-Length (the ceiling) and (b) the game API writing to its own throwaway topic; the same
// again with ab -k; the two take turns a few times, as other load on the machine would skew one lone run.
// Then: events in the topic (high watermark) must equal the 200s the API answered.
//   npm run bench:api [-- --requests 20000 --concurrency 50 --rounds 3]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAbReport, runAb, type AbReport } from '../../test/support/ab.js';
import { startApiProcess } from '../../test/support/api-process.js';
import { loadConfig } from '../../lib/config.js';
import { describeError, LabError } from '../../lib/errors.js';
import { countMessages, createTopic, deleteTopic } from '../../lib/kafka/topics.js';

const ROUTE = { path: '/purchase_a_sword', body: 'Sword Purchased!\n' };

/** The ceiling: the least a server can do to answer the same text, in its own process like the API. */
function serveCeiling(): void {
  const body = ROUTE.body;
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) };
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(typeof address === 'object' && address ? address.port : 0);
  });
}

async function startCeiling(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-ceiling'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [port] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

const rate = (rps: number) => Math.round(rps).toLocaleString('en-US').padStart(7);
const latency = (r: AbReport) => `p50 ${r.percentiles.get(50)} ms, p99 ${r.percentiles.get(99)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU seconds a process has used so far (user + system), from /proc: a figure other load barely moves. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

interface Measured {
  report: AbReport;
  cpuMsPerRequest: number;
}

async function measure(pid: number, args: string[]): Promise<Measured> {
  const cpuBefore = cpuSeconds(pid);
  const report = parseAbReport(await runAb(args));
  return { report, cpuMsPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1000) / report.complete };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '3' },
      'serve-ceiling': { type: 'boolean', default: false },
    },
  });
  if (values['serve-ceiling']) return serveCeiling();

  const config = loadConfig();
  const topic = `bench-api-${randomBytes(4).toString('hex')}`;
  const abArgs = (keepAlive: boolean, url: string) => [
    ...(keepAlive ? ['-k'] : []),
    '-q',
    '-n',
    values.requests,
    '-c',
    values.concurrency,
    '-H',
    'Host: user1.comcast.com',
    `${url}${ROUTE.path}`,
  ];
  await createTopic({ topic }, config.kafka);
  const ceiling = await startCeiling();
  let ok200 = 0;
  const api = await startApiProcess({ topic, onLine: (line) => void (line.endsWith('" 200 -') && ok200++) });
  try {
    console.log(
      `ab -n ${values.requests} -c ${values.concurrency} ${ROUTE.path}, both servers on 127.0.0.1, taking turns ` +
        `${values.rounds} times (other load on the machine hits both alike); API events → topic ${topic}`,
    );
    for (const keepAlive of [false, true]) {
      console.log(`\n${keepAlive ? 'with -k (keep-alive)' : 'without keep-alive'}:`);
      const ratios: number[] = [];
      for (let round = 1; round <= Number(values.rounds); round++) {
        const bare = await measure(ceiling.pid, abArgs(keepAlive, ceiling.url));
        const ours = await measure(api.child.pid!, abArgs(keepAlive, api.url));
        ratios.push(ours.report.requestsPerSecond / bare.report.requestsPerSecond);
        console.log(
          `  round ${round}: bare node:http ${rate(bare.report.requestsPerSecond)} req/s (${latency(bare.report)}, ` +
            `${bare.cpuMsPerRequest.toFixed(3)} ms CPU/req) | game API ${rate(ours.report.requestsPerSecond)} req/s ` +
            `(${latency(ours.report)}, ${ours.cpuMsPerRequest.toFixed(3)} ms CPU/req, ${ours.report.non2xx} non-2xx) ` +
            `| ${(100 * ratios.at(-1)!).toFixed(1)} %`,
        );
      }
      console.log(`  median ratio: ${(100 * median(ratios)).toFixed(1)} % of the ceiling`);
    }
    // Responses can reach ab before their access-log lines reach us: let the log catch up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = await countMessages(topic, config.kafka);
    console.log(
      `\nthe game API answered ${ok200} × 200 (its access log); the topic holds ${events} events ` +
        `(high watermark): ${events === ok200 ? 'nothing lost, nothing extra' : 'MISMATCH'}`,
    );
    if (events !== ok200)
      throw new LabError('events in the topic do not match the 200 responses', 'see the figures above');
  } finally {
    ceiling.stop();
    await api.stop();
    await deleteTopic(topic, config.kafka);
  }
}

main().then(
  () => void 0,
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
