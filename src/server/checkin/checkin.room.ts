import type { CheckinSnapshot, RoomSummary } from '../../shared/checkin';
import { foldVietnamese } from '../../shared/text';
import type { Executor } from '../db/database';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';
import { findEventBadgeHashes } from './badge-tokens.repository';
import { delegateCards, toCard } from './checkin.service';

// What the desk and the room read: the offline snapshot, the room's figures, the duplicate scans.

/** What a check-in phone keeps for working offline: this event's people and their QR hashes, nothing else. */
export async function checkinSnapshot(db: Executor, eventId: string): Promise<CheckinSnapshot> {
  const event = await getEventById(db, eventId);
  const [rows, tokens, badges] = await Promise.all([
    delegateCards(db, eventId),
    db
      .selectFrom('reply_tokens')
      .select(['delegate_id', 'token_hash'])
      .where('event_id', '=', eventId)
      .where('revoked_at', 'is', null)
      .execute(),
    findEventBadgeHashes(db, eventId),
  ]);
  const tokenOfDelegate = new Map(tokens.map((t) => [t.delegate_id, t.token_hash]));
  const badgeOfDelegate = new Map(badges.map((t) => [t.delegate_id, t.token_hash]));
  return {
    eventId,
    eventName: event.name,
    generatedAt: nowIso(),
    delegates: rows
      .filter((r) => r.status !== 'replaced')
      .sort((a, b) => (a.name_key < b.name_key ? -1 : 1))
      .map((r) => ({
        ...toCard(r),
        searchKey: foldVietnamese([r.full_name, r.position, r.organization].filter(Boolean).join(' ')),
        tokenHash: tokenOfDelegate.get(r.id) ?? null,
        badgeTokenHash: badgeOfDelegate.get(r.id) ?? null,
        checkedInAt: r.checked_in_at,
      })),
  };
}

/** The room as the projector shows it: arrived against expected, in total and per group. */
export async function roomSummary(db: Executor, eventId: string): Promise<RoomSummary> {
  const [rows, stats] = await Promise.all([
    db
      .selectFrom('delegates as d')
      .leftJoin('composition_groups as g', 'g.id', 'd.group_id')
      .leftJoin('attendance as a', (j) =>
        j.onRef('a.delegate_id', '=', 'd.id').onRef('a.event_id', '=', 'd.event_id'),
      )
      .select([
        'd.group_id',
        'g.title',
        'g.position',
        'd.status',
        'a.checked_in_at',
        'a.walk_in_reason',
        'a.documents_at',
      ])
      .where('d.event_id', '=', eventId)
      .where('d.status', 'not in', ['declined', 'replaced'])
      .execute(),
    db
      .selectFrom('checkins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('outcome', '=', 'duplicate')
      .executeTakeFirstOrThrow(),
  ]);
  const groups = new Map<string, RoomSummary['groups'][number] & { order: number }>();
  for (const r of rows) {
    const key = r.group_id ?? '';
    const g = groups.get(key) ?? {
      groupId: r.group_id,
      title: r.title ?? 'Khách ngoài danh sách, chưa xếp nhóm',
      expected: 0,
      arrived: 0,
      order: r.position ?? 1e9,
    };
    if (!r.walk_in_reason) g.expected++;
    if (r.checked_in_at) g.arrived++;
    groups.set(key, g);
  }
  return {
    expected: rows.filter((r) => !r.walk_in_reason).length,
    arrived: rows.filter((r) => r.checked_in_at).length,
    walkIns: rows.filter((r) => r.walk_in_reason).length,
    duplicates: Number(stats.n),
    documents: rows.filter((r) => r.documents_at).length,
    groups: [...groups.values()].sort((a, b) => a.order - b.order).map(({ order: _o, ...g }) => g),
    updatedAt: nowIso(),
  };
}

export async function findDuplicates(db: Executor, eventId: string) {
  const rows = await db
    .selectFrom('checkins as c')
    .innerJoin('delegates as d', 'd.id', 'c.delegate_id')
    .innerJoin('attendance as a', (j) =>
      j.onRef('a.delegate_id', '=', 'c.delegate_id').onRef('a.event_id', '=', 'c.event_id'),
    )
    .innerJoin('checkins as first', 'first.id', 'a.checkin_id')
    .select([
      'c.delegate_id',
      'd.full_name',
      'c.scanned_at',
      'c.device_id',
      'a.checked_in_at',
      'first.device_id as first_device',
    ])
    .where('c.event_id', '=', eventId)
    .where('c.outcome', '=', 'duplicate')
    .orderBy('c.scanned_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    delegateId: r.delegate_id,
    fullName: r.full_name,
    scannedAt: r.scanned_at,
    deviceId: r.device_id,
    checkedInAt: r.checked_in_at,
    firstDeviceId: r.first_device,
  }));
}
