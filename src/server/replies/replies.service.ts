import { createHash, randomBytes } from 'node:crypto';
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
import { findActiveToken, findActiveTokenOf, insertToken, revokeTokens } from './replies.repository';

/** Who acts when a delegate answers through their link: the audit log names them so. */
export const REPLY_ACTOR: Actor = {
  id: 'reply-link',
  username: 'reply-link',
  fullName: 'Đại biểu (qua liên kết trả lời)',
  isAdmin: false,
  memberships: [],
};

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The same answer for a token that never existed, was revoked, or belongs to a delegate since deleted. */
const unknownLink = () =>
  new AppError(
    'NOT_FOUND',
    'Liên kết này không còn hiệu lực. Xin liên hệ ban tổ chức hội nghị để nhận liên kết mới.',
  );

/**
 * A new reply link for a delegate (256 random bits, base64url); any earlier link of theirs stops working. Looked
 * up by its SHA-256; kept as well, so a reprinted invitation carries the same QR code.
 */
export async function issueReplyLink(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  delegateId: string,
): Promise<ReplyLink> {
  const delegate = await getDelegate(db, scope, eventId, delegateId);
  if (delegate.status === 'replaced')
    throw conflict('Đại biểu đã được thay; hãy tạo liên kết cho người dự thay');
  const token = randomBytes(32).toString('base64url');
  const createdAt = nowIso();
  await db.transaction().execute(async (trx) => {
    await revokeTokens(trx, delegateId, createdAt);
    await insertToken(trx, {
      token_hash: hashOf(token),
      token,
      delegate_id: delegateId,
      event_id: eventId,
      created_at: createdAt,
      created_by: actor.id,
      revoked_at: null,
    });
    await recordAudit(trx, actor, { eventId, entity: 'reply_link', entityId: delegateId, action: 'create' });
  });
  return { token, path: `/r/${token}`, createdAt };
}

/** The delegate's current reply link, made when they have none: what a letter's QR code carries. */
export async function currentReplyToken(trx: Executor, actor: Actor, eventId: string, delegateId: string) {
  const active = await findActiveTokenOf(trx, delegateId);
  if (active) return active.token;
  const token = randomBytes(32).toString('base64url');
  await insertToken(trx, {
    token_hash: hashOf(token),
    token,
    delegate_id: delegateId,
    event_id: eventId,
    created_at: nowIso(),
    created_by: actor.id,
    revoked_at: null,
  });
  return token;
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
    await revokeTokens(trx, delegateId, nowIso());
    await recordAudit(trx, actor, { eventId, entity: 'reply_link', entityId: delegateId, action: 'delete' });
  });
}

async function tokenOf(db: Executor, token: string) {
  const row = await findActiveToken(db, hashOf(token));
  if (!row) throw unknownLink();
  return row;
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
