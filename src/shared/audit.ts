import { z } from 'zod';
import { calendarDateSchema, idSchema, pageOf, pageQuerySchema } from './common';

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

/** A page of the log with what it takes to read it: the names of the ids it mentions, and the filters' choices. */
export const auditPageSchema = pageOf(auditEntrySchema).extend({
  names: z.record(z.string(), z.string()),
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
  entities: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The export takes the same filters, without paging. */
export const exportAuditQuerySchema = findAuditQuerySchema.omit({ page: true, pageSize: true });
export type ExportAuditQuery = z.infer<typeof exportAuditQuerySchema>;

/** At most this many entries in one exported file. */
export const MAX_AUDIT_EXPORT = 20_000;
