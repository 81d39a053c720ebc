import { useCallback, useEffect, useState } from 'react';
import type { PublicBoothMap } from '../../shared/booths';
import { formatDate } from '../../shared/format';
import { starText } from '../../shared/ocop-rules';
import type { Lang } from './messages';

/** The booth map's words, beside the showcase's own (one small file each keeps the public page light). */
const WORDS = {
  vi: {
    title: 'Sơ đồ gian hàng',
    floor: 'Mặt bằng gian hàng',
    booth: (n: number) => `Gian ${n}`,
    ocop: 'Sản phẩm OCOP',
    potential: 'Sản phẩm tiềm năng',
    free: 'Gian trống',
    loading: 'Đang tải…',
    error: 'Không tải được sơ đồ. Kiểm tra mạng rồi thử lại.',
    none: 'Hội nghị chưa có sơ đồ gian hàng.',
    retry: 'Thử lại',
    sample: 'Dữ liệu mẫu',
    sampleNote: 'Gian hàng có nhãn "Dữ liệu mẫu" là phân bổ giả định, chỉ để minh họa.',
    back: '← Danh sách sản phẩm',
    district: 'Địa bàn',
  },
  en: {
    title: 'Booth map',
    floor: 'Exhibition floor',
    booth: (n: number) => `Booth ${n}`,
    ocop: 'OCOP products',
    potential: 'Potential products',
    free: 'Free booth',
    loading: 'Loading…',
    error: 'Could not load the map. Check the network and try again.',
    none: 'This conference has no booth map yet.',
    retry: 'Try again',
    sample: 'Sample data',
    sampleNote: 'Booths marked "Sample data" are an invented allocation, for illustration only.',
    back: '← All products',
    district: 'Place',
  },
};

/**
 * The exhibition floor for visitors: the grid of booths, then each booth's exhibitor and products. Nobody's name or
 * phone: the public API carries none. `eventId` null shows the current conference's floor.
 */
export function BoothMap({ eventId, lang }: { eventId: string | null; lang: Lang }) {
  const w = WORDS[lang];
  const [map, setMap] = useState<PublicBoothMap | null>(null);
  const [state, setState] = useState<'loading' | 'failed' | 'none' | 'ready'>('loading');
  const load = useCallback(() => {
    setState('loading');
    fetch(eventId ? `/api/public/events/${encodeURIComponent(eventId)}/booths` : '/api/public/booths')
      .then(async (r) => {
        if (r.status === 404) return setState('none');
        if (!r.ok) throw new Error(String(r.status));
        setMap((await r.json()) as PublicBoothMap);
        setState('ready');
      })
      .catch(() => setState('failed'));
  }, [eventId]);
  useEffect(load, [load]);
  useEffect(() => {
    document.title = map ? `${w.title} — ${map.event.name}` : w.title;
  }, [map, w.title]);

  return (
    <article className="booths">
      <a className="back" href="/san-pham">
        {w.back}
      </a>
      <h1>{w.title}</h1>
      {state === 'loading' && <p className="muted">{w.loading}</p>}
      {state === 'none' && <p>{w.none}</p>}
      {state === 'failed' && (
        <p className="error" role="alert">
          {w.error}{' '}
          <button type="button" onClick={load}>
            {w.retry}
          </button>
        </p>
      )}
      {map && state === 'ready' && (
        <>
          <p className="muted">
            {map.event.name}
            {map.event.venueName ? ` — ${map.event.venueName}` : ''}, {formatDate(map.event.startsAt)}
          </p>
          <h2 className="small-heading">{w.floor}</h2>
          <div className="floor-scroll">
            <ol
              className="floor"
              aria-label={w.floor}
              style={{ gridTemplateColumns: `repeat(${map.columns}, minmax(64px, 1fr))` }}
            >
              {map.booths.map((b) => (
                <li
                  key={b.id}
                  className={`floor-booth ${b.kind}`}
                  style={{ gridColumn: `${b.x + 1} / span ${b.w}`, gridRow: `${b.y + 1} / span ${b.h}` }}
                >
                  <a href={`#gian-${b.number}`}>
                    <strong>{b.number}</strong>
                    <span>{b.exhibitor ?? w.free}</span>
                  </a>
                </li>
              ))}
            </ol>
          </div>
          <ul className="booth-list">
            {map.booths.map((b) => (
              <li key={b.id} id={`gian-${b.number}`} className="booth-card">
                <h2>
                  {w.booth(b.number)}: {b.exhibitor ?? w.free}
                </h2>
                <p className="muted small">
                  {b.kind === 'ocop' ? w.ocop : w.potential}
                  {b.districtName && b.districtName !== b.exhibitor
                    ? ` · ${w.district}: ${b.districtName}`
                    : ''}
                  {b.isSample && <span className="badge sample">{w.sample}</span>}
                </p>
                {b.products.length > 0 && (
                  <ul className="booth-products">
                    {b.products.map((p) => (
                      <li key={p.id}>
                        <a className="booth-link" href={`/san-pham/${p.id}`}>
                          {p.name}
                        </a>
                        {p.stars && !p.potential ? (
                          <span className="stars" aria-hidden="true">
                            {' '}
                            {starText(p.stars)}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {map.booths.some((b) => b.isSample) && <p className="muted small">{w.sampleNote}</p>}
        </>
      )}
    </article>
  );
}
