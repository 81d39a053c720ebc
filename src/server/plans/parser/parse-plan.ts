import type { CompositionNode, DocumentType, PlanDraft, ProgramItem, Source } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';
import { type Line, toLines } from './lines';
import { buildOutline, fullText, type OutlineNode, spanOf } from './outline';
import {
  findCitations,
  findDates,
  findTimes,
  headerCase,
  isoDate,
  leadingTimeRange,
  readCount,
  readExpectedAttendees,
  splitAgencies,
  titleWithout,
} from './patterns';

export interface ParseOptions {
  /** Unit names from the catalogue: they keep names with commas whole when splitting lists of agencies. */
  knownUnitNames?: string[];
}

const DOCUMENT_TYPES: [string, DocumentType][] = [
  ['ke hoach', 'plan'],
  ['giay moi', 'invitation'],
  ['thong bao', 'notice'],
  ['bao cao', 'report'],
  ['quyet dinh', 'decision'],
  ['cong van', 'official_letter'],
];

const MOTTO = [/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/giu, /Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc/giu];
const CLOSING = /^(trên đây là|nơi nhận)/iu;
const AUTHORITY = /\b(KT|TM|TL|TUQ)\.\s*([\p{Lu}][\p{Lu} ]*[\p{Lu}])/u;
const WEEKDAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];

const capitalise = (text: string) => text.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));
const clean = (text: string) =>
  text
    // The lookbehind keeps a run of commas in the middle from being rescanned from each of its characters.
    .replace(/^[\s:;,.–-]+|(?<![\s:;,])[\s:;,]+$/gu, '')
    .replace(/\.$/, '')
    .trim();

/** "Thời gian: 1/2 ngày" → "1/2 ngày": the text after a label's colon (or the whole text when there is none). */
function afterLabel(text: string): string {
  const colon = text.indexOf(':');
  return colon >= 0 && colon < 60 ? text.slice(colon + 1).trim() : text;
}

function labelOf(node: OutlineNode): string {
  const colon = node.heading.indexOf(':');
  const head = colon >= 0 && colon < 60 ? node.heading.slice(0, colon) : node.heading;
  return foldVietnamese(head);
}

/**
 * Reads a Vietnamese administrative document about a conference (Kế hoạch, Giấy mời, Thông báo, công văn) into an
 * event draft. Pure: no network, no model. What it cannot find stays null and is listed in `warnings`.
 */
export function parsePlan(input: string, options: ParseOptions = {}): PlanDraft {
  const allLines = toLines(input);
  const closingAt = allLines.findIndex((l) => CLOSING.test(l.text));
  const bodyLines = closingAt >= 0 ? allLines.slice(0, closingAt) : allLines;
  const closing = closingAt >= 0 ? allLines.slice(closingAt) : [];
  const { preamble, nodes } = buildOutline(bodyLines);

  const draft: PlanDraft = {
    documentType: 'unknown',
    header: {
      parentIssuer: null,
      issuer: null,
      number: null,
      symbol: null,
      place: null,
      date: null,
      dateText: null,
      title: null,
    },
    legalBases: [],
    addressees: [],
    event: {
      name: null,
      host: null,
      lead: null,
      chair: null,
      partners: [],
      time: { text: null, start: null, end: null, durationText: null },
      venue: null,
      expectedAttendees: null,
    },
    purpose: null,
    composition: [],
    compositionTotal: 0,
    program: [],
    sideActivities: [],
    funding: null,
    tasks: [],
    recipients: [],
    signer: null,
    sources: {},
    warnings: [],
  };
  const warn = (code: string, message: string, source: Source | null = null) =>
    draft.warnings.push({ code, message, source });
  const note = (path: string, source: Source) => {
    draft.sources[path] ??= source;
  };

  readHeader(preamble, draft, note, warn);
  readLegalBases(preamble, draft, warn);

  const visit = (node: OutlineNode) => {
    const label = labelOf(node);
    const text = fullText(node);
    const span = spanOf(node);
    const rest = afterLabel(text);
    if (/^ten (hoi nghi|hoi thao|su kien)/.test(label) && !draft.event.name) {
      draft.event.name = clean(rest);
      note('event.name', span);
    } else if (/^co quan (chu dao|chi dao)/.test(label) && !draft.event.host) {
      draft.event.host = clean(rest);
      note('event.host', span);
    } else if (/^(don vi|co quan) chu tri/.test(label) && !draft.event.lead) {
      draft.event.lead = clean(rest);
      note('event.lead', span);
    } else if (/^chu tri\b/.test(label) && !draft.event.chair) {
      draft.event.chair = clean(rest);
      note('event.chair', span);
    } else if (/^(don vi|co quan) phoi hop/.test(label) && draft.event.partners.length === 0) {
      const listed = [rest, ...node.children.map(fullText)].filter(Boolean).join('; ');
      draft.event.partners = splitAgencies(listed, options.knownUnitNames).map((name) => ({
        name: capitalise(name),
        source: span,
      }));
      note('event.partners', span);
    } else if (/^thoi gian\b/.test(label) && !draft.event.time.text) {
      readTime(clean(rest), span, draft, warn);
      note('event.time', span);
    } else if (/^dia diem\b/.test(label) && !draft.event.venue) {
      draft.event.venue = clean(rest);
      note('event.venue', span);
    } else if (/^thanh phan\b/.test(label) && draft.composition.length === 0) {
      readComposition(node, draft, warn);
      note('composition', span);
    } else if (
      /^(ve )?(noi dung,? )?chuong trinh\b(?! moi xa| ocop| muc tieu)/.test(label) &&
      draft.program.length === 0
    ) {
      draft.program = readProgram(node);
      note('program', span);
    } else if (/^(cac )?hoat dong ben le/.test(label) && draft.sideActivities.length === 0) {
      readSideActivities(node, draft);
      note('sideActivities', span);
    } else if (/^kinh phi\b/.test(label) && !draft.funding) {
      // "III. KINH PHÍ THỰC HIỆN" is only a heading; "Kinh phí: …" carries text after its colon.
      const own = node.heading.includes(':') ? afterLabel(node.heading) : '';
      const parts = [own, ...node.body.map((l) => l.text), ...node.children.map(fullText)];
      const fundingText = parts
        .map((p) => p.trim())
        .filter(Boolean)
        .join('\n');
      draft.funding = { text: fundingText, citations: findCitations(fundingText), source: span };
      note('funding', span);
    } else if (/^to chuc thuc hien\b/.test(label) && draft.tasks.length === 0) {
      draft.tasks = node.children.map(readTask);
      note('tasks', span);
    } else if (/^muc dich\b/.test(label) && !draft.purpose) {
      draft.purpose = { text: outlineText(node), source: span };
      note('purpose', span);
    } else if (/^kinh (gui|moi)\b/.test(label)) {
      readAddressees(node, draft);
    } else {
      node.children.forEach(visit);
    }
  };
  nodes.forEach(visit);

  if (!draft.event.name) readNameFromText(bodyLines, draft, note);
  readInlineFields(bodyLines, draft, note, warn);
  readClosing(closing, draft, note);
  checkCompleteness(draft, warn);
  return draft;
}

function readHeader(
  preamble: Line[],
  draft: PlanDraft,
  note: (path: string, source: Source) => void,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  const issuerLines: Line[] = [];
  let typeIndex = -1;
  for (const [i, line] of preamble.entries()) {
    let text = line.text;
    for (const motto of MOTTO) text = text.replace(motto, ' ');
    text = text.replace(/\s+/g, ' ').trim();
    const number = /Số\s*:\s*([\d.]*)\s*\/\s*([\p{Lu}\d][\p{L}\d&.-]*)/u.exec(text);
    if (number) {
      draft.header.symbol = number[2]!;
      draft.header.number = number[1] ? `${number[1]}/${number[2]}` : null;
      note('header.number', line);
      if (!number[1]) warn('number_blank', 'Số văn bản còn để trống (chưa vào sổ)', line);
      text = text.replace(number[0], '').trim();
    }
    const dated = /^([\p{L} .]+?),\s*ngày\s+(\S*)\s*tháng\s+(\S*)\s*năm\s+(\d{4})/iu.exec(text);
    if (dated) {
      draft.header.place = dated[1]!.trim();
      draft.header.dateText = dated[0];
      const [day, month] = [dated[2]!, dated[3]!];
      draft.header.date = /^\d+$/.test(day) && /^\d+$/.test(month) ? isoDate(day, month, dated[4]!) : null;
      note('header.date', line);
      if (!draft.header.date)
        warn('date_blank', `Ngày ban hành chưa có ngày, tháng cụ thể: "${dated[0]}"`, line);
      continue;
    }
    const folded = foldVietnamese(text);
    const type = DOCUMENT_TYPES.find(([word]) => folded === word);
    if (type && typeIndex < 0) {
      draft.documentType = type[1];
      typeIndex = i;
      note('documentType', line);
      continue;
    }
    if (typeIndex < 0 && !number && text && text === text.toUpperCase() && /\p{L}/u.test(text))
      issuerLines.push({ ...line, text });
    if (/^v\/v\b/i.test(text) && !draft.header.title) {
      draft.header.title = text.replace(/^v\/v\s*/i, '').trim();
      if (draft.documentType === 'unknown') draft.documentType = 'official_letter';
      note('header.title', line);
    }
  }
  // The title is the line after the document type, unless the text goes straight on.
  const titleLine = typeIndex >= 0 ? preamble[typeIndex + 1] : undefined;
  if (titleLine && !/^(căn cứ|kính gửi|kính mời|trên cơ sở)/iu.test(titleLine.text) && !draft.header.title) {
    draft.header.title = titleLine.text.replace(/^(về việc|v\/v)\s*/iu, '').trim();
    note('header.title', titleLine);
  }
  const names = issuerLines.map((l) => l.text);
  if (names.length) {
    // "ỦY BAN NHÂN DÂN" + "TỈNH THANH HÓA" is one name over two lines; otherwise the first line is the parent agency.
    const oneName = names.length >= 2 && /^(ỦY|UỶ) BAN NHÂN DÂN$|^HỘI ĐỒNG NHÂN DÂN$/u.test(names[0]!);
    const parts = oneName ? [`${names[0]} ${names[1]}`, ...names.slice(2)] : names;
    const shorten = (s: string) =>
      headerCase(s)
        .replace(/^(Ủy|Uỷ) ban nhân dân/iu, 'UBND')
        .replace(/^Hội đồng nhân dân/iu, 'HĐND');
    draft.header.issuer = shorten(parts[parts.length - 1]!);
    draft.header.parentIssuer = parts.length > 1 ? shorten(parts[0]!) : null;
    note('header.issuer', { from: issuerLines[0]!.from, to: issuerLines[issuerLines.length - 1]!.to });
  }
}

function readLegalBases(
  preamble: Line[],
  draft: PlanDraft,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  for (const line of preamble) {
    if (!/^căn cứ/iu.test(line.text)) continue;
    const citations = findCitations(line.text);
    draft.legalBases.push({
      text: line.text.replace(/[;.]$/, ''),
      citations,
      source: { from: line.from, to: line.to },
    });
    for (const m of line.text.matchAll(/ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu)) {
      if (!isoDate(m[1]!, m[2]!, m[3]!))
        warn('invalid_date', `Ngày "${m[0]}" không tồn tại; kiểm tra lại văn bản`, line);
    }
  }
}

function readTime(
  text: string,
  source: Source,
  draft: PlanDraft,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  const time = draft.event.time;
  time.text = text;
  // A number starts only where digits start (lookbehind), so a long run of digits is not retried from each digit.
  time.durationText = /((?:(?<!\d)\d+\/\d+|½|(?<!\d)\d+|một|hai|ba|nửa)\s*ngày)/iu.exec(text)?.[1] ?? null;
  const dates = findDates(text);
  for (const d of dates)
    if (!d.iso) warn('invalid_date', `Ngày "${d.text}" không tồn tại; kiểm tra lại`, source);
  const valid = dates.filter((d) => d.iso);
  let withoutDates = text;
  for (const d of dates) withoutDates = withoutDates.replace(d.text, ' ');
  const times = findTimes(withoutDates);
  const first = valid[0]?.iso ?? null;
  const last = valid[valid.length - 1]?.iso ?? null;
  if (first) {
    time.start = times[0] ? `${first}T${times[0].time}:00+07:00` : first;
    time.end = times[1] ? `${last}T${times[1].time}:00+07:00` : valid.length > 1 ? last : null;
    const weekday = /\(?\b(thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật)(?!\p{L})/iu.exec(text);
    if (weekday) {
      const actual = WEEKDAYS[new Date(`${first}T00:00:00Z`).getUTCDay()]!;
      if (weekday[1]!.toLocaleLowerCase('vi') !== actual) {
        warn(
          'weekday_mismatch',
          `Văn bản ghi "${weekday[1]}" nhưng ngày ${first.split('-').reverse().join('/')} là ${actual}`,
          source,
        );
      }
    }
  } else {
    warn('time_without_day', `Thời gian chưa có ngày cụ thể: "${text}"`, source);
  }
}

function compositionLeaf(
  text: string,
  source: Source,
  warn: (code: string, message: string, source?: Source | null) => void,
): CompositionNode {
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

function compositionNode(
  node: OutlineNode,
  warn: (code: string, message: string, source?: Source | null) => void,
): CompositionNode {
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

function readComposition(
  node: OutlineNode,
  draft: PlanDraft,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  const intro = afterLabel(fullText(node));
  draft.event.expectedAttendees ??= readExpectedAttendees(intro);
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

function readProgram(node: OutlineNode): ProgramItem[] {
  return node.children.map(programItem);
}

function readSideActivities(node: OutlineNode, draft: PlanDraft) {
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

function readTask(node: OutlineNode): { unit: string; duties: string[]; source: Source } {
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

function readAddressees(node: OutlineNode, draft: PlanDraft) {
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
function outlineText(node: OutlineNode): string {
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

/** Invitations name the event in a sentence: "… trân trọng kính mời … dự Hội nghị tổng kết …". */
function readNameFromText(lines: Line[], draft: PlanDraft, note: (path: string, source: Source) => void) {
  for (const line of lines) {
    const m =
      /(?:tham dự|dự)\s+((?:Hội nghị|Hội thảo|Lễ|Diễn đàn|Tọa đàm|Cuộc họp)(?!\p{L}).*?)(?:\.\s|\.$|;|\s+-\s+Thời gian|$)/u.exec(
        line.text,
      );
    if (m) {
      draft.event.name = clean(m[1]!);
      note('event.name', line);
      return;
    }
  }
  const title = draft.header.title;
  if (title) {
    const m = /((?:Hội nghị|Hội thảo|Lễ|Diễn đàn|Tọa đàm)(?!\p{L}).*)$/u.exec(title);
    draft.event.name = clean(m ? m[1]! : title);
    if (draft.sources['header.title']) note('event.name', draft.sources['header.title']);
  }
}

/** Letters say it in a sentence: "…; thời gian dự kiến cuối tháng 11 năm 2020; địa điểm tại Hội trường 25B, …". */
function readInlineFields(
  lines: Line[],
  draft: PlanDraft,
  note: (path: string, source: Source) => void,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  for (const line of lines) {
    const source = { from: line.from, to: line.to };
    if (!draft.event.time.text) {
      const m =
        /(?:^|[;,.]\s*)thời gian\s*(?:dự kiến|tổ chức)?\s*:?\s*(?:vào\s+)?([^;]+?)(?=;|\.\s|\.?$)/iu.exec(
          line.text,
        );
      if (m) {
        readTime(clean(m[1]!), source, draft, warn);
        note('event.time', source);
      }
    }
    if (!draft.event.venue) {
      const m = /(?:^|[;,.]\s*)địa điểm\s*(?:tổ chức)?\s*:?\s*(?:tại\s+)?([^;]+?)(?=;|\.\s|\.?$)/iu.exec(
        line.text,
      );
      if (m) {
        draft.event.venue = clean(m[1]!);
        note('event.venue', source);
      }
    }
  }
}

function readClosing(closing: Line[], draft: PlanDraft, note: (path: string, source: Source) => void) {
  let inRecipients = false;
  const signatureLines: Line[] = [];
  for (const line of closing) {
    let text = line.text;
    const authority = AUTHORITY.exec(text);
    if (authority) {
      draft.signer = {
        authority: `${authority[1]}. ${authority[2]!.trim()}`,
        title: null,
        name: null,
        source: { from: line.from, to: line.to },
      };
      text = text.replace(authority[0], '').trim();
    }
    if (/^nơi nhận\s*:?/iu.test(text)) {
      inRecipients = true;
      text = text.replace(/^nơi nhận\s*:?\s*/iu, '');
      if (!text) continue;
    }
    if (inRecipients && /^[-–•+]/.test(text)) {
      const m = /^[-–•+]\s*(.+?)\s*(?:\(([^()]+)\))?\s*[;.]?\s*$/u.exec(text);
      if (m)
        draft.recipients.push({
          name: clean(m[1]!),
          purpose: m[2]?.trim() ?? null,
          source: { from: line.from, to: line.to },
        });
      continue;
    }
    if (/^trên đây/iu.test(text)) continue;
    if (text) {
      inRecipients = false;
      signatureLines.push({ ...line, text });
    }
  }
  // Signature: an upper-case title ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC") and then the signer's name.
  const meaningful = signatureLines.filter((l) => !/^\(?(đã ký|ký tên|ký, ghi rõ|đóng dấu)/iu.test(l.text));
  const titleLine = meaningful.find(
    (l) => l.text === l.text.toUpperCase() && /\p{L}/u.test(l.text) && !AUTHORITY.test(l.text),
  );
  const nameLine = [...meaningful]
    .reverse()
    .find((l) => l !== titleLine && /^(\p{Lu}\p{Ll}*\s){1,5}\p{Lu}\p{Ll}*$/u.test(l.text));
  if (titleLine || nameLine) {
    const source = draft.signer?.source ?? {
      from: (titleLine ?? nameLine)!.from,
      to: (nameLine ?? titleLine)!.to,
    };
    draft.signer = {
      authority: draft.signer?.authority ?? null,
      title: titleLine?.text ?? null,
      name: nameLine?.text ?? null,
      source: {
        from: Math.min(source.from, (titleLine ?? nameLine)!.from),
        to: Math.max(source.to, (nameLine ?? titleLine)!.to),
      },
    };
  }
  if (draft.signer) note('signer', draft.signer.source);
  if (draft.recipients.length)
    note('recipients', { from: draft.recipients[0]!.source.from, to: draft.recipients.at(-1)!.source.to });
}

function checkCompleteness(
  draft: PlanDraft,
  warn: (code: string, message: string, source?: Source | null) => void,
) {
  const missing: [unknown, string][] = [
    [draft.event.name, 'tên hội nghị'],
    [draft.event.time.text, 'thời gian'],
    [draft.event.venue, 'địa điểm'],
  ];
  for (const [value, what] of missing) if (!value) warn('missing', `Không tìm thấy ${what}`);
  if (draft.documentType === 'plan') {
    if (draft.composition.length === 0) warn('missing', 'Không tìm thấy thành phần tham dự');
    if (draft.program.length === 0) warn('missing', 'Không tìm thấy chương trình hội nghị');
  }
  const expected = draft.event.expectedAttendees;
  if (expected && draft.compositionTotal && draft.compositionTotal !== expected) {
    warn(
      'total_mismatch',
      `Các nhóm thành phần cộng lại ${draft.compositionTotal} người, kế hoạch ghi khoảng ${expected} đại biểu`,
      draft.sources.composition ?? null,
    );
  }
}
