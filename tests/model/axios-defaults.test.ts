import { runProjectTests } from '../utils/project-tester.js';

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

const files = {
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'] }),
  'apps/api/package.json': JSON.stringify({ name: '@shop/api', dependencies: { express: '5.0.0', axios: '1.0.0' } }),
  'apps/api/src/main.ts': "import './bootstrap/http';\nimport express from 'express';\nexport const app = express();\n",
  'apps/api/src/bootstrap/http.ts': "import axios from 'axios';\nexport function configureHttp() {\n  axios.defaults.timeout = 5000;\n}\nconfigureHttp();\n",
  'apps/api/src/pay.ts': charge,
  'apps/worker/package.json': JSON.stringify({ name: '@shop/worker', dependencies: { bullmq: '5.0.0', axios: '1.0.0' } }),
  'apps/worker/src/sync.ts': sync,
  'apps/worker/src/__tests__/setup.ts': "import axios from 'axios';\naxios.defaults.timeout = 100;\n",
};

const findings = [{ file: 'apps/worker/src/sync.ts', line: 3, column: 21, rule: 'unchecked-http-call', message: 'This axios call has no timeout.' }];

runProjectTests("axios's default timeout set in another module of the package", [
  { name: 'counts for plain axios calls of the same package', rules: ['unchecked-http-call'], files, findings },
  // the bootstrap module is not audited: it is read from disk (by ESLint too, on demand)
  { name: 'counts when only the calling files are audited', rules: ['unchecked-http-call'], files, paths: ['apps/api/src/pay.ts', 'apps/worker/src/sync.ts'], findings },
]);
