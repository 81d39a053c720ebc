import { createStore, del, entries, get, set } from 'idb-keyval';
import type { CheckinInput, CheckinSnapshot } from '../../shared/checkin';

/**
 * What the desk phone keeps in IndexedDB: the event's list (to search and resolve QR codes offline) and every
 * action not yet confirmed by the server. An action is written here before anything is sent, and removed only
 * when the server has answered it, so a scan survives a dead network, a closed tab or a flat battery.
 */
const snapshots = createStore('hoinghi-checkin-snapshots', 'snapshots');
const queue = createStore('hoinghi-checkin-queue', 'actions');

export type QueuedAction =
  | { kind: 'scan'; eventId: string; input: CheckinInput; delegateId: string | null; queuedAt: string }
  | { kind: 'documents'; eventId: string; clientId: string; delegateId: string; queuedAt: string };

export const keyOf = (a: QueuedAction) => `${a.eventId}:${a.kind === 'scan' ? a.input.clientId : a.clientId}`;

export const saveSnapshot = (snapshot: CheckinSnapshot) => set(snapshot.eventId, snapshot, snapshots);
export const loadSnapshot = (eventId: string) => get<CheckinSnapshot>(eventId, snapshots);

export const enqueue = (action: QueuedAction) => set(keyOf(action), action, queue);
export const dequeue = (action: QueuedAction) => del(keyOf(action), queue);
export async function pending(eventId: string): Promise<QueuedAction[]> {
  const all = (await entries<string, QueuedAction>(queue))
    .map(([, a]) => a)
    .filter((a) => a.eventId === eventId);
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** A random id, also where crypto.randomUUID is missing (plain http on the venue's network). */
export function randomId(): string {
  // Missing outside secure contexts, whatever the types say.
  if ((crypto as Partial<Crypto>).randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function deviceId(): string {
  let id = localStorage.getItem('hoinghi.device');
  if (!id) {
    id = `may-${randomId().slice(0, 8)}`;
    localStorage.setItem('hoinghi.device', id);
  }
  return id;
}

/** SHA-256 hex of a scanned token, as the snapshot holds it; null where the browser has no WebCrypto. */
export async function sha256(text: string): Promise<string | null> {
  if (!(crypto as Partial<Crypto>).subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The token in a scanned QR: the reply link's last part, or the text itself. */
export function tokenIn(scanned: string): string {
  // A badge's check-in code (/c/…) or a letter's reply link (/r/…).
  const m = /\/[rc]\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(scanned.trim());
  return m ? m[1]! : scanned.trim();
}
