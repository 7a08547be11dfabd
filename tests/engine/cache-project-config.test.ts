/**
 * Incremental runs (`--cache`) and the project's tsconfig: whether `new Error(msg, { cause })` type-checks is read
 * from the nearest tsconfig.json (and what it extends), so a cached file whose text did not change is linted again
 * when that config's text changed, and its suggestion follows the new lib.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';

const SOURCE = `export async function load(id: string) {
  try {
    return await fetchRecord(id);
  } catch (err) {
    throw new Error('Could not load the record');
  }
}
declare function fetchRecord(id: string): Promise<unknown>;
`;

const tsconfig = (compilerOptions: Record<string, unknown>, base?: string) => JSON.stringify({ ...(base ? { extends: base } : {}), compilerOptions });

const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const cwd = tempProject({ 'package.json': JSON.stringify({ name: 'records', private: true }), 'src/load.ts': SOURCE, ...files });
  fs.mkdirSync(path.join(cwd, '.git'));
  projects.push(cwd);
  return cwd;
}

const run = (cwd: string) => audit({ cwd, config: { rules: {} }, only: ['lost-error-context'], cache: true });
/** The first suggestion's replacement texts of the one finding. */
const rewrite = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => f.suggestions[0]?.edits.map((e) => e.text));

const WITH_CAUSE = [[", { cause: err }"]];
const ASSIGNED = [["Object.assign(", ", { cause: err })"]];

describe('a --cache re-run after the tsconfig changes', () => {
  it("follows the lib when the file's own tsconfig changes", async () => {
    const cwd = project({ 'tsconfig.json': tsconfig({ target: 'ES2022', strict: true }) });
    const first = await run(cwd);
    expect(rewrite(first)).toEqual(WITH_CAUSE);
    expect(first.findings[0]!.suggestions[0]!.safe).toBe(true);

    fs.writeFileSync(path.join(cwd, 'tsconfig.json'), tsconfig({ target: 'ES2021', strict: true }));
    const older = await run(cwd);
    expect(older.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect(rewrite(older)).toEqual(ASSIGNED);
    expect(older.findings[0]!.suggestions[0]!.safe).toBe(false);

    fs.writeFileSync(path.join(cwd, 'tsconfig.json'), tsconfig({ target: 'ES2021', lib: ['ES2021', 'ES2022.Error'], strict: true }));
    const withLib = await run(cwd);
    expect(withLib.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect(rewrite(withLib)).toEqual(WITH_CAUSE);

    // nothing changed: served from the cache
    const again = await run(cwd);
    expect(again.cacheStats).toEqual({ hits: 1, misses: 0 });
    expect(rewrite(again)).toEqual(WITH_CAUSE);
  });

  it('follows the config it extends, and a nearer tsconfig that appears', async () => {
    const cwd = project({ 'tsconfig.base.json': tsconfig({ target: 'ES2022' }), 'tsconfig.json': tsconfig({ strict: true }, './tsconfig.base.json') });
    expect(rewrite(await run(cwd))).toEqual(WITH_CAUSE);

    fs.writeFileSync(path.join(cwd, 'tsconfig.base.json'), tsconfig({ target: 'ES2020' }));
    const base = await run(cwd);
    expect(base.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect(rewrite(base)).toEqual(ASSIGNED);

    fs.writeFileSync(path.join(cwd, 'src/tsconfig.json'), tsconfig({ target: 'ES2023' }));
    const nearer = await run(cwd);
    expect(nearer.cacheStats).toEqual({ hits: 0, misses: 1 });
    expect(rewrite(nearer)).toEqual(WITH_CAUSE);
  });
});
