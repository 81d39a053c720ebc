import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EventRole } from '../../shared/auth';
import type { CreateEventInput } from '../../shared/events';
import type { CreateUnitInput } from '../../shared/units';
import { type BuildAppOptions, buildApp, type HoinghiApp } from '../app';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { MailConfig } from '../config';
import { createDb, type DbHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createEvent, setMember } from '../events/events.service';
import { createUnit } from '../units/units.service';
import { createUser, hashPassword } from '../users/users.service';

/** Which engine this run tests: the vitest project sets TEST_DB_ENGINE; PostgreSQL needs TEST_DATABASE_URL. */
export const TEST_ENGINE = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | undefined;

/** A fresh database for one test file: in-memory SQLite, or a new schema on the test PostgreSQL server. */
export async function createTestDb(): Promise<DbHandle> {
  if (TEST_ENGINE === 'sqlite') {
    const handle = createDb(':memory:');
    await migrateToLatest(handle);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = createDb(url, { schema, poolSize: 5 });
  await migrateToLatest(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${randomBytes(2).toString('hex')}`;

/** The public address test apps print on letters and badges unless a test asks for none. */
export const TEST_PUBLIC_URL = 'https://hoinghi.example.gov.vn';

export interface TestContext {
  handle: DbHandle;
  app: HoinghiApp;
  /** The app's secret key, for tests that derive or issue reply links without HTTP. */
  secretKey: Buffer;
  close(): Promise<void>;
  buildUser(overrides?: {
    username?: string;
    fullName?: string;
    isAdmin?: boolean;
  }): ReturnType<typeof createUser>;
  buildUnit(overrides?: Partial<CreateUnitInput>): ReturnType<typeof createUnit>;
  buildEvent(overrides?: Partial<CreateEventInput>): ReturnType<typeof createEvent>;
  addMember(eventId: string, userId: string, role: EventRole, unitId?: string | null): Promise<void>;
  /** Signs in through the real route and returns the Cookie header to send. */
  login(username: string, password?: string): Promise<string>;
}

export async function createTestContext(
  options: {
    webRoot?: string;
    mail?: MailConfig | null;
    logger?: BuildAppOptions['logger'];
    rateLimits?: BuildAppOptions['rateLimits'];
    /** PUBLIC_URL; omitted → https://hoinghi.example.gov.vn, null → none (letters and badges are refused). */
    publicUrl?: string | null;
    clock?: BuildAppOptions['clock'];
  } = {},
): Promise<TestContext> {
  const handle = await createTestDb();
  const secretKey = randomBytes(32);
  const app = await buildApp({
    handle,
    webRoot: options.webRoot,
    mail: options.mail ?? null,
    logger: options.logger,
    rateLimits: options.rateLimits,
    secretKey,
    publicUrl: options.publicUrl === undefined ? TEST_PUBLIC_URL : options.publicUrl,
    clock: options.clock,
  });
  const { db } = handle;
  return {
    handle,
    app,
    secretKey,
    close: async () => {
      await app.close();
      await handle.close();
    },
    async buildUser(overrides = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      return createUser(db, SYSTEM_ACTOR, {
        username: overrides.username ?? unique('user'),
        fullName: overrides.fullName ?? 'Người dùng thử nghiệm',
        password: TEST_PASSWORD,
        passwordHash: await passwordHash,
        isAdmin: overrides.isAdmin ?? false,
      });
    },
    buildUnit(overrides = {}) {
      return createUnit(db, SYSTEM_ACTOR, {
        kind: 'district',
        shortName: overrides.name ?? unique('Đơn vị '),
        name: unique('Đơn vị thử nghiệm '),
        ...overrides,
      });
    },
    buildEvent(overrides = {}) {
      return createEvent(db, SYSTEM_ACTOR, {
        name: unique('Hội nghị thử nghiệm '),
        startsAt: '2020-11-27T01:00:00.000Z',
        endsAt: '2020-11-27T04:30:00.000Z',
        ...overrides,
      });
    },
    async addMember(eventId, userId, role, unitId = null) {
      await setMember(db, SYSTEM_ACTOR, eventId, userId, { role, unitId });
    },
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'hoinghi_session');
      return `hoinghi_session=${cookie!.value}`;
    },
  };
}
