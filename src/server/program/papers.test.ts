import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentPack, Paper, ProgramItem } from '../../shared/program';
import { PAPER_MEDIA_TYPES } from '../../shared/program';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { officialDocument, para } from '../documents/official-docx';
import { renderPdf, vi } from '../documents/pdf';
import { issueReplyLink } from '../replies/replies.service';
import { createTestContext, type TestContext } from '../test/harness';

// Papers (tham luận): sent by the unit that writes them, checked by their bytes, reviewed, zipped, and read by
// delegates through their reply link.

let ctx: TestContext;
let organizer = '';
let hoangHoa = '';
let ngaSon = '';
let eventId = '';
let hoangHoaId = '';
let ngaSonId = '';
let token = '';
let otherToken = '';
let pdf: Buffer;
let docx: Buffer;

const upload = (cookie: string, body: Buffer, query: string, type: string = PAPER_MEDIA_TYPES.pdf) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/papers?${query}`,
    headers: { cookie, 'content-type': type },
    payload: body,
  });
const list = async (cookie: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/events/${eventId}/papers`, headers: { cookie } })).json()
    .items as Paper[];
const count = async () =>
  Number(
    (
      await ctx.handle.db
        .selectFrom('papers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tham luận' })).id;
  const otherEventId = (await ctx.buildEvent({ name: 'Hội nghị khác' })).id;
  hoangHoaId = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Hoằng Hóa' })).id;
  ngaSonId = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Nga Sơn' })).id;
  const btc = await ctx.buildUser({ username: 'btc-tham-luan' });
  await ctx.addMember(eventId, btc.id, 'organizer');
  organizer = await ctx.login('btc-tham-luan');
  const hh = await ctx.buildUser({ username: 'can-bo-hoang-hoa' });
  await ctx.addMember(eventId, hh.id, 'unit_officer', hoangHoaId);
  hoangHoa = await ctx.login('can-bo-hoang-hoa');
  const ns = await ctx.buildUser({ username: 'can-bo-nga-son' });
  await ctx.addMember(eventId, ns.id, 'unit_officer', ngaSonId);
  ngaSon = await ctx.login('can-bo-nga-son');

  const group = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Đại biểu các huyện' });
  await setSeats(db, SYSTEM_ACTOR, eventId, group, { seats: [{ unitId: hoangHoaId, quota: 2 }] });
  const delegate = await createDelegate(db, SYSTEM_ACTOR, { all: true }, eventId, {
    groupId: group,
    unitId: hoangHoaId,
    fullName: 'Lê Thị Hoa',
    position: 'Phó Chủ tịch UBND huyện',
  });
  token = (await issueReplyLink(db, ctx.secretKey, SYSTEM_ACTOR, { all: true }, eventId, delegate.id)).token;
  const otherGroup = await createGroup(db, SYSTEM_ACTOR, otherEventId, { title: 'Khách' });
  await setSeats(db, SYSTEM_ACTOR, otherEventId, otherGroup, { seats: [{ unitId: ngaSonId, quota: 1 }] });
  const other = await createDelegate(db, SYSTEM_ACTOR, { all: true }, otherEventId, {
    groupId: otherGroup,
    unitId: ngaSonId,
    fullName: 'Trần Văn Khác',
  });
  otherToken = (await issueReplyLink(db, ctx.secretKey, SYSTEM_ACTOR, { all: true }, otherEventId, other.id))
    .token;

  pdf = await renderPdf((doc) => {
    doc.addPage();
    doc.font('serif').text(vi('Tham luận của huyện Hoằng Hóa'));
  }, 'Tham luận');
  docx = await officialDocument([para('Tham luận của huyện Nga Sơn về sản phẩm cói.')], 'Tham luận');
});
afterAll(() => ctx.close());

describe('sending papers', () => {
  it('takes a PDF or a Word file from the unit that writes it', async () => {
    const sent = await upload(
      hoangHoa,
      pdf,
      `title=${encodeURIComponent('Nước mắm truyền thống Hoằng Hóa')}`,
    );
    expect(sent.statusCode).toBe(201);
    const paper = sent.json() as Paper;
    expect(paper).toMatchObject({
      unitId: hoangHoaId,
      status: 'submitted',
      mediaType: PAPER_MEDIA_TYPES.pdf,
    });
    // The Content-Type says nothing: a Word file sent as octet-stream is read by its bytes.
    const word = await upload(
      ngaSon,
      docx,
      `title=${encodeURIComponent('Cói Nga Sơn')}`,
      'application/octet-stream',
    );
    expect(word.statusCode).toBe(201);
    expect((word.json() as Paper).mediaType).toBe(PAPER_MEDIA_TYPES.docx);
  });

  it('refuses a PNG renamed to .pdf and a 21 MB file, storing nothing', async () => {
    const before = await count();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(2000, 7),
    ]);
    const renamed = await upload(hoangHoa, png, 'title=Anh&fileName=tham-luan.pdf');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // A zip that is not a Word document (an .xlsx, say) is refused too.
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const notWord = await upload(
      hoangHoa,
      await zip.generateAsync({ type: 'nodebuffer' }),
      'title=Bang',
      PAPER_MEDIA_TYPES.docx,
    );
    expect(notWord.statusCode).toBe(415);
    const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
    big.write('%PDF-1.7\n');
    const tooBig = await upload(hoangHoa, big, 'title=Qua+lon');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const json = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/papers?title=x`,
      headers: { cookie: hoangHoa },
      payload: { title: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('keeps a unit officer to their own unit', async () => {
    const foreign = await upload(ngaSon, pdf, `title=Gia&unitId=${hoangHoaId}`);
    expect(foreign.statusCode).toBe(403);
    expect((await list(ngaSon)).map((p) => p.unitId)).toEqual([ngaSonId]);
    expect((await list(organizer)).length).toBe(2);
    const theirs = (await list(hoangHoa))[0]!;
    const peek = await ctx.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/papers/${theirs.id}/file`,
      headers: { cookie: ngaSon },
    });
    expect(peek.statusCode).toBe(404);
    const own = await ctx.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/papers/${theirs.id}/file`,
      headers: { cookie: hoangHoa },
    });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdf)).toBe(true);
  });
});

describe('reviewing papers', () => {
  it('accepts a paper into the program or returns it with a comment; only organizers review', async () => {
    const [hh, ns] = await list(organizer);
    const item = (
      await ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/program/items`,
        headers: { cookie: organizer },
        payload: { kind: 'paper', title: 'Tham luận của các huyện', durationMinutes: 20 },
      })
    ).json() as ProgramItem;
    const review = (cookie: string, id: string, payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/papers/${id}/review`,
        headers: { cookie },
        payload,
      });
    expect((await review(hoangHoa, hh!.id, { status: 'accepted' })).statusCode).toBe(403);
    const accepted = await review(organizer, hh!.id, { status: 'accepted', programItemId: item.id });
    expect(accepted.json()).toMatchObject({ status: 'accepted', programItemId: item.id });
    expect((await review(organizer, ns!.id, { status: 'returned' })).statusCode).toBe(400);
    const returned = await review(organizer, ns!.id, {
      status: 'returned',
      comment: 'Cần rút gọn còn 5 trang',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Cần rút gọn còn 5 trang' });
    // The unit sees why.
    expect((await list(ngaSon))[0]!.reviewComment).toBe('Cần rút gọn còn 5 trang');
  });

  it('gives all accepted papers as one ZIP', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/papers/accepted.zip`,
      headers: { cookie: organizer },
    });
    expect(response.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^01-huyen-hoang-hoa-nuoc-mam.*\.pdf$/);
    expect((await zip.file(names[0]!)!.async('nodebuffer')).equals(pdf)).toBe(true);
  });
});

describe("the delegate's document pack", () => {
  it('shows the program and the accepted papers through the reply link, without signing in', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/replies/${token}/pack` });
    expect(response.statusCode).toBe(200);
    const pack = response.json() as DocumentPack;
    expect(pack.program.map((p) => p.title)).toContain('Tham luận của các huyện');
    expect(pack.documents.map((d) => d.kind)).toEqual(['program', 'paper']);
    expect(pack.documents[1]!.title).toBe('Nước mắm truyền thống Hoằng Hóa');
    // Nothing personal of anyone: no delegate's name, phone or e-mail in the pack.
    expect(response.body).not.toContain('Lê Thị Hoa');
    const paper = await ctx.app.inject({ method: 'GET', url: pack.documents[1]!.path });
    expect(paper.statusCode).toBe(200);
    expect(paper.headers['content-disposition']).toMatch(/^inline/);
    expect(paper.rawPayload.equals(pdf)).toBe(true);
    const program = await ctx.app.inject({ method: 'GET', url: pack.documents[0]!.path });
    expect(program.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("never gives a returned paper, another event's paper or anything to an unknown link", async () => {
    const returned = (await list(organizer)).find((p) => p.status === 'returned')!;
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/replies/${token}/pack/papers/${returned.id}` }))
        .statusCode,
    ).toBe(404);
    const accepted = (await list(organizer)).find((p) => p.status === 'accepted')!;
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/replies/${otherToken}/pack/papers/${accepted.id}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/replies/khong-co-ma-nay/pack' })).statusCode,
    ).toBe(404);
  });

  it('lets a unit withdraw its paper before review, not after', async () => {
    const [hh, ns] = await list(organizer);
    const withdraw = (cookie: string, id: string) =>
      ctx.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/papers/${id}`, headers: { cookie } });
    expect((await withdraw(hoangHoa, hh!.id)).statusCode).toBe(409);
    expect((await withdraw(hoangHoa, ns!.id)).statusCode).toBe(404);
    expect((await withdraw(ngaSon, ns!.id)).statusCode).toBe(200);
    expect(await count()).toBe(1);
  });
});
