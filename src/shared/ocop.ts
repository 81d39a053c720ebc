import { z } from 'zod';
import {
  calendarDateSchema,
  idSchema,
  nameSchema,
  optionalTextSchema,
  pageQuerySchema,
  searchTextSchema,
} from './common';
import { MAX_NAME, MAX_SHORT_NAME, MAX_TEXT } from './limits';
import {
  AWARD_ORDERS,
  CERTIFYING_LEVELS,
  MIN_CERTIFIED_STARS,
  PRODUCER_TYPES,
  STAR_BANDS,
  starsForScore,
} from './ocop-rules';

export * from './ocop-rules';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_PRODUCT = 6;
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

// ── The catalogue of OCOP groups: data with validity dates, one set per criteria decision ──────────────

export const productGroupSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  framework: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type ProductGroup = z.infer<typeof productGroupSchema>;

export const productGroupInputSchema = z
  .strictObject({
    code: nameSchema(20),
    name: nameSchema(MAX_SHORT_NAME),
    framework: nameSchema(MAX_SHORT_NAME),
    validFrom: calendarDateSchema,
    validTo: calendarDateSchema.nullable().optional(),
  })
  .refine((v) => !v.validTo || v.validFrom <= v.validTo, {
    message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực',
    path: ['validTo'],
  });
export type ProductGroupInput = z.infer<typeof productGroupInputSchema>;

/** Is the group in force on that day (a decision date), by its validity period. */
export function groupValidOn(group: Pick<ProductGroup, 'validFrom' | 'validTo'>, day: string): boolean {
  return group.validFrom <= day && (!group.validTo || day <= group.validTo);
}

// ── Products ───────────────────────────────────────────────────────────────────────────────────────────

export const productPhotoSchema = z.object({
  id: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
});

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  subGroup: z.string().nullable(),
  producerId: z.string(),
  producerName: z.string(),
  producerType: z.enum(PRODUCER_TYPES).nullable(),
  producerAddress: z.string().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  communeId: z.string().nullable(),
  communeName: z.string().nullable(),
  score: z.number().int().nullable(),
  stars: z.number().int().nullable(),
  potential: z.boolean(),
  evaluationYear: z.number().int().nullable(),
  evaluationRound: z.number().int().nullable(),
  certifyingLevel: z.enum(CERTIFYING_LEVELS).nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  validUntil: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  description: z.string().nullable(),
  whereToBuy: z.string().nullable(),
  photos: z.array(productPhotoSchema),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

const yearSchema = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

const productFields = {
  name: nameSchema(MAX_NAME),
  groupId: idSchema,
  subGroup: optionalTextSchema(MAX_SHORT_NAME),
  producerId: idSchema,
  /** Omitted: the producer's district. */
  districtId: idSchema.nullable().optional(),
  communeId: idSchema.nullable().optional(),
  score: z.number().int().min(0, 'Điểm từ 0 đến 100').max(100, 'Điểm từ 0 đến 100').nullable().optional(),
  stars: z.number().int().min(1, 'Số sao từ 1 đến 5').max(5, 'Số sao từ 1 đến 5').nullable().optional(),
  potential: z.boolean().optional(),
  evaluationYear: yearSchema.nullable().optional(),
  evaluationRound: z.number().int().min(1).max(12).nullable().optional(),
  /** Omitted: from the stars and the criteria in force on the decision date. */
  certifyingLevel: z.enum(CERTIFYING_LEVELS).nullable().optional(),
  decisionNumber: optionalTextSchema(60),
  decisionDate: calendarDateSchema.nullable().optional(),
  /** Omitted: decision date + 36 months. */
  validUntil: calendarDateSchema.nullable().optional(),
  certificateNumber: optionalTextSchema(60),
  description: optionalTextSchema(MAX_TEXT),
  whereToBuy: optionalTextSchema(MAX_TEXT),
};

export const createProductSchema = z.strictObject(productFields);
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = z.strictObject({
  ...productFields,
  name: productFields.name.optional(),
  groupId: productFields.groupId.optional(),
  producerId: productFields.producerId.optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** What a product's own fields say about each other: stars against score, certification, dates. */
export function productProblems(
  p: {
    score?: number | null;
    stars?: number | null;
    potential?: boolean;
    decisionDate?: string | null;
    validUntil?: string | null;
  },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { score, stars } = p;
  if (score != null && stars != null && starsForScore(score) !== stars) {
    const band = STAR_BANDS.find((b) => b.stars === starsForScore(score))!;
    problems.push({
      field: 'stars',
      message: `${score} điểm thuộc hạng ${band.stars} sao (${band.min}–${band.max} điểm), không phải ${stars} sao`,
    });
  }
  if (!p.potential) {
    if (stars == null && score == null) {
      problems.push({
        field: 'stars',
        message:
          'Sản phẩm được chứng nhận phải có số sao hoặc điểm; nếu chưa đánh giá, đánh dấu là sản phẩm tiềm năng',
      });
    } else if ((stars ?? starsForScore(score!)) < MIN_CERTIFIED_STARS) {
      problems.push({
        field: 'stars',
        message: `Chỉ sản phẩm từ ${MIN_CERTIFIED_STARS} sao trở lên mới được chứng nhận OCOP; sản phẩm chưa đạt hãy đánh dấu là sản phẩm tiềm năng`,
      });
    }
  }
  if (p.decisionDate && p.decisionDate > today) {
    problems.push({ field: 'decisionDate', message: 'Ngày quyết định không được sau ngày hôm nay' });
  }
  if (p.decisionDate && p.validUntil && p.validUntil <= p.decisionDate) {
    problems.push({ field: 'validUntil', message: 'Ngày hết hiệu lực phải sau ngày quyết định' });
  }
  return problems;
}

const optionalBoolean = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const findProductsQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema.optional(),
  groupId: idSchema.optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  districtId: idSchema.optional(),
  producerId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  decisionNumber: z.string().max(60).optional(),
  potential: optionalBoolean,
});
export type FindProductsQuery = z.infer<typeof findProductsQuerySchema>;

// ── Import ─────────────────────────────────────────────────────────────────────────────────────────────

export const productImportQuerySchema = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Producers named in the file but not in the catalogue are created (the preview lists them first). */
  createProducers: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const productImportResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** Producers the file names that the catalogue lacks: created only with createProducers. */
  newProducers: z.array(z.object({ name: z.string(), rows: z.array(z.number().int()) })),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type ProductImportResult = z.infer<typeof productImportResultSchema>;

// ── Public showcase: what anyone may see, no more ──────────────────────────────────────────────────────

export const publicProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  groupName: z.string(),
  subGroup: z.string().nullable(),
  stars: z.number().int().nullable(),
  potential: z.boolean(),
  producerName: z.string(),
  producerType: z.enum(PRODUCER_TYPES).nullable(),
  districtName: z.string().nullable(),
  communeName: z.string().nullable(),
  evaluationYear: z.number().int().nullable(),
  validUntil: z.string().nullable(),
  description: z.string().nullable(),
  whereToBuy: z.string().nullable(),
  photoIds: z.array(z.string()),
  isSample: z.boolean(),
});
export type PublicProduct = z.infer<typeof publicProductSchema>;

export const publicProductsQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema.optional(),
  groupId: idSchema.optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  districtId: idSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});

export const showcaseFiltersSchema = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  districts: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  total: z.number().int(),
});
export type ShowcaseFilters = z.infer<typeof showcaseFiltersSchema>;

// ── Certificates ───────────────────────────────────────────────────────────────────────────────────────

/** Who signed one decision: its certificates carry this signature, whatever year the event is. */
export const certificateDecisionSchema = z.strictObject({
  /** "5445/QĐ-UBND", as the products cite it. */
  number: nameSchema(60),
  signerAuthority: optionalTextSchema(MAX_SHORT_NAME).transform((v) => v ?? null),
  signerTitle: optionalTextSchema(MAX_SHORT_NAME).transform((v) => v ?? null),
  /** null: not known yet; the certificate leaves the line for the clerk. */
  signerName: optionalTextSchema(MAX_SHORT_NAME).transform((v) => v ?? null),
});
export type CertificateDecision = z.infer<typeof certificateDecisionSchema>;

export const certificateTemplateSchema = z.strictObject({
  /** Upper lines at the top left, e.g. "ỦY BAN NHÂN DÂN / TỈNH THANH HÓA". */
  issuer: nameSchema(MAX_NAME),
  title: nameSchema(MAX_SHORT_NAME).default('GIẤY CHỨNG NHẬN'),
  subtitle: nameSchema(MAX_SHORT_NAME).default('SẢN PHẨM OCOP'),
  /** The sentence before the product name. */
  intro: nameSchema(MAX_NAME).default('Chứng nhận sản phẩm'),
  place: nameSchema(MAX_SHORT_NAME),
  signerAuthority: optionalTextSchema(MAX_SHORT_NAME).transform((v) => v ?? null),
  signerTitle: nameSchema(MAX_SHORT_NAME),
  signerName: nameSchema(MAX_SHORT_NAME),
  /** Printed date for a product whose decision has no date; a certificate otherwise carries its decision's date. */
  issueDate: calendarDateSchema.nullable().default(null),
  /**
   * The signer of each decision the certificates cite. A decision not listed is signed by the signer above
   * only when it was taken in the event's own year; an older one leaves the name for the clerk.
   */
  decisions: z.array(certificateDecisionSchema).max(100).default([]),
});
export type CertificateTemplate = z.infer<typeof certificateTemplateSchema>;
export const certificateTemplateOutputSchema = z.object({
  issuer: z.string(),
  title: z.string(),
  subtitle: z.string(),
  intro: z.string(),
  place: z.string(),
  signerAuthority: z.string().nullable(),
  signerTitle: z.string(),
  signerName: z.string(),
  issueDate: z.string().nullable(),
  decisions: z.array(
    z.object({
      number: z.string(),
      signerAuthority: z.string().nullable(),
      signerTitle: z.string().nullable(),
      signerName: z.string().nullable(),
    }),
  ),
});

/** Printing a certificate with no number is refused (CERTIFICATE_NUMBER_MISSING) unless the caller says so. */
const allowBlankNumberSchema = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const certificatesQuerySchema = z.object({
  /** Only the products of this decision; omitted: every product on the event's award list. */
  decisionNumber: z.string().max(60).optional(),
  allowBlankNumber: allowBlankNumberSchema,
});

export const certificateReprintQuerySchema = z.object({ allowBlankNumber: allowBlankNumberSchema });

// ── Award ceremony ─────────────────────────────────────────────────────────────────────────────────────

export const awardPlanInputSchema = z.strictObject({
  batchSize: z.number().int().min(1, 'Mỗi đợt ít nhất 1 người').max(60, 'Mỗi đợt tối đa 60 người'),
  order: z.enum(AWARD_ORDERS),
  /** Only products of this decision; omitted: every certified product of the years below. */
  decisionNumber: optionalTextSchema(60),
  fromYear: yearSchema.nullable().optional(),
  toYear: yearSchema.nullable().optional(),
  /** Leaders who award, one per batch in order; batches beyond the list are left for the organizer. */
  presenterDelegateIds: z.array(idSchema).max(200).optional(),
});
export type AwardPlanInput = z.infer<typeof awardPlanInputSchema>;

export const updateAwardBatchSchema = z.strictObject({
  title: optionalTextSchema(MAX_SHORT_NAME),
  presenterDelegateId: idSchema.nullable().optional(),
});

export const updateAwardRecipientSchema = z.strictObject({
  batchId: idSchema.optional(),
  delegateId: idSchema.nullable().optional(),
  /** The person who comes up in place of an absent recipient, named on the spot. */
  standInName: optionalTextSchema(MAX_SHORT_NAME),
  handedOver: z.boolean().optional(),
});
export type UpdateAwardRecipientInput = z.infer<typeof updateAwardRecipientSchema>;

const awardPersonSchema = z.object({
  delegateId: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  status: z.string(),
});

export const awardRecipientSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  producerId: z.string(),
  producerName: z.string(),
  districtName: z.string().nullable(),
  stars: z.number().int().nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string(), stars: z.number().int().nullable() })),
  delegate: awardPersonSchema.nullable(),
  /** The delegate has checked in. */
  present: z.boolean(),
  standInName: z.string().nullable(),
  handedOverAt: z.string().nullable(),
});
export type AwardRecipient = z.infer<typeof awardRecipientSchema>;

export const awardBatchSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string().nullable(),
  presenter: awardPersonSchema.nullable(),
  recipients: z.array(awardRecipientSchema),
});
export type AwardBatch = z.infer<typeof awardBatchSchema>;

export const awardsSchema = z.object({
  batches: z.array(awardBatchSchema),
  totals: z.object({
    recipients: z.number().int(),
    products: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    handedOver: z.number().int(),
  }),
});
export type Awards = z.infer<typeof awardsSchema>;

// ── Programme statistics ───────────────────────────────────────────────────────────────────────────────

export const statisticsQuerySchema = z.object({
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  toYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const ocopStatisticsSchema = z.object({
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  products: z.number().int(),
  producers: z.number().int(),
  potential: z.number().int(),
  byYear: z.array(countRow),
  byStars: z.array(countRow),
  byGroup: z.array(countRow),
  byProducerType: z.array(countRow),
  byDistrict: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      count: z.number().int(),
      producers: z.number().int(),
      communes: z.number().int(),
    }),
  ),
  districtsWith: z.array(z.string()),
  districtsWithout: z.array(z.string()),
  communesWith: z.array(z.string()),
  communesWithout: z.array(z.string()),
  /** Products whose commune is not recorded (counted in their district only). */
  withoutCommune: z.number().int(),
});
export type OcopStatistics = z.infer<typeof ocopStatisticsSchema>;
