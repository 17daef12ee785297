// Is the game API up and connected to Kafka? Its /healthz answers 200 only then (and produces no event).
export async function apiIsHealthy(baseUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false;
  }
}
