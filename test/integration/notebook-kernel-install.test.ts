// `npm run kernel:install` for real, into a throwaway Jupyter data folder (JUPYTER_DATA_DIR), then asks
// Jupyter itself (KernelSpecManager, in Jupyter's Python) what it would start for the kernel `tslab`, and
// whether it trusts the lab's notebooks (NotebookNotary, as Jupyter Notebook checks on open).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { jupyterPython } from '../../lib/jupyter/python.js';
import { labNotebooks } from '../../lib/jupyter/trust.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { isTrusted } from '../support/jupyter-trust.js';

describe('Kernel setup > npm run kernel:install', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const install = () =>
    spawnSync('npm', ['run', '-s', 'kernel:install'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  const specSeenByJupyter = () =>
    JSON.parse(
      execFileSync(
        jupyterPython(),
        [
          '-c',
          'import json; from jupyter_client.kernelspec import KernelSpecManager as M; s = M().get_kernel_spec("tslab"); print(json.dumps({"dir": s.resource_dir, "argv": s.argv}))',
        ],
        { env, encoding: 'utf8' },
      ),
    ) as { dir: string; argv: string[] };

  const trusted = (notebook: string) => isTrusted(notebook, dataDir);

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jupyter-data-'));
    env = { ...process.env, JUPYTER_DATA_DIR: dataDir, JUPYTER_PATH: '' };
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('installs the kernelspec for the user and says where', () => {
    const result = install();
    assert.equal(result.status, 0, `exit status (stderr: ${result.stderr})`);
    assert.match(
      result.stdout,
      new RegExp(`installed in ${join(dataDir, 'kernels', 'tslab')}`),
      'names the folder',
    );
  });
  it("makes Jupyter start the project's own tslab by absolute path", () => {
    const spec = specSeenByJupyter();
    assert.equal(spec.dir, join(dataDir, 'kernels', 'tslab'), 'Jupyter finds our kernelspec');
    assert.deepEqual(
      spec.argv.slice(1),
      [join(REPO_ROOT, 'node_modules', '.bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
      'tslab argv',
    );
    assert.equal(spec.argv[0], process.execPath, 'the Node that ran the installer');
  });
  it("trusts the lab's notebooks, so Jupyter shows their committed charts on open", () => {
    for (const notebook of labNotebooks()) assert.ok(trusted(notebook), `${notebook} is trusted`);
  });
  it('can run again: the second install replaces the first', () => {
    assert.equal(install().status, 0, 'second run exit status');
    assert.equal(specSeenByJupyter().dir, join(dataDir, 'kernels', 'tslab'), 'still one tslab kernelspec');
  });
});
