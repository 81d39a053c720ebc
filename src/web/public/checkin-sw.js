// The check-in desk's service worker: the page and its hashed files are kept, so a phone that loses the network
// (or is reopened without one) still has the desk; the list and the waiting scans live in IndexedDB, not here.
// The API is never cached: the page decides what to do offline.
//
// It works from the very first visit: installing fetches the desk page and every file it names, and activating
// claims the open tab at once (skipWaiting + clients.claim). The page then hands over the files it actually
// loaded ({ type: 'keep', urls }) and is told { type: 'ready' } once they are all kept.
const CACHE = 'hoinghi-checkin-v2';
const PAGE = '/checkin/';

async function keep(cache, url) {
  if (await cache.match(url)) return;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok) await cache.put(url, response);
  } catch {
    // Offline while installing: the next online visit fills the gap.
  }
}

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch(PAGE, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(PAGE, response);
  // The built page names its script, its preloaded chunks, its styles, the manifest and the icon.
  const named = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all([...new Set(named)].map((url) => keep(cache, url)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precache()
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('hoinghi-checkin-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep') return;
  const urls = (event.data.urls ?? []).filter((u) => {
    try {
      const url = new URL(u, self.location.origin);
      return url.origin === self.location.origin && !url.pathname.startsWith('/api/');
    } catch {
      return false;
    }
  });
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        if (!(await cache.match(PAGE))) await precache().catch(() => {});
        // Desk pages (/checkin/<event>) are all the one page, kept under /checkin/.
        await Promise.all(
          urls
            .map((u) => new URL(u, self.location.origin).pathname)
            .filter((path) => !/^\/checkin\/[^.]*$/.test(path))
            .map((path) => keep(cache, path)),
        );
      })
      .then(() => event.ports[0]?.postMessage({ type: 'ready' })),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (
    event.request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith('/api/')
  )
    return;
  if (event.request.mode === 'navigate') {
    // The page: fresh from the network when there is one, else the copy kept.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
          }
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match(PAGE))),
    );
    return;
  }
  // Hashed files never change: the kept copy first, the network to fill the cache.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(url.pathname).then(
        (hit) =>
          hit ??
          fetch(event.request).then((response) => {
            if (response.ok && (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/checkin')))
              cache.put(url.pathname, response.clone());
            return response;
          }),
      ),
    ),
  );
});
