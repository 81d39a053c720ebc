import { z } from 'zod';
import { idSchema } from '../../shared/common';
import { recordPersonalDataExport } from '../audit/audit.service';
import { LISTED_ON_OFFICIAL_LISTS } from '../delegates/delegates.export';
import { canReadDelegates, scopeOf } from '../delegates/delegates.policy';
import { countDelegates } from '../delegates/delegates.service';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import {
  buildAttendanceDocx,
  buildAttendanceXlsx,
  buildSignInSheetDocx,
  buildSignInSheetXlsx,
} from './attendance.documents';

const tags = ['attendance'];
const eventParams = z.object({ eventId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

type Builder = typeof buildSignInSheetDocx;

/** The paper of the day: the sign-in sheet before, the attendance summary after; a unit officer gets their unit's. */
export async function attendanceRoutes(app: App, { handle: { db } }: RouteDeps) {
  const download = (
    path: string,
    summary: string,
    kind: 'docx' | 'xlsx',
    build: Builder,
    names: { ascii: string; name: string },
  ) =>
    app.get(
      path,
      {
        schema: {
          tags,
          summary,
          security: cookieAuth,
          params: eventParams,
          response: file(
            kind === 'docx' ? 'Tệp .docx' : 'Tệp .xlsx',
            kind === 'docx' ? DOCX_MEDIA_TYPE : XLSX_MEDIA_TYPE,
          ),
        },
      },
      async (request, reply) => {
        const actor = await authenticate(db, request);
        authorize(canReadDelegates(actor, request.params.eventId));
        const scope = await scopeOf(db, actor, request.params.eventId);
        const buffer = await build(db, scope, request.params.eventId);
        await recordPersonalDataExport(db, actor, {
          eventId: request.params.eventId,
          list: names.ascii,
          people: await countDelegates(db, scope, request.params.eventId, LISTED_ON_OFFICIAL_LISTS),
        });
        sendDownload(reply, {
          buffer,
          mediaType: kind === 'docx' ? DOCX_MEDIA_TYPE : XLSX_MEDIA_TYPE,
          asciiName: names.ascii,
          name: names.name,
        });
      },
    );

  const signIn = 'Danh sách đại biểu ký nhận theo thành phần, thứ tự lễ tân, cột ký nhận';
  download('/api/events/:eventId/sign-in-sheet.docx', `${signIn} (DOCX)`, 'docx', buildSignInSheetDocx, {
    ascii: 'danh-sach-ky-nhan.docx',
    name: 'Danh sách ký nhận.docx',
  });
  download('/api/events/:eventId/sign-in-sheet.xlsx', `${signIn} (XLSX)`, 'xlsx', buildSignInSheetXlsx, {
    ascii: 'danh-sach-ky-nhan.xlsx',
    name: 'Danh sách ký nhận.xlsx',
  });
  const attendance =
    'Tổng hợp đại biểu dự theo thành phần so với kế hoạch: có mặt, đi thay, ngoài danh sách, vắng (từ quầy đón tiếp)';
  download('/api/events/:eventId/attendance.docx', `${attendance} (DOCX)`, 'docx', buildAttendanceDocx, {
    ascii: 'tong-hop-dai-bieu-du.docx',
    name: 'Tổng hợp đại biểu dự.docx',
  });
  download('/api/events/:eventId/attendance.xlsx', `${attendance} (XLSX)`, 'xlsx', buildAttendanceXlsx, {
    ascii: 'tong-hop-dai-bieu-du.xlsx',
    name: 'Tổng hợp đại biểu dự.xlsx',
  });
}
