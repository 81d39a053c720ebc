/**
 * Stage 1 of reading a document: normalise what copies of official documents carry before any line is read.
 * NFC, CRLF, non-breaking spaces, `**bold**`; "|" tables (web copies of the header table, programs as tables) split
 * into one line per cell; a header run into one line split back into its parts; words printed one or two per line
 * joined back. Every line keeps the number of the source line it came from, so the review can point at it.
 */

/** A line of the normalised text and the source lines (1-based, inclusive) it came from. */
export interface RawLine {
  text: string;
  from: number;
  to: number;
}

const TONE_PAIRS: [RegExp, (m: string) => string][] = [
  // Old placement "hoá, khoẻ, thuỷ" → new "hóa, khỏe, thủy": the tone moves to the first vowel. Only at the end of a
  // word: "hoạch", "khoảng", "quyết" are the same in both styles. Each pair keeps its length, so indices hold.
  [/([oO])([áàảãạ])(?![\p{L}])/gu, (m) => moveTone(m)],
  [/([oO])([éèẻẽẹ])(?![\p{L}])/gu, (m) => moveTone(m)],
  [/(?<![qQ])([uU])([ýỳỷỹỵ])(?![\p{L}])/gu, (m) => moveTone(m)],
  [/([OÓ])([ÁÀẢÃẠ])(?![\p{L}])/gu, (m) => moveTone(m)],
  [/(?<![Q])([U])([ÝỲỶỸỴ])(?![\p{L}])/gu, (m) => moveTone(m)],
];

/** The tone mark of the second vowel, put on the first: "oá" → "óa". */
function moveTone(pair: string): string {
  const [first, second] = [...pair] as [string, string];
  const decomposed = second.normalize('NFD');
  const tone = decomposed.slice(1);
  const base = decomposed.slice(0, 1);
  return `${(first + tone).normalize('NFC')}${base}`;
}

/**
 * "Thanh Hoá" → "Thanh Hóa", "UỶ BAN" → "ỦY BAN": one placement of the tone for matching. The text shown and the
 * values read keep the placement the document was written in; only patterns are matched on this form.
 */
export function foldTones(text: string): string {
  if (!/[oOuU][\u00c0-\u1ef9]/u.test(text)) return text;
  let out = text;
  for (const [pattern, replace] of TONE_PAIRS) out = out.replace(pattern, replace);
  return out;
}

/** Longer lines are body text: the run-in and table rules look at headers and short rows only. */
const SHORT = 600;

function cleanLine(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\s*[-–]\s*\+\s*/, '+ ') // " - + item": a "+" item written under a dash
    .trim();
}

/** "| a | b |" → ["a", "b"]; separator rows ("|---|---|") → []; null when the line is not a table row. */
function tableCells(text: string): string[] | null {
  if (!text.startsWith('|') || text.length > 4 * SHORT) return null;
  const cells = text
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return [];
  return cells.filter(Boolean);
}

const TIME_CELL =
  /^\(?\s*\d{1,2}\s*(?:h|giờ|g|:)?\s*\d{0,2}\s*(?:[-–—]|đến)\s*\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}/iu;

/** A program row of a table ("| 7h30 - 8h00 | Đón tiếp | Văn phòng |") reads as one program line. */
function tableRow(cells: string[]): string[] {
  if (cells.length >= 2 && TIME_CELL.test(cells[0]!)) {
    const [time, what, ...who] = cells;
    return [`- ${time}: ${what}${who.length ? ` (${who.join('; ')})` : ''}`];
  }
  if (cells.length >= 2 && /^(thời gian|giờ|stt)$/iu.test(cells[0]!)) return []; // the header row
  return cells;
}

const PLACE_DATE =
  /(?:^|\s)((?:\p{Lu}[\p{Ll}]*\.?\s){0,3}\p{Lu}[\p{Ll}]*),?\s+ngày\s+[\d.…]*\s*tháng\s+[\d.…]*\s*năm\s+\d{4}/u;
const TYPE_WORDS =
  /^(KẾ HOẠCH|GIẤY MỜI|THÔNG BÁO|CÔNG ĐIỆN|GIẤY TRIỆU TẬP|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|BÁO CÁO|TỜ TRÌNH)\s+(?=\p{Lu}\p{Ll}|\p{Lu}{2,}\s)/u;

/**
 * A header run into one line ("UBND HUYỆN X PHÒNG Y CỘNG HÒA … Hạnh phúc Số: 21/GM-NN X, ngày …") is split back
 * into its parts; so are "KẾ HOẠCH Tổ chức …", "Nơi nhận: - A; - B" and a signature block on one line.
 */
const RUN_IN_TRIGGER =
  /Số|CỘNG|Độc lập|ngày|KẾ HOẠCH|GIẤY|THÔNG BÁO|CÔNG ĐIỆN|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|BÁO CÁO|TỜ TRÌNH|nơi nhận/iu;

function splitRunIn(text: string): string[] {
  if (text.length > SHORT || !RUN_IN_TRIGGER.test(text)) return [text];
  let parts = [text];
  const splitAt = (pattern: RegExp, keep: 'before' | 'drop' = 'before') => {
    parts = parts.flatMap((part) => {
      const out: string[] = [];
      let rest = part;
      for (let guard = 0; guard < 8; guard++) {
        const m = pattern.exec(foldTones(rest));
        if (!m || (m.index === 0 && keep === 'before')) break;
        out.push(rest.slice(0, m.index).trim());
        rest = keep === 'drop' ? rest.slice(m.index + m[0].length).trim() : rest.slice(m.index).trim();
        if (keep === 'drop') {
          out.push(m[0].trim());
        }
      }
      out.push(rest.trim());
      return out.filter(Boolean);
    });
  };
  // The motto becomes a line of its own, wherever it was.
  splitAt(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/u, 'drop');
  splitAt(/Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc/u, 'drop');
  splitAt(/\bSố\s*:\s*[\d.]*\s*[-/]\s*\p{Lu}/u);
  parts = parts.flatMap((part) => {
    const m = PLACE_DATE.exec(part);
    // "Số: 77/KH-UBND Quảng Bình, ngày …", "V/v … Triệu Sơn, ngày 04 tháng 01 năm 2024": the date line at the end.
    if (!m || m.index === 0 || (!/^Số\s*:/u.test(part) && m.index + m[0].length < part.trimEnd().length - 1))
      return [part];
    // "Số: 77/KH-UBND Quảng Bình, ngày …": the place and date start where the symbol ends.
    const at = part.indexOf(m[1]!, m.index);
    return [part.slice(0, at).trim(), part.slice(at).trim()];
  });
  parts = parts.flatMap((part) => {
    const m = TYPE_WORDS.exec(part);
    return m ? [m[1]!, part.slice(m[0].length).trim()] : [part];
  });
  parts = parts.flatMap((part) => {
    // "Nơi nhận: - A; - B; - Lưu: VT." one recipient per line.
    if (!/^nơi nhận\s*:?\s*[-–•+]/iu.test(part)) return [part];
    return part
      .replace(/^nơi nhận\s*:?\s*/iu, 'Nơi nhận:\n')
      .split(/\n|(?<=[;.,])\s+(?=[-–•+]\s)/u)
      .map((s) => s.trim())
      .filter(Boolean);
  });
  return parts;
}

/** Lines of at most two words: a web copy that printed a sentence one or two words per line. */
const isShortRunLine = (text: string) =>
  text.length <= 24 &&
  text.split(' ').length <= 2 &&
  !/[.;:!?]$/.test(text) &&
  !/^([IVX]+|\d+)\.$|^[-–+•]|^số\b/iu.test(text);

/** Stage 1: the document as cleaned lines, each pointing at the source lines it came from. */
export function normalise(input: string): RawLine[] {
  const source = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0|\t/g, ' ')
    .split('\n');
  const lines: RawLine[] = [];
  for (const [i, rawText] of source.entries()) {
    const text = cleanLine(rawText);
    const at = i + 1;
    const push = (part: string) => lines.push({ text: part, from: at, to: at });
    const cells = tableCells(text);
    if (cells) {
      // Cells stay apart (a blank after each), so the re-flow of broken lines never glues two cells together.
      for (const row of tableRow(cells)) {
        for (const part of splitRunIn(row)) push(part);
        push('');
      }
      continue;
    }
    // Rules and stars under the header ("-------", "***") only separate.
    if (text === '' || /^([-_=~…]{2,}|\*+|\.{3,})$/.test(text)) {
      push('');
      continue;
    }
    for (const part of splitRunIn(text)) push(part);
  }
  return joinShortRuns(lines);
}

/**
 * "KẾ\nHOẠCH\nTỔ\nCHỨC\nHỘI\nNGHỊ": three or more lines in a row of one or two words each are one line. Linear: each
 * line is looked at once.
 */
function joinShortRuns(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  let run: RawLine[] = [];
  let runCaps: boolean | null = null;
  const flush = () => {
    if (run.length >= 3) {
      const [from, to] = [run[0]!.from, run[run.length - 1]!.to];
      for (const part of splitRunIn(run.map((l) => l.text).join(' '))) out.push({ text: part, from, to });
    } else out.push(...run);
    run = [];
    runCaps = null;
  };
  for (const line of lines) {
    if (line.text && isShortRunLine(line.text)) {
      // A run is all upper case (a heading) or not (a sentence); digits go with either.
      const caps = /\p{L}/u.test(line.text) ? line.text === line.text.toUpperCase() : null;
      if (caps !== null && runCaps !== null && caps !== runCaps) flush();
      if (caps !== null) runCaps = caps;
      run.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}
