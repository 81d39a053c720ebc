import type { DocumentType, PlanDraft } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';
import type { Line } from './lines';
import { foldTones } from './normalise';
import { headerCase, isoDate } from './patterns';
import type { Note, Warn } from './readers';

/** The document's kind, by the word printed as its type line (folded, so "THÔNG BÁO" and "Thông báo" are one). */
export const DOCUMENT_TYPES: [string, DocumentType][] = [
  ['ke hoach', 'plan'],
  ['giay moi', 'invitation'],
  ['thu moi', 'invitation'],
  ['giay moi hop', 'invitation'],
  ['thong bao', 'notice'],
  ['bao cao', 'report'],
  ['quyet dinh', 'decision'],
  ['cong van', 'official_letter'],
  ['chuong trinh', 'program'],
  ['cong dien', 'dispatch'],
  ['giay trieu tap', 'summons'],
  ['trieu tap', 'summons'],
];

export const documentTypeOf = (text: string): DocumentType | null =>
  DOCUMENT_TYPES.find(([word]) => foldVietnamese(text) === word)?.[1] ?? null;

/** The national motto, the Party's and the Youth Union's: printed on the right of the header, never the issuer. */
const MOTTO =
  /^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM|ĐOÀN TNCS HỒ CHÍ MINH|ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH)$/iu;
export const AUTHORITY_START = /^(KT|TM|TL|TUQ|K\/T|T\/M|T\/L|Q)(?:\.\s*|\s+)\p{Lu}/u;
const NUMBER = /(?:^|\s)Số\s*:?\s*([\d.]*)\s*([-/])\s*([\p{Lu}Đ\d][\p{L}\d&.\-/]*\p{L}[\p{L}\d&.\-/]*)/u;
const DATED = /(?:^|\s)([\p{L}][\p{L} .]*?),?\s*ngày\s+([\d.…]*)\s*tháng\s+([\d.…]*)\s*năm\s+(\d{4})/iu;
const PLACE_WORD = /^(TỈNH|HUYỆN|QUẬN|THÀNH PHỐ|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|TP\.)\s(?!(ỦY|UỶ|ĐOÀN|ĐỘI)(\s|$))/u;
const ENDS_WITH_PLACE_WORD = /\s(TỈNH|HUYỆN|QUẬN|THÀNH PHỐ|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)$/u;
const ONE_NAME = /^(ỦY|UỶ) BAN NHÂN DÂN$|^HỘI ĐỒNG NHÂN DÂN$|^UBND$|^HĐND$/u;
/** "UBND HUYỆN THỌ XUÂN PHÒNG NÔNG NGHIỆP": an agency and its parent on one line, split where the agency starts. */
const RUN_IN_AGENCY =
  /^(.*?\b(?:TỈNH|HUYỆN|QUẬN|THÀNH PHỐ|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+\S+(?:\s+\S+){0,2}?)\s+((?:SỞ|PHÒNG|BAN|VĂN PHÒNG|TRUNG TÂM|CHI CỤC|TRƯỜNG|CÔNG AN|ĐẢNG ỦY|HỘI ĐỒNG)\s.*)$/u;
const OPENING =
  /^(căn cứ|kính gửi|kính mời|trên cơ sở|thực hiện|xét đề nghị|theo đề nghị|thời gian|địa điểm)/iu;
const SENTENCE = /\s(trân trọng|kính mời|tổ chức|thông báo|triệu tập|ban hành)\s.*[.:]$/iu;

const SIGNER_TITLE = /^(CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG BAN|QUYẾT ĐỊNH|ĐIỀU \d)/u;
const isCaps = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

const shorten = (s: string) =>
  headerCase(s)
    .replace(/^(Ủy|Uỷ) ban nhân dân/iu, 'UBND')
    .replace(/^Hội đồng nhân dân/iu, 'HĐND');

/** Field readers for the header: kind, number and symbol, issuer and its parent, place and date, title. */
export function readHeader(preamble: Line[], draft: PlanDraft, note: Note, warn: Warn) {
  const issuerLines: Line[] = [];
  let typeIndex = -1;
  for (const [i, line] of preamble.entries()) {
    let text = line.text.trim();
    const matchText = foldTones(text);
    if (MOTTO.test(matchText) || AUTHORITY_START.test(text)) continue;
    const number = !draft.header.symbol ? NUMBER.exec(text) : null;
    if (number) {
      draft.header.symbol = number[3]!.replace(/[.,;]+$/, '');
      draft.header.number = number[1] ? `${number[1]}${number[2]}${draft.header.symbol}` : null;
      note('header.number', line);
      if (!number[1]) warn('number_blank', 'Số văn bản còn để trống (chưa vào sổ)', line);
      text = text.replace(number[0], ' ').trim();
    }
    const dated = !draft.header.dateText ? DATED.exec(text) : null;
    if (dated && (dated.index < 3 || number)) {
      draft.header.place = dated[1]!.trim();
      draft.header.dateText = dated[0].trim();
      const [day, month] = [dated[2]!, dated[3]!];
      draft.header.date = /^\d+$/.test(day) && /^\d+$/.test(month) ? isoDate(day, month, dated[4]!) : null;
      note('header.date', line);
      if (!draft.header.date)
        warn('date_blank', `Ngày ban hành chưa có ngày, tháng cụ thể: "${dated[0].trim()}"`, line);
      continue;
    }
    if (number && !text) continue;
    const type = documentTypeOf(text);
    if (type && typeIndex < 0) {
      draft.documentType = type;
      typeIndex = i;
      note('documentType', line);
      continue;
    }
    if (/^v\/v\b/i.test(text) && !draft.header.title) {
      draft.header.title = text.replace(/^v\/v\s*:?\s*/i, '').trim();
      if (draft.documentType === 'unknown') draft.documentType = 'official_letter';
      note('header.title', line);
      continue;
    }
    if (typeIndex < 0 && !number && isCaps(text) && text.length < 160) issuerLines.push({ ...line, text });
  }

  // The title is the line after the document type, unless the text goes straight on.
  const titleLine = typeIndex >= 0 ? preamble[typeIndex + 1] : undefined;
  if (titleLine && !draft.header.title && !OPENING.test(titleLine.text) && !SENTENCE.test(titleLine.text)) {
    // A title printed in capitals over several lines: the capital lines that follow are its rest.
    const parts = [titleLine];
    if (isCaps(titleLine.text)) {
      for (const next of preamble.slice(typeIndex + 2)) {
        if (!isCaps(next.text) || SIGNER_TITLE.test(next.text) || documentTypeOf(next.text)) break;
        parts.push(next);
      }
    }
    draft.header.title = parts
      .map((l) => l.text)
      .join(' ')
      .replace(/^(về việc|v\/v)\s*:?\s*/iu, '')
      .trim();
    note('header.title', { from: titleLine.from, to: parts[parts.length - 1]!.to });
  }
  readIssuer(issuerLines, draft, note);
}

function readIssuer(lines: Line[], draft: PlanDraft, note: Note) {
  const names: string[] = [];
  for (const line of lines) {
    const text = foldTones(line.text).replace(/[*]+/g, '').trim();
    if (!text) continue;
    const runIn = RUN_IN_AGENCY.exec(text);
    const pieces = runIn ? [runIn[1]!, runIn[2]!] : [text];
    for (const piece of pieces) {
      const last = names[names.length - 1];
      // "ỦY BAN NHÂN DÂN" + "TỈNH THANH HÓA", "UBND QUẬN" + "HOÀN KIẾM": one name over two lines.
      if (
        last !== undefined &&
        (PLACE_WORD.test(piece) || ENDS_WITH_PLACE_WORD.test(last) || ONE_NAME.test(last))
      )
        names[names.length - 1] = `${last} ${piece}`;
      else names.push(piece);
    }
  }
  if (!names.length) return;
  // Values keep the document's tone placement: map the folded name back onto the lines as written.
  const written = (name: string) => {
    const joined = lines.map((l) => l.text.replace(/[*]+/g, '').trim()).join(' ');
    const at = foldTones(joined).indexOf(name);
    return at >= 0 ? joined.slice(at, at + name.length) : name;
  };
  draft.header.issuer = shorten(written(names[names.length - 1]!));
  draft.header.parentIssuer = names.length > 1 ? shorten(written(names[0]!)) : null;
  note('header.issuer', { from: lines[0]!.from, to: lines[lines.length - 1]!.to });
}

const SUBJECT =
  /^((?:Ban|Bộ|Sở|Ủy ban|Uỷ ban|UBND|HĐND|Văn phòng|Trường|Hội đồng|Thường trực|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Đảng ủy|Phòng|Trung tâm|Hội|Đoàn|Tỉnh đoàn|Thành đoàn|Cục|Vụ|Viện)\s[\p{L}\d\s,&-]{2,90}?)\s+(?:trân trọng\s+)?(thông báo|kính mời|tổ chức|triệu tập)\b/u;

/** A body without its header: the issuer is the subject of the first sentence ("Ban Bí thư … thông báo …"). */
export function readIssuerFromText(lines: Line[], draft: PlanDraft, note: Note, warn: Warn) {
  if (draft.header.issuer) return;
  for (const line of lines.slice(0, 6)) {
    const m = SUBJECT.exec(line.text);
    if (!m) continue;
    draft.header.issuer = m[1]!.trim();
    note('header.issuer', line);
    if (draft.documentType === 'unknown' && /thông báo/iu.test(m[2]!)) draft.documentType = 'notice';
    warn('low_confidence', `Văn bản không có phần đầu: cơ quan ban hành đọc từ câu đầu ("${m[1]}")`, line);
    return;
  }
}
