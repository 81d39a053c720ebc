import { z } from 'zod';
import { idSchema } from './common';
import { DEFAULT_LEADER_RANK_MAX } from './protocol';

/**
 * A hall as rows of seats in blocks side by side, the stage in front. Seats are numbered across a row from the
 * left ("A01" … "A30"); the front `reservedRows` rows are kept for the leaders (placards go there).
 */
export const hallLayoutSchema = z.strictObject({
  name: z.string().trim().min(1, 'Không được để trống').max(120),
  blocks: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(40),
        seatsPerRow: z.number().int().min(1, 'Mỗi dãy ít nhất 1 ghế').max(60, 'Mỗi dãy tối đa 60 ghế'),
      }),
    )
    .min(1, 'Hội trường cần ít nhất một khối ghế')
    .max(6),
  rows: z.number().int().min(1, 'Ít nhất 1 hàng').max(26, 'Tối đa 26 hàng (A–Z)'),
  reservedRows: z.number().int().min(0).max(10),
  /** Only people ranked at or above this (lower numbers) sit in the reserved rows; staff sit behind. */
  leaderRankMax: z.number().int().min(1).max(999).default(DEFAULT_LEADER_RANK_MAX),
  /**
   * Where number 2 sits: at the chair's right or left hand, the chair facing the stage (seat numbers grow to
   * the chair's right). Offices differ; right is the common practice.
   */
  secondSide: z.enum(['right', 'left']).default('right'),
  /** Shown on the chart: "Dữ liệu mẫu", the venue's own notes. */
  note: z.string().max(300).nullable().default(null),
});
export type HallLayout = z.infer<typeof hallLayoutSchema>;

/**
 * Group colours for the badges, the chart and the seat map, by the group's place in the composition; dark
 * enough for white text (4.5:1).
 */
export const GROUP_COLOURS = [
  '#b42318',
  '#1d4ed8',
  '#047857',
  '#a16207',
  '#7e22ce',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#475569',
];

export const ROW_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function seatLabel(row: number, seat: number): string {
  return `${ROW_LETTERS[row]}${String(seat).padStart(2, '0')}`;
}

export interface SeatPosition {
  label: string;
  row: number;
  /** 1-based across the whole row. */
  number: number;
  block: number;
  reserved: boolean;
}

/** Every seat of the hall, front row first, left to right. */
export function seatsOf(layout: HallLayout): SeatPosition[] {
  const seats: SeatPosition[] = [];
  for (let row = 0; row < layout.rows; row++) {
    let number = 0;
    layout.blocks.forEach((block, b) => {
      for (let i = 0; i < block.seatsPerRow; i++) {
        number++;
        seats.push({
          label: seatLabel(row, number),
          row,
          number,
          block: b,
          reserved: row < layout.reservedRows,
        });
      }
    });
  }
  return seats;
}

/**
 * The order seats are given out: front rows first; in a row, from the middle of the hall outwards (the best
 * seats face the stage's centre), alternating right and left as protocol lists do.
 */
export function seatsByPrecedence(layout: HallLayout): SeatPosition[] {
  const seats = seatsOf(layout);
  const width = layout.blocks.reduce((s, b) => s + b.seatsPerRow, 0);
  const middle = (width + 1) / 2;
  const side = layout.secondSide === 'left' ? 1 : -1;
  return [...seats].sort(
    (a, b) =>
      a.row - b.row ||
      Math.abs(a.number - middle) - Math.abs(b.number - middle) ||
      side * (a.number - b.number),
  );
}

/**
 * Hội trường 25B as the demo lays it out: 310 seats in three blocks (an odd row, so the chair has a centre seat),
 * 10 rows, two front rows reserved (sample).
 */
export const DEMO_HALL: HallLayout = {
  name: 'Hội trường 25B',
  blocks: [
    { label: 'Khối trái', seatsPerRow: 8 },
    { label: 'Khối giữa', seatsPerRow: 15 },
    { label: 'Khối phải', seatsPerRow: 8 },
  ],
  rows: 10,
  reservedRows: 2,
  leaderRankMax: DEFAULT_LEADER_RANK_MAX,
  secondSide: 'right',
  note: 'Dữ liệu mẫu: sơ đồ giả định, chưa đối chiếu với hội trường thật',
};

export const seatingSchema = z.object({
  layout: hallLayoutSchema,
  seats: z.array(
    z.object({
      seat: z.string(),
      delegateId: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      groupTitle: z.string().nullable(),
      /** The group's place in the composition: the seat map's colour, the same as the badge's. */
      groupPosition: z.number().int().nullable(),
      unitName: z.string().nullable(),
      protocolRank: z.number().int(),
      /** Placed by hand: automatic seating leaves it where it is. */
      pinned: z.boolean(),
    }),
  ),
  unseated: z.number().int(),
});
export type Seating = z.infer<typeof seatingSchema>;

export const moveSeatSchema = z.strictObject({
  seat: z
    .string()
    .trim()
    .regex(/^[A-Z]\d{2}$/, 'Số ghế dạng A01')
    .nullable(),
});

export const autoSeatSchema = z.strictObject({
  /** true: everyone is placed afresh; false: people already seated keep their seats. */
  reset: z.boolean().default(false),
});

export const badgesQuerySchema = z.object({ delegateId: idSchema.optional() });
