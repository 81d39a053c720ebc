import { z } from 'zod';
import { auditEntrySchema } from './audit';
import { delegateSchema } from './delegates';

/**
 * Everything the system holds about one person in one event (Nghị định 13/2023/NĐ-CP, the data subject's right to
 * see their data): the delegate record and what happened to it.
 */
export const personalDataSchema = z.object({
  generatedAt: z.string(),
  event: z.object({ id: z.string(), name: z.string(), startsAt: z.string(), endsAt: z.string() }),
  delegate: delegateSchema,
  replyLinks: z.array(z.object({ createdAt: z.string(), revokedAt: z.string().nullable() })),
  invitations: z.array(
    z.object({ number: z.number().int(), recipient: z.string(), issuedAt: z.string(), channel: z.string() }),
  ),
  checkins: z.array(z.object({ scannedAt: z.string(), receivedAt: z.string(), outcome: z.string() })),
  attendance: z
    .object({
      checkedInAt: z.string(),
      documentsAt: z.string().nullable(),
      walkInReason: z.string().nullable(),
    })
    .nullable(),
  seat: z.string().nullable(),
  awards: z.array(
    z.object({
      batchNumber: z.number().int(),
      batchTitle: z.string().nullable(),
      role: z.enum(['presenter', 'recipient']),
      producerName: z.string().nullable(),
      handedOverAt: z.string().nullable(),
    }),
  ),
  /** The audit trail of this person's record: who changed what, replies through their link included. */
  history: z.array(auditEntrySchema),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

export const personalDataQuerySchema = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

export const eraseResultSchema = z.object({
  eventId: z.string(),
  erasedAt: z.string(),
  /** How many delegates were anonymised; their counts per group, unit and status remain. */
  delegates: z.number().int(),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;
