import { z } from 'zod';
import { calendarDateSchema, idSchema, pageQuerySchema } from './common';

export { AUDIT_ACTIONS } from './vocabulary';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  eventId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const findAuditQuerySchema = pageQuerySchema.extend({
  entity: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  actorId: idSchema.optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});
export type FindAuditQuery = z.infer<typeof findAuditQuerySchema>;
