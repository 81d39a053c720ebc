import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { createBenchDatabase, startApp } from '../lib/app';
import type { BenchContext, Scenario, ScenarioResult } from '../lib/types';
import { signIn } from './delegates';

/**
 * The closing report of the demo conference (S, as `npm start` loads it) through the API, as the organizer
 * downloads it: every feature's figures read, the DOCX with its tables and chart built. Target: under 3 s.
 * Baseline in the same run: a bare `docx` document of the same size (a title, 40 paragraphs and a 300-row table)
 * packed in the harness, the floor any DOCX of that size costs on this machine.
 */
function bareDocx(): Promise<Buffer> {
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const rows = Array.from(
    { length: 300 },
    (_, i) => new TableRow({ children: ['STT', 'Nội dung', 'Số', 'Tỷ lệ'].map((c) => cell(`${c} ${i}`)) }),
  );
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'BÁO CÁO', bold: true })] }),
          ...Array.from(
            { length: 40 },
            (_, i) => new Paragraph(`Đoạn văn ${i} của báo cáo kết quả tổ chức hội nghị.`),
          ),
          new Table({ rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const reportDocx: Scenario = {
  name: 'report-docx',
  description:
    'GET /api/events/{id}/report.docx of the demo conference vs a bare docx document of the same size',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const runs = ctx.quick ? 3 : 7;
    const database = await createBenchDatabase(ctx);
    try {
      const app = await startApp(database.env);
      const cookie = await signIn(app.url);
      const events = (await (await fetch(`${app.url}/api/events`, { headers: { cookie } })).json()) as {
        id: string;
      }[];
      const eventId = events[0]!.id;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const response = await fetch(`${app.url}/api/events/${eventId}/report.docx`, { headers: { cookie } });
        const body = Buffer.from(await response.arrayBuffer());
        if (!response.ok) throw new Error(`report-docx: ${response.status} ${body.toString().slice(0, 200)}`);
        times.push(performance.now() - started);
        ctx.log(
          `report-docx: run ${i + 1}: ${Math.round(times.at(-1)!)} ms, ${Math.round(body.length / 1024)} KB`,
        );
      }
      await app.stop();
      const bare: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await bareDocx();
        bare.push(performance.now() - started);
      }
      const ours = median(times);
      const floor = median(bare);
      return {
        p50_ms: Math.round(ours),
        p95_ms: Math.round(Math.max(...times)),
        p99_ms: Math.round(Math.max(...times)),
        baseline: { name: 'docx-bare', p50_ms: Math.round(floor) },
        ratio: Number((floor / ours).toFixed(3)),
      };
    } finally {
      await database.dispose();
    }
  },
};
