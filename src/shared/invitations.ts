import { z } from 'zod';
import { MAX_NAME, MAX_TEXT } from './limits';

/** Placeholders a template may use, filled per letter. */
export const INVITATION_PLACEHOLDERS = {
  danh_xung: 'Đồng chí / Ông / Bà',
  ho_ten: 'Họ và tên người được mời',
  chuc_vu: 'Chức vụ',
  don_vi: 'Cơ quan, đơn vị',
  ten_hoi_nghi: 'Tên hội nghị',
  thoi_gian: 'Thời gian (8h00 - 11h30, ngày 27/11/2020)',
  dia_diem: 'Địa điểm',
  chu_tri: 'Người chủ trì (theo đoàn chủ tịch của hội nghị)',
} as const;
export type InvitationPlaceholder = keyof typeof INVITATION_PLACEHOLDERS;

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** The placeholders a text uses that do not exist, for a message that names them. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(name in INVITATION_PLACEHOLDERS));
}

export function fillPlaceholders(text: string, values: Record<InvitationPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name as InvitationPlaceholder] ?? '');
}

const line = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((v) => v.normalize('NFC').trim())
    .superRefine((v, ctx) => {
      const unknown = unknownPlaceholders(v);
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `Không có trường {{${unknown[0]}}}; dùng: ${Object.keys(INVITATION_PLACEHOLDERS)
            .map((k) => `{{${k}}}`)
            .join(', ')}`,
        });
      }
    });

export const MAX_LOGO_BYTES = 500 * 1024;
const LOGO = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/;

/** A PNG or JPEG as a data URL, checked by its bytes, not its name. */
export function logoProblem(dataUrl: string): string | null {
  const m = LOGO.exec(dataUrl);
  if (!m) return 'Logo phải là ảnh PNG hoặc JPEG';
  const bytes = Uint8Array.from(atob(m[2]!), (c) => c.charCodeAt(0));
  if (bytes.length > MAX_LOGO_BYTES) return 'Logo tối đa 500 KB';
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (m[1] === 'png' ? !png : !jpeg) return 'Tệp logo không phải ảnh PNG hoặc JPEG thật';
  return null;
}

const logoSchema = z
  .string()
  .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 100, 'Logo tối đa 500 KB')
  .superRefine((v, ctx) => {
    const problem = logoProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const NUMBERING_MODES = ['register', 'blank'] as const;
export type NumberingMode = (typeof NUMBERING_MODES)[number];

/** "2020-11-10": a real calendar day. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'Ngày không có thật');

export const MAX_RECIPIENTS = 15;

/** The distribution list a letter ends with when the template says nothing: the invitee, and the office's copy. */
export const DEFAULT_RECIPIENTS = ['Như trên', 'Lưu: VT'];

/** The wording of the event's Giấy mời: who issues it, what it says, who signs. Editable without code. */
export const invitationTemplateSchema = z.strictObject({
  /** Upper lines of the issuing agency, the last in bold: ["UBND TỈNH THANH HÓA", "VĂN PHÒNG ĐIỀU PHỐI NTM"]. */
  agencyLines: z.array(line(MAX_NAME)).min(1).max(3),
  /** After "/" in the number: "GM-VPĐP" gives "Số: 12/GM-VPĐP". */
  symbol: line(40).pipe(z.string().min(1, 'Không được để trống')),
  /** The place in the date line: "Thanh Hóa, ngày …". */
  place: line(MAX_NAME),
  /** The paragraph before the details. */
  body: line(MAX_TEXT),
  /** What to bring or prepare; empty for none. */
  bring: line(MAX_TEXT),
  /** Who to call. */
  contact: line(MAX_TEXT),
  signerAuthority: line(MAX_NAME),
  signerTitle: line(MAX_NAME),
  signerName: line(MAX_NAME),
  /** The agency's logo as a data URL (PNG or JPEG, at most 500 KB), drawn above the agency name; null for none. */
  logo: logoSchema.nullable(),
  /**
   * Ngày ban hành printed in the date line ("ngày 10 tháng 11 năm 2020"); null leaves it blank for the clerk
   * ("ngày … tháng … năm 2020"). A letter keeps the date it was issued with when printed again.
   */
  issuedOn: calendarDaySchema.nullable(),
  /** "Nơi nhận", one line each without the dash: ["Như trên", "Lưu: VT, VPĐP"]; the drafting unit's code last. */
  recipients: z
    .array(line(MAX_NAME).pipe(z.string().min(1, 'Không để trống dòng nơi nhận')))
    .min(1, 'Cần ít nhất một nơi nhận')
    .max(MAX_RECIPIENTS),
  /**
   * Numbers from the agency's register of outgoing letters (per issuer and year, continuing across its events,
   * from `registerStart` at the least), or left blank for the clerk to write in by hand.
   */
  numbering: z.enum(NUMBERING_MODES),
  /** The next number in the agency's register when this app starts using it (the register kept by hand so far). */
  registerStart: z.number().int().min(1).max(999_999),
  /** "TM. ỦY BAN NHÂN DÂN" when the body signs through its head or a deputy; empty when a person signs alone. */
  signerBody: line(MAX_NAME),
  /** Who to call (QĐ 45/2018: a named contact person with a phone). */
  contactName: line(MAX_NAME),
  contactPhone: line(40),
});
export type InvitationTemplate = z.infer<typeof invitationTemplateSchema>;

/**
 * What PUT takes: any of the template's fields; those left out keep their current value (a client that knows only
 * some fields, such as `issuedOn` and `recipients`, changes only those).
 */
export const invitationTemplateInputSchema = invitationTemplateSchema.partial();
export type InvitationTemplateInput = z.infer<typeof invitationTemplateInputSchema>;

/** The template as the API returns it (the input schema trims and checks; the output is what was stored). */
export const invitationTemplateOutputSchema = z.object({
  agencyLines: z.array(z.string()),
  symbol: z.string(),
  place: z.string(),
  body: z.string(),
  bring: z.string(),
  contact: z.string(),
  signerAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  logo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  recipients: z.array(z.string()),
  numbering: z.enum(NUMBERING_MODES),
  registerStart: z.number().int(),
  signerBody: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
});

/** What the organizer sees before printing: whether letters can be issued, and whether they go out in time. */
export const letterReadinessSchema = z.object({
  /** The address printed on letters; null: letters and badges are refused until it is set. */
  publicUrl: z.string().nullable(),
  publicUrlSource: z.enum(['env', 'app']).nullable(),
  /** Today in Vietnam (YYYY-MM-DD). */
  today: z.string(),
  /** The day letters go out: the issue date when later, else today. */
  sendOn: z.string(),
  eventDay: z.string(),
  workingDays: z.number().int(),
  /** QĐ 45/2018: set when letters would reach invitees fewer than 3 working days before the meeting. */
  warning: z.string().nullable(),
});
export type LetterReadiness = z.infer<typeof letterReadinessSchema>;

export const invitationRegisterEntrySchema = z.object({
  number: z.number().int(),
  /** As printed after "Số:": "137/GM-UBND", or "…/GM-UBND" when the clerk writes the number in. */
  numberText: z.string(),
  /** The number in the agency's register; null when left blank. */
  registerNumber: z.number().int().nullable(),
  /** The issue date printed (YYYY-MM-DD); null when left blank. */
  issuedOn: z.string().nullable(),
  delegateId: z.string().nullable(),
  unitId: z.string().nullable(),
  recipient: z.string(),
  issuedAt: z.string(),
});
export type InvitationRegisterEntry = z.infer<typeof invitationRegisterEntrySchema>;

export const invitationBatchQuerySchema = z.object({
  groupId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
  /** Only people invited who have not answered yet: a reminder. */
  awaiting: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** What an email batch did, person by person: nothing is left unsaid when it stops halfway. */
export const invitationSendResultSchema = z.object({
  sent: z.array(z.object({ number: z.number().int(), name: z.string(), email: z.string() })),
  skipped: z.array(z.object({ number: z.number().int(), name: z.string(), reason: z.string() })),
  failed: z.array(
    z.object({ number: z.number().int(), name: z.string(), email: z.string(), error: z.string() }),
  ),
  /** Set when the letters go out later than 3 working days before the event. */
  warning: z.string().nullable(),
});
export type InvitationSendResult = z.infer<typeof invitationSendResultSchema>;

export const INVITATION_JOB_FORMATS = ['pdf', 'zip'] as const;
export const startInvitationJobSchema = z.strictObject({
  format: z.enum(INVITATION_JOB_FORMATS),
  /** Letters to people (with QR codes) or to the units asked to send people. */
  audience: z.enum(['people', 'units']),
  groupId: z.string().max(64).nullable().optional(),
  unitId: z.string().max(64).nullable().optional(),
});
export type StartInvitationJobInput = z.infer<typeof startInvitationJobSchema>;

export const documentJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type DocumentJob = z.infer<typeof documentJobSchema>;
