import { z } from 'zod';
import { calendarDateSchema, idSchema, nameSchema } from './common';
import { MAX_NAME, MAX_TEXT } from './limits';

/** Duties (nhiệm vụ): the plan's "Tổ chức thực hiện" followed up per unit. */

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'Chưa làm',
  in_progress: 'Đang làm',
  done: 'Đã xong',
};

/** A relative due date lies within a year either side of the event day (D-365 … D+365). */
export const MIN_DUE_OFFSET = -365;
export const MAX_DUE_OFFSET = 365;
const offsetSchema = z.number().int().min(MIN_DUE_OFFSET).max(MAX_DUE_OFFSET);

/** Files kept with a duty or a budget line: PDF or JPEG, checked by their bytes, at most 5 MB each. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_OWNER = 20;

/** "D-14", "D", "D+2". */
export function formatDueOffset(days: number): string {
  return days === 0 ? 'D' : `D${days > 0 ? '+' : '-'}${Math.abs(days)}`;
}

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const taskSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  title: z.string(),
  /** The day it is due: given, or the event day plus the offset (recomputed when the event moves). */
  dueOn: z.string().nullable(),
  dueOffsetDays: z.number().int().nullable(),
  status: z.enum(TASK_STATUSES),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Not done and its day has passed. */
  isOverdue: z.boolean(),
  /** Done after its day. */
  isLate: z.boolean(),
  commentCount: z.number().int(),
  attachmentCount: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({
  /** The event day tasks count from (Vietnam calendar day). */
  eventDay: z.string(),
  /** Whether the caller may create tasks and edit every one (an organizer). */
  canManage: z.boolean(),
  items: z.array(taskSchema),
});
export type TaskList = z.infer<typeof taskListSchema>;

export const taskCommentSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const taskDetailSchema = taskSchema.extend({
  comments: z.array(taskCommentSchema),
  attachments: z.array(attachmentSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const due = {
  dueOn: calendarDateSchema.nullable().optional(),
  dueOffsetDays: offsetSchema.nullable().optional(),
};
export const createTaskSchema = z
  .strictObject({
    unitId: idSchema.nullable().default(null),
    /** The unit as the plan names it, when it is not in the catalogue. */
    unitName: nameSchema(MAX_NAME).optional(),
    title: nameSchema(MAX_TEXT),
    ownerUserId: idSchema.nullable().default(null),
    ...due,
  })
  .refine((v) => v.unitId || v.unitName, { message: 'Chọn đơn vị thực hiện', path: ['unitId'] })
  .refine((v) => !(v.dueOn && v.dueOffsetDays != null), {
    message: 'Chọn hạn theo ngày hoặc theo số ngày trước hội nghị, không cả hai',
    path: ['dueOn'],
  });
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const updateTaskSchema = z
  .strictObject({
    /** Handing a duty to another unit (organizers): the catalogue unit, and the name shown when not its own. */
    unitId: idSchema.nullable().optional(),
    unitName: nameSchema(MAX_NAME).optional(),
    title: nameSchema(MAX_TEXT).optional(),
    status: z.enum(TASK_STATUSES).optional(),
    ownerUserId: idSchema.nullable().optional(),
    ...due,
  })
  .refine((v) => !(v.dueOn && v.dueOffsetDays != null), {
    message: 'Chọn hạn theo ngày hoặc theo số ngày trước hội nghị, không cả hai',
    path: ['dueOn'],
  });
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const taskCommentInputSchema = z.strictObject({ body: nameSchema(MAX_TEXT) });

export const attachmentQuerySchema = z.object({
  name: nameSchema(200).default('tep-dinh-kem'),
});
