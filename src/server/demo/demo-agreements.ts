import type { AgreementKind, AgreementPartyInput } from '../../shared/agreements';
import {
  changeAgreementStatus,
  createAgreement,
  planSigningCeremony,
} from '../agreements/agreements.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Db } from '../db/database';
import { createUnit } from '../units/units.service';

/**
 * The signings the plan announces ("Ký kết các bản hợp đồng, ghi nhớ, cam kết về cung ứng, tiêu thụ sản phẩm
 * OCOP") with the chains it names (Coopmart, Big C, Vinmart, under their current names) and one distributor. The
 * producers and products are the register's real ones; every agreement, value and date is invented: sample.
 */
const SAMPLE_NOTE = 'Dữ liệu mẫu: thỏa thuận giả định; kế hoạch chỉ nêu tên các siêu thị tham gia ký kết.';
const DISTRIBUTOR = 'Công ty CP Phân phối Nông sản Xứ Thanh (mẫu)';

const AGREEMENTS: {
  kind: AgreementKind;
  title: string;
  seller: string;
  buyer: string;
  products: string[];
  valueVnd: number;
  ready: boolean;
}[] = [
  {
    kind: 'supply_contract',
    title: 'Hợp đồng cung ứng gạo nếp cái hoa vàng Gia Miêu Ngoại Trang cho hệ thống Co.opmart (mẫu)',
    seller: 'producer-HTX DVNN Hà Long',
    buyer: 'retail-Co.opmart',
    products: ['Gạo nếp cái hoa vàng Gia Miêu Ngoại Trang'],
    valueVnd: 480_000_000,
    ready: true,
  },
  {
    kind: 'mou',
    title: 'Biên bản ghi nhớ đưa nấm hữu cơ Trúc Phượng vào siêu thị GO! (Big C) (mẫu)',
    seller: 'producer-HTX nông sản hữu cơ Trúc Phượng',
    buyer: 'retail-Big C',
    products: ['Nấm bào ngư xám', 'Nấm mộc nhĩ khô', 'Nấm linh chi đỏ'],
    valueVnd: 250_000_000,
    ready: true,
  },
  {
    kind: 'supply_contract',
    title: 'Hợp đồng tiêu thụ cam Như Xuân qua hệ thống WinMart (Vinmart) (mẫu)',
    seller: 'producer-HTX dịch vụ nông nghiệp Thành Công',
    buyer: 'retail-VinMart',
    products: ['Cam đường canh Như Xuân', 'Cam Xã Đoài Như Xuân'],
    valueVnd: 620_000_000,
    ready: true,
  },
  {
    kind: 'commitment',
    title: 'Cam kết cung ứng mật ong Hưởng Hoa cho WinMart (Vinmart) (mẫu)',
    seller: 'producer-HTX ong mật Hưởng Hoa',
    buyer: 'retail-VinMart',
    products: ['Mật ong Hưởng Hoa'],
    valueVnd: 150_000_000,
    ready: true,
  },
  {
    kind: 'commitment',
    title: 'Cam kết phân phối dầu lạc Linh Phượng (mẫu)',
    seller: 'producer-Hộ SX Nguyễn Thị Thùy Linh',
    buyer: 'distributor',
    products: ['Dầu lạc Linh Phượng'],
    valueVnd: 90_000_000,
    ready: true,
  },
  {
    kind: 'mou',
    title: 'Biên bản ghi nhớ trưng bày chiếu cói Nga Sơn tại Co.opmart (mẫu, đang thương thảo)',
    seller: 'producer-Công ty TNHH Ngân Khương',
    buyer: 'retail-Co.opmart',
    products: ['Chiếu cói dệt tay thủ công'],
    valueVnd: 300_000_000,
    ready: false,
  },
];

export async function seedDemoAgreements(db: Db, eventId: string, keys: Map<string, string>): Promise<void> {
  const distributor = await createUnit(
    db,
    SYSTEM_ACTOR,
    {
      kind: 'distributor',
      shortName: 'Nông sản Xứ Thanh (mẫu)',
      name: DISTRIBUTOR,
      notes: 'Dữ liệu mẫu: doanh nghiệp phân phối giả định',
    },
    { isSample: true },
  );
  const unitOf = (key: string) => (key === 'distributor' ? distributor.id : keys.get(key));
  // Whoever the unit sends, the highest-ranked first, signs for it.
  const signatoryOf = async (unitId: string) =>
    (
      await db
        .selectFrom('delegates')
        .select('id')
        .where('event_id', '=', eventId)
        .where('unit_id', '=', unitId)
        .where('status', 'not in', ['declined', 'replaced'])
        .orderBy('protocol_key')
        .executeTakeFirst()
    )?.id ?? null;
  for (const a of AGREEMENTS) {
    const seller = unitOf(a.seller);
    const buyer = unitOf(a.buyer);
    if (!seller || !buyer) continue;
    const products = await db
      .selectFrom('products')
      .select('id')
      .where('producer_id', '=', seller)
      .where('name', 'in', a.products)
      .execute();
    const parties: AgreementPartyInput[] = [
      { unitId: seller, role: 'seller', signatoryDelegateId: await signatoryOf(seller) },
      // The distributor is not on the delegate list: its director is named to sign.
      a.buyer === 'distributor'
        ? { unitId: buyer, role: 'buyer', standInName: 'Lê Thị Mai (mẫu)', standInPosition: 'Giám đốc' }
        : { unitId: buyer, role: 'buyer', signatoryDelegateId: await signatoryOf(buyer) },
    ];
    const created = await createAgreement(
      db,
      SYSTEM_ACTOR,
      eventId,
      {
        kind: a.kind,
        title: a.title,
        valueVnd: a.valueVnd,
        startsOn: '2020-12-01',
        endsOn: '2021-11-30',
        parties,
        productIds: products.map((p) => p.id),
        notes: SAMPLE_NOTE,
      },
      { isSample: true },
    );
    if (a.ready) await changeAgreementStatus(db, SYSTEM_ACTOR, eventId, created.id, 'ready');
  }
  await planSigningCeremony(db, SYSTEM_ACTOR, eventId, { pairsPerRound: 3 });
}
