import { isLabelLine } from './outline';

/** A logical line of the document and the original lines it came from. */
export interface Line {
  text: string;
  from: number;
  to: number;
}

/** A list marker or numbering at the start of a line: I., 1., 7.1., a), -, +, •. */
export const MARKER =
  /^(?:[IVX]{1,5}\.|\d{1,3}(?:\.\d{1,2})*\s?[.)]|\d{1,3}(?:\.\d{1,2})+|[a-zđ]\)|[-–—+•*●○▪](?=\s|\S))/u;

/** Lines that always start a new logical line, even after a line with no closing punctuation. */
const STARTERS =
  /^(căn cứ|trên cơ sở|nơi nhận|kính gửi|kính mời|(kt|tm|tl|tuq)\.|số\s*:|trên đây|buổi (sáng|chiều|tối)|ngày thứ|\d{1,2}\s*[hg:]\s*\d{0,2}\b)/iu;

const LONE_MARKER = /^(?:[IVX]{1,5}\.|\d{1,3}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-–—+•*])$/u;

const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;

const isAllCaps = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

/**
 * Cleans what copies of official documents carry: CRLF, NFD, `**bold**` markers, stray spaces, and lines broken in
 * the middle of a sentence or a word (web copies), which are joined back. Blank lines stay paragraph breaks.
 */
export function toLines(input: string): Line[] {
  const raw = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0|\t/g, ' ')
    .split('\n')
    .map((text, i) => ({ text: cleanLine(text), from: i + 1, to: i + 1 }));

  const lines: Line[] = [];
  let previousBlank = true;
  for (const line of raw) {
    if (line.text === '') {
      previousBlank = true;
      continue;
    }
    const last = lines[lines.length - 1];
    // A line holding only its numbering ("7.", "7.3.", "II.", "-") was cut right after it.
    if (last && LONE_MARKER.test(last.text)) {
      last.text = `${last.text} ${line.text}`;
      last.to = line.to;
    } else if (last && !previousBlank && continues(last.text, line.text)) {
      last.text = joinBroken(last.text, line.text);
      last.to = line.to;
    } else {
      lines.push({ ...line });
    }
    previousBlank = false;
  }
  return lines;
}

function cleanLine(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\s*[-–]\s*\+\s*/, '+ ') // " - + item": a "+" item written under a dash
    .trim();
}

/** Does `next` continue the sentence of `previous` (a line broken by a web copy)? */
function continues(previous: string, next: string): boolean {
  if (/[.;:!?]$/.test(previous)) return false;
  // "Số: 12/KH-UBND" and "Thanh Hóa, ngày … tháng … năm …" are lines of their own in the header.
  if (/^số\s*:/iu.test(previous) || /^[\p{L} .]{2,40},\s*ngày\s/u.test(next)) return false;
  if (MARKER.test(next) || STARTERS.test(next) || isLabelLine(next)) return false;
  // Header blocks are upper case on both sides; a heading followed by body text is not one sentence.
  if (isAllCaps(previous) !== isAllCaps(next)) return false;
  if (isAllCaps(previous) && isAllCaps(next)) return false;
  return true;
}

/** Joins with a space, or without one when a word was cut (one side of the cut has no vowel: "ph|ẩm", "H|óa"). */
function joinBroken(previous: string, next: string): string {
  const tail = previous.split(' ').pop() ?? '';
  const head = next.split(' ')[0] ?? '';
  const cutWord =
    /^\p{L}+$/u.test(tail) &&
    /^\p{L}/u.test(head) &&
    (!VOWEL.test(tail) || !VOWEL.test(head.replace(/[^\p{L}]/gu, '')));
  return cutWord ? previous + next : `${previous} ${next}`;
}
