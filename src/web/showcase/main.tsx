import './showcase.css';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { formatCalendarDate } from '../../shared/format';
import type { PublicProduct, ShowcaseFilters } from '../../shared/ocop';
import { PRODUCER_TYPE_LABELS, starText } from '../../shared/ocop-rules';
import { BoothMap } from './BoothMap';
import { type Lang, MESSAGES, type Words } from './messages';

/**
 * The public OCOP showcase: no sign-in, no app shell, no component library — a visitor on a phone downloads
 * React and this file. The list's filters live in the URL, so a filtered list can be shared.
 */

const PAGE_SIZE = 24;
type Page = { items: PublicProduct[]; total: number; page: number; pageSize: number };
interface Filters {
  q: string;
  groupId: string;
  stars: string;
  districtId: string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}

function filtersFromUrl(): Filters {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') ?? '',
    groupId: p.get('nhom') ?? '',
    stars: p.get('sao') ?? '',
    districtId: p.get('huyen') ?? '',
  };
}

function urlOf(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.groupId) p.set('nhom', f.groupId);
  if (f.stars) p.set('sao', f.stars);
  if (f.districtId) p.set('huyen', f.districtId);
  const qs = p.toString();
  return qs ? `/san-pham?${qs}` : '/san-pham';
}

function apiQuery(f: Filters, page: number): string {
  const p = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.groupId) p.set('groupId', f.groupId);
  if (f.stars) p.set('stars', f.stars);
  if (f.districtId) p.set('districtId', f.districtId);
  return `/api/public/products?${p}`;
}

const photoUrl = (p: PublicProduct, id: string) => `/api/public/products/${p.id}/photos/${id}`;

function Stars({ stars, w }: { stars: number | null; w: Words }) {
  if (!stars) return null;
  return (
    <span className="stars" role="img" aria-label={w.starsLabel(stars)}>
      {starText(stars)}
    </span>
  );
}

function Badges({ p, w }: { p: PublicProduct; w: Words }) {
  return (
    <>
      {p.potential && <span className="badge">{w.potential}</span>}
      {p.isSample && <span className="badge sample">{w.sample}</span>}
    </>
  );
}

// Simple line drawings by product group (QĐ 1048 and QĐ 148 name the same six groups slightly differently).
const GROUP_ICONS: [RegExp, string, string][] = [
  [/thực phẩm/i, 'food', 'M8 30h32a16 14 0 0 1-32 0Zm4-6c2-6 22-6 24 0M18 16c0-3 3-3 3-6m6 6c0-3 3-3 3-6'],
  [
    /đồ uống/i,
    'drink',
    'M12 14h20v14a10 10 0 0 1-20 0Zm20 4h4a4 4 0 0 1 0 8h-4M16 8c0-2 2-2 2-4m6 4c0-2 2-2 2-4',
  ],
  [
    /thảo dược|dược liệu/i,
    'herb',
    'M24 40V18m0 0c-8 0-12-6-12-12 8 0 12 6 12 12Zm0 6c6 0 10-5 10-10-6 0-10 5-10 10Z',
  ],
  [/vải|may mặc/i, 'textile', 'M14 8h20v6H14zm0 26h20v6H14zm4-20h12v20H18zm0 6h12m-12 6h12'],
  [/lưu niệm|thủ công|mỹ nghệ/i, 'craft', 'M18 8h12l-2 6c8 4 8 20 0 26h-8c-8-6-8-22 0-26Z'],
  [
    /sinh vật cảnh/i,
    'plant',
    'M16 28h16l-2 12H18Zm8 0V16m0 0c-6 0-9-4-9-9 6 0 9 4 9 9Zm0 3c5 0 8-3 8-7-5 0-8 3-8 7Z',
  ],
  [/du lịch/i, 'travel', 'M6 38l12-18 8 10 6-8 10 16Zm26-24a4 4 0 1 0 0-1'],
];

/** A product without a photo still looks designed: its group's drawing, its group and its name. */
function Placeholder({ p, large }: { p: PublicProduct; large?: boolean }) {
  const [, kind, path] = GROUP_ICONS.find(([pattern]) => pattern.test(p.groupName)) ?? [
    null,
    'other',
    'M10 10h28v28H10zm6 22 8-10 8 10M18 18a2 2 0 1 0 0-1',
  ];
  return (
    <div className={`placeholder ${kind}${large ? ' large' : ''}`} aria-hidden="true">
      <svg
        viewBox="0 0 48 48"
        width="56"
        height="56"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        aria-hidden="true"
      >
        <path d={path} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="placeholder-group">{p.groupName}</span>
      <span className="placeholder-name">{p.name}</span>
    </div>
  );
}

function Card({ p, w, open }: { p: PublicProduct; w: Words; open: (id: string) => void }) {
  return (
    <li className="card">
      <a
        href={`/san-pham/${p.id}`}
        onClick={(e) => {
          e.preventDefault();
          open(p.id);
        }}
      >
        {p.photoIds[0] ? (
          <img src={photoUrl(p, p.photoIds[0])} alt={p.name} loading="lazy" />
        ) : (
          <Placeholder p={p} />
        )}
        <div className="card-body">
          <h2>{p.name}</h2>
          <Stars stars={p.potential ? null : p.stars} w={w} />
          <p className="muted">{p.producerName}</p>
          <p className="muted">{p.districtName}</p>
          <Badges p={p} w={w} />
        </div>
      </a>
    </li>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
  w,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  w: Words;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{w.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Catalogue({ w, open }: { w: Words; open: (id: string) => void }) {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl);
  const [typed, setTyped] = useState(filters.q);
  const [options, setOptions] = useState<ShowcaseFilters | null>(null);
  const [list, setList] = useState<Page | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    getJson<ShowcaseFilters>('/api/public/product-filters').then(setOptions, () => setFailed(true));
  }, []);
  // Typing settles for a moment before the search goes out.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === typed ? f : { ...f, q: typed })), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const load = useCallback((f: Filters, page: number) => {
    setLoading(true);
    setFailed(false);
    getJson<Page>(apiQuery(f, page))
      .then((next) =>
        setList((prev) => (page > 1 && prev ? { ...next, items: [...prev.items, ...next.items] } : next)),
      )
      .catch(() => setFailed(true))
      .finally(() => setLoading(false));
  }, []);
  useEffect(() => {
    history.replaceState(null, '', urlOf(filters));
    load(filters, 1);
  }, [filters, load]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <search className="filters">
        <label className="field grow">
          <span>{w.search}</span>
          <input
            type="search"
            value={typed}
            placeholder={w.searchHint}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <Select
          label={w.group}
          value={filters.groupId}
          onChange={(groupId) => set({ groupId })}
          options={(options?.groups ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.count})` }))}
          w={w}
        />
        <Select
          label={w.stars}
          value={filters.stars}
          onChange={(stars) => set({ stars })}
          options={[5, 4, 3].map((n) => ({ value: String(n), label: `${starText(n)} ${w.starsLabel(n)}` }))}
          w={w}
        />
        <Select
          label={w.district}
          value={filters.districtId}
          onChange={(districtId) => set({ districtId })}
          options={(options?.districts ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.count})` }))}
          w={w}
        />
      </search>
      {failed && (
        <p className="error" role="alert">
          {w.error}{' '}
          <button type="button" onClick={() => load(filters, 1)}>
            {w.retry}
          </button>
        </p>
      )}
      {/* Always there, so the count arriving does not push the list down. */}
      <p className="muted" aria-live="polite">
        {list ? w.found(list.total) : '\u00a0'}
      </p>
      {list?.total === 0 && <p>{w.none}</p>}
      <ul className="grid" aria-busy={loading}>
        {list?.items.map((p) => (
          <Card key={p.id} p={p} w={w} open={open} />
        ))}
      </ul>
      {list && list.items.length < list.total && (
        <button
          type="button"
          className="more"
          disabled={loading}
          onClick={() => load(filters, list.page + 1)}
        >
          {loading ? w.loading : w.more}
        </button>
      )}
      <p className="muted small">{w.sampleNote}</p>
    </>
  );
}

function Detail({ id, w, back }: { id: string; w: Words; back: () => void }) {
  const [p, setP] = useState<PublicProduct | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    getJson<PublicProduct>(`/api/public/products/${encodeURIComponent(id)}`).then(
      (product) => {
        setP(product);
        document.title = `${product.name} — ${w.title}`;
      },
      () => setFailed(true),
    );
  }, [id, w.title]);
  const backLink = (
    <a
      href="/san-pham"
      className="back"
      onClick={(e) => {
        e.preventDefault();
        back();
      }}
    >
      {w.back}
    </a>
  );
  if (failed)
    return (
      <>
        {backLink}
        <p role="alert">{w.notFound}</p>
      </>
    );
  if (!p) return <p>{w.loading}</p>;
  const place = [p.communeName?.replace(/^UBND\s+/u, ''), p.districtName].filter(Boolean).join(', ');
  return (
    <article className="detail">
      {backLink}
      <h1>{p.name}</h1>
      <Stars stars={p.potential ? null : p.stars} w={w} /> <Badges p={p} w={w} />
      <div className="photos">
        {p.photoIds.length === 0 && <div className="placeholder large">{w.noPhoto}</div>}
        {p.photoIds.map((photo) => (
          <img key={photo} src={photoUrl(p, photo)} alt={p.name} />
        ))}
      </div>
      <dl>
        <dt>{w.group}</dt>
        <dd>{p.subGroup ? `${p.groupName} – ${p.subGroup}` : p.groupName}</dd>
        <dt>{w.producer}</dt>
        <dd>
          {p.producerName}
          {p.producerType ? ` (${PRODUCER_TYPE_LABELS[p.producerType]})` : ''}
        </dd>
        {place && (
          <>
            <dt>{w.place}</dt>
            <dd>{place}</dd>
          </>
        )}
        {p.whereToBuy && (
          <>
            <dt>{w.whereToBuy}</dt>
            <dd>{p.whereToBuy}</dd>
          </>
        )}
        {p.evaluationYear && (
          <>
            <dt>{w.year}</dt>
            <dd>{p.evaluationYear}</dd>
          </>
        )}
        {p.validUntil && !p.potential && (
          <>
            <dt>{w.validUntil}</dt>
            <dd>{formatCalendarDate(p.validUntil)}</dd>
          </>
        )}
      </dl>
      {p.description && <p className="description">{p.description}</p>}
    </article>
  );
}

const productIdOf = (path: string) =>
  path.startsWith('/san-pham/gian-hang') ? null : (/^\/san-pham\/([^/]+)$/.exec(path)?.[1] ?? null);
/** The booth map: /san-pham/gian-hang (the current conference) or /san-pham/gian-hang/<event id>. */
const boothMapOf = (path: string): { eventId: string | null } | null => {
  const m = /^\/san-pham\/gian-hang(?:\/([^/]+))?\/?$/.exec(path);
  return m ? { eventId: m[1] ?? null } : null;
};

function Showcase() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('hoinghi.lang') === 'en' ? 'en' : 'vi'));
  const [productId, setProductId] = useState(() => productIdOf(location.pathname));
  const w = MESSAGES[lang];
  useEffect(() => {
    const onPop = () => setProductId(productIdOf(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    if (!productId && !boothMapOf(location.pathname)) document.title = w.title;
  }, [lang, productId, w.title]);
  const open = (id: string) => {
    history.pushState(null, '', `/san-pham/${id}`);
    setProductId(id);
    scrollTo(0, 0);
  };
  const back = () => {
    if (history.length > 1 && productIdOf(location.pathname)) history.back();
    else {
      history.pushState(null, '', '/san-pham');
      setProductId(null);
    }
  };
  // The catalogue's one top heading is the showcase's name; a product page has the product's name instead.
  const boothMap = boothMapOf(location.pathname);
  const Brand = productId || boothMap ? 'div' : 'h1';
  return (
    <>
      <header>
        <div>
          <Brand className="brand-line">
            <a href="/san-pham" className="brand">
              {w.title}
            </a>
          </Brand>
          <p>{w.subtitle}</p>
          <p className="header-links">
            <a href="/san-pham/gian-hang">
              {lang === 'vi' ? 'Sơ đồ gian hàng hội nghị' : 'Conference booth map'}
            </a>
          </p>
        </div>
        <button
          type="button"
          className="lang"
          onClick={() => {
            const next = lang === 'vi' ? 'en' : 'vi';
            localStorage.setItem('hoinghi.lang', next);
            setLang(next);
          }}
        >
          {w.language}
        </button>
      </header>
      <main>
        {boothMap ? (
          <BoothMap eventId={boothMap.eventId} lang={lang} />
        ) : productId ? (
          <Detail id={productId} w={w} back={back} />
        ) : (
          <Catalogue w={w} open={open} />
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Showcase />
  </StrictMode>,
);
