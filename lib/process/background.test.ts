import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  judgePid,
  parsePidRecord,
  pidFile,
  processState,
  startBackground,
  stopBackground,
  type BackgroundProgram,
} from './background.js';
import { commandLineOf, processGroupOf, processStartTime } from './process-table.js';
import { waitFor } from '../wait-for.js';

const until = (label: string, probe: () => boolean) =>
  waitFor(async () => probe() || undefined, { label, timeoutMs: 20_000, intervalMs: 50 });

describe('Process > background > judgePid', () => {
  it('says stopped when there is no PID file', () => {
    assert.deepEqual(judgePid(null, null), { state: 'stopped' });
  });

  it('says stale when the process is gone', () => {
    const state = judgePid({ pid: 4242, started: '100' }, null);
    assert.equal(state.state, 'stale', 'a dead PID is stale');
    assert.match(state.state === 'stale' ? state.reason : '', /4242 is gone/, 'the reason names the PID');
  });

  it('says stale when the PID started at another time (recycled)', () => {
    const state = judgePid({ pid: 4242, started: '100' }, '250');
    assert.equal(state.state, 'stale', 'a recycled PID is stale');
    assert.match(state.state === 'stale' ? state.reason : '', /another process/, 'the reason says why');
  });

  it('says running when PID and start time match', () => {
    assert.deepEqual(judgePid({ pid: 4242, started: '100' }, '100'), { state: 'running', pid: 4242 });
  });

  it('reads only the PID files it writes', () => {
    assert.deepEqual(parsePidRecord('{"pid":12,"started":"99"}\n'), { pid: 12, started: '99' });
    assert.equal(parsePidRecord('12\n'), null, "an older lab's bare PID");
    assert.equal(parsePidRecord('{"pid":"12"}'), null, 'no start time');
  });
});

describe('Process > background > real processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'background-test-'));
  const program = (name: string, script: string): BackgroundProgram => ({
    name,
    dir,
    command: [process.execPath, '-e', script],
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('knows its process even after the program rewrites its own command line', async () => {
    const renamer = program('renamer', "process.title = 'something-else'; setInterval(() => {}, 1000);");
    const pid = startBackground(renamer);
    try {
      await until('the new title', () => commandLineOf(pid) === 'something-else');
      assert.deepEqual(processState(renamer), { state: 'running', pid }, 'still ours');
    } finally {
      assert.equal(await stopBackground(renamer), 'stopped', 'SIGTERM ends it');
    }
    assert.equal(processState(renamer).state, 'stopped', 'PID file removed');
  });

  it('stops the children of the program with it (its process group)', async () => {
    const parent = program(
      'parent',
      "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); console.log('spawned'); setInterval(() => {}, 1000);",
    );
    const pid = startBackground(parent);
    await until('the child', () => readFileSync(join(dir, 'parent.log'), 'utf8').includes('spawned'));
    assert.equal(processGroupOf(pid), pid, 'the program leads its own group');
    await stopBackground(parent);
    assert.throws(() => process.kill(-pid, 0), 'no process of the group is left');
  });

  it('kills a program that ignores SIGTERM once the grace period is over', async () => {
    const stubborn = program(
      'stubborn',
      "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);",
    );
    const pid = startBackground(stubborn);
    await until('the handler', () => readFileSync(join(dir, 'stubborn.log'), 'utf8').includes('ready'));
    assert.equal(await stopBackground(stubborn, 500), 'killed');
    assert.equal(processStartTime(pid), null, 'gone');
  });

  it('never signals a PID whose start time does not match (a recycled PID)', async () => {
    const stranger = { name: 'stranger', dir };
    // this very test process, recorded with a start time it does not have
    writeFileSync(pidFile(stranger), JSON.stringify({ pid: process.pid, started: 'not-now' }));
    assert.equal(processState(stranger).state, 'stale', 'judged stale');
    assert.equal(await stopBackground(stranger), 'not running', 'nothing signalled: we are still here');
    assert.throws(() => readFileSync(pidFile(stranger)), 'the stale PID file is removed');
  });
});
