// Runs a step's commands the way a student would see them: `$ command`, then its output as it comes,
// recorded for the grade and the report.
import { $ } from 'zx';
import { LabError } from '../../lib/errors.js';
import { REPO_ROOT } from '../../lib/paths.js';

export interface CommandRecord {
  command: string;
  output: string;
  exitCode: number | null;
}

export interface Command {
  /** what the student would type */
  display: string;
  argv: string[];
  env?: Record<string, string>;
}

export class StepShell {
  readonly commands: CommandRecord[] = [];
  readonly notes: string[] = [];

  constructor(private readonly dryRun: boolean) {}

  /** Runs a command; a non-zero exit throws unless `allowFailure` (then the record says what happened). */
  async run(command: Command, { allowFailure = false } = {}): Promise<CommandRecord> {
    console.log(`$ ${command.display}`);
    if (this.dryRun) {
      const record = { command: command.display, output: '(dry run: not executed)', exitCode: null };
      this.commands.push(record);
      return record;
    }
    const [program, ...args] = command.argv;
    const child = $({
      nothrow: true,
      quiet: true,
      cwd: REPO_ROOT,
      env: { ...process.env, ...command.env },
    })`${program} ${args}`;
    child.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const result = await child;
    const record = {
      command: command.display,
      output: `${result.stdout}${result.stderr}`.trimEnd(),
      exitCode: result.exitCode,
    };
    this.commands.push(record);
    if (result.exitCode !== 0 && !allowFailure) {
      throw new LabError(`\`${command.display}\` exited with ${result.exitCode}`);
    }
    return record;
  }

  /** Something the step did that is not a command (a wait, a background start), for the record. */
  say(line: string): void {
    console.log(line);
    this.notes.push(line);
  }
}
