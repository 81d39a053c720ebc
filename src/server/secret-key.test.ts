import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveReplyToken } from './replies/reply-token';
import { loadSecretKey, parseSecretKey, SECRET_KEY_FILE } from './secret-key';

const dir = mkdtempSync(join(tmpdir(), 'hoinghi-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret key', () => {
  it('is made once in the data folder, readable by its owner only, and the same at every start', () => {
    const first = loadSecretKey({ dataDir: join(dir, 'data') });
    const path = join(dir, 'data', SECRET_KEY_FILE);
    expect(first).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: join(dir, 'data') }).equals(first)).toBe(true);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.toString('hex'));
  });

  it('comes from HOINGHI_SECRET_KEY as hex or base64 on every app server, and refuses a short one', () => {
    const hex = 'ab'.repeat(32);
    const key = loadSecretKey({ value: hex, dataDir: join(dir, 'unused') });
    expect(key.toString('hex')).toBe(hex);
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64url')).equals(key)).toBe(true);
    expect(() => parseSecretKey('ab'.repeat(16))).toThrow(/at least 32/);
    expect(() => parseSecretKey('mật khẩu')).toThrow(/at least 32/);
  });

  it('derives a different link per delegate, generation and key', () => {
    const key = parseSecretKey('01'.repeat(32));
    const token = deriveReplyToken(key, 'dai-bieu-1', 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deriveReplyToken(key, 'dai-bieu-1', 1)).toBe(token);
    expect(deriveReplyToken(key, 'dai-bieu-1', 2)).not.toBe(token);
    expect(deriveReplyToken(key, 'dai-bieu-2', 1)).not.toBe(token);
    expect(deriveReplyToken(parseSecretKey('02'.repeat(32)), 'dai-bieu-1', 1)).not.toBe(token);
  });
});
