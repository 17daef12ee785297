#!/usr/bin/env tsx
// npm run stack:up | stack:down | stack:status | stack:reset | stack:logs [-- <daemon>] [--lines N]
// The local stack: real Apache Kafka (KRaft) and HDFS (NameNode + DataNode, WebHDFS) as JVM processes.
import { argv } from 'zx';
import { describeError } from '../lib/errors.js';
import { stackLayout } from '../lib/stack/layout.js';
import { stackDown, stackLogs, stackReset, stackStatus, stackUp } from '../lib/stack/stack.js';

const log = (line: string) => console.log(line);

async function main(command: string): Promise<number> {
  const layout = stackLayout();
  switch (command) {
    case 'up':
      await stackUp(layout, log);
      return 0;
    case 'down':
      await stackDown(layout, log);
      return 0;
    case 'reset':
      await stackReset(layout, log);
      return 0;
    case 'logs':
      console.log(stackLogs(layout, Number(argv.lines ?? 40), argv._[1]));
      return 0;
    case 'status': {
      const rows = await stackStatus(layout);
      console.table(
        rows.map((r) => ({
          daemon: r.daemon,
          pid: r.pid ?? '-',
          state: r.state,
          ports: r.ports,
          healthy: r.healthy ? '✔ yes' : '✘ no',
          detail: r.health,
        })),
      );
      return rows.every((r) => r.healthy) ? 0 : 3;
    }
    default:
      console.error('usage: tsx scripts/stack.ts up|down|status|reset|logs [daemon] [--lines N]');
      return 2;
  }
}

main(String(argv._[0] ?? '')).then(
  (code) => process.exit(code),
  (err) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
