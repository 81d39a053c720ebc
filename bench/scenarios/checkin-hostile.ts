import { deflatePieces, inlineCell, sheetXml, xlsxOf } from '../../src/server/test/crafted-xlsx';
import { createBenchDatabase, loadAgainstHello } from '../lib/app';
import type { BenchContext, Scenario, ScenarioResult } from '../lib/types';
import { checkinLoad, openDoor } from './checkin';

const CONNECTIONS = 50;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The files of issue 13, as an attacker would send them one after another. */
async function hostileFiles(): Promise<Buffer[]> {
  const header = `<row r="1">${inlineCell('A1', 'Họ và tên')}${inlineCell('B1', 'Chức vụ')}</row>`;
  const millionRows = await deflatePieces(
    (function* () {
      yield `<worksheet><sheetData>${header}`;
      for (let i = 0; i < 1_000; i++)
        yield Array.from({ length: 1_000 }, (_, j) => `<row><c><v>${i * 1_000 + j}</v></c></row>`).join('');
      yield '</sheetData></worksheet>';
    })(),
  );
  const hugeString = await deflatePieces(
    (function* () {
      yield '<sst><si><t>';
      const block = 'a'.repeat(1024 * 1024);
      for (let i = 0; i < 300; i++) yield block;
      yield '</t></si></sst>';
    })(),
  );
  const sharedSheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
  const sparse = Array.from(
    { length: 2_000 },
    (_, i) => `<row r="${i + 1}">${inlineCell(`XFD${i + 1}`, 'x')}</row>`,
  );
  return [
    xlsxOf({ name: '', deflated: millionRows }),
    xlsxOf(sharedSheet, { name: '', deflated: hugeString, declaredSize: 1024 }),
    xlsxOf(sheetXml(sparse.join(''))),
    xlsxOf(sheetXml(`<row r="1048576">${inlineCell('XFD1048576', 'x')}</row>`)),
  ];
}

/**
 * The hall door while someone keeps uploading the hostile spreadsheets of issue 13 to the import preview, one after
 * another for the whole run: the same load as `checkin` (50 connections, a new person each scan) against the same
 * bare Fastify hello. Every upload must be refused with a 4xx and every check-in answered 2xx.
 */
export const checkinUnderHostileImport: Scenario = {
  name: 'checkin-under-hostile-import',
  description: `POST /api/events/{id}/checkins, ${CONNECTIONS} connections, while hostile .xlsx files are uploaded back to back`,
  async run(ctx: BenchContext) {
    const files = await hostileFiles();
    const database = await createBenchDatabase(ctx);
    try {
      const { app, eventId, cookie, ids } = await openDoor(database);

      let uploading = true;
      const statuses: number[] = [];
      // One refusal before the load starts the reader's worker, so the run measures reading, not start-up.
      const warmUp = await fetch(`${app.url}/api/events/${eventId}/delegates/import/preview`, {
        method: 'POST',
        headers: { cookie, 'content-type': XLSX },
        body: new Uint8Array(files[files.length - 1]!),
      });
      await warmUp.arrayBuffer();
      statuses.push(warmUp.status);
      // Caught at once: the server is stopped under the last upload, which then fails with it.
      const uploads = (async () => {
        for (let i = 0; uploading; i++) {
          const response = await fetch(`${app.url}/api/events/${eventId}/delegates/import/preview`, {
            method: 'POST',
            headers: { cookie, 'content-type': XLSX },
            body: new Uint8Array(files[i % files.length]!),
          });
          await response.arrayBuffer();
          statuses.push(response.status);
        }
      })().catch(() => undefined);

      let result: ScenarioResult;
      try {
        result = await loadAgainstHello(
          'checkin-under-hostile-import',
          app,
          checkinLoad(eventId, cookie, ids, ctx.quick),
        );
      } finally {
        uploading = false;
        await uploads;
      }
      ctx.log(
        `  hostile uploads answered: ${statuses.length}, statuses ${[...new Set(statuses)].join(', ')}`,
      );
      if (statuses.length === 0 || statuses.some((s) => s < 400 || s >= 500))
        throw new Error(`hostile uploads not all refused with a 4xx: ${statuses.join(', ')}`);
      return result;
    } finally {
      await database.dispose();
    }
  },
};
