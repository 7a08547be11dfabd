import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// A monorepo whose API calls shared HTTP clients declared in another package.
const pay = [
  "import { api } from '@acme/http';",
  "import { timed } from '../../../packages/http/src/timed';",
  "import defaulted from '../../../packages/http/src/defaulted';",
  "import { cache } from './cache';",
  "import plain, { bounded } from '../../../packages/http/src/factory';",
  'export async function charge(body: unknown) {',
  "  await api.post('/charge', body);",
  "  await timed.get('/status');",
  "  await api.get('/refunds', { timeout: 2000 });",
  "  await defaulted.get('/rates');",
  "  await plain.post('/fx', body);",
  "  await bounded.get('/fx');",
  "  return cache.get('last');",
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'packages/http/package.json': JSON.stringify({ name: '@acme/http', main: 'dist/index.js', dependencies: { axios: '1.0.0' } }),
  'packages/http/src/client.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://pay.example' });\n",
  'packages/http/src/index.ts': "export { api } from './client';\n",
  'packages/http/src/timed.ts': "import axios from 'axios';\nexport const timed = axios.create({ baseURL: 'https://pay.example', timeout: 5000 });\n",
  'packages/http/src/defaulted.ts': "import axios from 'axios';\nconst client = axios.create({ baseURL: 'https://rates.example' });\nclient.defaults.timeout = 3000;\nexport default client;\n",
  // a project factory that builds its instances with axios.create: one made with the defaults, one with a timeout
  'packages/http/src/factory.ts':
    "import axios from 'axios';\nexport function createClient(custom = {}) {\n  const config = { ...axios.defaults, ...custom };\n  const instance = axios.create(config);\n  return instance;\n}\nconst plain = createClient();\nexport default plain;\nexport const bounded = createClient({ timeout: 4000 });\n",
  'apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '5.0.0', '@acme/http': '*' } }),
  'apps/api/src/cache.ts': 'export const cache = new Map<string, unknown>();\n',
  'apps/api/src/pay.ts': pay,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const expected = [
  { line: 7, message: 'This api client call has no timeout.' },
  { line: 11, message: 'This plain client call has no timeout.' },
];

describe('a shared HTTP client declared in another package', () => {
  it('is judged by how it was created, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['unchecked-http-call'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected.map((e) => ({ file: 'apps/api/src/pay.ts', ...e })));
    expect(run.findings.every((f) => f.dependsOn === undefined)).toBe(true);
  });

  it('is judged the same by the real CLI', () => {
    const r = errlint(['audit', '--rule', 'unchecked-http-call', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected.map((e) => ({ file: 'apps/api/src/pay.ts', ...e })));
  });

  it('still knows the imported files when one file is audited', async () => {
    const run = await audit({ cwd, paths: ['apps/api/src/pay.ts'], config: { rules: {} }, only: ['unchecked-http-call'] });
    expect(run.findings.map((f) => ({ line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same in ESLint, reading the imported files on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/unchecked-http-call': 'error' as const } }];
    const messages = linter.verify(pay, config, path.join(cwd, 'apps/api/src/pay.ts'));
    expect(messages.map((m) => ({ line: m.line, message: m.message }))).toEqual(expected);
  });

  it('sees a client whose timeout is added after the file was first read (editor session)', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/unchecked-http-call': 'error' as const } }];
    const file = path.join(cwd, 'packages/http/src/client.ts');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, before.replace("baseURL: 'https://pay.example'", "baseURL: 'https://pay.example', timeout: 4000 "));
    try {
      expect(linter.verify(pay, config, path.join(cwd, 'apps/api/src/pay.ts')).map((m) => ({ line: m.line, message: m.message }))).toEqual(expected.slice(1));
    } finally {
      fs.writeFileSync(file, before);
    }
  });
});
