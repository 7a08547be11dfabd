/**
 * Incremental runs (`--cache`) with the project model: a file served from the cache keeps the findings that
 * depend on another module undecided, so when only the imported module changes, the resolution step judges
 * the unchanged importer again from the new summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { axios: '1.0.0', express: '5.0.0' } }),
  'src/http.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://pay.example' });\n",
  'src/pay.ts': "import { api } from './http';\nexport async function charge(body: unknown) {\n  await api.post('/charge', body);\n}\n",
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const run = () => audit({ cwd, config: { rules: {} }, only: ['unchecked-http-call'], cache: true });
const found = (r: Awaited<ReturnType<typeof run>>) => r.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }));

describe('a --cache re-run after the imported module changes', () => {
  it('judges the unchanged importer again from the changed module', async () => {
    const cold = await run();
    expect(found(cold)).toEqual([{ file: 'src/pay.ts', line: 3, message: 'This api client call has no timeout.' }]);
    expect(cold.cacheStats).toEqual({ hits: 0, misses: 2 });

    fs.writeFileSync(path.join(cwd, 'src/http.ts'), "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://pay.example', timeout: 5000 });\n");
    const fixed = await run();
    expect(fixed.cacheStats).toEqual({ hits: 1, misses: 1 });
    expect(found(fixed)).toEqual([]);

    fs.writeFileSync(path.join(cwd, 'src/http.ts'), "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://pay.example' });\n");
    const broken = await run();
    expect(broken.cacheStats).toEqual({ hits: 1, misses: 1 });
    expect(found(broken)).toEqual([{ file: 'src/pay.ts', line: 3, message: 'This api client call has no timeout.' }]);
  });
});

describe('a --cache re-run of an unchanged tree', () => {
  it('serves every file from the cache and leaves the cache file as it was', async () => {
    await run();
    const before = fs.statSync(path.join(cwd, '.errlintcache'));
    const again = await run();
    expect(again.cacheStats).toEqual({ hits: 2, misses: 0 });
    // the cache is written to a temporary file and renamed over the old one: a rewrite would change the inode
    expect(fs.statSync(path.join(cwd, '.errlintcache')).ino).toBe(before.ino);
  });
});
