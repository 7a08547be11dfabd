import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runProjectTests } from '../utils/project-tester.js';

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

const files = {
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
};

const noTimeout = (line: number, column: number, client: string) => ({ file: 'apps/api/src/pay.ts', line, column, rule: 'unchecked-http-call', message: `This ${client} client call has no timeout.` });

runProjectTests('a shared HTTP client declared in another package', [
  {
    name: 'is judged by how it was created',
    rules: ['unchecked-http-call'],
    files,
    findings: [noTimeout(7, 9, 'api'), noTimeout(11, 9, 'plain')],
    more: (project) => {
      it('sees a client whose timeout is added after the file was first read (editor session)', () => {
        const file = path.join(project.cwd, 'packages/http/src/client.ts');
        const before = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, before.replace("baseURL: 'https://pay.example'", "baseURL: 'https://pay.example', timeout: 4000 "));
        try {
          expect(project.eslint('apps/api/src/pay.ts')).toEqual([noTimeout(11, 9, 'plain')]);
        } finally {
          fs.writeFileSync(file, before);
        }
      });
    },
  },
  { name: 'still knows the imported files when one file is audited', rules: ['unchecked-http-call'], files, paths: ['apps/api/src/pay.ts'], findings: [noTimeout(7, 9, 'api'), noTimeout(11, 9, 'plain')] },
]);
