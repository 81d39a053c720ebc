import jsQR from 'jsqr';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationTemplate } from '../../shared/invitations';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let organizer = '';
let eventId = '';
let groupId = '';
let otherEventId = '';
const people: Record<string, string> = {};

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: organizer } });
const post = (url: string) => ctx.app.inject({ method: 'POST', url, headers: { cookie: organizer } });
const base = () => `/api/events/${eventId}`;

beforeAll(async () => {
  ctx = await createTestContext();
  const unit = await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', shortName: 'Hoằng Hóa' });
  const event = await ctx.buildEvent({
    name: 'Hội nghị tổng kết Chương trình OCOP',
    venueName: 'Hội trường 25B',
    venueAddress: 'Thành phố Thanh Hóa',
    planIssuer: 'UBND tỉnh Thanh Hóa',
    planSignerAuthority: 'KT. Chủ tịch',
    planSignerTitle: 'Phó Chủ tịch',
    planSignerName: 'Lê Đức Giang',
  });
  eventId = event.id;
  otherEventId = (await ctx.buildEvent()).id;
  const user = await ctx.buildUser({ username: 'btc-gm' });
  await ctx.addMember(eventId, user.id, 'organizer');
  await ctx.addMember(otherEventId, user.id, 'organizer');
  organizer = await ctx.login('btc-gm');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId: unit.id, quota: 10 }] });
  for (const [fullName, honorific] of [
    ['Nguyễn Thị Hằng', 'ba'],
    ['Lê Đình Khôi', 'dong_chi'],
  ] as const) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/delegates`,
      headers: { cookie: organizer },
      payload: { groupId, unitId: unit.id, fullName, honorific, position: 'Phó Chủ tịch UBND huyện' },
    });
    people[fullName] = response.json().id;
  }
});
afterAll(() => ctx.close());

/** The QR code's text from a DOCX: the first embedded PNG that decodes as one (a logo does not). */
async function qrOf(docx: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n))) {
    const png = PNG.sync.read(await zip.file(name)!.async('nodebuffer'));
    const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    if (text) return text;
  }
  return null;
}

describe('Giấy mời', () => {
  it('starts from the plan: issuer, symbol, signer; edits are checked for unknown placeholders', async () => {
    const template = (await get(`${base()}/invitation-template`)).json() as InvitationTemplate;
    expect(template).toMatchObject({
      agencyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'],
      symbol: 'GM-UBND',
      place: 'Thanh Hóa',
      signerName: 'Lê Đức Giang',
    });
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `${base()}/invitation-template`,
      headers: { cookie: organizer },
      payload: { ...template, body: 'Kính mời {{ho_ten}} dự {{ten_hoi_ngi}}.' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      field: 'body',
      message: expect.stringContaining('Không có trường {{ten_hoi_ngi}}'),
    });
    const good = await ctx.app.inject({
      method: 'PUT',
      url: `${base()}/invitation-template`,
      headers: { cookie: organizer },
      payload: {
        ...template,
        symbol: 'GM-VPĐP',
        numbering: 'register',
        body: 'Văn phòng trân trọng kính mời {{danh_xung}} {{ho_ten}} tới dự {{ten_hoi_nghi}}.',
      },
    });
    expect(good.statusCode).toBe(200);
  });

  it('writes a DOCX with the recipient, the register number and a QR code carrying the reply link', async () => {
    const response = await post(`${base()}/delegates/${people['Nguyễn Thị Hằng']}/invitation.docx`);
    expect(response.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(value).toContain('GIẤY MỜI');
    expect(value).toContain('Số: 01/GM-VPĐP');
    expect(value).toContain('Bà Nguyễn Thị Hằng, Phó Chủ tịch UBND huyện, Huyện Hoằng Hóa');
    expect(value).toContain(
      'Văn phòng trân trọng kính mời Bà Nguyễn Thị Hằng tới dự Hội nghị tổng kết Chương trình OCOP.',
    );
    expect(value).toContain('Hội trường 25B - Thành phố Thanh Hóa');
    const qr = await qrOf(response.rawPayload);
    // The public address (PUBLIC_URL), never the one the organizer's browser reached.
    expect(qr).toMatch(/^https:\/\/hoinghi\.example\.gov\.vn\/r\/[A-Za-z0-9_-]{43}$/);
    // The QR opens this delegate's reply page.
    const page = await ctx.app.inject({ method: 'GET', url: `/api/replies/${qr!.split('/r/')[1]}` });
    expect(page.json().delegate).toMatchObject({ fullName: 'Nguyễn Thị Hằng', status: 'invited' });
    // A reprint keeps the number and the QR code.
    const again = await get(`${base()}/delegates/${people['Nguyễn Thị Hằng']}/invitation.docx`);
    expect(await qrOf(again.rawPayload)).toBe(qr);
    expect((await mammoth.extractRawText({ buffer: again.rawPayload })).value).toContain('Số: 01/GM-VPĐP');
  });

  it('prints the whole list as one PDF with the names in Vietnamese, and as a ZIP of DOCX; the register numbers them', async () => {
    const pdf = await post(`${base()}/invitations.pdf`);
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text.normalize('NFC');
    await parser.destroy();
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('Lê Đình Khôi');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 02/GM-VPĐP');

    const zip = await JSZip.loadAsync(
      (await post(`${base()}/invitations.zip?groupId=${groupId}`)).rawPayload,
    );
    expect(Object.keys(zip.files).sort()).toEqual([
      'GM 01 - Nguyen Thi Hang.docx',
      'GM 02 - Le Dinh Khoi.docx',
    ]);

    const register = (await get(`${base()}/invitations`)).json();
    expect(register).toEqual([
      expect.objectContaining({
        number: 1,
        numberText: '01/GM-VPĐP',
        recipient: expect.stringContaining('Nguyễn Thị Hằng'),
      }),
      expect.objectContaining({
        number: 2,
        numberText: '02/GM-VPĐP',
        recipient: expect.stringContaining('Lê Đình Khôi'),
      }),
    ]);
  });

  it('asks each unit with seats to send its quota, in the same register', async () => {
    const pdf = await post(`${base()}/unit-invitations.pdf`);
    expect(pdf.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text.normalize('NFC').replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Kính gửi: UBND huyện Hoằng Hóa');
    expect(text).toContain('đề nghị UBND huyện Hoằng Hóa cử 10 đại biểu tới dự, cụ thể:');
    expect(text).toContain('- 10 đại biểu: Lãnh đạo huyện.');
    expect(text).toContain('Số: 03/GM-VPĐP');
    const zip = await JSZip.loadAsync((await post(`${base()}/unit-invitations.zip`)).rawPayload);
    expect(Object.keys(zip.files)).toEqual(['GM 03 - UBND huyen Hoang Hoa.docx']);
    const register = (await get(`${base()}/invitations`)).json();
    expect(register.at(-1)).toMatchObject({ number: 3, delegateId: null, recipient: 'UBND huyện Hoằng Hóa' });
  });

  it('makes a batch in the background, reporting progress, and hands over the file when done', async () => {
    const started = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/invitation-jobs`,
      headers: { cookie: organizer },
      payload: { format: 'zip', audience: 'people', groupId },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as { id: string };
    let job = started.json();
    const seen: number[] = [];
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await get(`${base()}/invitation-jobs/${id}`)).json();
      seen.push(job.done);
    }
    expect(job).toMatchObject({
      status: 'done',
      done: 2,
      total: 2,
      error: null,
      fileName: 'Giấy mời (2).zip',
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const zip = await JSZip.loadAsync((await get(`${base()}/invitation-jobs/${id}/file`)).rawPayload);
    expect(Object.keys(zip.files)).toHaveLength(2);
    // Another event's organizer cannot read it through their own event.
    expect((await get(`/api/events/${otherEventId}/invitation-jobs/${id}`)).statusCode).toBe(404);
  });

  it('draws the agency logo when the template has one, and refuses a file that is not an image', async () => {
    const template = (await get(`${base()}/invitation-template`)).json() as InvitationTemplate;
    const image = new PNG({ width: 16, height: 16 });
    image.data.fill(200);
    const logo = `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
    const put = (body: object) =>
      ctx.app.inject({
        method: 'PUT',
        url: `${base()}/invitation-template`,
        headers: { cookie: organizer },
        payload: { ...template, ...body },
      });
    const fake = await put({
      logo: `data:image/png;base64,${Buffer.from('không phải ảnh').toString('base64')}`,
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details[0]).toMatchObject({
      field: 'logo',
      message: 'Tệp logo không phải ảnh PNG hoặc JPEG thật',
    });
    expect((await put({ logo })).statusCode).toBe(200);
    const docx = (await get(`${base()}/delegates/${people['Nguyễn Thị Hằng']}/invitation.docx`)).rawPayload;
    const zip = await JSZip.loadAsync(docx);
    expect(Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(2);
    expect(await qrOf(docx)).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    expect((await get(`${base()}/delegates/${people['Nguyễn Thị Hằng']}/invitation.pdf`)).statusCode).toBe(
      200,
    );
  });

  it('does not print for someone who declined', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: `${base()}/delegates/${people['Lê Đình Khôi']}/status`,
      headers: { cookie: organizer },
      payload: { status: 'declined' },
    });
    const response = await post(`${base()}/delegates/${people['Lê Đình Khôi']}/invitation.pdf`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('đã từ chối');
  });
});
