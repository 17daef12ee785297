// The game's routes, as in game_api.py: each builds an event and answers a short text. The knife route is
// the course's follow-up, whose extra `description` field gives the batch jobs a second event schema.

export interface GameRoute {
  path: string;
  /** the event's own fields, in the order they are written; request headers can never overwrite them */
  event: Readonly<Record<string, string>>;
  body: string;
}

export const GAME_ROUTES: readonly GameRoute[] = [
  { path: '/', event: { event_type: 'default' }, body: 'This is the default response!\n' },
  { path: '/purchase_a_sword', event: { event_type: 'purchase_sword' }, body: 'Sword Purchased!\n' },
  { path: '/purchase_a_shield', event: { event_type: 'purchase_shield' }, body: 'Shield Purchased!\n' },
  { path: '/join_a_guild', event: { event_type: 'join_guild' }, body: 'You Have Joined A Guild!\n' },
  {
    path: '/purchase_a_knife',
    event: { event_type: 'purchase_knife', description: 'very sharp knife' },
    body: 'Knife Purchased!\n',
  },
];
