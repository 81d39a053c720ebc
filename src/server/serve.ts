import { buildApp } from './app';
import { type Config, isLoopbackAddress } from './config';
import { createDb, type Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { rankUnrankedDelegates } from './delegates/delegates.rank';
import { ensureAdmin, seedDemo } from './demo/demo.service';
import { loadSecretKey } from './secret-key';
import { countAccountsWithPublishedPassword } from './users/users.service';
import { ensureWebBuild, WEB_DIST } from './web-build';

/** `npm start`: build what is missing, migrate, create the first admin, load the demo, listen. */
export async function serve(config: Config, options: { build?: boolean } = {}) {
  const startedAt = performance.now();
  if (options.build !== false) await ensureWebBuild((m) => console.log(m));
  // Before the database: a bad HOINGHI_SECRET_KEY stops the start instead of giving links nobody can reprint.
  const secretKey = loadSecretKey({ value: config.secretKey, dataDir: config.dataDir });
  const handle = createDb(config.databaseUrl);
  await migrateToLatest(handle);
  await rankUnrankedDelegates(handle.db);

  const admin = await ensureAdmin(handle.db, config.adminPassword);
  if (admin && !config.adminPassword) {
    console.log(`\nTài khoản quản trị đầu tiên / first admin account: ${admin.username} / ${admin.password}`);
    console.log(
      'Mật khẩu này chỉ in một lần; hãy đổi sau khi đăng nhập. / Shown once; change it after signing in.\n',
    );
  }
  if (config.loadDemo && (await seedDemo(handle.db))) {
    console.log('Đã nạp hội nghị demo OCOP Thanh Hóa 2020. / Demo conference loaded.');
  }

  const exposed = await publishedPasswordWarning(handle.db, config.host);
  if (exposed) console.warn(exposed);

  const app = await buildApp({
    handle,
    webRoot: WEB_DIST,
    trustProxy: config.trustProxy,
    mail: config.mail,
    secretKey,
    rateLimits: config.rateLimits,
    publicUrl: config.publicUrl,
    logger: { level: config.logLevel },
  });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || isLoopbackAddress(config.host) ? 'localhost' : config.host;
  console.log(
    `hoinghi: http://${shownHost}:${config.port} (${handle.engine}) — sẵn sàng sau ${Math.round(performance.now() - startedAt)} ms`,
  );
  return { app, handle };
}

/**
 * Listening beyond this machine while accounts still hold the published demo password: those sign-ins are refused
 * from the network anyway, but whoever set HOST should know why the phones at the door cannot sign in.
 */
export async function publishedPasswordWarning(db: Db, host: string): Promise<string | null> {
  if (isLoopbackAddress(host)) return null;
  const count = await countAccountsWithPublishedPassword(db);
  if (count === 0) return null;
  return [
    `CẢNH BÁO: máy chủ nghe trên ${host} (mạng) trong khi ${count} tài khoản vẫn dùng mật khẩu demo công khai hoinghi2020.`,
    'Các tài khoản đó chỉ đăng nhập được ngay trên máy này; hãy đăng nhập tại http://localhost và đổi mật khẩu,',
    'hoặc đặt HOINGHI_DEMO=off trên cơ sở dữ liệu mới.',
    `WARNING: listening on ${host} while ${count} account(s) still use the published demo password; they can sign in`,
    'only from this machine until their password is changed.',
  ].join('\n');
}
