import type { CompositionNode, PlanDraft, ProgramItem, Source } from '../../../shared/plan';
import type { Line } from './lines';
import { fullText, type OutlineNode, spanOf } from './outline';
import { leadingTimeRange, readCount, readExpectedAttendees, titleWithout } from './patterns';

/**
 * Stage 4: field readers for the blocks of a document (composition, program, side activities, tasks, addressees).
 * Each reads the block its section was classified as and says which lines it read.
 */

export type Note = (path: string, source: Source) => void;
export type Warn = (code: string, message: string, source?: Source | null) => void;

export const capitalise = (text: string) => text.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));
export const clean = (text: string) =>
  text
    // The lookbehind keeps a run of commas in the middle from being rescanned from each of its characters.
    .replace(/^[\s:;,.–-]+|(?<![\s:;,])[\s:;,]+$/gu, '')
    .replace(/\.$/, '')
    .trim();

/** "Thời gian: 1/2 ngày" → "1/2 ngày": the text after a label's colon (or the whole text when there is none). */
export function afterLabel(text: string): string {
  const colon = text.indexOf(':');
  return colon >= 0 && colon < 60 ? text.slice(colon + 1).trim() : text;
}

export function compositionLeaf(text: string, source: Source, warn: Warn): CompositionNode {
  const count = readCount(text);
  if (count?.mismatch) warn('count_mismatch', `Phép tính số đại biểu không khớp: "${text}"`, source);
  return {
    title: capitalise(titleWithout(text, count)),
    count: count?.count ?? null,
    perUnit: count?.perUnit ?? null,
    unitCount: count?.unitCount ?? null,
    source,
    children: [],
  };
}

/** Segments of "A (05 người); B (39 người); C (11 người)" when at least two carry counts. */
function countedSegments(text: string): string[] | null {
  const pieces = text.split(/\s*;\s*/).filter((s) => s.trim());
  if (pieces.filter((s) => readCount(s)).length < 2) return null;
  // A piece without a count is continued by the next: "Lãnh đạo Huyện ủy, UBND; lãnh đạo VPĐP … (27 x 03 người = 81 người)".
  const segments: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    pending = pending ? `${pending}; ${piece}` : piece;
    if (readCount(piece)) {
      segments.push(pending);
      pending = '';
    }
  }
  if (pending) segments.push(pending);
  return segments;
}

function compositionNode(node: OutlineNode, warn: Warn): CompositionNode {
  const text = fullText(node);
  const span = spanOf(node);
  const colon = text.indexOf(':');
  const detail = colon >= 0 && colon < 80 ? text.slice(colon + 1) : '';
  const segments = detail ? countedSegments(detail) : null;
  if (segments) {
    const head = text.slice(0, colon);
    const own = readCount(head);
    return {
      title: capitalise(titleWithout(head, own)),
      count: own?.count ?? null,
      perUnit: own?.perUnit ?? null,
      unitCount: own?.unitCount ?? null,
      source: span,
      children: segments.map((s) => compositionLeaf(s, span, warn)),
    };
  }
  const self = compositionLeaf(text, span, warn);
  self.children = node.children.map((child) => compositionNode(child, warn));
  return self;
}

export function readComposition(node: OutlineNode, draft: PlanDraft, warn: Warn) {
  // "II. THÀNH PHẦN" is only a heading: its groups are the lines under it; "Thành phần: …" carries them after the colon.
  const labelled = node.heading.includes(':');
  const intro = labelled ? afterLabel(fullText(node)) : node.body.map((l) => l.text).join(' ');
  draft.event.expectedAttendees ??= readExpectedAttendees(
    labelled ? afterLabel(fullText(node)) : fullText(node),
  );
  if (node.children.length) {
    draft.composition = node.children.map((child) => compositionNode(child, warn));
  } else {
    // "Thành phần: Lãnh đạo UBND tỉnh; đại diện các sở (12 người); …" on one line.
    draft.composition = intro
      .split(/\s*;\s*/)
      .filter((s) => s.trim())
      .map((s) => compositionLeaf(s, spanOf(node), warn));
  }
  const sumLeaves = (nodes: CompositionNode[]): number =>
    nodes.reduce((sum, n) => sum + (n.children.length ? sumLeaves(n.children) : (n.count ?? 0)), 0);
  draft.compositionTotal = sumLeaves(draft.composition);
}

const SESSION = /^(buổi (sáng|chiều|tối)|sáng|chiều|tối|ngày thứ [\p{L}\d]+|ngày \d{1,2}\s*\/\s*\d{1,2})/iu;

function programItem(node: OutlineNode): ProgramItem {
  const text = clean(fullText(node));
  const { start, end, rest } = leadingTimeRange(text);
  const session = SESSION.test(text) && !start ? text.replace(/:$/, '') : null;
  return {
    title: capitalise(clean(rest)),
    start,
    end,
    session,
    source: spanOf(node),
    children: node.children.map(programItem),
  };
}

export function readProgram(node: OutlineNode): ProgramItem[] {
  if (!node.children.length && node.body.length) return collectProgram(node.body);
  return node.children.map(programItem);
}

const DAY = /^(?:(?:thứ [\p{L}]+|chủ nhật),?\s*)?(ngày thứ [\p{L}\d]+|ngày \d{1,2}\s*\/\s*\d{1,2})/iu;
const PART = /^(buổi (sáng|chiều|tối)|sáng|chiều|tối|phần [\p{L}]+)\s*:?\s*$/iu;

/**
 * A program written without numbering (a bare "Chương trình", a table of times): day headings, session headings,
 * lines led by a time ("7-9h: …", "14-15h30: …", "17h30 – 19h: …") and "+" sub-items, nested in that order.
 */
export function collectProgram(lines: Line[]): ProgramItem[] {
  const roots: ProgramItem[] = [];
  const stack: { level: number; item: ProgramItem }[] = [];
  const place = (level: number, item: ProgramItem) => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else roots.push(item);
    stack.push({ level, item });
  };
  for (const line of lines) {
    const text = line.text.replace(/^[-–•*]\s*/, '').trim();
    const source = { from: line.from, to: line.to };
    const sub = /^\+\s*/.exec(text);
    const { start, end, rest } = leadingTimeRange(sub ? text.slice(sub[0].length) : text);
    if (DAY.test(text) && !start) {
      place(0, { title: '', start: null, end: null, session: clean(text), source, children: [] });
    } else if (PART.test(text)) {
      place(1, { title: '', start: null, end: null, session: clean(text), source, children: [] });
    } else if (start) {
      place(sub ? 3 : 2, { title: capitalise(clean(rest)), start, end, session: null, source, children: [] });
    } else if (sub && stack.length) {
      place(3, {
        title: capitalise(clean(text.slice(sub[0].length))),
        start: null,
        end: null,
        session: null,
        source,
        children: [],
      });
    }
  }
  return roots;
}

export function readSideActivities(node: OutlineNode, draft: PlanDraft) {
  const texts = node.children.length
    ? node.children.map((c) => [fullText(c), spanOf(c)] as const)
    : [[afterLabel(fullText(node)), spanOf(node)] as const];
  for (const [text, source] of texts) {
    const counted =
      /\(?\s*(?:dự kiến|khoảng|gồm)?\s*(\d{1,4})\s+(gian hàng|gian|quầy|ki-?ốt|điểm|bài tham luận|bài)\s*\)?/iu.exec(
        text,
      );
    draft.sideActivities.push({
      title: capitalise(clean(counted ? text.replace(counted[0], '') : text).replace(/[,\s]+$/, '')),
      count: counted ? Number(counted[1]) : null,
      countUnit: counted ? counted[2]!.toLocaleLowerCase('vi') : null,
      source,
    });
  }
}

export function readTask(node: OutlineNode): { unit: string; duties: string[]; source: Source } {
  const colon = node.heading.indexOf(':');
  const unit = clean(colon >= 0 ? node.heading.slice(0, colon) : node.heading);
  const first = colon >= 0 ? node.heading.slice(colon + 1).trim() : '';
  const duties = [
    [first, ...node.body.map((l) => l.text)].join(' ').trim(),
    ...node.children.map((c) => fullText(c)),
  ]
    .map((d) => clean(d))
    .filter(Boolean)
    .map(capitalise);
  return { unit, duties, source: spanOf(node) };
}

export function readAddressees(node: OutlineNode, draft: PlanDraft) {
  const inline = afterLabel(node.heading);
  if (inline)
    draft.addressees.push({ text: clean(inline), source: { from: node.line.from, to: node.line.to } });
  for (const child of node.children)
    draft.addressees.push({ text: clean(fullText(child)), source: spanOf(child) });
}

/** The numbering as it is written back: "1." for numbers and Roman numerals, "a)" for letters, bullets as they are. */
function markerText(marker: string): string {
  if (marker === 'label') return '';
  if (/^([IVX]+|\d[\d.]*)$/.test(marker)) return `${marker}. `;
  if (/^[a-zđ]$/u.test(marker)) return `${marker}) `;
  return `${marker} `;
}

/** A section's content as written, one line per item with its numbering, without the section's own heading. */
export function outlineText(node: OutlineNode): string {
  const lines: string[] = [];
  const visit = (n: OutlineNode) => {
    lines.push(`${markerText(n.marker)}${n.heading}`);
    for (const l of n.body) lines.push(l.text);
    n.children.forEach(visit);
  };
  for (const l of node.body) lines.push(l.text);
  node.children.forEach(visit);
  return lines.join('\n');
}
