import type * as ts from 'typescript';
import { defineProjectRule } from '../src/define-rule.js';
import { containsNode, dottedName, enclosingFunction, functionName, isFunctionLike, isHttpHandler, skipOuter, type FunctionLike } from '../src/analysis/ast.js';
import { errorHandlerKind, responseSinkAt } from '../src/analysis/http.js';
import { importsOf, propertyNameText } from '../src/analysis/scope.js';
import { appGroups, type AppGroup } from '../src/analysis/packages.js';
import type { ErrorShapeRow, ProjectFile, ProjectReportDescriptor, Site, SuggestionDescriptor, TS } from '../src/types.js';
import { routeConventionOf } from '../src/knowledge/routes.js';

export type MessageIds = 'inconsistentShape' | 'noConvention' | 'useDominantShape' | 'chooseOneShape' | 'useProblemDetails';

export interface Options {
  ignoreKeys: string[];
  checkExceptions: boolean;
}

/** One top-level key of a body: `error` holding an object literal keeps its keys (one level). */
export interface ShapeKey {
  name: string;
  /** Keys of an object-literal value; absent for any other value. */
  nested?: string[];
}

export interface BodyShape {
  keys: ShapeKey[];
  problemJson: boolean;
  /** A plain-text body: `res.status(404).send('Not found')`, `c.text('Unauthorized', 401)`. */
  text?: boolean;
}

/** Who writes the body: a central error handler, a helper that other code calls, or the handler itself. */
export type SiteRole = 'error-handler' | 'helper' | 'inline';

export type ShapeFact =
  /** An error response body written here. */
  | { type: 'body'; shape: BodyShape; site: Site; role: SiteRole; owner: string; exception: boolean; helper?: string }
  /** An error response whose body is built by a call: `res.status(400).json(errorBody(…))`. */
  | { type: 'built'; builder: string; problemJson: boolean; site: Site; owner: string }
  /** A function with an error-like name that returns an object literal: a body builder candidate. */
  | { type: 'builder'; name: string; shape: BodyShape; site: Site }
  /** A call handing a response object to a function: `sendError(res, 404, …)`. */
  | { type: 'call'; name: string }
  /** A NestJS exception filter catching every exception or `HttpException`: thrown payloads are reshaped. */
  | { type: 'filter' }
  /** A function registered as the central error handler by name: `app.onError(handleError)`. */
  | { type: 'handler'; name: string };

const ERRORISH_NAME = /error|fail|problem|fault|exception|reject|deny|denied|unauthori[sz]ed|forbidden|notfound|not_found|badrequest|bad_request/i;
const PROBLEM_JSON = 'problem+json';
const JSX_FILE = /\.[jt]sx$/;
const HANDLER_REGISTRARS = new Set(['onError', 'setErrorHandler']);
const WEBHOOK_PATH = /webhook|(?:^|\/)hooks\//i;
// Endpoints a scheduler, a queue or another service calls, not an API client: their answers are read by retry
// logic (`/api/cron/…`, `/jobs/`, `/queues/`, `/internal/`).
const INTERNAL_PATH = /(?:^|\/)(?:crons?|jobs?|queues?|workers?|tasks|internal|webhooks?|hooks)(?:\/|$)/i;
// Keys that make a body an error report (`{ status: 'DOWN' }` or `{ isAvailable: false }` with a 503 is a probe's answer).
const ERROR_REPORT_KEYS = new Set(['error', 'errors', 'err', 'message', 'msg', 'code', 'errorCode', 'error_code', 'errorMessage', 'error_message', 'detail', 'reason', 'fault']);
// Nuxt server routes, where h3's createError is auto-imported.
const NUXT_SERVER = /(?:^|\/)server\/(?:api|routes|middleware)\//;
const NESTED_KEYS = new Set(['error', 'err', 'problem', 'fault']);
// Exceptions whose payload object is the response body as-is (NestJS semantics); others take options.
const OPTION_EXCEPTIONS = new Set(['HTTPException', 'TRPCError', 'GraphQLError', 'HttpError', 'ApolloError', 'UserInputError', 'AuthenticationError', 'ForbiddenError', 'RpcException', 'WsException']);

/** The shape of an object literal body, or undefined when spreads or computed keys make it unknowable. */
export function shapeOfObject(t: TS, obj: ts.ObjectLiteralExpression): ShapeKey[] | undefined {
  const keys: ShapeKey[] = [];
  for (const p of obj.properties) {
    if (t.isSpreadAssignment(p)) return undefined;
    const name = propertyNameText(t, p.name);
    if (name === undefined) return undefined;
    let nested: string[] | undefined;
    // `error: { code, message }` is structure; `errors: { title: [...] }` is a map of field names
    if (t.isPropertyAssignment(p) && NESTED_KEYS.has(name)) {
      const v = skipOuter(t, p.initializer);
      if (t.isObjectLiteralExpression(v)) {
        const inner = v.properties.map((q) => (t.isSpreadAssignment(q) ? undefined : propertyNameText(t, q.name)));
        if (!inner.includes(undefined)) nested = [...new Set(inner as string[])].sort();
      }
    }
    keys.push(nested ? { name, nested } : { name });
  }
  return keys.sort((a, b) => a.name.localeCompare(b.name));
}

/** `{ error: { code, message }, success }`, with ` (problem+json)` when that content type is set. */
export function formatShape(shape: BodyShape): string {
  if (shape.text) return 'text';
  const inner = shape.keys.map((k) => (k.nested ? `${k.name}: { ${k.nested.join(', ')} }` : k.name)).join(', ');
  return `${inner ? `{ ${inner} }` : '{}'}${shape.problemJson ? ' (problem+json)' : ''}`;
}

/** The shape without ignored keys; a shape made only of ignored keys stays as it is. */
function withoutKeys(shape: BodyShape, ignore: ReadonlySet<string>): BodyShape {
  if (shape.text) return shape;
  const keys = shape.keys.filter((k) => !ignore.has(k.name)).map((k) => (k.nested ? { name: k.name, nested: k.nested.filter((n) => !ignore.has(n)) } : k));
  return keys.length ? { problemJson: shape.problemJson, keys } : shape;
}

/**
 * A body is compatible with the dominant shape when it has every key the dominant shape has (extra members
 * are extensions, as RFC 9457 allows) and no key holds an object where the other holds a plain value. The
 * dominant shape's outcome flag (`success`, `ok`) may be missing: in an error answer its absence reads as false to
 * a client testing `body.success`.
 */
export function isCompatible(site: BodyShape, dominant: BodyShape): boolean {
  if (Boolean(site.text) !== Boolean(dominant.text)) return false;
  for (const d of dominant.keys) {
    const s = site.keys.find((k) => k.name === d.name);
    if (!s && (d.name === 'success' || d.name === 'ok') && !d.nested && site.keys.length > 0) continue;
    if (!s) return false;
    if (Boolean(s.nested) !== Boolean(d.nested)) return false;
    if (d.nested && s.nested && !d.nested.every((n) => s.nested!.includes(n))) return false;
  }
  return true;
}

/** The object literal a body expression is: `{…}`, `JSON.stringify({…})`, or a `const` bound to one in scope. */
function bodyObject(t: TS, expr: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(t, expr);
  if (t.isObjectLiteralExpression(e)) return e;
  if (t.isCallExpression(e) && e.arguments[0] && t.isPropertyAccessExpression(e.expression) && e.expression.getText() === 'JSON.stringify') {
    return depth < 2 ? bodyObject(t, e.arguments[0], depth + 1) : undefined;
  }
  if (t.isIdentifier(e) && depth < 2) {
    const decl = localConst(t, e);
    if (decl?.initializer) return bodyObject(t, decl.initializer, depth + 1);
  }
  return undefined;
}

/** `const body = {…}` in an enclosing block of the same function, declared before `id`. */
function localConst(t: TS, id: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let n: ts.Node | undefined = id.parent; n && !isFunctionLike(t, n); n = n.parent) {
    if (!t.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st.pos >= id.pos) break;
      if (!t.isVariableStatement(st) || !(st.declarationList.flags & t.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name) && d.name.text === id.text) return d;
    }
  }
  return undefined;
}

/** `422` / `HttpStatus.NOT_FOUND`: a status argument. */
function isStatusArgument(t: TS, e: ts.Expression): boolean {
  return t.isNumericLiteral(e) || (t.isPropertyAccessExpression(e) && /^[A-Z][A-Z0-9_]*$/.test(e.name.text));
}

/** `'Not found'`, `` `No order ${id}` ``, `'Bad ' + field`: a body that is text whatever the values. */
function isTextPayload(t: TS, expr: ts.Expression): boolean {
  const e = skipOuter(t, expr);
  if (t.isStringLiteralLike(e) || t.isTemplateExpression(e)) return true;
  return t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken && (isTextPayload(t, e.left) || isTextPayload(t, e.right));
}

// Error factories whose thrown error h3/Nitro serialises as `{ statusCode, statusMessage, message, data }`.
const H3_MODULES = new Set(['h3', 'nitropack', 'nitropack/runtime', '#imports', 'nuxt/app', '#app']);

/** `errorBody(…)` / `Errors.toBody(…)`: the name of the function building a body, if the body is a call. */
function builderName(t: TS, expr: ts.Expression): string | undefined {
  let e = skipOuter(t, expr);
  if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.getText() === 'JSON.stringify' && e.arguments[0]) e = skipOuter(t, e.arguments[0]);
  if (!t.isCallExpression(e)) return undefined;
  const callee = skipOuter(t, e.expression);
  if (t.isIdentifier(callee)) return callee.text;
  if (t.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `app.post('/cron/cleanup', …)`: the path of the route registration around the node, if any. */
function routePath(t: TS, node: ts.Node): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (!t.isCallExpression(n)) continue;
    const first = n.arguments[0];
    if (first && t.isStringLiteralLike(first) && first.text.startsWith('/') && t.isPropertyAccessExpression(n.expression)) return first.text;
  }
  return undefined;
}

const PROXY_CALLS = /^(?:fetch|proxy|forward|pipe|pipeline|web|request)$/;

/** The function relays another server's answer (`fetch(upstream)`, `proxy.web(req, res)`, `upstream.pipe(res)`). */
function proxies(t: TS, fn: ts.Node | undefined): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isCallExpression(n)) {
      const callee = skipOuter(t, n.expression);
      const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (PROXY_CALLS.test(name)) found = true;
    }
    t.forEachChild(n, visit);
  };
  if (fn) visit(fn);
  return found;
}

/** Routes a person reaches from a link or a redirect in a browser: an OAuth callback, an unsubscribe link. */
const BROWSER_LANDING = /(?:^|\/)(?:oauth|callback|unsubscribe|opt-?out)(?:\/|\.[cm]?[jt]sx?$|$)/i;

/** `res.setHeader('WWW-Authenticate', 'Basic realm="…"')` in the function: an HTTP authentication challenge. */
function setsAuthChallenge(t: TS, fn: ts.Node | undefined): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isStringLiteralLike(n) && n.text.toLowerCase() === 'www-authenticate') found = true;
    t.forEachChild(n, visit);
  };
  if (fn) visit(fn);
  return found;
}

/** `'<h1>Not found</h1>'`: an HTML page, not an API's text error. */
function isHtml(t: TS, expr: ts.Expression): boolean {
  const e = skipOuter(t, expr);
  const text = t.isStringLiteralLike(e) ? e.text : t.isTemplateExpression(e) ? e.head.text : '';
  return /<(?:!doctype|html|body|h\d|p|div|pre)\b/i.test(text);
}

function inCatch(t: TS, node: ts.Node): boolean {
  for (let n = node.parent; n && !isFunctionLike(t, n); n = n.parent) if (t.isCatchClause(n)) return true;
  return false;
}

/** A `problem+json` media type written in the function (or the node): the answer follows RFC 9457. */
function mentionsProblemJson(t: TS, fn: ts.Node | undefined, node: ts.Node): boolean {
  return containsNode(t, fn ?? node, (x) => (t.isStringLiteralLike(x) || t.isTemplateLiteralToken(x)) && x.text.includes(PROBLEM_JSON));
}

/** Outermost non-handler function that holds the node, for grouping sites by the function that writes them. */
function ownerOf(t: TS, fn: FunctionLike | undefined, filePath: string): string {
  if (!fn) return `${filePath}#module`;
  return `${filePath}#${functionName(t, fn) ?? 'anonymous'}@${fn.pos}`;
}

function roleOf(t: TS, fn: FunctionLike | undefined, receivers: readonly string[], knowledge: Parameters<typeof errorHandlerKind>[2]): SiteRole {
  if (!fn) return 'inline';
  const kind = errorHandlerKind(t, fn, knowledge);
  if (kind === 'error-middleware' || kind === 'error-handler' || kind === 'exception-filter') return 'error-handler';
  if (isHttpHandler(t, fn)) return 'inline';
  const name = functionName(t, fn);
  if (!name) return 'inline';
  const takesResponse = fn.parameters.some((p) => t.isIdentifier(p.name) && receivers.includes(p.name.text));
  return ERRORISH_NAME.test(name) || takesResponse ? 'helper' : 'inline';
}

/** `{ success: true, … }` / `{ ok: true }`: a success body, even in a catch (a fallback answer). */
function reportsSuccess(t: TS, obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => t.isPropertyAssignment(p) && ['success', 'ok'].includes(propertyNameText(t, p.name) ?? '') && p.initializer.kind === t.SyntaxKind.TrueKeyword);
}

function reportsError(shape: BodyShape): boolean {
  return shape.keys.some((k) => ERROR_REPORT_KEYS.has(k.name) || ERROR_REPORT_KEYS.has(k.name.toLowerCase()));
}

/** `{ success: false }` / `{ ok: false }` with an error status: an outcome envelope. */
function hasOutcomeKey(shape: BodyShape): boolean {
  return shape.keys.some((k) => k.name === 'success' || k.name === 'ok');
}

interface Unit {
  shape: BodyShape;
  canonical: string;
  /** Responses it stands for (a helper counts once per call). */
  weight: number;
  file: string;
  site: Site;
  role: SiteRole;
  owner: string;
  /** Where a finding goes: the site, or the helper/builder that defines the body. */
  reportAt: { file: string; site: Site };
}

function where(u: Unit): string {
  const at = `${u.reportAt.file}:${u.reportAt.site.line}`;
  if (u.role === 'error-handler') return `written by the error handler at ${at}`;
  if (u.role === 'helper') return `written by the helper at ${at}`;
  return `e.g. ${at}`;
}

/** Builds the units of comparison from every file's facts. */
function unitsOf(files: readonly ProjectFile<ShapeFact>[], options: Options): Unit[] {
  const ignore = new Set(options.ignoreKeys);
  const builders = new Map<string, { file: string; site: Site; shape: BodyShape } | null>();
  const calls = new Map<string, number>();
  let reshapedExceptions = false;
  const handlers = new Set<string>();
  for (const f of files) {
    for (const fact of f.facts) {
      if (fact.type === 'filter') reshapedExceptions = true;
      if (fact.type === 'handler') handlers.add(fact.name);
      if (fact.type === 'call') calls.set(fact.name, (calls.get(fact.name) ?? 0) + 1);
      if (fact.type === 'builder') {
        const prev = builders.get(fact.name);
        if (prev === undefined) builders.set(fact.name, { file: f.file, site: fact.site, shape: fact.shape });
        else if (prev && formatShape(prev.shape) !== formatShape(fact.shape)) builders.set(fact.name, null);
      }
    }
  }
  const units: Unit[] = [];
  for (const f of files) {
    for (const fact of f.facts) {
      if (fact.type === 'body') {
        if (fact.exception && (reshapedExceptions || !options.checkExceptions)) continue;
        const shape = withoutKeys(fact.shape, ignore);
        const weight = 1 + (fact.helper ? (calls.get(fact.helper) ?? 0) : 0);
        const role = fact.helper !== undefined && handlers.has(fact.helper) ? 'error-handler' : fact.role;
        units.push({ shape, canonical: formatShape(shape), weight, file: f.file, site: fact.site, role, owner: fact.owner, reportAt: { file: f.file, site: fact.site } });
      } else if (fact.type === 'built') {
        const builder = builders.get(fact.builder);
        if (!builder) continue;
        const shape = withoutKeys({ keys: builder.shape.keys, problemJson: builder.shape.problemJson || fact.problemJson }, ignore);
        units.push({ shape, canonical: formatShape(shape), weight: 1, file: f.file, site: fact.site, role: 'helper', owner: `${builder.file}#${fact.builder}`, reportAt: { file: builder.file, site: builder.site } });
      }
    }
  }
  return units;
}

const ROLE_RANK: Record<SiteRole, number> = { 'error-handler': 0, helper: 1, inline: 2 };

export default defineProjectRule<MessageIds, Options, ShapeFact>({
  meta: {
    id: 'inconsistent-error-shape',
    family: 'project',
    scope: 'project',
    risk: 'low',
    description: 'Report HTTP error responses whose body shape differs from the shape most of the API uses.',
    messages: {
      inconsistentShape: 'Error response body {{shape}} differs from the dominant error shape {{dominant}} ({{count}} of {{total}} error responses, {{where}}).',
      noConvention: 'The API has no error response convention: its {{total}} error responses use {{shapes}} body shapes, and the most common, {{dominant}}, covers only {{count}} of them ({{where}}).',
      chooseOneShape: 'Choose one error shape, write it in one helper or the central error handler, and move every error response to it.',
      useDominantShape: 'Return the dominant shape {{dominant}} here, or throw and let the central error handler write it.',
      useProblemDetails: 'Or move every error response to RFC 9457 problem details (type, title, status, detail, instance, plus an error code and a trace id) sent as application/problem+json.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreKeys: { type: 'array', items: { type: 'string' }, description: 'Keys left out when comparing shapes (optional members such as `stack` or `details`).' },
        checkExceptions: { type: 'boolean', description: 'Count the object payloads of thrown HTTP exceptions (NestJS `new BadRequestException({ … })`) as error bodies.' },
      },
    },
    defaultOptions: { ignoreKeys: ['stack', 'timestamp', 'path', 'traceId', 'requestId', 'correlationId'], checkExceptions: true },
    fixable: false,
    hasSuggestions: true,
    // precision 0.05 on unseen repositories (issue 14)
    preset: 'strict',
    precision: 'low',
    roles: ['server'],
  },
  create(context) {
    const t = context.ts;
    const { knowledge, sourceFile: sf, filePath } = context;
    // .tsx/.jsx modules are UI: a Remix loader's `json({ error }, 400)` feeds its page, not an API client
    // a webhook's answer is read by the sender's retry logic, not by an API client
    // a scheduler's or a queue's endpoint answers its retry logic: `/api/cron/…`, `/jobs/`, `/internal/`
    if (JSX_FILE.test(filePath) || WEBHOOK_PATH.test(filePath) || INTERNAL_PATH.test(filePath)) return {};
    const isRouteFile = routeConventionOf(filePath, 'anywhere') !== undefined;
    // `new Response('Unauthorized', { status: 401 })` is an API's text error in a route handler, a page's elsewhere
    const textSink = (kind: string): boolean => kind === 'method' || kind === 'body' || (isRouteFile && (kind === 'class' || kind === 'factory'));
    const imports = importsOf(t, sf);
    const receivers = knowledge.http.responseReceivers;

    const onSink = (node: ts.Node): boolean => {
      const sink = responseSinkAt(t, node, knowledge, imports);
      if (!sink) return false;
      const route = routePath(t, node);
      if (route && (INTERNAL_PATH.test(route) || WEBHOOK_PATH.test(route))) return true;
      const fn = enclosingFunction(t, node);
      if (sink.kind === 'error-factory') {
        // throw createError({ statusCode: 404, statusMessage: 'Not found', data }) — h3 / Nitro (auto-imported in Nuxt)
        const call = node as ts.CallExpression;
        const from = t.isIdentifier(call.expression) ? imports.get(call.expression.text) : undefined;
        const options = call.arguments[0] && skipOuter(t, call.arguments[0]);
        if (sink.name !== 'createError' || (from ? !H3_MODULES.has(from.module) : !NUXT_SERVER.test(filePath))) return true;
        if (!options || !t.isObjectLiteralExpression(options) || !shapeOfObject(t, options)) return true;
        const names = new Set(options.properties.map((p) => (p.name ? propertyNameText(t, p.name) : undefined)));
        const keys: ShapeKey[] = ['message', 'statusCode', 'statusMessage', ...(names.has('data') ? ['data'] : [])].sort().map((name) => ({ name }));
        const role = roleOf(t, fn, receivers, knowledge);
        context.collect({ type: 'body', shape: { keys, problemJson: false }, site: context.site(options), role, owner: ownerOf(t, fn, filePath), exception: true });
        return true;
      }
      const role = roleOf(t, fn, receivers, knowledge);
      const owner = ownerOf(t, role === 'inline' ? undefined : fn, filePath) + (role === 'inline' ? `@${node.pos}` : '');
      const problemJson = mentionsProblemJson(t, fn, node);
      const helper = role === 'helper' && fn ? functionName(t, fn) : undefined;
      if (sink.kind === 'exception') {
        const newExpr = node as ts.NewExpression;
        const name = (sink.name.split('.').pop() ?? sink.name);
        if (OPTION_EXCEPTIONS.has(name)) return true;
        // new BadRequestException({ code, message }) / new HttpException(422, { errors }) — the body is the first
        // argument after a status; `new HttpException(msg, 400, { cause })` takes options after the body
        const first = (newExpr.arguments ?? []).map((a) => skipOuter(t, a)).find((a) => !isStatusArgument(t, a));
        const payload = first && t.isObjectLiteralExpression(first) ? first : undefined;
        const keys = payload && shapeOfObject(t, payload);
        if (payload && keys?.length) context.collect({ type: 'body', shape: { keys, problemJson }, site: context.site(payload), role, owner, exception: true, ...(helper ? { helper } : {}) });
        return true;
      }
      if (sink.status !== undefined && sink.status < 400) return true;
      // res.render(view, locals): an HTML page's data, not an error body
      if (sink.name.endsWith('.render')) return true;
      const payload = sink.payloads[0];
      if (!payload) return true;
      const errorContext =
        sink.status !== undefined || role === 'error-handler' || (helper !== undefined && ERRORISH_NAME.test(helper)) || inCatch(t, node) || (fn !== undefined && errorHandlerKind(t, fn, knowledge) === 'rejection');
      if (!errorContext) return true;
      const obj = bodyObject(t, payload);
      // res.status(404).send('Not found') / c.text('Unauthorized', 401): text where the API may answer JSON
      if (!obj && sink.status !== undefined && textSink(sink.kind) && (isTextPayload(t, payload) || sink.name.endsWith('.text'))) {
        // an HTML page, or a proxy relaying the upstream's failure, is not the JSON API's text error; nor is a
        // line for a person landing from a link or a redirect (an OAuth callback, an unsubscribe link), or an HTTP
        // Basic challenge (its 401 with WWW-Authenticate makes the browser prompt)
        if (isHtml(t, payload) || proxies(t, fn) || BROWSER_LANDING.test(route ?? filePath) || setsAuthChallenge(t, fn)) return true;
        context.collect({ type: 'body', shape: { keys: [], problemJson: false, text: true }, site: context.site(payload), role, owner, exception: false, ...(helper ? { helper } : {}) });
        return true;
      }
      if (obj) {
        const keys = shapeOfObject(t, obj);
        if (!keys?.length) return true;
        const shape = { keys, problemJson };
        // only a body that reads as an error report is an error body: `{ isAvailable: false }` with a 503 is a
        // probe's answer; without an error status, `{ success: true }` in a catch is a fallback answer
        if (!reportsError(shape) && !(sink.status !== undefined && hasOutcomeKey(shape))) return true;
        if (sink.status === undefined && reportsSuccess(t, obj)) return true;
        // a JSON-RPC error (MCP, LSP) and an OAuth 2 error (`{ error, error_description }`, RFC 6749 5.2, read by
        // OAuth clients, not by the API's own) have the shape their protocol defines: neither the API's
        // convention nor a departure from it
        if (keys.some((k) => k.name === 'jsonrpc' || k.name === 'error_description')) return true;
        context.collect({ type: 'body', shape, site: context.site(obj), role, owner, exception: false, ...(helper ? { helper } : {}) });
        return true;
      }
      const builder = builderName(t, payload);
      if (builder) context.collect({ type: 'built', builder, problemJson, site: context.site(payload), owner });
      return true;
    };

    return {
      CallExpression(call) {
        if (onSink(call)) return;
        // app.onError(handleError) / fastify.setErrorHandler(errorHandler)
        const registrar = t.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
        const handlerArg = call.arguments.at(-1);
        if (registrar && HANDLER_REGISTRARS.has(registrar) && handlerArg && t.isIdentifier(handlerArg)) context.collect({ type: 'handler', name: handlerArg.text });
        // sendError(res, 404, 'not found') / this.fail(reply, err)
        if (!call.arguments.some((a) => t.isIdentifier(a) && receivers.includes(a.text))) return;
        const callee = skipOuter(t, call.expression);
        const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (name && !['status', 'json', 'send', 'next'].includes(name)) context.collect({ type: 'call', name });
      },
      NewExpression: onSink,
      BinaryExpression: onSink,
      ReturnStatement(ret) {
        if (onSink(ret)) return;
        // function errorBody(code, message) { return { error: { code, message } }; }
        const value = ret.expression && skipOuter(t, ret.expression);
        if (!value || !t.isObjectLiteralExpression(value)) return;
        const fn = enclosingFunction(t, ret);
        const name = fn && functionName(t, fn);
        if (!fn || !name || !ERRORISH_NAME.test(name) || isHttpHandler(t, fn)) return;
        const keys = shapeOfObject(t, value);
        if (keys && keys.length > 0) context.collect({ type: 'builder', name, shape: { keys, problemJson: mentionsProblemJson(t, fn, ret) }, site: context.site(value) });
      },
      ClassDeclaration(cls) {
        // @Catch() / @Catch(HttpException) class AllExceptionsFilter — thrown payloads pass through it
        for (const d of (t.canHaveDecorators(cls) ? t.getDecorators(cls) : undefined) ?? []) {
          const e = d.expression;
          if (!t.isCallExpression(e) || !t.isIdentifier(e.expression) || e.expression.text !== 'Catch') continue;
          if (e.arguments.length === 0 || e.arguments.some((a) => { const name = dottedName(t, a); return name === 'HttpException' || name?.endsWith('.HttpException') === true; })) context.collect({ type: 'filter' });
        }
      },
    };
  },
  check(files, context) {
    const relevant = files.filter((f) => f.role === 'server');
    // each app of a monorepo has its own API: judge it with the packages it is built from
    const judged = appGroups(relevant, context.packages, context.manifest)
      .filter((group, _, all) => all.length === 1 || group.own.length > 0)
      .map((group) => ({ group, result: judge(group.files, context.options) }))
      .filter((x): x is { group: AppGroup<ShapeFact>; result: Judgement } => x.result !== undefined);
    const rows = judged.flatMap(({ group, result }) => (judged.length > 1 ? result.rows.map((r) => ({ ...r, app: group.dir || '.' })) : result.rows));
    if (rows.length) context.publish('errorShapes', rows);
    for (const { result } of judged) for (const d of result.reports) context.report(d);
  },
});

interface Judgement {
  rows: ErrorShapeRow[];
  reports: ProjectReportDescriptor<MessageIds>[];
}

/** The shapes of one API's error bodies and the sites that depart from the dominant one. */
function judge(files: readonly ProjectFile<ShapeFact>[], options: Options): Judgement | undefined {
  const units = unitsOf(files, options);
  if (units.length < 2) return undefined;
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const list = groups.get(u.canonical);
    if (list) list.push(u);
    else groups.set(u.canonical, [u]);
  }
  if (groups.size < 2) return undefined;
  // one helper or one error middleware writes every error body: nothing to unify
  if (new Set(units.map((u) => u.owner)).size < 2) return undefined;

  const rows = [...groups.values()].map((list) => ({
    list,
    count: list.reduce((n, u) => n + u.weight, 0),
    bestRole: Math.min(...list.map((u) => ROLE_RANK[u.role])),
    problemJson: list[0]!.shape.problemJson,
  }));
  rows.sort((a, b) => b.count - a.count || a.bestRole - b.bestRole || Number(b.problemJson) - Number(a.problemJson) || a.list[0]!.file.localeCompare(b.list[0]!.file) || a.list[0]!.site.start - b.list[0]!.site.start);
  // The central error handler's shape is the API's contract (every thrown error is answered with it) when the
  // handler writes one shape and it is used at least half as often as the top one; a handler's lone special case
  // (a 401 for a JWT error) or a sub-app's handler (Hono `auth.onError`) beside a larger API is not the contract.
  const handlerUnits = units.filter((u) => u.role === 'error-handler');
  const handlerRow = rows.find((r) => r.bestRole === ROLE_RANK['error-handler']);
  const handlerShapes = new Set(handlerUnits.map((u) => u.canonical));
  // A catch-all exception filter (NestJS `@Catch()`) answers every thrown error: its shape is the contract.
  const catchAll = files.some((f) => f.facts.some((x) => x.type === 'filter'));
  const handlerIsContract = !!handlerRow && handlerShapes.size === 1 && (catchAll || handlerRow.count * 2 >= rows[0]!.count);
  if (handlerRow && handlerRow !== rows[0] && handlerIsContract) {
    rows.splice(0, 0, ...rows.splice(rows.indexOf(handlerRow), 1));
  }
  const dominant = rows[0]!;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const definer = [...dominant.list].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role])[0]!;
  const dominantShape = dominant.list[0]!.shape;

  const summary: ErrorShapeRow[] = rows.map((r, i) => {
    const def = [...r.list].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role])[0]!;
    return {
      shape: r.list[0]!.canonical,
      count: r.count,
      dominant: i === 0,
      problemJson: r.problemJson,
      examples: r.list.slice(0, 3).map((u) => ({ file: u.file, line: u.site.line, column: u.site.column })),
      ...(def.role !== 'inline' ? { definedAt: { file: def.reportAt.file, line: def.reportAt.site.line, column: def.reportAt.site.column, kind: def.role === 'error-handler' ? ('error-handler' as const) : ('helper' as const) } } : {}),
    };
  });

  const data = { dominant: dominant.list[0]!.canonical, count: dominant.count, total, where: where(definer) };
  const reports: ProjectReportDescriptor<MessageIds>[] = [];
  // Under half the responses agree and no central handler sets the contract: no site "departs" from a
  // convention, so one finding says so instead of hundreds that each name a shape most of the API ignores too.
  if (dominant.count * 2 < total && !handlerIsContract) {
    const suggest: SuggestionDescriptor<MessageIds>[] = [{ messageId: 'chooseOneShape', edits: [] }, { messageId: 'useProblemDetails', edits: [] }];
    reports.push({ file: definer.reportAt.file, site: definer.reportAt.site, messageId: 'noConvention', data: { ...data, shapes: rows.length }, suggest });
    return { rows: summary, reports };
  }
  for (const row of rows.slice(1)) {
    for (const u of row.list) {
      // a catch-all exception filter answers every thrown error: the sites that bypass it are the departures
      if ((catchAll && u.role === 'error-handler') || isCompatible(u.shape, dominantShape)) continue;
      const suggest: SuggestionDescriptor<MessageIds>[] = [{ messageId: 'useDominantShape', data: { dominant: data.dominant }, edits: [] }];
      if (!dominantShape.problemJson) suggest.push({ messageId: 'useProblemDetails', edits: [] });
      reports.push({ file: u.reportAt.file, site: u.reportAt.site, messageId: 'inconsistentShape', data: { shape: u.canonical, ...data }, suggest });
    }
  }
  return { rows: summary, reports };
}
