import { sql } from 'kysely';
import type { Health } from '../../shared/health';
import type { DbHandle } from '../db/database';
import { APP_VERSION } from '../version';

/** Healthy means the database answers a query, not merely that the process is up. */
export async function checkHealth(handle: DbHandle): Promise<Health> {
  await sql`select 1`.execute(handle.db);
  return { ok: true, db: handle.engine, version: APP_VERSION };
}
