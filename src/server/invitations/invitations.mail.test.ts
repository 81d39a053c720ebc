import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationSendResult } from '../../shared/invitations';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';

interface Received {
  to: string;
  raw: string;
}

let smtp: SMTPServer;
const received: Received[] = [];
let withMail: TestContext;
let withoutMail: TestContext;

async function seed(ctx: TestContext) {
  const unit = await ctx.buildUnit({ name: 'Xã Nga Liên', kind: 'commune' });
  const event = await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP', venueName: 'Hội trường 25B' });
  const user = await ctx.buildUser({ username: 'btc-mail' });
  await ctx.addMember(event.id, user.id, 'organizer');
  const cookie = await ctx.login('btc-mail');
  const groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, event.id, { title: 'Đại diện các xã' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, event.id, groupId, { seats: [{ unitId: unit.id, quota: 10 }] });
  for (const [fullName, email] of [
    ['Nguyễn Thị Thư', 'thu@ngalien.gov.vn'],
    ['Lê Văn Không', null],
    ['Trần Văn Lỗi', 'tu-choi@ngalien.gov.vn'],
  ] as const) {
    await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/delegates`,
      headers: { cookie },
      payload: { groupId, unitId: unit.id, fullName, email, phone: null },
    });
  }
  return { eventId: event.id, cookie };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('tu-choi@')) return callback(new Error('Hộp thư không tồn tại'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  withMail = await createTestContext({
    mail: { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: 'Ban tổ chức <btc@thanhhoa.gov.vn>' },
  });
  withoutMail = await createTestContext();
});
afterAll(async () => {
  await withMail.close();
  await withoutMail.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('emailing invitations', () => {
  it('sends each person their PDF and reply link, skips who has no email, and names who failed', async () => {
    const { eventId, cookie } = await seed(withMail);
    const response = await withMail.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/send`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as InvitationSendResult;
    expect(result.sent).toEqual([
      expect.objectContaining({ name: 'Nguyễn Thị Thư', email: 'thu@ngalien.gov.vn' }),
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ name: 'Lê Văn Không', reason: 'Chưa có email' }),
    ]);
    expect(result.failed).toEqual([
      expect.objectContaining({
        name: 'Trần Văn Lỗi',
        error: expect.stringContaining('Hộp thư không tồn tại'),
      }),
    ]);

    expect(received.map((r) => r.to)).toEqual(['thu@ngalien.gov.vn']);
    const message = await simpleParser(received[0]!.raw);
    expect(message.subject).toBe('Giấy mời dự Hội nghị tổng kết OCOP');
    expect(message.text).toMatch(
      /Chương trình hội nghị và xác nhận tham dự: https:\/\/hoinghi\.example\.gov\.vn\/r\/[A-Za-z0-9_-]{43}/,
    );
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]!.contentType).toBe('application/pdf');
    expect(message.attachments[0]!.filename).toMatch(/^GM \d+ - Nguyen Thi Thu\.pdf$/);

    // A reminder goes only to those who have not answered yet.
    const link = message.text!.match(/\/r\/([A-Za-z0-9_-]{43})/)![1];
    await withMail.app.inject({
      method: 'POST',
      url: `/api/replies/${link}`,
      payload: { action: 'confirm' },
    });
    received.length = 0;
    const reminder = (
      await withMail.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/invitations/send?awaiting=true`,
        headers: { cookie },
      })
    ).json() as InvitationSendResult;
    expect(reminder.sent).toEqual([]);
    expect(reminder.skipped.map((s) => s.name)).toEqual(['Lê Văn Không']);
    expect(reminder.failed.map((f) => f.name)).toEqual(['Trần Văn Lỗi']);
    expect(received).toEqual([]);

    const register = await withMail.handle.db
      .selectFrom('invitations')
      .select(['recipient', 'channel'])
      .execute();
    expect(register.find((r) => r.recipient.includes('Nguyễn Thị Thư'))?.channel).toBe('email');
    expect(register.find((r) => r.recipient.includes('Lê Văn Không'))?.channel).toBe('print');
  });

  it('without SMTP, says so and offers the links for SMS or Zalo instead', async () => {
    const { eventId, cookie } = await seed(withoutMail);
    const refused = await withoutMail.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/send`,
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('SMTP_URL');
    const links = await withoutMail.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/links.xlsx`,
      headers: { cookie },
    });
    expect(links.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(links.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().flatMap((r) =>
      Array.isArray(r) ? [r.slice(1).join(' | ')] : [],
    );
    const thu = rows.find((r) => r.includes('Nguyễn Thị Thư'));
    expect(thu).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect(rows.find((r) => r.includes('Lê Văn Không'))).toContain('Chưa có số');
  });
});
