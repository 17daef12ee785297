// The whole life of a stack on a THROWAWAY home and free ports, so the shared stack is never touched:
// up from nothing → healthy → down → a stale PID file → a port taken by someone else.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { PrerequisiteError } from '../../lib/errors.js';
import { pidFile } from '../../lib/process/background.js';
import { kafkaDaemon } from '../../lib/stack/kafka-service.js';
import { stackLayout, type StackLayout, type StackPorts } from '../../lib/stack/layout.js';
import { stackDown, stackStatus, stackUp } from '../../lib/stack/stack.js';
import { stackJvmPids } from '../support/stack-processes.js';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** Ports the kernel just handed out, so the throwaway stack collides with nobody. */
async function freePorts(): Promise<StackPorts> {
  const servers = await Promise.all(Array.from({ length: 7 }, () => listen(0)));
  const [kafka, kafkaController, namenodeRpc, namenodeHttp, datanode, datanodeHttp, datanodeIpc] =
    servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map(close));
  return { kafka, kafkaController, namenodeRpc, namenodeHttp, datanode, datanodeHttp, datanodeIpc };
}

/** A PID that surely belongs to no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('Stack > lifecycle on a throwaway home', () => {
  let layout: StackLayout;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const logSince = (from: number) => lines.slice(from).join('\n');

  before(async () => {
    layout = stackLayout(mkdtempSync('/tmp/lab-lifecycle-'), await freePorts());
  });

  after(async () => {
    // whatever happened above: no JVM of this home may outlive the test
    if (!layout) return;
    await stackDown(layout, () => undefined);
    rmSync(layout.home, { recursive: true, force: true });
  });

  it('comes up from nothing (formatting storage) and reports both services healthy', async (t) => {
    const started = Date.now();
    await stackUp(layout, log, 180_000);
    t.diagnostic(`cold start (jars cached): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.match(logSince(0), /Formatting Kafka storage/, 'Kafka storage formatted on first start');
    assert.match(logSince(0), /Formatting the HDFS NameNode/, 'NameNode formatted on first start');
    const rows = await stackStatus(layout);
    assert.deepEqual(
      rows.map((r) => [r.daemon, r.state, r.healthy]),
      [
        ['kafka', 'running', true],
        ['namenode', 'running', true],
        ['datanode', 'running', true],
      ],
      `status rows: ${JSON.stringify(rows)}`,
    );
    assert.equal(stackJvmPids(layout).length, 3, 'three JVMs of this home');
  });

  it('down stops every JVM of this home and nothing else', async () => {
    const sharedBefore = stackJvmPids(stackLayout());
    await stackDown(layout, log);
    assert.deepEqual(stackJvmPids(layout), [], 'no JVM with this home in its marker');
    assert.deepEqual(stackJvmPids(stackLayout()), sharedBefore, 'the shared stack is untouched');
    const rows = await stackStatus(layout);
    assert.ok(
      rows.every((r) => r.state === 'stopped' && !r.healthy),
      `every daemon stopped: ${JSON.stringify(rows)}`,
    );
  });

  it('cleans a stale PID file with a message and starts anyway', async () => {
    const pid = deadPid();
    writeFileSync(pidFile(kafkaDaemon(layout)), JSON.stringify({ pid, started: '1' }));
    const kafkaRow = (await stackStatus(layout)).find((r) => r.daemon === 'kafka');
    assert.equal(
      kafkaRow?.state,
      `stale PID file (process ${pid} is gone)`,
      'status reports the stale PID file',
    );
    const from = lines.length;
    await stackUp(layout, log, 180_000);
    assert.match(
      logSince(from),
      new RegExp(`Removing the stale PID file of kafka: process ${pid} is gone`),
      'the stale PID file is named with the reason',
    );
    assert.doesNotMatch(logSince(from), /Formatting/, 'existing storage is not formatted again');
    assert.ok(
      (await stackStatus(layout)).every((r) => r.healthy),
      'healthy after the restart',
    );
    await stackDown(layout, log);
  });

  for (const [label, portOf] of [
    ['kafka broker', (l: StackLayout) => l.ports.kafka],
    ['namenode http/webhdfs', (l: StackLayout) => l.ports.namenodeHttp],
  ] as const) {
    it(`refuses to start when the ${label} port is taken, naming the port, and starts nothing`, async () => {
      const port = portOf(layout);
      const squatter = await listen(port);
      try {
        await assert.rejects(stackUp(layout, log, 180_000), (err: unknown) => {
          assert.ok(err instanceof PrerequisiteError, `a PrerequisiteError, got ${String(err)}`);
          assert.match(err.message, new RegExp(`port ${port} \\(${label}\\)`), 'names the port and its use');
          assert.match(err.message, /already taken/, 'says it is taken');
          assert.ok(err.hint, 'has a hint');
          return true;
        });
        assert.deepEqual(stackJvmPids(layout), [], 'no JVM was started, not even of the other service');
      } finally {
        await close(squatter);
      }
    });
  }
});
