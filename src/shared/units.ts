import { z } from 'zod';
import {
  calendarDateSchema,
  idSchema,
  nameSchema,
  optionalTextSchema,
  pageQuerySchema,
  searchTextSchema,
} from './common';
import { MAX_ADMIN_CODE, MAX_NAME, MAX_SHORT_NAME, MAX_TEXT } from './limits';
import { PRODUCER_TYPES } from './ocop-rules';
import { UNIT_KINDS } from './vocabulary';

export { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from './vocabulary';

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  shortName: z.string(),
  name: z.string(),
  adminCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  /** Producers only: enterprise, cooperative, cooperative group, household business. */
  producerType: z.enum(PRODUCER_TYPES).nullable(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

const adminCodeSchema = z
  .string()
  .trim()
  .max(MAX_ADMIN_CODE)
  .regex(/^\d*$/, 'Mã hành chính chỉ gồm chữ số')
  .transform((v) => v || null)
  .nullable()
  .optional();

const unitFields = {
  parentId: idSchema.nullable().optional(),
  kind: z.enum(UNIT_KINDS),
  shortName: nameSchema(MAX_SHORT_NAME),
  name: nameSchema(MAX_NAME),
  adminCode: adminCodeSchema,
  validFrom: calendarDateSchema.nullable().optional(),
  validTo: calendarDateSchema.nullable().optional(),
  address: optionalTextSchema(MAX_NAME),
  notes: optionalTextSchema(MAX_TEXT),
  producerType: z.enum(PRODUCER_TYPES).nullable().optional(),
};

function validityInOrder(v: { validFrom?: string | null; validTo?: string | null }) {
  return !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
}
const validityMessage = { message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực', path: ['validTo'] };

export const createUnitSchema = z.strictObject(unitFields).refine(validityInOrder, validityMessage);
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z
  .strictObject({
    ...unitFields,
    kind: unitFields.kind.optional(),
    shortName: unitFields.shortName.optional(),
    name: unitFields.name.optional(),
  })
  .refine(validityInOrder, validityMessage);
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const findUnitsQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: idSchema.optional(),
  /** A calendar date: only units valid on that day. Omitted: all units, past ones included. */
  validOn: calendarDateSchema.optional(),
});
export type FindUnitsQuery = z.infer<typeof findUnitsQuerySchema>;

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows_only'] as const;
export const importQuerySchema = z.object({
  mode: z.enum(IMPORT_MODES).default('all_or_nothing'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const unitImportResultSchema = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type UnitImportResult = z.infer<typeof unitImportResultSchema>;
