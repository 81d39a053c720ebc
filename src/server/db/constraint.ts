/**
 * Recognises constraint violations from either engine so services can turn them into domain errors.
 * SQLite (better-sqlite3) reports `code: 'SQLITE_CONSTRAINT_*'`; PostgreSQL reports SQLSTATE `23xxx`.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
