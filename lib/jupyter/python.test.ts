import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PrerequisiteError } from '../errors.js';
import { findJupyterPython, pythonCandidates, shebangPython } from './python.js';

async function script(path: string, firstLine: string): Promise<string> {
  await writeFile(path, `${firstLine}\necho hi\n`);
  await chmod(path, 0o755);
  return path;
}

describe('Kernel setup > finding Jupyter’s Python', () => {
  let root: string;
  let shims: string;
  let venv: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'jupyter-python-'));
    shims = join(root, 'shims');
    venv = join(root, 'venv', 'bin');
    await mkdir(shims, { recursive: true });
    await mkdir(venv, { recursive: true });
    // a pyenv-like shim first on PATH (a bash launcher), then a venv whose jupyter names its python
    await script(join(shims, 'jupyter'), '#!/usr/bin/env bash');
    await script(join(shims, 'python3'), '#!/usr/bin/env bash');
    await script(join(venv, 'python3'), '#!/bin/sh');
    await script(join(venv, 'jupyter'), `#!${join(venv, 'python3')}`);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('reads an absolute interpreter from a #! line', () => {
    assert.equal(shebangPython(join(venv, 'jupyter')), join(venv, 'python3'), 'the venv python');
  });
  it('looks up `#!/usr/bin/env python3` on PATH', async () => {
    const launcher = await script(join(root, 'env-jupyter'), '#!/usr/bin/env python3');
    assert.equal(shebangPython(launcher, { PATH: venv }), join(venv, 'python3'), 'python3 from PATH');
  });
  it('ignores launchers that are not Python (pyenv shims)', () => {
    assert.equal(shebangPython(join(shims, 'jupyter')), null, 'a bash shim');
  });
  it("puts JUPYTER_PYTHON first, then jupyter's own Python, before the first python3 on PATH", () => {
    const env = { PATH: [shims, venv].join(':'), JUPYTER_PYTHON: '/opt/chosen/python' };
    assert.deepEqual(
      pythonCandidates(env).slice(0, 3),
      ['/opt/chosen/python', join(venv, 'python3'), join(shims, 'python3')],
      'candidate order',
    );
  });
  it('ends with /usr/bin/python3 when PATH has nothing', () => {
    assert.deepEqual(
      pythonCandidates({ PATH: '' }),
      ['/usr/bin/python3'],
      'the system Python as the last resort',
    );
  });
  it('says how to install Jupyter when no candidate has it', () => {
    assert.throws(
      () => findJupyterPython(['no_such_module_for_this_test'], { PATH: '' }),
      (err: unknown) => {
        assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
        assert.match(err.message, /No Jupyter found/, 'the message');
        assert.match(err.hint ?? '', /apt-get install jupyter-notebook/, 'the Debian package');
        assert.match(err.hint ?? '', /JUPYTER_PYTHON=/, 'how to name another Python');
        return true;
      },
    );
  });
});
