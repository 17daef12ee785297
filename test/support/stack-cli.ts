// `npm run stack:status` and a second `stack:up` against a running stack (read-only), for the single-node
// stack and for the cluster (`-- --cluster`) alike.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { processState } from '../../lib/process/background.js';
import { REPO_ROOT } from '../../lib/paths.js';
import type { StackLayout } from '../../lib/stack/layout.js';
import { services } from '../../lib/stack/stack.js';
import { stackJvmPids } from './stack-processes.js';

/** The tests, inside the caller's describe(); `flags` are what scripts/stack.ts needs for this layout. */
export function stackCliTests(layout: StackLayout, flags: string[]): void {
  const all = services(layout);
  const daemons = all.flatMap((s) => s.daemons);

  function stackCommand(command: string) {
    const result = spawnSync('npx', ['tsx', 'scripts/stack.ts', command, ...flags], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  const pidsFromFiles = () =>
    daemons.map((d) => processState(d)).map((s) => (s.state === 'running' ? s.pid : s.state));

  it('status reports every daemon running and healthy, exit 0', () => {
    const { code, output } = stackCommand('status');
    assert.equal(code, 0, `stack:status exit code:\n${output}`);
    for (const daemon of daemons) {
      const row = output.split('\n').find((line) => line.includes(`'${daemon.name}'`));
      assert.ok(row, `a row for ${daemon.name}:\n${output}`);
      assert.match(row, /'running'/, `${daemon.name} is running`);
      assert.match(row, /✔ yes/, `${daemon.name} is healthy`);
    }
    for (const service of all) {
      assert.match(output, new RegExp(`^✔ ${service.name}: `, 'm'), `${service.name} as a whole is healthy`);
    }
  });

  it('up while up says so and starts no new JVM', () => {
    const pidsBefore = pidsFromFiles();
    const jvmsBefore = stackJvmPids(layout);
    assert.equal(
      jvmsBefore.length,
      daemons.length,
      `${daemons.length} JVMs of ${layout.home} before: ${jvmsBefore.join(', ')}`,
    );
    const { code, output } = stackCommand('up');
    assert.equal(code, 0, `stack:up exit code:\n${output}`);
    for (const service of all) {
      assert.match(
        output,
        new RegExp(`${service.name} is already running`),
        `says ${service.name} is running`,
      );
    }
    assert.doesNotMatch(output, /Started /, 'starts nothing');
    assert.deepEqual(pidsFromFiles(), pidsBefore, 'the PID files still name the same processes');
    assert.deepEqual(stackJvmPids(layout), jvmsBefore, 'the same JVMs, none new');
  });
}
