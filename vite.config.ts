import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress';

const root = resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The benchmark reads it to size each route's download.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    // The public showcase and the check-in desk are pages of their own: no app shell, no component library.
    rollupOptions: {
      input: {
        main: resolve(root, 'index.html'),
        showcase: resolve(root, 'showcase.html'),
        checkin: resolve(root, 'checkin.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
