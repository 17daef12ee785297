// docker-compose.yml as Compose resolves it (`docker compose config` or docker-compose 1.x; no engine
// needed), for the compose tests, and the lab image's Dockerfile as text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../lib/paths.js';

export interface ComposePort {
  target: number;
  published: string;
  host_ip?: string;
}

export interface ComposeService {
  image?: string;
  hostname?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: ComposePort[];
  expose?: string[];
  networks?: Record<string, unknown>;
  init?: boolean;
  build?: { context: string; dockerfile: string; target?: string; args?: Record<string, string> };
}

export type ComposeServices = Record<string, ComposeService>;

/** `127.0.0.1:5000:5000/tcp`, as docker-compose 1.x prints a port, in the shape Compose v2 gives. */
function portObject(port: ComposePort | string): ComposePort {
  if (typeof port !== 'string') return port;
  const [hostIp, published, target] = port.replace(/\/\w+$/, '').split(':');
  return { host_ip: hostIp, published, target: Number(target) };
}

const hasCompose =
  spawnSync('docker', ['compose', 'version']).status === 0 ||
  spawnSync('docker-compose', ['version']).status === 0;

/** The compose suites' skip: its reason where Compose is missing (under CI that fails the run). */
export const skipWithoutCompose = {
  skip:
    !hasCompose && 'neither `docker compose` nor `docker-compose` on this machine: install docker-compose',
};

/**
 * The file as Compose resolves it: `docker compose config` (v2, JSON) where the plugin exists, otherwise
 * Debian's docker-compose 1.29 (YAML). Both validate without a Docker engine. Variables the file reads
 * (JUPYTER_TOKEN, UID, GID) are unset unless `extraEnv` sets them, as in a shell that does not export them.
 */
export function composeServices(extraEnv: Record<string, string> = {}): ComposeServices {
  const env = { ...process.env };
  for (const name of ['JUPYTER_TOKEN', 'UID', 'GID']) delete env[name];
  Object.assign(env, extraEnv);
  const file = join(REPO_ROOT, 'docker-compose.yml');
  const v2 = spawnSync('docker', ['compose', '-f', file, 'config', '--format', 'json'], {
    encoding: 'utf8',
    env,
  });
  if (v2.status === 0) return (JSON.parse(v2.stdout) as { services: ComposeServices }).services;
  const v1 = spawnSync('docker-compose', ['-f', file, 'config'], { encoding: 'utf8', env });
  assert.equal(
    v1.status,
    0,
    `neither docker compose nor docker-compose validated the file (scripts/install-test-tools.sh installs docker-compose):\n${v2.stderr ?? ''}${v1.error ?? ''}${v1.stderr ?? ''}`,
  );
  const { services } = parse(v1.stdout) as { services: ComposeServices };
  for (const service of Object.values(services)) {
    service.ports = (service.ports as (ComposePort | string)[] | undefined)?.map(portObject);
  }
  return services;
}

/** A service's environment with every value a string (docker-compose 1.x and v2 agree on that much). */
export const environmentOf = (service: ComposeService): Record<string, string> =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, v ?? '']));

export const DOCKERFILE = join(REPO_ROOT, 'docker', 'lab.Dockerfile');
export const dockerfile = () => readFileSync(DOCKERFILE, 'utf8');
