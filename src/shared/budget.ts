import { z } from 'zod';
import { idSchema, nameSchema, optionalTextSchema } from './common';
import { MAX_NAME, MAX_TEXT } from './limits';
import { attachmentSchema } from './tasks';

/** The conference budget (kinh phí): its source decision and lines, in integer VND. */

export const BUDGET_CATEGORIES = [
  'hall',
  'printing',
  'certificates',
  'clip',
  'booths',
  'refreshments',
  'media',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  hall: 'Hội trường, âm thanh, ánh sáng',
  printing: 'In ấn tài liệu, giấy mời',
  certificates: 'Giấy chứng nhận, khung',
  clip: 'Xây dựng clip',
  booths: 'Gian hàng trưng bày',
  refreshments: 'Nước uống, giải khát',
  media: 'Tuyên truyền, đưa tin',
  other: 'Chi khác',
};

/** One line stays below a trillion đồng: sums of a few hundred lines still fit a JavaScript integer exactly. */
export const MAX_VND = 1_000_000_000_000;
export const MAX_BUDGET_LINES = 500;
const vnd = z.number().int('Số tiền là số nguyên (đồng)').min(0).max(MAX_VND);

export const budgetLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  category: z.enum(BUDGET_CATEGORIES),
  content: z.string(),
  unitLabel: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceVnd: z.number().int(),
  /** quantity × unit price. */
  estimateVnd: z.number().int(),
  committedVnd: z.number().int(),
  spentVnd: z.number().int(),
  notes: z.string().nullable(),
  isSample: z.boolean(),
  /** Committed or spent above the estimate. */
  isOverEstimate: z.boolean(),
  receipts: z.array(attachmentSchema),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

const totalsSchema = z.object({
  estimateVnd: z.number().int(),
  committedVnd: z.number().int(),
  spentVnd: z.number().int(),
});
export const budgetSchema = z.object({
  sourceDecision: z.string().nullable(),
  lines: z.array(budgetLineSchema),
  totals: totalsSchema,
  byCategory: z.array(totalsSchema.extend({ category: z.enum(BUDGET_CATEGORIES) })),
  warnings: z.array(z.object({ lineId: z.string().nullable(), message: z.string() })),
});
export type Budget = z.infer<typeof budgetSchema>;

export const updateBudgetSchema = z.strictObject({
  sourceDecision: optionalTextSchema(MAX_NAME),
});

const budgetLineFields = z.strictObject({
  category: z.enum(BUDGET_CATEGORIES),
  content: nameSchema(MAX_TEXT),
  unitLabel: optionalTextSchema(60),
  quantity: z.number().int().min(0).max(1_000_000),
  unitPriceVnd: vnd,
  committedVnd: vnd.default(0),
  spentVnd: vnd.default(0),
  notes: optionalTextSchema(MAX_TEXT),
});
export const LINE_TOO_LARGE = 'Thành tiền (số lượng × đơn giá) vượt mức tối đa một dòng';
export const createBudgetLineSchema = budgetLineFields.refine((v) => v.quantity * v.unitPriceVnd <= MAX_VND, {
  message: LINE_TOO_LARGE,
  path: ['unitPriceVnd'],
});
export type CreateBudgetLineInput = z.input<typeof createBudgetLineSchema>;
export const updateBudgetLineSchema = budgetLineFields.partial();
export type UpdateBudgetLineInput = z.input<typeof updateBudgetLineSchema>;

export const budgetLineParamsSchema = z.object({ eventId: idSchema, lineId: idSchema });
