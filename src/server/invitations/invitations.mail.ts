import nodemailer from 'nodemailer';
import type { InvitationSendResult } from '../../shared/invitations';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { MailConfig } from '../config';
import type { Db } from '../db/database';
import { conflict } from '../errors';
import { buildLettersPdf } from './invitation-documents';
import { setChannel } from './invitations.repository';
import { issueLetters } from './invitations.service';

/**
 * Emails each chosen delegate their Giấy mời as a PDF with the reply link, one message per person. A person
 * without an email is skipped; a failed message does not stop the others; the result names every person.
 */
export async function emailInvitations(
  db: Db,
  key: Buffer,
  actor: Actor,
  mail: MailConfig | null,
  eventId: string,
  filter: { groupId?: string | undefined; unitId?: string | undefined; awaiting?: boolean },
  publicUrl: string,
  now: Date,
): Promise<InvitationSendResult> {
  if (!mail) {
    throw conflict(
      'Máy chủ chưa được cấu hình gửi thư (SMTP_URL). Hãy tải danh sách liên kết trả lời để nhắn qua SMS hoặc Zalo.',
    );
  }
  const { event, template, letters, warning } = await issueLetters(
    db,
    key,
    actor,
    eventId,
    filter,
    publicUrl,
    now,
  );
  const transport = nodemailer.createTransport(mail.url);
  const result: InvitationSendResult = {
    sent: [],
    skipped: [],
    failed: [],
    warning,
  };
  try {
    for (const letter of letters) {
      if (!letter.email) {
        result.skipped.push({ number: letter.number, name: letter.recipientName, reason: 'Chưa có email' });
        continue;
      }
      try {
        await transport.sendMail({
          from: mail.from,
          to: letter.email,
          subject: `${filter.awaiting ? 'Nhắc: ' : ''}Giấy mời dự ${event.name}`,
          text: [
            `Kính gửi: ${letter.recipient}`,
            '',
            letter.body,
            `- Thời gian: ${letter.time}`,
            `- Địa điểm: ${letter.venue}`,
            ...(letter.contact ? ['', letter.contact] : []),
            '',
            `Chương trình hội nghị và xác nhận tham dự: ${letter.replyUrl}`,
            '',
            'Giấy mời đính kèm (PDF).',
          ].join('\n'),
          attachments: [
            {
              filename: `${letter.fileName}.pdf`,
              content: await buildLettersPdf(template, [letter], event.name),
            },
          ],
        });
        await setChannel(db, eventId, letter.number, 'email');
        result.sent.push({ number: letter.number, name: letter.recipientName, email: letter.email });
      } catch (error) {
        result.failed.push({
          number: letter.number,
          name: letter.recipientName,
          email: letter.email,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  } finally {
    transport.close();
  }
  await recordAudit(db, actor, { eventId, entity: 'invitation', action: 'update', after: { email: result } });
  return result;
}
