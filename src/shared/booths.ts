import { z } from 'zod';
import { idSchema, optionalTextSchema } from './common';
import { phoneSchema } from './delegates';
import { MAX_NAME, MAX_SHORT_NAME, MAX_TEXT } from './limits';

/** Booths show OCOP products or potential products (plan section 9). */
export const BOOTH_KINDS = ['ocop', 'potential'] as const;
export type BoothKind = (typeof BOOTH_KINDS)[number];
export const BOOTH_KIND_LABELS: Record<BoothKind, string> = {
  ocop: 'Sản phẩm OCOP',
  potential: 'Sản phẩm tiềm năng',
};

/** The floor is a grid of cells; a booth covers a rectangle of them. */
export const MAX_FLOOR_CELLS = 40;
export const MAX_BOOTH_NUMBER = 999;
export const MAX_BOOTH_PRODUCTS = 30;

const cell = z
  .number()
  .int()
  .min(0)
  .max(MAX_FLOOR_CELLS - 1);
const span = z.number().int().min(1).max(10);

const boothFields = {
  number: z.number().int().min(1).max(MAX_BOOTH_NUMBER),
  kind: z.enum(BOOTH_KINDS),
  unitId: idSchema.nullable().optional(),
  productIds: z.array(idSchema).max(MAX_BOOTH_PRODUCTS).optional(),
  x: cell.optional(),
  y: cell.optional(),
  w: span.optional(),
  h: span.optional(),
  sizeText: optionalTextSchema(MAX_SHORT_NAME),
  personName: optionalTextSchema(MAX_NAME),
  personPhone: phoneSchema,
  setupAt: optionalTextSchema(MAX_SHORT_NAME),
  teardownAt: optionalTextSchema(MAX_SHORT_NAME),
  needsPower: z.boolean().optional(),
  tables: z.number().int().min(0).max(20).optional(),
  notes: optionalTextSchema(MAX_TEXT),
};

export const createBoothSchema = z.strictObject(boothFields);
export type CreateBoothInput = z.infer<typeof createBoothSchema>;

export const updateBoothSchema = z.strictObject({
  ...boothFields,
  number: boothFields.number.optional(),
  kind: boothFields.kind.optional(),
});
export type UpdateBoothInput = z.infer<typeof updateBoothSchema>;

/** Giving a booth to a producer or a district (null frees it), with the products it shows. */
export const assignBoothSchema = z.strictObject({
  unitId: idSchema.nullable(),
  productIds: z.array(idSchema).max(MAX_BOOTH_PRODUCTS).optional(),
});
export type AssignBoothInput = z.infer<typeof assignBoothSchema>;

export const boothSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitKind: z.string().nullable(),
  districtName: z.string().nullable(),
  kind: z.enum(BOOTH_KINDS),
  productIds: z.array(z.string()),
  products: z.array(z.object({ id: z.string(), name: z.string(), stars: z.number().int().nullable() })),
  x: z.number().int(),
  y: z.number().int(),
  w: z.number().int(),
  h: z.number().int(),
  sizeText: z.string().nullable(),
  personName: z.string().nullable(),
  personPhone: z.string().nullable(),
  setupAt: z.string().nullable(),
  teardownAt: z.string().nullable(),
  needsPower: z.boolean(),
  tables: z.number().int(),
  notes: z.string().nullable(),
  isSample: z.boolean(),
  warnings: z.array(z.string()),
});
export type Booth = z.infer<typeof boothSchema>;

export const boothTotalsSchema = z.object({
  booths: z.number().int(),
  assigned: z.number().int(),
  withoutPersonInCharge: z.number().int(),
  producersWithTwoBooths: z.number().int(),
});
export type BoothTotals = z.infer<typeof boothTotalsSchema>;

export const boothListSchema = z.object({
  items: z.array(boothSchema),
  totals: boothTotalsSchema,
  /** Warnings over the whole floor (a producer with two booths), each naming the booths concerned. */
  warnings: z.array(z.object({ boothIds: z.array(z.string()), message: z.string() })),
});
export type BoothList = z.infer<typeof boothListSchema>;

/** What anyone may see of the floor: no person, no phone, no email. */
export const publicBoothMapSchema = z.object({
  event: z.object({
    name: z.string(),
    venueName: z.string().nullable(),
    startsAt: z.string(),
  }),
  columns: z.number().int(),
  rows: z.number().int(),
  booths: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      kind: z.enum(BOOTH_KINDS),
      x: z.number().int(),
      y: z.number().int(),
      w: z.number().int(),
      h: z.number().int(),
      exhibitor: z.string().nullable(),
      districtName: z.string().nullable(),
      products: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          stars: z.number().int().nullable(),
          potential: z.boolean(),
        }),
      ),
      isSample: z.boolean(),
    }),
  ),
});
export type PublicBoothMap = z.infer<typeof publicBoothMapSchema>;
