// The Flask baseline of `npm run bench:api -- --flask`: the walkthrough's own game_api.py
// (scripts/bench/game_api_flask.py: Flask's development server, kafka-python, fire-and-forget sends) run
// with `flask run` as the walkthrough ran it, on the stack's Kafka. Flask and kafka-python go into a
// git-ignored virtualenv on first use; nothing else in the project needs them.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabConfig } from '../../lib/config.js';
import { PrerequisiteError } from '../../lib/errors.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { requireTool } from '../../lib/process/tools.js';
import { freePort } from '../../test/support/free-port.js';
import { waitForLogLine } from '../../test/support/log-file.js';

const VENV = join(REPO_ROOT, '.lab', 'flask-venv');
const PACKAGES = ['flask==3.1.0', 'kafka-python==2.3.3'];
const STAMP = join(VENV, 'lab-packages');
const APP = join(REPO_ROOT, 'scripts', 'bench', 'game_api_flask.py');

/** Flask and kafka-python in .lab/flask-venv, installed on first use. */
export function ensureFlask(log: (line: string) => void): void {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === PACKAGES.join(' ')) return;
  requireTool('python3', ['--version'], 'install Python 3 with its venv module (python3-venv)');
  log(`Installing ${PACKAGES.join(', ')} into ${VENV} (first use only) ...`);
  rmSync(VENV, { recursive: true, force: true });
  const hint = 'check that PyPI is reachable (pip uses ~/.config/pip/pip.conf), then run the bench again';
  for (const [command, args] of [
    ['python3', ['-m', 'venv', VENV]],
    [join(VENV, 'bin', 'pip'), ['install', '-q', ...PACKAGES]],
  ] as const) {
    if (spawnSync(command, args, { stdio: 'inherit' }).status !== 0) {
      throw new PrerequisiteError(`${command} ${args.join(' ')} failed`, hint);
    }
  }
  writeFileSync(STAMP, `${PACKAGES.join(' ')}\n`);
}

/**
 * `flask run` of the walkthrough's game API on a free port, events to `topic`, its log (Werkzeug prints the
 * " * Running on …" line and every access-log line to stderr) to `logFile`; ready when Flask says so.
 */
export async function startFlask(
  config: LabConfig,
  topic: string,
  logFile: string,
): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const log = openSync(logFile, 'w');
  const child = spawn(join(VENV, 'bin', 'flask'), ['run', '--host', '127.0.0.1', '--port', String(port)], {
    env: {
      ...process.env,
      FLASK_APP: APP,
      KAFKA_BROKERS: config.kafka.brokers.join(','),
      EVENTS_TOPIC: topic,
    },
    stdio: ['ignore', 'ignore', log],
  });
  closeSync(log); // the child has its own copy
  try {
    await waitForLogLine(logFile, /Running on/, { label: 'flask run to start', child, timeoutMs: 60_000 });
  } catch (err) {
    child.kill('SIGTERM');
    throw new PrerequisiteError(`flask run did not start: ${(err as Error).message}`);
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}
