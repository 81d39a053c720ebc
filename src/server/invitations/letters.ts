import QRCode from 'qrcode';
import type { Event } from '../../shared/events';
import { formatDate, formatTime } from '../../shared/format';
import { fillPlaceholders, type InvitationTemplate } from '../../shared/invitations';
import { withoutMarks } from '../../shared/text';
import { HONORIFIC_LABELS, type Honorific } from '../../shared/vocabulary';
import type { DelegateRow } from '../delegates/delegates.repository';
import { placeDateLine } from '../documents/official-docx';

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

/** A letter's number in the register and the day it was issued: a reprint shows both unchanged. */
export interface Registered {
  number: number;
  issuedAt: string;
}

/** A file name any system accepts: accents dropped, only letters, digits, spaces and dashes. */
export const asciiName = (s: string) =>
  withoutMarks(s)
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim();

export const eventTime = (event: Event) =>
  `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}`;

export const eventVenue = (event: Event) => [event.venueName, event.venueAddress].filter(Boolean).join(' - ');

/** "Thanh Hóa, ngày 05 tháng 11 năm 2020": the day the letter entered the register, not the day it is printed. */
export const issuedDateLine = (template: InvitationTemplate, issuedAt: string) =>
  placeDateLine(template.place, issuedAt.slice(0, 10), Number(issuedAt.slice(0, 4)));

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
  };
  const number = String(registered.number).padStart(2, '0');
  return {
    delegateId: d.id,
    email: d.email,
    phone: d.phone,
    number: registered.number,
    numberText: `Số: ${number}/${template.symbol}`,
    dateLine: issuedDateLine(template, registered.issuedAt),
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
}
