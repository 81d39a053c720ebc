import { z } from 'zod';
import { idSchema, nameSchema, optionalTextSchema, pageQuerySchema, searchTextSchema } from './common';
import { MAX_EMAIL, MAX_NAME, MAX_PHONE, MAX_QUOTA, MAX_TEXT } from './limits';
import { normalizePhone } from './phone';
import { cleanText } from './text';
import { DELEGATE_STATUSES, GENDERS, HONORIFICS, INVITERS } from './vocabulary';

export {
  DELEGATE_STATUS_LABELS,
  DELEGATE_STATUSES,
  type DelegateStatus,
  GENDER_LABELS,
  GENDERS,
  type Gender,
  HONORIFIC_LABELS,
  HONORIFICS,
  type Honorific,
  INVITER_LABELS,
  INVITERS,
  type Inviter,
} from './vocabulary';

// ── Composition: groups, the units each draws from (seats) and their quotas ─────────────────────────────

export const compositionSeatSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitShortName: z.string(),
  /** The seat's parent unit (a commune's district), to group seats on screen. */
  parentUnitName: z.string().nullable(),
  quota: z.number().int(),
  /** Delegates holding a seat (all statuses but declined and replaced). */
  filled: z.number().int(),
});
export type CompositionSeat = z.infer<typeof compositionSeatSchema>;

export const compositionGroupSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  plannedCount: z.number().int().nullable(),
  perUnit: z.number().int().nullable(),
  unitCount: z.number().int().nullable(),
  inviter: z.enum(INVITERS).nullable(),
  protocolRank: z.number().int().nullable(),
  seats: z.array(compositionSeatSchema),
  /** Sum of the seats' quotas (0 when the group draws from no listed unit). */
  quota: z.number().int(),
  /** Delegates holding a seat in this group itself (children not included). */
  filled: z.number().int(),
  confirmed: z.number().int(),
});
export type CompositionGroup = z.infer<typeof compositionGroupSchema>;

export const unitFillSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  quota: z.number().int(),
  filled: z.number().int(),
});
export type UnitFill = z.infer<typeof unitFillSchema>;

export const compositionSchema = z.object({
  /** Parents before children, in the plan's order. A unit officer sees only groups with seats of theirs. */
  groups: z.array(compositionGroupSchema),
  /** Fill per sending unit, fullest last: who is missing where. */
  units: z.array(unitFillSchema),
  totals: z.object({
    planned: z.number().int(),
    quota: z.number().int(),
    filled: z.number().int(),
    confirmed: z.number().int(),
    expected: z.number().int().nullable(),
    capacity: z.number().int().nullable(),
  }),
  warnings: z.array(z.string()),
});
export type Composition = z.infer<typeof compositionSchema>;

const countSchema = z.number().int().min(0, 'Không được âm').max(MAX_QUOTA, `Tối đa ${MAX_QUOTA}`);
const rankSchema = z.number().int().min(1, 'Thứ tự từ 1').max(999, 'Thứ tự tối đa 999');

const groupFields = {
  parentId: idSchema.nullable().optional(),
  title: nameSchema(MAX_TEXT),
  plannedCount: countSchema.nullable().optional(),
  perUnit: countSchema.nullable().optional(),
  unitCount: countSchema.nullable().optional(),
  inviter: z.enum(INVITERS).nullable().optional(),
  protocolRank: rankSchema.nullable().optional(),
};
export const createGroupSchema = z.strictObject(groupFields);
export type CreateGroupInput = z.infer<typeof createGroupSchema>;
export const updateGroupSchema = z.strictObject({ ...groupFields, title: groupFields.title.optional() });
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const setSeatsSchema = z.strictObject({
  seats: z
    .array(z.strictObject({ unitId: idSchema, quota: countSchema }))
    .max(2000)
    .refine(
      (seats) => new Set(seats.map((s) => s.unitId)).size === seats.length,
      'Một đơn vị chỉ có một chỉ tiêu',
    ),
});
export type SetSeatsInput = z.infer<typeof setSeatsSchema>;

// ── Delegates ──────────────────────────────────────────────────────────────────────────────────────────

export const delegateSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  groupId: z.string().nullable(),
  groupTitle: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  organization: z.string().nullable(),
  honorific: z.enum(HONORIFICS).nullable(),
  fullName: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  /** Protocol order, lower first: the organizer's override, else derived from the post and the unit's level. */
  protocolRank: z.number().int(),
  /** Why the person stands there: "Chủ tịch UBND tỉnh — bậc 40, cấp tỉnh". */
  rankReason: z.string(),
  /** The organizer's own rank for this person; null: derived. */
  rankOverride: z.number().int().nullable(),
  notes: z.string().nullable(),
  status: z.enum(DELEGATE_STATUSES),
  substituteFor: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  replacedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Delegate = z.infer<typeof delegateSchema>;

// Letters (any script's, with their marks), spaces, and the few marks names carry: H'Hen Niê, Y-Moan, Ng. Văn A.
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

/** A person's name: what a district types or pastes, refused with the reason when it cannot be a name. */
export function personNameProblem(name: string): string | null {
  if (!name) return null; // "Không được để trống" is said by the length check
  if (/\d/.test(name)) return 'Họ tên không được chứa chữ số';
  if (!PERSON_NAME.test(name)) return "Họ tên chỉ gồm chữ cái, dấu cách và các dấu . ' -";
  return null;
}

export const personNameSchema = nameSchema(MAX_NAME).superRefine((name, ctx) => {
  const problem = personNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const phoneSchema = z
  .string()
  .max(MAX_PHONE, `Tối đa ${MAX_PHONE} ký tự`)
  .transform((v, ctx) => {
    if (!v.trim()) return null;
    const result = normalizePhone(v);
    if ('problem' in result) {
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    }
    return result.phone;
  })
  .nullable()
  .optional();

export const emailSchema = z
  .string()
  .max(MAX_EMAIL)
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.union([z.literal(''), z.email('Email không hợp lệ')]))
  .transform((v) => v || null)
  .nullable()
  .optional();

const delegateFields = {
  groupId: idSchema.nullable().optional(),
  unitId: idSchema.nullable().optional(),
  organization: optionalTextSchema(MAX_NAME),
  honorific: z.enum(HONORIFICS).nullable().optional(),
  fullName: personNameSchema,
  position: optionalTextSchema(MAX_NAME),
  phone: phoneSchema,
  email: emailSchema,
  gender: z.enum(GENDERS).nullable().optional(),
  protocolRank: rankSchema.nullable().optional(),
  notes: optionalTextSchema(MAX_TEXT),
};
export const createDelegateSchema = z.strictObject(delegateFields);
export type CreateDelegateInput = z.infer<typeof createDelegateSchema>;
export const updateDelegateSchema = z.strictObject({
  ...delegateFields,
  fullName: delegateFields.fullName.optional(),
});
export type UpdateDelegateInput = z.infer<typeof updateDelegateSchema>;

export const changeDelegateStatusSchema = z.strictObject({ status: z.enum(DELEGATE_STATUSES) });

/** The person a unit sends instead: same group and unit, the rest their own. */
export const substituteSchema = z.strictObject({
  honorific: delegateFields.honorific,
  fullName: personNameSchema,
  position: delegateFields.position,
  organization: delegateFields.organization,
  phone: delegateFields.phone,
  email: delegateFields.email,
  gender: delegateFields.gender,
  notes: delegateFields.notes,
});
export type SubstituteInput = z.infer<typeof substituteSchema>;

export const DELEGATE_SORTS = ['name', 'protocol'] as const;
export const findDelegatesQuerySchema = pageQuerySchema.extend({
  q: searchTextSchema.transform((v) => cleanText(v)).optional(),
  groupId: idSchema.optional(),
  unitId: idSchema.optional(),
  status: z.enum(DELEGATE_STATUSES).optional(),
  sort: z.enum(DELEGATE_SORTS).default('name'),
});
export type FindDelegatesQuery = z.infer<typeof findDelegatesQuerySchema>;

export const delegatePageSchema = z.object({
  items: z.array(delegateSchema),
  total: z.number().int(),
  /** True when there are more matches than `total` says (a search counts up to a limit). */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DelegatePage = z.infer<typeof delegatePageSchema>;

// ── Import: the file is read once into rows; the rows (edited or not) are checked and committed ─────────

export const DELEGATE_IMPORT_FIELDS = [
  'honorific',
  'fullName',
  'gender',
  'position',
  'organization',
  'group',
  'phone',
  'email',
  'notes',
] as const;
export type DelegateImportField = (typeof DELEGATE_IMPORT_FIELDS)[number];

export const importRowSchema = z.object({
  rowNumber: z.number().int().min(1),
  values: z.partialRecord(z.enum(DELEGATE_IMPORT_FIELDS), z.string().max(MAX_TEXT)),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** Units a district officer may add from an import: a commune of their district, a producer in it. */
export const IMPORT_NEW_UNIT_KINDS = ['commune', 'producer'] as const;
export type ImportNewUnitKind = (typeof IMPORT_NEW_UNIT_KINDS)[number];

export const importNewUnitSchema = z.object({
  /** The name as the file writes it ("UBND xã Hoằng Xuân"); the unit is named from it ("Xã Hoằng Xuân"). */
  name: z.string().trim().min(1).max(MAX_NAME),
  kind: z.enum(IMPORT_NEW_UNIT_KINDS),
});
export type ImportNewUnit = z.infer<typeof importNewUnitSchema>;

export const delegateImportIssueSchema = z.object({
  row: z.number().int(),
  field: z.enum([...DELEGATE_IMPORT_FIELDS, 'unit']),
  column: z.string(),
  message: z.string(),
  /** Several groups fit the row's "Thành phần": the user picks one. */
  choices: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  /** The row names a unit the catalogue lacks: it can be added under the officer's district. */
  newUnit: importNewUnitSchema.extend({ unitName: z.string(), parentName: z.string() }).optional(),
});
export type DelegateImportIssue = z.infer<typeof delegateImportIssueSchema>;

export const delegateImportInputSchema = z.strictObject({
  rows: z.array(importRowSchema).min(1, 'Không có dòng nào để nhập').max(20_000),
  /** The group for rows that name none; the sending unit for every row (a unit officer's own, usually). */
  groupId: idSchema.nullable().optional(),
  unitId: idSchema.nullable().optional(),
  mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
  dryRun: z.boolean().default(false),
  /** Units the file names that the officer chose to add (each under their district, taking a free seat). */
  newUnits: z.array(importNewUnitSchema).max(200).optional(),
});
export type DelegateImportInput = z.infer<typeof delegateImportInputSchema>;

export const delegateImportResultSchema = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  created: z.number().int(),
  /** Where each valid row goes: group and unit, as the check resolved them. */
  resolved: z.array(
    z.object({
      row: z.number().int(),
      groupTitle: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
  errors: z.array(delegateImportIssueSchema),
  /** Units added to the catalogue by this import (committed only). */
  createdUnits: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(IMPORT_NEW_UNIT_KINDS) })),
});
export type DelegateImportResult = z.infer<typeof delegateImportResultSchema>;

export const delegateImportPreviewSchema = delegateImportResultSchema.extend({
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** The columns found in the file, by field. */
  columns: z.partialRecord(z.enum(DELEGATE_IMPORT_FIELDS), z.string()),
  rows: z.array(importRowSchema),
});
export type DelegateImportPreview = z.infer<typeof delegateImportPreviewSchema>;

export const importPreviewQuerySchema = z.object({
  sheet: z.string().max(100).optional(),
  groupId: idSchema.optional(),
  unitId: idSchema.optional(),
});
