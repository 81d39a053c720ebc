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
/** A finished job's file is kept this long for download (any app server), then the job is deleted. */
export const JOB_RETENTION_MS = 24 * 3600_000;
const MEDIA = { pdf: 'application/pdf', zip: 'application/zip' } as const;

type JobStatusRow = Omit<DocumentJobsTable, 'file_base64'>;

function toJob(row: JobStatusRow): DocumentJob {
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
  /** Needed for letters to people (their QR and link); letters to units carry neither. */
  publicUrl: () => Promise<string>,
  now: Date,
): Promise<DocumentJob> {
  const url = input.audience === 'people' ? await publicUrl() : null;
  await getEventStatus(db, eventId); // 404 before a job row is written
  await pruneDocumentJobs(db);
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
          : await issueLetters(db, key, actor, eventId, filter, url!, now);
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

/** Deletes the jobs finished (or abandoned) more than JOB_RETENTION_MS ago, with their files. */
export async function pruneDocumentJobs(db: Executor, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('document_jobs')
    .where('updated_at', '<', new Date(now - JOB_RETENTION_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const STATUS_COLUMNS = [
  'id',
  'event_id',
  'kind',
  'status',
  'done',
  'total',
  'error',
  'file_name',
  'media_type',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export async function getDocumentJob(db: Executor, eventId: string, jobId: string): Promise<DocumentJob> {
  // A progress poll reads the job's state, never its file.
  const row = await db
    .selectFrom('document_jobs')
    .select(STATUS_COLUMNS)
    .where('id', '=', jobId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw notFound('tác vụ tạo tệp');
  return toJob(row);
}

export async function getDocumentJobFile(db: Executor, eventId: string, jobId: string) {
  const row = await db
    .selectFrom('document_jobs')
    .selectAll()
    .where('id', '=', jobId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw notFound('tác vụ tạo tệp');
  if (row.status !== 'done' || !row.file_base64) throw new AppError('CONFLICT', 'Tệp chưa làm xong');
  return { buffer: Buffer.from(row.file_base64, 'base64'), name: row.file_name!, mediaType: row.media_type! };
}
