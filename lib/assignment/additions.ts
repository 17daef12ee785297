// What the student added, as the grade found it: for the report's account of their work.
import { findRoutes, type AssignmentEvidence } from './checks.js';

export interface StudentAddition {
  route: string;
  /** the event type matched to the route's answers; '' when none matched */
  eventType: string;
  ownFields: string[];
  /** the Host headers ab sent it as */
  hosts: string[];
  /** requests ab got a 2xx answer for */
  requests: number;
}

export function studentAdditions(evidence: AssignmentEvidence): StudentAddition[] {
  return findRoutes(evidence).map((r) => ({
    route: r.route,
    eventType: r.eventType ?? '',
    ownFields: r.ownFields,
    hosts: Object.keys(r.byHost).filter((host) => r.byHost[host] > 0),
    requests: Object.values(r.byHost).reduce((a, b) => a + b, 0),
  }));
}
