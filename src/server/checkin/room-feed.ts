import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { DbHandle } from '../db/database';

/**
 * "Someone checked in at event X", to every app server: on SQLite within this process, on PostgreSQL through
 * NOTIFY, which every server LISTENs to (its own notifications included, so each change arrives exactly once).
 * Listeners get the event id only; they read what they need, coalesced, so a burst of scans is one update.
 */
/** The longest a room screen waits for a scan's notification on PostgreSQL. */
export const NOTIFY_EVERY_MS = 25;

export class RoomFeed {
  private readonly emitter = new EventEmitter();
  private stop: (() => Promise<void>) | null = null;
  private readonly channel: string;
  private readonly pending = new Set<string>();

  constructor(private readonly handle: DbHandle) {
    this.emitter.setMaxListeners(0);
    this.channel = `hoinghi_room_${handle.schema ?? 'public'}`;
  }

  async start(): Promise<void> {
    if (this.handle.listen)
      this.stop = await this.handle.listen(this.channel, (eventId) => this.emit(eventId));
  }

  /**
   * Call after the change has committed. On PostgreSQL the NOTIFY is coalesced per event: a burst of scans sends
   * one notification every NOTIFY_EVERY_MS instead of one round trip each (listeners read the state anyway).
   */
  async changed(eventId: string): Promise<void> {
    if (!this.stop) {
      this.emit(eventId);
      return;
    }
    if (this.pending.has(eventId)) return;
    this.pending.add(eventId);
    setTimeout(() => {
      this.pending.delete(eventId);
      sql`select pg_notify(${this.channel}, ${eventId})`.execute(this.handle.db).catch(() => {
        // The pool is closing or the database is away: the room catches up on the next change or reconnect.
      });
    }, NOTIFY_EVERY_MS).unref();
  }

  subscribe(eventId: string, listener: () => void): () => void {
    this.emitter.on(eventId, listener);
    return () => this.emitter.off(eventId, listener);
  }

  private emit(eventId: string) {
    this.emitter.emit(eventId);
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
    this.emitter.removeAllListeners();
  }
}
