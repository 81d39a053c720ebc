import QRCode from 'qrcode';
import type { Event } from '../../shared/events';
import { formatDate, formatTime } from '../../shared/format';
import {
  fillPlaceholders,
  type InvitationRegisterEntry,
  type InvitationTemplate,
} from '../../shared/invitations';
import { withoutMarks } from '../../shared/text';
import { HONORIFIC_LABELS, type Honorific } from '../../shared/vocabulary';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { InvitationsTable } from '../db/schema';
import { getComposition } from '../delegates/composition.service';
import { findAllDelegateRows, updateDelegateRow } from '../delegates/delegates.repository';
import { agencyLines, issuerPlace, placeDateLine } from '../documents/official-docx';
import { AppError, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { currentReplyToken } from '../replies/replies.service';
import { newId, nowIso } from '../util';
import {
  findRegister,
  findTemplateJson,
  insertInvitations,
  lockRegister,
  nextNumber,
  saveTemplateJson,
} from './invitations.repository';

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

/** What a batch needs to be drawn: the event, its template, and the letters. */
export interface Batch {
  event: Event;
  template: InvitationTemplate;
  letters: Letter[];
}

export interface Letter {
  delegateId: string | null;
  email: string | null;
  phone: string | null;
  number: number;
  numberText: string;
  dateLine: string;
  recipientName: string;
  /** "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND huyện, UBND huyện Hoằng Hóa". */
  recipient: string;
  body: string;
  time: string;
  venue: string;
  bring: string;
  contact: string;
  /** Lines after the body: what a unit is asked to send. */
  details: string[];
  /** A person's letter carries their reply link as a QR code; a unit's has none. */
  replyUrl: string | null;
  qrPng: Buffer | null;
  fileName: string;
}

/** A file name any system accepts: accents dropped, only letters, digits, spaces and dashes. */
const asciiName = (s: string) =>
  withoutMarks(s)
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim();

/**
 * The register numbers of these recipients (people or units), giving the next numbers to those without one, in
 * the caller's transaction with the register locked. One audit row lists the new entries.
 */
async function numberInRegister(
  trx: Executor,
  actor: Actor,
  eventId: string,
  recipients: { delegateId: string | null; unitId: string | null; recipient: string }[],
): Promise<number[]> {
  await lockRegister(trx, eventId);
  const register = await findRegister(trx, eventId);
  const byKey = new Map(register.map((r) => [`${r.delegate_id}|${r.unit_id}`, r.number]));
  let next = await nextNumber(trx, eventId);
  const fresh: InvitationsTable[] = [];
  const now = nowIso();
  const numbers = recipients.map((r) => {
    const key = `${r.delegateId}|${r.unitId}`;
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const number = next++;
    byKey.set(key, number);
    fresh.push({
      id: newId(),
      event_id: eventId,
      number,
      delegate_id: r.delegateId,
      unit_id: r.unitId,
      recipient: r.recipient,
      issued_at: now,
      channel: 'print',
      issued_by: actor.id,
    });
    return number;
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
  return numbers;
}

/**
 * Numbers the letters of the chosen delegates in the register (a delegate keeps their number on a reprint), gives
 * each a reply link for the QR code, marks new ones invited, and returns everything a letter shows. People who
 * declined or were replaced get no letter.
 */
export async function prepareLetters(
  db: Db,
  actor: Actor,
  eventId: string,
  filter: { delegateId?: string; groupId?: string; unitId?: string; awaiting?: boolean },
  baseUrl: string,
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const prepared = await db.transaction().execute(async (trx) => {
    const rows = (await findAllDelegateRows(trx, eventId, null)).filter(
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
    const people = rows.map((d) => {
      const honorific = d.honorific ? HONORIFIC_LABELS[d.honorific as Honorific] : 'Ông/Bà';
      const recipient = [`${honorific} ${d.full_name}`, d.position, d.organization ?? d.unit_name]
        .filter(Boolean)
        .join(', ');
      return { d, honorific, recipient };
    });
    const numbers = await numberInRegister(
      trx,
      actor,
      eventId,
      people.map((p) => ({ delegateId: p.d.id, unitId: null, recipient: p.recipient })),
    );
    const now = nowIso();
    const out = [];
    for (const [i, p] of people.entries()) {
      if (p.d.status === 'draft')
        await updateDelegateRow(trx, p.d.id, { status: 'invited', updated_at: now });
      out.push({ ...p, number: numbers[i]!, token: await currentReplyToken(trx, actor, eventId, p.d.id) });
    }
    return out;
  });

  const time = `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}`;
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(' - ');
  const dateLine = placeDateLine(template.place, nowIso().slice(0, 10), new Date().getUTCFullYear());
  const letters = await Promise.all(
    prepared.map(async ({ d, honorific, recipient, number: registered, token }) => {
      const values = {
        danh_xung: honorific === 'Ông/Bà' ? 'Ông/Bà' : honorific,
        ho_ten: d.full_name,
        chuc_vu: d.position ?? '',
        don_vi: d.organization ?? d.unit_name ?? '',
        ten_hoi_nghi: event.name,
        thoi_gian: time,
        dia_diem: venue,
      };
      const replyUrl = `${baseUrl}/r/${token}`;
      const number = String(registered).padStart(2, '0');
      return {
        delegateId: d.id,
        email: d.email,
        phone: d.phone,
        number: registered,
        numberText: `Số: ${number}/${template.symbol}`,
        dateLine,
        recipientName: d.full_name,
        recipient,
        body: fillPlaceholders(template.body, values),
        time,
        venue,
        bring: fillPlaceholders(template.bring, values),
        contact: fillPlaceholders(template.contact, values),
        details: [],
        replyUrl,
        qrPng: await QRCode.toBuffer(replyUrl, {
          type: 'png',
          errorCorrectionLevel: 'M',
          margin: 1,
          width: 240,
        }),
        fileName: `GM ${number} - ${asciiName(d.full_name)}`,
      };
    }),
  );
  return { event, template, letters };
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

/** A district or commune is written to through its People's Committee: "Huyện Nông Cống" → "UBND huyện Nông Cống". */
function addressOf(unitName: string): string {
  const m = /^(Huyện|Thị xã|Thành phố|Xã|Phường|Thị trấn) (.+)$/u.exec(unitName);
  return m ? `UBND ${m[1]!.toLocaleLowerCase('vi')} ${m[2]}` : unitName;
}

/**
 * Letters to the units a composition draws from ("Kính gửi: UBND huyện Hoằng Hóa"), asking each to send its
 * quota of each group ("- 03 đại biểu: Đại diện Lãnh đạo Huyện ủy, UBND…"), numbered in the same register.
 */
export async function prepareUnitLetters(
  db: Db,
  actor: Actor,
  eventId: string,
  filter: { unitId?: string | undefined },
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const composition = await getComposition(db, { all: true }, eventId);
  const asks = new Map<string, { name: string; lines: string[]; total: number }>();
  for (const group of composition.groups) {
    for (const seat of group.seats) {
      if (filter.unitId && seat.unitId !== filter.unitId) continue;
      const ask = asks.get(seat.unitId) ?? { name: addressOf(seat.unitName), lines: [], total: 0 };
      ask.lines.push(`- ${String(seat.quota).padStart(2, '0')} đại biểu: ${group.title};`);
      ask.total += seat.quota;
      asks.set(seat.unitId, ask);
    }
  }
  if (asks.size === 0) throw notFound('đơn vị nào có chỉ tiêu để mời');
  const units = [...asks];
  const registered = await db.transaction().execute((trx) =>
    numberInRegister(
      trx,
      actor,
      eventId,
      units.map(([unitId, ask]) => ({ delegateId: null, unitId, recipient: ask.name })),
    ),
  );
  const time = `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}`;
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(' - ');
  const dateLine = placeDateLine(template.place, nowIso().slice(0, 10), new Date().getUTCFullYear());
  const letters = units.map(([, ask], i): Letter => {
    const number = registered[i]!;
    const padded = String(number).padStart(2, '0');
    return {
      delegateId: null,
      email: null,
      phone: null,
      number,
      numberText: `Số: ${padded}/${template.symbol}`,
      dateLine,
      recipientName: ask.name,
      recipient: ask.name,
      body: `Để tổ chức ${event.name}, đề nghị ${ask.name} cử ${String(ask.total).padStart(2, '0')} đại biểu tới dự, cụ thể:`,
      details: [
        ...ask.lines.map((line, i) => (i === ask.lines.length - 1 ? `${line.slice(0, -1)}.` : line)),
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
