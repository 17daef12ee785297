// npm run bench:api — how close the game API comes to a bare node:http server, with nothing lost.
// In one run, on 127.0.0.1: ab -n 20000 -c 50 against (a) a bare node:http server answering the same text
// with a Content-Length (the ceiling) and (b) the game API writing to its own throwaway topic; the same
// again with ab -k. Then: events in the topic (high watermarks) must equal the 200s the API answered.
//   npm run bench:api [-- --requests 20000 --concurrency 50]
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAbReport, runAb, type AbReport } from '../lib/api/ab.js';
import { startApiProcess } from '../lib/api/api-process.js';
import { GAME_ROUTES } from '../lib/api/routes.js';
import { loadConfig } from '../lib/config.js';
import { describeError, LabError } from '../lib/errors.js';
import { countMessages, createTopic, deleteTopic } from '../lib/kafka/topics.js';

const ROUTE = GAME_ROUTES.find((r) => r.path === '/purchase_a_sword')!;

/** The ceiling: the least a server can do to answer the same text, in its own process like the API. */
function serveCeiling(): void {
  const body = Buffer.from(ROUTE.body);
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length };
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(typeof address === 'object' && address ? address.port : 0);
  });
}

async function startCeiling(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-ceiling'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const rate = (r: AbReport) => Math.round(r.requestsPerSecond).toLocaleString('en-US');
const latency = (r: AbReport) => `p50 ${r.percentiles.get(50)} ms, p99 ${r.percentiles.get(99)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '50' },
      'serve-ceiling': { type: 'boolean', default: false },
    },
  });
  if (values['serve-ceiling']) return serveCeiling();

  const config = loadConfig();
  const topic = `bench-api-${randomBytes(4).toString('hex')}`;
  const abArgs = (keepAlive: boolean, url: string) => [
    ...(keepAlive ? ['-k'] : []),
    '-q', '-n', values.requests, '-c', values.concurrency, '-H', 'Host: user1.comcast.com', `${url}${ROUTE.path}`,
  ];
  await createTopic({ topic }, config.kafka);
  const ceiling = await startCeiling();
  let ok200 = 0;
  const api = await startApiProcess({ topic, onLine: (line) => void (line.endsWith('" 200 -') && ok200++) });
  let lossless = true;
  try {
    console.log(`ab -n ${values.requests} -c ${values.concurrency} ${ROUTE.path}, both servers on 127.0.0.1; API events → topic ${topic}`);
    for (const keepAlive of [false, true]) {
      const bare = parseAbReport(await runAb(abArgs(keepAlive, ceiling.url)));
      const before = await countMessages(topic, config.kafka);
      const okBefore = ok200;
      const ours = parseAbReport(await runAb(abArgs(keepAlive, api.url)));
      // Responses can reach ab before their access-log lines reach us: wait for the log to catch up.
      while (ok200 - okBefore < ours.complete - ours.non2xx && api.child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      const events = (await countMessages(topic, config.kafka)) - before;
      const answered200 = ok200 - okBefore;
      lossless &&= events === answered200;
      console.log(`\n${keepAlive ? 'with -k (keep-alive)' : 'without keep-alive'}:`);
      console.log(`  bare node:http   ${rate(bare).padStart(7)} req/s   ${latency(bare)}`);
      console.log(`  game API         ${rate(ours).padStart(7)} req/s   ${latency(ours)}`);
      console.log(`  ratio            ${((100 * ours.requestsPerSecond) / bare.requestsPerSecond).toFixed(1)} % of the ceiling`);
      console.log(`  game API answers ${answered200} × 200, ${ours.non2xx} non-2xx, ${ours.failed} failed (ab)`);
      console.log(`  events in topic  ${events} ${events === answered200 ? '= the 200s: nothing lost' : '≠ the 200s: LOST OR EXTRA EVENTS'}`);
    }
  } finally {
    ceiling.stop();
    await api.stop();
    await deleteTopic(topic, config.kafka);
  }
  if (!lossless) throw new LabError('events in the topic do not match the 200 responses', 'see the figures above');
}

main().then(
  () => void 0,
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
