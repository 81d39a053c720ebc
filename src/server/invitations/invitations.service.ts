import type { Event } from '../../shared/events';
import type { InvitationRegisterEntry, InvitationTemplate } from '../../shared/invitations';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { InvitationsTable } from '../db/schema';
import { getComposition } from '../delegates/composition.service';
import { type DelegateRow, findAllDelegateRows, updateDelegateRow } from '../delegates/delegates.repository';
import { agencyLines, issuerPlace } from '../documents/official-docx';
import { AppError, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { ensureReplyTokens, findReplyTokens } from '../replies/replies.service';
import { findUnitsByIds } from '../units/units.service';
import { newId, nowIso } from '../util';
import {
  findRegister,
  findTemplateJson,
  insertInvitations,
  lockRegister,
  nextNumber,
  saveTemplateJson,
} from './invitations.repository';
import {
  asciiName,
  type Batch,
  eventTime,
  eventVenue,
  issuedDateLine,
  type Letter,
  personLetter,
  type Registered,
  recipientOf,
} from './letters';
import { askWording, planUnitAsks } from './unit-asks';

export type { Batch, Letter } from './letters';

/** The wording an event starts with, from its plan: issuer, lead unit, signer. */
export function defaultTemplate(event: Event): InvitationTemplate {
  const issuer = event.planIssuer ?? event.hostName ?? '';
  const short = issuer.replace(/^UBND\b/u, 'Ủy ban nhân dân');
  return {
    agencyLines: agencyLines(issuer || null).map((l) => l.toLocaleUpperCase('vi')),
    symbol: /^UBND/u.test(issuer) ? 'GM-UBND' : 'GM',
    place: issuerPlace(issuer || null) || '……',
    body: `${short || 'Ban tổ chức'} trân trọng kính mời {{danh_xung}} tới dự {{ten_hoi_nghi}}.`,
    bring: 'Đề nghị {{danh_xung}} mang theo giấy mời này (có mã QR) để đăng ký đại biểu tại hội trường.',
    contact: event.leadName ? `Thông tin liên hệ: ${event.leadName}.` : '',
    signerAuthority: event.planSignerAuthority ?? '',
    signerTitle: event.planSignerTitle ?? '',
    signerName: event.planSignerName ?? '',
    logo: null,
  };
}

export async function getInvitationTemplate(db: Executor, eventId: string): Promise<InvitationTemplate> {
  return templateFor(db, await getEventById(db, eventId));
}

async function templateFor(db: Executor, event: Event): Promise<InvitationTemplate> {
  const stored = await findTemplateJson(db, event.id);
  if (!stored) return defaultTemplate(event);
  const template = JSON.parse(stored.template_json) as InvitationTemplate;
  return { ...template, logo: template.logo ?? null };
}

export async function saveInvitationTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  template: InvitationTemplate,
) {
  await db.transaction().execute(async (trx) => {
    const before = await getInvitationTemplate(trx, eventId);
    await saveTemplateJson(trx, eventId, JSON.stringify(template), nowIso());
    await recordAudit(trx, actor, {
      eventId,
      entity: 'invitation_template',
      entityId: eventId,
      action: 'update',
      before,
      after: template,
    });
  });
  return template;
}

/**
 * The register entries of these recipients (people or units), giving the next numbers to those without one, in
 * the caller's transaction with the register locked. One audit row lists the new entries.
 */
async function numberInRegister(
  trx: Executor,
  actor: Actor,
  eventId: string,
  recipients: { delegateId: string | null; unitId: string | null; recipient: string }[],
): Promise<Registered[]> {
  await lockRegister(trx, eventId);
  const register = await findRegister(trx, eventId);
  const byKey = new Map<string, Registered>(
    register.map((r) => [`${r.delegate_id}|${r.unit_id}`, { number: r.number, issuedAt: r.issued_at }]),
  );
  let next = await nextNumber(trx, eventId);
  const fresh: InvitationsTable[] = [];
  const now = nowIso();
  const entries = recipients.map((r) => {
    const key = `${r.delegateId}|${r.unitId}`;
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const entry = { number: next++, issuedAt: now };
    byKey.set(key, entry);
    fresh.push({
      id: newId(),
      event_id: eventId,
      number: entry.number,
      delegate_id: r.delegateId,
      unit_id: r.unitId,
      recipient: r.recipient,
      issued_at: now,
      channel: 'print',
      issued_by: actor.id,
    });
    return entry;
  });
  await insertInvitations(trx, fresh);
  if (fresh.length) {
    await recordAudit(trx, actor, {
      eventId,
      entity: 'invitation',
      action: 'create',
      after: fresh.map((f) => ({
        number: f.number,
        delegateId: f.delegate_id,
        unitId: f.unit_id,
        recipient: f.recipient,
      })),
    });
  }
  return entries;
}

export interface LetterFilter {
  delegateId?: string | undefined;
  groupId?: string | undefined;
  unitId?: string | undefined;
  awaiting?: boolean | undefined;
}

/** The delegates a batch is for. People who declined or were replaced get no letter. */
async function chosenDelegates(db: Executor, eventId: string, filter: LetterFilter): Promise<DelegateRow[]> {
  const rows = (await findAllDelegateRows(db, eventId, null)).filter(
    (d) =>
      !['declined', 'replaced'].includes(d.status) &&
      (!filter.awaiting || d.status === 'invited') &&
      (!filter.delegateId || d.id === filter.delegateId) &&
      (!filter.groupId || d.group_id === filter.groupId) &&
      (!filter.unitId || d.unit_id === filter.unitId),
  );
  if (filter.delegateId && rows.length === 0) {
    throw new AppError('CONFLICT', 'Đại biểu đã từ chối hoặc đã được thay nên không in giấy mời');
  }
  if (rows.length === 0) throw notFound('đại biểu nào để in giấy mời');
  return rows;
}

const replyUrlOf = (baseUrl: string, token: string) => `${baseUrl}/r/${token}`;

/**
 * Issues the letters of the chosen delegates: numbers them in the register (a delegate keeps their number and
 * date on a reprint), gives each a reply link for the QR code (the current one when it can be re-derived), marks
 * new ones invited, and returns everything a letter shows.
 */
export async function issueLetters(
  db: Db,
  key: Buffer,
  actor: Actor,
  eventId: string,
  filter: LetterFilter,
  baseUrl: string,
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const prepared = await db.transaction().execute(async (trx) => {
    const rows = await chosenDelegates(trx, eventId, filter);
    const registered = await numberInRegister(
      trx,
      actor,
      eventId,
      rows.map((d) => ({ delegateId: d.id, unitId: null, recipient: recipientOf(d).recipient })),
    );
    const tokens = await ensureReplyTokens(
      trx,
      key,
      actor,
      eventId,
      rows.map((d) => d.id),
    );
    const now = nowIso();
    for (const d of rows) {
      if (d.status === 'draft') await updateDelegateRow(trx, d.id, { status: 'invited', updated_at: now });
    }
    return rows.map((d, i) => ({ d, registered: registered[i]!, token: tokens.get(d.id)! }));
  });
  const letters = await Promise.all(
    prepared.map(({ d, registered, token }) =>
      personLetter(event, template, d, registered, replyUrlOf(baseUrl, token)),
    ),
  );
  return { event, template, letters };
}

/**
 * A delegate's letter as it was issued (same number, same date, same reply link), read only: answers NOT_ISSUED
 * when there is no letter to give again yet, or its link can no longer be re-derived.
 */
export async function reprintLetter(
  db: Executor,
  key: Buffer,
  eventId: string,
  delegateId: string,
  baseUrl: string,
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const [d] = await chosenDelegates(db, eventId, { delegateId });
  const entry = (await findRegister(db, eventId)).find((r) => r.delegate_id === delegateId);
  if (!entry) {
    throw new AppError(
      'NOT_ISSUED',
      'Giấy mời của đại biểu này chưa được phát hành. Hãy tạo giấy mời trước để cấp số và liên kết trả lời.',
    );
  }
  const token = (await findReplyTokens(db, key, [delegateId])).get(delegateId);
  if (!token) {
    throw new AppError(
      'NOT_ISSUED',
      'Liên kết trả lời của đại biểu này đã bị thu hồi hoặc được tạo theo cách cũ nên không in lại được. Hãy tạo lại giấy mời để cấp liên kết mới.',
    );
  }
  const letter = await personLetter(
    event,
    template,
    d!,
    { number: entry.number, issuedAt: entry.issued_at },
    replyUrlOf(baseUrl, token),
  );
  return { event, template, letters: [letter] };
}

export async function getRegister(db: Executor, eventId: string): Promise<InvitationRegisterEntry[]> {
  const template = await getInvitationTemplate(db, eventId);
  return (await findRegister(db, eventId)).map((r) => ({
    number: r.number,
    numberText: `${String(r.number).padStart(2, '0')}/${template.symbol}`,
    delegateId: r.delegate_id,
    unitId: r.unit_id,
    recipient: r.recipient,
    issuedAt: r.issued_at,
  }));
}

/**
 * Letters to the units a composition draws from ("Kính gửi: UBND huyện Hoằng Hóa"), asking each to send its
 * quota of each group ("- 03 đại biểu: Đại diện Lãnh đạo Huyện ủy, UBND…"), numbered in the same register.
 */
export async function issueUnitLetters(
  db: Db,
  actor: Actor,
  eventId: string,
  filter: { unitId?: string | undefined },
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const composition = await getComposition(db, { all: true }, eventId);
  const seatUnitIds = composition.groups.flatMap((g) => g.seats.map((s) => s.unitId));
  const seatUnits = await findUnitsByIds(db, seatUnitIds);
  const parents = await findUnitsByIds(
    db,
    [...seatUnits.values()].flatMap((u) => (u.parentId ? [u.parentId] : [])),
  );
  const asks = planUnitAsks(
    composition.groups,
    new Map([...parents, ...seatUnits]),
    {
      names: [...template.agencyLines, event.hostName ?? ''],
      unitIds: event.leadUnitId ? [event.leadUnitId] : [],
    },
    filter.unitId,
  );
  if (asks.length === 0) throw notFound('đơn vị nào có chỉ tiêu để mời');
  const registered = await db.transaction().execute((trx) =>
    numberInRegister(
      trx,
      actor,
      eventId,
      asks.map((ask) => ({ delegateId: null, unitId: ask.unitId, recipient: ask.name })),
    ),
  );
  const time = eventTime(event);
  const venue = eventVenue(event);
  const letters = asks.map((ask, i): Letter => {
    const { number, issuedAt } = registered[i]!;
    const padded = String(number).padStart(2, '0');
    const wording = askWording(event.name, ask);
    return {
      delegateId: null,
      email: null,
      phone: null,
      number,
      numberText: `Số: ${padded}/${template.symbol}`,
      dateLine: issuedDateLine(template, issuedAt),
      recipientName: ask.name,
      recipient: ask.name,
      body: wording.body,
      details: [
        ...wording.lines,
        'Danh sách đại biểu đề nghị đăng ký trên hệ thống hoinghi (tài khoản cán bộ đơn vị) hoặc gửi theo mẫu danh sách.',
      ],
      time,
      venue,
      bring: '',
      contact: template.contact,
      replyUrl: null,
      qrPng: null,
      fileName: `GM ${padded} - ${asciiName(ask.name)}`,
    };
  });
  return { event, template, letters };
}
