import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/server/auth/actor';
import { createDb } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { ProductsTable } from '../../src/server/db/schema';
import { ensureAdmin, seedDemo } from '../../src/server/demo/demo.service';
import { productSearchKey } from '../../src/server/ocop/products.service';
import { createUnit } from '../../src/server/units/units.service';
import { starsForScore } from '../../src/shared/ocop';
import { vietnameseSortKey } from '../../src/shared/text';
import { createBenchDatabase, loadAgainstHello, startApp } from '../lib/app';
import { seededRandom } from '../lib/scale';
import type { BenchContext, Scenario, ScenarioResult } from '../lib/types';
import { signIn } from './delegates';

const KINDS = [
  'Nem chua',
  'Gạo hữu cơ',
  'Miến dong',
  'Rượu nếp',
  'Chả tôm',
  'Mắm tôm',
  'Nước mắm',
  'Mật ong rừng',
  'Chè xanh',
  'Chiếu cói',
  'Bánh gai',
  'Kẹo lạc',
  'Tinh dầu sả',
  'Măng khô',
  'Cam đường',
  'Bưởi',
  'Trà hoa vàng',
  'Dầu lạc',
];
const PLACES = [
  'Hoằng Phụ',
  'Nga Liên',
  'Hòa Lộc',
  'Thạch Bình',
  'Xuân Giang',
  'Vĩnh Hòa',
  'Quảng Nham',
  'Đông Ninh',
  'Định Hòa',
  'Thiệu Giao',
  'Bình Sơn',
  'Hà Long',
  'Luận Thành',
  'Tượng Văn',
];
const FORMS = ['HTX dịch vụ nông nghiệp', 'Công ty TNHH', 'Tổ hợp tác', 'Cơ sở sản xuất', 'Hộ kinh doanh'];

/**
 * The demo database plus `count` generated products over 300 generated producers spread across the demo's
 * districts, written as rows in one transaction (the register's import path is measured elsewhere).
 */
export async function loadProducts(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  count: number,
  decisionNumber: string,
) {
  const handle = createDb(env.DATABASE_URL || `${dataDir}/hoinghi.db`);
  await migrateToLatest(handle);
  await ensureAdmin(handle.db, 'bench-admin-password');
  await seedDemo(handle.db);
  const districts = await handle.db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'district')
    .execute();
  const random = seededRandom(15_000);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const producers: { id: string; name: string; district: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const district = pick(districts);
    const name = `${pick(FORMS)} ${pick(PLACES)} số ${i + 1}`;
    const unit = await createUnit(
      handle.db,
      SYSTEM_ACTOR,
      { kind: 'producer', shortName: name, name, parentId: district.id },
      { isSample: true },
    );
    producers.push({ id: unit.id, name, district: district.id });
  }
  const now = new Date().toISOString();
  const rows: ProductsTable[] = Array.from({ length: count }, (_, i) => {
    const producer = pick(producers);
    const score = 50 + Math.floor(random() * 50);
    const name = `${pick(KINDS)} ${pick(PLACES)} ${i + 1}`;
    return {
      id: `bench-product-${i}`,
      name,
      search_key: productSearchKey(name, producer.name),
      sort_key: vietnameseSortKey(name),
      group_id: `g1048-${1 + Math.floor(random() * 6)}`,
      sub_group: null,
      producer_id: producer.id,
      district_id: producer.district,
      commune_id: null,
      score,
      stars: starsForScore(score),
      potential: 0,
      evaluation_year: 2019 + Math.floor(random() * 2),
      evaluation_round: 1,
      certifying_level: 'province',
      decision_number: decisionNumber,
      decision_date: '2020-11-06',
      valid_until: '2023-11-06',
      certificate_number: `${i + 1}/GCN-OCOP`,
      description: 'Dữ liệu mẫu cho đo hiệu năng.',
      where_to_buy: null,
      is_sample: 1,
      created_at: now,
      updated_at: now,
    };
  });
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('products')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  if (handle.engine === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  else await sql`analyze`.execute(handle.db);
  const event = await handle.db.selectFrom('events').select('id').executeTakeFirstOrThrow();
  const district = districts.find((d) => d.name.includes('Hoằng Hóa'))!;
  await handle.close();
  return { eventId: event.id, districtId: district.id };
}

/** What visitors type and pick on the showcase: accent-free words, stars, a district, a group. */
function showcasePaths(districtId: string): string[] {
  return [
    '/api/public/products?q=mam%20tom',
    '/api/public/products?q=nem',
    '/api/public/products?q=hoa%20loc&stars=4',
    `/api/public/products?districtId=${districtId}`,
    `/api/public/products?districtId=${districtId}&stars=3`,
    '/api/public/products?groupId=g1048-2',
    '/api/public/products?q=mat%20ong%20rung%20thach',
    '/api/public/products',
    '/api/public/products?q=zz-khong-co',
    '/api/public/products?q=htx&page=3',
  ];
}

/** The public showcase's search over 15,000 products, one visitor at a time, vs a bare Fastify hello. */
export const showcaseSearch15k: Scenario = {
  name: 'showcase-search-15k',
  description:
    'GET /api/public/products?q=…&stars=…&districtId=… over 15,000 products, no sign-in, one connection',
  async run(ctx: BenchContext) {
    const database = await createBenchDatabase(ctx);
    try {
      const started = performance.now();
      const { districtId } = await loadProducts(database.env, database.dataDir, 15_000, '9999/QĐ-UBND');
      ctx.log(`showcase-search-15k: loaded 15,000 products in ${Math.round(performance.now() - started)} ms`);
      const app = await startApp(database.env);
      return await loadAgainstHello('showcase-search-15k', app, {
        paths: showcasePaths(districtId),
        connections: 1,
        durationSeconds: ctx.quick ? 3 : 10,
      });
    } finally {
      await database.dispose();
    }
  },
};

const CERTIFICATES = 1000;

/** 1,000 certificates as one A4 landscape PDF, through the API; pages per second against bare pdfkit pages. */
export const certificates1000: Scenario = {
  name: 'certificates-1000',
  description: `GET /api/events/{id}/certificates.pdf?decisionNumber=… for ${CERTIFICATES} products (target under 10 s)`,
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const database = await createBenchDatabase(ctx);
    try {
      const decision = '1000/QĐ-UBND';
      const { eventId } = await loadProducts(database.env, database.dataDir, CERTIFICATES, decision);
      const app = await startApp(database.env);
      const cookie = await signIn(app.url);
      const times: number[] = [];
      for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
        const started = performance.now();
        const response = await fetch(
          `${app.url}/api/events/${eventId}/certificates.pdf?decisionNumber=${encodeURIComponent(decision)}`,
          { headers: { cookie } },
        );
        const body = Buffer.from(await response.arrayBuffer());
        if (!response.ok)
          throw new Error(`certificates-1000: ${response.status} ${body.toString().slice(0, 200)}`);
        times.push(performance.now() - started);
        ctx.log(
          `certificates-1000: run ${i + 1}: ${Math.round(times.at(-1)!)} ms, ${Math.round(body.length / 1024)} KB`,
        );
      }
      await app.stop();
      const sorted = [...times].sort((a, b) => a - b);
      const p50 = sorted[Math.floor(sorted.length / 2)]!;
      const throughput = Math.round((CERTIFICATES / p50) * 1000);
      const pages = ctx.baselines['pdfkit-pages']?.throughput_rps ?? throughput;
      return {
        wall_s: Number((p50 / 1000).toFixed(2)),
        p50_ms: Math.round(p50),
        p95_ms: Math.round(sorted.at(-1)!),
        p99_ms: Math.round(sorted.at(-1)!),
        throughput_rps: throughput,
        baseline: { name: 'pdfkit-pages', throughput_rps: pages },
        ratio: Number((throughput / pages).toFixed(3)),
      };
    } finally {
      await database.dispose();
    }
  },
};
