import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { PrerequisiteError } from '../errors.js';
import { checkNodeVersion, kernelSpec, writeKernelSpec } from './kernelspec.js';

describe('Kernel setup > kernelspec', () => {
  it("starts the project's tslab with the installing Node, both absolute (no PATH needed)", () => {
    const spec = kernelSpec('/srv/lab', '/usr/local/bin/node');
    assert.deepEqual(
      spec.argv,
      [
        '/usr/local/bin/node',
        '/srv/lab/node_modules/.bin/tslab',
        'kernel',
        '--config-path',
        '{connection_file}',
      ],
      'argv',
    );
  });
  it('uses absolute paths by default', () => {
    const [node, tslab] = kernelSpec().argv;
    assert.ok(isAbsolute(node) && isAbsolute(tslab), `absolute: ${node} ${tslab}`);
  });
  it('writes kernels/tslab/kernel.json under a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kernelspec-'));
    try {
      writeKernelSpec(dir, kernelSpec('/srv/lab', '/n'));
      const written = JSON.parse(await readFile(join(dir, 'kernels', 'tslab', 'kernel.json'), 'utf8'));
      assert.equal(written.language, 'typescript', 'language');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('refuses a Node that cannot require() ES modules', () => {
    assert.throws(() => checkNodeVersion('20.18.1'), PrerequisiteError, '20.18');
    assert.throws(() => checkNodeVersion('21.7.3'), PrerequisiteError, '21, whose require() needs a flag');
    assert.throws(() => checkNodeVersion('22.11.0'), PrerequisiteError, '22.11');
  });
  it('accepts Node 20.19+, 22.12+ and 23 on', () => {
    for (const version of ['20.19.0', '22.12.0', '23.0.0', '24.1.0', '26.0.0'])
      assert.doesNotThrow(() => checkNodeVersion(version), version);
  });
});
