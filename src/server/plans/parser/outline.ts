import { foldVietnamese } from '../../../shared/text';
import type { Line } from './lines';

/** A numbered or bulleted item with its continuation lines and sub-items. */
export interface OutlineNode {
  line: Line;
  /** The marker as written ("II.", "7.1.", "a)", "-", "+"), or "label" for an unnumbered "Thời gian: …" line. */
  marker: string;
  level: number;
  /** The item's text without its marker. */
  heading: string;
  /** Unnumbered lines that continue the item. */
  body: Line[];
  children: OutlineNode[];
}

/** Field labels that open a block even without numbering (invitations, notices, short letters). */
export const LABELS = [
  'tên hội nghị',
  'cơ quan chủ đạo',
  'cơ quan chỉ đạo',
  'đơn vị chủ trì',
  'cơ quan chủ trì',
  'đơn vị phối hợp',
  'cơ quan phối hợp',
  'chủ trì',
  'thời gian',
  'địa điểm',
  'thành phần',
  'chương trình',
  'nội dung',
  'kinh phí',
  'tổ chức thực hiện',
  'các hoạt động bên lề',
  'hoạt động bên lề',
  'kính gửi',
  'kính mời',
].map(foldVietnamese);

const LABEL_LINE = new RegExp(`^(${LABELS.join('|')})\\b[^:]{0,40}:`);

/** "Thời gian: …", "Địa điểm: …": a labelled line, which always starts a block. */
export function isLabelLine(text: string): boolean {
  return LABEL_LINE.test(foldVietnamese(text));
}

/** [pattern, level, is a bullet]. Numbering must be followed by a word ("1/2 ngày", "27 x 03" are not numbering). */
const PATTERNS: [RegExp, (m: RegExpExecArray) => number, boolean][] = [
  [/^([IVX]{1,5})\.\s*/, () => 1, false],
  [/^(\d{1,3}(?:\.\d{1,2})+)\.?\s*/, (m) => 2 + m[1]!.split('.').length - 1, false],
  [/^(\d{1,3})\s?[.)]\s*/, () => 2, false],
  [/^([a-zđ])\)\s*/u, () => 5, false],
  [/^([-–—•*●])\s*/, () => 6, true],
  [/^([+○▪])\s*/, () => 7, true],
];

export function markerOf(text: string): { marker: string; level: number; rest: string } | null {
  for (const [pattern, level, bullet] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    // A number led by a time is a numbered program line ("1. 08h00 - 08h30: Đón tiếp").
    if (
      bullet ? /^[^-–—+\s]/.test(rest) : /^\p{L}|^["“(]|^\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}\s*[-–]/u.test(rest)
    )
      return { marker: m[1]!, level: level(m), rest };
  }
  if (isLabelLine(text)) return { marker: 'label', level: 3.5, rest: text };
  return null;
}

/** Nests items by marker level; unnumbered lines continue the deepest open item (or the preamble). */
export function buildOutline(lines: Line[]): { preamble: Line[]; nodes: OutlineNode[] } {
  const preamble: Line[] = [];
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const line of lines) {
    const marked = markerOf(line.text);
    if (!marked) {
      // A labelled line that ends its sentence ("Chủ trì: … ." ) takes no continuation: the next sentence
      // ("Đề nghị các đồng chí tham dự …") belongs to no field.
      while (
        stack.length &&
        stack[stack.length - 1]!.marker === 'label' &&
        /\.\/?$/.test(lastText(stack[stack.length - 1]!))
      )
        stack.pop();
      const open = stack[stack.length - 1];
      if (open) open.body.push(line);
      else if (!roots.length) preamble.push(line);
      continue;
    }
    const node: OutlineNode = {
      line,
      marker: marked.marker,
      level: marked.level,
      heading: marked.rest,
      body: [],
      children: [],
    };
    while (stack.length && stack[stack.length - 1]!.level >= node.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return { preamble, nodes: roots };
}

const lastText = (node: OutlineNode) =>
  node.body.length ? node.body[node.body.length - 1]!.text : node.heading;

/** The item's own words: heading plus continuation lines, as one string. */
export function fullText(node: OutlineNode): string {
  return [node.heading, ...node.body.map((l) => l.text)].join(' ').trim();
}

/** Every line an item and its sub-items span. */
export function spanOf(node: OutlineNode): { from: number; to: number } {
  // A loop, not Math.max(...body): spreading a body of a million lines overflows the call stack.
  let to = node.line.to;
  for (const line of node.body) to = Math.max(to, line.to);
  for (const child of node.children) to = Math.max(to, spanOf(child).to);
  return { from: node.line.from, to };
}
