import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { ruleInfo } from '../../src/rule-info.js';
import type { UserConfig } from '../../src/config/load-config.js';
import { applyBaseline, createBaseline } from '../../src/baseline.js';
import { textReporter } from '../../src/reporters/text.js';
import inconsistentErrorShape from '../../rules/inconsistent-error-shape.js';
import missingErrorBoundary from '../../rules/missing-error-boundary.js';
import { tempProject } from '../utils/temp-project.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const PROJECT_RULES = ['inconsistent-error-shape', 'missing-error-boundary'];

async function run(name: string, config: UserConfig = {}, extra: Parameters<typeof audit>[0] = {}) {
  const cwd = name.startsWith('/') ? name : path.join(FIXTURES, name);
  return audit({ cwd, config, only: PROJECT_RULES, ...extra });
}

/** The inconsistent-error-shape findings of a run. */
function shapes(r: Awaited<ReturnType<typeof run>>) {
  return r.findings.filter((f) => f.ruleId === 'inconsistent-error-shape');
}

/** `file:line:column ruleId` of every finding, in report order. */
async function found(name: string, config?: UserConfig): Promise<string[]> {
  const r = await run(name, config);
  return r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
}

describe('project rules: fixtures per framework', () => {
  it('Express: minority error bodies and a server without process handlers or monitoring', async () => {
    const r = await run('express-inconsistent');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'src/app.ts:5:20 missing-error-boundary',
      'src/routes/orders.ts:18:14 inconsistent-error-shape',
      'src/routes/payments.ts:12:26 inconsistent-error-shape',
    ]);
    const [boundary, shape1, shape2] = r.findings;
    expect(boundary!.message).toBe(
      "This Express application has no `process.on('unhandledRejection')` / `process.on('uncaughtException')` handler and no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).",
    );
    expect(boundary!.suggestions.map((s) => s.messageId)).toEqual(['addProcessHandlers', 'addMonitoring']);
    expect(boundary!.factors.map((f) => f.id)).toContain('no-monitoring');
    expect(shape1!.message).toBe(
      'Error response body { msg, success } differs from the dominant error shape { error } (4 of 6 error responses, written by the error handler at src/app.ts:11).',
    );
    expect(shape2!.message).toContain('{ code, message } differs from the dominant error shape { error }');
    expect(shape2!.suggestions.map((s) => s.description)).toEqual([
      'Return the dominant shape { error } here, or throw and let the central error handler write it.',
      'Or move every error response to RFC 9457 problem details (type, title, status, detail, instance, plus an error code and a trace id) sent as application/problem+json.',
    ]);
    expect(shape2!.suggestions.every((s) => s.edits.length === 0 && !s.safe)).toBe(true);
    expect(r.project?.errorShapes?.map((s) => [s.shape, s.count, s.dominant])).toEqual([
      ['{ error }', 4, true],
      ['{ msg, success }', 1, false],
      ['{ code, message }', 1, false],
    ]);
    expect(r.project?.errorShapes?.[0]?.definedAt).toEqual({ file: 'src/app.ts', line: 11, column: 24, kind: 'error-handler' });
  });

  it('Express: one helper writes every error body, with monitoring and process handlers: nothing to report', async () => {
    const r = await run('express-consistent');
    expect(r.findings).toEqual([]);
    expect(r.project).toBeUndefined();
  });

  it('Express: no error middleware, process handler or monitoring: one finding at the entry listing all three', async () => {
    const r = await run('express-no-boundary');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ file: 'src/index.ts', line: 4, column: 13, ruleId: 'missing-error-boundary' });
    expect(r.findings[0]!.message).toMatch(/^This Express application has no central error handler such as an error middleware `app\.use\(\(err, req, res, next\) => …\)`, no `process\.on/);
    expect(r.findings[0]!.suggestions.map((s) => s.messageId)).toEqual(['addErrorHandler', 'addProcessHandlers', 'addMonitoring']);
  });

  it('body builders: sites built by one helper count for its shape, and the finding names the helper', async () => {
    const r = await run('builder');
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'src/server.ts:13 Error response body { message } differs from the dominant error shape { error: { code, message } } (4 of 5 error responses, written by the helper at src/errors.ts:2).',
    ]);
  });

  it('Fastify: a reply outside the problem+json error handler', async () => {
    const r = await run('fastify-app');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['src/invoices.ts:6:47 inconsistent-error-shape']);
    expect(r.findings[0]!.message).toContain('dominant error shape { detail, instance, status, title, type } (problem+json)');
    // already problem details: no second suggestion
    expect(r.findings[0]!.suggestions.map((s) => s.messageId)).toEqual(['useDominantShape']);
  });

  it('Koa: error middleware, uncaughtException handler and dd-trace: nothing to report', async () => {
    expect(await found('koa-app')).toEqual([]);
  });

  it('Koa (CommonJS): no boundary at all', async () => {
    const r = await run('koa-no-boundary');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['src/server.js:3:13 missing-error-boundary']);
    expect(r.findings[0]!.message).toContain("no central error handler such as an error middleware (`try { await next() } catch …`) or `app.on('error', …)`");
  });

  it('Hono on Workers: no onError and no monitoring, but no process piece; sub-apps do not count as the entry', async () => {
    const r = await run('hono-worker');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'src/index.ts:4:13 missing-error-boundary',
      'src/users.ts:9:33 inconsistent-error-shape',
    ]);
    expect(r.findings[0]!.message).toBe(
      'This Hono application has no central error handler such as `app.onError(…)` and no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).',
    );
  });

  it('Hono on Node: onError present, process handlers and monitoring missing', async () => {
    const r = await run('hono-node');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/^This Hono application has no `process\.on\('unhandledRejection'\)`.* and no error monitoring/);
  });

  it('NestJS: object payloads of thrown exceptions, and no global filter', async () => {
    const r = await run('nest-app');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'src/main.ts:5:21 missing-error-boundary',
      'src/orders.controller.ts:14:63 inconsistent-error-shape',
    ]);
    expect(r.findings[0]!.message).toContain('no central error handler such as a global exception filter registered with `app.useGlobalFilters(…)`');
  });

  it('NestJS: a catch-all filter reshapes thrown payloads, Sentry installs process handlers: nothing to report', async () => {
    expect(await found('nest-ok')).toEqual([]);
  });

  it('Next.js route handlers: finding at the first route, shapes across route files', async () => {
    const r = await run('next-app');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'app/api/orders/route.ts:3:23 missing-error-boundary',
      'app/api/payments/route.ts:6:26 inconsistent-error-shape',
    ]);
    expect(r.findings[0]!.message).toContain('This Next.js application has no central error handler such as an `app/error.tsx`');
    expect(r.findings[0]!.message).not.toContain('process.on');
  });

  it('Next.js with global-error.tsx and Sentry in instrumentation.ts: nothing to report', async () => {
    expect(await found('next-ok')).toEqual([]);
  });

  it('a library (no app outside examples and tests) has no boundary finding', async () => {
    expect(await found('library')).toEqual([]);
  });

  it('serverless: no process piece by default, nothing with ignoreServerless', async () => {
    const r = await run('serverless');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).not.toContain('process.on');
    expect(await found('serverless', { rules: { 'missing-error-boundary': { options: { ignoreServerless: true } } } })).toEqual([]);
  });
});

describe('project rules: monorepos', () => {
  it('judges each app of a workspace with the packages it depends on; a library and a tests-only package are not apps', async () => {
    const r = await run('workspace');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'apps/admin/src/index.ts:3:13 missing-error-boundary',
      'apps/api/src/server.ts:9:24 inconsistent-error-shape',
    ]);
    // the admin app's { message } bodies are its own API, not a minority of the api app's shape
    expect(r.findings[1]!.message).toBe(
      'Error response body { msg } differs from the dominant error shape { error: { code, message } } (4 of 5 error responses, written by the error handler at packages/http/src/index.ts:10).',
    );
    expect(r.findings[0]!.message).not.toContain('process.on');
  });

  it('two apps with error bodies get one shapes table each, marked with the app', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "root", "private": true }',
      'apps/a/package.json': '{ "name": "a", "dependencies": { "express": "^5.0.0", "@sentry/node": "^9.0.0" } }',
      'apps/a/src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.status(404).json({ error: 'x' }));\napp.get('/y', (req, res) => res.status(400).json({ error: 'y' }));\napp.get('/z', (req, res) => res.status(400).json({ message: 'z' }));\n",
      'apps/b/package.json': '{ "name": "b", "dependencies": { "express": "^5.0.0" } }',
      'apps/b/src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.status(404).json({ message: 'x' }));\napp.get('/y', (req, res) => res.status(400).json({ message: 'y' }));\napp.get('/z', (req, res) => res.status(400).json({ detail: 'z' }));\n",
    });
    const r = await run(dir);
    expect(shapes(r).map((f) => `${f.file}:${f.line}`)).toEqual(['apps/a/src/server.ts:5', 'apps/b/src/server.ts:5']);
    expect(r.project?.errorShapes?.map((s) => [s.app, s.shape, s.count])).toEqual([
      ['apps/a', '{ error }', 2],
      ['apps/a', '{ message }', 1],
      ['apps/b', '{ message }', 2],
      ['apps/b', '{ detail }', 1],
    ]);
  });

  it('an API where no shape has half the error responses gets one finding saying so, not one per site', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "dependencies": { "express": "^5.0.0", "@sentry/node": "^9.0.0" } }',
      'src/server.ts': [
        "import express from 'express';",
        'const app = express();',
        "app.get('/a', (req, res) => res.status(404).json({ error: 'a' }));",
        "app.get('/b', (req, res) => res.status(404).json({ error: 'b' }));",
        "app.get('/c', (req, res) => res.status(400).json({ message: 'c' }));",
        "app.get('/d', (req, res) => res.status(400).json({ message: 'd' }));",
        "app.get('/e', (req, res) => res.status(401).json({ detail: 'e' }));",
        "app.get('/f', (req, res) => res.status(403).json({ reason: 'f' }));",
        '',
      ].join('\n'),
    });
    const r = await run(dir);
    expect(shapes(r).map((f) => [f.messageId, `${f.file}:${f.line}`, f.message])).toEqual([
      [
        'noConvention',
        'src/server.ts:3',
        'The API has no error response convention: its 6 error responses use 4 body shapes, and the most common, { error }, covers only 2 of them (e.g. src/server.ts:3).',
      ],
    ]);
  });

  it('a library published on its own (main, no server started, no start script) has no boundary finding', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "hono-plugin", "main": "dist/index.js", "dependencies": { "hono": "^4.0.0" } }',
      'src/index.ts': "import { Hono } from 'hono';\n\nexport function routes() {\n  const app = new Hono();\n  app.get('/health', (c) => c.text('ok'));\n  return app;\n}\n",
    });
    expect(await found(dir)).toEqual([]);
  });
});

describe('project rules: servers without a framework', () => {
  it('a plain node:http server with an unguarded listener lacks all three pieces', async () => {
    const r = await run('node-http');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['src/server.ts:4:16']);
    expect(r.findings[0]!.message).toBe(
      "This Node.js HTTP application has no central error handler such as a try/catch around the request listener that logs the error and answers 500, no `process.on('unhandledRejection')` / `process.on('uncaughtException')` handler and no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).",
    );
  });

  it('a node:http listener wrapped in try/catch is the central handler; an http server inside an Express app is Express', async () => {
    const guarded = tempProject({
      'package.json': '{ "name": "s", "private": true, "dependencies": { "@sentry/node": "^9.0.0" } }',
      'src/server.ts': "import { createServer } from 'http';\n\nasync function onRequest(req, res) {\n  try {\n    res.end('ok');\n  } catch (err) {\n    res.statusCode = 500;\n    res.end();\n  }\n}\n\ncreateServer(onRequest).listen(80);\n",
    });
    expect(await found(guarded)).toEqual([]);
    const express = tempProject({
      'package.json': '{ "name": "s", "private": true, "dependencies": { "@sentry/node": "^9.0.0" } }',
      'src/server.ts': "import http from 'node:http';\nimport express from 'express';\n\nconst app = express();\napp.use((err, req, res, next) => res.status(500).json({ error: 'x' }));\nhttp.createServer(app).listen(80);\n",
    });
    expect(await found(express)).toEqual([]);
  });

  it("a command-line tool's local server (a package with bin) is not an application", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "acme-cli", "bin": { "acme": "dist/cli.js" } }',
      'src/dev-server.ts': "import http from 'node:http';\n\nexport function start() {\n  http.createServer((req, res) => res.end('ok')).listen(4000);\n}\n",
    });
    expect(await found(dir)).toEqual([]);
  });

  it('serverless HTTP functions: one finding at the first handler when none is wrapped; nothing with ignoreServerless', async () => {
    const r = await run('lambda');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['src/handlers/orders.ts:4:14']);
    expect(r.findings[0]!.message).toBe(
      'This serverless application has no central error handler such as a wrapper around every handler (`middy(…).use(httpErrorHandler())`, a `withErrorHandling(…)` helper) and no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).',
    );
    expect(await found('lambda', { rules: { 'missing-error-boundary': { options: { ignoreServerless: true } } } })).toEqual([]);
  });

  it('serverless functions wrapped by middy with Sentry: nothing to report', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "fns", "private": true, "dependencies": { "@sentry/aws-serverless": "^9.0.0" } }',
      'src/orders.ts': "import middy from '@middy/core';\nimport httpErrorHandler from '@middy/http-error-handler';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\n\nconst getOrder = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: '{}' });\n\nexport const handler = middy(getOrder).use(httpErrorHandler());\n",
    });
    expect(await found(dir)).toEqual([]);
  });

  it('Next.js pages/api routes: a finding at the first route; a wrapped default export is the central handler', async () => {
    const r = await run('next-pages');
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['pages/api/orders.ts:3:31 missing-error-boundary']);
    expect(r.findings[0]!.message).toContain('This Next.js application has no central error handler');
    const wrapped = tempProject({
      'package.json': '{ "name": "web", "private": true, "dependencies": { "next": "^15.0.0", "@sentry/nextjs": "^9.0.0" } }',
      'pages/api/orders.ts': "import { withErrorHandler } from '../../lib/api';\n\nasync function handler(req, res) {\n  res.status(200).json({ orders: [] });\n}\n\nexport default withErrorHandler(handler);\n",
    });
    expect(await found(wrapped)).toEqual([]);
  });

  it('knowledge.frameworks adds an app framework', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "svc", "private": true, "dependencies": { "@sentry/node": "^9.0.0" } }',
      'src/index.ts': "import { App } from '@tinyhttp/app';\n\nprocess.on('unhandledRejection', () => process.exit(1));\nconst app = new App();\napp.listen(3000);\n",
    });
    expect(await found(dir)).toEqual([]);
    const config = { knowledge: { frameworks: { apps: [{ framework: 'tinyhttp', label: 'tinyhttp', modules: ['@tinyhttp/app'], create: 'new' as const, names: ['App'], handler: 'an `onError` option of `new App({ onError })`' }] } } };
    expect((await run(dir, config)).findings.map((f) => f.message)).toEqual(['This tinyhttp application has no central error handler such as an `onError` option of `new App({ onError })`.']);
    const withHandler = tempProject({
      'package.json': '{ "name": "svc", "private": true, "dependencies": { "@sentry/node": "^9.0.0" } }',
      'src/index.ts': "import { App } from '@tinyhttp/app';\n\nprocess.on('unhandledRejection', () => process.exit(1));\nconst app = new App({ onError: (err, req, res) => res.status(500).json({ error: 'x' }) });\napp.listen(3000);\n",
    });
    expect((await run(withHandler, config)).findings).toEqual([]);
  });
});

describe('inconsistent-error-shape: bodies beyond object literals', () => {
  it('a text error body differs from JSON ones', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => res.status(404).json({ error: 'Not found' }));\napp.get('/b', (req, res) => res.status(400).json({ error: 'Bad' }));\napp.get('/c', (req, res) => res.status(401).send('Unauthorized'));\n",
    });
    const r = await run(dir);
    expect(shapes(r).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'src/server.ts:5:50 Error response body text differs from the dominant error shape { error } (2 of 3 error responses, e.g. src/server.ts:3).',
    ]);
  });

  it('h3/Nitro createError answers with its own shape; a hand-written body beside it differs', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "shop", "private": true, "dependencies": { "nuxt": "^3.0.0" } }',
      'server/api/orders.get.ts': "export default defineEventHandler(async (event) => {\n  throw createError({ statusCode: 404, statusMessage: 'Order not found' });\n});\n",
      'server/api/refunds.get.ts': "import { createError, defineEventHandler } from 'h3';\n\nexport default defineEventHandler(async () => {\n  throw createError({ statusCode: 404, statusMessage: 'Refund not found' });\n});\n",
      'server/api/users.get.ts': "export default defineEventHandler(async () => {\n  return new Response(JSON.stringify({ error: 'No user' }), { status: 404 });\n});\n",
    });
    const r = await run(dir);
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'server/api/users.get.ts:2 Error response body { error } differs from the dominant error shape { message, statusCode, statusMessage } (2 of 3 error responses, e.g. server/api/orders.get.ts:2).',
    ]);
  });

  it('leaves webhook answers, JSON-RPC errors, UI modules and fallback answers out', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => res.status(404).json({ error: 'Not found' }));\napp.get('/b', (req, res) => res.status(400).json({ error: 'Bad' }));\napp.post('/rpc', (req, res) => res.status(400).json({ jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Invalid' } }));\napp.get('/status', async (req, res) => {\n  try {\n    res.json({ status: 'up' });\n  } catch {\n    res.json({ status: 'unknown' });\n  }\n});\n",
      'src/webhooks/stripe.ts': "export function onStripe(req, res) {\n  res.status(400).send('Webhook Error');\n}\n",
      'app/routes/orders.tsx': "export async function action() {\n  return Response.json({ formError: 'Name is required' }, { status: 400 });\n}\n",
    });
    expect(shapes(await run(dir))).toEqual([]);
  });

  it("leaves OAuth protocol errors out: they are neither the API's convention nor a departure from it", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "web", "private": true }',
      'app/api/oauth/token/route.ts': "export async function POST() {\n  return Response.json({ error: 'invalid_grant', error_description: 'code expired' }, { status: 400 });\n}\n",
      'app/api/oauth/register/route.ts': "export async function POST() {\n  return Response.json({ error: 'invalid_client_metadata', error_description: 'redirect_uris required' }, { status: 400 });\n}\n",
      'app/api/oauth/authorize/route.ts': "export async function GET() {\n  return Response.json({ error: 'unsupported_response_type', error_description: 'code only' }, { status: 400 });\n}\n",
      'app/api/export/route.ts': "export async function GET() {\n  return Response.json({ message: 'Export failed' }, { status: 500 });\n}\n",
      'app/api/import/route.ts': "export async function POST() {\n  return Response.json({ message: 'No file' }, { status: 400 });\n}\n",
      'app/api/status/route.ts': "export async function GET() {\n  return Response.json({ error: 'down' }, { status: 503 });\n}\n",
    });
    expect(shapes(await run(dir)).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'app/api/status/route.ts:2 Error response body { error } differs from the dominant error shape { message } (2 of 3 error responses, e.g. app/api/export/route.ts:2).',
    ]);
  });

  it('leaves text lines for a person landing from a link or a redirect, and HTTP Basic challenges, out', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => res.status(404).json({ error: 'Not found' }));\napp.get('/b', (req, res) => res.status(400).json({ error: 'Bad' }));\napp.get('/integrations/oauth/callback', (req, res) => res.status(400).send('Install failed, please retry from the store.'));\napp.get('/mail/unsubscribe', (req, res) => res.status(404).send('This link has expired.'));\napp.use('/queues', (req, res, next) => {\n  if (!req.headers.authorization) {\n    res.setHeader('WWW-Authenticate', 'Basic realm=\"queues\"');\n    return res.status(401).send('Authentication required');\n  }\n  next();\n});\napp.get('/c', (req, res) => res.status(403).send('Forbidden'));\n",
    });
    expect(shapes(await run(dir)).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'src/server.ts:14 Error response body text differs from the dominant error shape { error } (2 of 3 error responses, e.g. src/server.ts:3).',
    ]);
  });

  it("an error body without the dominant shape's outcome flag is compatible: its absence reads as false", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => res.status(404).json({ success: false, message: 'Not found' }));\napp.get('/b', (req, res) => res.status(400).json({ success: false, message: 'Bad' }));\napp.get('/c', (req, res) => res.status(409).json({ message: 'Taken' }));\napp.get('/d', (req, res) => res.status(403).json({ error: 'Forbidden' }));\n",
    });
    expect(shapes(await run(dir)).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'src/server.ts:6 Error response body { error } differs from the dominant error shape { message, success } (2 of 4 error responses, e.g. src/server.ts:3).',
    ]);
  });

  it('leaves probe answers, rendered pages and exception options out', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/health.ts': "export function health(req, res) {\n  res.status(503).json({ status: 'DOWN' });\n}\n",
      'src/pages.ts': "export function page(req, res) {\n  res.status(500).render('error', { title: 'Oops', error: 'x' });\n}\n",
      'src/orders.ts': "import { HttpException, NotFoundException } from '@nestjs/common';\n\nexport function find(id) {\n  if (!id) throw new HttpException('id is required', 400, { cause: new Error('no id') });\n  throw new NotFoundException({ error: 'Order not found' });\n}\nexport function other() {\n  throw new HttpException(404, { error: 'Other not found' });\n}\n",
    });
    expect(shapes(await run(dir))).toEqual([]);
  });

  it("leaves schedulers' and queues' endpoints, HTML pages and proxies out of the API's shapes", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/orders', (req, res) => res.status(404).json({ error: 'Not found' }));\napp.get('/refunds', (req, res) => res.status(400).json({ error: 'Bad' }));\napp.post('/cron/expire-carts', (req, res) => res.status(401).json({ ok: false, reason: 'bad secret' }));\napp.post('/jobs/reindex', (req, res) => res.status(409).send('already running'));\napp.get('/help', (req, res) => res.status(404).send('<h1>No such page</h1>'));\napp.get('/upstream/*', async (req, res) => {\n  const r = await fetch(upstreamUrl(req));\n  if (!r.ok) return res.status(502).send('Bad gateway');\n  res.json(await r.json());\n});\n",
      'src/app/api/cron/digest/route.ts': "export async function POST() {\n  return Response.json({ message: 'unauthorized cron call' }, { status: 401 });\n}\n",
      'src/internal/queue-hooks.ts': "export function onFailed(req, res) {\n  res.status(500).json({ failed: true, msg: 'requeue' });\n}\n",
    });
    expect(shapes(await run(dir))).toEqual([]);
  });

  it("a catch-all exception filter's shape is the contract however few sites write it, and it is never the departure", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/all-exceptions.filter.ts': "import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';\n@Catch()\nexport class AllExceptionsFilter implements ExceptionFilter {\n  catch(exception: unknown, host: ArgumentsHost) {\n    const res = host.switchToHttp().getResponse();\n    res.status(500).json({ code: 'INTERNAL', message: 'Internal error' });\n  }\n}\n",
      'src/orders.controller.ts': "export function a(req, res) {\n  res.status(404).json({ error: 'a' });\n}\nexport function b(req, res) {\n  res.status(400).json({ error: 'b' });\n}\nexport function c(req, res) {\n  res.status(409).json({ error: 'c' });\n}\n",
    });
    const r = await run(dir);
    expect(shapes(r).map((f) => `${f.file}:${f.line}`)).toEqual(['src/orders.controller.ts:2', 'src/orders.controller.ts:5', 'src/orders.controller.ts:8']);
    expect(shapes(r)[0]!.message).toContain('differs from the dominant error shape { code, message } (1 of 4 error responses, written by the error handler at src/all-exceptions.filter.ts:6)');
  });

  it("an error handler's lone special case is not the contract", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/app.ts': "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => res.status(422).json({ errors: { title: ['is blank'] } }));\napp.get('/b', (req, res) => res.status(422).json({ errors: { body: ['is blank'] } }));\napp.get('/c', (req, res) => res.status(404).json({ errors: { id: ['not found'] } }));\napp.use((err, req, res, next) => {\n  if (err.name === 'UnauthorizedError') return res.status(401).json({ status: 'error', message: 'missing credentials' });\n  res.status(err.status ?? 500).json(err.body);\n});\n",
    });
    expect(shapes(await run(dir)).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'src/app.ts:7 Error response body { message, status } differs from the dominant error shape { errors } (3 of 4 error responses, e.g. src/app.ts:3).',
    ]);
  });

  it("the central error handler's shape is the contract when it is used at least half as often as the top one", async () => {
    const dir = tempProject({
      'package.json': '{ "name": "api", "private": true }',
      'src/errors.ts': "export function handleError(err, c) {\n  return c.json({ code: 'INTERNAL', message: 'Internal error' }, 500);\n}\n",
      'src/index.ts': "import { Hono } from 'hono';\nimport { handleError } from './errors';\nconst app = new Hono();\napp.get('/a', (c) => c.json({ error: 'a' }, 404));\napp.get('/b', (c) => c.json({ error: 'b' }, 400));\napp.onError(handleError);\nexport default app;\n",
    });
    const r = await run(dir);
    expect(shapes(r).map((f) => `${f.file}:${f.line}`)).toEqual(['src/index.ts:4', 'src/index.ts:5']);
    expect(shapes(r)[0]!.message).toContain('differs from the dominant error shape { code, message } (1 of 3 error responses, written by the error handler at src/errors.ts:2)');
  });
});

describe('project rules: config, suppressions, baseline', () => {
  it('a rule turned off in config does not run', async () => {
    const r = await audit({ cwd: path.join(FIXTURES, 'express-inconsistent'), config: { rules: { 'inconsistent-error-shape': 'off', 'missing-error-boundary': 'off' } } });
    expect(r.findings.filter((f) => PROJECT_RULES.includes(f.ruleId))).toEqual([]);
    expect(r.project).toBeUndefined();
  });

  it('risk and options come from config', async () => {
    const r = await run('express-inconsistent', {
      rules: {
        'inconsistent-error-shape': { risk: 'critical' },
        'missing-error-boundary': { options: { checkMonitoring: false } },
      },
    });
    const shapes = r.findings.filter((f) => f.ruleId === 'inconsistent-error-shape');
    expect(shapes.every((f) => f.risk === 'critical')).toBe(true);
    const boundary = r.findings.find((f) => f.ruleId === 'missing-error-boundary')!;
    expect(boundary.message).toBe("This Express application has no `process.on('unhandledRejection')` / `process.on('uncaughtException')` handler.");
  });

  it('ignoreKeys leaves keys out of the comparison, never emptying a shape', async () => {
    const r = await run('express-inconsistent', { rules: { 'inconsistent-error-shape': { options: { ignoreKeys: ['code', 'msg', 'success'] } } } });
    expect(r.project?.errorShapes?.map((s) => s.shape)).toEqual(['{ error }', '{ msg, success }', '{ message }']);
  });

  it('knowledge.monitoring extends the monitors the check accepts', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "svc", "private": true }',
      'src/index.ts': "import express from 'express';\nimport { start } from '@acme/telemetry';\n\nstart();\nconst app = express();\napp.use((err, req, res, next) => res.status(500).json({ error: 'x' }));\nprocess.on('unhandledRejection', () => process.exit(1));\napp.listen(1);\n",
    });
    expect((await run(dir)).findings.map((f) => f.message)).toEqual([
      'This Express application has no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…).',
    ]);
    expect((await run(dir, { knowledge: { monitoring: { modules: ['@acme/telemetry'] } } })).findings).toEqual([]);
  });

  it('a file-level directive in the entry and a line directive at a site suppress, and are not reported as unused', async () => {
    const r = await run('suppressed', {}, { reportUnusedDirectives: true, only: undefined, preset: 'strict' });
    expect(r.findings).toEqual([]);
    // the shapes table still describes the API
    expect(r.project?.errorShapes?.length).toBe(2);
  });

  it('the directive-free copy reports both', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "shop", "private": true, "dependencies": { "express": "^4.21.0" } }',
      'src/server.ts': "import express from 'express';\n\nconst app = express();\n\napp.get('/a', (req, res) => res.status(404).json({ error: 'Not found' }));\napp.get('/b', (req, res) => res.status(400).json({ error: 'Bad request' }));\napp.get('/c', (req, res) => res.status(410).json({ message: 'Gone' }));\n\napp.listen(3000);\n",
    });
    expect((await found(dir)).sort()).toEqual(['src/server.ts:3:13 missing-error-boundary', 'src/server.ts:7:50 inconsistent-error-shape']);
  });

  it('a baseline absorbs project findings like any other', async () => {
    const first = await run('express-inconsistent');
    const baseline = createBaseline(first.findings, first.sources);
    const second = await run('express-inconsistent');
    const outcome = applyBaseline(second.findings, second.sources, baseline);
    expect(outcome.absorbed).toBe(first.findings.length);
    expect(outcome.findings).toEqual([]);
  });

  it('test files never make an app or an error body', async () => {
    const dir = tempProject({
      'package.json': '{ "name": "x", "private": true }',
      'src/app.test.ts': "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.status(500).json({ a: 1 }));\napp.get('/b', (req, res) => res.status(500).json({ error: 1 }));\napp.listen(0);\n",
    });
    expect(await found(dir)).toEqual([]);
  });

  it('output is deterministic', async () => {
    const a = await run('express-inconsistent');
    const b = await run('express-inconsistent');
    expect(b.findings).toEqual(a.findings);
    expect(b.project).toEqual(a.project);
  });
});

describe('project rules: hosts and reports', () => {
  it('are project-scoped in meta and in `errlint rules`', () => {
    for (const rule of [inconsistentErrorShape, missingErrorBoundary]) {
      expect(rule.meta.scope).toBe('project');
      expect(ruleInfo(rule).scope).toBe('project');
    }
  });

  it('the ESLint plugin does not expose them', async () => {
    const { default: plugin } = await import('../../src/eslint/plugin.js');
    for (const id of PROJECT_RULES) expect(Object.keys(plugin.rules)).not.toContain(id);
  });

  it('the text report shows the table of shapes with counts and examples', async () => {
    const cwd = path.join(FIXTURES, 'express-inconsistent');
    const r = await run('express-inconsistent');
    const text = textReporter(r, { cwd, color: false, timing: false });
    const table = text.slice(text.indexOf('Error response shapes'));
    expect(table.split('\n').slice(0, 5)).toEqual([
      'Error response shapes',
      '  shape              count  where',
      '* { error }              4  error-handler src/app.ts:11; src/app.ts:11, src/routes/orders.ts:8, src/routes/orders.ts:13',
      '  { msg, success }       1  src/routes/orders.ts:18',
      '  { code, message }      1  src/routes/payments.ts:12',
    ]);
  });
});
