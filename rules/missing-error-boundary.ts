import type * as ts from 'typescript';
import { calleeMethod, dottedName, isFunctionLike, skipOuter } from '../src/analysis/ast.js';
import { errorHandlerKind } from '../src/analysis/http.js';
import { importsOf, type ImportMap } from '../src/analysis/imports.js';
import { defineProjectRule } from '../src/engine/project.js';
import type { Knowledge } from '../src/knowledge/index.js';
import type { ProjectFile, RiskFactor, Site, SuggestionDescriptor, TS } from '../src/types.js';

export type MessageIds = 'missingBoundary' | 'addErrorHandler' | 'addProcessHandlers' | 'addMonitoring';

export interface Options {
  checkErrorHandler: boolean;
  checkProcessHandlers: boolean;
  checkMonitoring: boolean;
  ignoreServerless: boolean;
}

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'nextjs';

export type BoundaryFact =
  /** The file creates an application: `express()`, `fastify()`, `new Koa()`, `new Hono()`, `NestFactory.create()`. */
  | { type: 'app'; framework: Framework; site: Site; listens: boolean; entryName: boolean }
  /** A central error handler of a framework (`any`: `app.use(errorHandler)` of a module outside the tree). */
  | { type: 'errorHandler'; framework: Framework | 'any' }
  /** The file imports Next.js (`next/server`). */
  | { type: 'nextImport' }
  | { type: 'processHandler' }
  | { type: 'monitor'; processHandlers: boolean }
  /** The file runs an app as a serverless function, or runs it on Node (`@hono/node-server`). */
  | { type: 'serverless' }
  | { type: 'nodeServer' }
  /** A Next.js App Router route handler export (`export async function GET`), wrapped in a call or not. */
  | { type: 'nextRoute'; site: Site; wrapped: boolean };

/** How each framework's app is created, and what its central error handler looks like (for the message). */
interface FrameworkInfo {
  label: string;
  modules: string[];
  /** `express()` — a call of the module's default/namespace import; `new Koa()`; `NestFactory.create()`. */
  create: 'call' | 'new' | 'factory';
  /** Export names that create the app when called or constructed (besides the default). */
  names: string[];
  handler: string;
  nodeServer: boolean;
}

export const FRAMEWORKS: Record<Exclude<Framework, 'nextjs'>, FrameworkInfo> = {
  express: { label: 'Express', modules: ['express'], create: 'call', names: [], handler: 'an error middleware `app.use((err, req, res, next) => …)`', nodeServer: true },
  fastify: { label: 'Fastify', modules: ['fastify'], create: 'call', names: ['fastify', 'Fastify'], handler: '`fastify.setErrorHandler(…)`', nodeServer: true },
  koa: { label: 'Koa', modules: ['koa'], create: 'new', names: [], handler: "an error middleware (`try { await next() } catch …`) or `app.on('error', …)`", nodeServer: true },
  hono: { label: 'Hono', modules: ['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi'], create: 'new', names: ['Hono', 'OpenAPIHono'], handler: '`app.onError(…)`', nodeServer: false },
  nestjs: { label: 'NestJS', modules: ['@nestjs/core'], create: 'factory', names: ['NestFactory'], handler: 'a global exception filter registered with `app.useGlobalFilters(…)` or an `APP_FILTER` provider', nodeServer: true },
};
const NEXT_HANDLER = 'an `app/error.tsx` / `app/global-error.tsx` boundary or a wrapper around route handlers';
const NEXT_ROUTE = /(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/;
const NEXT_ERROR_PAGE = /(?:^|\/)(?:app\/(?:.*\/)?(?:global-)?error|pages\/_error)\.[cm]?[jt]sx?$/;
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ENTRY_FILE = /(?:^|\/)(?:main|index|server|app|bootstrap|start)\.[cm]?[jt]s$/;
const ERROR_MIDDLEWARE_NAME = /error|exception/i;
const PROCESS_EVENTS = new Set(['unhandledRejection', 'uncaughtException', 'uncaughtExceptionMonitor']);
// Modules that install process-level handlers on import.
const PROCESS_HANDLER_MODULES = new Set(['make-promises-safe', 'hard-rejection', 'loud-rejection', 'trace-unhandled']);

function moduleOf(imports: ImportMap, expr: ts.Expression, t: TS): { module: string; imported: string; member?: string } | undefined {
  const name = dottedName(t, expr);
  if (!name) return undefined;
  const [root, member] = name.split('.');
  const b = imports.get(root!);
  return b ? { module: b.module, imported: b.imported, member } : undefined;
}

/** The framework whose app `node` creates, if any. */
function createdApp(t: TS, node: ts.CallExpression | ts.NewExpression, imports: ImportMap): Framework | undefined {
  const from = moduleOf(imports, node.expression, t);
  if (!from) return undefined;
  for (const [framework, info] of Object.entries(FRAMEWORKS) as [Exclude<Framework, 'nextjs'>, FrameworkInfo][]) {
    if (!info.modules.includes(from.module)) continue;
    const isNew = t.isNewExpression(node);
    if (info.create === 'factory') {
      // NestFactory.create(AppModule)
      if (!isNew && from.imported === 'NestFactory' && from.member === 'create') return framework;
      continue;
    }
    if ((info.create === 'new') !== isNew) continue;
    if (from.member && from.imported !== '*') continue;
    const name = from.member ?? from.imported;
    if (name === 'default' || name === '*' || info.names.includes(name)) return framework;
  }
  return undefined;
}

/** The file's own method calls that install a central handler: `fastify.setErrorHandler`, `app.onError`. */
function errorHandlerCall(t: TS, call: ts.CallExpression): Framework | undefined {
  const method = calleeMethod(t, call);
  if (!t.isPropertyAccessExpression(skipOuter(t, call.expression))) return undefined;
  if (method === 'setErrorHandler') return 'fastify';
  if (method === 'onError' && call.arguments.length > 0) return 'hono';
  if (method === 'useGlobalFilters') return 'nestjs';
  // app.on('error', (err, ctx) => …)
  const first = call.arguments[0];
  if (method === 'on' && first && t.isStringLiteralLike(first) && first.text === 'error' && call.arguments[1] && isFunctionLike(t, call.arguments[1])) return 'koa';
  return undefined;
}

/** `async (ctx, next) => { try { await next(); } catch (err) { … } }` — a Koa error middleware. */
function isKoaErrorMiddleware(t: TS, node: ts.TryStatement): boolean {
  if (!node.catchClause) return false;
  const first = node.tryBlock.statements[0];
  const e = first && t.isExpressionStatement(first) ? skipOuter(t, first.expression) : undefined;
  const call = e && t.isAwaitExpression(e) ? skipOuter(t, e.expression) : e;
  return call !== undefined && t.isCallExpression(call) && t.isIdentifier(call.expression) && call.expression.text === 'next';
}

/** `errorHandler` / `errorHandler()` / `Sentry.Handlers.errorHandler()`: the name of a middleware argument. */
function argumentName(t: TS, arg: ts.Expression): string | undefined {
  const e = skipOuter(t, arg);
  const callee = t.isCallExpression(e) ? e.expression : e;
  const name = dottedName(t, callee);
  return name?.split('.').pop();
}

function isMonitorModule(knowledge: Knowledge, module: string): boolean {
  return knowledge.monitoring.modules.some((m) => module === m || module.startsWith(`${m}/`));
}

function handlesProcess(knowledge: Knowledge, module: string): boolean {
  return knowledge.monitoring.processHandlerModules.some((m) => module === m || module.startsWith(`${m}/`));
}

function isServerlessModule(knowledge: Knowledge, module: string): boolean {
  return knowledge.monitoring.serverlessModules.includes(module);
}

interface Entry {
  framework: Framework;
  file: string;
  site: Site;
}

/** The app entry of a framework: the file that creates the app and listens, else the first in path order. */
function entries(files: readonly ProjectFile<BoundaryFact>[]): Entry[] {
  const byFramework = new Map<Framework, { entry: Entry; rank: number }>();
  for (const f of files) {
    // servers in examples, demos, fixtures, docs and benchmarks are not the application
    if (f.isExample || f.isTest) continue;
    for (const fact of f.facts) {
      if (fact.type !== 'app') continue;
      const prev = byFramework.get(fact.framework);
      const rank = fact.listens ? 2 : fact.entryName ? 1 : 0;
      if (!prev || rank > prev.rank) byFramework.set(fact.framework, { entry: { framework: fact.framework, file: f.file, site: fact.site }, rank });
    }
  }
  const out = [...byFramework.values()].map((v) => v.entry);
  if (!out.length) {
    // Next.js: the first route handler (the framework creates the server)
    for (const f of files) {
      const route = f.facts.find((x): x is Extract<BoundaryFact, { type: 'nextRoute' }> => x.type === 'nextRoute');
      if (route && !f.isExample && !f.isTest) return [{ framework: 'nextjs', file: f.file, site: route.site }];
    }
  }
  return out;
}

const FACTORS: Record<'handler' | 'process' | 'monitoring', RiskFactor> = {
  handler: { id: 'no-error-handler', label: 'no central error handler', weight: 10 },
  process: { id: 'no-process-handler', label: 'no process-level error handler', weight: 5 },
  monitoring: { id: 'no-monitoring', label: 'no error monitoring', weight: 10 },
};

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default defineProjectRule<MessageIds, Options, BoundaryFact>({
  meta: {
    id: 'missing-error-boundary',
    family: 'project',
    scope: 'project',
    risk: 'medium',
    description: 'Report an HTTP application without a central error handler, process-level error handlers or error monitoring.',
    messages: {
      missingBoundary: 'This {{framework}} application has {{missing}}.',
      addErrorHandler: 'Register {{handler}} after the routes: one place that logs the error with its context and writes the API error body.',
      addProcessHandlers: "Add `process.on('unhandledRejection', …)` and `process.on('uncaughtException', …)` in the server entry that log the error with the structured logger and exit.",
      addMonitoring: 'Initialise an error monitor (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…) before the app is created.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkErrorHandler: { type: 'boolean', description: 'Require a central error handler of the framework.' },
        checkProcessHandlers: { type: 'boolean', description: "Require `process.on('unhandledRejection' | 'uncaughtException')` in a Node server (or a monitor that installs them)." },
        checkMonitoring: { type: 'boolean', description: 'Require an error-monitoring SDK (extend the list with `knowledge.monitoring`).' },
        ignoreServerless: { type: 'boolean', description: 'Do not report apps run as serverless functions, whose platform records their errors.' },
      },
    },
    defaultOptions: { checkErrorHandler: true, checkProcessHandlers: true, checkMonitoring: true, ignoreServerless: false },
    fixable: false,
    hasSuggestions: true,
    recommended: true,
    precision: 'high',
  },
  create(context) {
    const t = context.ts;
    const { knowledge, sourceFile: sf, filePath } = context;
    if (context.file.isTest) return {};
    // app/global-error.tsx is a client component; it still is the app's error boundary
    if (NEXT_ERROR_PAGE.test(filePath)) context.collect({ type: 'errorHandler', framework: 'nextjs' });
    if (context.file.isClient) return {};
    const imports = importsOf(t, sf);
    for (const b of new Set([...imports.values()].map((i) => i.module))) {
      if (isMonitorModule(knowledge, b)) context.collect({ type: 'monitor', processHandlers: handlesProcess(knowledge, b) });
      if (isServerlessModule(knowledge, b)) context.collect({ type: 'serverless' });
      if (b === '@hono/node-server') context.collect({ type: 'nodeServer' });
      if (b === 'next' || b.startsWith('next/')) context.collect({ type: 'nextImport' });
      if (PROCESS_HANDLER_MODULES.has(b)) context.collect({ type: 'processHandler' });
    }
    // import 'newrelic' / import 'dd-trace/init' (side-effect imports are not bindings)
    for (const st of sf.statements) {
      if (t.isImportDeclaration(st) && !st.importClause && t.isStringLiteral(st.moduleSpecifier)) {
        const m = st.moduleSpecifier.text;
        if (isMonitorModule(knowledge, m)) context.collect({ type: 'monitor', processHandlers: handlesProcess(knowledge, m) });
        if (PROCESS_HANDLER_MODULES.has(m)) context.collect({ type: 'processHandler' });
      }
    }
    const isNextRouteFile = NEXT_ROUTE.test(filePath);
    const apps: { framework: Framework; node: ts.Node }[] = [];
    let listens = false;

    return {
      CallExpression(node) {
        const call = node as ts.CallExpression;
        const name = dottedName(t, call.expression);
        const framework = createdApp(t, call, imports);
        if (framework) apps.push({ framework, node: call });
        const handler = errorHandlerCall(t, call);
        if (handler) context.collect({ type: 'errorHandler', framework: handler });
        // app.use(errorHandler) / app.use(errorMiddleware()) / fastify.register(errorPlugin)
        if (!handler && (calleeMethod(t, call) === 'use' || calleeMethod(t, call) === 'register') && call.arguments.some((a) => ERROR_MIDDLEWARE_NAME.test(argumentName(t, a) ?? ''))) {
          context.collect({ type: 'errorHandler', framework: 'any' });
        }
        const method = calleeMethod(t, call);
        if (method === 'listen' || name === 'serve' || name === 'Bun.serve') listens = true;
        // process.on('unhandledRejection', …)
        if (name && /^process\.(?:on|once|addListener|prependListener)$/.test(name)) {
          const ev = call.arguments[0];
          if (ev && t.isStringLiteralLike(ev) && PROCESS_EVENTS.has(ev.text)) context.collect({ type: 'processHandler' });
        }
        if (name && knowledge.monitoring.initCalls.includes(name)) context.collect({ type: 'monitor', processHandlers: false });
        // require('newrelic'); require('dd-trace').init()
        if (name === 'require' && call.arguments[0] && t.isStringLiteralLike(call.arguments[0]) && isMonitorModule(knowledge, call.arguments[0].text)) {
          context.collect({ type: 'monitor', processHandlers: handlesProcess(knowledge, call.arguments[0].text) });
        }
      },
      NewExpression(node) {
        const expr = node as ts.NewExpression;
        const framework = createdApp(t, expr, imports);
        if (framework) apps.push({ framework, node: expr });
        const name = dottedName(t, expr.expression);
        if (name && knowledge.monitoring.initCalls.includes(`new ${name}`)) context.collect({ type: 'monitor', processHandlers: false });
      },
      Identifier(node) {
        // { provide: APP_FILTER, useClass: AllExceptionsFilter }
        if ((node as ts.Identifier).text === 'APP_FILTER' && node.parent && t.isPropertyAssignment(node.parent) && node.parent.initializer === node) {
          context.collect({ type: 'errorHandler', framework: 'nestjs' });
        }
      },
      TryStatement(node) {
        if (isKoaErrorMiddleware(t, node as ts.TryStatement)) context.collect({ type: 'errorHandler', framework: 'koa' });
      },
      ArrowFunction: onFunction,
      FunctionExpression: onFunction,
      FunctionDeclaration(node) {
        onFunction(node);
        const fn = node as ts.FunctionDeclaration;
        if (isNextRouteFile && fn.name && ROUTE_EXPORTS.has(fn.name.text) && fn.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) {
          context.collect({ type: 'nextRoute', site: context.site(fn.name), wrapped: false });
        }
      },
      VariableStatement(node) {
        // export const GET = withErrorHandler(async (req) => …)
        const st = node as ts.VariableStatement;
        if (!isNextRouteFile || !st.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return;
        for (const d of st.declarationList.declarations) {
          if (!t.isIdentifier(d.name) || !ROUTE_EXPORTS.has(d.name.text) || !d.initializer) continue;
          context.collect({ type: 'nextRoute', site: context.site(d.name), wrapped: t.isCallExpression(skipOuter(t, d.initializer)) });
        }
      },
      'SourceFile:exit'() {
        const entryName = ENTRY_FILE.test(filePath) || sf.statements.some((st) => t.isExportAssignment(st) && !st.isExportEquals);
        for (const app of apps) context.collect({ type: 'app', framework: app.framework, site: context.site(app.node), listens, entryName });
      },
    };

    function onFunction(node: ts.Node): void {
      // app.use((err, req, res, next) => …) / export function errorHandler(err, req, res, next)
      if (isFunctionLike(t, node) && errorHandlerKind(t, node, knowledge) === 'error-middleware') context.collect({ type: 'errorHandler', framework: 'express' });
    }
  },
  check(files, context) {
    const { options, knowledge, manifest } = context;
    const relevant = files.filter((f) => !f.isTest);
    const all = relevant.flatMap((f) => f.facts);
    const found = entries(relevant);
    if (!found.length) return;
    const deps = manifest?.dependencies ?? [];
    const depMonitor = deps.filter((d) => isMonitorModule(knowledge, d));
    const hasNext = deps.includes('next') || all.some((f) => f.type === 'nextImport');
    const serverless = all.some((f) => f.type === 'serverless') || deps.some((d) => isServerlessModule(knowledge, d));
    if (serverless && options.ignoreServerless) return;
    const monitored = depMonitor.length > 0 || all.some((f) => f.type === 'monitor');
    const processHandled =
      all.some((f) => f.type === 'processHandler' || (f.type === 'monitor' && f.processHandlers)) || depMonitor.some((d) => handlesProcess(knowledge, d));
    const nodeServerHono = all.some((f) => f.type === 'nodeServer');
    const wrappedRoutes = all.some((f) => f.type === 'nextRoute' && f.wrapped);

    for (const entry of found) {
      if (entry.framework === 'nextjs' && !hasNext) continue;
      const missing: string[] = [];
      const suggest: SuggestionDescriptor<MessageIds>[] = [];
      const factors: RiskFactor[] = [];
      const info = entry.framework === 'nextjs' ? undefined : FRAMEWORKS[entry.framework];
      const handlerText = info?.handler ?? NEXT_HANDLER;
      const hasHandler = all.some((f) => f.type === 'errorHandler' && (f.framework === entry.framework || f.framework === 'any')) || (entry.framework === 'nextjs' && wrappedRoutes);
      if (options.checkErrorHandler && !hasHandler) {
        missing.push(`no central error handler such as ${handlerText}`);
        suggest.push({ messageId: 'addErrorHandler', data: { handler: handlerText }, edits: [] });
        factors.push(FACTORS.handler);
      }
      const nodeServer = info !== undefined && !serverless && (info.nodeServer || (entry.framework === 'hono' && nodeServerHono));
      if (options.checkProcessHandlers && nodeServer && !processHandled) {
        missing.push("no `process.on('unhandledRejection')` / `process.on('uncaughtException')` handler");
        suggest.push({ messageId: 'addProcessHandlers', edits: [] });
        factors.push(FACTORS.process);
      }
      if (options.checkMonitoring && !monitored) {
        missing.push('no error monitoring (Sentry, OpenTelemetry, Datadog, Bugsnag, Rollbar, Honeybadger…)');
        suggest.push({ messageId: 'addMonitoring', edits: [] });
        factors.push(FACTORS.monitoring);
      }
      if (!missing.length) continue;
      context.report({
        file: entry.file,
        site: entry.site,
        messageId: 'missingBoundary',
        data: { framework: info?.label ?? 'Next.js', missing: joinList(missing) },
        suggest,
        factors,
      });
    }
  },
});
