import { runProjectTests } from '../utils/project-tester.js';

// Project rules through the table tester: the audit() API and the CLI must agree (ESLint hosts neither rule).
const server = [
  "import express from 'express';",
  'const app = express();',
  "app.get('/a', (req, res) => res.status(404).json({ error: 'no a' }));",
  "app.get('/b', (req, res) => res.status(404).json({ error: 'no b' }));",
  "app.get('/c', (req, res) => res.status(400).json({ error: 'bad c' }));",
  "app.get('/d', (req, res) => res.status(400).json({ reason: 'bad d' }));",
  'app.listen(3000);',
  '',
].join('\n');

runProjectTests('project rules', [
  {
    name: 'an Express app: a minority error body, and no boundary at all',
    rules: ['inconsistent-error-shape', 'missing-error-boundary'],
    files: {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '5.0.0' } }),
      'src/server.ts': server,
    },
    findings: [
      {
        file: 'src/server.ts',
        line: 2,
        column: 13,
        rule: 'missing-error-boundary',
        message:
          "This Express application has no central error handler such as an error middleware `app.use((err, req, res, next) => …)`, no `process.on('unhandledRejection')` / `process.on('uncaughtException')` handler and no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).",
      },
      { file: 'src/server.ts', line: 6, column: 50, rule: 'inconsistent-error-shape', message: 'Error response body { reason } differs from the dominant error shape { error } (3 of 4 error responses, e.g. src/server.ts:3).' },
    ],
  },
  {
    name: 'the same app with an error middleware, process handlers and Sentry: only the body',
    rules: ['inconsistent-error-shape', 'missing-error-boundary'],
    files: {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '5.0.0', '@sentry/node': '9.0.0' } }),
      'src/server.ts': server.replace(
        'app.listen(3000);',
        "app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }));\nprocess.on('unhandledRejection', (e) => console.error(e));\nprocess.on('uncaughtException', (e) => console.error(e));\napp.listen(3000);",
      ),
      'src/instrument.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n",
    },
    // the error middleware's body counts for the dominant shape
    findings: [
      { file: 'src/server.ts', line: 6, column: 50, rule: 'inconsistent-error-shape', message: 'Error response body { reason } differs from the dominant error shape { error } (4 of 5 error responses, written by the error handler at src/server.ts:7).' },
    ],
  },
]);
