// What the walkthrough does that the grade checks against: the Apache Bench runs of step 5.

export interface BenchRun {
  host: string;
  path: string;
  eventType: string;
}

export const REQUESTS_PER_RUN = 10;

/** The host of the notebook's query: `select * from purchases where Host = 'user1.comcast.com'`. */
export const QUERY_HOST = 'user1.comcast.com';

/** With `--engine spark`, where the lab's filtered_writes writes beside Spark's, for the grade to compare. */
export const typescriptPurchasesDir = (purchasesDir: string) =>
  `${purchasesDir.replace(/\/+$/, '')}_typescript`;

/** The original's four runs, then the course's follow-up knife route (a second event schema). */
export const BENCH_RUNS: BenchRun[] = [
  { host: 'user1.comcast.com', path: '/', eventType: 'default' },
  { host: 'user1.comcast.com', path: '/purchase_a_sword', eventType: 'purchase_sword' },
  { host: 'user2.att.com', path: '/purchase_a_shield', eventType: 'purchase_shield' },
  { host: 'user2.att.com', path: '/join_a_guild', eventType: 'join_guild' },
  { host: 'user1.comcast.com', path: '/purchase_a_knife', eventType: 'purchase_knife' },
];
