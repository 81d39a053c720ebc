// The check-in desk's service worker: the page and its hashed files are kept, so a phone that loses the network
// (or is reopened without one) still has the desk; the list and the waiting scans live in IndexedDB, not here.
// The API is never cached: the page decides what to do offline.
const CACHE = 'hoinghi-checkin-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (
    event.request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith('/api/')
  )
    return;
  if (event.request.mode === 'navigate') {
    // The page: fresh from the network when there is one, else the copy kept from the last visit.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('/checkin/', copy));
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match('/checkin/'))),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/checkin')) {
    // Hashed files never change: the kept copy first, the network to fill the cache.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(event.request).then(
          (hit) =>
            hit ??
            fetch(event.request).then((response) => {
              if (response.ok) cache.put(event.request, response.clone());
              return response;
            }),
        ),
      ),
    );
  }
});
