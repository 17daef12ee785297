// scripts/install-packages.sh in a scratch project, with an `npm` that only records what it was asked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { REPO_ROOT } from '../lib/paths.js';

describe('Set-up > install-packages.sh', () => {
  it('runs npm ci on the first run and after package-lock.json changes, never in between', (t) => {
    const project = mkdtempSync(join(tmpdir(), 'install-packages-'));
    t.after(() => rmSync(project, { recursive: true, force: true }));
    mkdirSync(join(project, 'scripts'));
    copyFileSync(
      join(REPO_ROOT, 'scripts', 'install-packages.sh'),
      join(project, 'scripts', 'install-packages.sh'),
    );
    const bin = join(project, 'fake-bin');
    mkdirSync(bin);
    // the fake npm records its arguments and, like npm ci, leaves a fresh node_modules
    writeFileSync(
      join(bin, 'npm'),
      `#!/bin/sh\necho "$*" >> "${join(project, 'npm-calls')}"\nrm -rf node_modules && mkdir node_modules\n`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    const install = () => {
      const result = spawnSync('sh', [join(project, 'scripts', 'install-packages.sh')], {
        encoding: 'utf8',
        // node stays reachable (it hashes the lock file); npm is the fake
        env: { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter) },
      });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    const npmCalls = () => readFileSync(join(project, 'npm-calls'), 'utf8').trim().split('\n');

    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    assert.match(install(), /^npm packages: installed with npm ci$/m);
    assert.deepEqual(npmCalls(), ['ci --no-audit --no-fund'], 'the first run installs');
    assert.match(install(), /npm packages: up to date/);
    assert.deepEqual(npmCalls(), ['ci --no-audit --no-fund'], 'an unchanged lock file installs nothing');
    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {}}\n');
    install();
    assert.equal(npmCalls().length, 2, 'a changed lock file installs again');
  });
});
