import { buildApp } from './app';
import type { Config } from './config';
import { createDb } from './db/database';
import { migrateToLatest } from './db/migrate';
import { ensureAdmin, seedDemo } from './demo/demo.service';
import { ensureWebBuild, WEB_DIST } from './web-build';

/** `npm start`: build what is missing, migrate, create the first admin, load the demo, listen. */
export async function serve(config: Config, options: { build?: boolean } = {}) {
  const startedAt = performance.now();
  if (options.build !== false) await ensureWebBuild((m) => console.log(m));
  const handle = createDb(config.databaseUrl);
  await migrateToLatest(handle);

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

  const app = await buildApp({
    handle,
    webRoot: WEB_DIST,
    trustProxy: config.trustProxy,
    mail: config.mail,
    rateLimits: config.rateLimits,
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
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(
    `hoinghi: http://${shownHost}:${config.port} (${handle.engine}) — sẵn sàng sau ${Math.round(performance.now() - startedAt)} ms`,
  );
  return { app, handle };
}
