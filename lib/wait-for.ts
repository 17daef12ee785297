import { WaitTimeoutError } from './errors.js';

export interface WaitOptions {
  /** What is awaited, for messages: "Kafka metadata on 127.0.0.1:9092". */
  label: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Called after each failed probe with the seconds waited so far and the probe's last error. */
  onRetry?: (elapsedSeconds: number, lastError: unknown) => void;
  hint?: string;
  /** Checked before each probe: a reason here ends the wait at once (e.g. the process died). */
  giveUpIf?: () => string | undefined;
}

/**
 * Calls `probe` until it resolves to something other than `false`/`undefined` or the deadline passes.
 * A probe that throws counts as "not yet"; its last error ends up in the timeout message.
 */
export async function waitFor<T>(
  probe: () => Promise<T | false | undefined>,
  options: WaitOptions,
): Promise<T> {
  const { label, timeoutMs, intervalMs = 500, onRetry, hint, giveUpIf } = options;
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    const reason = giveUpIf?.();
    if (reason) throw new WaitTimeoutError(`stopped waiting for ${label}: ${reason}`, hint);
    try {
      const result = await probe();
      if (result !== false && result !== undefined) return result;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    const elapsed = Date.now() - started;
    if (elapsed >= timeoutMs) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new WaitTimeoutError(
        `gave up waiting for ${label} after ${Math.round(timeoutMs / 1000)} s${why}`,
        hint,
      );
    }
    onRetry?.(elapsed / 1000, lastError);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, timeoutMs - elapsed)));
  }
}
