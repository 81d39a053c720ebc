import type { RoomSummary } from '../../shared/checkin';
import type { Executor } from '../db/database';
import { roomSummary } from './checkin.room';

/** How long a computed summary may be handed out without a change notification (changes that send none). */
export const SUMMARY_MAX_AGE_MS = 1000;

interface Feed {
  subscribe(eventId: string, listener: () => void): () => void;
}

interface Entry {
  version: number;
  at: number;
  value: Promise<RoomSummary>;
}

/**
 * One room summary per event, shared by every screen watching it. Each room screen used to recompute the event's
 * summary on every change (up to five times a second each); now a change marks the event's summary stale and the
 * first screen to ask computes it once for all. A summary is also never older than SUMMARY_MAX_AGE_MS, for
 * changes that send no notification (a delegate registered, a seat moved).
 */
export class RoomSummaries {
  private readonly entries = new Map<string, Entry>();
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly feed: Feed,
    private readonly compute: (db: Executor, eventId: string) => Promise<RoomSummary> = roomSummary,
    private readonly now: () => number = Date.now,
  ) {}

  latest(eventId: string): Promise<RoomSummary> {
    if (!this.versions.has(eventId)) {
      this.versions.set(eventId, 0);
      // Registered before any screen's delayed send runs, so a change is always seen first here.
      this.feed.subscribe(eventId, () => this.versions.set(eventId, (this.versions.get(eventId) ?? 0) + 1));
    }
    const version = this.versions.get(eventId)!;
    const hit = this.entries.get(eventId);
    if (hit && hit.version === version && this.now() - hit.at < SUMMARY_MAX_AGE_MS) return hit.value;
    const entry: Entry = { version, at: this.now(), value: this.compute(this.db, eventId) };
    this.entries.set(eventId, entry);
    // A failed computation is not kept: the next screen asks again.
    entry.value.catch(() => this.entries.get(eventId) === entry && this.entries.delete(eventId));
    return entry.value;
  }
}
