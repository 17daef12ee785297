// Is a port free for our program? A connect() that succeeds means someone listens there already; `ss`
// (iproute2) or, where there is none (macOS), `lsof` says who.
import { spawnSync } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { commandLineOf } from './process-table.js';

export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The PID listening on a TCP port of this machine, or null when ss and lsof are missing or cannot tell. */
export function listeningPid(port: number): number | null {
  const ss = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const fromSs = /pid=(\d+)/.exec(ss.stdout ?? '');
  if (fromSs) return Number(fromSs[1]);
  const lsof = spawnSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-t'], { encoding: 'utf8' });
  const fromLsof = /^(\d+)/m.exec(lsof.stdout ?? '');
  return fromLsof ? Number(fromLsof[1]) : null;
}

/** "java -cp … (pid 1234)" for whoever listens on the port, or null when that cannot be told. */
export function portOwner(port: number): string | null {
  const pid = listeningPid(port);
  if (pid === null) return null;
  const command = commandLineOf(pid) ?? 'a process';
  return `${command.length > 80 ? `${command.slice(0, 77)}...` : command} (pid ${pid})`;
}

/** A TCP port nobody listens on at the moment, chosen by the system (bind to port 0, then close). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
