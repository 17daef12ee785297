// The tslab kernelspec for this project. tslab's own `tslab install` writes argv ["tslab", "kernel", …]
// (the bare word: Jupyter must find tslab on PATH) and runs whichever python3 comes first. Ours names
// the Node that ran the installer and the project's node_modules/.bin/tslab by absolute path, so no
// global install and no PATH edit is needed; it is installed through Jupyter's own KernelSpecManager.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError, PrerequisiteError } from '../errors.js';
import { REPO_ROOT } from '../paths.js';

export const KERNEL_NAME = 'tslab';

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
}

export function tslabBinary(root: string = REPO_ROOT): string {
  return join(root, 'node_modules', '.bin', 'tslab');
}

export function kernelSpec(root: string = REPO_ROOT, node: string = process.execPath): KernelSpec {
  // {connection_file} is its own argument: tslab parses `--config-path <file>` (see tslab issue #36).
  return {
    argv: [node, tslabBinary(root), 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
  };
}

/**
 * Notebook cells require() the compiled library, which is ES modules: Node loads ESM through require()
 * without a flag from 20.19, 22.12 and 23.0 on (never on 21), as package.json's engines says.
 */
export function checkNodeVersion(version: string = process.versions.node): void {
  const [major, minor] = version.split('.').map(Number);
  if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23)) {
    throw new PrerequisiteError(
      `Node.js ${version} cannot load the lab's library from a tslab cell (it needs require() of ES modules)`,
      'use Node.js 24 (or 22.12+, 20.19+), then run `npm run kernel:install` again',
    );
  }
}

/** Writes the kernelspec as `<dir>/kernels/tslab/kernel.json` (a private JUPYTER_PATH for headless runs). */
export function writeKernelSpec(dir: string, spec: KernelSpec = kernelSpec()): string {
  const kernelDir = join(dir, 'kernels', KERNEL_NAME);
  mkdirSync(kernelDir, { recursive: true });
  writeFileSync(join(kernelDir, 'kernel.json'), `${JSON.stringify(spec, null, 1)}\n`);
  return kernelDir;
}

// Jupyter's own installer, as tslab's python/install.py calls it, but always per user and replacing.
const INSTALL_PY = `
import json, os, sys, tempfile
from jupyter_client.kernelspec import KernelSpecManager
with tempfile.TemporaryDirectory() as source:
    os.chmod(source, 0o755)
    with open(os.path.join(source, "kernel.json"), "w") as f:
        json.dump(json.loads(sys.argv[2]), f, indent=1)
    print(KernelSpecManager().install_kernel_spec(source, sys.argv[1], user=True, replace=True))
`;

/** Installs the kernelspec for the user of the Jupyter that `python` runs; returns the kernel's folder. */
export function installKernelSpec(
  python: string,
  spec: KernelSpec = kernelSpec(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  const result = spawnSync(python, ['-c', INSTALL_PY, KERNEL_NAME, JSON.stringify(spec)], {
    encoding: 'utf8',
    env,
  });
  if (result.status !== 0) {
    throw new LabError(
      `Installing the kernelspec with ${python} failed: ${(result.stderr || result.error?.message || '').trim()}`,
      'check that this Python runs Jupyter (`<python> -m jupyter --paths`), or set JUPYTER_PYTHON',
    );
  }
  return result.stdout.trim().split('\n').at(-1) ?? '';
}
