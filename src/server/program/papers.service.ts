import JSZip from 'jszip';
import {
  MAX_PAPER_BYTES,
  PAPER_MEDIA_TYPES,
  type Paper,
  type PaperStatus,
  type ReviewPaperInput,
} from '../../shared/program';
import { foldVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { assertInScope, type Scope, scopeUnitList } from '../delegates/delegates.policy';
import { assertEventOpen } from '../delegates/delegates.service';
import { AppError, invalidField, notFound } from '../errors';
import { findUnitsByIds } from '../units/units.service';
import { newId, nowIso } from '../util';
import {
  deletePaperRow,
  findAcceptedPaperFiles,
  findItemRow,
  findPaperFile,
  findPaperRow,
  findPaperRows,
  insertPaperRow,
  type PaperRow,
  updatePaperRow,
} from './program.repository';

// Papers (tham luận): a unit sends its paper as a Word or PDF file; the organizers accept it (and place it in the
// program) or return it with a comment.

function rowToPaper(row: PaperRow): Paper {
  return {
    id: row.id,
    title: row.title,
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: row.status as PaperStatus,
    reviewComment: row.review_comment,
    programItemId: row.program_item_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    isSample: row.is_sample === 1,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
  };
}

/** For the closing report: every paper of the event with its unit and where it is read. */
export async function listPapers(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<Paper[]> {
  return (await findPaperRows(db, eventId, scopeUnitList(scope))).map(rowToPaper);
}

const notADocument = () =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Tham luận phải là tệp Word (.docx) hoặc PDF; nội dung tệp gửi lên không phải hai loại này',
    [{ field: 'body', message: 'Chỉ nhận .docx hoặc .pdf' }],
  );

/** What the file is, by its bytes (never its name or Content-Type): a PDF, a Word document, or neither. */
export async function sniffPaper(bytes: Buffer): Promise<'pdf' | 'docx'> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    try {
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
      if (zip.file('word/document.xml') && zip.file('[Content_Types].xml')) return 'docx';
    } catch {
      // A damaged or hostile zip is no Word document.
    }
  }
  throw notADocument();
}

const safeName = (title: string, ext: string) => {
  const base = foldVietnamese(title)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base || 'tham-luan'}.${ext}`;
};

export async function submitPaper(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  input: { title: string; unitId?: string | undefined; fileName?: string | null | undefined },
  bytes: Buffer,
  options: { isSample?: boolean } = {},
): Promise<Paper> {
  await assertEventOpen(db, eventId);
  if (bytes.length > MAX_PAPER_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp tham luận quá lớn: tối đa 20 MB');
  }
  if (bytes.length === 0) throw invalidField('body', 'Tệp rỗng');
  const unitId = input.unitId ?? (scope.all ? undefined : (scope.unitId ?? undefined));
  if (!unitId) throw invalidField('unitId', 'Chọn đơn vị viết tham luận');
  assertInScope(scope, unitId);
  if (!(await findUnitsByIds(db, [unitId])).has(unitId))
    throw invalidField('unitId', 'Không tìm thấy đơn vị');
  const kind = await sniffPaper(bytes);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertPaperRow(trx, {
      id,
      event_id: eventId,
      unit_id: unitId,
      title: input.title,
      file_name: input.fileName?.trim() || safeName(input.title, kind),
      media_type: PAPER_MEDIA_TYPES[kind],
      byte_size: bytes.length,
      data_base64: bytes.toString('base64'),
      status: 'submitted',
      review_comment: null,
      program_item_id: null,
      is_sample: options.isSample ? 1 : 0,
      submitted_by: actor.id,
      submitted_at: nowIso(),
      reviewed_by: null,
      reviewed_at: null,
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'paper',
      entityId: id,
      action: 'create',
      after: { title: input.title, unitId, mediaType: PAPER_MEDIA_TYPES[kind], byteSize: bytes.length },
    });
  });
  return rowToPaper((await findPaperRow(db, eventId, id))!);
}

async function paperOf(db: Executor, scope: Scope, eventId: string, id: string) {
  const row = await findPaperRow(db, eventId, id);
  // Another unit's paper is as unknown to an officer as one that does not exist.
  if (!row || (!scope.all && !scope.unitIds.has(row.unit_id))) throw notFound('Tham luận');
  return row;
}

export async function getPaper(db: Executor, scope: Scope, eventId: string, id: string): Promise<Paper> {
  return rowToPaper(await paperOf(db, scope, eventId, id));
}

export async function reviewPaper(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  input: ReviewPaperInput,
): Promise<Paper> {
  await assertEventOpen(db, eventId);
  await db.transaction().execute(async (trx) => {
    const before = await paperOf(trx, { all: true }, eventId, id);
    const placeId = input.status === 'accepted' ? (input.programItemId ?? before.program_item_id) : null;
    if (placeId && !(await findItemRow(trx, eventId, placeId)))
      throw invalidField('programItemId', 'Không tìm thấy mục chương trình');
    await updatePaperRow(trx, id, {
      status: input.status,
      review_comment: input.comment ?? null,
      program_item_id: placeId,
      reviewed_by: actor.id,
      reviewed_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'paper',
      entityId: id,
      action: input.status === 'accepted' ? 'accept' : 'return',
      before: { status: before.status, programItemId: before.program_item_id },
      after: input,
    });
  });
  return getPaper(db, { all: true }, eventId, id);
}

/** A unit withdraws a paper not yet accepted; organizers may remove any. */
export async function deletePaper(db: Db, actor: Actor, scope: Scope, eventId: string, id: string) {
  await assertEventOpen(db, eventId);
  await db.transaction().execute(async (trx) => {
    const before = await paperOf(trx, scope, eventId, id);
    if (!scope.all && before.status === 'accepted')
      throw new AppError('CONFLICT', 'Tham luận đã được duyệt; liên hệ ban tổ chức nếu cần rút lại');
    await deletePaperRow(trx, id);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'paper',
      entityId: id,
      action: 'delete',
      before: { title: before.title, unitId: before.unit_id, status: before.status },
    });
  });
}

export async function getPaperFile(
  db: Executor,
  scope: Scope,
  eventId: string,
  id: string,
): Promise<{ buffer: Buffer; mediaType: string; fileName: string; status: string }> {
  await paperOf(db, scope, eventId, id);
  const file = (await findPaperFile(db, eventId, id))!;
  return {
    buffer: Buffer.from(file.data_base64, 'base64'),
    mediaType: file.media_type,
    fileName: file.file_name,
    status: file.status,
  };
}

/** Every accepted paper in one ZIP, numbered in the order they came, named by their unit. */
export async function acceptedPapersZip(db: Executor, eventId: string): Promise<Buffer> {
  const files = await findAcceptedPaperFiles(db, eventId);
  const zip = new JSZip();
  files.forEach((f, i) => {
    const ext = f.media_type === PAPER_MEDIA_TYPES.pdf ? 'pdf' : 'docx';
    const name = `${String(i + 1).padStart(2, '0')}-${safeName(`${f.unit_name} ${f.title}`, ext)}`;
    zip.file(name, Buffer.from(f.data_base64, 'base64'));
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
