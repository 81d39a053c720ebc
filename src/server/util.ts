import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** The one timestamp format everywhere: ISO-8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}

export function toBool(flag: number): boolean {
  return flag === 1;
}

export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** PostgreSQL returns COUNT(*) as a string, SQLite as a number. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}
