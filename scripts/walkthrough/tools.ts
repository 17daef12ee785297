// Which of the original lab's tools this machine has.
import { spawnSync } from 'node:child_process';

const present = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error;
};

/** kcat (kafkacat) is optional: without it the walkthrough uses the TypeScript consumer. */
export const hasKcat = () => present('kcat', ['-V']);
