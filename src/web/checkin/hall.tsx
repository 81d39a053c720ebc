import { useEffect, useState } from 'react';
import type { HallState, MoveHallInput } from '../../shared/program';

/**
 * The hall screen (/checkin/:eventId/hall): "now / next" on the projector, pushed over the room feed (SSE). With
 * ?view=control an organizer's phone moves it on; with ?view=mc the MC's phone shows the script's current page.
 */

const WORDS = {
  vi: {
    now: 'Đang diễn ra',
    next: 'Tiếp theo',
    notStarted: 'Chương trình chưa bắt đầu',
    finished: 'Hết chương trình',
    nextButton: 'Mục tiếp theo ▶',
    previous: '◀ Mục trước',
    start: 'Bắt đầu lại từ mục đầu',
    signIn: 'Đăng nhập để xem màn hình hội trường',
    script: 'Kịch bản: trang hiện tại',
    views: 'Chế độ',
    projector: 'Máy chiếu',
    control: 'Điều khiển',
    mc: 'Người dẫn',
  },
  en: {
    now: 'Now',
    next: 'Next',
    notStarted: 'The program has not started',
    finished: 'End of the program',
    nextButton: 'Next item ▶',
    previous: '◀ Previous',
    start: 'Back to the first item',
    signIn: 'Sign in to see the hall screen',
    script: 'Script: current page',
    views: 'View',
    projector: 'Projector',
    control: 'Control',
    mc: 'MC',
  },
};

const clock = (iso: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  return `${Number(parts.find((p) => p.type === 'hour')?.value)}h${parts.find((p) => p.type === 'minute')?.value}`;
};

export function Hall({ eventId }: { eventId: string }) {
  const w = WORDS[localStorage.getItem('hoinghi.lang') === 'en' ? 'en' : 'vi'];
  const view = new URLSearchParams(location.search).get('view') ?? 'projector';
  const [state, setState] = useState<HallState | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/events/${eventId}/program/now`, { credentials: 'same-origin' }).then(async (r) => {
      if (r.status === 401) setSignedOut(true);
      else if (r.ok) setState((await r.json()) as HallState);
    });
    const source = new EventSource(`/api/events/${eventId}/program/now/live`);
    source.addEventListener('hall', (e) => setState(JSON.parse((e as MessageEvent).data) as HallState));
    return () => source.close();
  }, [eventId]);
  const move = async (input: MoveHallInput) => {
    const r = await fetch(`/api/events/${eventId}/program/now`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await r.json().catch(() => null);
    if (r.ok) {
      setState(body as HallState);
      setError(null);
    } else setError(body?.error?.message ?? `Lỗi ${r.status}`);
  };
  if (signedOut)
    return (
      <a className="signin" href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
        {w.signIn}
      </a>
    );
  if (!state) return null;
  const now = state.current;
  const nowBlock = (
    <section aria-live="polite" data-testid="hall-now">
      <p className="caption">{w.now}</p>
      <p className="hall-title">{now ? now.title : w.notStarted}</p>
      {now && (
        <p className="caption">
          {clock(now.startsAt)} - {clock(now.endsAt)}
          {now.presenters.length > 0 && ` · ${now.presenters.map((p) => p.detail ?? p.name).join('; ')}`}
        </p>
      )}
    </section>
  );
  const nextBlock = (
    <section data-testid="hall-next">
      <p className="caption">{w.next}</p>
      <p className="hall-next">{state.next ? state.next.title : w.finished}</p>
    </section>
  );
  const views = (
    <nav className="caption" aria-label={w.views}>
      <a href="?view=projector">{w.projector}</a> · <a href="?view=control">{w.control}</a> ·{' '}
      <a href="?view=mc">{w.mc}</a>
    </nav>
  );
  if (view === 'control') {
    return (
      <main className="room hall">
        <h1>{state.eventName}</h1>
        {nowBlock}
        {nextBlock}
        <div className="hall-buttons">
          <button type="button" className="hall-next-button" onClick={() => move({ action: 'next' })}>
            {w.nextButton}
          </button>
          <button type="button" onClick={() => move({ action: 'previous' })}>
            {w.previous}
          </button>
          <button type="button" onClick={() => move({ action: 'start' })}>
            {w.start}
          </button>
        </div>
        {error && <p role="alert">{error}</p>}
        {views}
      </main>
    );
  }
  if (view === 'mc') {
    return (
      <main className="room hall hall-mc">
        {nowBlock}
        <h2>{w.script}</h2>
        {state.page ? (
          <article data-testid="hall-page">
            <h3>{state.page.heading}</h3>
            {state.page.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one page never move
              <p key={i}>{line}</p>
            ))}
          </article>
        ) : (
          <p>{w.notStarted}</p>
        )}
        {nextBlock}
        {views}
      </main>
    );
  }
  return (
    <main className="room hall">
      <h1>{state.eventName}</h1>
      {nowBlock}
      {nextBlock}
    </main>
  );
}
