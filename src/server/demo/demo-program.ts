import type { ProgramItemKind } from '../../shared/program';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Db } from '../db/database';
import { renderPdf, vi } from '../documents/pdf';
import { reviewPaper, submitPaper } from '../program/papers.service';
import { updateProgramItem } from '../program/program.service';

/**
 * The demo's program: the plan's nine items (section 8) as the parser read them, given the kinds, durations and
 * speakers the plan leaves open: 8h00 - 11h30 in sample durations, one real delegate per speech slot, and six
 * sample papers (the plan expects "06 bài tham luận") plus the summary report, all marked as sample.
 */

/** Minutes per top-level item (sum 210 = 8h00 - 11h30) and per part of the speeches item (sum 65). */
const TOP: [ProgramItemKind, number][] = [
  ['registration', 15],
  ['ceremony', 10],
  ['leader_speech', 10],
  ['report', 25],
  ['clip', 10],
  ['speech', 65],
  ['award', 30],
  ['signing', 20],
  ['closing', 25],
];
const SPEECHES: [ProgramItemKind, number][] = [
  ['speech', 15],
  ['speech', 10],
  ['speech', 10],
  ['speech', 15],
  ['leader_speech', 15],
];

interface DemoPaper {
  unitKey: string;
  title: string;
  /** Where it is read: a part of the speeches item (0-based), "report", or nowhere yet. */
  place: number | 'report' | null;
  status: 'accepted' | 'submitted' | 'returned';
  comment?: string;
}

const PAPERS: DemoPaper[] = [
  {
    unitKey: 'vpdp',
    title: 'Báo cáo tổng kết Chương trình OCOP giai đoạn 2018 - 2020, tỉnh Thanh Hóa (bản mẫu)',
    place: 'report',
    status: 'accepted',
  },
  {
    unitKey: 'producer-HTX ong mật Hưởng Hoa',
    title: 'Xây dựng thương hiệu mật ong Hưởng Hoa đạt chuẩn OCOP (tham luận mẫu)',
    place: 0,
    status: 'accepted',
  },
  {
    unitKey: 'commune-401-Nga Liên',
    title: 'Xã Nga Liên đồng hành cùng các chủ thể OCOP (tham luận mẫu)',
    place: 1,
    status: 'accepted',
  },
  {
    unitKey: 'district-401',
    title: 'Kinh nghiệm phát triển sản phẩm cói Nga Sơn tham gia Chương trình OCOP (tham luận mẫu)',
    place: 2,
    status: 'accepted',
  },
  {
    unitKey: 'so-ct',
    title: 'Kết nối tiêu thụ sản phẩm OCOP qua hệ thống siêu thị (tham luận mẫu)',
    place: 3,
    status: 'accepted',
  },
  {
    unitKey: 'producer-Công ty TNHH ViBaBo',
    title: 'Ống hút tre ViBaBo: từ làng nghề đến thị trường (tham luận mẫu)',
    place: null,
    status: 'submitted',
  },
  {
    unitKey: 'district-399',
    title: 'Phát triển sản phẩm OCOP từ nghề làm nước mắm truyền thống (tham luận mẫu)',
    place: null,
    status: 'returned',
    comment: 'Đề nghị rút gọn để trình bày trong 10 phút và bổ sung số liệu năm 2020 (góp ý mẫu).',
  },
];

function samplePdf(title: string, unit: string): Promise<Buffer> {
  return renderPdf((doc) => {
    doc.addPage({ size: 'A4', margin: 72 });
    doc
      .font('serif-bold')
      .fontSize(15)
      .text(vi(title.toLocaleUpperCase('vi')), { align: 'center' });
    doc.moveDown().font('serif-italic').fontSize(12).text(vi(unit), { align: 'center' });
    doc
      .moveDown(2)
      .font('serif')
      .fontSize(13)
      .text(
        vi(
          'Đây là tài liệu mẫu của bản demo hoinghi, không phải văn bản thật. Một tham luận thật do đơn vị gửi lên dưới dạng Word hoặc PDF, được ban tổ chức duyệt rồi đưa vào bộ tài liệu của đại biểu.',
        ),
        { align: 'justify' },
      );
  }, title);
}

export async function seedDemoProgram(db: Db, eventId: string, keys: Map<string, string>): Promise<void> {
  const rows = await db
    .selectFrom('program_items')
    .select(['id', 'parent_id'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
  const top = rows.filter((r) => !r.parent_id);
  const speeches = top[5] ? rows.filter((r) => r.parent_id === top[5]!.id) : [];
  // The plan's nine items and five speeches are what the demo expects; a changed plan text keeps its own program.
  if (top.length !== TOP.length || speeches.length !== SPEECHES.length) return;

  const bestOf = async (unitKey: string) => {
    const unitId = keys.get(unitKey);
    if (!unitId) return null;
    const row = await db
      .selectFrom('delegates')
      .select('id')
      .where('event_id', '=', eventId)
      .where('unit_id', '=', unitId)
      .where('status', 'not in', ['declined', 'replaced'])
      .orderBy('protocol_key')
      .executeTakeFirst();
    return row?.id ?? null;
  };
  const chair = await db
    .selectFrom('presidium')
    .select('delegate_id')
    .where('event_id', '=', eventId)
    .where('role', '=', 'chair')
    .executeTakeFirst();
  const presenter = (delegateId: string | null | undefined) => (delegateId ? [{ delegateId }] : []);

  for (const [i, [kind, minutes]] of TOP.entries()) {
    const presenters =
      kind === 'leader_speech'
        ? presenter(chair?.delegate_id)
        : kind === 'report'
          ? presenter(await bestOf('vpdp'))
          : [];
    await updateProgramItem(db, SYSTEM_ACTOR, eventId, top[i]!.id, {
      kind,
      durationMinutes: minutes,
      presenters,
    });
  }
  const speakerUnits = ['producer-HTX ong mật Hưởng Hoa', 'commune-401-Nga Liên', 'district-401', 'so-ct'];
  for (const [i, [kind, minutes]] of SPEECHES.entries()) {
    const who = i < speakerUnits.length ? await bestOf(speakerUnits[i]!) : (chair?.delegate_id ?? null);
    await updateProgramItem(db, SYSTEM_ACTOR, eventId, speeches[i]!.id, {
      kind,
      durationMinutes: minutes,
      presenters: presenter(who),
    });
  }
  // The times and speakers above are the demo's choice, not the plan's.
  await db.updateTable('program_items').set({ is_sample: 1 }).where('event_id', '=', eventId).execute();

  const unitNames = new Map(
    (await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
  );
  for (const paper of PAPERS) {
    const unitId = keys.get(paper.unitKey);
    if (!unitId) continue;
    const bytes = await samplePdf(paper.title, unitNames.get(unitId) ?? '');
    const created = await submitPaper(
      db,
      SYSTEM_ACTOR,
      { all: true },
      eventId,
      { title: paper.title, unitId },
      bytes,
      { isSample: true },
    );
    if (paper.status === 'submitted') continue;
    await reviewPaper(db, SYSTEM_ACTOR, eventId, created.id, {
      status: paper.status,
      comment: paper.comment ?? null,
      programItemId:
        paper.place === 'report' ? top[3]!.id : paper.place === null ? null : speeches[paper.place]!.id,
    });
  }
}
