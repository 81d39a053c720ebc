import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import JSZip from 'jszip';
import { sql } from 'kysely';
import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';
import { getInvitationTemplate, saveInvitationTemplate } from './invitations.service';

let ctx: TestContext;
let organizer = '';
let eventId = '';
let groupId = '';
let unitId = '';

type Method = 'GET' | 'POST' | 'DELETE';
const call = (method: Method, url: string) =>
  ctx.app.inject({ method, url: `/api/events/${eventId}${url}`, headers: { cookie: organizer } });

async function delegate(fullName: string): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/delegates`,
    headers: { cookie: organizer },
    payload: { groupId, unitId, fullName, position: 'Chủ tịch UBND xã' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Everything issuing could touch: delegates' statuses, the register, reply links, the audit log, jobs. */
async function snapshot() {
  const db = ctx.handle.db;
  const [delegates, invitations, tokens, badges, registers, audit, jobs] = await Promise.all([
    db.selectFrom('delegates').select(['id', 'status', 'updated_at']).orderBy('id').execute(),
    db.selectFrom('invitations').selectAll().orderBy('id').execute(),
    db.selectFrom('reply_tokens').selectAll().orderBy('token_hash').execute(),
    db.selectFrom('badge_tokens').selectAll().orderBy('token_hash').execute(),
    db.selectFrom('letter_registers').selectAll().orderBy('key').execute(),
    db.selectFrom('audit_log').select('id').orderBy('id').execute(),
    db.selectFrom('document_jobs').select('id').orderBy('id').execute(),
  ]);
  return JSON.stringify({ delegates, invitations, tokens, badges, registers, audit, jobs });
}

/** The QR code's text in a DOCX letter. */
async function qrOf(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n))) {
    const png = PNG.sync.read(await zip.file(name)!.async('nodebuffer'));
    const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    if (text) return text;
  }
  throw new Error('no QR code in the letter');
}
const tokenIn = (url: string) => url.split('/r/')[1]!;
const textOf = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;
const replyPage = (token: string) => ctx.app.inject({ method: 'GET', url: `/api/replies/${token}` });

beforeAll(async () => {
  ctx = await createTestContext();
  unitId = (await ctx.buildUnit({ name: 'Xã Nga Liên', kind: 'commune' })).id;
  eventId = (await ctx.buildEvent({ planIssuer: 'UBND tỉnh Thanh Hóa' })).id;
  const user = await ctx.buildUser({ username: 'btc-phat-hanh' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-phat-hanh');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Đại diện các xã' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 20 }] });
  // Numbers from the agency's register, which reached 136 by hand this year.
  const template = await getInvitationTemplate(ctx.handle.db, eventId);
  await saveInvitationTemplate(ctx.handle.db, SYSTEM_ACTOR, eventId, {
    ...template,
    numbering: 'register',
    registerStart: 137,
  });
});
afterAll(() => ctx.close());

describe('issuing documents', () => {
  it('GET never issues: before issue a letter and badges answer 409 NOT_ISSUED, batches have no GET, nothing is written', async () => {
    const id = await delegate('Mai Văn Một');
    const before = await snapshot();
    for (const url of [
      `/delegates/${id}/invitation.pdf`,
      `/delegates/${id}/invitation.docx`,
      '/badges.pdf',
    ]) {
      const response = await call('GET', url);
      expect(response.statusCode, url).toBe(409);
      expect(response.json().error.code).toBe('NOT_ISSUED');
      expect(response.json().error.message).toMatch(/chưa (được phát hành|có mã điểm danh)/);
    }
    for (const url of [
      '/invitations.pdf',
      '/invitations.zip',
      '/invitations/links.xlsx',
      '/unit-invitations.pdf',
      '/unit-invitations.zip',
    ]) {
      expect((await call('GET', url)).statusCode, url).toBe(404);
    }
    expect(await snapshot()).toBe(before);
    const row = await ctx.handle.db.selectFrom('delegates').select('status').where('id', '=', id).execute();
    expect(row[0]!.status).toBe('draft');
  });

  // One letter followed through issue, reprint and a second issue.
  const issued = { id: '', number: '', registered: 0, link: '' };

  it('POST issues a letter: a number in the register, a reply link, the delegate invited', async () => {
    const id = await delegate('Trịnh Thị Hai');
    const first = await call('POST', `/delegates/${id}/invitation.docx`);
    expect(first.statusCode, first.body).toBe(200);
    const register = await ctx.handle.db
      .selectFrom('invitations')
      .selectAll()
      .where('delegate_id', '=', id)
      .execute();
    expect(register).toHaveLength(1);
    expect(register[0]!.register_number).toBe(137);
    const number = String(register[0]!.register_number);
    expect(await textOf(first.rawPayload)).toContain(`Số: ${number}/GM-UBND`);
    const link = await qrOf(first.rawPayload);
    expect((await replyPage(tokenIn(link))).json().delegate).toMatchObject({ status: 'invited' });
    Object.assign(issued, { id, number, registered: register[0]!.number, link });
  });

  it('a GET reprint keeps the number, the date and the link, and writes nothing', async () => {
    const { id, number, link } = issued;

    // The letter was issued on 05/11/2020: a reprint says so, whatever day it is printed.
    await ctx.handle.db
      .updateTable('invitations')
      .set({ issued_at: '2020-11-05T02:00:00.000Z', issued_on: '2020-11-05' })
      .where('delegate_id', '=', id)
      .execute();
    const before = await snapshot();
    const reprint = await call('GET', `/delegates/${id}/invitation.docx`);
    expect(reprint.statusCode).toBe(200);
    expect(await qrOf(reprint.rawPayload)).toBe(link);
    const text = await textOf(reprint.rawPayload);
    expect(text).toContain(`Số: ${number}/`);
    expect(text).toContain('ngày 05 tháng 11 năm 2020');
    expect((await call('GET', `/delegates/${id}/invitation.pdf`)).statusCode).toBe(200);
    expect(await snapshot()).toBe(before);
  });

  it('a second POST numbers nothing again: same number, date and link', async () => {
    const { id, registered, link } = issued;
    const again = await call('POST', `/delegates/${id}/invitation.docx`);
    expect(await qrOf(again.rawPayload)).toBe(link);
    expect(await textOf(again.rawPayload)).toContain('ngày 05 tháng 11 năm 2020');
    expect(
      await ctx.handle.db.selectFrom('invitations').select('number').where('delegate_id', '=', id).execute(),
    ).toEqual([{ number: registered }]);
  });

  it('keeps no reply token in plain text anywhere in the database', async () => {
    await delegate('Lê Văn Ba');
    const xlsx = await call('POST', `/invitations/links.xlsx?groupId=${groupId}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const tokens = workbook.worksheets[0]!.getSheetValues().flatMap((row) =>
      Array.isArray(row) ? row.filter((v) => typeof v === 'string' && v.includes('/r/')).map(String) : [],
    );
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const { db, schema } = ctx.handle;
    const tables = (await db.introspection.getTables()).filter((t) => !schema || t.schema === schema);
    expect(tables.map((t) => t.name)).toContain('reply_tokens');
    const dump: string[] = [];
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
      dump.push(JSON.stringify(rows.rows));
    }
    const everything = dump.join('\n');
    for (const url of tokens) {
      const token = tokenIn(url);
      expect(everything).not.toContain(token);
      expect(everything).toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('a revoked link stops working and cannot be reprinted; issuing again gives a new link, same number', async () => {
    const id = await delegate('Phạm Văn Bốn');
    const issued = await call('POST', `/delegates/${id}/invitation.docx`);
    const link = await qrOf(issued.rawPayload);
    expect((await call('DELETE', `/delegates/${id}/reply-link`)).statusCode).toBe(200);
    expect((await replyPage(tokenIn(link))).statusCode).toBe(404);
    const before = await snapshot();
    const reprint = await call('GET', `/delegates/${id}/invitation.docx`);
    expect(reprint.statusCode).toBe(409);
    expect(reprint.json().error.code).toBe('NOT_ISSUED');
    expect(await snapshot()).toBe(before);
    const reissued = await call('POST', `/delegates/${id}/invitation.docx`);
    const fresh = await qrOf(reissued.rawPayload);
    expect(fresh).not.toBe(link);
    expect((await replyPage(tokenIn(fresh))).statusCode).toBe(200);
    expect((await replyPage(tokenIn(link))).statusCode).toBe(404);
    expect(await textOf(reissued.rawPayload)).toContain(
      (await textOf(issued.rawPayload)).match(/Số: \d+/)![0],
    );
  });

  it('answers links of the old format (hash only); a reprint gives such a delegate a new link', async () => {
    const id = await delegate('Đỗ Thị Năm');
    const old = randomBytes(32).toString('base64url');
    await ctx.handle.db
      .insertInto('reply_tokens')
      .values({
        token_hash: createHash('sha256').update(old).digest('hex'),
        generation: null,
        delegate_id: id,
        event_id: eventId,
        created_at: '2020-11-01T00:00:00.000Z',
        created_by: null,
        revoked_at: null,
      })
      .execute();
    expect((await replyPage(old)).json().delegate.fullName).toBe('Đỗ Thị Năm');
    const before = await snapshot();
    expect((await call('GET', `/badges.pdf?delegateId=${id}`)).statusCode).toBe(409);
    expect(await snapshot()).toBe(before);
    const letter = await call('POST', `/delegates/${id}/invitation.docx`);
    const fresh = tokenIn(await qrOf(letter.rawPayload));
    expect(fresh).not.toBe(old);
    expect((await replyPage(fresh)).statusCode).toBe(200);
    expect((await replyPage(old)).statusCode).toBe(404);
  });

  it('badges: POST gives badge codes (not reply links) to those without; then GET reprints them without writing', async () => {
    const id = await delegate('Vũ Văn Sáu');
    expect((await call('GET', `/badges.pdf?delegateId=${id}`)).statusCode).toBe(409);
    const issued = await call('POST', `/badges.pdf?delegateId=${id}`);
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['content-type']).toBe('application/pdf');
    const db = ctx.handle.db;
    expect(
      await db.selectFrom('reply_tokens').select('generation').where('delegate_id', '=', id).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('badge_tokens').select('event_id').where('delegate_id', '=', id).execute(),
    ).toEqual([{ event_id: eventId }]);
    // The others have letters but no badge yet: the whole list cannot be reprinted before it is printed.
    expect((await call('GET', '/badges.pdf')).statusCode).toBe(409);
    expect((await call('POST', '/badges.pdf')).statusCode).toBe(200);
    const before = await snapshot();
    expect((await call('GET', `/badges.pdf?delegateId=${id}`)).statusCode).toBe(200);
    expect((await call('GET', '/badges.pdf')).statusCode).toBe(200);
    expect(await snapshot()).toBe(before);
    // The letter brings its own reply link; the badge code stays as it was.
    const letter = await call('POST', `/delegates/${id}/invitation.docx`);
    expect((await replyPage(tokenIn(await qrOf(letter.rawPayload)))).statusCode).toBe(200);
    expect(
      await db.selectFrom('badge_tokens').select('event_id').where('delegate_id', '=', id).execute(),
    ).toHaveLength(1);
  });
});
