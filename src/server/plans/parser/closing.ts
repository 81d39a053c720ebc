import type { PlanDraft } from '../../../shared/plan';
import { AUTHORITY_START } from './header';
import type { Line } from './lines';
import type { Note } from './readers';

/** Titles a signer holds; the last one in the signature block is the signer's own, what precedes it the authority. */
const TITLE =
  /(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TỔNG GIÁM ĐỐC|GIÁM ĐỐC|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|TRƯỞNG KHOA|TRƯỞNG ĐOÀN|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|THỦ TRƯỞNG|TỔNG CỤC TRƯỞNG|CHI CỤC TRƯỞNG|GIÁM ĐỐC SỞ|TRƯỞNG|TỔ TRƯỞNG)(?=\s|$|\s*-)/gu;
const RANK =
  '(?:(?:Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Đại uý|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|PGS\\.?\\s?TS\\.?|GS\\.?\\s?TS\\.?|TS\\.?|ThS\\.?|BS\\.?|NSƯT|NGƯT|Nhà báo)\\s+)?';
const NAME = new RegExp(`^${RANK}(?:\\p{Lu}\\p{Ll}*\\s){1,5}\\p{Lu}\\p{Ll}*$`, 'u');
/** "… PHÓ VỤ TRƯỞNG - Nguyễn Thanh Bình", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hồ An Phong": a block run into one line. */
const RUN_IN_NAME = new RegExp(
  `^([^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*?)\\s*[-–]?\\s+(${RANK}(?:\\p{Lu}\\p{Ll}*\\s){1,5}\\p{Lu}\\p{Ll}*)$`,
  'u',
);
const NOISE = /^\(?(đã ký|ký tên|ký, ghi rõ|đóng dấu|ký và đóng dấu|chữ ký)/iu;

const isCaps = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

/** Where the closing starts when there is no "Nơi nhận": a title in capitals, then a name, as the last lines. */
export function closingStart(lines: Line[]): number {
  const at = lines.findIndex((l) => /^(trên đây là|nơi nhận)/iu.test(l.text));
  if (at >= 0) return at;
  const last = lines.length - 1;
  if (last < 1) return -1;
  const tail = lines[last]!.text;
  if (RUN_IN_NAME.test(tail) && AUTHORITY_START.test(tail)) return last;
  if (!NAME.test(tail) || !isCaps(lines[last - 1]!.text)) return -1;
  let start = last - 1;
  while (start > 0 && isCaps(lines[start - 1]!.text) && lines[start - 1]!.text.length < 60) start--;
  return start;
}

/** Field readers for the closing: recipients ("Nơi nhận") and the signature block (authority, title, name). */
export function readClosing(closing: Line[], draft: PlanDraft, note: Note) {
  let inRecipients = false;
  const signature: Line[] = [];
  for (const line of closing) {
    let text = line.text;
    if (/^nơi nhận\s*:?/iu.test(text)) {
      inRecipients = true;
      text = text.replace(/^nơi nhận\s*:?\s*/iu, '');
      if (!text) continue;
    }
    // Recipients are "- …" lines; some copies drop the dashes ("Như trên;", "Lưu: VT.").
    const listed = /^[-–•+]/.test(text) || (!isCaps(text) && (/;$/.test(text) || /^lưu\s*:/iu.test(text)));
    if (inRecipients && listed) {
      if (!/^[-–•+]/.test(text)) text = `- ${text}`;
      // A PDF of the two-column closing puts the signature block at the end of the recipients' lines:
      // "- Chủ tịch UBND tỉnh (để b/c); PHÓ CHỦ TỊCH".
      const tail = /^(.*?[;.,)])\s+(\p{Lu}[^\p{Ll}]{3,})$/u.exec(text);
      if (tail && isCaps(tail[2]!) && new RegExp(TITLE.source, 'u').test(tail[2]!)) {
        signature.push({ ...line, text: tail[2]!.trim() });
        text = tail[1]!;
      }
      const m = /^[-–•+]\s*(.+?)\s*(?:\(([^()]+)\))?\s*[;.,]?\s*$/u.exec(text);
      if (m)
        draft.recipients.push({
          name: m[1]!.replace(/[\s;:,.]+$/, '').trim(),
          purpose: m[2]?.trim() ?? null,
          source: { from: line.from, to: line.to },
        });
      continue;
    }
    if (/^trên đây/iu.test(text)) continue;
    if (text) {
      // The signature block may sit between recipients (two columns read line by line): stay in the list.
      if (!isCaps(text)) inRecipients = false;
      signature.push({ ...line, text });
    }
  }
  readSignature(signature, draft);
  if (draft.signer) note('signer', draft.signer.source);
  if (draft.recipients.length)
    note('recipients', { from: draft.recipients[0]!.source.from, to: draft.recipients.at(-1)!.source.to });
}

export function readSignature(lines: Line[], draft: PlanDraft) {
  const caps: Line[] = [];
  let name: Line | null = null;
  for (const line of lines) {
    const text = line.text
      .replace(/[*]+/g, '')
      .replace(/^\(?(đã ký|đã ký và đóng dấu|ký tên, đóng dấu)\)?\s*/iu, '')
      .trim();
    if (!text || NOISE.test(text)) continue;
    const runIn = RUN_IN_NAME.exec(text);
    if (runIn && isCaps(runIn[1]!) && /\p{Lu}{2,}/u.test(runIn[1]!)) {
      caps.push({ ...line, text: runIn[1]! });
      name = { ...line, text: runIn[2]! };
      continue;
    }
    // A name printed in capitals ("NGUYỄN VĂN AN") after the title lines.
    const capsName =
      isCaps(text) &&
      caps.length > 0 &&
      !name &&
      /^(\p{Lu}+\s){1,4}\p{Lu}+$/u.test(text) &&
      !new RegExp(TITLE.source, 'u').test(text) &&
      !AUTHORITY_START.test(text) &&
      !/\b(BAN|SỞ|PHÒNG|ỦY|UBND|HĐND|VỤ|CỤC|BỘ|TỈNH|HUYỆN|XÃ|ĐOÀN|HỘI|TRƯỜNG|VĂN)\b/u.test(text);
    if (capsName)
      name = { ...line, text: text.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLocaleLowerCase('vi')) };
    else if (isCaps(text) && text.length < 120) caps.push({ ...line, text });
    else if (NAME.test(text)) name = { ...line, text };
  }
  if (!caps.length && !name) return;
  const run = caps.map((l) => l.text.replace(/\s*[-–]\s*$/, '')).join(' ');
  const titles = [...run.matchAll(TITLE)];
  let title: string | null = null;
  let authority: string | null = null;
  const lastTitle = titles.at(-1);
  if (lastTitle && (lastTitle.index ?? 0) + lastTitle[0].length >= run.length - 2) {
    title = run.slice(lastTitle.index).trim();
    authority = run.slice(0, lastTitle.index).trim() || null;
  } else if (caps.length) {
    title = caps[caps.length - 1]!.text;
    authority =
      caps.length > 1
        ? caps
            .slice(0, -1)
            .map((l) => l.text)
            .join(' ')
        : null;
  }
  if (authority && !AUTHORITY_START.test(authority)) authority = null;
  const all = [...caps, ...(name ? [name] : [])];
  draft.signer = {
    authority: authority?.replace(/^(K|T)\/(T|M|L)\b\.?/u, '$1$2.').replace(/\.(?=\S)/, '. ') ?? null,
    title,
    name: name?.text ?? null,
    source: { from: Math.min(...all.map((l) => l.from)), to: Math.max(...all.map((l) => l.to)) },
  };
}
