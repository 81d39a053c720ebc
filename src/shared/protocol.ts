import { z } from 'zod';
import { foldVietnamese } from './text';
import type { UnitKind } from './vocabulary';

/**
 * Protocol order (thứ tự nghi lễ): a person ranks by their post, not their name. The post is read from the
 * position text ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh" — the highest of several counts) and the level of the
 * body it belongs to (named in the text, else the level of the person's unit). The ladder of titles is data with
 * validity dates, kept in the database and editable by an admin; this file only reads it.
 */

export const PROTOCOL_LEVELS = [
  'central',
  'province',
  'department',
  'district',
  'commune',
  'enterprise',
  'media',
] as const;
export type ProtocolLevel = (typeof PROTOCOL_LEVELS)[number];

export const PROTOCOL_LEVEL_LABELS: Record<ProtocolLevel, string> = {
  central: 'cấp Trung ương',
  province: 'cấp tỉnh',
  department: 'sở, ngành',
  district: 'cấp huyện',
  commune: 'cấp xã',
  enterprise: 'doanh nghiệp, HTX',
  media: 'báo chí',
};

/** Lower comes first. Ranks above this are staff: they never sit in the reserved rows. */
export const MAX_RANK = 999;
export const DEFAULT_LEADER_RANK_MAX = 300;

export const titleRankSchema = z.object({
  id: z.string(),
  rank: z.number().int().min(1).max(MAX_RANK),
  /** The level the title belongs to; null: any level. */
  level: z.enum(PROTOCOL_LEVELS).nullable(),
  /** The title as people write it, several spellings allowed ("Phó Chủ tịch", "PCT"). */
  titles: z.array(z.string().trim().min(1).max(80)).min(1).max(20),
  /** Words naming the body that must stand beside the title ("UBND", "Hội đồng nhân dân"); empty: any body. */
  bodies: z.array(z.string().trim().min(1).max(80)).max(20),
  label: z.string().trim().min(1).max(120),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type TitleRank = z.infer<typeof titleRankSchema>;

export const saveTitleRankSchema = titleRankSchema.omit({ id: true }).strict();
export type SaveTitleRankInput = z.infer<typeof saveTitleRankSchema>;

export interface DerivedRank {
  rank: number;
  /** "Chủ tịch UBND tỉnh — bậc 40, cấp tỉnh". */
  reason: string;
}

/** Where a person stands when no title is recognised: after the titled people of their level. */
const LEVEL_DEFAULT_RANK: Record<ProtocolLevel, number> = {
  central: 390,
  province: 400,
  department: 400,
  district: 405,
  commune: 410,
  media: 430,
  enterprise: 470,
};
const UNKNOWN_RANK = 500;

const LEVEL_OF_UNIT_KIND: Record<UnitKind, ProtocolLevel | null> = {
  central_agency: 'central',
  provincial_leadership: 'province',
  department: 'department',
  district: 'district',
  commune: 'commune',
  producer: 'enterprise',
  retailer: 'enterprise',
  media: 'media',
  other: null,
  distributor: 'enterprise',
};

/** Abbreviations offices write, expanded before matching (on folded text, whole words only). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bpct\b/g, 'pho chu tich'],
  [/\bct\b/g, 'chu tich'],
  [/\bpgd\b/g, 'pho giam doc'],
  [/\bgd\b/g, 'giam doc'],
  [/\btgd\b/g, 'tong giam doc'],
  [/\bpbt\b/g, 'pho bi thu'],
  [/\bbt\b/g, 'bi thu'],
  [/\buv ?btv\b/g, 'uy vien ban thuong vu'],
  [/\bbtv\b/g, 'ban thuong vu'],
  [/\btuv\b/g, 'tinh uy vien'],
  [/\bhuv\b/g, 'huyen uy vien'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bub\b/g, 'uy ban'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bvpdp\b/g, 'van phong dieu phoi'],
  [/\bvp\b/g, 'van phong'],
  [/\bcv\b/g, 'chuyen vien'],
  [/\bpv\b/g, 'phong vien'],
  [/\bttr\b/g, 'thuong truc'],
  [/\btw\b/g, 'trung uong'],
  [/\btu\b/g, 'tinh uy'],
  [/\bhu\b/g, 'huyen uy'],
  [/\bdu\b/g, 'dang uy'],
  [/\bhtx\b/g, 'hop tac xa'],
  [/\bntm\b/g, 'nong thon moi'],
];

/** Folded, abbreviations expanded, punctuation as spaces: the form titles are compared in. */
export function foldTitle(text: string): string {
  let folded = ` ${foldVietnamese(text)
    .replace(/[.()[\]"'“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  for (const [pattern, expansion] of ABBREVIATIONS) folded = folded.replace(pattern, expansion);
  return folded.replace(/\s+/g, ' ');
}

/** The level a part of a position names by itself ("… huyện", "… Tỉnh ủy", "… xã"), else null. */
function levelNamed(part: string): ProtocolLevel | null {
  // Words that look like a level but are not one: "hợp tác xã", "xã hội", "cán bộ", "cơ quan".
  const p = part.replace(/ (hop tac xa|xa hoi|can bo|co quan|bo phan) /g, ' ');
  if (/ (trung uong|bo|chinh phu|quoc hoi) /.test(p)) return 'central';
  if (/ (thi xa|huyen|huyen uy|quan|thanh pho) /.test(p)) return 'district';
  if (/ (xa|phuong|thi tran) /.test(p)) return 'commune';
  if (/ (tinh|tinh uy) /.test(p)) return 'province';
  return null;
}

const hasWords = (text: string, words: string) => text.includes(` ${words} `);

interface CompiledRule {
  rule: TitleRank;
  titles: string[];
  bodies: string[];
}

export interface Ladder {
  rules: CompiledRule[];
}

/** Prepares the ladder in force on a date (the event's day) for matching. */
export function compileLadder(rules: TitleRank[], onDate: string | null): Ladder {
  const inForce = rules.filter(
    (r) => !onDate || ((!r.validFrom || r.validFrom <= onDate) && (!r.validTo || onDate <= r.validTo)),
  );
  return {
    rules: inForce.map((rule) => ({
      rule,
      titles: rule.titles.map((t) => foldTitle(t).trim()),
      bodies: rule.bodies.map((b) => foldTitle(b).trim()),
    })),
  };
}

/** A level can stand in for the one a rule asks: a department's leaders are the province's. */
function levelFits(rule: ProtocolLevel | null, level: ProtocolLevel | null): boolean {
  if (rule === null) return true;
  if (rule === level) return true;
  return rule === 'department' && level === 'province';
}

function rankOfPart(
  ladder: Ladder,
  part: string,
  unitLevel: ProtocolLevel | null,
): { rank: number; label: string; level: ProtocolLevel | null; length: number } | null {
  const level = levelNamed(part) ?? unitLevel;
  let best: { rank: number; label: string; level: ProtocolLevel | null; length: number } | null = null;
  for (const { rule, titles, bodies } of ladder.rules) {
    if (!levelFits(rule.level, level)) continue;
    if (bodies.length && !bodies.some((b) => hasWords(part, b))) continue;
    for (const title of titles) {
      if (!hasWords(part, title)) continue;
      // The longest title that fits is the post ("phó chủ tịch" is not "chủ tịch"); a rule naming the body or
      // the level beats a general one; then the highest rank.
      const length = title.length + (bodies.length ? 1 : 0) + (rule.level ? 0.5 : 0);
      if (!best || length > best.length || (length === best.length && rule.rank < best.rank)) {
        best = { rank: rule.rank, label: rule.label, level: rule.level ?? level, length };
      }
    }
  }
  return best;
}

/** Splits "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh" into the posts it names. */
function partsOf(folded: string): string[] {
  return folded
    .split(/[,;/+]| kiem | dong thoi | - /)
    .map((p) => ` ${p.trim()} `)
    .filter((p) => p.trim());
}

/**
 * A person's rank from their position and unit: the highest post they hold, or their level's default when no
 * title is recognised. An organizer's override is applied by the caller.
 */
export function deriveRank(
  ladder: Ladder,
  position: string | null | undefined,
  unitKind: UnitKind | null | undefined,
): DerivedRank {
  const unitLevel = unitKind ? LEVEL_OF_UNIT_KIND[unitKind] : null;
  const folded = foldTitle(position ?? '');
  let best: { rank: number; label: string; level: ProtocolLevel | null } | null = null;
  for (const part of partsOf(folded)) {
    const found = rankOfPart(ladder, part, unitLevel);
    if (found && (!best || found.rank < best.rank)) best = found;
  }
  if (best) {
    const where = best.level ? `, ${PROTOCOL_LEVEL_LABELS[best.level]}` : '';
    return { rank: best.rank, reason: `${best.label} — bậc ${best.rank}${where}` };
  }
  const fallback = unitLevel ? LEVEL_DEFAULT_RANK[unitLevel] : UNKNOWN_RANK;
  const what = position?.trim() ? `Chưa nhận ra chức vụ "${position.trim()}"` : 'Chưa có chức vụ';
  const where = unitLevel ? `, mặc định ${PROTOCOL_LEVEL_LABELS[unitLevel]}` : '';
  return { rank: fallback, reason: `${what} — bậc ${fallback}${where}` };
}

/** The reason shown when the organizer placed someone by hand. */
export function overrideReason(rank: number, derived: DerivedRank): string {
  return `Ban tổ chức xếp bậc ${rank} (theo chức vụ: ${derived.reason})`;
}

export const PRESIDIUM_ROLES = ['chair', 'member'] as const;
export type PresidiumRole = (typeof PRESIDIUM_ROLES)[number];

export const presidiumSchema = z.object({
  items: z.array(
    z.object({
      delegateId: z.string(),
      role: z.enum(PRESIDIUM_ROLES),
      fullName: z.string(),
      position: z.string().nullable(),
    }),
  ),
});
export type Presidium = z.infer<typeof presidiumSchema>;

export const setPresidiumSchema = z.strictObject({
  /** The chair(s) first, then the presidium members, in the order they are seated and introduced. */
  items: z
    .array(z.strictObject({ delegateId: z.string().min(1).max(64), role: z.enum(PRESIDIUM_ROLES) }))
    .max(30, 'Đoàn chủ tịch tối đa 30 người'),
});
export type SetPresidiumInput = z.infer<typeof setPresidiumSchema>;

/**
 * What a ladder edit would change before it is saved: `id` and `rule` an edit, `rule` alone a new rule, `id` alone
 * a deletion. The answer lists the people whose rank moves, in every event.
 */
export const previewTitleRankSchema = z.strictObject({
  id: z.string().min(1).max(64).nullable(),
  rule: saveTitleRankSchema.nullable(),
});
export type PreviewTitleRankInput = z.infer<typeof previewTitleRankSchema>;

export const titleRankPreviewSchema = z.object({
  /** People whose rank changes (the first 200), then the count of all of them. */
  items: z.array(
    z.object({
      delegateId: z.string(),
      eventId: z.string(),
      eventName: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      before: z.object({ rank: z.number().int(), reason: z.string() }),
      after: z.object({ rank: z.number().int(), reason: z.string() }),
    }),
  ),
  total: z.number().int(),
});
export type TitleRankPreview = z.infer<typeof titleRankPreviewSchema>;
