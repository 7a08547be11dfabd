/**
 * The V8 code cache the TypeScript compiler is loaded with (src/code-cache.ts): a saved entry is used by the
 * next load, and an entry that is damaged, made for other text or kept where others may write is never given
 * to V8; the module loads the same either way.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheDir, loadWithCodeCache } from '../../src/code-cache.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-code-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dir = path.join(root, 'cache');
const file = path.join(root, 'lib', 'area.cjs');
const require = createRequire(file);

/** Loads `file` afresh (out of the require cache), as a new process would. */
const load = (cacheDir: string | undefined) => {
  delete require.cache[file];
  return loadWithCodeCache(file, cacheDir);
};
const area = (exports: unknown) => (exports as { area(r: number): number }).area(2);
const entries = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.bin')) : []);

beforeEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'const square = (x) => x * x;\nexports.area = function area(r) { return 3 * square(r); };\n');
});

describe('loadWithCodeCache', () => {
  it('compiles without a cache the first time, and from the saved entry the next', () => {
    const first = load(dir);
    expect(first.use).toBe('miss');
    expect(area(first.exports)).toBe(12);
    first.save();
    expect(entries()).toHaveLength(1);
    if (process.platform !== 'win32') expect(fs.statSync(dir).mode & 0o777).toBe(0o700);

    const second = load(dir);
    expect(second.use).toBe('hit');
    expect(area(second.exports)).toBe(12);
  });

  it('registers the module in the require cache, so a later require shares the instance', () => {
    const loaded = load(dir);
    expect(require(file)).toBe(loaded.exports);
  });

  it('ignores a damaged entry, loads the module anyway and replaces the entry', () => {
    load(dir).save();
    const [name] = entries();
    const entry = path.join(dir, name!);
    const bytes = fs.readFileSync(entry);
    bytes[bytes.length - 5] ^= 0xff;
    fs.writeFileSync(entry, bytes);
    const damaged = load(dir);
    expect(damaged.use).toBe('miss');
    expect(area(damaged.exports)).toBe(12);

    fs.writeFileSync(entry, bytes.subarray(0, 40)); // cut short
    const cut = load(dir);
    expect(cut.use).toBe('miss');
    cut.save();
    expect(load(dir).use).toBe('hit');
  });

  it('does not use the entry of another text of the module', () => {
    load(dir).save();
    fs.writeFileSync(file, 'exports.area = function area(r) { return 4 * r * r; };\n');
    const changed = load(dir);
    expect(changed.use).toBe('miss');
    expect(area(changed.exports)).toBe(16);
  });

  it.skipIf(process.platform === 'win32')('does not read a cache directory others may write to', () => {
    load(dir).save();
    fs.chmodSync(dir, 0o777);
    const shared = load(dir);
    expect(shared.use).toBe('miss');
    shared.save();
    expect(entries()).toHaveLength(1); // nothing written there either
    fs.chmodSync(dir, 0o700);
    expect(load(dir).use).toBe('hit');
  });

  it('is a plain require without a directory', () => {
    const plain = load(undefined);
    expect(plain.use).toBe('miss');
    plain.save();
    expect(area(plain.exports)).toBe(12);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('codeCacheDir', () => {
  it('is turned off or moved by ERRLINT_CODE_CACHE', () => {
    expect(codeCacheDir({ ERRLINT_CODE_CACHE: '0' })).toBeUndefined();
    expect(codeCacheDir({ ERRLINT_CODE_CACHE: root })).toBe(root);
  });

  it.runIf(process.platform === 'linux')('follows XDG_CACHE_HOME', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/errlint/code-cache');
  });
});
