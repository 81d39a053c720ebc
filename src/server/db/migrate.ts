import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DbHandle } from './database';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_plan_contents';
import * as m0003 from './migrations/0003_delegates';
import * as m0004 from './migrations/0004_invitations';
import * as m0005 from './migrations/0005_ocop';
import * as m0006 from './migrations/0006_checkin';
import * as m0007 from './migrations/0007_reply_token_hash';
import * as m0008 from './migrations/0008_auth_hardening';
import * as m0009 from './migrations/0009_privacy';
import * as m0010 from './migrations/0010_protocol';
import * as m0011 from './migrations/0011_program';
import * as m0012 from './migrations/0012_agreements_booths';
import * as m0013 from './migrations/0013_tasks_budget';
import * as m0014 from './migrations/0014_letter_register';
import * as m0016 from './migrations/0016_last_sign_in';
import * as m0018 from './migrations/0018_sort_indexes';

/** Listed by hand so the migrations travel with the code, whatever runs it (tsx, a bundle, tests). */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_plan_contents': m0002,
  '0003_delegates': m0003,
  '0004_invitations': m0004,
  '0005_ocop': m0005,
  '0006_checkin': m0006,
  '0007_reply_token_hash': m0007,
  '0008_auth_hardening': m0008,
  '0009_privacy': m0009,
  '0010_protocol': m0010,
  '0014_letter_register': m0014,
  '0012_agreements_booths': m0012,
  '0011_program': m0011,
  '0018_sort_indexes': m0018,
  '0013_tasks_budget': m0013,
  '0016_last_sign_in': m0016,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema to the latest version; throws with the failing migration's name. On PostgreSQL the
 * migration tables are looked for in the handle's own schema: Kysely otherwise takes a migration table found in
 * any schema of the database for its own.
 */
export async function migrateToLatest({ db, schema }: Pick<DbHandle, 'db' | 'schema'>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
