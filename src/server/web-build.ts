import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

export const WEB_DIST = join(PROJECT_ROOT, 'dist', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the built web app is missing or older than its sources (src/web, src/shared). */
function isWebBuildStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['src/web', 'src/shared'].map((d) => join(PROJECT_ROOT, d)).filter(existsSync);
  if (sources.length === 0) return false;
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

/** Builds the web app with Vite when needed; Vite is a dev dependency, so a production install ships dist/. */
export async function ensureWebBuild(log: (message: string) => void): Promise<void> {
  if (!isWebBuildStale()) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (existsSync(join(WEB_DIST, 'index.html'))) return;
    throw new Error(
      'The web app is not built and Vite is not installed: run `npm install`, then `npm run build`.',
    );
  }
  log('Building the web app (first start only)…');
  await vite.build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
