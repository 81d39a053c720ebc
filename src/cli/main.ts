import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../server/auth/actor';
import { loadConfig } from '../server/config';
import { createDb, isPostgresUrl } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemo } from '../server/demo/demo.service';
import { MAX_DOCUMENT_BYTES } from '../server/documents/text-extract';
import { AppError } from '../server/errors';
import { parsePlanDocument } from '../server/plans/plans.service';
import { eraseExpiredPersonalData } from '../server/privacy/privacy.service';
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
    await migrateToLatest(handle);
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
    const applied = await migrateToLatest(handle);
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

const plan = program.command('plan').description('plans (Kế hoạch, Giấy mời, công văn)');
plan
  .command('parse')
  .description('read a plan (.txt, .docx, .pdf) into an event draft')
  .argument('<file>', 'the document')
  .option('--json', 'print the whole draft as JSON', false)
  .action(async (file: string, options: { json: boolean }) => {
    const path = resolve(file);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new AppError('NOT_FOUND', `Không có tệp ${file}`);
    if (statSync(path).size > MAX_DOCUMENT_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `Tệp ${file} lớn hơn 5 MB`);
    const { draft } = await parsePlanDocument(readFileSync(path));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
      return;
    }
    const e = draft.event;
    console.log(`${e.name ?? '(không rõ tên)'}`);
    console.log(
      `Thời gian: ${e.time.text ?? '—'} | Địa điểm: ${e.venue ?? '—'} | Dự kiến: ${e.expectedAttendees ?? '—'} đại biểu`,
    );
    console.log(
      `Thành phần: ${draft.compositionTotal} người; chương trình: ${draft.program.length} mục; nhiệm vụ: ${draft.tasks.length} đơn vị`,
    );
    for (const w of draft.warnings) console.log(`! ${w.message}`);
  });

const privacy = program.command('privacy').description('personal data (Nghị định 13/2023/NĐ-CP)');
privacy
  .command('erase-expired')
  .description('anonymise the delegates of every event whose retention period after its end has passed')
  .action(async () => {
    const erased = await withDb((h) => eraseExpiredPersonalData(h.db, SYSTEM_ACTOR));
    for (const e of erased) console.log(`Đã xóa dữ liệu cá nhân: ${e.name} (${e.delegates} đại biểu)`);
    console.log(
      erased.length
        ? `Erased the personal data of ${erased.length} event(s).`
        : 'No event has passed its retention period.',
    );
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? `Lỗi: ${error.message}` : error);
  process.exit(error instanceof AppError ? 2 : 1);
});
