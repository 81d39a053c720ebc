import type { DocumentJob, StartInvitationJobInput } from '../../shared/invitations';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { DocumentJobsTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { getEventStatus } from '../events/events.service';
import { newId, nowIso } from '../util';
import { buildLettersPdf, buildLettersZip } from './invitation-documents';
import { issueLetters, issueUnitLetters } from './invitations.service';

/** A running job that has not moved for this long belongs to a server that stopped. */
const STALE_MS = 60_000;
const MEDIA = { pdf: 'application/pdf', zip: 'application/zip' } as const;

function toJob(row: DocumentJobsTable): DocumentJob {
  const stale = row.status === 'running' && Date.now() - Date.parse(row.updated_at) > STALE_MS;
  return {
    id: row.id,
    status: stale ? 'failed' : (row.status as DocumentJob['status']),
    done: row.done,
    total: row.total,
    error: stale ? 'Máy chủ đã dừng trong khi tạo tệp; hãy tạo lại' : row.error,
    fileName: row.status === 'done' ? row.file_name : null,
  };
}

async function update(db: Executor, id: string, patch: Partial<DocumentJobsTable>) {
  await db
    .updateTable('document_jobs')
    .set({ ...patch, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/**
 * Starts making a batch of letters in the background and returns at once; the job row tells any app server how
 * far along it is, and holds the file when done. Letters are numbered in the register before drawing starts.
 */
export async function startInvitationJob(
  db: Db,
  key: Buffer,
  actor: Actor,
  eventId: string,
  input: StartInvitationJobInput,
  publicUrl: string,
  now: Date,
): Promise<DocumentJob> {
  await getEventStatus(db, eventId); // 404 before a job row is written
  const startedAt = nowIso();
  const row: DocumentJobsTable = {
    id: newId(),
    event_id: eventId,
    kind: `invitations-${input.audience}-${input.format}`,
    status: 'running',
    done: 0,
    total: 0,
    error: null,
    file_name: null,
    media_type: MEDIA[input.format],
    file_base64: null,
    created_by: actor.id,
    created_at: startedAt,
    updated_at: startedAt,
  };
  await db.insertInto('document_jobs').values(row).execute();
  const filter = {
    ...(input.groupId ? { groupId: input.groupId } : {}),
    ...(input.unitId ? { unitId: input.unitId } : {}),
  };
  void (async () => {
    try {
      const { event, template, letters } =
        input.audience === 'units'
          ? await issueUnitLetters(db, actor, eventId, filter, now)
          : await issueLetters(db, key, actor, eventId, filter, publicUrl, now);
      await update(db, row.id, { total: letters.length });
      const progress = (done: number) => update(db, row.id, { done });
      const file =
        input.format === 'pdf'
          ? await buildLettersPdf(template, letters, event.name, progress)
          : await buildLettersZip(template, letters, event.name, progress);
      const who = input.audience === 'units' ? 'Giấy mời đơn vị' : 'Giấy mời';
      await update(db, row.id, {
        status: 'done',
        done: letters.length,
        file_name: `${who} (${letters.length}).${input.format}`,
        file_base64: file.toString('base64'),
      });
    } catch (error) {
      await update(db, row.id, {
        status: 'failed',
        error: error instanceof AppError ? error.message : 'Lỗi hệ thống khi tạo tệp; hãy thử lại',
      }).catch(() => {});
    }
  })();
  return toJob(row);
}

async function jobRow(db: Executor, eventId: string, jobId: string): Promise<DocumentJobsTable> {
  const row = await db.selectFrom('document_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!row || row.event_id !== eventId) throw notFound('tác vụ tạo tệp');
  return row;
}

export async function getDocumentJob(db: Executor, eventId: string, jobId: string): Promise<DocumentJob> {
  return toJob(await jobRow(db, eventId, jobId));
}

export async function getDocumentJobFile(db: Executor, eventId: string, jobId: string) {
  const row = await jobRow(db, eventId, jobId);
  if (row.status !== 'done' || !row.file_base64) throw new AppError('CONFLICT', 'Tệp chưa làm xong');
  return { buffer: Buffer.from(row.file_base64, 'base64'), name: row.file_name!, mediaType: row.media_type! };
}
