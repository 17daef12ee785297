// The step scripts as a student runs them, with --dry-run: no service is needed and nothing runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../lib/paths.js';

function dryRun(script: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--dry-run'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Walkthrough > steps > --dry-run', () => {
  it('step 5 prints the original commands, then the ab runs it stands for, and runs none of them', () => {
    // nothing listens on port 9: a real ab run would fail
    const { code, output } = dryRun('scripts/steps/05-apache-bench.ts', { API_PORT: '9' });
    assert.equal(code, 0, output);
    assert.match(
      output,
      /original: docker-compose exec mids ab -n 10 -H "Host: user1\.comcast\.com" http:\/\/localhost:5000\/purchase_a_sword/,
    );
    assert.match(output, /\$ ab -n 10 -H "Host: user2\.att\.com" http:\/\/127\.0\.0\.1:9\/join_a_guild/);
    assert.match(
      output,
      /\$ ab -n 10 -H "Host: user1\.comcast\.com" http:\/\/127\.0\.0\.1:9\/purchase_a_knife/,
    );
    assert.doesNotMatch(output, /Complete requests/, 'ab did not run');
    assert.match(output, /step 5: dry run, nothing executed/);
  });

  it('step 9 prints hadoop fs -ls for /tmp/ and /tmp/purchases/ without a stack', () => {
    const { code, output } = dryRun('scripts/steps/09-list-hdfs.ts', { WEBHDFS_PORT: '9' });
    assert.equal(code, 0, output);
    assert.match(output, /original: docker-compose exec cloudera hadoop fs -ls \/tmp\/purchases\//);
    assert.match(
      output,
      /\$ npm run hadoop -- fs -ls \/tmp\/\n\$ npm run hadoop -- fs -ls \/tmp\/purchases\//,
    );
    assert.doesNotMatch(output, /Found \d+ items/, 'FsShell did not run');
  });
});
