import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Anything a repository can run a query on: the database or a transaction. */
export type Executor = Kysely<Database>;

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** The SQLite connection, for online backup; null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  /** PostgreSQL: the schema the tables live in ("public" unless tests chose one); null on SQLite. */
  schema: string | null;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL only: schema put first on the search_path (tests give each file its own). */
  schema?: string;
  poolSize?: number;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** One database handle from a URL: `postgres://…` → PostgreSQL; a file path or `:memory:` → SQLite. */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  if (isPostgresUrl(url)) {
    // PostgreSQL returns COUNT(*) and BIGINT as strings; the schema uses no bigint and repositories cast counts.
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      sqlite: null,
      schema: options.schema ?? 'public',
      close: () => db.destroy(),
    };
  }

  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SqliteDatabase(url);
  // WAL lets readers work while a writer commits; busy_timeout makes a second process wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', sqlite, schema: null, close: () => db.destroy() };
}
