import type { Event } from '../../shared/events';
import {
  DEFAULT_RECIPIENTS,
  type InvitationRegisterEntry,
  type InvitationTemplate,
  type InvitationTemplateInput,
  type LetterReadiness,
} from '../../shared/invitations';
import { foldVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { InvitationsTable } from '../db/schema';
import { getComposition } from '../delegates/composition.service';
import { type DelegateRow, findAllDelegateRows, updateDelegateRow } from '../delegates/delegates.repository';
import { agencyLines, issuerPlace } from '../documents/official-docx';
import { AppError, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { getPlanContents } from '../plans/plan-contents.service';
import { getPresidium } from '../protocol/protocol.service';
import { ensureReplyTokens, findReplyTokens } from '../replies/replies.service';
import { getPublicUrlSetting } from '../settings/settings.service';
import { findUnitsByIds } from '../units/units.service';
import { newId, nowIso } from '../util';
import {
  findRegister,
  findTemplateJson,
  insertInvitations,
  lockRegister,
  nextNumber,
  saveTemplateJson,
  takeRegisterNumbers,
} from './invitations.repository';
import {
  asciiName,
  type Batch,
  contactLine,
  eventTime,
  eventVenue,
  isSigner,
  issuedDateLine,
  type Letter,
  personLetter,
  type Registered,
  recipientOf,
  registerNumberText,
} from './letters';
import { askWording, planUnitAsks } from './unit-asks';
import { letterTiming, vietnamToday } from './working-days';

export type { Batch, Letter } from './letters';

/**
 * Who signs on behalf of the body (ND 30/2020, "TM."): a collective body's head or deputy signs for it — "TM. ỦY BAN
 * NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" — while the head of a department signs alone ("KT. GIÁM ĐỐC").
 */
export function signerBodyFor(issuer: string, authority: string): string {
  const i = foldVietnamese(issuer);
  const a = foldVietnamese(authority);
  const headOfBody = /\b(chu tich|bi thu|truong ban)\b/.test(a);
  if (!headOfBody) return '';
  if (/^(ubnd|uy ban nhan dan)\b/.test(i)) return 'TM. ỦY BAN NHÂN DÂN';
  if (/^(hdnd|hoi dong nhan dan)\b/.test(i)) return 'TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN';
  if (/^(tinh uy|thanh uy|huyen uy|thi uy|quan uy)\b/.test(i)) return 'TM. BAN THƯỜNG VỤ';
  if (/^dang uy\b/.test(i)) return 'TM. ĐẢNG ỦY';
  if (/^(uy ban mat tran|uy ban mttq|mttq)\b/.test(i)) return 'TM. BAN THƯỜNG TRỰC';
  if (/^ban to chuc\b/.test(i)) return 'TM. BAN TỔ CHỨC';
  return '';
}

/**
 * "Nơi nhận" a letter starts with: the invitee ("Như trên") and the office's copy with the drafting unit's code,
 * taken from the plan's own "Lưu: VT, Pg NN." when it has one.
 */
export function defaultRecipients(planRecipients: { name: string }[]): string[] {
  const kept = planRecipients
    .map((r) => r.name.trim().replace(/[;.]+$/, ''))
    .find((name) => /^Lưu\s*:/iu.test(name.normalize('NFC')));
  return kept ? [DEFAULT_RECIPIENTS[0]!, kept] : [...DEFAULT_RECIPIENTS];
}

/** The wording an event starts with, from its plan: issuer, lead unit, signer. */
export function defaultTemplate(event: Event, planRecipients: { name: string }[] = []): InvitationTemplate {
  const issuer = event.planIssuer ?? event.hostName ?? '';
  const short = issuer.replace(/^UBND\b/u, 'Ủy ban nhân dân');
  return {
    agencyLines: agencyLines(issuer || null).map((l) => l.toLocaleUpperCase('vi')),
    symbol: /^UBND/u.test(issuer) ? 'GM-UBND' : 'GM',
    place: issuerPlace(issuer || null) || '……',
    body: `${short || 'Ban tổ chức'} trân trọng kính mời {{danh_xung}} tới dự {{ten_hoi_nghi}}. Hội nghị do {{chu_tri}} chủ trì.`,
    bring: 'Đề nghị {{danh_xung}} mang theo giấy mời này (có mã QR) để đăng ký đại biểu tại hội trường.',
    contact: '',
    signerAuthority: event.planSignerAuthority ?? '',
    signerTitle: event.planSignerTitle ?? '',
    signerName: event.planSignerName ?? '',
    logo: null,
    issuedOn: null,
    recipients: defaultRecipients(planRecipients),
    numbering: 'blank',
    registerStart: 1,
    signerBody: signerBodyFor(issuer, event.planSignerAuthority ?? ''),
    contactName: '',
    contactPhone: '',
  };
}

export async function getInvitationTemplate(db: Executor, eventId: string): Promise<InvitationTemplate> {
  return templateFor(db, await getEventById(db, eventId));
}

/** The stored template, with what templates saved before a field existed take from the default. */
async function templateFor(db: Executor, event: Event): Promise<InvitationTemplate> {
  const stored = await findTemplateJson(db, event.id);
  const defaults = defaultTemplate(event, (await getPlanContents(db, event.id)).recipients);
  if (!stored) return defaults;
  const template = JSON.parse(stored.template_json) as Partial<InvitationTemplate>;
  return { ...defaults, ...template, logo: template.logo ?? null };
}

export async function saveInvitationTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  input: InvitationTemplateInput,
): Promise<InvitationTemplate> {
  return db.transaction().execute(async (trx) => {
    const before = await getInvitationTemplate(trx, eventId);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const template: InvitationTemplate = { ...before, ...given };
    await saveTemplateJson(trx, eventId, JSON.stringify(template), nowIso());
    await recordAudit(trx, actor, {
      eventId,
      entity: 'invitation_template',
      entityId: eventId,
      action: 'update',
      before,
      after: template,
    });
    return template;
  });
}

/** One register per issuer (its letterhead) and year: numbers continue across the issuer's events. */
function registerOf(template: InvitationTemplate, year: number) {
  const issuer = template.agencyLines.join(' / ');
  return { key: `${foldVietnamese(issuer)}|${year}`, issuer, year };
}

/**
 * The register entries of these recipients (people or units), in the caller's transaction with the event's list
 * locked. A recipient issued before keeps their entry (number, issue date); the others get the template's issue
 * date and, when the template numbers from the agency's register, the next numbers of that register; else the
 * number is left for the clerk. One audit row lists the new entries.
 */
async function numberInRegister(
  trx: Executor,
  actor: Actor,
  eventId: string,
  template: InvitationTemplate,
  now: Date,
  recipients: { delegateId: string | null; unitId: string | null; recipient: string }[],
): Promise<Registered[]> {
  await lockRegister(trx, eventId);
  const register = await findRegister(trx, eventId);
  const byKey = new Map<string, Registered>(
    register.map((r) => [`${r.delegate_id}|${r.unit_id}`, registeredOf(r)]),
  );
  const missing = recipients.filter((r) => !byKey.has(`${r.delegateId}|${r.unitId}`));
  const at = nowIso();
  const year = Number((template.issuedOn ?? vietnamToday(now)).slice(0, 4));
  const agency = template.numbering === 'register' ? registerOf(template, year) : null;
  let nextInRegister =
    agency && missing.length
      ? await takeRegisterNumbers(trx, agency, template.registerStart, missing.length, at)
      : null;
  let next = await nextNumber(trx, eventId);
  const fresh: InvitationsTable[] = [];
  const entries = recipients.map((r) => {
    const key = `${r.delegateId}|${r.unitId}`;
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const row: InvitationsTable = {
      id: newId(),
      event_id: eventId,
      number: next++,
      delegate_id: r.delegateId,
      unit_id: r.unitId,
      recipient: r.recipient,
      issued_at: at,
      channel: 'print',
      issued_by: actor.id,
      register_key: agency?.key ?? null,
      register_number: nextInRegister === null ? null : nextInRegister++,
      register_symbol: template.symbol,
      issued_on: template.issuedOn,
    };
    const entry = registeredOf(row);
    byKey.set(key, entry);
    fresh.push(row);
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
        registerNumber: f.register_number,
        registerSymbol: f.register_symbol,
        issuedOn: f.issued_on,
        delegateId: f.delegate_id,
        unitId: f.unit_id,
        recipient: f.recipient,
      })),
    });
  }
  return entries;
}

function registeredOf(r: InvitationsTable): Registered {
  return {
    number: r.number,
    issuedAt: r.issued_at,
    registerNumber: r.register_number,
    registerSymbol: r.register_symbol ?? 'GM',
    issuedOn: r.issued_on,
  };
}

export interface LetterFilter {
  delegateId?: string | undefined;
  groupId?: string | undefined;
  unitId?: string | undefined;
  awaiting?: boolean | undefined;
}

const signsOwnLetter = (name: string) =>
  new AppError(
    'CONFLICT',
    `Đồng chí ${name} là người ký giấy mời: không ai nhận giấy mời do chính mình ký. Hãy chọn người ký khác trong mẫu giấy mời (ví dụ một Phó Chủ tịch khác ký thay) rồi phát hành giấy mời cho đồng chí.`,
  );

/**
 * The delegates a batch is for. People who declined or were replaced get no letter, nor does the person who signs
 * the letters: asked for alone, that is refused; in a batch they are left out and named in the warning.
 */
async function chosenDelegates(
  db: Executor,
  eventId: string,
  filter: LetterFilter,
  template: InvitationTemplate,
): Promise<{ rows: DelegateRow[]; signer: string | null }> {
  const all = await chosenOrSigner(db, eventId, filter);
  const signer = all.find((d) => isSigner(template, d.full_name));
  if (signer && filter.delegateId) throw signsOwnLetter(signer.full_name);
  const rows = all.filter((d) => d !== signer);
  if (rows.length === 0) throw notFound('đại biểu nào để in giấy mời');
  return { rows, signer: signer?.full_name ?? null };
}

async function chosenOrSigner(db: Executor, eventId: string, filter: LetterFilter): Promise<DelegateRow[]> {
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

const replyUrlOf = (publicUrl: string, token: string) => `${publicUrl}/r/${token}`;

/** "đồng chí Đỗ Minh Tuấn, Chủ tịch UBND tỉnh": the event's chair, from its presidium, for the letter's body. */
async function chairOf(db: Executor, event: Event, template: InvitationTemplate): Promise<string> {
  const chairs = (await getPresidium(db, event.id)).items.filter((p) => p.role === 'chair');
  if (chairs.length === 0) {
    const body = template.agencyLines.at(-1) ?? event.hostName ?? '';
    return body
      ? `lãnh đạo ${body.toLocaleLowerCase('vi').replace(/^ubnd\b/u, 'UBND')}`
      : 'lãnh đạo cơ quan chủ trì';
  }
  return chairs.map((c) => `đồng chí ${c.fullName}${c.position ? `, ${c.position}` : ''}`).join(' và ');
}

const joinWarnings = (...warnings: (string | null)[]) => warnings.filter(Boolean).join(' ') || null;

/**
 * Issues the letters of the chosen delegates: numbers them in the register (a delegate keeps their number and
 * date on a reprint), gives each a reply link for the QR code (the current one when it can be re-derived), marks
 * new ones invited, and returns everything a letter shows. `publicUrl` is the address printed (never localhost);
 * `now` dates the register's year and the QĐ 45 warning, in Vietnam's calendar.
 */
export async function issueLetters(
  db: Db,
  key: Buffer,
  actor: Actor,
  eventId: string,
  filter: LetterFilter,
  publicUrl: string,
  now: Date,
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const { prepared, signer } = await db.transaction().execute(async (trx) => {
    const { rows, signer } = await chosenDelegates(trx, eventId, filter, template);
    const registered = await numberInRegister(
      trx,
      actor,
      eventId,
      template,
      now,
      rows.map((d) => ({ delegateId: d.id, unitId: null, recipient: recipientOf(d).recipient })),
    );
    const tokens = await ensureReplyTokens(
      trx,
      key,
      actor,
      eventId,
      rows.map((d) => d.id),
    );
    const at = nowIso();
    for (const d of rows) {
      if (d.status === 'draft') await updateDelegateRow(trx, d.id, { status: 'invited', updated_at: at });
    }
    return {
      prepared: rows.map((d, i) => ({ d, registered: registered[i]!, token: tokens.get(d.id)! })),
      signer,
    };
  });
  const chair = await chairOf(db, event, template);
  const letters = await Promise.all(
    prepared.map(({ d, registered, token }) =>
      personLetter(event, template, d, registered, replyUrlOf(publicUrl, token), chair),
    ),
  );
  const timing = letterTiming(now, template.issuedOn, event.startsAt);
  const skipped = signer
    ? `Đồng chí ${signer} là người ký giấy mời nên không có trong đợt này (không ai nhận giấy mời do chính mình ký).`
    : null;
  return { event, template, letters, warning: joinWarnings(timing.warning, skipped) };
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
  publicUrl: string,
  now: Date,
): Promise<Batch> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const {
    rows: [d],
  } = await chosenDelegates(db, eventId, { delegateId }, template);
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
  const registered = registeredOf(entry);
  const letter = await personLetter(
    event,
    template,
    d!,
    registered,
    replyUrlOf(publicUrl, token),
    await chairOf(db, event, template),
  );
  return {
    event,
    template,
    letters: [letter],
    warning: letterTiming(now, registered.issuedOn, event.startsAt).warning,
  };
}

/** Before printing: the address that will be printed, and whether letters issued now reach people in time. */
export async function getLetterReadiness(
  db: Executor,
  eventId: string,
  envPublicUrl: string | null,
  now: Date,
): Promise<LetterReadiness> {
  const event = await getEventById(db, eventId);
  const template = await templateFor(db, event);
  const { publicUrl, source } = await getPublicUrlSetting(db, envPublicUrl);
  return {
    publicUrl,
    publicUrlSource: source,
    ...letterTiming(now, template.issuedOn, event.startsAt),
  };
}

export async function getRegister(db: Executor, eventId: string): Promise<InvitationRegisterEntry[]> {
  await getEventById(db, eventId);
  return (await findRegister(db, eventId)).map((r) => ({
    number: r.number,
    numberText: registerNumberText(registeredOf(r)).trim(),
    registerNumber: r.register_number,
    issuedOn: r.issued_on,
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
  now: Date,
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
      template,
      now,
      asks.map((ask) => ({ delegateId: null, unitId: ask.unitId, recipient: ask.name })),
    ),
  );
  const time = eventTime(event);
  const venue = eventVenue(event);
  const letters = asks.map((ask, i): Letter => {
    const entry = registered[i]!;
    const padded = String(entry.number).padStart(2, '0');
    const wording = askWording(event.name, ask);
    return {
      delegateId: null,
      email: null,
      phone: null,
      number: entry.number,
      numberText: `Số: ${registerNumberText(entry)}`,
      dateLine: issuedDateLine(template.place, entry.issuedOn, event),
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
      contact: [contactLine(template, event), template.contact].filter(Boolean).join(' '),
      replyUrl: null,
      qrPng: null,
      fileName: `GM ${padded} - ${asciiName(ask.name)}`,
    };
  });
  return { event, template, letters, warning: letterTiming(now, template.issuedOn, event.startsAt).warning };
}
