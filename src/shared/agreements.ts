import { z } from 'zod';
import { calendarDateSchema, idSchema, nameSchema, optionalTextSchema } from './common';
import { MAX_NAME, MAX_SHORT_NAME, MAX_TEXT } from './limits';

/** Hợp đồng cung ứng / Biên bản ghi nhớ / Cam kết. */
export const AGREEMENT_KINDS = ['supply_contract', 'mou', 'commitment'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  supply_contract: 'Hợp đồng cung ứng, tiêu thụ',
  mou: 'Biên bản ghi nhớ',
  commitment: 'Cam kết',
};

/** draft → ready (parties and signatories set) → signed (on stage) → followed up (after the event). */
export const AGREEMENT_STATUSES = ['draft', 'ready', 'signed', 'followed_up'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Dự thảo',
  ready: 'Sẵn sàng ký',
  signed: 'Đã ký',
  followed_up: 'Đã theo dõi thực hiện',
};
/** The moves a status may make: one step forward, or one back to correct a mistake. */
export const AGREEMENT_MOVES: Record<AgreementStatus, AgreementStatus[]> = {
  draft: ['ready'],
  ready: ['draft', 'signed'],
  signed: ['ready', 'followed_up'],
  followed_up: ['signed'],
};

export const PARTY_ROLES = ['seller', 'buyer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = { seller: 'Bên bán', buyer: 'Bên mua' };

/** Unit kinds that may stand on each side: producers sell; supermarket chains and distributors buy. */
export const SELLER_UNIT_KINDS = ['producer'] as const;
export const BUYER_UNIT_KINDS = ['retailer', 'distributor'] as const;

/** A thousand billion đồng: far above any supply contract, well inside exact integers. */
export const MAX_AGREEMENT_VALUE_VND = 1_000_000_000_000_000;
export const MAX_AGREEMENT_PARTIES = 10;
export const MAX_AGREEMENT_PRODUCTS = 100;
/** The scanned signed copy: PDF or JPEG, checked by its bytes. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg'] as const;

const vndSchema = z
  .number({ error: 'Giá trị phải là số đồng' })
  .int('Giá trị tính bằng đồng, không có phần lẻ')
  .min(0, 'Giá trị không được âm')
  .max(MAX_AGREEMENT_VALUE_VND, 'Giá trị quá lớn');

export const agreementPartyInputSchema = z.strictObject({
  unitId: idSchema,
  role: z.enum(PARTY_ROLES),
  signatoryDelegateId: idSchema.nullable().optional(),
  standInName: optionalTextSchema(MAX_NAME),
  standInPosition: optionalTextSchema(MAX_NAME),
});
export type AgreementPartyInput = z.infer<typeof agreementPartyInputSchema>;

const agreementFields = {
  kind: z.enum(AGREEMENT_KINDS),
  title: nameSchema(MAX_NAME),
  valueVnd: vndSchema.nullable().optional(),
  startsOn: calendarDateSchema.nullable().optional(),
  endsOn: calendarDateSchema.nullable().optional(),
  parties: z.array(agreementPartyInputSchema).min(1, 'Cần ít nhất một bên').max(MAX_AGREEMENT_PARTIES),
  productIds: z.array(idSchema).max(MAX_AGREEMENT_PRODUCTS).optional(),
  notes: optionalTextSchema(MAX_TEXT),
};
const datesInOrder = (v: { startsOn?: string | null; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const datesMessage = { message: 'Ngày kết thúc phải sau ngày bắt đầu', path: ['endsOn'] };

export const createAgreementSchema = z.strictObject(agreementFields).refine(datesInOrder, datesMessage);
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .strictObject({
    kind: agreementFields.kind.optional(),
    title: agreementFields.title.optional(),
    valueVnd: agreementFields.valueVnd,
    startsOn: agreementFields.startsOn,
    endsOn: agreementFields.endsOn,
    parties: agreementFields.parties.optional(),
    productIds: agreementFields.productIds,
    notes: agreementFields.notes,
    followUpNotes: optionalTextSchema(MAX_TEXT),
    round: z.number().int().min(1).max(99).nullable().optional(),
    order: z.number().int().min(1).max(999).nullable().optional(),
  })
  .refine(datesInOrder, datesMessage);
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const agreementStatusInputSchema = z.strictObject({ status: z.enum(AGREEMENT_STATUSES) });

export const ceremonyPlanInputSchema = z.strictObject({
  pairsPerRound: z.number().int().min(1).max(20),
});
export type CeremonyPlanInput = z.infer<typeof ceremonyPlanInputSchema>;

const personSchema = z.object({
  delegateId: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  /** From check-in; null before check-in begins. */
  present: z.boolean().nullable(),
});

export const agreementPartySchema = z.object({
  unitId: z.string(),
  name: z.string(),
  shortName: z.string(),
  unitKind: z.string(),
  role: z.enum(PARTY_ROLES),
  signatory: personSchema.nullable(),
  standIn: z.object({ name: z.string(), position: z.string().nullable() }).nullable(),
});
export type AgreementParty = z.infer<typeof agreementPartySchema>;

export const agreementSchema = z.object({
  id: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  title: z.string(),
  parties: z.array(agreementPartySchema),
  valueVnd: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  round: z.number().int().nullable(),
  order: z.number().int().nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string(), producerId: z.string() })),
  productIds: z.array(z.string()),
  signedAt: z.string().nullable(),
  followUpNotes: z.string().nullable(),
  notes: z.string().nullable(),
  scan: z.object({ mediaType: z.string(), byteSize: z.number().int(), uploadedAt: z.string() }).nullable(),
  isSample: z.boolean(),
  /** What keeps it from the stage: no signatory, a signatory absent without a stand-in, no scan once signed. */
  warnings: z.array(z.string()),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementTotalsSchema = z.object({
  count: z.number().int(),
  ready: z.number().int(),
  signed: z.number().int(),
  valueVnd: z.number(),
  signedValueVnd: z.number(),
  products: z.number().int(),
  producers: z.number().int(),
  buyers: z.array(z.string()),
});
export type AgreementTotals = z.infer<typeof agreementTotalsSchema>;

export const agreementListSchema = z.object({
  items: z.array(agreementSchema),
  totals: agreementTotalsSchema,
  /** Whether the desk has checked anyone in yet: before that, presence is unknown. */
  checkinStarted: z.boolean(),
});
export type AgreementList = z.infer<typeof agreementListSchema>;

export const standInInputSchema = z.strictObject({
  name: nameSchema(MAX_NAME),
  position: optionalTextSchema(MAX_SHORT_NAME),
});

const ceremonyPartySchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(PARTY_ROLES),
  signatory: z
    .object({
      delegateId: z.string().nullable(),
      name: z.string(),
      position: z.string().nullable(),
      present: z.boolean().nullable(),
      standIn: z.object({ name: z.string(), position: z.string().nullable() }).nullable(),
    })
    .nullable(),
});
export const signingRoundSchema = z.object({
  round: z.number().int(),
  pairs: z.array(
    z.object({
      agreementId: z.string(),
      title: z.string(),
      kind: z.string(),
      valueVnd: z.number().nullable(),
      order: z.number().int(),
      parties: z.array(ceremonyPartySchema),
    }),
  ),
});
export type SigningRound = z.infer<typeof signingRoundSchema>;
export const signingCeremonySchema = z.object({ rounds: z.array(signingRoundSchema) });
