import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  HeightRule,
  type IParagraphOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Building blocks of an official document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New
 * Roman, the two-column header (agency | national motto), the document type and subject, and the closing table
 * (Nơi nhận | signature). Sizes are in half-points as docx counts them: 26 = 13 pt, 28 = 14 pt.
 */

const FONT = 'Times New Roman';
const BODY = 28;
/** Word spell-checks a run in the language it carries: without it Vietnamese is checked as English. */
export const LANGUAGE = { value: 'vi-VN' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export function run(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; allCaps?: boolean; break?: number } = {},
): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    font: FONT,
    size: options.size ?? BODY,
    bold: options.bold,
    italics: options.italics,
    language: LANGUAGE,
    ...(options.break ? { break: options.break } : {}),
  });
}

/** A body paragraph: justified, first-line indent, 6 pt after, line spacing 1.15. */
export function para(
  children: ParagraphChild[] | string,
  options: Partial<IParagraphOptions> = {},
): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { after: 120, line: 276 },
    ...options,
  });
}

export function centered(children: ParagraphChild[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.CENTER, ...options });
}

/** Text width of an A4 page with the 30/15 mm side margins. */
const TEXT_WIDTH_MM = 165;
const LEFT_SHARE = 38;

/** A short rule under a header line: the bottom border of an empty paragraph indented to `widthMm`, centred in its cell. */
function rule(widthMm: number, cellMm: number): Paragraph {
  const side = convertMillimetersToTwip(Math.max(0, (cellMm - widthMm) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 120 },
    children: [],
  });
}

/** Two borderless columns side by side: how ND 30/2020 lays out the header and the closing block. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  // Widths in twips, grid and cells alike: Word and LibreOffice then agree on where the columns fall.
  const total = convertMillimetersToTwip(TEXT_WIDTH_MM);
  const widths = [
    Math.round((total * leftPercent) / 100),
    total - Math.round((total * leftPercent) / 100),
  ] as const;
  const cell = (children: Paragraph[], size: number) =>
    new TableCell({ width: { size, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

export interface OfficialHeader {
  /** Lines of the issuing agency, upper case: ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"]; the last is bold. */
  agencyLines: string[];
  /** "Số: 12/KH-UBND" or "Số:      /KH-UBND" when not yet registered. */
  numberLine: string;
  /** "Thanh Hóa, ngày 05 tháng 02 năm 2020". */
  placeDateLine: string;
}

export function headerTable(header: OfficialHeader): Table {
  const left = [
    ...header.agencyLines.map((line, i) =>
      centered([
        run(line.toLocaleUpperCase('vi'), {
          bold: i === header.agencyLines.length - 1 || header.agencyLines.length === 1,
          size: 26,
        }),
      ]),
    ),
    rule(25, (TEXT_WIDTH_MM * LEFT_SHARE) / 100),
    centered([run(header.numberLine, { size: 26 })]),
  ];
  const right = [
    centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
    centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })]),
    rule(68, (TEXT_WIDTH_MM * (100 - LEFT_SHARE)) / 100),
    centered([run(header.placeDateLine, { italics: true, size: 28 })]),
  ];
  return twoColumns(left, right, LEFT_SHARE);
}

/** "KẾ HOẠCH" and the subject line under it. */
export function documentTitle(type: string, subject: string): Paragraph[] {
  return [
    centered([run(type.toLocaleUpperCase('vi'), { bold: true })], { spacing: { before: 360, after: 0 } }),
    centered([run(subject, { bold: true })], { spacing: { after: 240 } }),
  ];
}

export interface Signature {
  authority: string | null;
  title: string | null;
  name: string | null;
}

/** Nơi nhận on the left (12 pt bold italic, then 11 pt lines), the signature block on the right. */
export function closingTable(
  recipients: { name: string; purpose: string | null }[],
  signature: Signature,
): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...recipients.map(
      (r, i) =>
        new Paragraph({
          children: [
            run(
              `- ${r.name}${r.purpose ? ` (${r.purpose})` : ''}${i === recipients.length - 1 ? '.' : ';'}`,
              { size: 22 },
            ),
          ],
        }),
    ),
  ];
  const right = [
    ...(signature.authority
      ? [centered([run(signature.authority.toLocaleUpperCase('vi'), { bold: true })])]
      : []),
    ...(signature.title ? [centered([run(signature.title.toLocaleUpperCase('vi'), { bold: true })])] : []),
    // Room for the handwritten or digital signature and the seal.
    ...[1, 2, 3, 4].map(() => centered([])),
    ...(signature.name ? [centered([run(signature.name, { bold: true })])] : []),
  ];
  return twoColumns(left, right, 50);
}

export type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export interface ListColumn {
  label: string;
  share: number;
  /** Numbers are right-aligned, STT centred; text left (the default, STT aside). */
  align?: Align;
}

export interface ListSection {
  title: string | null;
  rows: string[][];
  /** A bold closing row: "Cộng" and the sums, under the rows. */
  total?: string[];
}

/**
 * A bordered list table (danh sách): a bold header row repeated on every page, then for each part a bold title
 * row spanning the table, its rows (never split over a page) and its total row. Widths are shares of the text
 * width: 165 mm on A4 portrait, 252 mm on landscape (`widthMm`).
 */
export function listTable(
  columns: ListColumn[],
  sections: ListSection[],
  options: { widthMm?: number; size?: number; rowHeightMm?: number } = {},
): Table {
  const total = convertMillimetersToTwip(options.widthMm ?? TEXT_WIDTH_MM);
  const size = options.size ?? 26;
  const shareSum = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.round((total * c.share) / shareSum));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const alignOf = (i: number): Align => columns[i]?.align ?? (i === 0 ? 'center' : 'left');
  const cell = (text: string, i: number, options: { bold?: boolean; align?: Align } = {}) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: ALIGN[options.align ?? alignOf(i)],
          // A line break in a cell's text starts a new line (a name under its unit).
          children: text
            .split('\n')
            .map((line, k) => run(line, { bold: options.bold, size, ...(k > 0 ? { break: 1 } : {}) })),
        }),
      ],
    });
  const height = options.rowHeightMm
    ? { value: convertMillimetersToTwip(options.rowHeightMm), rule: HeightRule.ATLEAST }
    : undefined;
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) => cell(c.label, i, { bold: true, align: 'center' })),
    }),
  ];
  for (const section of sections) {
    if (section.title) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: columns.length,
              borders,
              children: [new Paragraph({ children: [run(section.title, { bold: true, size })] })],
            }),
          ],
        }),
      );
    }
    for (const values of section.rows) {
      rows.push(new TableRow({ cantSplit: true, height, children: values.map((v, i) => cell(v, i)) }));
    }
    if (section.total) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: section.total.map((v, i) =>
            cell(v, i, { bold: true, align: i === 0 ? 'center' : alignOf(i) }),
          ),
        }),
      );
    }
  }
  return new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, rows });
}

/** Text width of an A4 landscape page with the same margins (297 − 30 − 15 mm). */
export const LANDSCAPE_TEXT_WIDTH_MM = 252;

/** The styles docx writes into every document: each names its language too, not only the defaults. */
const STYLE_KEYS = [
  'title',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'heading5',
  'heading6',
  'strong',
  'listParagraph',
  'hyperlink',
  'footnoteReference',
  'footnoteText',
  'footnoteTextChar',
  'endnoteReference',
  'endnoteText',
  'endnoteTextChar',
] as const;

/**
 * A4 portrait (or landscape for wide lists), margins 20/15/20/30 mm, page numbers centred at the top from page 2.
 * Every run, style and the document defaults carry vi-VN.
 */
export async function officialDocument(
  children: (Paragraph | Table)[],
  title: string,
  options: { landscape?: boolean } = {},
): Promise<Buffer> {
  const [width, height] = options.landscape ? [297, 210] : [210, 297];
  const document = new Document({
    creator: 'hoinghi',
    title,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY, language: LANGUAGE } },
        ...Object.fromEntries(STYLE_KEYS.map((key) => [key, { run: { language: LANGUAGE } }])),
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: convertMillimetersToTwip(width),
              height: convertMillimetersToTwip(height),
              orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              centered([
                new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26, language: LANGUAGE }),
              ]),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** "UBND tỉnh Thanh Hóa" → ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"]; other agencies on one line. */
export function agencyLines(issuer: string | null): string[] {
  if (!issuer) return [''];
  const m = /^(UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+(.+)$/iu.exec(issuer);
  if (m) return [/^(UBND|Ủy ban nhân dân)$/iu.test(m[1]!) ? 'ỦY BAN NHÂN DÂN' : 'HỘI ĐỒNG NHÂN DÂN', m[2]!];
  return [issuer];
}

/** The place an issuer writes its date line from: "UBND tỉnh Thanh Hóa" → "Thanh Hóa"; "" when none. */
export function issuerPlace(issuer: string | null): string {
  return /(?:tỉnh|thành phố|huyện|thị xã)\s+(.+)$/iu.exec(issuer ?? '')?.[1] ?? '';
}

/** "ngày 05 tháng 02 năm 2020": a leading zero for days below 10 and for months 1 and 2 (ND 30/2020). */
export function placeDateLine(place: string, isoDate: string | null, fallbackYear: number): string {
  if (!isoDate) return `${place}, ngày      tháng      năm ${fallbackYear}`;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}
