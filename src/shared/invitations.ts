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
  logo: logoSchema.nullable().default(null),
});
export type InvitationTemplate = z.infer<typeof invitationTemplateSchema>;

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
});

export const invitationRegisterEntrySchema = z.object({
  number: z.number().int(),
  numberText: z.string(),
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
