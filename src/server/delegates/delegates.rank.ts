import type { Db, Executor } from '../db/database';
import { loadRanker } from '../protocol/protocol.service';
import { findDelegateUnitIds, findEventIdsWithDelegates, refreshProtocolKeys } from './delegates.repository';

/** Re-derives every person's rank in one event (after the ladder or a unit's level changed), or in all events. */
export async function rerankDelegates(trx: Executor, eventId: string | null): Promise<void> {
  const events = eventId ? [eventId] : await findEventIdsWithDelegates(trx, { unrankedOnly: false });
  for (const id of events) {
    const ranker = await loadRanker(trx, id, await findDelegateUnitIds(trx, id));
    await refreshProtocolKeys(trx, id, null, ranker);
  }
}

/** Events loaded before ranks existed get them once, at start-up. */
export async function rankUnrankedDelegates(db: Db): Promise<void> {
  for (const eventId of await findEventIdsWithDelegates(db, { unrankedOnly: true })) {
    await db.transaction().execute((trx) => rerankDelegates(trx, eventId));
  }
}
