import { readFileSync } from 'node:fs';
import { parsePlan } from '../../src/server/plans/parser/parse-plan';
import { seededRandom } from '../lib/scale';
import type { Scenario } from '../lib/types';

const SEED = readFileSync('src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt', 'utf8');
const DISTRICTS = [
  'Hoằng Hóa',
  'Nga Sơn',
  'Hậu Lộc',
  'Quảng Xương',
  'Thọ Xuân',
  'Triệu Sơn',
  'Như Thanh',
  'Vĩnh Lộc',
  'Hà Trung',
];

/**
 * A 60 KB plan, deterministic: the seed plan with its composition, program and tasks grown the way a large
 * provincial plan grows (a group per district, a timed program over two days, duties for every district).
 */
export function largePlan(targetBytes = 60 * 1024): string {
  const random = seededRandom(60);
  const [head, rest] = SEED.split('7.4. ') as [string, string];
  const groups: string[] = [];
  const tasks: string[] = [];
  const program: string[] = [];
  for (
    let i = 0;
    Buffer.byteLength(head + groups.join('\n') + program.join('\n') + tasks.join('\n')) < targetBytes;
    i++
  ) {
    const district = `${DISTRICTS[i % DISTRICTS.length]} ${i + 1}`;
    groups.push(
      `- Đại diện lãnh đạo, chuyên viên và chủ thể OCOP huyện ${district} (${String(2 + Math.floor(random() * 8)).padStart(2, '0')} người);`,
    );
    const hour = 7 + (i % 10);
    program.push(
      `+ ${hour}h00 - ${hour}h30: Tham luận của huyện ${district} về kết quả thực hiện Chương trình OCOP;`,
    );
    tasks.push(
      `${i + 8}. UBND huyện ${district}`,
      `- Mời đại diện các xã có sản phẩm OCOP, các chủ thể tham gia Chương trình OCOP trên địa bàn huyện ${district};`,
      `- Phối hợp chuẩn bị gian hàng trưng bày, giới thiệu sản phẩm OCOP và sản phẩm tiềm năng của huyện tại Hội nghị.`,
    );
  }
  const withGroups = `${head}7.4. Đại biểu các huyện (bổ sung):\n${groups.join('\n')}\n7.5. ${rest}`;
  const withProgram = withGroups.replace(
    '- Kết luận, bế mạc Hội nghị.',
    `- Tham luận của các huyện:\n${program.join('\n')}\n- Kết luận, bế mạc Hội nghị.`,
  );
  return withProgram.replace('Trên đây là Kế hoạch', `${tasks.join('\n')}\n\nTrên đây là Kế hoạch`);
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(3));
}

function time(run: () => unknown, iterations: number): number[] {
  for (let i = 0; i < 5; i++) run(); // warm-up: JIT and regex compilation
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Parsing a 60 KB plan, against the floor of any line-based reader: normalising and splitting the same text. */
export const planParse60k: Scenario = {
  name: 'plan-parse-60k',
  description: 'parse a 60 KB Kế hoạch (target: under 50 ms) vs normalising and splitting its lines',
  async run(ctx) {
    const text = largePlan();
    const iterations = ctx.quick ? 20 : 100;
    const draft = parsePlan(text);
    ctx.log(
      `plan-parse-60k: ${Math.round(Buffer.byteLength(text) / 1024)} KB, ${draft.composition.flatMap((g) => g.children).length} composition entries, ${draft.tasks.length} units with tasks, total ${draft.compositionTotal}`,
    );
    const started = performance.now();
    const ours = time(() => parsePlan(text), iterations);
    const wall = (performance.now() - started) / 1000;
    const base = time(
      () =>
        text
          .normalize('NFC')
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((l) => l.trim()),
      iterations,
    );
    return {
      p50_ms: percentile(ours, 50),
      p95_ms: percentile(ours, 95),
      p99_ms: percentile(ours, 99),
      wall_s: Number(wall.toFixed(2)),
      baseline: {
        name: 'normalise-and-split',
        p50_ms: percentile(base, 50),
        p95_ms: percentile(base, 95),
        p99_ms: percentile(base, 99),
      },
      ratio: Number((percentile(base, 50) / percentile(ours, 50)).toFixed(3)),
    };
  },
};
