import type { ReplyInput, ReplyLink, ReplyView } from '../../shared/replies';
import type { DelegateStatus } from '../../shared/vocabulary';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { Scope } from '../delegates/delegates.policy';
import { changeDelegateStatus, getDelegate, substituteDelegate } from '../delegates/delegates.service';
import { AppError, conflict } from '../errors';
import { getEventById } from '../events/events.service';
import { getPlanContents } from '../plans/plan-contents.service';
import { nowIso } from '../util';
import {
  findActiveToken,
  findActiveTokensOf,
  findLastGenerations,
  insertTokens,
  revokeTokens,
} from './replies.repository';
import { deriveReplyToken, hashReplyToken } from './reply-token';

/** Who acts when a delegate answers through their link: the audit log names them so. */
export const REPLY_ACTOR: Actor = {
  id: 'reply-link',
  username: 'reply-link',
  fullName: 'Đại biểu (qua liên kết trả lời)',
  isAdmin: false,
  memberships: [],
};

/** The same answer for a token that never existed, was revoked, or belongs to a delegate since deleted. */
const unknownLink = () =>
  new AppError(
    'NOT_FOUND',
    'Liên kết này không còn hiệu lực. Xin liên hệ ban tổ chức hội nghị để nhận liên kết mới.',
  );

/**
 * A new reply link for a delegate; any earlier link of theirs stops working. The token is derived from the secret
 * key and the next generation; only its SHA-256 is stored, which is enough to find the delegate when it comes back.
 */
export async function issueReplyLink(
  db: Db,
  key: Buffer,
  actor: Actor,
  scope: Scope,
  eventId: string,
  delegateId: string,
): Promise<ReplyLink> {
  const delegate = await getDelegate(db, scope, eventId, delegateId);
  if (delegate.status === 'replaced')
    throw conflict('Đại biểu đã được thay; hãy tạo liên kết cho người dự thay');
  const createdAt = nowIso();
  const token = await db.transaction().execute(async (trx) => {
    const [token] = (await newReplyTokens(trx, key, actor, eventId, [delegateId], createdAt)).values();
    await recordAudit(trx, actor, { eventId, entity: 'reply_link', entityId: delegateId, action: 'create' });
    return token!;
  });
  return { token, path: `/r/${token}`, createdAt };
}

/** Revokes the delegates' links and derives each a link of the next generation. */
async function newReplyTokens(
  trx: Executor,
  key: Buffer,
  actor: Actor,
  eventId: string,
  delegateIds: string[],
  at: string,
): Promise<Map<string, string>> {
  const last = await findLastGenerations(trx, delegateIds);
  await revokeTokens(trx, delegateIds, at);
  const tokens = new Map<string, string>();
  const rows = delegateIds.map((delegateId) => {
    const generation = (last.get(delegateId) ?? 0) + 1;
    const token = deriveReplyToken(key, delegateId, generation);
    tokens.set(delegateId, token);
    return {
      token_hash: hashReplyToken(token),
      generation,
      delegate_id: delegateId,
      event_id: eventId,
      created_at: at,
      created_by: actor.id,
      revoked_at: null,
    };
  });
  await insertTokens(trx, rows);
  return tokens;
}

/**
 * The delegates' current reply tokens, re-derived from their active link, without writing anything: what a
 * reprint carries. A delegate is missing when they have no active link, or one that cannot be re-derived (made
 * before links were derived, or under another key).
 */
export async function findReplyTokens(
  db: Executor,
  key: Buffer,
  delegateIds: string[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const row of await findActiveTokensOf(db, delegateIds)) {
    if (row.generation === null) continue;
    const token = deriveReplyToken(key, row.delegate_id, row.generation);
    if (hashReplyToken(token) === row.token_hash) tokens.set(row.delegate_id, token);
  }
  return tokens;
}

/**
 * Every delegate's reply token for a document being issued (a letter, a badge): the current link when it can be
 * re-derived, else a new one — which revokes an old link that cannot be, so the QR code printed and the link that
 * works stay the same. One audit row names the delegates given a new link.
 */
export async function ensureReplyTokens(
  trx: Executor,
  key: Buffer,
  actor: Actor,
  eventId: string,
  delegateIds: string[],
): Promise<Map<string, string>> {
  const tokens = await findReplyTokens(trx, key, delegateIds);
  const missing = delegateIds.filter((id) => !tokens.has(id));
  if (missing.length === 0) return tokens;
  for (const [id, token] of await newReplyTokens(trx, key, actor, eventId, missing, nowIso()))
    tokens.set(id, token);
  await recordAudit(trx, actor, {
    eventId,
    entity: 'reply_link',
    action: 'create',
    after: { delegateIds: missing },
  });
  return tokens;
}

/** {@link ensureReplyTokens} in a transaction of its own: for documents that issue nothing else (badges). */
export function issueReplyTokens(
  db: Db,
  key: Buffer,
  actor: Actor,
  eventId: string,
  delegateIds: string[],
): Promise<Map<string, string>> {
  return db.transaction().execute((trx) => ensureReplyTokens(trx, key, actor, eventId, delegateIds));
}

/**
 * Every delegate's current reply token for a document printed again, read only; NOT_ISSUED when any of them has
 * no link that can be re-derived (never given one, revoked, or made before links were derived).
 */
export async function requireReplyTokens(
  db: Executor,
  key: Buffer,
  delegateIds: string[],
): Promise<Map<string, string>> {
  const tokens = await findReplyTokens(db, key, delegateIds);
  const missing = delegateIds.filter((id) => !tokens.has(id)).length;
  if (missing > 0) {
    throw new AppError(
      'NOT_ISSUED',
      `${missing} đại biểu chưa có mã QR (chưa được phát hành giấy mời hay thẻ, hoặc liên kết đã bị thu hồi, hoặc tạo theo cách cũ). Hãy tạo thẻ hoặc giấy mời để cấp mã.`,
    );
  }
  return tokens;
}

export async function revokeReplyLink(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  delegateId: string,
) {
  await getDelegate(db, scope, eventId, delegateId);
  await db.transaction().execute(async (trx) => {
    await revokeTokens(trx, [delegateId], nowIso());
    await recordAudit(trx, actor, { eventId, entity: 'reply_link', entityId: delegateId, action: 'delete' });
  });
}

async function tokenOf(db: Executor, token: string) {
  const row = await findActiveToken(db, hashReplyToken(token));
  if (!row) throw unknownLink();
  return row;
}

/** The event and delegate a reply link belongs to (the same 404 as an unknown link): for pages behind the link. */
export async function resolveReplyLink(db: Executor, token: string) {
  const row = await tokenOf(db, token);
  return { eventId: row.event_id, delegateId: row.delegate_id };
}

/** The delegate's invitation as their link shows it. */
export async function getReplyView(db: Executor, token: string): Promise<ReplyView> {
  const row = await tokenOf(db, token);
  const [event, delegate, plan] = await Promise.all([
    getEventById(db, row.event_id),
    getDelegate(db, { all: true }, row.event_id, row.delegate_id),
    getPlanContents(db, row.event_id),
  ]);
  const substitute = delegate.replacedBy
    ? await getDelegate(db, { all: true }, row.event_id, delegate.replacedBy.id)
    : null;
  return {
    event: {
      name: event.name,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      hostName: event.hostName,
      closed: event.status === 'closed',
    },
    program: plan.program.flatMap((item) => [
      { title: item.title, start: item.start, end: item.end, level: 0 },
      ...item.children.map((c) => ({ title: c.title, start: c.start, end: c.end, level: 1 })),
    ]),
    delegate: {
      honorific: delegate.honorific,
      fullName: delegate.fullName,
      position: delegate.position,
      organization: delegate.organization ?? delegate.unitName,
      groupTitle: delegate.groupTitle,
      status: delegate.status,
    },
    substitute: substitute ? { fullName: substitute.fullName, position: substitute.position } : null,
  };
}

const ANSWERABLE: DelegateStatus[] = ['draft', 'invited', 'confirmed', 'declined'];

/** A delegate confirms, declines or names someone from their unit to come instead. */
export async function replyThroughLink(db: Db, token: string, input: ReplyInput): Promise<ReplyView> {
  const row = await tokenOf(db, token);
  const event = await getEventById(db, row.event_id);
  if (event.status === 'closed') {
    throw conflict('Hội nghị đã kết thúc nên không nhận trả lời nữa. Xin cảm ơn.');
  }
  const delegate = await getDelegate(db, { all: true }, row.event_id, row.delegate_id);
  if (delegate.status === 'replaced') throw conflict('Bạn đã cử người dự thay; ban tổ chức đã ghi nhận.');
  if (!ANSWERABLE.includes(delegate.status)) {
    throw conflict('Ban tổ chức đã ghi nhận bạn tại hội nghị; không cần trả lời nữa.');
  }
  const scope: Scope = { all: true };
  if (input.action === 'confirm') {
    await changeDelegateStatus(db, REPLY_ACTOR, scope, row.event_id, row.delegate_id, 'confirmed');
  } else if (input.action === 'decline') {
    await changeDelegateStatus(db, REPLY_ACTOR, scope, row.event_id, row.delegate_id, 'declined');
  } else {
    if (delegate.status === 'declined') {
      // Someone who said no can still send a person in their place: the seat is theirs to pass on.
      await changeDelegateStatus(db, REPLY_ACTOR, scope, row.event_id, row.delegate_id, 'confirmed');
    }
    await substituteDelegate(db, REPLY_ACTOR, scope, row.event_id, row.delegate_id, {
      fullName: input.substitute.fullName,
      position: input.substitute.position ?? null,
      phone: input.substitute.phone ?? null,
      email: input.substitute.email ?? null,
    });
  }
  return getReplyView(db, token);
}
