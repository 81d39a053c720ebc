import './checkin.css';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {
  CheckinDelegate,
  CheckinInput,
  CheckinResult,
  CheckinSnapshot,
  RoomSummary,
} from '../../shared/checkin';
import { foldVietnamese } from '../../shared/text';
import { Hall } from './hall';
import { type Lang, MESSAGES, type Words } from './messages';
import {
  dequeue,
  deviceId,
  enqueue,
  loadSnapshot,
  pending,
  type QueuedAction,
  randomId,
  saveSnapshot,
  sha256,
  tokenIn,
} from './store';

/**
 * The reception desk on a phone (/checkin/:eventId) and the projector screen (/checkin/:eventId/room). The desk
 * works from the event's list kept on the device: a scan or a tap is written to IndexedDB first, then sent; when
 * the network is gone the queue waits and is sent, in one batch, as soon as it returns.
 */

type Person = CheckinSnapshot['delegates'][number];
const time = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

class Unauthorized extends Error {}
class Offline extends Error {}

async function send<T>(url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Offline();
  }
  if (response.status === 401) throw new Unauthorized();
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(payload?.error?.message ?? `Lỗi ${response.status}`) as Error & {
      code?: string;
      status?: number;
    };
    error.code = payload?.error?.code;
    error.status = response.status;
    throw error;
  }
  return payload as T;
}

/**
 * True once the service worker holds everything this page loaded (the page, its scripts, styles and icons): from
 * then on a reload without network still opens the desk. The worker is handed the files the page actually
 * fetched, so a lazily loaded part is kept too.
 */
function useOfflineReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let stop = false;
    void navigator.serviceWorker.ready.then((registration) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(location.origin) && !new URL(u).pathname.startsWith('/api/'));
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<{ type: string }>) => {
        if (!stop && event.data.type === 'ready') setReady(true);
      };
      registration.active?.postMessage({ type: 'keep', urls: [...urls, location.pathname] }, [channel.port2]);
    });
    return () => {
      stop = true;
    };
  }, []);
  return ready;
}

function useLang(): [Words, () => void] {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('hoinghi.lang') === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return [
    MESSAGES[lang],
    () => {
      const next = lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem('hoinghi.lang', next);
      setLang(next);
    },
  ];
}

function Scanner({ onScan, w }: { onScan: (text: string) => void; w: Words }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // The camera starts once; each decoded code goes to the latest handler.
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    let stopped = false;
    let scanner: { stop(): void; destroy(): void } | null = null;
    void import('qr-scanner')
      .then(async ({ default: QrScanner }) => {
        if (stopped || !video.current) return;
        let last = '';
        const instance = new QrScanner(
          video.current,
          (result) => {
            if (result.data && result.data !== last) {
              last = result.data;
              latest.current(result.data);
              setTimeout(() => {
                last = '';
              }, 3000);
            }
          },
          { preferredCamera: 'environment', highlightScanRegion: true, returnDetailedScanResult: true },
        );
        scanner = instance;
        await instance.start();
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      scanner?.stop();
      scanner?.destroy();
    };
  }, []);
  if (failed) return <p className="warn">{w.cameraError}</p>;
  return <video ref={video} className="camera" muted playsInline />;
}

function Card({
  person,
  result,
  queued,
  w,
  online,
  onCheckIn,
  onDocuments,
  onSubstitute,
  onNext,
}: {
  person: Person;
  result: CheckinResult | null;
  queued: boolean;
  w: Words;
  online: boolean;
  onCheckIn: () => void;
  onDocuments: () => void;
  onSubstitute: (fullName: string, position: string) => Promise<void>;
  onNext: () => void;
}) {
  const [substituting, setSubstituting] = useState(false);
  const self = useRef<HTMLElement>(null);
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const arrived = person.checkedInAt;
  // The card takes the keyboard when it opens and keeps it after the check-in (whose button then goes away):
  // Enter checks in, Escape goes back to the search for the next guest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the person and their arrival
  useEffect(() => {
    self.current?.focus();
  }, [person.id, arrived]);
  return (
    <section
      ref={self}
      tabIndex={-1}
      className={`card ${arrived ? 'in' : ''}`}
      aria-live="polite"
      aria-label={person.fullName}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) {
          if (e.key === 'Escape') onNext();
          return;
        }
        if (e.key === 'Enter' && !arrived && person.status !== 'replaced') {
          e.preventDefault();
          onCheckIn();
        } else if (e.key === 'Escape' || e.key === '/') {
          e.preventDefault();
          onNext();
        }
      }}
    >
      <h2>{person.fullName}</h2>
      <p>{[person.position, person.organization].filter(Boolean).join(' — ')}</p>
      <dl>
        <div>
          <dt>{w.seat}</dt>
          <dd className="seat">{person.seat ?? w.freeSeat}</dd>
        </div>
        <div>
          <dt>{w.group}</dt>
          <dd>{person.groupTitle ?? '—'}</dd>
        </div>
      </dl>
      <p className="status" role="status">
        {result?.status === 'already_checked_in'
          ? w.already(time(result.checkedInAt))
          : arrived
            ? w.arrived(time(arrived))
            : person.status === 'replaced'
              ? w.statusReplaced
              : w.notYet}
        {queued && <span className="queued"> · {w.queued}</span>}
      </p>
      <p className="keys">{arrived ? w.keysNext : w.keysCheckIn}</p>
      <div className="actions">
        {!arrived && person.status !== 'replaced' && (
          <button type="button" className="primary" onClick={onCheckIn}>
            {w.checkIn}
          </button>
        )}
        {arrived &&
          (person.documentsAt ? (
            <span className="done">✓ {w.documentsDone}</span>
          ) : (
            <button type="button" onClick={onDocuments}>
              {w.documents}
            </button>
          ))}
        {!arrived && person.status !== 'replaced' && (
          <button type="button" onClick={() => setSubstituting((v) => !v)}>
            {w.substitute}
          </button>
        )}
      </div>
      {substituting && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSubstitute(name, position).then(() => setSubstituting(false));
          }}
        >
          <strong>{w.substituteTitle(person.fullName)}</strong>
          {!online && <p className="warn">{w.needsNetwork}</p>}
          <label>
            {w.fullName}
            <input required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            {w.position}
            <input value={position} onChange={(e) => setPosition(e.currentTarget.value)} />
          </label>
          <button type="submit" className="primary" disabled={!online}>
            {w.save}
          </button>
        </form>
      )}
    </section>
  );
}

function WalkIn({
  eventId,
  w,
  online,
  onDone,
}: {
  eventId: string;
  w: Words;
  online: boolean;
  onDone: (r: CheckinResult) => void;
}) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ fullName: '', position: '', organization: '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        + {w.walkIn}
      </button>
    );
  const field = (key: keyof typeof fields, label: string, required = false) => (
    <label>
      {label}
      <input
        required={required}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      className="form card"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        send<CheckinResult>(`/api/events/${eventId}/checkins/walk-in`, {
          ...fields,
          clientId: randomId(),
          scannedAt: new Date().toISOString(),
          deviceId: deviceId(),
        })
          .then((r) => {
            onDone(r);
            setOpen(false);
            setFields({ fullName: '', position: '', organization: '', reason: '' });
          })
          .catch((err) => setError(err instanceof Offline ? w.needsNetwork : (err as Error).message));
      }}
    >
      <strong>{w.walkInTitle}</strong>
      {!online && <p className="warn">{w.needsNetwork}</p>}
      {field('fullName', w.fullName, true)}
      {field('position', w.position)}
      {field('organization', w.organization)}
      {field('reason', w.reason, true)}
      {error && (
        <p className="warn" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!online}>
          {w.save}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {w.cancel}
        </button>
      </div>
    </form>
  );
}

function Desk({ eventId, w, toggleLang }: { eventId: string; w: Words; toggleLang: () => void }) {
  const [snapshot, setSnapshot] = useState<CheckinSnapshot | null>(null);
  const [queue, setQueue] = useState<QueuedAction[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [signedOut, setSignedOut] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const [scanning, setScanning] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const offlineReady = useOfflineReady();
  const searchBox = useRef<HTMLInputElement>(null);
  const syncing = useRef(false);

  const applyCard = useCallback((card: CheckinDelegate, checkedInAt: string | null) => {
    setSnapshot((s) => {
      if (!s) return s;
      const known = s.delegates.some((d) => d.id === card.id);
      const merged = (d: Person): Person => ({ ...d, ...card, checkedInAt: checkedInAt ?? d.checkedInAt });
      const next = {
        ...s,
        delegates: known
          ? s.delegates.map((d) => (d.id === card.id ? merged(d) : d))
          : [
              ...s.delegates,
              {
                ...card,
                searchKey: foldVietnamese(
                  `${card.fullName} ${card.position ?? ''} ${card.organization ?? ''}`,
                ),
                tokenHash: null,
                badgeTokenHash: null,
                checkedInAt,
              },
            ],
      };
      void saveSnapshot(next);
      return next;
    });
  }, []);

  const refreshQueue = useCallback(async () => setQueue(await pending(eventId)), [eventId]);

  /** Sends what is waiting; keeps it when the network is gone; drops what the server refuses for good. */
  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const waiting = await pending(eventId);
      const scans = waiting.filter((a): a is Extract<QueuedAction, { kind: 'scan' }> => a.kind === 'scan');
      for (let i = 0; i < scans.length; i += 200) {
        const part = scans.slice(i, i + 200);
        const { results } = await send<{
          results: { clientId: string; result: CheckinResult | null; error: { message: string } | null }[];
        }>(`/api/events/${eventId}/checkins/batch`, { checkins: part.map((a) => a.input) });
        for (const r of results) {
          const action = part.find((a) => a.input.clientId === r.clientId)!;
          if (r.result) applyCard(r.result.delegate, r.result.checkedInAt);
          if (r.error) setRefused((list) => [...list, r.error!.message]);
          await dequeue(action);
        }
      }
      for (const action of waiting.filter((a) => a.kind === 'documents')) {
        try {
          applyCard(
            await send<CheckinDelegate>(`/api/events/${eventId}/checkins/${action.delegateId}/documents`, {}),
            null,
          );
        } catch (error) {
          if (error instanceof Offline || error instanceof Unauthorized) throw error;
          setRefused((list) => [...list, (error as Error).message]);
        }
        await dequeue(action);
      }
      // Only an answer from the server says the network is back; an empty queue proves nothing.
      if (waiting.length) setOnline(true);
    } catch (error) {
      if (error instanceof Unauthorized) setSignedOut(true);
      else if (error instanceof Offline) setOnline(false);
    } finally {
      syncing.current = false;
      await refreshQueue();
    }
  }, [eventId, applyCard, refreshQueue]);

  useEffect(() => {
    let stop = false;
    void (async () => {
      const kept = await loadSnapshot(eventId);
      if (kept && !stop) setSnapshot(kept);
      await refreshQueue();
      try {
        const fresh = await send<CheckinSnapshot>(`/api/events/${eventId}/checkin-snapshot`);
        // Scans still waiting stay visible as checked in on top of the fresh list.
        const waiting = await pending(eventId);
        const local = new Map(
          waiting
            .filter((a) => a.kind === 'scan' && a.delegateId)
            .map((a) => [a.delegateId!, (a as { input: CheckinInput }).input.scannedAt]),
        );
        const merged = {
          ...fresh,
          delegates: fresh.delegates.map((d) =>
            local.has(d.id) && !d.checkedInAt ? { ...d, checkedInAt: local.get(d.id)! } : d,
          ),
        };
        await saveSnapshot(merged);
        if (!stop) setSnapshot(merged);
        setOnline(true);
      } catch (error) {
        if (error instanceof Unauthorized) setSignedOut(true);
        else if (error instanceof Offline) setOnline(false);
        else if ((error as { status?: number }).status === 403) setForbidden(true);
      }
      if (!stop) setLoaded(true);
      void sync();
    })();
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    const timer = setInterval(() => void sync(), 5000);
    return () => {
      stop = true;
      removeEventListener('online', up);
      removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [eventId, refreshQueue, sync]);

  const people = snapshot?.delegates ?? [];
  const matches = useMemo(() => {
    const words = foldVietnamese(q).split(' ').filter(Boolean);
    if (words.join('').length < 2) return [];
    // Names first: "nguyen van" should list Nguyễn Văn … before a position that mentions "Tài nguyên".
    const found = people.filter((p) => words.every((word) => p.searchKey.includes(word)));
    const byName = (p: Person) => (words.every((word) => foldVietnamese(p.fullName).includes(word)) ? 0 : 1);
    return found.sort((a, b) => byName(a) - byName(b)).slice(0, 30);
  }, [q, people]);
  const person = people.find((p) => p.id === selected) ?? null;

  const record = async (delegateId: string | null, token?: string) => {
    const input: CheckinInput = {
      ...(delegateId ? { delegateId } : { token: token! }),
      clientId: randomId(),
      scannedAt: new Date().toISOString(),
      deviceId: deviceId(),
    };
    // Written down before anything else: from here on the scan cannot be lost.
    await enqueue({ kind: 'scan', eventId, input, delegateId, queuedAt: new Date().toISOString() });
    setResult(null);
    if (delegateId) {
      const known = people.find((p) => p.id === delegateId);
      if (known && !known.checkedInAt) applyCard(known, input.scannedAt);
    }
    await refreshQueue();
    try {
      const r = await send<CheckinResult>(`/api/events/${eventId}/checkins`, input);
      await dequeue({ kind: 'scan', eventId, input, delegateId, queuedAt: '' });
      applyCard(r.delegate, r.checkedInAt);
      setSelected(r.delegate.id);
      setResult(r);
      setOnline(true);
    } catch (error) {
      if (error instanceof Offline) setOnline(false);
      else if (error instanceof Unauthorized) setSignedOut(true);
      else {
        await dequeue({ kind: 'scan', eventId, input, delegateId, queuedAt: '' });
        setMessage((error as Error).message);
      }
    }
    await refreshQueue();
  };

  const onScan = async (text: string) => {
    setMessage(null);
    const token = tokenIn(text);
    const hash = await sha256(token);
    const found = hash ? people.find((p) => p.tokenHash === hash || p.badgeTokenHash === hash) : undefined;
    if (found) {
      setSelected(found.id);
      await record(found.id);
    } else if (navigator.onLine) {
      await record(null, token);
    } else {
      setMessage(w.unknownQr);
    }
  };

  if (signedOut)
    return (
      <main>
        <a className="signin" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {w.signIn}
        </a>
      </main>
    );

  return (
    <>
      <header>
        <div>
          <h1>{w.title}</h1>
          <p className="event">{snapshot?.eventName ?? ''}</p>
        </div>
        <div className="header-side">
          <span className={`net ${online ? 'on' : 'off'}`} role="status" data-testid="network">
            {online ? w.online : w.offline}
          </span>
          <span className="queue" data-testid="queue">
            {queue.length ? w.waiting(queue.length) : w.synced}
          </span>
          {offlineReady && (
            <span className="ready" data-testid="offline-ready">
              {w.offlineReady}
            </span>
          )}
          <button type="button" className="link light" onClick={toggleLang}>
            {w.language}
          </button>
        </div>
      </header>
      <main>
        {forbidden && !snapshot && (
          <p className="warn" role="alert">
            {w.noDeskRole}
          </p>
        )}
        {!snapshot && !forbidden && (loaded ? <p className="warn">{w.noList}</p> : <p>{w.loading}</p>)}
        {snapshot && (
          <>
            <div className="bar">
              <input
                ref={searchBox}
                type="search"
                aria-label={w.search}
                placeholder={w.search}
                value={q}
                onChange={(e) => {
                  setQ(e.currentTarget.value);
                  setMessage(null);
                }}
                onKeyDown={(e) => {
                  // Enter takes the first match: name, Enter, Enter checks a guest in.
                  if (e.key === 'Enter' && matches[0]) {
                    e.preventDefault();
                    setSelected(matches[0].id);
                    setResult(null);
                  }
                }}
              />
              <button type="button" className="primary" onClick={() => setScanning((v) => !v)}>
                {scanning ? w.stopScan : w.scan}
              </button>
            </div>
            {scanning && <Scanner onScan={(t) => void onScan(t)} w={w} />}
            {message && (
              <p className="warn" role="alert">
                {message}
              </p>
            )}
            {person && (
              <Card
                person={person}
                result={result?.delegate.id === person.id ? result : null}
                queued={queue.some((a) => a.kind === 'scan' && a.delegateId === person.id)}
                w={w}
                online={online}
                onCheckIn={() => void record(person.id)}
                onNext={() => {
                  setQ('');
                  searchBox.current?.focus();
                }}
                onDocuments={() =>
                  void (async () => {
                    const action: QueuedAction = {
                      kind: 'documents',
                      eventId,
                      clientId: randomId(),
                      delegateId: person.id,
                      queuedAt: new Date().toISOString(),
                    };
                    await enqueue(action);
                    applyCard({ ...person, documentsAt: new Date().toISOString() }, null);
                    await sync();
                  })()
                }
                onSubstitute={async (fullName, position) => {
                  try {
                    const r = await send<CheckinResult>(`/api/events/${eventId}/checkins/substitute`, {
                      delegateId: person.id,
                      fullName,
                      position: position || null,
                      clientId: randomId(),
                      scannedAt: new Date().toISOString(),
                      deviceId: deviceId(),
                    });
                    applyCard({ ...person, status: 'replaced' }, null);
                    applyCard(r.delegate, r.checkedInAt);
                    setSelected(r.delegate.id);
                    setResult(r);
                  } catch (error) {
                    setMessage(error instanceof Offline ? w.needsNetwork : (error as Error).message);
                  }
                }}
              />
            )}
            {q && matches.length === 0 && <p className="muted">{w.noMatch}</p>}
            <ul className="results">
              {matches.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={p.checkedInAt ? 'in' : ''}
                    onClick={() => {
                      setSelected(p.id);
                      setResult(null);
                    }}
                  >
                    <strong>{p.fullName}</strong>
                    <span>{[p.position, p.organization].filter(Boolean).join(' — ')}</span>
                    <span className="tag">{p.checkedInAt ? `✓ ${time(p.checkedInAt)}` : (p.seat ?? '')}</span>
                  </button>
                </li>
              ))}
            </ul>
            <WalkIn
              eventId={eventId}
              w={w}
              online={online}
              onDone={(r) => {
                applyCard(r.delegate, r.checkedInAt);
                setSelected(r.delegate.id);
                setResult(r);
              }}
            />
            {refused.length > 0 && (
              <details className="refused">
                <summary>
                  {w.refused} ({refused.length})
                </summary>
                <ul>
                  {refused.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: messages repeat; their order is their identity
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              </details>
            )}
            <a className="link" href={`/checkin/${eventId}/room`} target="_blank" rel="noreferrer">
              {w.room}
            </a>
          </>
        )}
      </main>
    </>
  );
}

/** The projector: arrived against expected, per group, pushed by the server over Server-Sent Events. */
function Room({ eventId, w }: { eventId: string; w: Words }) {
  const [room, setRoom] = useState<RoomSummary | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    send<RoomSummary>(`/api/events/${eventId}/room`).then(
      setRoom,
      (e) => e instanceof Unauthorized && setSignedOut(true),
    );
    const source = new EventSource(`/api/events/${eventId}/room/live`);
    source.addEventListener('room', (e) => setRoom(JSON.parse((e as MessageEvent).data) as RoomSummary));
    return () => source.close();
  }, [eventId]);
  if (signedOut)
    return (
      <a className="signin" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
        {w.signIn}
      </a>
    );
  if (!room) return null;
  const pct = (a: number, b: number) => (b ? Math.min(100, Math.round((a * 100) / b)) : 0);
  return (
    <main className="room">
      <h1>{w.room}</h1>
      <p className="big" data-testid="room-total">
        <span>{room.arrived}</span> / {room.expected}
      </p>
      <p className="caption">{w.arrivedOf}</p>
      <ul className="groups">
        {room.groups.map((g) => (
          <li key={g.groupId ?? 'none'}>
            <div className="row">
              <span>{g.title}</span>
              <span>
                {g.arrived} / {g.expected}
              </span>
            </div>
            <div className="track">
              <div className="fill" style={{ width: `${pct(g.arrived, g.expected || g.arrived)}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <p className="caption">
        {w.walkIns}: {room.walkIns} · {w.documentsCount}: {room.documents} · {w.duplicates}: {room.duplicates}
      </p>
    </main>
  );
}

function App() {
  const [w, toggleLang] = useLang();
  const m = /^\/checkin\/([^/]+)(\/room|\/hall)?\/?$/.exec(location.pathname);
  if (!m) return <p>404</p>;
  if (m[2] === '/hall') return <Hall eventId={m[1]!} />;
  return m[2] ? <Room eventId={m[1]!} w={w} /> : <Desk eventId={m[1]!} w={w} toggleLang={toggleLang} />;
}

if ('serviceWorker' in navigator) {
  // The desk reopens without a network: the page and its files are kept by the service worker, which takes
  // over this very first visit (it precaches the page on install and claims the open tab).
  navigator.serviceWorker.register('/checkin-sw.js', { scope: '/checkin/' }).catch(() => {});
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
