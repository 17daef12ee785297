// Is the game API up, and would a send to Kafka succeed? Its /healthz answers 200 only then (and produces
// no event); its body names the process that answered, so a caller can tell its own API from a stranger
// on the same port.
export interface ApiHealth {
  ok: boolean;
  /** the PID of the process that answered, when it is a game API */
  pid?: number;
  detail: Record<string, unknown>;
}

/** What /healthz answered, or null when nothing (or not a game API) answers there. */
export async function apiHealth(baseUrl: string, timeoutMs = 2000): Promise<ApiHealth | null> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as Record<string, unknown>;
    return { ok: response.ok, pid: typeof body.pid === 'number' ? body.pid : undefined, detail: body };
  } catch {
    return null;
  }
}

export async function apiIsHealthy(baseUrl: string, timeoutMs = 2000): Promise<boolean> {
  return (await apiHealth(baseUrl, timeoutMs))?.ok === true;
}
