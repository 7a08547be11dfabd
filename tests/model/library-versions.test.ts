import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';

// Two services of one monorepo call node-fetch the same way; one declares node-fetch 2 (whose own `timeout` option
// is the way to bound a call, and whose types reject the platform's AbortSignal), the other node-fetch 3.
const ping = [
  "import fetch from 'node-fetch';",
  'export async function ping(url: string) {',
  '  const res = await fetch(url, { method: "HEAD" });',
  '  return res.status;',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'hub', private: true, workspaces: ['services/*'] }),
  'services/legacy/package.json': JSON.stringify({ name: '@hub/legacy', dependencies: { express: '4.18.0', 'node-fetch': '^2.6.7' } }),
  'services/legacy/src/ping.ts': ping,
  'services/modern/package.json': JSON.stringify({ name: '@hub/modern', dependencies: { express: '4.18.0', 'node-fetch': '~3.3.2' } }),
  'services/modern/src/ping.ts': ping,
  'services/unknown/package.json': JSON.stringify({ name: '@hub/unknown', dependencies: { express: '4.18.0' } }),
  'services/unknown/src/ping.ts': ping,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

describe('the node-fetch version the file’s package declares decides the timeout suggestion', () => {
  it('node-fetch 2 gets its own timeout option, 3 an AbortSignal, an undeclared version no rewrite', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['unchecked-http-call'] });
    const byFile = Object.fromEntries(run.findings.map((f) => [f.file, f.suggestions.map((s) => ({ description: s.description, text: s.edits.map((e) => e.text).join('') }))]));
    expect(byFile).toEqual({
      'services/legacy/src/ping.ts': [{ description: 'Add a 10000 ms timeout to the call.', text: ', timeout: 10000' }],
      'services/modern/src/ping.ts': [{ description: 'Add a 10000 ms timeout to the call.', text: ', signal: AbortSignal.timeout(10000)' }],
      'services/unknown/src/ping.ts': [
        {
          description:
            "No timeout is added: node-fetch takes a timeout by version (2: the `timeout` option, 3: `signal: AbortSignal.timeout(ms)`), and no package.json of this file's package declares which one it uses.",
          text: '',
        },
      ],
    });
  });
});
