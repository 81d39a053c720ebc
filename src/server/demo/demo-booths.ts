import type { BoothKind } from '../../shared/booths';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createBooth } from '../booths/booths.service';
import type { Db } from '../db/database';

/**
 * The plan's side activity (section 9): "dự kiến 10 gian hàng" showing OCOP and potential products. Seven go to
 * real producers with their register products, two to districts whose 2019 products have no published producer,
 * one to potential products. The allocation, sizes and times are invented: sample. The person in charge is the
 * unit's own (sample) delegate.
 */
const BOOTHS: { exhibitor: string; kind: BoothKind; power: boolean }[] = [
  { exhibitor: 'producer-Công ty TNHH ViBaBo', kind: 'ocop', power: false },
  { exhibitor: 'producer-Cơ sở sản xuất Lâm Thu', kind: 'ocop', power: false },
  { exhibitor: 'producer-HTX ong mật Hưởng Hoa', kind: 'ocop', power: false },
  { exhibitor: 'producer-HTX nông sản hữu cơ Trúc Phượng', kind: 'ocop', power: true },
  { exhibitor: 'producer-Công ty TNHH Ngân Khương', kind: 'ocop', power: true },
  { exhibitor: 'producer-HTX dịch vụ nông nghiệp Thành Công', kind: 'ocop', power: false },
  { exhibitor: 'producer-HTX DVNN Hà Long', kind: 'ocop', power: false },
  { exhibitor: 'district-399', kind: 'ocop', power: true },
  { exhibitor: 'district-395', kind: 'ocop', power: false },
  { exhibitor: 'potential', kind: 'potential', power: false },
];

export async function seedDemoBooths(db: Db, eventId: string, keys: Map<string, string>): Promise<void> {
  const potential = await db
    .selectFrom('products')
    .select(['producer_id'])
    .where('potential', '=', 1)
    .orderBy('sort_key')
    .executeTakeFirst();
  for (const [i, b] of BOOTHS.entries()) {
    const unitId =
      b.exhibitor === 'potential' ? (potential?.producer_id ?? null) : (keys.get(b.exhibitor) ?? null);
    const products = unitId
      ? await db
          .selectFrom('products as p')
          .innerJoin('units as u', 'u.id', 'p.producer_id')
          .select('p.id')
          .where((eb) => eb.or([eb('p.producer_id', '=', unitId), eb('u.parent_id', '=', unitId)]))
          .where('p.potential', '=', b.kind === 'potential' ? 1 : 0)
          // The real products first: a district's booth shows what it is known for.
          .orderBy('p.is_sample')
          .orderBy('p.sort_key')
          .limit(6)
          .execute()
      : [];
    // The last booth's person is not named yet: the list shows the warning an office would act on.
    const person =
      unitId && b.kind === 'ocop'
        ? await db
            .selectFrom('delegates')
            .select(['full_name', 'phone'])
            .where('event_id', '=', eventId)
            .where('unit_id', '=', unitId)
            .where('status', 'not in', ['declined', 'replaced'])
            .orderBy('protocol_key', 'desc')
            .executeTakeFirst()
        : undefined;
    await createBooth(
      db,
      SYSTEM_ACTOR,
      eventId,
      {
        number: i + 1,
        kind: b.kind,
        unitId,
        productIds: products.map((p) => p.id),
        // Two rows of five facing each other across an aisle.
        x: i % 5,
        y: i < 5 ? 0 : 2,
        sizeText: '3 m x 3 m',
        personName: person?.full_name ?? null,
        personPhone: person?.phone ?? null,
        setupAt: '6h00 - 7h30 ngày 27/11/2020',
        teardownAt: '11h30 - 13h00 ngày 27/11/2020',
        needsPower: b.power,
        tables: b.kind === 'potential' ? 1 : 2,
        notes: 'Dữ liệu mẫu: phân bổ gian hàng giả định',
      },
      { isSample: true },
    );
  }
}
