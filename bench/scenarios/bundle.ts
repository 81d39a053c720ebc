import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Manifest } from 'vite';
import type { Scenario } from '../lib/types';

/** Each route of the web app and the page module it loads (the shell and sign-in page are in the entry). */
const ROUTES: Record<string, string | null> = {
  '/login': null,
  '/': 'features/events/components/EventListPage.tsx',
  '/events/:id': 'features/events/components/EventPage.tsx',
  '/events/:id/edit': 'features/events/components/EventFormPage.tsx',
  '/events/from-plan': 'features/plans/components/PlanImportPage.tsx',
  '/units': 'features/units/components/UnitsPage.tsx',
  '/products': 'features/ocop/components/ProductsPage.tsx',
  '/admin/users': 'features/users/components/UsersPage.tsx',
  '/account/password': 'features/auth/components/ChangePasswordPage.tsx',
};

/** Pages of their own (their own HTML entry, not the app): the public showcase must stay under 200 KB. */
const OWN_ENTRIES: Record<string, string> = { '/san-pham': 'showcase.html' };

function filesOf(manifest: Manifest, key: string, into: Set<string>) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`bundle: ${key} is not in the Vite manifest (was the route renamed?)`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOf(manifest, imported, into);
}

const gzipKb = (dir: string, files: Set<string>) =>
  Number(
    (
      [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) / 1024
    ).toFixed(1),
  );

async function viteBuild(
  root: string,
  configFile: string | false,
): Promise<{ dir: string; manifest: Manifest }> {
  const dir = mkdtempSync(join(tmpdir(), 'hoinghi-bundle-'));
  await build({
    root,
    configFile,
    plugins: configFile ? [] : [react()],
    logLevel: 'silent',
    build: { outDir: dir, emptyOutDir: true, manifest: true },
  });
  return { dir, manifest: JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) };
}

/** What a browser downloads for each route (JS + CSS, gzip), against the smallest React page. */
export const bundle: Scenario = {
  name: 'bundle',
  description: 'gzip KB per route (entry + page chunk + their static imports + CSS) vs a bare React page',
  async run(ctx) {
    const started = performance.now();
    const app = await viteBuild('src/web', 'vite.config.ts');
    const base = await viteBuild('bench/baselines/react-hello', false);
    try {
      const entryKey = 'index.html';
      const routes: Record<string, number> = {};
      for (const [route, module] of Object.entries(ROUTES)) {
        const files = new Set<string>();
        filesOf(app.manifest, entryKey, files);
        if (module) filesOf(app.manifest, module, files);
        routes[route] = gzipKb(app.dir, files);
      }
      for (const [route, entry] of Object.entries(OWN_ENTRIES)) {
        const files = new Set<string>();
        filesOf(app.manifest, entry, files);
        routes[route] = gzipKb(app.dir, files);
      }
      const baseFiles = new Set<string>();
      filesOf(base.manifest, Object.keys(base.manifest).find((k) => base.manifest[k]!.isEntry)!, baseFiles);
      const baseKb = gzipKb(base.dir, baseFiles);
      const largest = Math.max(...Object.values(routes));
      ctx.log(
        `bundle: ${Object.entries(routes)
          .map(([r, kb]) => `${r} ${kb} KB`)
          .join(', ')}; bare React ${baseKb} KB`,
      );
      return {
        gzip_kb: largest,
        routes,
        wall_s: Number(((performance.now() - started) / 1000).toFixed(2)),
        baseline: { name: 'react-hello', gzip_kb: baseKb },
        ratio: Number((baseKb / largest).toFixed(3)),
      };
    } finally {
      rmSync(app.dir, { recursive: true, force: true });
      rmSync(base.dir, { recursive: true, force: true });
    }
  },
};
