import type { PublicUrlSetting } from '../../shared/settings';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { AppError } from '../errors';
import { nowIso } from '../util';
import { findSettingValue, saveSettingValue } from './settings.repository';

const PUBLIC_URL_KEY = 'public_url';

/**
 * The public address, wherever it is set. PUBLIC_URL in the server's environment wins: whoever runs the server
 * knows its address for sure, and a setting in the database must not redirect every QR code of a deployment. The
 * app's setting serves where nobody can change the environment (the demo, a desktop install); the settings page
 * shows which one applies.
 */
export async function getPublicUrlSetting(db: Executor, envValue: string | null): Promise<PublicUrlSetting> {
  const appValue = await findSettingValue(db, PUBLIC_URL_KEY);
  const publicUrl = envValue ?? appValue;
  return { publicUrl, source: envValue ? 'env' : appValue ? 'app' : null, envValue, appValue };
}

export async function savePublicUrl(
  db: Db,
  actor: Actor,
  envValue: string | null,
  publicUrl: string | null,
): Promise<PublicUrlSetting> {
  await db.transaction().execute(async (trx) => {
    const before = await findSettingValue(trx, PUBLIC_URL_KEY);
    await saveSettingValue(trx, PUBLIC_URL_KEY, publicUrl, nowIso(), actor.id);
    await recordAudit(trx, actor, {
      eventId: null,
      entity: 'setting',
      entityId: PUBLIC_URL_KEY,
      action: 'update',
      before: { publicUrl: before },
      after: { publicUrl },
    });
  });
  return getPublicUrlSetting(db, envValue);
}

/**
 * The address printed on letters and badges (QR codes and links); refused when none is set, so a letter never
 * carries a link only the server itself can open.
 */
export async function requirePublicUrl(db: Executor, envValue: string | null): Promise<string> {
  const { publicUrl } = await getPublicUrlSetting(db, envValue);
  if (!publicUrl) {
    throw new AppError(
      'PUBLIC_URL_MISSING',
      'Chưa đặt địa chỉ công khai (PUBLIC_URL) của hệ thống nên chưa in được mã QR và liên kết trên giấy mời, thẻ đại biểu. ' +
        'Quản trị viên đặt tại Quản trị → Cài đặt → Địa chỉ công khai, hoặc chạy máy chủ với biến môi trường ' +
        'PUBLIC_URL=https://<tên miền của hệ thống> (địa chỉ mà điện thoại của đại biểu mở được, không dùng localhost).',
    );
  }
  return publicUrl;
}
