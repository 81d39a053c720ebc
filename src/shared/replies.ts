import { z } from 'zod';
import { optionalTextSchema } from './common';
import { emailSchema, personNameSchema, phoneSchema } from './delegates';
import { MAX_NAME } from './limits';
import { DELEGATE_STATUSES, HONORIFICS } from './vocabulary';

/** What a delegate sees through their reply link: their invitation, the program, the venue. Nothing of anyone else. */
export const replyViewSchema = z.object({
  event: z.object({
    name: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venueName: z.string().nullable(),
    venueAddress: z.string().nullable(),
    hostName: z.string().nullable(),
    closed: z.boolean(),
  }),
  program: z.array(
    z.object({
      title: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      /** 0: an item of the program; 1: a part of the item above (the speakers of "Phát biểu"). */
      level: z.number().int(),
    }),
  ),
  delegate: z.object({
    honorific: z.enum(HONORIFICS).nullable(),
    fullName: z.string(),
    position: z.string().nullable(),
    organization: z.string().nullable(),
    groupTitle: z.string().nullable(),
    status: z.enum(DELEGATE_STATUSES),
  }),
  /** Set once someone else has been named: the person now attending. */
  substitute: z.object({ fullName: z.string(), position: z.string().nullable() }).nullable(),
});
export type ReplyView = z.infer<typeof replyViewSchema>;

export const REPLY_ACTIONS = ['confirm', 'decline', 'substitute'] as const;

export const replyInputSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm') }),
  z.strictObject({ action: z.literal('decline'), note: optionalTextSchema(MAX_NAME) }),
  z.strictObject({
    action: z.literal('substitute'),
    substitute: z.strictObject({
      fullName: personNameSchema,
      position: optionalTextSchema(MAX_NAME),
      phone: phoneSchema,
      email: emailSchema,
    }),
  }),
]);
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const replyLinkSchema = z.object({
  /** The path to open (the QR code carries it), e.g. /r/3q…; shown once, stored only as a hash. */
  path: z.string(),
  token: z.string(),
  createdAt: z.string(),
});
export type ReplyLink = z.infer<typeof replyLinkSchema>;

/** Answers so far, per group or per unit: not yet invited, invited with no answer, confirmed, declined. */
export const replyCountsSchema = z.object({
  notInvited: z.number().int(),
  awaiting: z.number().int(),
  confirmed: z.number().int(),
  declined: z.number().int(),
});
export type ReplyCounts = z.infer<typeof replyCountsSchema>;

export const replySummarySchema = z.object({
  totals: replyCountsSchema,
  groups: z.array(replyCountsSchema.extend({ groupId: z.string().nullable(), title: z.string() })),
  units: z.array(replyCountsSchema.extend({ unitId: z.string().nullable(), name: z.string() })),
});
export type ReplySummary = z.infer<typeof replySummarySchema>;
