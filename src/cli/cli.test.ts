import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'hoinghi-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOINGHI_PASSWORD: 'mat-khau-cli-1' };
const cli = (...args: string[]) => run('node', ['bin/hoinghi.mjs', ...args], { env, cwd: process.cwd() });
const count = (file: string, table: string) => {
  const db = new SqliteDatabase(file, { readonly: true });
  const { n } = db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
  db.close();
  return n;
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npx hoinghi', () => {
  it('parses a plan to JSON, and refuses unreadable input with exit 2 and one line', {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await cli(
      'plan',
      'parse',
      'src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt',
      '--json',
    );
    const draft = JSON.parse(stdout);
    expect(draft.compositionTotal).toBe(268);
    expect(draft.warnings.length).toBeGreaterThan(0);

    const empty = join(dataDir, 'empty.txt');
    writeFileSync(empty, '');
    const refused = await cli('plan', 'parse', empty, '--json').catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect((refused as { stderr: string }).stderr.trim().split('\n')).toEqual(['Lỗi: Tệp rỗng']);
  });

  it('migrates, loads the demo once, creates users, backs up and restores', { timeout: 90_000 }, async () => {
    expect((await cli('migrate')).stdout).toContain('0001_foundation');
    expect((await cli('migrate')).stdout).toContain('Already up to date');
    expect((await cli('seed-demo')).stdout).toContain('Demo conference loaded');
    expect((await cli('seed-demo')).stdout).toContain('nothing loaded');
    expect((await cli('create-user', 'canbo.nga.son', '--name', 'Cán bộ Nga Sơn')).stdout).toContain(
      'Created canbo.nga.son',
    );

    const bad = await cli('create-user', 'Sai Tên', '--name', 'X').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('Tên đăng nhập không hợp lệ') });

    const database = join(dataDir, 'hoinghi.db');
    const backup = join(dataDir, 'backup.db');
    await cli('backup', backup);
    expect(statSync(backup).size).toBeGreaterThan(0);
    expect(count(backup, 'events')).toBe(1);

    await cli('create-user', 'sau.sao.luu', '--name', 'Tạo sau sao lưu');
    const usersBefore = count(database, 'users');
    await cli('restore', backup);
    expect(count(database, 'users')).toBe(usersBefore - 1);

    const notBackup = join(dataDir, 'not-a-backup.db');
    new SqliteDatabase(notBackup).close();
    const refused = await cli('restore', notBackup).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('not a hoinghi backup') });
    expect(count(database, 'events')).toBe(1);
  });

  it('erases the personal data of events past their retention period, once', {
    timeout: 60_000,
  }, async () => {
    const database = join(dataDir, 'hoinghi.db');
    const withPhone = (file: string) => {
      const db = new SqliteDatabase(file, { readonly: true });
      const { n } = db.prepare('select count(*) as n from delegates where phone is not null').get() as {
        n: number;
      };
      db.close();
      return n;
    };
    // The demo conference ended in November 2020: far past its 365 days.
    expect(withPhone(database)).toBeGreaterThan(0);
    expect((await cli('privacy', 'erase-expired')).stdout).toContain(
      'Erased the personal data of 1 event(s)',
    );
    expect(withPhone(database)).toBe(0);
    expect((await cli('privacy', 'erase-expired')).stdout).toContain('No event has passed');
  });
});
