import type * as ts from 'typescript';
import { defineProjectRule } from '../src/define-rule.js';
import { calleeMethod, dottedName, isDefaultExport, isExported, isFunctionLike, skipOuter } from '../src/analysis/ast.js';
import { errorHandlerKind } from '../src/analysis/http.js';
import { isKoaErrorMiddleware } from '../src/analysis/frameworks/koa.js';
import { fileImports, importsOf, propertyNameText, type ImportMap } from '../src/analysis/scope.js';
import { appGroups, type AppGroup } from '../src/analysis/packages.js';
import type { AppFactory } from '../src/knowledge/frameworks.js';
import type { Knowledge } from '../src/knowledge/index.js';
import { routeConventionOf } from '../src/knowledge/routes.js';
import type { ProjectCheckContext, RiskFactor, Site, SuggestionDescriptor, TS } from '../src/types.js';

export type MessageIds = 'missingBoundary' | 'addErrorHandler' | 'addProcessHandlers' | 'addMonitoring';

export interface Options {
  checkErrorHandler: boolean;
  checkProcessHandlers: boolean;
  checkMonitoring: boolean;
  ignoreServerless: boolean;
}

/** An app framework id of `knowledge.frameworks.apps` (`express`, `hono`…), or `node`, `nextjs`, `serverless`. */
export type Framework = string;

export type BoundaryFact =
  /**
   * The file creates an application: `express()`, `new Hono()`, `NestFactory.create()`, `http.createServer()`.
   * `guarded` (plain Node servers): the request listener wraps its work in a try/catch.
   */
  | { type: 'app'; framework: Framework; site: Site; listens: boolean; entryName: boolean; exportsDefault: boolean; guarded?: boolean }
  /** A central error handler of a framework (`any`: `app.use(errorHandler)` of a module outside the tree). */
  | { type: 'errorHandler'; framework: Framework | 'any' }
  /** The file imports Next.js (`next/server`). */
  | { type: 'nextImport' }
  | { type: 'processHandler' }
  | { type: 'monitor'; processHandlers: boolean }
  /** The file runs an app as a serverless function, or runs it on Node (`@hono/node-server`). */
  | { type: 'serverless' }
  | { type: 'nodeServer' }
  /** The file starts a server: `app.listen(…)`, `serve(…)`, `Bun.serve(…)`. */
  | { type: 'listen' }
  /** A Next.js route handler export (`GET` of an `app/…/route.ts`, a `pages/api` default export), wrapped in a call or not. */
  | { type: 'nextRoute'; site: Site; wrapped: boolean }
  /**
   * A serverless HTTP function without a framework (`export const handler = async (event: APIGatewayProxyEvent)
   * => …`): wrapped in a call (`middy(…)`, `Sentry.wrapHandler(…)`) or guarded by a try/catch around its body.
   */
  | { type: 'function'; site: Site; wrapped: boolean; guarded: boolean };

/** A framework of `knowledge.frameworks`, with the defaults a config entry may leave out. */
type FrameworkInfo = Required<AppFactory>;

function frameworkTable(knowledge: Knowledge): FrameworkInfo[] {
  return knowledge.frameworks.apps.map((a) => ({
    label: a.framework,
    names: [],
    errorHandlerMethods: [],
    handler: 'a central error handler',
    nodeServer: true,
    ...a,
  }));
}

const NODE_SERVER: Pick<FrameworkInfo, 'label' | 'handler' | 'nodeServer'> = {
  label: 'Node.js HTTP',
  handler: 'a try/catch around the request listener that logs the error and answers 500',
  nodeServer: true,
};
const NODE_HTTP_MODULES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2']);
const NODE_SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);
const SERVERLESS_HANDLER = 'a wrapper around every handler (`middy(…).use(httpErrorHandler())`, a `withErrorHandling(…)` helper)';
const NEXT_HANDLER = 'an `app/error.tsx` / `app/global-error.tsx` boundary or a wrapper around route handlers';
const NEXT_ERROR_PAGE = /(?:^|\/)(?:app\/(?:.*\/)?(?:global-)?error|pages\/_error)\.[cm]?[jt]sx?$/;
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ENTRY_FILE = /(?:^|\/)(?:main|index|server|app|bootstrap|start)\.[cm]?[jt]s$/;
const ERROR_MIDDLEWARE_NAME = /error|exception/i;
const PROCESS_EVENTS = new Set(['unhandledRejection', 'uncaughtException', 'uncaughtExceptionMonitor']);
// Modules that install process-level handlers on import.
const PROCESS_HANDLER_MODULES = new Set(['make-promises-safe', 'hard-rejection', 'loud-rejection', 'trace-unhandled']);
// Options of an app factory that install its central error handler: `polka({ onError })`, `createApp({ onError })`.
const ERROR_HANDLER_OPTIONS = new Set(['onError', 'errorHandler', 'onerror']);

function moduleOf(imports: ImportMap, expr: ts.Expression, t: TS): { module: string; imported: string; member?: string } | undefined {
  const name = dottedName(t, expr);
  if (!name) return undefined;
  const [root, member, extra] = name.split('.');
  if (extra !== undefined) return undefined;
  const b = imports.get(root!);
  return b ? { module: b.module, imported: b.imported, member } : undefined;
}

/** The framework whose app `node` creates, if any: `express()`, `new Hono()`, `Hapi.server()`, `http.createServer()`. */
function createdApp(t: TS, node: ts.CallExpression | ts.NewExpression, imports: ImportMap, table: readonly FrameworkInfo[]): Framework | undefined {
  const from = moduleOf(imports, node.expression, t);
  if (!from) return undefined;
  const isNew = t.isNewExpression(node);
  const whole = from.imported === 'default' || from.imported === '*';
  // http.createServer(listener) / createServer(listener) from node:http
  if (!isNew && NODE_HTTP_MODULES.has(from.module) && NODE_SERVER_FACTORIES.has(from.member ?? (whole ? '' : from.imported))) return 'node';
  for (const info of table) {
    if (!info.modules.includes(from.module)) continue;
    if (info.create === 'factory') {
      // NestFactory.create(AppModule)
      if (!isNew && info.names.includes(from.imported) && from.member === 'create') return info.framework;
      continue;
    }
    if ((info.create === 'new') !== isNew) continue;
    // Hapi.server() / restify.createServer(): a named factory on the whole module
    if (from.member !== undefined) {
      if (whole && info.names.includes(from.member)) return info.framework;
      continue;
    }
    if (whole || info.names.includes(from.imported)) return info.framework;
  }
  return undefined;
}

/** The frameworks whose central handler a method call installs: `fastify.setErrorHandler(…)`, `app.on('error', …)`. */
function errorHandlerCall(t: TS, call: ts.CallExpression, table: readonly FrameworkInfo[]): Framework[] {
  if (!t.isPropertyAccessExpression(skipOuter(t, call.expression))) return [];
  const method = calleeMethod(t, call);
  const first = call.arguments[0];
  const handler = call.arguments[1];
  // app.on('error', (err, ctx) => …) / server.ext('onPreResponse', …): `method:event` in the table
  const event = first && t.isStringLiteralLike(first) && handler && (isFunctionLike(t, handler) || t.isIdentifier(handler) || t.isPropertyAccessExpression(handler)) ? first.text : undefined;
  const keys = new Set([method, event !== undefined ? `${method}:${event}` : undefined]);
  const out = table.filter((f) => f.errorHandlerMethods.some((m) => keys.has(m)) && (call.arguments.length > 0)).map((f) => f.framework);
  return out;
}

/** `polka({ onError })` / `createApp({ onError: (err, event) => … })`: a factory option that is the central handler. */
function hasErrorHandlerOption(t: TS, node: ts.CallExpression | ts.NewExpression): boolean {
  return (node.arguments ?? []).some((a) => {
    const e = skipOuter(t, a);
    return t.isObjectLiteralExpression(e) && e.properties.some((p) => p.name !== undefined && ERROR_HANDLER_OPTIONS.has(propertyNameText(t, p.name) ?? ''));
  });
}

/** `errorHandler` / `errorHandler()` / `Sentry.Handlers.errorHandler()`: the name of a middleware argument. */
function argumentName(t: TS, arg: ts.Expression): string | undefined {
  const e = skipOuter(t, arg);
  const callee = t.isCallExpression(e) ? e.expression : e;
  const name = dottedName(t, callee);
  return name?.split('.').pop();
}

/** A function whose body is a try/catch (or that ends its promise chain with `.catch`): it answers its own errors. */
function isGuarded(t: TS, fn: ts.Node | undefined): boolean {
  if (!fn || !isFunctionLike(t, fn)) return false;
  const body = fn.body;
  if (!body) return false;
  if (!t.isBlock(body)) return t.isCallExpression(skipOuter(t, body)) && calleeMethod(t, skipOuter(t, body) as ts.CallExpression) === 'catch';
  return body.statements.some((st) => {
    if (t.isTryStatement(st)) return st.catchClause !== undefined;
    const e = t.isExpressionStatement(st) ? skipOuter(t, st.expression) : t.isReturnStatement(st) && st.expression ? skipOuter(t, st.expression) : undefined;
    return e !== undefined && t.isCallExpression(e) && calleeMethod(t, e) === 'catch';
  });
}

/** The function `expr` is: inline, or a function or `const` declared at the top of the file. */
function functionAt(t: TS, sf: ts.SourceFile, expr: ts.Expression | undefined): ts.Node | undefined {
  if (!expr) return undefined;
  const e = skipOuter(t, expr);
  if (isFunctionLike(t, e)) return e;
  if (!t.isIdentifier(e)) return undefined;
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.name?.text === e.text) return st;
    if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name) && d.name.text === e.text && d.initializer && isFunctionLike(t, skipOuter(t, d.initializer))) return skipOuter(t, d.initializer);
    }
  }
  return undefined;
}

/** `(event: APIGatewayProxyEvent) => …` / `const handler: APIGatewayProxyHandler = …`: a serverless HTTP function. */
function isServerlessHttpFunction(t: TS, knowledge: Knowledge, decl: ts.VariableDeclaration | ts.FunctionDeclaration, fn: ts.Node | undefined): boolean {
  const types = knowledge.monitoring.serverlessHandlerTypes;
  const typeName = (type: ts.TypeNode | undefined): string | undefined =>
    type && t.isTypeReferenceNode(type) ? (t.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text) : undefined;
  const named = (type: ts.TypeNode | undefined): boolean => {
    const name = typeName(type);
    if (name && types.includes(name)) return true;
    // Handler<APIGatewayProxyEvent, …>
    return type !== undefined && t.isTypeReferenceNode(type) && (type.typeArguments ?? []).some((a) => types.includes(typeName(a) ?? ''));
  };
  if (t.isVariableDeclaration(decl) && named(decl.type)) return true;
  const first = fn && isFunctionLike(t, fn) ? fn.parameters[0] : undefined;
  return first !== undefined && named(first.type);
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

/**
 * The entries of one app: per framework, the file that creates the app and listens (else one named like an
 * entry, else the first in path order), preferring the app's own package to the packages it depends on. Plain
 * Node servers count only without a framework app; Next.js routes and serverless functions only without either.
 */
function entries(group: AppGroup<BoundaryFact>): Entry[] {
  const own = new Set(group.own.map((f) => f.file));
  const byFramework = new Map<Framework, { entry: Entry; rank: number }>();
  for (const f of group.files) {
    // servers in examples, demos, fixtures, docs and benchmarks are not the application
    if (f.isExample || f.role === 'script') continue;
    for (const fact of f.facts) {
      if (fact.type !== 'app') continue;
      const prev = byFramework.get(fact.framework);
      // the root app sits near the top of the package; sub-apps (`new Hono()` per route file) sit deeper
      const rank = (own.has(f.file) ? 8 : 0) + (fact.listens ? 4 : 0) + (fact.entryName ? 2 : 0) + (fact.exportsDefault ? 1 : 0) - f.file.split('/').length / 100;
      if (!prev || rank > prev.rank) byFramework.set(fact.framework, { entry: { framework: fact.framework, file: f.file, site: fact.site }, rank });
    }
  }
  const frameworks = [...byFramework.values()].map((v) => v.entry);
  const apps = frameworks.filter((e) => e.framework !== 'node');
  if (apps.length) return apps;
  if (frameworks.length) return frameworks;
  for (const type of ['nextRoute', 'function'] as const) {
    for (const f of group.files) {
      if (f.isExample || f.role === 'script') continue;
      const fact = f.facts.find((x) => x.type === type) as Extract<BoundaryFact, { site: Site }> | undefined;
      if (fact) return [{ framework: type === 'nextRoute' ? 'nextjs' : 'serverless', file: f.file, site: fact.site }];
    }
  }
  return [];
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
    // precision about 0.5 on unseen repositories, few findings (issue 14)
    preset: 'strict',
    precision: 'low',
    roles: ['server', 'client', 'script'],
  },
  create(context) {
    const t = context.ts;
    const { knowledge, sourceFile: sf, filePath } = context;
    // app/global-error.tsx is a client component; it still is the app's error boundary
    if (NEXT_ERROR_PAGE.test(filePath)) context.collect({ type: 'errorHandler', framework: 'nextjs' });
    if (context.file.role === 'client') return {};
    const table = frameworkTable(knowledge);
    const imports = importsOf(t, sf);
    for (const b of new Set([...imports.values()].map((i) => i.module))) {
      if (isMonitorModule(knowledge, b)) context.collect({ type: 'monitor', processHandlers: handlesProcess(knowledge, b) });
      if (isServerlessModule(knowledge, b)) context.collect({ type: 'serverless' });
      if (b === '@hono/node-server') context.collect({ type: 'nodeServer' });
      if (b === 'next' || b.startsWith('next/')) context.collect({ type: 'nextImport' });
      if (PROCESS_HANDLER_MODULES.has(b)) context.collect({ type: 'processHandler' });
    }
    // import 'newrelic' / import 'dd-trace/init' (side-effect imports are not bindings)
    for (const { kind, module: m } of fileImports(t, sf).references) {
      if (kind !== 'side-effect') continue;
      if (isMonitorModule(knowledge, m)) context.collect({ type: 'monitor', processHandlers: handlesProcess(knowledge, m) });
      if (PROCESS_HANDLER_MODULES.has(m)) context.collect({ type: 'processHandler' });
    }
    const route = routeConventionOf(filePath, 'anywhere')?.kind;
    const isNextRouteFile = route === 'next-route-handler';
    const isNextApiFile = route === 'next-api-route';
    const apps: { framework: Framework; node: ts.Node; guarded?: boolean }[] = [];
    let listens = false;

    return {
      CallExpression(call) {
        const name = dottedName(t, call.expression);
        const framework = createdApp(t, call, imports, table);
        if (framework === 'node') apps.push({ framework, node: call, guarded: call.arguments.length === 0 || !functionAt(t, sf, call.arguments.at(-1)) || isGuarded(t, functionAt(t, sf, call.arguments.at(-1))) });
        else if (framework) apps.push({ framework, node: call });
        if (framework && framework !== 'node' && hasErrorHandlerOption(t, call)) context.collect({ type: 'errorHandler', framework });
        const handlers = errorHandlerCall(t, call, table);
        for (const h of handlers) context.collect({ type: 'errorHandler', framework: h });
        const method = calleeMethod(t, call);
        // app.use(errorHandler) / app.use(errorMiddleware()) / fastify.register(errorPlugin)
        if (!handlers.length && (method === 'use' || method === 'register') && call.arguments.some((a) => ERROR_MIDDLEWARE_NAME.test(argumentName(t, a) ?? ''))) {
          context.collect({ type: 'errorHandler', framework: 'any' });
        }
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
      NewExpression(expr) {
        const framework = createdApp(t, expr, imports, table);
        if (framework) {
          apps.push({ framework, node: expr });
          if (hasErrorHandlerOption(t, expr)) context.collect({ type: 'errorHandler', framework });
        }
        const name = dottedName(t, expr.expression);
        if (name && knowledge.monitoring.initCalls.includes(`new ${name}`)) context.collect({ type: 'monitor', processHandlers: false });
      },
      Identifier(node) {
        // { provide: APP_FILTER, useClass: AllExceptionsFilter }
        if (node.text === 'APP_FILTER' && node.parent && t.isPropertyAssignment(node.parent) && node.parent.initializer === node) {
          context.collect({ type: 'errorHandler', framework: 'nestjs' });
        }
      },
      TryStatement(node) {
        if (isKoaErrorMiddleware(t, node)) context.collect({ type: 'errorHandler', framework: 'koa' });
      },
      ArrowFunction: onFunction,
      FunctionExpression: onFunction,
      FunctionDeclaration(fn) {
        onFunction(fn);
        if (!fn.name || fn.parent !== sf || !isExported(t, fn)) return;
        const isDefault = isDefaultExport(t, fn);
        // export async function GET(req) / pages/api: export default async function handler(req, res)
        if ((isNextRouteFile && ROUTE_EXPORTS.has(fn.name.text)) || (isNextApiFile && isDefault)) {
          context.collect({ type: 'nextRoute', site: context.site(fn.name), wrapped: false });
        } else if (isServerlessHttpFunction(t, knowledge, fn, fn)) {
          context.collect({ type: 'function', site: context.site(fn.name), wrapped: false, guarded: isGuarded(t, fn) });
        }
      },
      VariableStatement(st) {
        // export const GET = withErrorHandler(async (req) => …) / export const handler = middy(…)
        if (st.parent !== sf || !isExported(t, st)) return;
        for (const d of st.declarationList.declarations) {
          if (!t.isIdentifier(d.name) || !d.initializer) continue;
          const init = skipOuter(t, d.initializer);
          const wrapped = t.isCallExpression(init);
          if (isNextRouteFile && ROUTE_EXPORTS.has(d.name.text)) context.collect({ type: 'nextRoute', site: context.site(d.name), wrapped });
          else if (isServerlessHttpFunction(t, knowledge, d, t.isCallExpression(init) ? functionAt(t, sf, init.arguments[0]) : init)) {
            context.collect({ type: 'function', site: context.site(d.name), wrapped, guarded: !wrapped && isGuarded(t, init) });
          }
        }
      },
      ExportAssignment(ea) {
        // pages/api: export default handler / export default withSentry(handler)
        if (!isNextApiFile || ea.isExportEquals) return;
        const e = skipOuter(t, ea.expression);
        context.collect({ type: 'nextRoute', site: context.site(ea.expression), wrapped: t.isCallExpression(e) });
      },
      'SourceFile:exit'() {
        if (listens) context.collect({ type: 'listen' });
        const entryName = ENTRY_FILE.test(filePath);
        const exportsDefault = sf.statements.some((st) => t.isExportAssignment(st) && !st.isExportEquals);
        for (const app of apps) context.collect({ type: 'app', framework: app.framework, site: context.site(app.node), listens, entryName, exportsDefault, ...(app.guarded !== undefined ? { guarded: app.guarded } : {}) });
      },
    };

    function onFunction(node: ts.Node): void {
      // app.use((err, req, res, next) => …) / export function errorHandler(err, req, res, next)
      if (isFunctionLike(t, node) && errorHandlerKind(t, node, knowledge) === 'error-middleware') context.collect({ type: 'errorHandler', framework: 'express' });
    }
  },
  check(files, context) {
    const relevant = files.filter((f) => f.role !== 'test');
    const groups = appGroups(relevant, context.packages, context.manifest);
    // a package of tests only (e2e suites) that depends on the app is not a second app
    for (const group of groups) if (groups.length === 1 || group.own.length > 0) checkApp(group, context);
  },
});

function checkApp(group: AppGroup<BoundaryFact>, context: ProjectCheckContext<Options, MessageIds>): void {
  const { options, knowledge } = context;
  const found = entries(group);
  if (!found.length) return;
  const all = group.files.flatMap((f) => f.facts);
  const deps = [...new Set(group.manifests.flatMap((m) => m.dependencies))];
  const depMonitor = deps.filter((d) => isMonitorModule(knowledge, d));
  const hasNext = deps.includes('next') || all.some((f) => f.type === 'nextImport');
  const serverless = all.some((f) => f.type === 'serverless') || deps.some((d) => isServerlessModule(knowledge, d));
  const monitored = depMonitor.length > 0 || all.some((f) => f.type === 'monitor');
  const processHandled =
    all.some((f) => f.type === 'processHandler' || (f.type === 'monitor' && f.processHandlers)) || depMonitor.some((d) => handlesProcess(knowledge, d));
  const nodeServerHono = all.some((f) => f.type === 'nodeServer');
  const wrappedRoutes = all.some((f) => f.type === 'nextRoute' && f.wrapped);
  const functions = all.filter((f): f is Extract<BoundaryFact, { type: 'function' }> => f.type === 'function');
  const table = frameworkTable(knowledge);
  // a package published to be imported (main/exports) with no server started in it is a library
  const listening = all.some((f) => f.type === 'listen');
  if (group.manifest?.isLibrary && !listening && !group.manifest.scripts.start && found.every((e) => e.framework !== 'nextjs' && e.framework !== 'serverless')) return;
  // a plain Node server in a command-line tool is its local dev server (`novu dev`, an OAuth callback)
  if (group.manifest?.isCli && found.every((e) => e.framework === 'node')) return;

  for (const entry of found) {
    if (entry.framework === 'nextjs' && !hasNext) continue;
    const isFunction = entry.framework === 'serverless';
    if (isFunction && options.ignoreServerless) continue;
    if (serverless && options.ignoreServerless && entry.framework !== 'nextjs') continue;
    const missing: string[] = [];
    const suggest: SuggestionDescriptor<MessageIds>[] = [];
    const factors: RiskFactor[] = [];
    const info = entry.framework === 'node' ? NODE_SERVER : table.find((f) => f.framework === entry.framework);
    const handlerText = info?.handler ?? (isFunction ? SERVERLESS_HANDLER : NEXT_HANDLER);
    const hasHandler =
      entry.framework === 'node'
        ? group.files.every((f) => f.facts.every((x) => x.type !== 'app' || x.framework !== 'node' || x.guarded !== false))
        : isFunction
          ? functions.some((f) => f.wrapped) || functions.every((f) => f.guarded)
          : all.some((f) => f.type === 'errorHandler' && (f.framework === entry.framework || f.framework === 'any')) || (entry.framework === 'nextjs' && wrappedRoutes);
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
      data: { framework: info?.label ?? (isFunction ? 'serverless' : 'Next.js'), missing: joinList(missing) },
      suggest,
      factors,
    });
  }
}
