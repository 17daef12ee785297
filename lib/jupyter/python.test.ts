import assert from 'node:assert/strict';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hasModules, jupyterPython, jupyterVenvDir, REQUIREMENTS, venvPython } from './python.js';

describe("Jupyter > the lab's Jupyter environment", () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'jupyter-venv-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('lives in the lab home, named for what it is', () => {
    assert.equal(jupyterVenvDir('/srv/lab-home'), '/srv/lab-home/jupyter-venv');
  });

  it('pins every package to one version', async () => {
    const packages = (await readFile(REQUIREMENTS, 'utf8'))
      .split('\n')
      .filter((line) => /^[A-Za-z]/.test(line));
    assert.deepEqual(
      packages.filter((line) => !/^[A-Za-z0-9_.-]+==[^=\s]+$/.test(line)),
      [],
      'every line is name==version',
    );
    for (const pinned of ['jupyterlab==4.6.6', 'notebook==7.6.5'])
      assert.ok(packages.includes(pinned), `${pinned} is pinned`);
    assert.ok(
      packages.some((line) => line.startsWith('nbclient==')),
      'nbclient, the headless runner, too',
    );
  });

  it('uses a venv whose install finished with these requirements, installing nothing', async () => {
    const venv = join(root, 'ready');
    await mkdir(venv);
    await copyFile(REQUIREMENTS, join(venv, 'lab-requirements.txt'));
    const lines: string[] = [];
    assert.equal(
      jupyterPython(venv, (line) => lines.push(line)),
      venvPython(venv),
      "the venv's python",
    );
    assert.deepEqual(lines, [], 'no phase ran');
  });

  it('makes the venv in a stack home that does not exist yet (a fresh checkout), a line per phase', async () => {
    // a stand-in python3 first on PATH: `-m venv DIR` makes DIR/bin/python, itself a stand-in whose
    // `-m pip install` succeeds, so the phases run without PyPI
    const bin = join(root, 'bin');
    await mkdir(bin);
    const fake = join(bin, 'python3');
    await writeFile(
      fake,
      `#!/bin/sh\nif [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi\nexit 0\n`,
    );
    await chmod(fake, 0o755);
    const venv = join(root, 'no-home-yet', 'jupyter-venv');
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    const lines: string[] = [];
    try {
      assert.equal(
        jupyterPython(venv, (line) => lines.push(line)),
        venvPython(venv),
        "the venv's python",
      );
    } finally {
      process.env.PATH = path;
    }
    assert.deepEqual(
      lines.filter((line) => line.startsWith('  ✔')).map((line) => line.replace(/ \(.*\)$/, '')),
      [
        '  ✔ create the virtual environment',
        `  ✔ pip install ${(await readFile(REQUIREMENTS, 'utf8')).split('\n').filter((l) => /^[A-Za-z]/.test(l)).length} pinned packages`,
      ],
      'both phases ran and said so',
    );
    assert.equal(
      await readFile(join(venv, 'lab-requirements.txt'), 'utf8'),
      await readFile(REQUIREMENTS, 'utf8'),
    );
  });

  it('tells a Python with a module from one without', () => {
    assert.equal(hasModules('python3', ['json']), true, 'json is in every Python');
    assert.equal(hasModules('python3', ['no_such_module_for_this_test']), false, 'a made-up module');
  });
});
