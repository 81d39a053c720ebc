import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../server/auth/actor';
import { loadConfig } from '../server/config';
import { createDb, isPostgresUrl } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemo } from '../server/demo/demo.service';
import { AppError } from '../server/errors';
import { serve } from '../server/serve';
import { createUser } from '../server/users/users.service';
import { APP_VERSION } from '../server/version';
import { passwordSchema, usernameSchema } from '../shared/auth';

const program = new Command('hoinghi')
  .description('hoinghi — tổ chức hội nghị từ Kế hoạch đến Báo cáo tổng kết')
  .version(APP_VERSION);

async function withDb<T>(run: (handle: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const handle = createDb(loadConfig().databaseUrl);
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
  }
}

program
  .command('serve', { isDefault: true })
  .description('build the web app if needed, migrate, load the demo on an empty database, and serve')
  .option('--no-build', 'do not build the web app even if it is missing or stale')
  .action(async (options: { build: boolean }) => {
    await serve(loadConfig(), { build: options.build });
  });

program
  .command('migrate')
  .description('bring the database schema to the latest version')
  .action(async () => {
    const handle = createDb(loadConfig().databaseUrl);
    const applied = await migrateToLatest(handle.db);
    await handle.close();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
  });

program
  .command('seed-demo')
  .description('load the demo conference (OCOP Thanh Hóa 2020) if the database has no event')
  .action(async () => {
    const loaded = await withDb((h) => seedDemo(h.db));
    console.log(loaded ? 'Demo conference loaded.' : 'The database already has events; nothing loaded.');
  });

program
  .command('create-user')
  .description('create a user account')
  .argument('<username>', 'sign-in name (letters without accents, digits, . _ -)')
  .requiredOption('--name <fullName>', 'full name')
  .addOption(
    new Option('--password <password>', 'password (or set HOINGHI_PASSWORD)').env('HOINGHI_PASSWORD'),
  )
  .option('--admin', 'make the user a system administrator', false)
  .action(async (username: string, options: { name: string; password?: string; admin: boolean }) => {
    const name = usernameSchema.safeParse(username);
    const password = passwordSchema.safeParse(options.password ?? '');
    if (!name.success || !password.success) {
      throw new AppError(
        'VALIDATION_FAILED',
        !name.success ? 'Tên đăng nhập không hợp lệ' : 'Mật khẩu cần ít nhất 8 ký tự',
      );
    }
    const user = await withDb((h) =>
      createUser(h.db, SYSTEM_ACTOR, {
        username: name.data,
        fullName: options.name,
        password: password.data,
        isAdmin: options.admin,
      }),
    );
    console.log(`Created ${user.username}${user.isAdmin ? ' (admin)' : ''}.`);
  });

program
  .command('backup')
  .description('copy the database to a file (SQLite online backup; on PostgreSQL prints the pg_dump command)')
  .argument('<file>', 'backup file to write')
  .action(async (file: string) => {
    const { databaseUrl } = loadConfig();
    if (isPostgresUrl(databaseUrl)) {
      console.log(
        `PostgreSQL: run\n  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"`,
      );
      return;
    }
    const source = new SqliteDatabase(databaseUrl, { readonly: true, fileMustExist: true });
    try {
      // The online backup API copies a consistent snapshot while the app keeps serving.
      await source.backup(resolve(file));
    } finally {
      source.close();
    }
    console.log(`Backed up ${databaseUrl} to ${resolve(file)}.`);
  });

program
  .command('restore')
  .description('replace the SQLite database with a backup file (stop the server first)')
  .argument('<file>', 'backup file made by `hoinghi backup`')
  .action(async (file: string) => {
    const { databaseUrl } = loadConfig();
    if (isPostgresUrl(databaseUrl)) {
      console.log(
        `PostgreSQL: run\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" ${JSON.stringify(file)}`,
      );
      return;
    }
    const backup = new SqliteDatabase(resolve(file), { readonly: true, fileMustExist: true });
    try {
      const check = backup.pragma('integrity_check', { simple: true });
      const hasSchema = backup.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
      if (check !== 'ok' || !hasSchema)
        throw new Error(`${file} is not a hoinghi backup (integrity: ${String(check)})`);
    } finally {
      backup.close();
    }
    for (const suffix of ['-wal', '-shm']) if (existsSync(databaseUrl + suffix)) rmSync(databaseUrl + suffix);
    copyFileSync(resolve(file), databaseUrl);
    await withDb(async () => undefined);
    console.log(`Restored ${databaseUrl} from ${resolve(file)}.`);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? `Lỗi: ${error.message}` : error);
  process.exit(error instanceof AppError ? 2 : 1);
});
