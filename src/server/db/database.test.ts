import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './database';

const dir = mkdtempSync(join(tmpdir(), 'hoinghi-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite file database', () => {
  it('commits to the disk before acknowledging (synchronous FULL) in WAL mode', async () => {
    const handle = createDb(join(dir, 'hoinghi.db'));
    try {
      // 2 = FULL; NORMAL (1) in WAL mode can lose the last acknowledged commits on a power cut.
      expect(handle.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
      expect(handle.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(handle.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
