import type { PlanDraft, Source } from '../../../shared/plan';
import { closingStart, readClosing, readSignature } from './closing';
import { AUTHORITY_START, readHeader, readIssuerFromText } from './header';
import { type Line, toLines } from './lines';
import { buildOutline, fullText, markerOf, type OutlineNode, spanOf } from './outline';
import { findCitations, isoDate, splitAgencies } from './patterns';
import {
  afterLabel,
  capitalise,
  clean,
  collectProgram,
  type Note,
  outlineText,
  readAddressees,
  readComposition,
  readProgram,
  readSideActivities,
  readTask,
  type Warn,
} from './readers';
import { classify } from './sections';
import { findDateMentions, readWhen } from './when';

export interface ParseOptions {
  /** Unit names from the catalogue: they keep names with commas whole when splitting lists of agencies. */
  knownUnitNames?: string[];
}

const WEEKDAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];
const BASIS = /^(căn cứ|thực hiện|xét đề nghị|theo đề nghị)(?!\p{L})/iu;

/** An empty draft: every field absent until a reader finds it. */
function emptyDraft(): PlanDraft {
  return {
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
}

/**
 * Reads a Vietnamese administrative document about a meeting (Kế hoạch, Giấy mời, Thông báo, Công văn, Công điện,
 * Giấy triệu tập, Chương trình) into an event draft, in four stages: normalise (normalise.ts, lines.ts) → outline
 * (outline.ts) → sections classified by their heading words (sections.ts) → field readers (header.ts, when.ts,
 * readers.ts, closing.ts). Pure: no network, no model. What it cannot find stays null and is listed in `warnings`;
 * what it read with doubt is kept and flagged (`low_confidence`), never silently guessed.
 */
export function parsePlan(input: string, options: ParseOptions = {}): PlanDraft {
  let allLines = toLines(input);
  const draft = emptyDraft();
  const warn: Warn = (code, message, source = null) => draft.warnings.push({ code, message, source });
  const note: Note = (path, source) => {
    draft.sources[path] ??= source;
  };

  // A web copy may print the signature block first ("TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG … - <name>").
  const signatureFirst = allLines.slice(0, 2).filter((l) => AUTHORITY_START.test(l.text));
  if (signatureFirst.length) allLines = allLines.filter((l) => !signatureFirst.includes(l));
  const closingAt = closingStart(allLines);
  const bodyLines = closingAt >= 0 ? allLines.slice(0, closingAt) : allLines;
  const closing = closingAt >= 0 ? allLines.slice(closingAt) : [];
  const { preamble, nodes } = buildOutline(bodyLines);

  readHeader(preamble, draft, note, warn);
  readIssuerFromText(preamble, draft, note, warn);
  readLegalBases(preamble, bodyLines, draft, warn);

  let timeSections = 0;
  const visit = (node: OutlineNode) => {
    const kind = classify(node);
    // A field's value ends with its sentence: "- Địa điểm: … ." followed by "Rất mong …" is not a longer venue.
    const own = /\.\/?$/.test(node.heading) && /\p{L}/u.test(afterLabel(node.heading));
    const text = own ? node.heading : fullText(node);
    const span = own ? { from: node.line.from, to: node.line.to } : spanOf(node);
    const rest = afterLabel(text);
    const e = draft.event;
    if (kind === 'name' && !e.name) {
      e.name = clean(rest);
      note('event.name', span);
    } else if (kind === 'host' && !e.host) {
      e.host = clean(rest);
      note('event.host', span);
    } else if (kind === 'lead' && !e.lead) {
      e.lead = clean(rest);
      note('event.lead', span);
    } else if (kind === 'chair' && !e.chair) {
      e.chair = clean(rest);
      note('event.chair', span);
    } else if (kind === 'partners' && e.partners.length === 0) {
      const listed = [rest, ...node.children.map(fullText)].filter(Boolean).join('; ');
      e.partners = splitAgencies(listed, options.knownUnitNames).map((name) => ({
        name: capitalise(name),
        source: span,
      }));
      note('event.partners', span);
    } else if (kind === 'time') {
      timeSections += 1;
      if (!e.time.text) {
        // "Thời gian: 8h00 ngày 15/3/2024; Địa điểm: …" on one line: the venue is read by itself later.
        readTime(clean(rest.replace(/[;,.]\s*địa điểm\s*:.*$/iu, '')), span, draft, warn);
        note('event.time', span);
      } else if (timeSections === 2) {
        warn('several_meetings', 'Văn bản nêu nhiều cuộc họp: bản nháp lấy cuộc họp đầu tiên', span);
      }
    } else if (kind === 'venue' && !e.venue) {
      e.venue = venueOf(rest);
      note('event.venue', span);
    } else if (kind === 'composition' && draft.composition.length === 0) {
      readComposition(node, draft, warn);
      note('composition', span);
    } else if (kind === 'program' && draft.program.length === 0) {
      draft.program = readProgram(node);
      note('program', span);
    } else if (kind === 'side' && draft.sideActivities.length === 0) {
      readSideActivities(node, draft);
      note('sideActivities', span);
    } else if (kind === 'funding' && !draft.funding) {
      // "III. KINH PHÍ THỰC HIỆN" is only a heading; "Kinh phí: …" carries text after its colon.
      const own = node.heading.includes(':') ? afterLabel(node.heading) : '';
      const parts = [own, ...node.body.map((l) => l.text), ...node.children.map(fullText)];
      const fundingText = parts
        .map((p) => p.trim())
        .filter(Boolean)
        .join('\n');
      draft.funding = { text: fundingText, citations: findCitations(fundingText), source: span };
      note('funding', span);
    } else if (kind === 'tasks' && draft.tasks.length === 0) {
      draft.tasks = node.children.map(readTask);
      note('tasks', span);
    } else if (kind === 'purpose' && !draft.purpose) {
      draft.purpose = { text: outlineText(node), source: span };
      note('purpose', span);
    } else if (kind === 'addressees') {
      readAddressees(node, draft);
    } else if (kind === 'container' && /\d/.test(rest) && !node.children.length) {
      // "Thời gian và địa điểm: 14h00 ngày 10/01/2024, tại Hội trường …" on one line.
      if (!e.time.text) {
        readTime(clean(rest.replace(/,?\s*tại\s.*$/iu, '')), span, draft, warn);
        note('event.time', span);
      }
      const at = /\btại\s+(.+)$/iu.exec(rest);
      if (at && !e.venue) {
        e.venue = venueOf(at[1]!);
        note('event.venue', span);
      }
    } else if (!kind || kind === 'container') {
      node.children.forEach(visit);
    }
  };
  nodes.forEach(visit);

  if (!draft.event.name) readNameFromText(bodyLines, draft, note);
  readInlineFields(bodyLines, draft, note, warn);
  if (!draft.event.time.text) readTimeFromSentences(bodyLines, draft, note, warn);
  if (draft.program.length === 0) readBareProgram(bodyLines, draft, note);
  if (!draft.event.time.start) readTimeFromProgram(draft, warn);
  readClosing(closing, draft, note);
  if (signatureFirst.length && !draft.signer?.name) {
    readSignature(signatureFirst, draft);
    if (draft.signer) draft.sources.signer = draft.signer.source;
  }
  if (!draft.header.title && draft.event.name) {
    draft.header.title = draft.event.name;
    if (draft.sources['event.name']) note('header.title', draft.sources['event.name']);
  }
  checkCompleteness(draft, warn);
  return draft;
}

function readLegalBases(preamble: Line[], body: Line[], draft: PlanDraft, warn: Warn) {
  const inPreamble = new Set(preamble);
  for (const line of body) {
    if (!BASIS.test(line.text)) continue;
    const citations = findCitations(line.text);
    // "Căn cứ …" in the opening is a basis; elsewhere, and for "Thực hiện …", only when it cites a document.
    const cites = citations.length > 0 || /\bsố\s*\d/iu.test(line.text);
    if (!cites && !(inPreamble.has(line) && /^căn cứ/iu.test(line.text))) continue;
    if (!inPreamble.has(line) && markerOf(line.text)) continue;
    draft.legalBases.push({
      text: line.text.replace(/[;.,]$/, ''),
      citations,
      source: { from: line.from, to: line.to },
    });
    for (const m of line.text.matchAll(/ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu)) {
      if (!isoDate(m[1]!, m[2]!, m[3]!))
        warn('invalid_date', `Ngày "${m[0]}" không tồn tại; kiểm tra lại văn bản`, line);
    }
  }
}

/** "Tại Hội trường …", "không thay đổi, tại Hội trường 25B …" → "Hội trường …". */
function venueOf(text: string): string {
  let venue = clean(text);
  const lead = /^(?:[\p{L} ]{0,30},\s*)?tại\s+/iu.exec(venue);
  if (lead) venue = venue.slice(lead[0].length);
  if (venue.endsWith(')') && !venue.includes('(')) venue = venue.slice(0, -1);
  return venue.trim();
}

function readTime(text: string, source: Source, draft: PlanDraft, warn: Warn) {
  const time = draft.event.time;
  time.text = text;
  // A number starts only where digits start (lookbehind), so a long run of digits is not retried from each digit.
  time.durationText = /((?:(?<!\d)\d+\/\d+|½|(?<!\d)\d+|một|hai|ba|nửa)\s*ngày)/iu.exec(text)?.[1] ?? null;
  const when = readWhen(text);
  for (const bad of when.invalid) warn('invalid_date', `Ngày "${bad}" không tồn tại; kiểm tra lại`, source);
  if (!when.start) {
    warn('time_without_day', `Thời gian chưa có ngày cụ thể: "${text.slice(0, 200)}"`, source);
    return;
  }
  time.start = when.start;
  time.end = when.end;
  for (const doubt of when.doubts) warn('low_confidence', `Thời gian: ${doubt}; hãy kiểm tra`, source);
  const first = when.start.slice(0, 10);
  const weekday = /\b(thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật)(?!\p{L})/iu.exec(text);
  if (weekday && !when.doubts.length) {
    const actual = WEEKDAYS[new Date(`${first}T00:00:00Z`).getUTCDay()]!;
    if (weekday[1]!.toLocaleLowerCase('vi') !== actual) {
      warn(
        'weekday_mismatch',
        `Văn bản ghi "${weekday[1]}" nhưng ngày ${first.split('-').reverse().join('/')} là ${actual}`,
        source,
      );
    }
  }
}

const EVENT_WORDS =
  '(?:Hội nghị|Hội thảo|Lễ|Diễn đàn|Tọa đàm|Toạ đàm|Cuộc họp|Kỳ họp|Phiên họp|Ngày hội|Họp|Buổi làm việc|Lớp tập huấn)';
const NAME_IN_TEXT = new RegExp(
  `(?:tham dự|dự|tổ chức|triệu tập)\\s*:?\\s+(${EVENT_WORDS}(?!\\p{L}).*?)(?:\\.\\s|\\.$|;|,\\s*(?:cụ thể|như sau|vào|lúc|tại)\\b|\\s+(?:như sau|cụ thể như sau|vào lúc|lúc|vào)\\b|\\s+-\\s+Thời gian|$)`,
  'iu',
);

/** Invitations name the event in a sentence: "… trân trọng kính mời … dự Hội nghị tổng kết …". */
function readNameFromText(lines: Line[], draft: PlanDraft, note: Note) {
  for (const line of lines) {
    const m = NAME_IN_TEXT.exec(line.text.slice(0, 1000));
    if (m) {
      draft.event.name = clean(m[1]!);
      note('event.name', line);
      return;
    }
  }
  const title = draft.header.title;
  if (title) {
    const m = new RegExp(`(${EVENT_WORDS}(?!\\p{L}).*)$`, 'u').exec(title);
    draft.event.name = clean(m ? m[1]! : title);
    if (draft.sources['header.title']) note('event.name', draft.sources['header.title']);
  }
}

/** Letters say it in a sentence: "…; thời gian dự kiến cuối tháng 11 năm 2020; địa điểm tại Hội trường 25B, …". */
function readInlineFields(lines: Line[], draft: PlanDraft, note: Note, warn: Warn) {
  for (const line of lines) {
    const source = { from: line.from, to: line.to };
    const text = line.text.slice(0, 2000);
    if (!draft.event.time.text) {
      const m =
        /(?:^|[;,.(]\s*)thời gian\s*(?:dự kiến|tổ chức)?\s*:?\s*(?:vào\s+)?([^;]+?)(?=;|\.\s|\)|\.?$)/iu.exec(
          text,
        );
      if (m) {
        readTime(clean(m[1]!), source, draft, warn);
        note('event.time', source);
      }
    }
    if (!draft.event.venue) {
      const m = /(?:^|[;,.(]\s*)địa điểm\s*(?:tổ chức)?\s*:?\s*(?:tại\s+)?([^;]+?)(?=;|\.\s|\)$|\.?$)/iu.exec(
        text,
      );
      if (m) {
        draft.event.venue = venueOf(m[1]!);
        note('event.venue', source);
      }
    }
  }
}

const MOVED =
  /(sang ngày|chuyển sang|chuyển đến|lùi (?:sang|đến|lại)|dời (?:sang|đến)|hoãn (?:sang|đến)|điều chỉnh sang)/iu;
const MEETING = /(hội nghị|hội thảo|cuộc họp|kỳ họp|họp|tọa đàm|toạ đàm|lễ|diễn đàn|tổ chức|triệu tập)/iu;

/**
 * Notices and dispatches say the day in a sentence ("… triệu tập cuộc họp trực tuyến vào lúc 16 giờ 00 ngày
 * 25/9/2024 tại …"). A sentence that moves the meeting wins over the one with the old day.
 */
function readTimeFromSentences(lines: Line[], draft: PlanDraft, note: Note, warn: Warn) {
  const candidates = lines.filter((line) => {
    const text = line.text.slice(0, 1000);
    if (
      BASIS.test(text) ||
      /^trên cơ sở/iu.test(text) ||
      /^[\p{L} .]{2,40},\s*ngày\s/u.test(text) ||
      !MEETING.test(text)
    )
      return false;
    // Days that only date a cited document ("Kế hoạch số 201/KH-SNN ngày 20/10/2020") or a deadline do not count.
    return findDateMentions(text).some((d) => {
      const before = text.slice(Math.max(0, d.index - 30), d.index);
      return !/(số\s+\S+\/\S+\s*(ngày\s*)?|trước\s*(ngày\s*)?|^)$/iu.test(before) || MOVED.test(text);
    });
  });
  const line = candidates.find((l) => MOVED.test(l.text)) ?? candidates[0];
  if (!line) return;
  const source = { from: line.from, to: line.to };
  const text = line.text.slice(0, 1000);
  const before = draft.event.time.text;
  readTime(clean(text), source, draft, warn);
  draft.event.time.text = before ?? clean(text);
  draft.sources['event.time'] = source;
  warn(
    'low_confidence',
    'Thời gian đọc từ một câu trong văn bản (không có mục "Thời gian"); hãy kiểm tra',
    source,
  );
  if (!draft.event.venue) {
    const m = /\btại\s+(.+?)(?=,\s*(?:kết nối|với|để)\b|;|\.\s|\.?$)/iu.exec(text.slice(text.search(/\d/)));
    if (m) {
      draft.event.venue = clean(m[1]!);
      note('event.venue', source);
      warn('low_confidence', 'Địa điểm đọc từ một câu trong văn bản; hãy kiểm tra', source);
    }
  }
}

/** A bare "Chương trình" or a table of times: the program is every time-led line of the body. */
function readBareProgram(lines: Line[], draft: PlanDraft, note: Note) {
  const program = collectProgram(lines);
  const timed = (items: typeof program): number =>
    items.reduce((n, i) => n + (i.start ? 1 : 0) + timed(i.children), 0);
  if (timed(program) < 2) return;
  draft.program = program;
  note('program', { from: program[0]!.source.from, to: program.at(-1)!.source.to });
}

/** A program with dated days and no "Thời gian": the meeting runs from the first day's first slot to the last day. */
function readTimeFromProgram(draft: PlanDraft, warn: Warn) {
  const days = draft.program
    .map((item) => ({ item, day: findDateMentions(item.session ?? item.title)[0]?.start ?? null }))
    .filter((d) => d.day);
  if (!days.length) return;
  const first = days[0]!;
  const firstSlot = (items: typeof draft.program): string | null => {
    for (const i of items) {
      if (i.start) return i.start;
      const inner = firstSlot(i.children);
      if (inner) return inner;
    }
    return null;
  };
  const slot = firstSlot(first.item.children);
  draft.event.time.start = slot ? `${first.day}T${slot}:00+07:00` : first.day;
  const last = days.at(-1)!.day;
  draft.event.time.end = last !== first.day ? last : null;
  draft.event.time.text ??= days.map((d) => d.item.session ?? d.item.title).join('; ');
  draft.sources['event.time'] = first.item.source;
  warn('low_confidence', 'Thời gian suy ra từ các ngày của chương trình; hãy kiểm tra', first.item.source);
}

function checkCompleteness(draft: PlanDraft, warn: Warn) {
  const e = draft.event;
  const aboutMeeting = !!(e.time.text || e.venue || draft.composition.length || draft.program.length);
  if (!aboutMeeting && (draft.header.issuer || draft.header.title || draft.signer)) {
    warn(
      'not_a_meeting',
      'Văn bản có vẻ không nói về một hội nghị, cuộc họp: chỉ đọc được phần đầu, căn cứ và người ký; hãy kiểm tra',
    );
  }
  const missing: [unknown, string][] = [
    [e.name, 'tên hội nghị'],
    [e.time.text, 'thời gian'],
    [e.venue, 'địa điểm'],
  ];
  for (const [value, what] of missing) if (!value) warn('missing', `Không tìm thấy ${what}`);
  if (draft.documentType === 'plan') {
    if (draft.composition.length === 0) warn('missing', 'Không tìm thấy thành phần tham dự');
    if (draft.program.length === 0) warn('missing', 'Không tìm thấy chương trình hội nghị');
  }
  const expected = e.expectedAttendees;
  if (expected && draft.compositionTotal && draft.compositionTotal !== expected) {
    warn(
      'total_mismatch',
      `Các nhóm thành phần cộng lại ${draft.compositionTotal} người, kế hoạch ghi khoảng ${expected} đại biểu`,
      draft.sources.composition ?? null,
    );
  }
}
