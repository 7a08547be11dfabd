import { runProjectTests } from '../utils/project-tester.js';

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

const noTimeout = (service: string, suggestion: { description: string; output?: string }) => ({
  file: `services/${service}/src/ping.ts`,
  line: 3,
  column: 21,
  rule: 'unchecked-http-call',
  message: 'This fetch call has no timeout.',
  suggestions: [suggestion],
});

runProjectTests('the node-fetch version the file’s package declares decides the timeout suggestion', [
  {
    name: 'node-fetch 2 gets its own timeout option, 3 an AbortSignal, an undeclared version no rewrite',
    rules: ['unchecked-http-call'],
    files: {
      'package.json': JSON.stringify({ name: 'hub', private: true, workspaces: ['services/*'] }),
      'services/legacy/package.json': JSON.stringify({ name: '@hub/legacy', dependencies: { express: '4.18.0', 'node-fetch': '^2.6.7' } }),
      'services/legacy/src/ping.ts': ping,
      'services/modern/package.json': JSON.stringify({ name: '@hub/modern', dependencies: { express: '4.18.0', 'node-fetch': '~3.3.2' } }),
      'services/modern/src/ping.ts': ping,
      'services/unknown/package.json': JSON.stringify({ name: '@hub/unknown', dependencies: { express: '4.18.0' } }),
      'services/unknown/src/ping.ts': ping,
    },
    findings: [
      noTimeout('legacy', { description: 'Add a 10000 ms timeout to the call.', output: ping.replace('{ method: "HEAD" }', '{ method: "HEAD", timeout: 10000 }') }),
      noTimeout('modern', { description: 'Add a 10000 ms timeout to the call.', output: ping.replace('{ method: "HEAD" }', '{ method: "HEAD", signal: AbortSignal.timeout(10000) }') }),
      noTimeout('unknown', {
        description:
          "No timeout is added: node-fetch takes a timeout by version (2: the `timeout` option, 3: `signal: AbortSignal.timeout(ms)`), and no package.json of this file's package declares which one it uses.",
      }),
    ],
  },
]);
