import { z } from 'zod';
import { EVENT_ROLES, EVENT_STATUSES } from './vocabulary';

export { canMoveStatus, EVENT_STATUS_LABELS, EVENT_STATUSES, type EventStatus } from './vocabulary';

import { calendarDateSchema, idSchema, nameSchema, optionalTextSchema } from './common';
import { MAX_NAME, MAX_RETENTION_DAYS, MAX_TEXT } from './limits';

export const partnerSchema = z.object({ unitId: z.string().nullable(), name: z.string() });
export type Partner = z.infer<typeof partnerSchema>;

export const eventSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(EVENT_STATUSES),
  planNumber: z.string().nullable(),
  planDate: z.string().nullable(),
  planIssuer: z.string().nullable(),
  planSignerAuthority: z.string().nullable(),
  planSignerTitle: z.string().nullable(),
  planSignerName: z.string().nullable(),
  hostUnitId: z.string().nullable(),
  hostName: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  leadName: z.string().nullable(),
  partners: z.array(partnerSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  timeText: z.string().nullable(),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  capacity: z.number().int().nullable(),
  expectedAttendees: z.number().int().nullable(),
  fundingSource: z.string().nullable(),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  /** Days after the end that delegates' personal data is kept (Nghị định 13/2023/NĐ-CP). */
  personalDataRetentionDays: z.number().int(),
  /** The first moment the personal data may be erased: the end plus the retention period. */
  personalDataErasableFrom: z.string(),
  /** When the personal data was erased; null while it is kept. */
  personalDataErasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.infer<typeof eventSchema>;

export const eventSummarySchema = eventSchema
  .pick({
    id: true,
    name: true,
    status: true,
    startsAt: true,
    endsAt: true,
    venueName: true,
    expectedAttendees: true,
    isDemo: true,
  })
  .extend({ myRole: z.enum(EVENT_ROLES).nullable() });
export type EventSummary = z.infer<typeof eventSummarySchema>;

const instantSchema = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const countSchema = z.number().int().min(0).max(1_000_000).nullable().optional();

const partnerInputSchema = z.strictObject({
  unitId: idSchema.nullable().optional(),
  name: nameSchema(MAX_NAME),
});

const eventFields = {
  name: nameSchema(MAX_NAME),
  planNumber: optionalTextSchema(60),
  planDate: calendarDateSchema.nullable().optional(),
  planIssuer: optionalTextSchema(MAX_NAME),
  planSignerAuthority: optionalTextSchema(60),
  planSignerTitle: optionalTextSchema(120),
  planSignerName: optionalTextSchema(120),
  hostUnitId: idSchema.nullable().optional(),
  leadUnitId: idSchema.nullable().optional(),
  partners: z.array(partnerInputSchema).max(200).optional(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  timeText: optionalTextSchema(MAX_NAME),
  venueName: optionalTextSchema(MAX_NAME),
  venueAddress: optionalTextSchema(MAX_NAME),
  capacity: countSchema,
  expectedAttendees: countSchema,
  fundingSource: optionalTextSchema(MAX_TEXT),
  notes: optionalTextSchema(MAX_TEXT),
  personalDataRetentionDays: z.number().int().min(0).max(MAX_RETENTION_DAYS).optional(),
};

const endAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || v.startsAt < v.endsAt;
const endAfterStartMessage = { message: 'Thời gian kết thúc phải sau thời gian bắt đầu', path: ['endsAt'] };

export const createEventSchema = z.strictObject(eventFields).refine(endAfterStart, endAfterStartMessage);
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const updateEventSchema = z
  .strictObject({
    ...eventFields,
    name: eventFields.name.optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
  })
  .refine(endAfterStart, endAfterStartMessage);
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const changeEventStatusSchema = z.strictObject({ status: z.enum(EVENT_STATUSES) });

export const memberSchema = z.object({
  userId: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(EVENT_ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** When the person last signed in; null before the first time. */
  lastLoginAt: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const setMemberSchema = z
  .strictObject({ role: z.enum(EVENT_ROLES), unitId: idSchema.nullable().optional() })
  .refine((v) => v.role !== 'unit_officer' || !!v.unitId, {
    message: 'Cán bộ đơn vị phải gắn với một đơn vị',
    path: ['unitId'],
  });
export type SetMemberInput = z.infer<typeof setMemberSchema>;
