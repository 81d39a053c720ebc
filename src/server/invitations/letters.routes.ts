import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../shared/common';
import { invitationBatchQuerySchema } from '../../shared/invitations';
import { formatPhone } from '../../shared/phone';
import { recordPersonalDataExport } from '../audit/audit.service';
import { writeListWorkbook } from '../documents/xlsx';
import { canEditEvent } from '../events/events.policy';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { requirePublicUrl } from '../settings/settings.service';
import { buildLetterDocx, buildLettersPdf, buildLettersZip } from './invitation-documents';
import { type Batch, issueLetters, issueUnitLetters, reprintLetter } from './invitations.service';

const tags = ['invitations'];
const eventParams = z.object({ eventId: idSchema });
const delegateParams = eventParams.extend({ delegateId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});
const PDF = 'application/pdf';
const ZIP = 'application/zip';

/**
 * QĐ 45/2018's warning (or who got no letter) travels with the file, URI-encoded: a header carries no Vietnamese
 * letters as they are.
 */
export function sendWarning(reply: { header(k: string, v: string): unknown }, warning: string | null) {
  if (warning) reply.header('x-letter-warning', encodeURIComponent(warning));
}

/** A batch of letters as one PDF to print, or a ZIP of one DOCX each to edit and sign. */
async function sendBatch(
  reply: FastifyReply,
  kind: 'pdf' | 'zip',
  batch: Batch,
  asciiBase: string,
  name: string,
) {
  const { event, template, letters } = batch;
  sendWarning(reply, batch.warning);
  sendDownload(reply, {
    buffer:
      kind === 'pdf'
        ? await buildLettersPdf(template, letters, event.name)
        : await buildLettersZip(template, letters, event.name),
    mediaType: kind === 'pdf' ? PDF : ZIP,
    asciiName: `${asciiBase}.${kind}`,
    name: `${name} (${letters.length}).${kind}`,
  });
}

/**
 * The letters themselves. Issuing (a register number, a reply link, draft → invited) happens only on POST, so a
 * link another site plants in a page — which the browser follows with the session cookie — cannot issue anything;
 * a GET only gives an issued letter again.
 */
export async function lettersRoutes(app: App, { handle: { db }, secretKey, publicUrl, clock }: RouteDeps) {
  const organizer = async (request: FastifyRequest & { params: { eventId: string } }) => {
    const actor = await authenticate(db, request);
    authorize(canEditEvent(actor, request.params.eventId));
    return actor;
  };
  /** Where QR codes and links point: refused (PUBLIC_URL_MISSING) before anything is issued when none is set. */
  const printedUrl = () => requirePublicUrl(db, publicUrl);

  for (const kind of ['docx', 'pdf'] as const) {
    const path = `/api/events/:eventId/delegates/:delegateId/invitation.${kind}`;
    const mediaType = kind === 'docx' ? DOCX_MEDIA_TYPE : PDF;
    const send = async (reply: Parameters<typeof sendDownload>[0], batch: Batch) => {
      const { event, template, letters } = batch;
      const letter = letters[0]!;
      sendWarning(reply, batch.warning);
      sendDownload(reply, {
        buffer:
          kind === 'docx'
            ? await buildLetterDocx(template, letter, event.name)
            : await buildLettersPdf(template, letters, event.name),
        mediaType,
        asciiName: `giay-moi-${letter.number}.${kind}`,
        name: `${letter.fileName}.${kind}`,
      });
    };

    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Phát hành giấy mời của một đại biểu (${kind.toUpperCase()}, có mã QR trả lời): cấp số trong sổ lần đầu, in lại giữ nguyên số và ngày`,
          security: cookieAuth,
          params: delegateParams,
          response: file(`Tệp .${kind}`, mediaType),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const { eventId, delegateId } = request.params;
        const url = await printedUrl();
        await send(reply, await issueLetters(db, secretKey, actor, eventId, { delegateId }, url, clock()));
      },
    );

    app.get(
      path,
      {
        schema: {
          tags,
          summary: `Giấy mời đã phát hành của một đại biểu (${kind.toUpperCase()}), in lại y nguyên; chưa phát hành thì trả 409 NOT_ISSUED`,
          security: cookieAuth,
          params: delegateParams,
          response: file(`Tệp .${kind}`, mediaType),
        },
      },
      async (request, reply) => {
        await organizer(request);
        const { eventId, delegateId } = request.params;
        const url = await printedUrl();
        await send(reply, await reprintLetter(db, secretKey, eventId, delegateId, url, clock()));
      },
    );
  }

  for (const kind of ['pdf', 'zip'] as const) {
    app.post(
      `/api/events/:eventId/invitations.${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'pdf'
              ? 'Phát hành giấy mời của cả hội nghị, một nhóm hoặc một đơn vị, gộp thành một tệp PDF để in'
              : 'Phát hành giấy mời của cả hội nghị, một nhóm hoặc một đơn vị: mỗi người một tệp DOCX, gộp thành ZIP',
          security: cookieAuth,
          params: eventParams,
          querystring: invitationBatchQuerySchema,
          response: file(kind === 'pdf' ? 'Tệp .pdf' : 'Tệp .zip', kind === 'pdf' ? PDF : ZIP),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const url = await printedUrl();
        const batch = await issueLetters(
          db,
          secretKey,
          actor,
          request.params.eventId,
          request.query,
          url,
          clock(),
        );
        await sendBatch(reply, kind, batch, 'giay-moi', 'Giấy mời');
      },
    );
  }

  app.post(
    '/api/events/:eventId/invitations/links.xlsx',
    {
      schema: {
        tags,
        summary:
          'Phát hành giấy mời và tải liên kết trả lời của từng đại biểu kèm số điện thoại, để nhắn qua SMS hoặc Zalo',
        security: cookieAuth,
        params: eventParams,
        querystring: invitationBatchQuerySchema,
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const actor = await organizer(request);
      const url = await printedUrl();
      const { letters, warning } = await issueLetters(
        db,
        secretKey,
        actor,
        request.params.eventId,
        request.query,
        url,
        clock(),
      );
      sendWarning(reply, warning);
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'links.xlsx',
        people: letters.length,
      });
      sendDownload(reply, {
        buffer: await writeListWorkbook({
          sheetName: 'Liên kết',
          titleLines: ['LIÊN KẾT TRẢ LỜI GIẤY MỜI', `${letters.length} đại biểu`],
          columns: [
            { label: 'Số GM', width: 8 },
            { label: 'Người nhận', width: 50 },
            { label: 'Số điện thoại', width: 16 },
            { label: 'Liên kết trả lời', width: 70 },
          ],
          rows: letters.map((l) => [
            l.number,
            l.recipient,
            l.phone ? formatPhone(l.phone) : 'Chưa có số',
            l.replyUrl,
          ]),
        }),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'lien-ket-tra-loi.xlsx',
        name: 'Liên kết trả lời.xlsx',
      });
    },
  );

  for (const kind of ['pdf', 'zip'] as const) {
    app.post(
      `/api/events/:eventId/unit-invitations.${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'pdf'
              ? 'Phát hành giấy mời các đơn vị cử đại biểu (theo chỉ tiêu từng nhóm), gộp một tệp PDF'
              : 'Phát hành giấy mời các đơn vị cử đại biểu, mỗi đơn vị một tệp DOCX, gộp ZIP',
          security: cookieAuth,
          params: eventParams,
          querystring: invitationBatchQuerySchema,
          response: file(kind === 'pdf' ? 'Tệp .pdf' : 'Tệp .zip', kind === 'pdf' ? PDF : ZIP),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const batch = await issueUnitLetters(db, actor, request.params.eventId, request.query, clock());
        await sendBatch(reply, kind, batch, 'giay-moi-don-vi', 'Giấy mời đơn vị');
      },
    );
  }
}
