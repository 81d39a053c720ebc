import QRCode from 'qrcode';
import type { Event } from '../../shared/events';
import { formatDate, formatTime, vietnamDay } from '../../shared/format';
import { fillPlaceholders, type InvitationTemplate } from '../../shared/invitations';
import { formatPhone } from '../../shared/phone';
import { foldTitle } from '../../shared/protocol';
import { withoutMarks } from '../../shared/text';
import { HONORIFIC_LABELS, type Honorific } from '../../shared/vocabulary';
import type { DelegateRow } from '../delegates/delegates.repository';

/** What a batch needs to be drawn: the event, its template, and the letters. */
export interface Batch {
  event: Event;
  template: InvitationTemplate;
  letters: Letter[];
  /**
   * What the organizer must know before sending: QĐ 45/2018's three working days, or who got no letter because
   * they sign them. Sent with the file (header x-letter-warning) and in the email result.
   */
  warning: string | null;
}

export interface Letter {
  delegateId: string | null;
  email: string | null;
  phone: string | null;
  /** The letter's place in this event's list (file names, the email channel); not the register number. */
  number: number;
  /** "Số: 137/GM-UBND", or "Số:        /GM-UBND" left blank for the clerk. */
  numberText: string;
  /** "Thanh Hóa, ngày 10 tháng 11 năm 2020", or "Thanh Hóa, ngày … tháng … năm 2020" left blank. */
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

/** A letter's entry in the register: what a reprint shows unchanged. */
export interface Registered {
  number: number;
  issuedAt: string;
  /** The agency register's number, or null when the clerk writes it in. */
  registerNumber: number | null;
  registerSymbol: string;
  /** The issue date printed, or null when left blank. */
  issuedOn: string | null;
}

/** A file name any system accepts: accents dropped, only letters, digits, spaces and dashes. */
export const asciiName = (s: string) =>
  withoutMarks(s)
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim();

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Sáu" for the day an instant falls on in Vietnam. */
export const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${vietnamDay(iso)}T00:00:00Z`).getUTCDay()]!;

/** "8h00 - 11h30, thứ Sáu, ngày 27/11/2020": QĐ 45/2018 asks for the weekday too. */
export const eventTime = (event: Event) =>
  `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ${weekdayOf(event.startsAt)}, ngày ${formatDate(event.startsAt)}`;

export const eventVenue = (event: Event) => [event.venueName, event.venueAddress].filter(Boolean).join(' - ');

const two = (n: number) => String(n).padStart(2, '0');

/** Room for the clerk to write the number in by hand, before "/GM-UBND". */
export const BLANK_NUMBER = '        ';

/** "137/GM-UBND", or the blank a clerk writes in. */
export const registerNumberText = (r: Pick<Registered, 'registerNumber' | 'registerSymbol'>) =>
  `${r.registerNumber === null ? BLANK_NUMBER : two(r.registerNumber)}/${r.registerSymbol}`;

/**
 * "Thanh Hóa, ngày 10 tháng 11 năm 2020" (ND 30/2020: a leading zero for days below 10 and months 1–2), or, with
 * no issue date, "Thanh Hóa, ngày … tháng … năm 2020" in the year of the event, for the clerk to fill in.
 */
export function issuedDateLine(
  place: string,
  issuedOn: string | null,
  event: Pick<Event, 'startsAt'>,
): string {
  if (!issuedOn) return `${place}, ngày … tháng … năm ${vietnamDay(event.startsAt).slice(0, 4)}`;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${two(d)} tháng ${m <= 2 ? two(m) : String(m)} năm ${y}`;
}

/** "Thông tin liên hệ: đồng chí Lê Thị Hoa, Văn phòng Điều phối NTM tỉnh, điện thoại 0912 345 678." */
export function contactLine(template: InvitationTemplate, event: Event): string {
  const name = template.contactName || '……………………';
  const phone = template.contactPhone ? formatPhone(template.contactPhone) : '……………………';
  const unit = event.leadName ? `, ${event.leadName}` : '';
  return `Thông tin liên hệ: đồng chí ${name}${unit}, điện thoại ${phone}.`;
}

/** Whether a person is the one who signs the letters: nobody is invited by a letter signed on his own behalf. */
export const isSigner = (template: InvitationTemplate, fullName: string) =>
  !!template.signerName.trim() && foldTitle(template.signerName) === foldTitle(fullName);

export function recipientOf(d: DelegateRow) {
  const honorific = d.honorific ? HONORIFIC_LABELS[d.honorific as Honorific] : 'Ông/Bà';
  const recipient = [`${honorific} ${d.full_name}`, d.position, d.organization ?? d.unit_name]
    .filter(Boolean)
    .join(', ');
  return { honorific, recipient };
}

/** A person's letter: the template filled for them, with their reply link as text and as a QR code. */
export async function personLetter(
  event: Event,
  template: InvitationTemplate,
  d: DelegateRow,
  registered: Registered,
  replyUrl: string,
  chair: string,
): Promise<Letter> {
  const { honorific, recipient } = recipientOf(d);
  const time = eventTime(event);
  const venue = eventVenue(event);
  const values = {
    danh_xung: honorific,
    ho_ten: d.full_name,
    chuc_vu: d.position ?? '',
    don_vi: d.organization ?? d.unit_name ?? '',
    ten_hoi_nghi: event.name,
    thoi_gian: time,
    dia_diem: venue,
    chu_tri: chair,
  };
  const numberText = registerNumberText(registered);
  const contact = [contactLine(template, event), fillPlaceholders(template.contact, values)]
    .filter(Boolean)
    .join(' ');
  return {
    delegateId: d.id,
    email: d.email,
    phone: d.phone,
    number: registered.number,
    numberText: `Số: ${numberText}`,
    dateLine: issuedDateLine(template.place, registered.issuedOn, event),
    recipientName: d.full_name,
    recipient,
    body: fillPlaceholders(template.body, values),
    time,
    venue,
    bring: fillPlaceholders(template.bring, values),
    contact,
    details: [],
    replyUrl,
    qrPng: await QRCode.toBuffer(replyUrl, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 240,
    }),
    fileName: `GM ${two(registered.number)} - ${asciiName(d.full_name)}`,
  };
}
