import { createHmac } from 'node:crypto';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { AppError } from '../errors';
import { hashReplyToken } from '../replies/reply-token';
import { nowIso } from '../util';
import { findBadgeTokenRows, replaceBadgeTokenRows } from './badge-tokens.repository';

/**
 * A badge's check-in code: HMAC-SHA256 of the delegate under the server's secret key, apart from the reply link.
 * The QR on a badge checks its wearer in at the desk (staff signed in) but opens no reply page, so a photo of a
 * badge cannot decline for its wearer. Deterministic, so a reprinted badge carries the same code; only the SHA-256
 * is stored, as for reply links.
 */
export function deriveBadgeToken(key: Buffer, delegateId: string): string {
  return createHmac('sha256', key).update(`badge:${delegateId}`).digest('base64url');
}

/** What a badge's QR code holds: the public address, "/c/" and the code (never the reply link's "/r/"). */
export const badgeUrlOf = (publicUrl: string, token: string) => `${publicUrl}/c/${token}`;

/** The delegates' badge codes that are on file and can be re-derived, read only. */
async function findBadgeTokens(
  db: Executor,
  key: Buffer,
  delegateIds: string[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const row of await findBadgeTokenRows(db, delegateIds)) {
    const token = deriveBadgeToken(key, row.delegate_id);
    if (hashReplyToken(token) === row.token_hash) tokens.set(row.delegate_id, token);
  }
  return tokens;
}

/** Every delegate's badge code for badges being issued (POST): on file, or given now, with one audit row. */
export function issueBadgeTokens(
  db: Db,
  key: Buffer,
  actor: Actor,
  eventId: string,
  delegateIds: string[],
): Promise<Map<string, string>> {
  return db.transaction().execute(async (trx) => {
    const tokens = await findBadgeTokens(trx, key, delegateIds);
    const missing = delegateIds.filter((id) => !tokens.has(id));
    if (missing.length === 0) return tokens;
    const at = nowIso();
    const rows = missing.map((delegateId) => {
      const token = deriveBadgeToken(key, delegateId);
      tokens.set(delegateId, token);
      return {
        token_hash: hashReplyToken(token),
        delegate_id: delegateId,
        event_id: eventId,
        created_at: at,
        created_by: actor.id,
      };
    });
    await replaceBadgeTokenRows(trx, rows);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'badge_code',
      action: 'create',
      after: { delegateIds: missing },
    });
    return tokens;
  });
}

/** Every delegate's badge code for badges printed again (GET), read only; NOT_ISSUED when any has none. */
export async function requireBadgeTokens(
  db: Executor,
  key: Buffer,
  delegateIds: string[],
): Promise<Map<string, string>> {
  const tokens = await findBadgeTokens(db, key, delegateIds);
  const missing = delegateIds.filter((id) => !tokens.has(id)).length;
  if (missing > 0) {
    throw new AppError(
      'NOT_ISSUED',
      `${missing} đại biểu chưa có mã điểm danh trên thẻ. Hãy tạo thẻ (In thẻ đại biểu) để cấp mã.`,
    );
  }
  return tokens;
}
