// Requests that can be told apart in the topic. ab sends the same request every time, so beside it this
// sends GETs that each carry their own X-Request-Id header (the API copies headers into the event), and
// keeps each answer's status: a test can then look for every 200's event in the topic.
import { httpGet } from './http-get.js';

export interface MarkedRequests {
  /** X-Request-Id → HTTP status (0: no answer at all) */
  readonly answers: Map<string, number>;
  /** how many were sent so far; ids are `<prefix>-<n>` in sending order */
  sent(): number;
  /** stops sending and waits for the answers still coming */
  stop(): Promise<void>;
}

export function markedRequests(url: string, prefix: string, concurrency: number): MarkedRequests {
  const answers = new Map<string, number>();
  let next = 0;
  let stopped = false;
  const sender = async () => {
    while (!stopped) {
      const id = `${prefix}-${next++}`;
      answers.set(id, 0);
      try {
        answers.set(id, (await httpGet(url, { 'X-Request-Id': id })).status);
      } catch {
        // no answer: stays 0
      }
    }
  };
  const senders = Array.from({ length: concurrency }, sender);
  return {
    answers,
    sent: () => next,
    stop: async () => {
      stopped = true;
      await Promise.all(senders);
    },
  };
}

/** The n of an id `<prefix>-<n>`. */
export const sequenceOf = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));
