import { z } from 'zod';

/**
 * The draft the plan parser makes from a Kế hoạch, Giấy mời, Thông báo or công văn.
 * Field by field in docs/plan-format.md. Counts and dates are never invented: absent means null.
 */

export const DOCUMENT_TYPES = [
  'plan',
  'invitation',
  'notice',
  'official_letter',
  'report',
  'decision',
  'unknown',
  /** A bare "Chương trình" (programme of a meeting). */
  'program',
  /** "Công điện": an urgent dispatch. */
  'dispatch',
  /** A council's or a Party committee's summons ("Triệu tập kỳ họp"). */
  'summons',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Lines of the source text (1-based, inclusive) a value was read from. */
export const sourceSchema = z.object({ from: z.number().int(), to: z.number().int() });
export type Source = z.infer<typeof sourceSchema>;

export const citationSchema = z.object({
  type: z.string(),
  number: z.string(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});
export type Citation = z.infer<typeof citationSchema>;

export const legalBasisSchema = z.object({
  text: z.string(),
  citations: z.array(citationSchema),
  source: sourceSchema,
});

export interface CompositionNode {
  title: string;
  count: number | null;
  perUnit: number | null;
  unitCount: number | null;
  source: Source;
  children: CompositionNode[];
}
export const compositionNodeSchema: z.ZodType<CompositionNode> = z.lazy(() =>
  z.object({
    title: z.string(),
    count: z.number().int().nullable(),
    perUnit: z.number().int().nullable(),
    unitCount: z.number().int().nullable(),
    source: sourceSchema,
    children: z.array(compositionNodeSchema),
  }),
);

export interface ProgramItem {
  title: string;
  /** "07:30", "14:00": wall-clock times in the event's time zone, when the text gives them. */
  start: string | null;
  end: string | null;
  /** A session or day heading as written ("Buổi sáng", "Ngày thứ nhất (6/12/2015)"). */
  session: string | null;
  source: Source;
  children: ProgramItem[];
}
export const programItemSchema: z.ZodType<ProgramItem> = z.lazy(() =>
  z.object({
    title: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    session: z.string().nullable(),
    source: sourceSchema,
    children: z.array(programItemSchema),
  }),
);

export const planDraftSchema = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  header: z.object({
    parentIssuer: z.string().nullable(),
    issuer: z.string().nullable(),
    /** "134/KH-UBND"; null when the number was left blank ("Số: /KH-UBND"). */
    number: z.string().nullable(),
    /** "KH-UBND", also when the number is blank. */
    symbol: z.string().nullable(),
    place: z.string().nullable(),
    /** ISO date; null when the day was left blank. */
    date: z.string().nullable(),
    dateText: z.string().nullable(),
    title: z.string().nullable(),
  }),
  legalBases: z.array(legalBasisSchema),
  /** "Kính gửi" / "Kính mời": who the document addresses (invitations, letters). */
  addressees: z.array(z.object({ text: z.string(), source: sourceSchema })),
  event: z.object({
    name: z.string().nullable(),
    host: z.string().nullable(),
    lead: z.string().nullable(),
    chair: z.string().nullable(),
    partners: z.array(z.object({ name: z.string(), source: sourceSchema })),
    time: z.object({
      text: z.string().nullable(),
      /** ISO date ("2020-11-27") or date-time with offset ("2020-11-27T08:00:00+07:00"), when the text allows. */
      start: z.string().nullable(),
      end: z.string().nullable(),
      durationText: z.string().nullable(),
    }),
    venue: z.string().nullable(),
    expectedAttendees: z.number().int().nullable(),
  }),
  /** "Mục đích, yêu cầu" as written, one line per paragraph or item, numbering kept. */
  purpose: z.object({ text: z.string(), source: sourceSchema }).nullable(),
  composition: z.array(compositionNodeSchema),
  /** Sum of the leaves that have counts. */
  compositionTotal: z.number().int(),
  program: z.array(programItemSchema),
  sideActivities: z.array(
    z.object({
      title: z.string(),
      count: z.number().int().nullable(),
      countUnit: z.string().nullable(),
      source: sourceSchema,
    }),
  ),
  funding: z
    .object({ text: z.string(), citations: z.array(citationSchema), source: sourceSchema })
    .nullable(),
  tasks: z.array(z.object({ unit: z.string(), duties: z.array(z.string()), source: sourceSchema })),
  recipients: z.array(z.object({ name: z.string(), purpose: z.string().nullable(), source: sourceSchema })),
  signer: z
    .object({
      authority: z.string().nullable(),
      title: z.string().nullable(),
      name: z.string().nullable(),
      source: sourceSchema,
    })
    .nullable(),
  /** Where each scalar field came from, keyed by its path ("event.venue", "header.number"). */
  sources: z.record(z.string(), sourceSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), source: sourceSchema.nullable() })),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

// Named in the OpenAPI document, so the recursive trees become components instead of dangling references.
z.globalRegistry.add(compositionNodeSchema, { id: 'DraftCompositionNode' });
z.globalRegistry.add(programItemSchema, { id: 'DraftProgramItem' });
