// Is a port free for our service? A connect() that succeeds means someone listens there already;
// `ss` (iproute2), when present, says who.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

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

/** "java (pid 1234)" from `ss -ltnp`, or null when ss is missing or cannot tell. */
export function portOwner(port: number): string | null {
  const result = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(result.stdout ?? '');
  return match ? `${match[1]} (pid ${match[2]})` : null;
}
