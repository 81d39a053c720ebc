import type { Event } from '../../shared/events';
import { formatDate, formatTime } from '../../shared/format';
import type { CompositionGroupInput, PlanContents, ProgramItemInput } from '../../shared/plan-contents';
import {
  agencyLines,
  closingTable,
  documentTitle,
  headerTable,
  issuerPlace,
  officialDocument,
  para,
  placeDateLine,
  run,
} from '../documents/official-docx';

const two = (n: number) => String(n).padStart(2, '0');

/** "(05 người)", "(27 x 03 người = 81 người)": counts the way plans write them. */
function countText(g: CompositionGroupInput): string {
  if (g.count === null) return '';
  if (g.perUnit !== null && g.unitCount !== null)
    return ` (${g.unitCount} x ${two(g.perUnit)} người = ${g.count} người)`;
  return ` (${two(g.count)} người)`;
}

function clockText(time: string): string {
  const [h, m] = time.split(':');
  return `${Number(h)}h${m}`;
}

function programLine(item: ProgramItemInput): string {
  const time = item.start ? `${clockText(item.start)}${item.end ? ` - ${clockText(item.end)}` : ''}: ` : '';
  return `${time}${item.title}`;
}

/** Items of a list end with ";", the last one with "." — the way official documents punctuate lists. */
const endOf = (index: number, list: unknown[]) => (index === list.length - 1 ? '.' : ';');

const depthOf = (items: { children: unknown[] }[]): number =>
  items.length ? 1 + Math.max(...items.map((i) => depthOf(i.children as { children: unknown[] }[]))) : 0;

/** Markers by depth, deepest last: a) for days, - for sessions or items, + for sub-items. */
function markersFor(depth: number): string[] {
  return depth >= 3 ? ['a)', '-', '+'] : depth === 2 ? ['-', '+'] : ['-'];
}

function letter(i: number): string {
  return 'abcdeghiklmnopqrstuvxy'[i] ?? String(i + 1);
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The plan's lines before its first section ("I. MỤC ĐÍCH, YÊU CẦU"), as stored with the event. */
function preambleLines(planText: string | null | undefined): string[] {
  if (!planText) return [];
  const lines = planText.split(/\r?\n/).map(normalise).filter(Boolean);
  const first = lines.findIndex((l) => /^I\.\s/u.test(l));
  return first >= 0 ? lines.slice(0, first) : [];
}

/**
 * What a plan says between its legal bases and its first section: "Trên cơ sở … Công văn số 596/VPĐP-OCOP …,
 * Chủ tịch UBND tỉnh ban hành Kế hoạch …, gồm các nội dung sau:". It is kept as written in the plan's text.
 */
export function introParagraphs(planText: string | null | undefined): string[] {
  return preambleLines(planText).filter((l) =>
    /^(trên cơ sở|xét đề nghị|theo đề nghị|thực hiện)\s/iu.test(l),
  );
}

/** "UBND tỉnh Thanh Hóa" → "UBND tỉnh": how a plan names its own issuer in the closing paragraph. */
function issuerShort(issuer: string | null): string | null {
  const m =
    /^(UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+(tỉnh|thành phố|huyện|thị xã|xã|phường)(?=\s|$)/iu.exec(
      issuer ?? '',
    );
  return m ? `${m[1]} ${m[2]!.toLocaleLowerCase('vi')}` : issuer;
}

/**
 * "Trên đây là Kế hoạch …": the plan's own closing paragraph while it still names the event; otherwise the
 * usual wording with its "tổ chức thực hiện" and the issuer the difficulties are reported to.
 */
export function closingParagraph(
  event: Pick<Event, 'name' | 'leadName' | 'planIssuer' | 'hostName'>,
  planText: string | null | undefined,
): string {
  const stored = (planText ?? '')
    .split(/\r?\n/)
    .map(normalise)
    .find((l) => /^trên đây là\s/iu.test(l));
  if (stored?.includes(normalise(event.name))) return stored;
  const reportTo = issuerShort(event.planIssuer ?? event.hostName);
  return `Trên đây là Kế hoạch tổ chức ${event.name}. Trong quá trình triển khai, tổ chức thực hiện, nếu có khó khăn, vướng mắc các đơn vị kịp thời phản ánh về ${event.leadName ?? 'đơn vị chủ trì'} để tổng hợp, báo cáo${reportTo ? ` ${reportTo}` : ''} xem xét, giải quyết./.`;
}

/**
 * The event as a Kế hoạch (ND 30/2020 layout): header, number and date, title, legal bases, I. purpose, II. content
 * (name, host, lead, partners, time, venue, composition, program, side activities), III. funding, IV. tasks,
 * Nơi nhận and signature. Parsing this document back gives the same composition, program, partners and tasks.
 */
export async function buildPlanDocx(
  event: Event,
  contents: PlanContents & { planText?: string | null },
): Promise<Buffer> {
  const body = [];
  const place = issuerPlace(event.planIssuer);
  const symbol = event.planNumber?.includes('/')
    ? event.planNumber.slice(event.planNumber.indexOf('/') + 1)
    : 'KH';
  const registered = event.planNumber && !event.planNumber.startsWith('/') ? event.planNumber : null;

  body.push(
    headerTable({
      agencyLines: agencyLines(event.planIssuer),
      numberLine: registered ? `Số: ${registered}` : `Số:        /${symbol}`,
      placeDateLine: placeDateLine(place || '……', event.planDate, new Date(event.startsAt).getUTCFullYear()),
    }),
  );
  body.push(...documentTitle('Kế hoạch', `Tổ chức ${event.name}`));
  for (const basis of contents.legalBases) body.push(para([run(`${basis.text};`, { italics: true })]));
  for (const text of introParagraphs(contents.planText)) body.push(para(text));

  let section = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const heading = (title: string) =>
    para([run(`${roman[section++]}. ${title.toLocaleUpperCase('vi')}`, { bold: true })], { indent: {} });
  const line = (text: string, bold = false) => para([run(text, { bold })]);

  if (contents.purpose) {
    body.push(heading('Mục đích, yêu cầu'));
    for (const text of contents.purpose.split('\n')) body.push(line(text));
  }

  body.push(heading('Nội dung kế hoạch'));
  let item = 0;
  const numbered = (label: string, value: string | null) => {
    if (value) body.push(para([run(`${++item}. ${label}: `, { bold: true }), run(value)]));
  };
  numbered('Tên hội nghị', event.name);
  numbered('Cơ quan chủ đạo', event.hostName);
  numbered('Đơn vị chủ trì', event.leadName);
  numbered(
    'Đơn vị phối hợp',
    event.partners.length ? `${event.partners.map((p) => p.name).join('; ')}.` : null,
  );
  numbered(
    'Thời gian',
    event.timeText ??
      `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}`,
  );
  numbered('Địa điểm', [event.venueName, event.venueAddress].filter(Boolean).join(' - ') || null);

  if (contents.composition.length) {
    const n = ++item;
    const expected = event.expectedAttendees
      ? `Dự kiến khoảng ${event.expectedAttendees} đại biểu, gồm:`
      : 'Gồm:';
    body.push(para([run(`${n}. Thành phần tham dự: `, { bold: true }), run(expected)]));
    contents.composition.forEach((group, i) => {
      const children = group.children;
      // Every group heading is bold (7.1 … 7.4), whether or not it lists parts.
      body.push(line(`${n}.${i + 1}. ${group.title}${countText(group)}${children.length ? ':' : '.'}`, true));
      const write = (nodes: CompositionGroupInput[], marker: string) => {
        nodes.forEach((child, i) => {
          body.push(
            line(
              `${marker} ${child.title}${countText(child)}${child.children.length ? ':' : endOf(i, nodes)}`,
            ),
          );
          write(child.children, '+');
        });
      };
      write(children, '-');
    });
  }

  if (contents.program.length) {
    const n = ++item;
    body.push(para([run(`${n}. Chương trình Hội nghị:`, { bold: true })]));
    const markers = markersFor(depthOf(contents.program));
    const write = (items: ProgramItemInput[], depth: number) => {
      items.forEach((p, i) => {
        const marker = markers[Math.min(depth, markers.length - 1)]!;
        const prefix = marker === 'a)' ? `${letter(i)})` : marker;
        body.push(line(`${prefix} ${programLine(p)}${p.children.length ? ':' : endOf(i, items)}`));
        write(p.children, depth + 1);
      });
    };
    write(contents.program, 0);
  }

  for (const activity of contents.sideActivities) {
    const count =
      activity.count !== null
        ? ` (dự kiến ${two(activity.count)} ${activity.countUnit ?? ''})`.replace(/ \)$/, ')')
        : '';
    body.push(
      para([
        run(`${++item}. Các hoạt động bên lề Hội nghị: `, { bold: true }),
        run(`${activity.title}${count}.`),
      ]),
    );
  }

  if (event.fundingSource) {
    body.push(heading('Kinh phí thực hiện'));
    for (const text of event.fundingSource.split('\n')) body.push(line(text));
  }

  if (contents.tasks.length) {
    body.push(heading('Tổ chức thực hiện'));
    contents.tasks.forEach((task, i) => {
      body.push(line(`${i + 1}. ${task.unit}`, true));
      task.duties.forEach((duty, j) => {
        body.push(line(`- ${duty}${endOf(j, task.duties)}`));
      });
    });
  }

  body.push(para(closingParagraph(event, contents.planText)));
  body.push(
    closingTable(contents.recipients, {
      authority: event.planSignerAuthority,
      title: event.planSignerTitle,
      name: event.planSignerName,
    }),
  );
  return officialDocument(body, `Kế hoạch tổ chức ${event.name}`);
}
