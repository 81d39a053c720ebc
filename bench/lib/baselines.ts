import { createRequire } from 'node:module';
import SqliteDatabase from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import type { Figures } from './types';

/**
 * Ceilings measured in every run, beside the HTTP baseline each scenario starts for itself: the fastest the driver
 * can insert rows (for imports), and the fastest pdfkit lays out pages with our font (for badges, certificates).
 */
export function sqliteInsertsBaseline(rows: number): Figures & { name: string } {
  const db = new SqliteDatabase(':memory:');
  db.exec(
    'create table t (id text primary key, name text not null, unit text, phone text, created_at text not null)',
  );
  const insert = db.prepare('insert into t values (?, ?, ?, ?, ?)');
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++)
      insert.run(
        `id-${i}`,
        `Nguyễn Văn Đại biểu ${i}`,
        `Huyện ${i % 27}`,
        `09${String(i).padStart(8, '0')}`,
        new Date().toISOString(),
      );
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return {
    name: 'sqlite-inserts',
    throughput_rps: Math.round(rows / seconds),
    wall_s: Number(seconds.toFixed(3)),
  };
}

const TINOS = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
);

export async function pdfkitPagesBaseline(pages: number): Promise<Figures & { name: string }> {
  const started = performance.now();
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
  const done = new Promise<void>((resolve) => {
    doc.on('data', () => {});
    doc.on('end', resolve);
  });
  doc.registerFont('serif', TINOS);
  for (let i = 0; i < pages; i++) {
    doc
      .addPage()
      .font('serif')
      .fontSize(16)
      .text(`Giấy chứng nhận sản phẩm OCOP số ${i + 1}`.normalize('NFC'), { align: 'center' });
    doc
      .fontSize(12)
      .text(
        'Chủ thể: Hợp tác xã dịch vụ nông nghiệp Thành Công, huyện Như Xuân, tỉnh Thanh Hóa'.normalize('NFC'),
      );
  }
  doc.end();
  await done;
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'pdfkit-pages',
    throughput_rps: Math.round(pages / seconds),
    wall_s: Number(seconds.toFixed(3)),
  };
}
