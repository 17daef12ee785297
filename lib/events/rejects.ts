// Bad Kafka records are skipped, never fatal: this keeps how many there were and where (the first few
// offsets in full, so memory stays bounded on a topic full of garbage).

export interface RejectedRecord {
  partition: number;
  offset: string;
  reason: string;
}

export class RejectLog {
  private readonly kept: RejectedRecord[] = [];
  count = 0;

  constructor(private readonly listed = 20) {}

  add(record: RejectedRecord): void {
    this.count += 1;
    if (this.kept.length < this.listed) this.kept.push(record);
  }

  get records(): readonly RejectedRecord[] {
    return this.kept;
  }
}

/** `partition 0 offset 40: not JSON; …` plus `and N more` past the listed ones; '' when none. */
export function describeRejects(listed: readonly RejectedRecord[], count: number): string {
  if (count === 0) return '';
  const text = listed.map((r) => `partition ${r.partition} offset ${r.offset}: ${r.reason}`).join('; ');
  const more = count - listed.length;
  return more > 0 ? `${text}; and ${more} more` : text;
}
