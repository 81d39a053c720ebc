import { createBenchDatabase, startApp } from '../lib/app';
import type { BenchContext, Scenario, ScenarioResult } from '../lib/types';
import { loadConferences, signIn } from './delegates';

const LETTERS = 300;

/**
 * 300 personalised Giấy mời through the API as the organizer downloads them: the whole conference as one ZIP of
 * DOCX, or as one merged PDF (each with its QR code and register number). The first run numbers the register;
 * the others reprint. Target: under 5 s each. Letters per second against bare pdfkit pages in the same run.
 */
function invitations(kind: 'docx' | 'pdf'): Scenario {
  const name = `invitations-${kind}-${LETTERS}`;
  return {
    name,
    description: `POST /api/events/{id}/invitations.${kind === 'docx' ? 'zip' : 'pdf'} for ${LETTERS} delegates`,
    async run(ctx: BenchContext): Promise<ScenarioResult> {
      const runs = ctx.quick ? 2 : 5;
      const database = await createBenchDatabase(ctx);
      try {
        const { eventId } = await loadConferences(database.env, database.dataDir, {
          units: 30,
          delegates: LETTERS,
          events: 1,
        });
        const app = await startApp(database.env);
        const cookie = await signIn(app.url);
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          const response = await fetch(
            `${app.url}/api/events/${eventId}/invitations.${kind === 'docx' ? 'zip' : 'pdf'}`,
            // Issuing is a POST; after the first run every letter is issued and this reprints them.
            { method: 'POST', headers: { cookie } },
          );
          const body = Buffer.from(await response.arrayBuffer());
          if (!response.ok) throw new Error(`${name}: ${response.status} ${body.toString().slice(0, 200)}`);
          times.push(performance.now() - started);
          bytes = body.length;
          ctx.log(`${name}: run ${i + 1}: ${Math.round(times.at(-1)!)} ms, ${Math.round(bytes / 1024)} KB`);
        }
        await app.stop();
        const sorted = [...times].sort((a, b) => a - b);
        const p50 = sorted[Math.floor(sorted.length / 2)]!;
        const throughput = Math.round((LETTERS / p50) * 1000);
        const pages = ctx.baselines['pdfkit-pages']?.throughput_rps ?? throughput;
        return {
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
}

export const invitationsDocx300 = invitations('docx');
export const invitationsPdf300 = invitations('pdf');
