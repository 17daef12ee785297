// The few error kinds the lab raises on purpose. Each carries a hint: what the user should do next.
// Scripts print `message` and `hint` and exit 1; stack traces are for bugs, not for these.
import { inspect } from 'node:util';

export class LabError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * How console.error(err) prints it: `Name: message` and the hint, no stack frames. A tslab cell that
   * throws is shown this way (the kernel console.error()s what a cell threw), as Jupyter shows a user's
   * error; without it the cell showed tslab's own frames and `{ hint: … }`.
   */
  [inspect.custom](): string {
    return `${this.name}: ${describeError(this)}`;
  }
}

/** Bad or contradictory settings (environment variables, command-line options). */
export class ConfigError extends LabError {}

/** A service the lab needs (Kafka, HDFS, the game API) does not answer. */
export class ServiceUnreachableError extends LabError {}

/** Something that should already exist does not: a step's input, a tool, a file. */
export class PrerequisiteError extends LabError {}

/** A bounded wait ran out. */
export class WaitTimeoutError extends LabError {}

/** One line for a user: the message, then the hint on its own line. */
export function describeError(err: unknown): string {
  if (err instanceof LabError) return err.hint ? `${err.message}\n  → ${err.hint}` : err.message;
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
