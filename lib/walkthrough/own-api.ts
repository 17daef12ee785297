// Step 3 starts the game API in the background; this makes sure the API that answers afterwards is that
// very process. Something else on the port (another checkout's API, any other server) fails the step
// with who holds the port and how to stop it, instead of passing on a stranger's answers.
import type { LabConfig } from '../config.js';
import { PrerequisiteError } from '../errors.js';
import { apiHealth } from '../api/health.js';
import { processState, tailLog } from '../process/background.js';
import { processGroupOf } from '../process/process-table.js';
import { isListening, listeningPid, portOwner } from '../process/ports.js';
import { waitFor } from '../wait-for.js';
import { backgroundProgram } from './records.js';

const ourApiPid = (runDir: string) => {
  const state = processState(backgroundProgram(runDir, 'game_api'));
  return state.state === 'running' ? state.pid : null;
};

/** The PID answers for `ours` when it is that process or one of its process group (a program it started, such as a second Node). */
const isOurs = (pid: number | undefined, ours: number) =>
  pid !== undefined && (pid === ours || processGroupOf(pid) === ours);

/** Throws when the API's port is taken by anything but the game API this lab started. */
export async function ensureApiPortIsOurs(runDir: string, api: LabConfig['api']): Promise<void> {
  const host = api.host === '0.0.0.0' ? '127.0.0.1' : api.host;
  if (!(await isListening(host, api.port))) return;
  const ours = ourApiPid(runDir);
  const holder = listeningPid(api.port);
  if (ours !== null && (holder === null || isOurs(holder, ours))) return;
  throw new PrerequisiteError(
    `${host}:${api.port} is already in use by ${portOwner(api.port) ?? 'another program'}, not by the game API this lab started`,
    holder === null
      ? 'stop the program that listens there, or run the lab on another port: API_PORT=5001 npm run lab'
      : `stop it (\`kill ${holder}\`), or run the lab on another port: API_PORT=5001 npm run lab`,
  );
}

/** Whether the API at `apiUrl` is healthy and the one this lab started: a stranger's 200 is not ours. */
export async function ownApiAnswers(runDir: string, apiUrl: string): Promise<boolean> {
  const health = await apiHealth(apiUrl);
  if (!health?.ok) return false;
  const ours = ourApiPid(runDir);
  return ours !== null && isOurs(health.pid, ours);
}

/** Waits until /healthz says 200 from the API this lab started; says so. */
export async function waitForOwnApi(runDir: string, apiUrl: string): Promise<string> {
  const program = backgroundProgram(runDir, 'game_api');
  await waitFor(async () => (await ownApiAnswers(runDir, apiUrl)) || undefined, {
    label: `the game API at ${apiUrl}/healthz`,
    timeoutMs: 60_000,
    intervalMs: 200,
    giveUpIf: () =>
      ourApiPid(runDir) === null ? `the game API exited:\n${tailLog(program, 20)}` : undefined,
  });
  return `${apiUrl}/healthz answers 200: the game API is up and Kafka takes its events`;
}
