import type { CreateProductInput } from '../../shared/ocop';
import { DEMO_COMMUNES, DEMO_PRODUCERS } from './demo-delegates';
import { seededRandom } from './sample-people';

/**
 * The demo register: the Thanh Hóa products DOMAIN.md lists (the 13 of QĐ 5445/QĐ-UBND, 23/12/2019, and the 17
 * of 2020's first round), then invented products of the sample producers up to the period's 69, and a few
 * potential products. Everything invented is marked as sample.
 */

type Group = 'food' | 'drink' | 'herbal' | 'craft';
const GROUP_ID: Record<Group, string> = {
  food: 'g1048-1',
  drink: 'g1048-2',
  herbal: 'g1048-3',
  craft: 'g1048-5',
};

const REAL_2020: [product: string, producer: string, group: Group, stars: number][] = [
  ['Ống hút tre', 'Công ty TNHH ViBaBo', 'craft', 4],
  ['Chè lam Phủ Quảng', 'Cơ sở sản xuất Lâm Thu', 'food', 3],
  ['Mật ong Hưởng Hoa', 'HTX ong mật Hưởng Hoa', 'food', 3],
  ['Nấm bào ngư xám', 'HTX nông sản hữu cơ Trúc Phượng', 'food', 3],
  ['Nấm mộc nhĩ khô', 'HTX nông sản hữu cơ Trúc Phượng', 'food', 3],
  ['Nấm linh chi đỏ', 'HTX nông sản hữu cơ Trúc Phượng', 'herbal', 3],
  ['Thảm cói trải sàn', 'Công ty TNHH Ngân Khương', 'craft', 3],
  ['Chiếu cói dệt tay thủ công', 'Công ty TNHH Ngân Khương', 'craft', 3],
  ['Cam đường canh Như Xuân', 'HTX dịch vụ nông nghiệp Thành Công', 'food', 3],
  ['Cam Xã Đoài Như Xuân', 'HTX dịch vụ nông nghiệp Thành Công', 'food', 3],
  ['Lá xông hơi cảm lạnh', 'Hộ sản xuất Nguyễn Thị Lan Anh', 'herbal', 3],
  ['Ngâm chân Mộc Việt', 'Hộ sản xuất Nguyễn Thị Lan Anh', 'herbal', 3],
  ['Mật ong bốn mùa hoa rừng nguyên chất', 'HTX nông lâm nghiệp Bình Sơn', 'food', 3],
  ['Chè sạch Bình Sơn', 'HTX nông lâm nghiệp Bình Sơn', 'food', 3],
  ['Dưa kim hoàng hậu Thiên Trường 36', 'Công ty TNHH MTV DVNN CNC Thiên Trường 36', 'food', 3],
  ['Gạo nếp cái hoa vàng Gia Miêu Ngoại Trang', 'HTX DVNN Hà Long', 'food', 3],
  ['Dầu lạc Linh Phượng', 'Hộ SX Nguyễn Thị Thùy Linh', 'food', 3],
];

/** The 2019 batch: producers were not published, so each stands with a sample producer of its district. */
const REAL_2019: [product: string, district: string, group: Group, stars: number][] = [
  ['Dưa lưới Taki', '406', 'food', 4],
  ['Dưa chuột baby', '406', 'food', 4],
  ['Nước mắm', '399', 'food', 4],
  ['Mắm tôm', '399', 'food', 4],
  ['Mắm tép', '399', 'food', 4],
  ['Rượu Chi Nê', '400', 'drink', 3],
  ['Mắm tôm Hòa Hải', '400', 'food', 3],
  ['Bánh gai Lâm Thắm', '395', 'food', 3],
  ['Kẹo lạc Đức Giang', '395', 'food', 3],
  ['Kẹo gạo lứt Đức Giang', '395', 'food', 3],
  ['Trứng sạch Hiền Nhuần', '405', 'food', 3],
  ['Tinh dầu sả chanh', '391', 'herbal', 3],
  ['Rượu Sâm Báo', '393', 'drink', 3],
];

const SAMPLE_KINDS: [name: string, group: Group][] = [
  ['Nem chua', 'food'],
  ['Gạo hữu cơ', 'food'],
  ['Miến dong', 'food'],
  ['Rượu nếp cẩm', 'drink'],
  ['Chả tôm', 'food'],
  ['Cá mè một nắng', 'food'],
  ['Bưởi', 'food'],
  ['Măng khô', 'food'],
  ['Trà hoa vàng', 'drink'],
  ['Cao dược liệu', 'herbal'],
  ['Sản phẩm mây tre đan', 'craft'],
  ['Bánh răng bừa', 'food'],
  ['Mật mía', 'food'],
];

export interface DemoProduct {
  input: Omit<CreateProductInput, 'producerId' | 'communeId'> & { potential: boolean };
  producerKey: string;
  communeKey: string | null;
  isSample: boolean;
}

/** The decision of 2020's first round: its number and date are not published here, so both are sample data. */
export const FIRST_2020_DECISION = { number: '2436/QĐ-UBND', date: '2020-06-30' } as const;

const PERIOD_SCORES: Record<number, [number, number]> = { 3: [50, 69], 4: [70, 89] };

/** 69 certified products of 2018–2020 (30 real, 39 sample) and 8 sample potential products. */
export function demoProducts(): DemoProduct[] {
  const random = seededRandom(38);
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(random() * (hi - lo + 1));
  const producerKey = (name: string) => `producer-${name}`;
  const samples = DEMO_PRODUCERS.filter((p) => !p.real);
  const communeOf = (name: string) => DEMO_COMMUNES.find((c) => name.endsWith(` ${c.name}`)) ?? null;
  const products: DemoProduct[] = [];

  // The register numbers certificates per year; the numbers and the first 2020 decision are sample data.
  const certificateNumber = (n: number, year: number) => `${String(n).padStart(3, '0')}/${year}/GCN-OCOP`;
  for (const [i, [name, producer, group, stars]] of REAL_2020.entries()) {
    products.push({
      input: {
        name,
        groupId: GROUP_ID[group],
        stars,
        potential: false,
        evaluationYear: 2020,
        evaluationRound: 1,
        decisionNumber: FIRST_2020_DECISION.number,
        decisionDate: FIRST_2020_DECISION.date,
        certificateNumber: certificateNumber(i + 1, 2020),
        description:
          'Sản phẩm có thật (đợt 1 năm 2020). Số, ngày quyết định và số giấy chứng nhận là dữ liệu mẫu.',
        whereToBuy: 'Tại cơ sở sản xuất và gian hàng OCOP của tỉnh',
      },
      producerKey: producerKey(producer),
      communeKey: null,
      isSample: false,
    });
  }
  for (const [i, [name, district, group, stars]] of REAL_2019.entries()) {
    const producer = samples.find((p) => p.district === district)!;
    products.push({
      input: {
        name,
        groupId: GROUP_ID[group],
        stars,
        potential: false,
        evaluationYear: 2019,
        evaluationRound: 1,
        decisionNumber: '5445/QĐ-UBND',
        decisionDate: '2019-12-23',
        certificateNumber: certificateNumber(i + 1, 2019),
        description:
          'Sản phẩm có thật (QĐ 5445/QĐ-UBND ngày 23/12/2019). Chủ thể chưa được công bố; chủ thể và số giấy chứng nhận ghi ở đây là dữ liệu mẫu.',
      },
      producerKey: producer.key,
      communeKey: communeOf(producer.name)?.key ?? null,
      isSample: false,
    });
  }
  // 39 sample products at the second 2020 round: the first ten sample producers bring two each.
  const withProducts = samples.slice(0, 29);
  let n = 0;
  for (const [i, producer] of withProducts.entries()) {
    for (let k = 0; k < (i < 10 ? 2 : 1); k++) {
      const [kind, group] = SAMPLE_KINDS[n % SAMPLE_KINDS.length]!;
      const commune = communeOf(producer.name);
      const stars = n % 7 === 3 ? 4 : 3;
      products.push({
        input: {
          name: `${kind} ${commune?.name ?? ''}`.trim(),
          groupId: GROUP_ID[group],
          score: between(PERIOD_SCORES[stars]!),
          stars,
          potential: false,
          evaluationYear: 2020,
          evaluationRound: 2,
          decisionNumber: '4612/QĐ-UBND',
          decisionDate: '2020-11-06',
          certificateNumber: certificateNumber(REAL_2020.length + n + 1, 2020),
          description: 'Dữ liệu mẫu: sản phẩm giả định để đủ 69 sản phẩm của giai đoạn.',
          whereToBuy: `Cửa hàng của chủ thể tại xã ${commune?.name ?? ''}; gian hàng OCOP tại Hội nghị`,
        },
        producerKey: producer.key,
        communeKey: commune?.key ?? null,
        isSample: true,
      });
      n++;
    }
  }
  for (const producer of samples.slice(29)) {
    const commune = communeOf(producer.name);
    const [kind, group] = SAMPLE_KINDS[n++ % SAMPLE_KINDS.length]!;
    products.push({
      input: {
        name: `${kind} ${commune?.name ?? ''}`.trim(),
        groupId: GROUP_ID[group],
        score: between([35, 49]),
        potential: true,
        evaluationYear: 2020,
        description: 'Dữ liệu mẫu: sản phẩm tiềm năng, trưng bày tại gian hàng của Hội nghị.',
      },
      producerKey: producer.key,
      communeKey: commune?.key ?? null,
      isSample: true,
    });
  }
  return products;
}
