// npm run bench:api — how close the game API comes to a bare node:http server, with nothing lost, and how
// far it leaves the walkthrough's Flask app behind. In one run, on 127.0.0.1, the servers taking turns a
// few times (other load on the machine hits them alike):
//   1. `ab -n 1000` at concurrency 1, the shape the lab itself runs: a bare node:http server answering the
//      same text (the ceiling), the game API, and with --flask the walkthrough's game_api.py under `flask run`;
//   2. `ab -n 20000 -c 50`, then the same with -k (keep-alive): the ceiling and the game API.
// Then: events in the topic (high watermark) must equal the 200s the API answered on its game route.
//   npm run bench:api [-- --requests 20000 --concurrency 50 --serial 1000 --rounds 3 --flask]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseAbReport, runAb, type AbReport } from '../../test/support/ab.js';
import { startApiProcess } from '../../test/support/api-process.js';
import { loadConfig } from '../../lib/config.js';
import { runMain } from '../../lib/cli.js';
import { LabError } from '../../lib/errors.js';
import { countMessages, createTopic, deleteTopic } from '../../lib/kafka/topics.js';
import { ensureFlask, startFlask } from './flask-baseline.js';

const ROUTE = { path: '/purchase_a_sword', body: 'Sword Purchased!\n' };

async function startCeiling(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./ceiling-server.ts', import.meta.url)), ROUTE.body],
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

interface Server {
  name: string;
  url: string;
  pid: number;
}

/** One section: ab with `args` against each server in turn, `rounds` times; prints each round and the medians. */
async function section(title: string, servers: Server[], args: string[], rounds: number): Promise<void> {
  console.log(`\n${title}:`);
  const rates = new Map<string, number[]>(servers.map((s) => [s.name, []]));
  for (let round = 1; round <= rounds; round++) {
    const cells: string[] = [];
    for (const server of servers) {
      const { report, cpuMsPerRequest } = await measure(server.pid, [...args, `${server.url}${ROUTE.path}`]);
      rates.get(server.name)!.push(report.requestsPerSecond);
      const bad = report.non2xx + report.failed;
      cells.push(
        `${server.name} ${rate(report.requestsPerSecond)} req/s (${latency(report)}, ` +
          `${cpuMsPerRequest.toFixed(3)} ms CPU/req${bad ? `, ${bad} not 2xx` : ''})`,
      );
    }
    console.log(`  round ${round}: ${cells.join(' | ')}`);
  }
  const medianOf = (name: string) => median(rates.get(name)!);
  const [ceiling, api, ...others] = servers.map((s) => s.name);
  const summary = [`game API ${(100 * (medianOf(api) / medianOf(ceiling))).toFixed(1)} % of the ceiling`];
  for (const other of others) summary.push(`${(medianOf(api) / medianOf(other)).toFixed(1)}× ${other}`);
  console.log(`  medians: ${summary.join('; ')}`);
}

runMain(
  import.meta.url,
  {
    command: 'npm run bench:api --',
    summary:
      'The game API against a bare node:http server (and, with --flask, the walkthrough’s Flask app), ab side by side; nothing lost.',
    options: {
      requests: { type: 'string', value: 'N', help: 'requests per run at concurrency 50 (default: 20000)' },
      concurrency: { type: 'string', value: 'N', help: 'concurrency of the loaded runs (default: 50)' },
      warmup: {
        type: 'string',
        value: 'N',
        help: 'unmeasured requests each server gets before the rounds (default: 5000)',
      },
      serial: {
        type: 'string',
        value: 'N',
        help: 'requests per run at concurrency 1, as the lab runs ab (default: 1000)',
      },
      rounds: { type: 'string', value: 'N', help: 'turns each server takes (default: 3)' },
      flask: {
        type: 'boolean',
        help: "also the walkthrough's game_api.py under flask run (installed into .lab/ on first use)",
      },
    },
  },
  async ({ values }) => {
    const requests = String(values.requests ?? 20000);
    const concurrency = String(values.concurrency ?? 50);
    const serial = String(values.serial ?? 1000);
    const warmup = String(values.warmup ?? 5000);
    const rounds = Number(values.rounds ?? 3);
    const config = loadConfig();
    const topic = `bench-api-${randomBytes(4).toString('hex')}`;
    if (values.flask) ensureFlask((line) => console.log(line));
    await createTopic({ topic }, config.kafka);
    const ceiling = await startCeiling();
    // the game route's 200s only: /healthz answers 200 too, and produces no event
    let ok200 = 0;
    const counted = `"GET ${ROUTE.path} HTTP/1.`;
    const api = await startApiProcess({
      topic,
      onLine: (line) => void (line.includes(counted) && line.endsWith('" 200 -') && ok200++),
    });
    const flask = values.flask ? await startFlask(config, `${topic}-flask`) : undefined;
    try {
      const servers: Server[] = [
        { name: 'bare node:http', url: ceiling.url, pid: ceiling.pid },
        { name: 'game API', url: api.url, pid: api.child.pid! },
        ...(flask ? [{ name: 'Flask', url: flask.url, pid: flask.pid }] : []),
      ];
      const host = ['-H', 'Host: user1.comcast.com'];
      console.log(`${ROUTE.path} on 127.0.0.1; the game API's events → topic ${topic}`);
      // V8 compiles a server's hot paths over its first few thousand requests (Flask has no such
      // warm-up): the first run shows the cold start, then every server gets the same unmeasured run, and
      // the rounds compare steady states.
      await section(
        `cold: the first ab -n ${serial} a fresh server gets`,
        servers,
        ['-q', '-n', serial, ...host],
        1,
      );
      console.log(`\nwarm-up: ab -n ${warmup} against each, not measured`);
      for (const server of servers) await runAb(['-q', '-n', warmup, ...host, `${server.url}${ROUTE.path}`]);
      await section(
        `ab -n ${serial} (concurrency 1, as the lab runs it)`,
        servers,
        ['-q', '-n', serial, ...host],
        rounds,
      );
      const loaded = servers.slice(0, 2);
      await section(
        `ab -n ${requests} -c ${concurrency} (no keep-alive)`,
        loaded,
        ['-q', '-n', requests, '-c', concurrency, ...host],
        rounds,
      );
      await section(
        `ab -k -n ${requests} -c ${concurrency} (keep-alive)`,
        loaded,
        ['-k', '-q', '-n', requests, '-c', concurrency, ...host],
        rounds,
      );
      // Responses can reach ab before their access-log lines reach us: let the log catch up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = await countMessages(topic, config.kafka);
      console.log(
        `\nthe game API answered ${ok200} × 200 on ${ROUTE.path} (its access log); the topic holds ${events} events ` +
          `(high watermark): ${events === ok200 ? 'nothing lost, nothing extra' : 'MISMATCH'}`,
      );
      if (events !== ok200)
        throw new LabError('events in the topic do not match the 200 responses', 'see the figures above');
    } finally {
      flask?.stop();
      ceiling.stop();
      await api.stop();
      await deleteTopic(topic, config.kafka);
      if (flask) await deleteTopic(`${topic}-flask`, config.kafka).catch(() => undefined);
    }
  },
);
