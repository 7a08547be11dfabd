import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/lint-source.js';
import { summarizeFetchWrappers } from '../../src/model/http-summaries.js';
import { compiler } from '../../src/ts.js';
import { runProjectTests } from '../utils/project-tester.js';

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

const files = {
  'package.json': JSON.stringify({ name: 'crm-sync', dependencies: { express: '5.0.0', 'node-fetch': '3.3.2' } }),
  'src/lib/http.ts': wrappers,
  'src/jobs/sync.ts': sync,
};

const noTimeout = (file: string, line: number, column: number, callee: string) => ({ file, line, column, rule: 'unchecked-http-call', message: `This ${callee} call has no timeout.` });
const inSync = [noTimeout('src/jobs/sync.ts', 3, 9, 'fetchWithProxy'), noTimeout('src/jobs/sync.ts', 4, 9, 'fetchWithProxy')];

runProjectTests('unchecked-http-call knows a fetch wrapper declared in another file', [
  // fetchPlain's own fetch call is the finding in its file (line 12); its callers are not reported again
  { name: 'the whole project', rules: ['unchecked-http-call'], files, findings: [...inSync, noTimeout('src/lib/http.ts', 12, 10, 'fetch')] },
  { name: 'one file audited', rules: ['unchecked-http-call'], files, paths: ['src/jobs/sync.ts'], findings: inSync },
]);
