import { type RawBuilder, sql } from 'kysely';

/**
 * `column LIKE '%term%'` with the user's % and _ matched literally. The ESCAPE clause is spelled out because
 * SQLite has no default escape character (PostgreSQL's is the backslash); the same SQL works on both.
 */
export function containsLike(column: string, term: string): RawBuilder<boolean> {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
