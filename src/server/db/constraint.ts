/**
 * Recognises a foreign-key violation from either engine so services can turn it into a domain error.
 * SQLite (better-sqlite3) reports `code: 'SQLITE_CONSTRAINT_FOREIGNKEY'`; PostgreSQL reports SQLSTATE `23503`.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
