/**
 * The cache's file stamps (src/engine/cache.ts): an unchanged file is served without being read, a file
 * rewritten to the same size is read again, and a file changed too recently for its times to be trusted gets
 * no stamp.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { contentHash, openCache } from '../../src/engine/cache.js';
import type { FileOutcome, FileTask } from '../../src/engine/file-runner.js';
import { tempProject } from '../utils/temp-project.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-stamps-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const later = () => Date.now() + 60_000;
const outcome: FileOutcome = { findings: [] };

function setUp(name: string): { task: FileTask; location: string } {
  const abs = path.join(root, `${name}.ts`);
  fs.writeFileSync(abs, 'export const a = 1;\n');
  return { task: { abs, rel: `${name}.ts`, factsPath: `${name}.ts` }, location: path.join(root, `${name}.errlintcache`) };
}

/** One run over `task`: the stamp first, then (when it says nothing) the text, as `audit` does. */
function runOnce(location: string, task: FileTask, clock: () => number): 'stamp' | 'text' | 'linted' {
  const cache = openCache(location, 'a'.repeat(64), location, clock);
  let served: 'stamp' | 'text' | 'linted' = 'stamp';
  if (!cache.unchanged(task)) {
    const text = fs.readFileSync(task.abs, 'utf8');
    served = cache.get(task, text) ? 'text' : 'linted';
    if (served === 'linted') cache.put(task, contentHash(task, text), outcome);
  }
  expect(cache.save()).toBeUndefined();
  return served;
}

describe('cache stamps', () => {
  it('serves an unchanged file by its stamp, and reads a file rewritten to the same size', () => {
    const { task, location } = setUp('same-size');
    expect(runOnce(location, task, later)).toBe('linted');
    expect(runOnce(location, task, later)).toBe('stamp');
    fs.writeFileSync(task.abs, 'export const b = 2;\n'); // same length, new text
    expect(runOnce(location, task, later)).toBe('linted');
    expect(runOnce(location, task, later)).toBe('stamp');
  });

  it('records no stamp for a file changed just before it was hashed', () => {
    const { task, location } = setUp('racy');
    expect(runOnce(location, task, Date.now)).toBe('linted');
    expect(runOnce(location, task, Date.now)).toBe('text');
    // once its times are old enough, the content hit records the stamp
    expect(runOnce(location, task, later)).toBe('text');
    expect(runOnce(location, task, later)).toBe('stamp');
  });

  it('does not serve a stamp taken under another facts path or config key', () => {
    const { task, location } = setUp('keyed');
    runOnce(location, task, later);
    expect(runOnce(location, task, later)).toBe('stamp');
    expect(runOnce(location, { ...task, configKey: 'other tsconfig' }, later)).toBe('linted');
    expect(runOnce(location, { ...task, factsPath: 'test/keyed.ts' }, later)).toBe('linted');
  });

  it('does not trust a cache whose stamp is not a string', () => {
    const { task, location } = setUp('corrupt');
    runOnce(location, task, later);
    const data = JSON.parse(fs.readFileSync(location, 'utf8'));
    data.entries['corrupt.ts'].stamp = 42;
    fs.writeFileSync(location, JSON.stringify(data));
    const cache = openCache(location, 'a'.repeat(64), location, later);
    expect(cache.problem).toBe('the entry of corrupt.ts: its stamp is not a string');
    expect(cache.unchanged(task)).toBeUndefined();
  });
});

describe('a --cache re-run with stamps recorded', () => {
  it('re-reads and re-judges a file rewritten to the same size', async () => {
    const cwd = tempProject({
      'package.json': JSON.stringify({ name: 'svc', private: true, dependencies: { express: '5.0.0' } }),
      'src/a.ts': 'export function a() {\n  try {\n    run();\n  } catch (e) {\n    throw e;\n  }\n}\n',
      'src/b.ts': 'export const b = 1;\n',
    });
    try {
      const run = () => audit({ cwd, config: { rules: {} }, only: ['swallowed-catch'], cache: true });
      const found = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => `${f.file}:${f.line}`);
      expect((await run()).cacheStats).toEqual({ hits: 0, misses: 2 });
      // past the racy window, a content hit records each file's stamp
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const stamped = await run();
      expect(stamped.cacheStats).toEqual({ hits: 2, misses: 0 });
      const a = path.join(cwd, 'src/a.ts');
      expect(found(stamped)).toEqual([]);
      fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace('throw e;', '        ')); // same size, now swallowed
      const edited = await run();
      expect(edited.cacheStats).toEqual({ hits: 1, misses: 1 });
      expect(found(edited)).toEqual(['src/a.ts:4']);
      expect(found(edited)).toEqual(found(await audit({ cwd, config: { rules: {} }, only: ['swallowed-catch'] })));
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
