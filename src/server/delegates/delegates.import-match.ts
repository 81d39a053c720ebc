import type { ImportNewUnitKind } from '../../shared/delegates';
import { cleanText, foldVietnamese } from '../../shared/text';
import { unitMatchKey } from '../units/units.service';

/**
 * How a district's list names things, matched to the event's: "Xã có sản phẩm OCOP" for the group "Đại diện các
 * xã, phường, thị trấn có sản phẩm OCOP", "Văn phòng Điều phối NTM huyện" for the districts' group.
 */

const words = (text: string) =>
  unitMatchKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** A group must hold this share of the row's words to be a candidate. */
const MIN_COVERAGE = 0.6;

/**
 * The groups a "Thành phần" cell can mean, best first: the same title (accents, case and NTM/UBND aside), else
 * the one title containing the text, else those holding most of its words, the words few groups share counting
 * most. One group is a match; several are a choice for the user; none is an error.
 */
export function matchGroups<G extends { id: string; title: string }>(text: string, groups: G[]): G[] {
  const key = unitMatchKey(text);
  if (!key) return [];
  const titled = groups.map((g) => ({ g, key: unitMatchKey(g.title), words: new Set(words(g.title)) }));
  const exact = titled.filter((t) => t.key === key);
  if (exact.length) return exact.map((t) => t.g);
  const containing = titled.filter((t) => t.key.includes(key));
  if (containing.length === 1) return [containing[0]!.g];

  const wanted = [...new Set(words(text))];
  const df = new Map(wanted.map((w) => [w, titled.filter((t) => t.words.has(w)).length]));
  const weight = (w: string) => Math.log(1 + groups.length / Math.max(1, df.get(w)!));
  const scored = titled
    .map((t) => {
      const present = wanted.filter((w) => t.words.has(w));
      return {
        g: t.g,
        coverage: present.length / wanted.length,
        score: present.reduce((s, w) => s + weight(w), 0),
      };
    })
    .filter((s) => s.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score);
  if (!scored.length) return [];
  const best = scored[0]!.score;
  return scored.filter((s) => best - s.score < 1e-9).map((s) => s.g);
}

const COMMUNE = /^(uy ban nhan dan |ubnd |dang uy )?(xa|phuong|thi tran) \S/;
const PRODUCER =
  /\b(cong ty|cty|htx|hop tac xa|to hop tac|co so|ho kinh doanh|ho san xuat|doanh nghiep|tnhh|cong ty co phan|lang nghe)\b/;

/** What a unit named in a list seems to be, when it is a kind a district officer may add; else null. */
export function guessNewUnitKind(name: string): ImportNewUnitKind | null {
  const folded = foldVietnamese(name);
  if (COMMUNE.test(folded)) return 'commune';
  if (PRODUCER.test(folded)) return 'producer';
  return null;
}

/** The catalogue's name for a unit a list names: "UBND xã Hoằng Xuân" is the commune "Xã Hoằng Xuân". */
export function newUnitNames(name: string, kind: ImportNewUnitKind): { name: string; shortName: string } {
  const clean = cleanText(name);
  if (kind === 'producer') return { name: clean, shortName: clean };
  const bare = clean.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy)\s+/iu, '');
  const full = bare.charAt(0).toUpperCase() + bare.slice(1);
  const short = full.replace(/^(Xã|Phường|Thị trấn)\s+/iu, '');
  return { name: full, shortName: short || full };
}
