import { z } from 'zod';
import { nameSchema } from './common';
import { createEventSchema, updateEventSchema } from './events';
import { MAX_NAME, MAX_TEXT } from './limits';
import { citationSchema, sourceSchema } from './plan';

/** What a plan orders besides the event itself, as the API takes and returns it (a draft's parts fit as they are). */

const count = z.number().int().min(0).max(1_000_000).nullable();
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM')
  .nullable();
const text = (max: number) => nameSchema(max);

export interface CompositionGroupInput {
  title: string;
  count: number | null;
  perUnit: number | null;
  unitCount: number | null;
  children: CompositionGroupInput[];
}
export const compositionGroupInputSchema: z.ZodType<CompositionGroupInput, unknown> = z.lazy(() =>
  z.object({
    title: text(MAX_TEXT),
    count,
    perUnit: count.default(null),
    unitCount: count.default(null),
    source: sourceSchema.optional(),
    children: z.array(compositionGroupInputSchema).max(200).default([]),
  }),
);

export interface ProgramItemInput {
  title: string;
  start: string | null;
  end: string | null;
  session: string | null;
  children: ProgramItemInput[];
}
export const programItemInputSchema: z.ZodType<ProgramItemInput, unknown> = z.lazy(() =>
  z.object({
    title: z
      .string()
      .max(MAX_TEXT)
      .transform((v) => v.trim()),
    start: clock.default(null),
    end: clock.default(null),
    session: z.string().max(MAX_NAME).nullable().default(null),
    source: sourceSchema.optional(),
    children: z.array(programItemInputSchema).max(200).default([]),
  }),
);

export const planContentsSchema = z.object({
  purpose: z
    .string()
    .max(MAX_TEXT * 5)
    .nullable()
    .default(null),
  composition: z.array(compositionGroupInputSchema).max(200).default([]),
  program: z.array(programItemInputSchema).max(200).default([]),
  sideActivities: z
    .array(
      z.object({
        title: text(MAX_TEXT),
        count,
        countUnit: z.string().max(60).nullable(),
        source: sourceSchema.optional(),
      }),
    )
    .max(100)
    .default([]),
  tasks: z
    .array(
      z.object({
        unit: text(MAX_NAME),
        unitId: z.string().max(64).nullable().optional(),
        duties: z.array(text(MAX_TEXT)).max(100),
        source: sourceSchema.optional(),
      }),
    )
    .max(200)
    .default([]),
  legalBases: z
    .array(
      z.object({
        text: text(MAX_TEXT),
        citations: z.array(citationSchema).max(20),
        source: sourceSchema.optional(),
      }),
    )
    .max(50)
    .default([]),
  recipients: z
    .array(
      z.object({
        name: text(MAX_NAME),
        purpose: z.string().max(MAX_NAME).nullable(),
        source: sourceSchema.optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type PlanContentsInput = z.input<typeof planContentsSchema>;
export type PlanContents = z.output<typeof planContentsSchema>;

export const createEventFromPlanSchema = z.object({
  event: createEventSchema,
  contents: planContentsSchema,
  /** The plan's text as read, kept with the event so it can be shown beside what was extracted. */
  planText: z.string().max(200_000).nullable().default(null),
});
export type CreateEventFromPlanInput = z.input<typeof createEventFromPlanSchema>;

/** Applying a plan to an existing event: its new fields (times stay unless given), contents and text, at once. */
export const applyPlanSchema = z.object({
  event: updateEventSchema,
  contents: planContentsSchema,
  planText: z.string().max(200_000).nullable().default(null),
});
export type ApplyPlanInput = z.input<typeof applyPlanSchema>;

export const parsePlanTextSchema = z.strictObject({ text: z.string().min(1).max(200_000) });

/** The same contents as the API returns them: plain types (response schemas carry no input transforms). */
const compositionGroupOutputSchema: z.ZodType<CompositionGroupInput> = z.lazy(() =>
  z.object({
    title: z.string(),
    count: z.number().int().nullable(),
    perUnit: z.number().int().nullable(),
    unitCount: z.number().int().nullable(),
    children: z.array(compositionGroupOutputSchema),
  }),
);
const programItemOutputSchema: z.ZodType<ProgramItemInput> = z.lazy(() =>
  z.object({
    title: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    session: z.string().nullable(),
    children: z.array(programItemOutputSchema),
  }),
);
export const planContentsOutputSchema = z.object({
  planText: z.string().nullable(),
  purpose: z.string().nullable(),
  composition: z.array(compositionGroupOutputSchema),
  program: z.array(programItemOutputSchema),
  sideActivities: z.array(
    z.object({ title: z.string(), count: z.number().int().nullable(), countUnit: z.string().nullable() }),
  ),
  tasks: z.array(
    z.object({ unit: z.string(), unitId: z.string().nullable().optional(), duties: z.array(z.string()) }),
  ),
  legalBases: z.array(z.object({ text: z.string(), citations: z.array(citationSchema) })),
  recipients: z.array(z.object({ name: z.string(), purpose: z.string().nullable() })),
});

// Named in the OpenAPI document, so the recursive trees become components instead of dangling references.
z.globalRegistry.add(compositionGroupInputSchema, { id: 'CompositionGroupEntry' });
z.globalRegistry.add(programItemInputSchema, { id: 'ProgramItemEntry' });
z.globalRegistry.add(compositionGroupOutputSchema, { id: 'CompositionGroup' });
z.globalRegistry.add(programItemOutputSchema, { id: 'ProgramItem' });
