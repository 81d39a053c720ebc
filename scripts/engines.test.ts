import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** Every installed package's package.json, nested installs included. */
function installedPackages(dir: string, found: { name: string; version: string; node?: string }[] = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installedPackages(path, found);
      continue;
    }
    try {
      const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
      found.push({ name: pkg.name, version: pkg.version, node: pkg.engines?.node });
    } catch {
      // Not a package folder.
    }
    try {
      installedPackages(join(path, 'node_modules'), found);
    } catch {
      // No nested installs.
    }
  }
  return found;
}

describe('dependencies', () => {
  it('every installed package supports the Node version we run on', () => {
    const packages = installedPackages(join(import.meta.dirname, '..', 'node_modules'));
    expect(packages.length).toBeGreaterThan(100);
    const unsupported = packages
      .filter((p) => p.node && semver.validRange(p.node) && !semver.satisfies(process.version, p.node))
      .map((p) => `${p.name}@${p.version} wants Node ${p.node}`);
    expect(unsupported).toEqual([]);
  });
});
