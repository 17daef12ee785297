import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { ensureJars, requireJava } from './jars.js';
import { REPO_ROOT } from '../paths.js';
import { stackLayout } from './layout.js';

describe('Stack > jars > missing tools', () => {
  let savedPath: string | undefined;
  let scratch: string;
  beforeEach(() => {
    savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent'; // neither java nor mvn can be found
    scratch = mkdtempSync(join(tmpdir(), 'test-jars-'));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('says Java is missing and how to install it', () => {
    assert.throws(requireJava, (err: unknown) => {
      assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
      assert.match(err.message, /^java is not installed/);
      assert.match(err.hint ?? '', /Java 17 or newer/);
      return true;
    });
  });

  it('says Maven is missing when the jars still have to be resolved', () => {
    const layout = {
      ...stackLayout(scratch),
      jars: { kafka: join(scratch, 'jars', 'kafka'), hdfs: join(scratch, 'jars', 'hdfs') },
    };
    assert.throws(
      () => ensureJars(layout, () => undefined),
      (err: unknown) => {
        assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
        assert.match(err.message, /^mvn is not installed/);
        assert.match(err.hint ?? '', /install Maven/);
        return true;
      },
    );
  });
});

describe('Stack > stack:up without Java', () => {
  it('prints the error and the hint, and exits 1 without a stack trace', (t) => {
    const home = mkdtempSync(join(tmpdir(), 'test-nojava-'));
    t.after(() => rmSync(home, { recursive: true, force: true }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', 'up'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent', LAB_HOME: home },
    });
    assert.equal(result.status, 1, 'exit 1');
    assert.match(result.stderr, /java is not installed or does not run/);
    assert.match(result.stderr, /→ install Java 17 or newer/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });
});
