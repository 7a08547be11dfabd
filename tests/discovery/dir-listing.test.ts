/**
 * One read per directory (src/dir-listing.ts): discovery, the config lookup, the `.gitignore` reader and the
 * cache key's tsconfig lookup share the run's listings, and a later run reads the directories again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/audit.js';
import { DirListing } from '../../src/dir-listing.js';
import { tempProject } from '../utils/temp-project.js';

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'svc', private: true }),
  'tsconfig.json': '{ "compilerOptions": { "target": "ES2022" } }',
  '.gitignore': 'generated/\n',
  'src/a.ts': 'export const a = 1;\n',
  'src/lib/b.ts': 'export const b = 2;\n',
  'src/lib/deep/c.ts': 'export const c = 3;\n',
  'src/generated/d.ts': 'export const d = 4;\n',
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** How many times each directory of the project was listed during `run`. */
async function listings(run: () => Promise<unknown>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const real = fs.readdirSync;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, ...rest: unknown[]) => {
    const rel = path.relative(cwd, String(dir));
    if (!rel.startsWith('..')) counts.set(rel || '.', (counts.get(rel || '.') ?? 0) + 1);
    return (real as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fs.readdirSync);
  await run();
  vi.restoreAllMocks();
  return counts;
}

describe('DirListing', () => {
  it('lists each directory once in an audit with the cache on', async () => {
    const location = path.join(cwd, '..', `${path.basename(cwd)}.errlintcache`);
    try {
      const counts = await listings(() => audit({ cwd, cache: location }));
      expect([...counts.keys()].sort()).toEqual(['.', 'src', 'src/lib', 'src/lib/deep']);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      fs.rmSync(location, { force: true });
    }
  });

  it('reads a directory again in a new run', async () => {
    const run = () => audit({ cwd, config: { rules: {} } });
    const files = async () => (await run()).files;
    expect(await files()).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/deep/c.ts']);
    fs.writeFileSync(path.join(cwd, 'src/lib/e.ts'), 'export const e = 5;\n');
    expect(await files()).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/deep/c.ts', 'src/lib/e.ts']);
  });

  it('answers for a directory it cannot list as the file system does', () => {
    const listing = new DirListing();
    expect(listing.names(path.join(cwd, 'missing'))).toBeUndefined();
    expect(listing.has(path.join(cwd, 'missing'), 'x')).toBe(false);
    expect(listing.has(cwd, 'tsconfig.json')).toBe(true);
    expect(() => listing.entries(path.join(cwd, 'missing'))).toThrow(/ENOENT/);
  });
});
