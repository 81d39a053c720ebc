import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJobsTable } from '../db/schema';
import { createTestContext, type TestContext } from '../test/harness';
import { getDocumentJob, getDocumentJobFile, JOB_RETENTION_MS, pruneDocumentJobs } from './jobs.service';

let ctx: TestContext;
let eventId = '';
let userId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  eventId = (await ctx.buildEvent()).id;
  userId = (await ctx.buildUser({ username: 'van-thu' })).id;
});
afterAll(() => ctx.close());

const NOW = Date.parse('2026-11-29T08:00:00.000Z');
const job = (id: string, status: string, ageMs: number): DocumentJobsTable => {
  const at = new Date(NOW - ageMs).toISOString();
  return {
    id,
    event_id: eventId,
    kind: 'invitations-delegates-pdf',
    status,
    done: 3,
    total: 3,
    error: null,
    file_name: status === 'done' ? 'Giấy mời (3).pdf' : null,
    media_type: 'application/pdf',
    file_base64: status === 'done' ? Buffer.from('%PDF-1.7 giấy mời').toString('base64') : null,
    created_by: userId,
    created_at: at,
    updated_at: at,
  };
};

describe('document jobs', () => {
  it('keeps a finished file for a day, then deletes the job with it; a running job is kept', async () => {
    await ctx.handle.db
      .insertInto('document_jobs')
      .values([
        job('job-cu', 'done', JOB_RETENTION_MS + 60_000),
        job('job-hong', 'failed', JOB_RETENTION_MS + 1),
        job('job-moi', 'done', 3600_000),
        job('job-dang-chay', 'running', 1000),
      ])
      .execute();
    expect(await pruneDocumentJobs(ctx.handle.db, NOW)).toBe(2);
    const left = await ctx.handle.db.selectFrom('document_jobs').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(['job-dang-chay', 'job-moi']);
    expect((await getDocumentJobFile(ctx.handle.db, eventId, 'job-moi')).buffer.toString()).toBe(
      '%PDF-1.7 giấy mời',
    );
    await expect(getDocumentJob(ctx.handle.db, eventId, 'job-cu')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('answers a job only within its own event', async () => {
    const other = (await ctx.buildEvent()).id;
    await expect(getDocumentJob(ctx.handle.db, other, 'job-moi')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getDocumentJobFile(ctx.handle.db, other, 'job-moi')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await getDocumentJob(ctx.handle.db, eventId, 'job-moi')).toMatchObject({
      status: 'done',
      fileName: 'Giấy mời (3).pdf',
    });
  });
});
