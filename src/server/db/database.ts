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
  /** The SQLite connection, for online backup and the door's fast path; null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  /** PostgreSQL: the pool Kysely runs on, for the door's one prepared statement; null on SQLite. */
  pool: pg.Pool | null;
  /** PostgreSQL: the schema the tables live in ("public" unless tests chose one); null on SQLite. */
  schema: string | null;
  close(): Promise<void>;
  /**
   * PostgreSQL: a connection of its own that LISTENs on the channel and calls back with each NOTIFY payload;
   * resolves to the function that stops it. Null on SQLite (one process owns the file; nothing to hear from).
   */
  listen: ((channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>) | null;
}

export interface CreateDbOptions {
  /** PostgreSQL only: schema put first on the search_path (tests give each file its own). */
  schema?: string;
  poolSize?: number;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/**
 * Kysely prepares every query afresh; on better-sqlite3 preparing costs about as much as running. The app's
 * queries are few shapes with parameters, so prepared statements are kept by their SQL (up to 500, oldest out).
 * Safe because Kysely runs one query at a time on the connection and reads each result whole.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, key) => (key === 'prepare' ? prepare : Reflect.get(target, key, target)),
  });
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
    const listen = async (channel: string, onMessage: (payload: string) => void) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
      // A dropped listener connection must not take the server down; updates then fall back to this server's own.
      client.on('error', () => {});
      await client.query(`listen "${channel}"`);
      return async () => {
        await client.end().catch(() => {});
      };
    };
    return {
      db,
      engine: 'postgres',
      sqlite: null,
      pool,
      schema: options.schema ?? 'public',
      close: () => db.destroy(),
      listen,
    };
  }

  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SqliteDatabase(url);
  // WAL lets readers work while a writer commits; busy_timeout makes a second process wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  // FULL: every commit is on the disk before it is acknowledged, so a power cut cannot lose a check-in the door
  // was told about (NORMAL survives a killed process, not a lost machine). Its cost is in decision 006.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', sqlite, pool: null, schema: null, close: () => db.destroy(), listen: null };
}
