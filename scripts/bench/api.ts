// npm run bench:api — how close the game API comes to a bare node:http server, with nothing lost, and how
// far it leaves the walkthrough's Flask app behind. In one run, on 127.0.0.1, the servers taking turns a
// few times (other load on the machine hits them alike):
//   1. `ab -n 1000` at concurrency 1, the shape the lab itself runs: a bare node:http server answering the
//      same text (the ceiling), the game API, and with --flask the walkthrough's game_api.py under `flask run`;
//   2. `ab -n 20000 -c 50`, then the same with -k (keep-alive): the ceiling and the game API.
// Then: events in the topic (high watermark) must equal the 200s the API answered on its game route.
// The servers' logs go to files, read at the end: a pipe would wake this process on every request.
//   npm run bench:api [-- --requests 20000 --concurrency 50 --serial 1000 --warmup 15000 --rounds 5 --flask]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseAbReport, runAb, type AbReport } from '../../test/support/ab.js';
import { startApiProcess, type ApiProcess } from '../../test/support/api-process.js';
import { countLogLines } from '../../test/support/log-file.js';
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
  /** compiles its hot paths as it runs (V8), so needs a warm-up before it is measured */
  jit: boolean;
}

const FLASK_WARMUP = '1000';

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
        help: 'unmeasured requests each Node server gets before the rounds (default: 15000; Flask: 1000)',
      },
      serial: {
        type: 'string',
        value: 'N',
        help: 'requests per run at concurrency 1, as the lab runs ab (default: 1000)',
      },
      rounds: { type: 'string', value: 'N', help: 'turns each server takes (default: 5)' },
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
    const warmup = String(values.warmup ?? 15000);
    const rounds = Number(values.rounds ?? 5);
    const config = loadConfig();
    const topic = `bench-api-${randomBytes(4).toString('hex')}`;
    if (values.flask) ensureFlask((line) => console.log(line));
    await createTopic({ topic }, config.kafka);
    const logs = mkdtempSync(join(tmpdir(), 'bench-api-'));
    const apiLog = join(logs, 'game-api.log');
    let ceiling: Awaited<ReturnType<typeof startCeiling>> | undefined;
    let api: ApiProcess | undefined;
    let flask: Awaited<ReturnType<typeof startFlask>> | undefined;
    try {
      ceiling = await startCeiling();
      api = await startApiProcess({ topic, logFile: apiLog });
      if (values.flask) flask = await startFlask(config, `${topic}-flask`, join(logs, 'flask.log'));
      const servers: Server[] = [
        { name: 'bare node:http', url: ceiling.url, pid: ceiling.pid, jit: true },
        { name: 'game API', url: api.url, pid: api.child.pid!, jit: true },
        ...(flask ? [{ name: 'Flask', url: flask.url, pid: flask.pid, jit: false }] : []),
      ];
      const host = ['-H', 'Host: user1.comcast.com'];
      console.log(`${ROUTE.path} on 127.0.0.1; the game API's events → topic ${topic}`);
      await section(
        `cold: the first ab -n ${serial} a fresh server gets`,
        servers,
        ['-q', '-n', serial, ...host],
        1,
      );
      // V8 compiles the Node servers' hot paths over their first ~10,000 requests (the game API's run
      // through express and kafkajs): they get a long unmeasured run, so that the rounds compare steady
      // states. CPython compiles nothing: Flask's cold rate above is already its warm one, and a short run
      // (its Kafka connection, Werkzeug's imports) is all it needs; a long one would only take minutes.
      console.log(
        `\nwarm-up, not measured: ab -n ${warmup} against the Node servers` +
          (flask ? `, ab -n ${FLASK_WARMUP} against Flask (no JIT to warm)` : ''),
      );
      for (const server of servers) {
        const n = server.jit ? warmup : FLASK_WARMUP;
        await runAb(['-q', '-n', n, ...host, `${server.url}${ROUTE.path}`]);
      }
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
      // Responses can reach ab before their access-log lines are written: let the log catch up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      // the game route's 200s only: /healthz answers 200 too, and produces no event
      const counted = `"GET ${ROUTE.path} HTTP/1.`;
      const ok200 = countLogLines(apiLog, (line) => line.includes(counted) && line.endsWith('" 200 -'));
      const events = await countMessages(topic, config.kafka);
      console.log(
        `\nthe game API answered ${ok200} × 200 on ${ROUTE.path} (its access log); the topic holds ${events} events ` +
          `(high watermark): ${events === ok200 ? 'nothing lost, nothing extra' : 'MISMATCH'}`,
      );
      if (events !== ok200)
        throw new LabError('events in the topic do not match the 200 responses', 'see the figures above');
    } finally {
      flask?.stop();
      ceiling?.stop();
      await api?.stop();
      await deleteTopic(topic, config.kafka);
      if (flask) await deleteTopic(`${topic}-flask`, config.kafka).catch(() => undefined);
      rmSync(logs, { recursive: true, force: true });
    }
  },
);
