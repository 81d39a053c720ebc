import { ensureWebBuild } from '../src/server/web-build';

/** The browser journeys run against the built web app; build it once if it is missing or stale. */
export default async function setup() {
  await ensureWebBuild((message) => console.log(message));
}
