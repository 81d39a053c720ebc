import { AlignmentType, convertMillimetersToTwip, Paragraph } from 'docx';
import { formatDate, formatTime } from '../../shared/format';
import type { McScript, McSection, ProgramItem } from '../../shared/program';
import { foldVietnamese } from '../../shared/text';
import { centered, officialDocument, run } from '../documents/official-docx';

/**
 * The MC script (kịch bản dẫn chương trình), built from plain inputs so it can be read and tested without a
 * database: the program, the people in protocol order with whether they are in the hall, the presidium, the award
 * batches, the accepted papers and the signing rounds. mc-sources.ts loads these.
 */

export type McLevel =
  | 'central'
  | 'province'
  | 'department'
  | 'district'
  | 'commune'
  | 'enterprise'
  | 'media'
  | 'other';

export interface McPerson {
  id: string;
  fullName: string;
  /** The post with its body, as read out: "Phó Chủ tịch UBND tỉnh Thanh Hóa". */
  title: string;
  /** "đồng chí" for officials, "ông"/"bà" for business people. */
  address: string;
  level: McLevel;
  /** Effective protocol rank (lower first); people come in protocol order already. */
  rank: number;
  status: string;
  present: boolean;
  /** Set on a substitute: the person they stand in for. */
  substituteFor: { id: string; fullName: string; title: string } | null;
}

export interface McAwardBatch {
  number: number;
  title: string | null;
  presenterId: string | null;
  recipients: {
    producerName: string;
    delegateId: string | null;
    present: boolean;
    standInName: string | null;
  }[];
}

/** One party of a signing pair, as the agreements feature gives it (filled at merge; see mc-sources.ts). */
export interface McSigningParty {
  unitName: string;
  role: 'seller' | 'buyer';
  signatory: {
    name: string;
    position: string | null;
    present: boolean | null;
    standIn: { name: string; position: string | null } | null;
  } | null;
}

export interface McSigningRound {
  round: number;
  pairs: { agreementId: string; title: string; parties: McSigningParty[] }[];
}

export interface McScriptInput {
  event: {
    name: string;
    startsAt: string;
    endsAt: string;
    venueName: string | null;
    planNumber: string | null;
    planDate: string | null;
    planIssuer: string | null;
    hostName: string | null;
  };
  checkinBegun: boolean;
  generatedAt: string;
  items: ProgramItem[];
  people: McPerson[];
  /** The presidium in seating order, chairs first. */
  presidium: { delegateId: string; role: 'chair' | 'member' }[];
  awards: McAwardBatch[];
  papers: { title: string; unitName: string; programItemId: string | null }[];
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

// ── Titles ──────────────────────────────────────────────────────────────────────────────────────────────────

const LEVEL_WORDS = /\b(tinh|huyen|xa|thi xa|thanh pho|trung uong|tinh uy|huyen uy|phuong)\b/;

/**
 * A post and its body as one title: "Phó Chủ tịch UBND" + "UBND huyện Hoằng Hóa" → "Phó Chủ tịch UBND huyện
 * Hoằng Hóa"; "Giám đốc" + "Sở Công Thương" → "Giám đốc Sở Công Thương"; a post that already names its body stays.
 */
export function fullTitle(
  position: string | null | undefined,
  organization: string | null | undefined,
): string {
  const post = (position ?? '').trim();
  const body = (organization ?? '').trim();
  if (!post) return body;
  if (!body) return post;
  const fold = (s: string) => foldVietnamese(s).toLowerCase();
  if (fold(post).includes(fold(body))) return post;
  const postWords = post.split(/\s+/);
  const bodyWords = body.split(/\s+/);
  // The longest end of the post that begins the body: the body's name continues the post.
  for (let n = Math.min(postWords.length, bodyWords.length); n > 0; n--) {
    if (fold(postWords.slice(-n).join(' ')) === fold(bodyWords.slice(0, n).join(' '))) {
      const rest = bodyWords.slice(n).join(' ');
      return rest ? `${post} ${rest}` : post;
    }
  }
  const foldedPost = fold(post);
  if (/(huyen uy|thi uy|thanh uy)$/.test(foldedPost)) {
    const place = /(?:huyện|thị xã|thành phố)\s+(.+)$/iu.exec(body)?.[1];
    return place ? `${post} ${place}` : post;
  }
  // "Thị xã Nghi Sơn", "Huyện Nga Sơn": the body is a place, read after the post in lower case.
  if (/^(huyện|thị xã|thành phố|xã|phường|thị trấn|tỉnh)\s/iu.test(body))
    return `${post} ${lowerFirst(body)}`;
  if (LEVEL_WORDS.test(foldedPost)) return post;
  return postWords.length <= 3 ? `${post} ${body}` : `${post}, ${body}`;
}

// ── Reading people out ──────────────────────────────────────────────────────────────────────────────────────

const INTRO_GROUPS: { level: McLevel[]; heading: string }[] = [
  { level: ['central'], heading: 'Về phía Trung ương, có' },
  { level: ['province'], heading: 'Về phía lãnh đạo tỉnh, có' },
  { level: ['department'], heading: 'Về phía các sở, ban, ngành, có' },
  { level: ['district'], heading: 'Về phía các huyện, thị xã, thành phố, có' },
  { level: ['commune', 'enterprise', 'media', 'other'], heading: 'Cùng dự có' },
];

/** People introduced one by one: up to a district's Phó Chủ tịch UBND (DOMAIN.md's ladder); the rest are counted. */
export const INTRODUCED_RANK_MAX = 250;

/** "đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh" (and "thay mặt …" for a substitute). */
export function introduce(person: McPerson): string {
  const base = `${person.address} ${person.fullName}${person.title ? `, ${person.title}` : ''}`;
  if (!person.substituteFor) return base;
  const other = person.substituteFor;
  return `${base}, thay mặt đồng chí ${other.fullName}${other.title ? `, ${other.title}` : ''}`;
}

interface Roster {
  expected: boolean;
  byId: Map<string, McPerson>;
  /** Whether the MC may name this person in the introductions. */
  inHall(person: McPerson): boolean;
  /** Who actually comes for a person given a role: themselves, or their substitute when they sent one. */
  forRole(id: string | null): McPerson | null;
}

function roster(input: McScriptInput): Roster {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const substituteOf = new Map(
    input.people.filter((p) => p.substituteFor).map((p) => [p.substituteFor!.id, p] as const),
  );
  const expected = !input.checkinBegun;
  return {
    expected,
    byId,
    inHall: (p) => (expected ? ['confirmed', 'checked_in'].includes(p.status) : p.present),
    forRole(id) {
      if (!id) return null;
      const person = byId.get(id) ?? null;
      if (person && (person.status === 'replaced' || person.status === 'declined')) {
        return substituteOf.get(person.id) ?? person;
      }
      return person;
    },
  };
}

/** A person the MC invites: marked when they are not (yet) known to be there, so the MC checks before reading. */
function invited(r: Roster, person: McPerson): string {
  const who = introduce(person);
  if (person.status === 'declined' || person.status === 'replaced')
    return `${who} [Lưu ý: đã báo không dự — cần người thay]`;
  if (r.expected)
    return person.status === 'confirmed' || person.status === 'checked_in' ? who : `${who} [chưa xác nhận]`;
  return person.present ? who : `${who} [Lưu ý: chưa điểm danh — kiểm tra trước khi mời]`;
}

// ── Sections ────────────────────────────────────────────────────────────────────────────────────────────────

function timeRange(item: ProgramItem): string {
  return `${formatTime(item.startsAt)} - ${formatTime(item.endsAt)}`;
}

function introductions(input: McScriptInput, r: Roster): string[] {
  const named = new Set(input.presidium.map((p) => p.delegateId));
  const lines: string[] = ['Về dự Hội nghị hôm nay, chúng ta trân trọng chào đón:'];
  const chairs = input.presidium
    .map((p) => ({ role: p.role, person: r.forRole(p.delegateId) }))
    .filter((p): p is { role: 'chair' | 'member'; person: McPerson } => !!p.person && r.inHall(p.person));
  for (const leader of input.people.filter((p) => p.rank <= INTRODUCED_RANK_MAX && r.inHall(p)))
    named.add(leader.id);
  for (const group of INTRO_GROUPS) {
    const people = input.people.filter(
      (p) =>
        group.level.includes(p.level) &&
        p.rank <= INTRODUCED_RANK_MAX &&
        r.inHall(p) &&
        !chairs.some((c) => c.person.id === p.id),
    );
    const fromPresidium = chairs.filter((c) => group.level.includes(c.person.level));
    const all = [...fromPresidium.map((c) => c.person), ...people];
    if (!all.length) continue;
    // One sentence a group, as MCs read it: "Về phía Trung ương, có đồng chí …, …; đồng chí …, …".
    const names = all.map((p) => `${introduce(p)}${r.expected ? ' (dự kiến)' : ''}`);
    lines.push(`${group.heading} ${names.join('; ')}.`);
  }
  const others = input.people.filter((p) => !named.has(p.id) && r.inHall(p)).length;
  if (others > 0) {
    lines.push(
      `Cùng dự Hội nghị còn có đại diện lãnh đạo các xã, các chủ thể OCOP, doanh nghiệp, cơ quan báo chí và các vị đại biểu (${others} đại biểu${r.expected ? ' đã xác nhận' : ' đã có mặt'}).`,
    );
  }
  lines.push('Xin nhiệt liệt chào mừng các đồng chí lãnh đạo và các vị đại biểu!');
  if (chairs.length) {
    const chair = chairs.filter((c) => c.role === 'chair');
    const members = chairs.filter((c) => c.role === 'member');
    if (chair.length) lines.push(`Chủ trì Hội nghị: ${chair.map((c) => introduce(c.person)).join('; ')}.`);
    if (members.length)
      lines.push(`Cùng tham gia đoàn chủ tịch: ${members.map((c) => introduce(c.person)).join('; ')}.`);
  }
  return lines;
}

function chairOf(input: McScriptInput, r: Roster): McPerson | null {
  const chair = input.presidium.find((p) => p.role === 'chair') ?? input.presidium[0];
  return chair ? r.forRole(chair.delegateId) : null;
}

/** The people (or units) invited up for an item, as the MC reads them. */
function presentersOf(item: ProgramItem, input: McScriptInput, r: Roster, fallbackChair: boolean): string[] {
  const names = item.presenters.map((p) => {
    if (p.delegateId) {
      const person = r.forRole(p.delegateId);
      if (person) return invited(r, person);
    }
    if (p.unitId) return `đại diện ${p.detail ?? p.name} (đơn vị sẽ cử người)`;
    return p.name;
  });
  if (!names.length && fallbackChair) {
    const chair = chairOf(input, r);
    if (chair) names.push(invited(r, chair));
  }
  return names;
}

function signingLines(item: ProgramItem, signing: McSigningRound[]): string[] {
  const rounds = signing.filter((round) => round.pairs.length);
  if (!rounds.length)
    return [`Xin trân trọng kính mời các đơn vị lên ${lowerFirst(item.title.replace(/[;.]$/, ''))}.`];
  const party = (p: McSigningParty) => {
    const s = p.signatory;
    if (!s) return `đại diện ${p.unitName}`;
    const named = (name: string, position: string | null) => `${name}${position ? `, ${position}` : ''}`;
    if (s.present === false && s.standIn)
      return `${named(s.standIn.name, s.standIn.position)}, thay mặt ${s.name}, ${p.unitName}`;
    if (s.present === false) return `đại diện ${p.unitName} (${s.name} vắng mặt, chưa có người ký thay)`;
    return `${named(s.name, s.position)}, ${p.unitName}`;
  };
  const lines = ['Tiếp theo chương trình là phần ký kết. Xin trân trọng kính mời:'];
  for (const round of rounds) {
    lines.push(`Lượt ${round.round}:`);
    for (const pair of round.pairs) {
      const sellers = pair.parties.filter((p) => p.role === 'seller').map(party);
      const buyers = pair.parties.filter((p) => p.role === 'buyer').map(party);
      lines.push(
        `- ${pair.title}: bên cung ứng ${sellers.join('; ') || '(chưa có)'}; bên tiêu thụ ${buyers.join('; ') || '(chưa có)'}.`,
      );
    }
  }
  lines.push('Xin chúc mừng các đơn vị đã ký kết!');
  return lines;
}

function awardLines(input: McScriptInput, r: Roster): string[] {
  if (!input.awards.length)
    return ['Xin trân trọng kính mời lãnh đạo lên trao Giấy chứng nhận sản phẩm OCOP.'];
  const lines: string[] = [];
  for (const batch of input.awards) {
    const presenter = r.forRole(batch.presenterId);
    lines.push(
      `Đợt ${batch.number}${batch.title ? ` (${batch.title})` : ''}: Xin trân trọng kính mời ${presenter ? invited(r, presenter) : 'lãnh đạo (chưa phân công)'} lên trao Giấy chứng nhận sản phẩm OCOP cho các chủ thể:`,
    );
    let missing = 0;
    for (const rec of batch.recipients) {
      const person = rec.delegateId ? r.byId.get(rec.delegateId) : undefined;
      const here = r.expected ? true : rec.present;
      if (here && person) lines.push(`- ${rec.producerName}: ${person.address} ${person.fullName}`);
      else if (rec.standInName) lines.push(`- ${rec.producerName}: nhận thay là ${rec.standInName}`);
      else if (r.expected) lines.push(`- ${rec.producerName}`);
      else missing++;
    }
    if (missing) lines.push(`(${missing} chủ thể vắng mặt, chưa có người nhận thay: không đọc tên.)`);
  }
  lines.push('Xin chúc mừng các chủ thể OCOP!');
  return lines;
}

function itemLines(item: ProgramItem, input: McScriptInput, r: Roster, signing: McSigningRound[]): string[] {
  const papers = input.papers.filter((p) => p.programItemId === item.id);
  const paperText = papers.length
    ? ` trình bày tham luận ${papers.map((p) => `"${p.title}"`).join(', ')}`
    : '';
  const invite = (verb: string, fallbackChair = false) => {
    const who = presentersOf(item, input, r, fallbackChair);
    return who.length
      ? who.map((w) => `Xin trân trọng kính mời ${w} ${verb}.`)
      : [`Xin trân trọng kính mời đại biểu ${verb} (chưa phân công người trình bày).`];
  };
  let lines: string[];
  switch (item.kind) {
    case 'registration':
      lines = [
        'Ban tổ chức đón tiếp đại biểu, phát tài liệu; nhắc đại biểu điểm danh tại bàn lễ tân và ngồi đúng vị trí.',
      ];
      break;
    case 'ceremony': {
      const e = input.event;
      const plan = /\d/.test(e.planNumber?.split('/')[0] ?? '')
        ? `Thực hiện Kế hoạch số ${e.planNumber}${e.planDate ? ` ngày ${formatDate(`${e.planDate}T12:00:00Z`)}` : ''}${e.planIssuer ? ` của ${e.planIssuer}` : ''}, `
        : '';
      lines = [
        'Kính thưa các đồng chí lãnh đạo, thưa các vị đại biểu, thưa toàn thể Hội nghị!',
        'Mời toàn thể đại biểu đứng dậy làm lễ chào cờ. (Chào cờ.) Xin mời các đại biểu ngồi.',
        `${plan || (e.planIssuer ? `Thực hiện Kế hoạch của ${e.planIssuer}, ` : '')}hôm nay${e.hostName ? `, ${e.hostName}` : ''} tổ chức ${e.name}.`,
        ...introductions(input, r),
      ];
      break;
    }
    case 'leader_speech':
      lines = invite(`phát biểu${/khai mạc/i.test(item.title) ? ' khai mạc Hội nghị' : ''}`, true);
      break;
    case 'report':
      lines = invite(`trình bày ${item.title.replace(/[;.]$/, '')}`);
      break;
    case 'clip':
      lines = [
        `Mời các đại biểu cùng theo dõi ${lowerFirst(item.title.replace(/[;.]$/, '').replace(/^trình chiếu\s+/iu, ''))}.`,
      ];
      break;
    case 'speech':
    case 'paper':
      lines = item.children.length
        ? ['Tiếp theo chương trình, Hội nghị nghe ý kiến phát biểu của các đại biểu.']
        : invite(paperText ? `lên${paperText}` : 'lên phát biểu');
      break;
    case 'award':
      lines = awardLines(input, r);
      break;
    case 'signing':
      lines = signingLines(item, signing);
      break;
    case 'break':
      lines = [`Hội nghị nghỉ giải lao ${item.durationMinutes} phút.`];
      break;
    case 'closing':
      lines = [
        ...invite('phát biểu kết luận Hội nghị', true),
        'Kính thưa các đồng chí lãnh đạo, thưa các vị đại biểu! Chương trình Hội nghị đến đây là kết thúc. Xin trân trọng cảm ơn!',
      ];
      break;
    default:
      lines = item.presenters.length
        ? invite(`lên ${lowerFirst(item.title.replace(/[;.]$/, ''))}`)
        : [item.title];
  }
  if (item.notes) lines.push(`Ghi chú: ${item.notes}`);
  return lines;
}

/** The whole script: an opening part, then one part per program item and sub-item, in the program's order. */
export function buildMcScript(input: McScriptInput, signing: McSigningRound[] = []): McScript {
  const r = roster(input);
  const sections: McSection[] = [
    {
      itemId: null,
      heading: 'KỊCH BẢN DẪN CHƯƠNG TRÌNH',
      lines: [
        input.event.name,
        `${formatTime(input.event.startsAt)} - ${formatTime(input.event.endsAt)}, ngày ${formatDate(input.event.startsAt)}${input.event.venueName ? `, tại ${input.event.venueName}` : ''}`,
        r.expected
          ? `Bản tạo lúc ${formatTime(input.generatedAt)} ngày ${formatDate(input.generatedAt)}, trước giờ điểm danh: đại biểu đã xác nhận được giới thiệu theo dự kiến.`
          : `Bản tạo lúc ${formatTime(input.generatedAt)} ngày ${formatDate(input.generatedAt)}, theo đại biểu đã điểm danh (${input.people.filter((p) => p.present).length} người).`,
      ],
    },
  ];
  input.items.forEach((item, i) => {
    sections.push({
      itemId: item.id,
      heading: `${i + 1}. ${item.title.replace(/[;.]$/, '')} (${timeRange(item)})`,
      lines: itemLines(item, input, r, signing),
    });
    item.children.forEach((child, j) => {
      sections.push({
        itemId: child.id,
        heading: `${i + 1}.${j + 1}. ${child.title.replace(/^\+\s*/, '').replace(/[;.]$/, '')} (${timeRange(child)})`,
        lines: itemLines(
          { ...child, kind: child.kind === 'other' ? 'speech' : child.kind },
          input,
          r,
          signing,
        ),
      });
    });
  });
  return { generatedAt: input.generatedAt, mode: r.expected ? 'expected' : 'present', sections };
}

/** The script as plain text, one line each: what is kept to show the MC what changed. */
export function mcScriptText(script: McScript): string {
  return script.sections.map((s) => [s.heading, ...s.lines].join('\n')).join('\n\n');
}

/** The script as a Word document: headings bold, the MC's words in 14 pt, notes in italics. */
export async function mcScriptDocx(script: McScript): Promise<Buffer> {
  const [opening, ...parts] = script.sections;
  const children: Paragraph[] = [
    centered([run('KỊCH BẢN DẪN CHƯƠNG TRÌNH', { bold: true })], { spacing: { after: 60 } }),
    ...(opening?.lines ?? []).map((line, i) =>
      centered([run(line, { bold: i === 0, italics: i > 1, size: i > 1 ? 24 : 28 })], {
        spacing: { after: 60 },
      }),
    ),
  ];
  for (const section of parts) {
    children.push(
      new Paragraph({
        children: [run(section.heading, { bold: true })],
        spacing: { before: 240, after: 120 },
        keepNext: true,
      }),
    );
    for (const line of section.lines) {
      const note = line.startsWith('Ghi chú:') || line.startsWith('(');
      children.push(
        new Paragraph({
          children: [run(line, { italics: note })],
          alignment: AlignmentType.JUSTIFIED,
          indent: line.startsWith('- ')
            ? { left: convertMillimetersToTwip(10) }
            : { firstLine: convertMillimetersToTwip(10) },
          spacing: { after: 100, line: 300 },
        }),
      );
    }
  }
  return officialDocument(children, 'Kịch bản dẫn chương trình');
}
