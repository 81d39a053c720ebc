import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../shared/checkin';
import type { Executor } from '../db/database';
import { RoomSummaries, SUMMARY_MAX_AGE_MS } from './room-summaries';

function setup() {
  const emitter = new EventEmitter();
  const feed = {
    subscribe: (eventId: string, listener: () => void) => {
      emitter.on(eventId, listener);
      return () => emitter.off(eventId, listener);
    },
  };
  const computed: string[] = [];
  let clock = 1_000_000;
  const compute = async (_db: Executor, eventId: string) => {
    computed.push(eventId);
    return { checkedIn: computed.length } as unknown as RoomSummary;
  };
  const summaries = new RoomSummaries({} as Executor, feed, compute, () => clock);
  return {
    summaries,
    computed,
    change: (eventId: string) => emitter.emit(eventId),
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('one room summary per event for every screen', () => {
  it('computes once for many screens, again only after a change', async () => {
    const { summaries, computed, change } = setup();
    const screens = await Promise.all(Array.from({ length: 30 }, () => summaries.latest('hn-1')));
    expect(computed).toEqual(['hn-1']);
    expect(new Set(screens).size).toBe(1);
    change('hn-1');
    await Promise.all(Array.from({ length: 30 }, () => summaries.latest('hn-1')));
    expect(computed).toEqual(['hn-1', 'hn-1']);
    // Another event's change does not touch this one; each event has its own.
    change('hn-2');
    await summaries.latest('hn-1');
    await summaries.latest('hn-2');
    expect(computed).toEqual(['hn-1', 'hn-1', 'hn-2']);
  });

  it('never hands out a summary older than its limit, change or not', async () => {
    const { summaries, computed, advance } = setup();
    await summaries.latest('hn-1');
    advance(SUMMARY_MAX_AGE_MS - 1);
    await summaries.latest('hn-1');
    expect(computed).toHaveLength(1);
    advance(1);
    await summaries.latest('hn-1');
    expect(computed).toHaveLength(2);
  });

  it('does not keep a failed computation', async () => {
    let fail = true;
    const summaries = new RoomSummaries({} as Executor, { subscribe: () => () => {} }, async () => {
      if (fail) throw new Error('database away');
      return { checkedIn: 1 } as unknown as RoomSummary;
    });
    await expect(summaries.latest('hn-1')).rejects.toThrow('database away');
    fail = false;
    await expect(summaries.latest('hn-1')).resolves.toMatchObject({ checkedIn: 1 });
  });
});
