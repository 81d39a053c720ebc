import { normalise } from './normalise';
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
  /^(căn cứ|thực hiện|xét đề nghị|theo đề nghị|trên cơ sở|nơi nhận|kính gửi|kính mời|(kt|tm|tl|tuq|k\/t|t\/m|t\/l)\.?\s|số\s*:|trên đây|buổi (sáng|chiều|tối)|(sáng|chiều|tối)\s*:|ngày thứ|ngày \d{1,2}\s*\/|\(?thời gian\s*:|\((kèm theo|ban hành kèm|áp dụng)|\d{1,2}\s*(?:[-–]\s*\d{1,2}\s*)?(?:h|giờ|g|:)\s*\d{0,2}(?![\p{L}]))/iu;

const SENTENCE_VERB =
  /\s(trân trọng|kính mời|tổ chức|thông báo|triệu tập|ban hành|đề nghị|xây dựng kế hoạch|điện:?)(\s|$)/iu;

const LONE_MARKER = /^(?:[IVX]{1,5}\.|\d{1,3}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-–—+•*])$/u;

const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;

const isAllCaps = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

/**
 * Stage 1 (with normalise.ts): the normalised lines, and lines broken in the middle of a sentence or a word (web
 * copies) joined back. Blank lines stay paragraph breaks.
 */
export function toLines(input: string): Line[] {
  const raw = normalise(input);

  const lines: Line[] = [];
  let open: Open | undefined;
  let previousBlank = true;
  for (const line of raw) {
    if (line.text === '') {
      previousBlank = true;
      continue;
    }
    // A line holding only its numbering ("7.", "7.3.", "II.", "-") was cut right after it.
    if (open && open.parts.length === 1 && LONE_MARKER.test(open.start)) {
      append(open, ' ', line);
      open.caps = isAllCaps(open.start);
    } else if (open && !previousBlank && continues(open, line.text)) {
      append(open, joinBroken(open, line.text), line);
      // Joined only when neither side is all upper case, so neither is the whole.
      open.caps = false;
    } else {
      if (open) lines.push(close(open));
      open = {
        line: { text: line.text, from: line.from, to: line.to },
        parts: [line.text],
        start: edge(line.text),
        end: line.text.slice(-EDGE),
        caps: isAllCaps(line.text),
      };
    }
    previousBlank = false;
  }
  if (open) lines.push(close(open));
  return lines;
}

/** Enough of a line's ends to read its numbering, its "Số:" and its last word. */
const EDGE = 64;
const edge = (text: string) => text.slice(0, EDGE);

/**
 * The logical line being joined, kept as parts with its two ends: testing or slicing the joined string itself after
 * every short line made a long paragraph quadratic (each test flattens and rescans the whole string).
 */
interface Open {
  line: Line;
  parts: string[];
  start: string;
  end: string;
  caps: boolean;
}

function append(open: Open, separator: string, line: Line) {
  open.parts.push(separator, line.text);
  if (open.start.length < EDGE) open.start = edge(`${open.start}${separator}${line.text}`);
  open.end = `${open.end}${separator}${line.text}`.slice(-EDGE);
  open.line.to = line.to;
}

function close(open: Open): Line {
  return { ...open.line, text: open.parts.join('') };
}

/** Does `next` continue the sentence of `previous` (a line broken by a web copy)? */
function continues(previous: Open, next: string): boolean {
  if (/[.;:!?]$/.test(previous.end)) return false;
  // "Số: 12/KH-UBND" and "Thanh Hóa, ngày … tháng … năm …" are lines of their own in the header.
  if (/^số\s*:/iu.test(previous.start) || /^[\p{L} .]{2,40},\s*ngày\s/u.test(next)) return false;
  if (MARKER.test(next) || STARTERS.test(next) || isLabelLine(next)) return false;
  // "Phòng Nông nghiệp … trân trọng kính mời …" after a title: a new sentence with its own subject.
  if (/^\p{Lu}/u.test(next) && SENTENCE_VERB.test(next.slice(0, 200))) return false;
  // Header blocks are upper case on both sides; a heading followed by body text is not one sentence.
  const nextCaps = isAllCaps(next);
  if (previous.caps !== nextCaps) return false;
  if (previous.caps && nextCaps) return false;
  return true;
}

/** No Vietnamese word is this long: a longer run of letters is not a word cut in two. */
const LONGEST_WORD = 40;

/**
 * The separator to join with: a space, or nothing when a word was cut (one side of the cut has no vowel: "ph|ẩm",
 * "H|óa").
 */
function joinBroken(previous: Open, next: string): string {
  const space = previous.end.lastIndexOf(' ');
  const tail = previous.end.slice(space + 1);
  const head = next.split(' ')[0] ?? '';
  const cutWord =
    tail.length <= LONGEST_WORD &&
    /^\p{L}+$/u.test(tail) &&
    /^\p{L}/u.test(head) &&
    (!VOWEL.test(tail) || !VOWEL.test(head.replace(/[^\p{L}]/gu, '')));
  return cutWord ? '' : ' ';
}
