// What a service's probe found out by asking the service itself: whether it is usable as a whole, and
// what part each of its daemons plays in it (a registered broker, a live DataNode, an ALIVE worker).
export interface DaemonHealth {
  ok: boolean;
  /** a word or two: "broker, controller (leader)", "live", "not registered" */
  detail: string;
}

export interface Health {
  ok: boolean;
  /** one line: what works, or what is still missing */
  detail: string;
  /** by daemon name */
  daemons: Record<string, DaemonHealth>;
}
