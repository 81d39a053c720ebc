import { z } from 'zod';
import { idSchema, nameSchema, optionalTextSchema } from './common';
import { MAX_NAME, MAX_TEXT } from './limits';
import { foldVietnamese } from './text';

/**
 * The program of the conference day (chương trình hội nghị): ordered items with a kind, a duration and presenters;
 * times follow from the event's start and the durations, so moving an item moves every time after it.
 */

export const PROGRAM_ITEM_KINDS = [
  'registration',
  'ceremony',
  'report',
  'clip',
  'speech',
  'paper',
  'award',
  'signing',
  'leader_speech',
  'break',
  'closing',
  'other',
] as const;
export type ProgramItemKind = (typeof PROGRAM_ITEM_KINDS)[number];

export const PROGRAM_ITEM_KIND_LABELS: Record<ProgramItemKind, string> = {
  registration: 'Đón tiếp, đăng ký',
  ceremony: 'Nghi thức, tuyên bố lý do',
  report: 'Báo cáo',
  clip: 'Trình chiếu',
  speech: 'Phát biểu',
  paper: 'Tham luận',
  award: 'Trao chứng nhận',
  signing: 'Ký kết',
  leader_speech: 'Lãnh đạo phát biểu',
  break: 'Giải lao',
  closing: 'Kết luận, bế mạc',
  other: 'Khác',
};

/** Minutes an item takes when nobody has said: what such items usually take at a half-day conference. */
export const DEFAULT_DURATION_MINUTES: Record<ProgramItemKind, number> = {
  registration: 15,
  ceremony: 10,
  report: 20,
  clip: 10,
  speech: 10,
  paper: 10,
  award: 20,
  signing: 15,
  leader_speech: 15,
  break: 15,
  closing: 15,
  other: 10,
};

export const MAX_PROGRAM_ITEMS = 200;
export const MAX_DURATION_MINUTES = 24 * 60;
/** Papers (tham luận) are Word or PDF files up to this size. */
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;
export const PAPER_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** The kind a plan's line names, read from its words: plans carry titles, not kinds. */
export function kindFromTitle(title: string): ProgramItemKind {
  const t = foldVietnamese(title).toLowerCase();
  if (/dang ky|don tiep|phat tai lieu/.test(t)) return 'registration';
  if (/tuyen bo ly do|chao co|gioi thieu dai bieu/.test(t)) return 'ceremony';
  if (/ket luan|be mac/.test(t)) return 'closing';
  if (/khai mac|chao mung|lanh dao tinh phat bieu|lanh dao .* phat bieu/.test(t)) return 'leader_speech';
  if (/tham luan/.test(t)) return 'paper';
  if (/bao cao/.test(t)) return 'report';
  if (/clip|trinh chieu|phim/.test(t)) return 'clip';
  if (/trao|chung nhan|khen thuong/.test(t)) return 'award';
  if (/ky ket|hop dong|ghi nho|cam ket/.test(t)) return 'signing';
  if (/giai lao|nghi giua/.test(t)) return 'break';
  if (/phat bieu|y kien/.test(t)) return 'speech';
  return 'other';
}

export const presenterSchema = z.object({
  delegateId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** The person's name, or "Đại diện <unit>" while the unit has not named its speaker. */
  name: z.string(),
  /** Their post and body ("Phó Chủ tịch UBND tỉnh Thanh Hóa"), when known. */
  detail: z.string().nullable(),
});
export type Presenter = z.infer<typeof presenterSchema>;

export interface ProgramItem {
  id: string;
  position: number;
  kind: ProgramItemKind;
  title: string;
  startsAt: string;
  durationMinutes: number;
  endsAt: string;
  notes: string | null;
  /** Times or kind invented for the demo where the plan gives none. */
  isSample: boolean;
  presenters: Presenter[];
  children: ProgramItem[];
}
export const programItemSchema: z.ZodType<ProgramItem> = z.lazy(() =>
  z.object({
    id: z.string(),
    position: z.number().int(),
    kind: z.enum(PROGRAM_ITEM_KINDS),
    title: z.string(),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    endsAt: z.string(),
    notes: z.string().nullable(),
    isSample: z.boolean(),
    presenters: z.array(presenterSchema),
    children: z.array(programItemSchema),
  }),
);

export const PROGRAM_WARNING_CODES = [
  'overrun',
  'children_overrun',
  'presenter_declined',
  'presenter_absent',
] as const;
export const programWarningSchema = z.object({
  code: z.enum(PROGRAM_WARNING_CODES),
  itemId: z.string(),
  message: z.string(),
});
export type ProgramWarning = z.infer<typeof programWarningSchema>;

export const programSchema = z.object({
  items: z.array(programItemSchema),
  /** When the last item ends, by the durations. */
  endsAt: z.string(),
  warnings: z.array(programWarningSchema),
});
export type Program = z.infer<typeof programSchema>;

const presenterInputSchema = z
  .strictObject({
    delegateId: idSchema.nullable().optional(),
    unitId: idSchema.nullable().optional(),
    /** A name typed in when the person is not a delegate. */
    name: optionalTextSchema(MAX_NAME),
  })
  .refine((p) => !!(p.delegateId || p.unitId || p.name), {
    message: 'Chọn đại biểu, đơn vị hoặc ghi tên người trình bày',
    path: ['delegateId'],
  });
export type PresenterInput = z.infer<typeof presenterInputSchema>;

const itemFields = {
  kind: z.enum(PROGRAM_ITEM_KINDS),
  title: nameSchema(MAX_TEXT),
  durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES),
  notes: optionalTextSchema(MAX_TEXT),
  presenters: z.array(presenterInputSchema).max(50),
};

export const createProgramItemSchema = z.strictObject({
  ...itemFields,
  parentId: idSchema.nullable().optional(),
  durationMinutes: itemFields.durationMinutes.optional(),
  presenters: itemFields.presenters.optional(),
});
export type CreateProgramItemInput = z.infer<typeof createProgramItemSchema>;

export const updateProgramItemSchema = z.strictObject({
  kind: itemFields.kind.optional(),
  title: itemFields.title.optional(),
  durationMinutes: itemFields.durationMinutes.optional(),
  notes: itemFields.notes,
  presenters: itemFields.presenters.optional(),
});
export type UpdateProgramItemInput = z.infer<typeof updateProgramItemSchema>;

/** The new order of one level: the items of `parentId` (null: the top level), every one of them, in order. */
export const reorderProgramSchema = z.strictObject({
  parentId: idSchema.nullable(),
  ids: z.array(idSchema).min(1).max(MAX_PROGRAM_ITEMS),
});
export type ReorderProgramInput = z.infer<typeof reorderProgramSchema>;

// ── Papers (tham luận) ─────────────────────────────────────────────────────────────────────────────────────

export const PAPER_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];
export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  submitted: 'Đã gửi, chờ duyệt',
  accepted: 'Đã duyệt',
  returned: 'Trả lại',
};

export const paperSchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(PAPER_STATUSES),
  reviewComment: z.string().nullable(),
  programItemId: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  isSample: z.boolean(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Paper = z.infer<typeof paperSchema>;

/** Sent beside the file (the body is the file itself). */
export const submitPaperQuerySchema = z.strictObject({
  title: nameSchema(MAX_NAME),
  /** The unit writing it; a unit officer may leave it out (their own unit). */
  unitId: idSchema.optional(),
  fileName: optionalTextSchema(200),
});

export const reviewPaperSchema = z
  .strictObject({
    status: z.enum(['accepted', 'returned']),
    comment: optionalTextSchema(MAX_TEXT),
    /** Where an accepted paper is read; null: not placed yet. */
    programItemId: idSchema.nullable().optional(),
  })
  .refine((v) => v.status !== 'returned' || !!v.comment, {
    message: 'Trả lại tham luận cần ghi lý do',
    path: ['comment'],
  });
export type ReviewPaperInput = z.infer<typeof reviewPaperSchema>;

// ── MC script (kịch bản dẫn chương trình) ───────────────────────────────────────────────────────────────────

export const mcSectionSchema = z.object({
  /** The program item this part is read at; null for the opening lines. */
  itemId: z.string().nullable(),
  heading: z.string(),
  lines: z.array(z.string()),
});
export type McSection = z.infer<typeof mcSectionSchema>;

export const mcScriptSchema = z.object({
  generatedAt: z.string(),
  /** expected: before check-in, confirmed people marked as expected; present: only people checked in. */
  mode: z.enum(['expected', 'present']),
  sections: z.array(mcSectionSchema),
});
export type McScript = z.infer<typeof mcScriptSchema>;

export const mcScriptVersionSchema = z.object({
  script: mcScriptSchema,
  text: z.string(),
  previousText: z.string().nullable(),
  previousGeneratedAt: z.string().nullable(),
  /** The difference from the previous version, line by line. */
  changes: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
});
export type McScriptVersion = z.infer<typeof mcScriptVersionSchema>;

// ── The hall screen ─────────────────────────────────────────────────────────────────────────────────────────

export const hallStateSchema = z.object({
  eventName: z.string(),
  current: programItemSchema.nullable(),
  next: programItemSchema.nullable(),
  /** The MC's page for the current item. */
  page: mcSectionSchema.nullable(),
  updatedAt: z.string().nullable(),
});
export type HallState = z.infer<typeof hallStateSchema>;

export const moveHallSchema = z.strictObject({
  action: z.enum(['next', 'previous', 'start', 'set']),
  itemId: idSchema.optional(),
});
export type MoveHallInput = z.infer<typeof moveHallSchema>;

// ── The delegate's document pack (public, behind the reply link) ─────────────────────────────────────────────

export const documentPackSchema = z.object({
  eventName: z.string(),
  program: z.array(
    z.object({
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      level: z.number().int(),
      presenters: z.array(z.string()),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['program', 'report', 'paper']),
      title: z.string(),
      unitName: z.string().nullable(),
      /** Path under the reply link to fetch it (PDF). */
      path: z.string(),
    }),
  ),
});
export type DocumentPack = z.infer<typeof documentPackSchema>;

// Named in the OpenAPI document, so the recursive tree becomes a component instead of a dangling reference.
z.globalRegistry.add(programItemSchema, { id: 'ProgramDayItem' });
