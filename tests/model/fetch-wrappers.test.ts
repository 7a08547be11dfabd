import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { parseSource } from '../../src/engine/lint-source.js';
import plugin from '../../src/eslint/plugin.js';
import { summarizeFetchWrappers } from '../../src/model/http-summaries.js';
import { compiler } from '../../src/ts.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const wrappers = [
  "import nodeFetch from 'node-fetch';",
  "import { ProxyAgent } from 'proxy-agent';",
  'const agent = new ProxyAgent();',
  'export async function fetchWithProxy(url: string, init: RequestInit = {}) {',
  '  return nodeFetch(url, { ...init, agent });',
  '}',
  'export const fetchTimed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(5000) });',
  'export async function fetchStatus(url: string) {',
  '  return fetch(url, { signal: AbortSignal.timeout(3000) });',
  '}',
  'export function fetchPlain(url: string) {',
  '  return fetch(url);',
  '}',
  '',
].join('\n');

describe('http summaries: exported fetch wrappers that forward their options', () => {
  it('lists the wrappers whose timeout is the caller\'s to set', () => {
    expect(summarizeFetchWrappers(compiler, parseSource(wrappers, '/p/http.ts'))).toEqual(['fetchWithProxy']);
  });
});

const sync = [
  "import { fetchWithProxy, fetchTimed, fetchPlain } from '../lib/http';",
  'export async function sync(id: string, signal: AbortSignal) {',
  '  await fetchWithProxy(`https://crm.example/contacts/${id}`);',
  "  await fetchWithProxy('https://crm.example/ping', { method: 'POST' });",
  "  await fetchWithProxy('https://crm.example/slow', { signal });",
  "  await fetchTimed('https://crm.example/deals');",
  "  await fetchPlain('https://crm.example/owners');",
  "  await fetchWithProxy('/api/local');",
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'crm-sync', dependencies: { express: '5.0.0', 'node-fetch': '3.3.2' } }),
  'src/lib/http.ts': wrappers,
  'src/jobs/sync.ts': sync,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

// fetchPlain's own fetch call is the finding in its file (line 12); its callers are not reported again
const inSync = [
  { file: 'src/jobs/sync.ts', line: 3, message: 'This fetchWithProxy call has no timeout.' },
  { file: 'src/jobs/sync.ts', line: 4, message: 'This fetchWithProxy call has no timeout.' },
];
const expected = [...inSync, { file: 'src/lib/http.ts', line: 12, message: 'This fetch call has no timeout.' }];

describe('unchecked-http-call knows a fetch wrapper declared in another file', () => {
  it('through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['unchecked-http-call'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('through the real CLI, one file audited', () => {
    const r = errlint(['audit', 'src/jobs/sync.ts', '--rule', 'unchecked-http-call', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(inSync);
  });

  it('through ESLint', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/unchecked-http-call': 'error' as const } }];
    const messages = linter.verify(sync, config, path.join(cwd, 'src/jobs/sync.ts'));
    expect(messages.map((m) => ({ line: m.line, message: m.message }))).toEqual(inSync.map(({ line, message }) => ({ line, message })));
  });
});
