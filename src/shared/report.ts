import { z } from 'zod';
import { nameSchema, optionalTextSchema } from './common';
import { MAX_NAME } from './limits';

/** Media around the conference, the readiness board and the closing report's inputs. */

export const MEDIA_KINDS = ['clip', 'press', 'coverage'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  clip: 'Clip giới thiệu',
  press: 'Cơ quan báo chí được mời',
  coverage: 'Tin, bài đã đăng',
};

const urlSchema = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/\S+$/i.test(v.trim()), 'Đường dẫn bắt đầu bằng http:// hoặc https://')
  .transform((v) => v.trim());

export const mediaItemSchema = z.object({
  id: z.string(),
  kind: z.enum(MEDIA_KINDS),
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  isSample: z.boolean(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;
export const mediaSchema = z.object({
  items: z.array(mediaItemSchema),
  /** Press units drawn from the composition (units of kind "Cơ quan báo chí" with seats). */
  pressUnits: z.array(z.object({ unitId: z.string(), name: z.string(), seats: z.number().int() })),
});
export type Media = z.infer<typeof mediaSchema>;
export const createMediaItemSchema = z.strictObject({
  kind: z.enum(MEDIA_KINDS),
  title: nameSchema(MAX_NAME),
  outlet: optionalTextSchema(MAX_NAME),
  url: urlSchema.nullable().optional(),
  publishedOn: z.iso.date().nullable().optional(),
});
export type CreateMediaItemInput = z.input<typeof createMediaItemSchema>;

/** Sections read from features built beside this one (program and papers, agreements, booths); null: no data. */
export interface ExternalSections {
  program: null | {
    items: { title: string; kind: string; presenters: { name: string }[] }[];
    papers: { title: string; unitName: string; status: string }[];
  };
  agreements: null | {
    count: number;
    ready: number;
    signed: number;
    valueVnd: number;
    signedValueVnd: number;
    products: number;
    producers: number;
    buyers: string[];
  };
  booths: null | { booths: number; assigned: number; withoutPersonInCharge: number };
}

export const READINESS_KEYS = [
  'quotas',
  'replies',
  'invitations',
  'seats',
  'badges',
  'certificates',
  'agreements',
  'booths',
  'tasks',
  'budget',
] as const;
export type ReadinessKey = (typeof READINESS_KEYS)[number];

export const readinessSchema = z.object({
  eventDay: z.string(),
  items: z.array(
    z.object({
      key: z.enum(READINESS_KEYS),
      /** done of total; null when the feature has no data yet ("chưa có dữ liệu"). */
      done: z.number().int().nullable(),
      total: z.number().int().nullable(),
      /** A second figure worth a glance: overdue duties, spent money… */
      note: z.string().nullable(),
      /** The event tab it links to. */
      tab: z.string(),
    }),
  ),
  tasksByUnit: z.array(
    z.object({
      unitName: z.string(),
      done: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  budgetByCategory: z.array(
    z.object({ category: z.string(), estimateVnd: z.number().int(), spentVnd: z.number().int() }),
  ),
  attendanceByGroup: z.array(
    z.object({ title: z.string(), expected: z.number().int(), arrived: z.number().int() }),
  ),
});
export type Readiness = z.infer<typeof readinessSchema>;
