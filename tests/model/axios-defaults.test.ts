import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// Two services of one monorepo: the API sets axios's default timeout in a bootstrap module, so its plain
// `axios.get` calls have one; the worker sets it only in a test setup file, so its calls have none.
const charge = [
  "import axios from 'axios';",
  'export async function charge(body: unknown) {',
  "  const res = await axios.post('https://pay.example/charge', body);",
  '  return res.data;',
  '}',
  '',
].join('\n');
const sync = [
  "import axios from 'axios';",
  'export async function sync() {',
  "  const res = await axios.get('https://crm.example/contacts');",
  '  return res.data;',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'] }),
  'apps/api/package.json': JSON.stringify({ name: '@shop/api', dependencies: { express: '5.0.0', axios: '1.0.0' } }),
  'apps/api/src/main.ts': "import './bootstrap/http';\nimport express from 'express';\nexport const app = express();\n",
  'apps/api/src/bootstrap/http.ts': "import axios from 'axios';\nexport function configureHttp() {\n  axios.defaults.timeout = 5000;\n}\nconfigureHttp();\n",
  'apps/api/src/pay.ts': charge,
  'apps/worker/package.json': JSON.stringify({ name: '@shop/worker', dependencies: { bullmq: '5.0.0', axios: '1.0.0' } }),
  'apps/worker/src/sync.ts': sync,
  'apps/worker/src/__tests__/setup.ts': "import axios from 'axios';\naxios.defaults.timeout = 100;\n",
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const expected = [{ file: 'apps/worker/src/sync.ts', line: 3, message: 'This axios call has no timeout.' }];

describe("axios's default timeout set in another module of the package", () => {
  it('counts for plain axios calls of the same package, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['unchecked-http-call'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('counts when one file is audited: the bootstrap module is read from disk', async () => {
    const run = await audit({ cwd, paths: ['apps/api/src/pay.ts', 'apps/worker/src/sync.ts'], config: { rules: {} }, only: ['unchecked-http-call'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same by the real CLI', () => {
    const r = errlint(['audit', '--rule', 'unchecked-http-call', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same in ESLint, finding the bootstrap module on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/unchecked-http-call': 'error' as const } }];
    expect(linter.verify(charge, config, path.join(cwd, 'apps/api/src/pay.ts'))).toEqual([]);
    const messages = linter.verify(sync, config, path.join(cwd, 'apps/worker/src/sync.ts'));
    expect(messages.map((m) => ({ line: m.line, message: m.message }))).toEqual([{ line: 3, message: 'This axios call has no timeout.' }]);
  });
});
