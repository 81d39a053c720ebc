import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, once, at the highest levels (the work is
 * done at build time, never per request). The server sends them with @fastify/static's `preCompressed`; a file
 * that does not shrink keeps no compressed copy.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hoinghi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const source = readFileSync(file);
        const size = statSync(file).size;
        const br = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        });
        const gz = gzipSync(source, { level: 9 });
        if (br.length < size) writeFileSync(`${file}.br`, br);
        if (gz.length < size) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}
