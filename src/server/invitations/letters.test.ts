import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationTemplate } from '../../shared/invitations';
import { SYSTEM_ACTOR } from '../auth/actor';
import { deriveBadgeToken } from '../checkin/badge-tokens.service';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.service';
import { createTestContext, type TestContext } from '../test/harness';
import { isDayOff, letterTiming, workingDaysBetween } from './working-days';

const pdfText = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text.normalize('NFC');
  await parser.destroy();
  return text;
};
const docxText = async (docx: Buffer) =>
  (await mammoth.extractRawText({ buffer: docx })).value.normalize('NFC');
const warningOf = (headers: Record<string, unknown>) =>
  headers['x-letter-warning'] ? decodeURIComponent(String(headers['x-letter-warning'])) : null;

describe('working days (QĐ 45/2018)', () => {
  it('counts public holidays and the Tết break, not only weekends', () => {
    // From date-holidays: mùng 1 Tết, Giỗ Tổ, 30/4, 1/5, 2/9; from our table: the rest of the Tết break and nghỉ bù.
    for (const day of ['2021-02-12', '2021-04-21', '2021-04-30', '2020-09-02', '2020-01-01'])
      expect(isDayOff(day), day).toBe(true);
    for (const day of ['2021-02-10', '2021-02-15', '2021-02-16', '2021-05-03', '2021-09-03', '2020-01-28'])
      expect(isDayOff(day), day).toBe(true);
    expect(isDayOff('2021-02-17')).toBe(false);
    // 8/2/2021 → 18/2/2021: only 9/2 and 17/2 are working days (weekends alone would leave six).
    expect(workingDaysBetween('2021-02-08', '2021-02-18')).toBe(2);
    // Sent Wed 28/4/2021 for Tue 4/5: 29/4 only (30/4, 1/5, 2/5 and 3/5 in lieu are off) → warned.
    const holiday = letterTiming(new Date('2021-04-28T02:00:00Z'), null, '2021-05-04T01:00:00Z');
    expect(holiday.workingDays).toBe(1);
    expect(holiday.warning).toContain('Quyết định 45/2018/QĐ-TTg');
  });

  it("takes today in Vietnam's calendar, across midnight UTC", () => {
    const event = '2020-11-27T01:00:00.000Z'; // Friday 27/11/2020, 8h00
    // 23:59 on Monday 23/11 in Vietnam: Tue, Wed, Thu left — in time.
    const monday = letterTiming(new Date('2020-11-23T16:59:00Z'), null, event);
    expect(monday).toMatchObject({ today: '2020-11-23', workingDays: 3, warning: null });
    // 00:30 on Tuesday 24/11 in Vietnam, still Monday in UTC: two days left — warned.
    const tuesday = letterTiming(new Date('2020-11-23T17:30:00Z'), null, event);
    expect(tuesday).toMatchObject({ today: '2020-11-24', workingDays: 2 });
    expect(tuesday.warning).toContain('24/11/2020');
    // An issue date later than today is the day counted from; a meeting already held warns nobody.
    expect(letterTiming(new Date('2020-11-16T02:00:00Z'), '2020-11-25', event).workingDays).toBe(1);
    expect(letterTiming(new Date('2020-12-01T02:00:00Z'), null, event).warning).toBeNull();
  });
});

describe('the demo letter (contract)', () => {
  let ctx: TestContext;
  let cookie = '';
  let eventId = '';
  let delegateId = '';
  let template: InvitationTemplate;

  beforeAll(async () => {
    // 00:30 on 24/11/2020 in Vietnam (still the 23rd in UTC): three days before the meeting of the 27th.
    ctx = await createTestContext({ clock: () => new Date('2020-11-23T17:30:00Z') });
    await seedDemo(ctx.handle.db);
    cookie = await ctx.login('bantochuc', DEMO_PASSWORD);
    const events = (await ctx.app.inject({ url: '/api/events', headers: { cookie } })).json();
    eventId = (Array.isArray(events) ? events : events.items)[0].id;
    const people = (
      await ctx.app.inject({ url: `/api/events/${eventId}/delegates?status=draft`, headers: { cookie } })
    ).json();
    delegateId = (Array.isArray(people) ? people : people.items)[0].id;
    template = (
      await ctx.app.inject({ url: `/api/events/${eventId}/invitation-template`, headers: { cookie } })
    ).json() as InvitationTemplate;
  }, 120_000);
  afterAll(() => ctx.close());

  it('starts from the plan: the body signs (TM.), the office keeps a copy with the drafting unit code', () => {
    expect(template).toMatchObject({
      signerBody: 'TM. ỦY BAN NHÂN DÂN',
      issuedOn: null,
      numbering: 'blank',
      recipients: ['Như trên', 'Lưu: VT, Pg NN'],
    });
    expect(template.body).toContain('{{chu_tri}}');
  });

  it('prints the issue date, the recipients, the public address and the TM. line, the same in PDF and DOCX', async () => {
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${eventId}/invitation-template`,
      headers: { cookie },
      // Only what changes: the other fields keep their value.
      payload: {
        issuedOn: '2020-11-10',
        recipients: ['Như trên', 'Văn phòng UBND tỉnh (để b/c)', 'Lưu: VT, VPĐP'],
        contactName: 'Lê Thị Hoa (mẫu)',
        contactPhone: '0912345678',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      issuedOn: '2020-11-10',
      recipients: expect.arrayContaining(['Như trên']),
    });

    const pdf = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/delegates/${delegateId}/invitation.pdf`,
      headers: { cookie },
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(text).toContain('https://hoinghi.example.gov.vn/');
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(text).toContain('ngày 10 tháng 11 năm 2020');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(flat).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(flat).toContain('Nơi nhận: - Như trên; - Văn phòng UBND tỉnh (để b/c); - Lưu: VT, VPĐP.');
    // QĐ 45/2018: who chairs, the weekday, a named contact with a phone, where to read the program.
    expect(flat).toMatch(/Hội nghị do đồng chí [^,]+, [^.]+ chủ trì\./);
    expect(flat).toContain('thứ Sáu, ngày 27/11/2020');
    expect(flat).toContain('Thông tin liên hệ: đồng chí Lê Thị Hoa (mẫu)');
    expect(flat).toContain('điện thoại 0912 345 678');
    expect(flat).toContain('Xem chương trình hội nghị và xác nhận tham dự');
    // Three working days is the least: sent (in Vietnam) on Tuesday 24/11 for Friday 27/11 is late.
    expect(warningOf(pdf.headers)).toContain('Quyết định 45/2018/QĐ-TTg');
    // "Nơi nhận:" is bold italic: the face is embedded in the PDF as it is named in the DOCX.
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-BoldItalic/);

    const docx = await ctx.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/delegates/${delegateId}/invitation.docx`,
      headers: { cookie },
    });
    expect(docx.statusCode, docx.body).toBe(200);
    const words = await docxText(docx.rawPayload);
    for (const line of [
      'ngày 10 tháng 11 năm 2020',
      'TM. ỦY BAN NHÂN DÂN',
      '- Lưu: VT, VPĐP.',
      'hoinghi.example.gov.vn/r/',
    ])
      expect(words).toContain(line);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const runOf = (label: string) =>
      xml.match(new RegExp(`<w:r>(?:(?!<w:r>).)*?${label}</w:t>`, 's'))?.[0] ?? '';
    expect(runOf('Nơi nhận:')).toMatch(/<w:b\/>/);
    expect(runOf('Nơi nhận:')).toMatch(/<w:i\/>/);
    expect(runOf('Kính gửi: ')).toMatch(/<w:i\/>/);
    // The same styles in the PDF: "Kính gửi:" italic, the recipient bold.
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Italic/);
  });

  it('a reprint keeps the date it was issued with, even after the template changes', async () => {
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${eventId}/invitation-template`,
      headers: { cookie },
      payload: { ...template, issuedOn: '2020-11-12' },
    });
    const again = await ctx.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/delegates/${delegateId}/invitation.pdf`,
      headers: { cookie },
    });
    expect(await pdfText(again.rawPayload)).toContain('ngày 10 tháng 11 năm 2020');
  });

  it('tells the organizer before printing: the address printed and the QĐ 45 warning', async () => {
    const readiness = (
      await ctx.app.inject({ url: `/api/events/${eventId}/invitations/readiness`, headers: { cookie } })
    ).json();
    expect(readiness).toMatchObject({
      publicUrl: 'https://hoinghi.example.gov.vn',
      publicUrlSource: 'env',
      today: '2020-11-24',
      sendOn: '2020-11-24', // the issue date (12/11) is past: letters go out today
      eventDay: '2020-11-27',
      workingDays: 2,
    });
    expect(readiness.warning).toContain('03 ngày làm việc');
  });
});

describe('numbers, dates, signers and codes', () => {
  let ctx: TestContext;
  let admin = '';
  let cookie = '';
  let unitId = '';
  let clock = new Date('2020-11-02T02:00:00Z');

  async function eventWith(name: string, overrides: Partial<InvitationTemplate> = {}) {
    const event = await ctx.buildEvent({
      name,
      planIssuer: 'UBND tỉnh Thanh Hóa',
      planSignerAuthority: 'KT. Chủ tịch',
      planSignerTitle: 'Phó Chủ tịch',
      planSignerName: 'Lê Đức Giang',
    });
    const user = await ctx.buildUser();
    await ctx.addMember(event.id, user.id, 'organizer');
    const groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, event.id, { title: 'Lãnh đạo huyện' });
    await setSeats(ctx.handle.db, SYSTEM_ACTOR, event.id, groupId, { seats: [{ unitId, quota: 50 }] });
    const template = (
      await ctx.app.inject({ url: `/api/events/${event.id}/invitation-template`, headers: { cookie: admin } })
    ).json() as InvitationTemplate;
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/invitation-template`,
      headers: { cookie: admin },
      payload: { ...template, ...overrides },
    });
    expect(put.statusCode, put.body).toBe(200);
    const person = async (fullName: string) =>
      (
        await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, event.id, {
          groupId,
          unitId,
          fullName,
        })
      ).id;
    const issue = (delegateId: string, kind = 'pdf') =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/delegates/${delegateId}/invitation.${kind}`,
        headers: { cookie: admin },
      });
    return { eventId: event.id, person, issue };
  }
  /** What the first test ends with, for a test run alone. */
  const setPublicUrl = () =>
    ctx.app.inject({
      method: 'PUT',
      url: '/api/settings/public-url',
      headers: { cookie },
      payload: { publicUrl: 'https://hoinghi.thanhhoa.gov.vn' },
    });
  const registerNumbers = async (eventId: string) =>
    (
      await ctx.handle.db
        .selectFrom('invitations')
        .select('register_number')
        .where('event_id', '=', eventId)
        .orderBy('number')
        .execute()
    ).map((r) => r.register_number);

  beforeAll(async () => {
    ctx = await createTestContext({ publicUrl: null, clock: () => clock });
    unitId = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa' })).id;
    await ctx.buildUser({ username: 'quan-tri-gm', isAdmin: true });
    admin = await ctx.login('quan-tri-gm');
    cookie = admin;
  });
  afterAll(() => ctx.close());

  it('refuses letters and badges without a public address, naming the setting, and writes nothing', async () => {
    const { eventId, person, issue } = await eventWith('Hội nghị chưa có địa chỉ');
    const id = await person('Nguyễn Văn Chờ');
    for (const response of [
      await issue(id),
      await ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/invitations.pdf`,
        headers: { cookie },
      }),
      await ctx.app.inject({ method: 'POST', url: `/api/events/${eventId}/badges.pdf`, headers: { cookie } }),
      await ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/invitation-jobs`,
        headers: { cookie },
        payload: { format: 'pdf', audience: 'people' },
      }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('PUBLIC_URL_MISSING');
      expect(response.json().error.message).toContain('PUBLIC_URL');
      expect(response.json().error.message).toContain('Quản trị → Cài đặt');
    }
    expect(await registerNumbers(eventId)).toEqual([]);
    expect(await ctx.handle.db.selectFrom('reply_tokens').selectAll().execute()).toEqual([]);
    expect(
      (
        await ctx.app.inject({ url: `/api/events/${eventId}/invitations/readiness`, headers: { cookie } })
      ).json(),
    ).toMatchObject({ publicUrl: null, publicUrlSource: null });
    // Letters asking units to send people carry no link or QR: they do not wait for the address.
    const units = await eventWith('Hội nghị mời đơn vị');
    const unitJob = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${units.eventId}/invitation-jobs`,
      headers: { cookie },
      payload: { format: 'pdf', audience: 'units' },
    });
    expect(unitJob.statusCode).toBe(202);

    // An administrator sets it in the app; a localhost address is refused.
    const set = (publicUrl: string | null) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/settings/public-url',
        headers: { cookie },
        payload: { publicUrl },
      });
    const local = await set('http://127.0.0.1:3000');
    expect(local.statusCode).toBe(400);
    expect(local.json().error.details[0].message).toContain('127.0.0.1');
    expect((await set('https://hoinghi.thanhhoa.gov.vn/')).json()).toEqual({
      publicUrl: 'https://hoinghi.thanhhoa.gov.vn',
      source: 'app',
      envValue: null,
      appValue: 'https://hoinghi.thanhhoa.gov.vn',
    });
    const letter = await issue(id);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(await pdfText(letter.rawPayload)).toContain('https://hoinghi.thanhhoa.gov.vn/r/');
  });

  it('leaves the number and the date blank for the clerk, in the year of the event', async () => {
    await setPublicUrl();
    const { person, issue } = await eventWith('Hội nghị để trống số');
    const response = await issue(await person('Trần Thị Trống'), 'docx');
    const text = await docxText(response.rawPayload);
    expect(text).toMatch(/^Số: {9}\/GM-UBND$/m);
    expect(text).toContain('Thanh Hóa, ngày … tháng … năm 2020');
    const pdf = await pdfText((await issue(await person('Trần Văn Trống'))).rawPayload);
    expect(pdf).toContain('ngày … tháng … năm 2020');
    expect(pdf).toMatch(/Số:\s*\/GM-UBND/);
  });

  it("numbers from the agency's register across its events, per year in Vietnam, only when issuing", async () => {
    await setPublicUrl();
    const first = await eventWith('Hội nghị thứ nhất', { numbering: 'register', registerStart: 137 });
    const a = await first.person('Phạm Văn Một');
    const b = await first.person('Phạm Văn Hai');
    const one = await first.issue(a, 'docx');
    expect(await docxText(one.rawPayload)).toContain('Số: 137/GM-UBND');
    // A reprint (GET) takes no number.
    const before = await ctx.handle.db.selectFrom('letter_registers').selectAll().execute();
    await ctx.app.inject({
      url: `/api/events/${first.eventId}/delegates/${a}/invitation.pdf`,
      headers: { cookie },
    });
    expect(await ctx.handle.db.selectFrom('letter_registers').selectAll().execute()).toEqual(before);
    await first.issue(b);
    expect(await registerNumbers(first.eventId)).toEqual([137, 138]);

    // Another event of the same issuer continues the register; its own start number is below it.
    const second = await eventWith('Hội nghị thứ hai', { numbering: 'register', registerStart: 1 });
    await second.issue(await second.person('Lò Văn Ba'));
    expect(await registerNumbers(second.eventId)).toEqual([139]);

    // 00:30 on 1/1/2021 in Vietnam is still 31/12/2020 in UTC: the letter opens the 2021 register.
    clock = new Date('2020-12-31T17:30:00Z');
    await second.issue(await second.person('Hà Thị Tư'));
    expect(await registerNumbers(second.eventId)).toEqual([139, 1]);
    const registers = await ctx.handle.db
      .selectFrom('letter_registers')
      .select(['year', 'last_number'])
      .orderBy('year')
      .execute();
    expect(registers).toEqual([
      { year: 2020, last_number: 139 },
      { year: 2021, last_number: 1 },
    ]);
    clock = new Date('2020-11-02T02:00:00Z');
  });

  it('never invites the signer by his own letter: refused alone, left out of a batch and named', async () => {
    await setPublicUrl();
    const { eventId, person, issue } = await eventWith('Hội nghị có người ký dự');
    const signer = await person('Lê Đức Giang');
    await person('Đào Văn Khách');
    const alone = await issue(signer);
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.message).toContain('Lê Đức Giang là người ký giấy mời');
    const batch = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations.pdf`,
      headers: { cookie },
    });
    expect(batch.statusCode).toBe(200);
    const text = await pdfText(batch.rawPayload);
    expect(text).toContain('Đào Văn Khách');
    expect(text).not.toMatch(/Kính gửi:[^\n]*Lê Đức Giang/);
    expect(warningOf(batch.headers)).toContain('Lê Đức Giang là người ký giấy mời');
  });

  it("a badge's QR checks its wearer in at the desk but opens no reply page; the letter's link still checks in", async () => {
    await setPublicUrl();
    const { eventId, person, issue } = await eventWith('Hội nghị có thẻ');
    const worn = await person('Bùi Văn Thẻ');
    const lettered = await person('Bùi Thị Thư');
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/events/${eventId}/badges.pdf`,
          headers: { cookie },
        })
      ).statusCode,
    ).toBe(200);
    const badge = deriveBadgeToken(ctx.secretKey, worn);
    expect((await ctx.app.inject({ url: `/api/replies/${badge}` })).statusCode).toBe(404);
    const scan = (token: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/checkins`,
        headers: { cookie },
        payload: {
          token,
          clientId: `the-${Math.random()}`,
          scannedAt: '2020-11-27T00:40:00.000Z',
          deviceId: 'may-1',
        },
      });
    const byBadge = await scan(`https://hoinghi.thanhhoa.gov.vn/c/${badge}`);
    expect(byBadge.statusCode, byBadge.body).toBe(200);
    expect(byBadge.json()).toMatchObject({ status: 'checked_in', delegate: { fullName: 'Bùi Văn Thẻ' } });
    // The letter's reply link works at the desk as before.
    const letter = await issue(lettered, 'docx');
    const link = (await docxText(letter.rawPayload)).match(/https:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/)![0];
    expect((await scan(link)).json()).toMatchObject({
      status: 'checked_in',
      delegate: { fullName: 'Bùi Thị Thư' },
    });
    // The desk's offline list knows both codes by their hash only.
    const snapshot = (
      await ctx.app.inject({ url: `/api/events/${eventId}/checkin-snapshot`, headers: { cookie } })
    ).json();
    const wornCard = snapshot.delegates.find((d: { id: string }) => d.id === worn);
    expect(wornCard.badgeTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(snapshot)).not.toContain(badge);
  });
});
