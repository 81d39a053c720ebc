import type { Executor } from '../db/database';

export async function findSettingValue(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function saveSettingValue(
  db: Executor,
  key: string,
  value: string | null,
  at: string,
  by: string,
): Promise<void> {
  if (value === null) {
    await db.deleteFrom('app_settings').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('app_settings')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}
