// The jobs' UDFs, as the walkthrough's PySpark programs define them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GameEvent } from '../lib/events/event.js';
import { is_purchase } from './filtered_writes.js';
import { is_purchase as is_purchase_of_just_filtering } from './just_filtering.js';
import { munge_event } from './separate_events.js';

const sword = { event_type: 'purchase_sword', Host: 'user1.comcast.com' } as GameEvent;

describe('labs > UDFs', () => {
  it('munge_event sets Host to moe and Cache-Control to no-cache, leaving its input alone', () => {
    assert.deepEqual(munge_event(sword), {
      event_type: 'purchase_sword',
      Host: 'moe',
      'Cache-Control': 'no-cache',
    });
    assert.equal(sword.Host, 'user1.comcast.com', 'input unchanged');
  });

  for (const [name, udf] of [
    ['filtered_writes', is_purchase],
    ['just_filtering', is_purchase_of_just_filtering],
  ] as const) {
    it(`${name}'s is_purchase is true for purchase_sword only`, () => {
      assert.equal(udf(sword), true, 'sword');
      assert.equal(udf({ event_type: 'purchase_shield' } as GameEvent), false, 'shield');
    });
  }
});
