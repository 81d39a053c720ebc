import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The server's secret key: reply links are derived from it (HMAC), so the database alone — a leaked backup — never
 * yields a working link. It lives outside the database on purpose: in HOINGHI_SECRET_KEY (the same value on every
 * app server) or in `<DATA_DIR>/hoinghi.key`, made at first start.
 */
export const SECRET_KEY_FILE = 'hoinghi.key';
const MIN_BYTES = 32;

/** Accepts hex (64+ digits) or base64/base64url of at least 32 bytes; anything shorter is refused, not padded. */
export function parseSecretKey(text: string): Buffer {
  const value = text.trim();
  const key = /^(?:[0-9a-fA-F]{2})+$/.test(value)
    ? Buffer.from(value, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
      ? Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : Buffer.alloc(0);
  if (key.length < MIN_BYTES) {
    throw new Error(
      `HOINGHI_SECRET_KEY must be at least ${MIN_BYTES} random bytes, written as hex or base64 (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  return key;
}

/**
 * The configured key, else the key file in the data folder, made (32 random bytes, mode 0600) when missing. A key
 * file others can read is narrowed back to 0600: whoever reads it can answer for every delegate.
 */
export function loadSecretKey(options: { value?: string | undefined; dataDir: string }): Buffer {
  if (options.value) return parseSecretKey(options.value);
  const path = join(options.dataDir, SECRET_KEY_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two servers starting together never overwrite each other's key.
    writeFileSync(path, `${randomBytes(MIN_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    chmodSync(path, 0o600);
  }
  return parseSecretKey(readFileSync(path, 'utf8'));
}
