// The walkthrough's programs that outlive a step (the game API, the kcat window): started once,
// recognised on the next run, their output in report/run/<name>.log.
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { logFile, processState, startBackground } from '../../lib/process/background.js';
import { REPO_ROOT } from '../../lib/paths.js';
import type { StepShell } from './shell.js';
import type { StepEnvironment } from './step.js';

/** Starts it unless it runs already; says which. Returns its PID (undefined in a dry run). */
export function ensureBackground(
  shell: StepShell,
  env: StepEnvironment,
  name: 'game_api' | 'kafka_follower',
): { pid: number; started: boolean } | undefined {
  const program = env.target.background(name);
  const output = relative(REPO_ROOT, logFile(program));
  const state = processState(program);
  if (state.state === 'running') {
    shell.say(`${name} is already running (pid ${state.pid}); its output: ${output}`);
    return { pid: state.pid, started: false };
  }
  console.log(`$ ${program.command.join(' ')} >> ${output} 2>&1 &`);
  if (env.dryRun) return undefined;
  // A new follower prints the topic from the beginning again: a new kcat window, not more of the old one.
  // The API's access log goes on (it is the history of requests).
  if (name === 'kafka_follower') rmSync(logFile(program), { force: true });
  const pid = startBackground(program);
  shell.say(`Started ${name} in the background (pid ${pid}); its output: ${output}`);
  return { pid, started: true };
}
