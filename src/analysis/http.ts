/**
 * HTTP boundaries: where a value leaves for the client (response sinks, public exceptions), which parameters
 * hold the error in framework error handlers, and which calls go out over the network. Recognition is driven by
 * the `http` knowledge table; the rules decide what to report.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeMethod, dottedName, hasModifier, isFunctionLike, skipOuter, type FunctionLike } from './ast.js';
import { promiseHandler } from './catch.js';
import { propertyNameText, resolveIdentifier, type Binding, type ImportMap } from './scope.js';
import { nameWords } from './sensitive.js';

export type SinkKind = 'method' | 'body' | 'factory' | 'class' | 'exception' | 'error-factory' | 'lambda';

/** A place where values reach an HTTP client. */
export interface ResponseSink {
  kind: SinkKind;
  node: ts.Node;
  /** The values that are sent. */
  payloads: ts.Expression[];
  /** The literal status, when the code states it. */
  status?: number;
  /** `res.json`, `reply.send`, `NextResponse.json`, `HttpException`… */
  name: string;
  /** The response object's name for method and body sinks (`res`, `reply`, `ctx`). */
  receiver?: string;
}

const NEST_STATUS: Record<string, number> = {
  BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404,
  MethodNotAllowedException: 405, NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409,
  GoneException: 410, PreconditionFailedException: 412, PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415,
  ImATeapotException: 418, MisdirectedException: 421, UnprocessableEntityException: 422, InternalServerErrorException: 500,
  NotImplementedException: 501, BadGatewayException: 502, ServiceUnavailableException: 503, GatewayTimeoutException: 504,
  UserInputError: 400, AuthenticationError: 401, ForbiddenError: 403,
};
const TRPC_STATUS: Record<string, number> = {
  PARSE_ERROR: 400, BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408, CONFLICT: 409, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429, CLIENT_CLOSED_REQUEST: 499, INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501,
};
const HTTP_STATUS_NAMES: Record<string, number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
};

/** A status code written as a number, `HttpStatus.BAD_REQUEST` or `StatusCodes.NOT_FOUND`. */
export function literalStatus(t: TS, expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = skipOuter(t, expr);
  if (t.isNumericLiteral(e)) return Number(e.text);
  if (t.isPropertyAccessExpression(e)) return HTTP_STATUS_NAMES[e.name.text];
  return undefined;
}

function objectProperty(t: TS, obj: ts.Expression | undefined, name: string): ts.Expression | undefined {
  if (!obj) return undefined;
  const o = skipOuter(t, obj);
  if (!t.isObjectLiteralExpression(o)) return undefined;
  for (const p of o.properties) {
    if (t.isPropertyAssignment(p) && propertyNameText(t, p.name) === name) return p.initializer;
    if (t.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** Argument values of an exception or error factory that reach the client: all but `cause`-like options. */
function publicPayloads(t: TS, args: readonly ts.Expression[], knowledge: Knowledge): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const arg of args) {
    const a = skipOuter(t, arg);
    if (t.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        const key = t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p) ? propertyNameText(t, p.name) : undefined;
        if (key !== undefined && knowledge.http.privateErrorProperties.includes(key)) continue;
        if (key === 'status' || key === 'statusCode' || key === 'code') continue;
        if (t.isPropertyAssignment(p)) out.push(p.initializer);
        else if (t.isShorthandPropertyAssignment(p)) out.push(p.name);
        else if (t.isSpreadAssignment(p)) out.push(p.expression);
      }
    } else {
      out.push(arg);
    }
  }
  return out;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The root of `res.status(500).json` after stripping chained setters: `res`, and the status if one is set. */
function responseRoot(t: TS, receiver: ts.Expression, knowledge: Knowledge): { root: ts.Expression; status?: number } {
  let r = skipOuter(t, receiver);
  let status: number | undefined;
  while (t.isCallExpression(r)) {
    const callee = skipOuter(t, r.expression);
    if (!t.isPropertyAccessExpression(callee) || !knowledge.http.responseChainMethods.includes(callee.name.text)) break;
    if ((callee.name.text === 'status' || callee.name.text === 'code' || callee.name.text === 'writeHead') && status === undefined) status = literalStatus(t, r.arguments[0]);
    r = skipOuter(t, callee.expression);
  }
  return { root: r, status };
}

const localExceptions = new WeakMap<ts.SourceFile, { knowledge: Knowledge; names: ReadonlySet<string> }>();

/** Names of the file's top-level classes that extend a public exception, computed once per file. */
function localPublicExceptions(t: TS, sf: ts.SourceFile, knowledge: Knowledge): ReadonlySet<string> {
  const hit = localExceptions.get(sf);
  if (hit && hit.knowledge === knowledge) return hit.names;
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (t.isClassDeclaration(st) && st.name && st.heritageClauses && extendsPublicException(t, sf, st.name.text, knowledge)) names.add(st.name.text);
  }
  localExceptions.set(sf, { knowledge, names });
  return names;
}

/** Classes declared in this file whose `extends` chain reaches a public exception (`extends HttpException`). */
function extendsPublicException(t: TS, sf: ts.SourceFile, name: string, knowledge: Knowledge): boolean {
  const seen = new Set<string>();
  let current = name;
  for (let i = 0; i < 8 && !seen.has(current); i++) {
    seen.add(current);
    const cls = sf.statements.find((s): s is ts.ClassDeclaration => t.isClassDeclaration(s) && s.name?.text === current);
    const heritage = cls?.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!heritage) return false;
    const parent = dottedName(t, heritage);
    if (!parent) return false;
    if (knowledge.http.publicExceptions.includes(parent) || knowledge.http.publicExceptions.includes(lastSegment(parent))) return true;
    current = lastSegment(parent);
  }
  return false;
}

function isPublicException(t: TS, sf: ts.SourceFile, name: string, knowledge: Knowledge): boolean {
  return knowledge.http.publicExceptions.includes(name) || knowledge.http.publicExceptions.includes(lastSegment(name)) || (!name.includes('.') && extendsPublicException(t, sf, name, knowledge));
}

/** http-errors semantics: a message is exposed only below 500 (Koa `ctx.throw`, `createHttpError`). */
function exposesOnlyBelow500(name: string, imports: ImportMap): boolean {
  if (name === 'ctx.throw' || name === 'context.throw' || name === 'createHttpError' || name === 'httpErrors') return true;
  const b = imports.get(name.split('.')[0]!);
  return b?.module === 'http-errors';
}

const setCache = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A knowledge list as a set, built once per list. */
export function setOf(list: readonly string[]): ReadonlySet<string> {
  let s = setCache.get(list);
  if (!s) setCache.set(list, (s = new Set(list)));
  return s;
}

/** `module#export` of an imported callee: `json` from '@sveltejs/kit', `Boom.badRequest` from '@hapi/boom'. */
function importedName(t: TS, callee: ts.Expression, imports: ImportMap): string | undefined {
  if (t.isIdentifier(callee)) {
    const b = imports.get(callee.text);
    return b && b.imported !== '*' && b.imported !== 'default' ? `${b.module}#${b.imported}` : undefined;
  }
  if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression)) {
    const b = imports.get(callee.expression.text);
    return b && (b.imported === '*' || b.imported === 'default') ? `${b.module}#${callee.name.text}` : undefined;
  }
  return undefined;
}

/**
 * The response sink at `node`: `res.json(x)`, `res.status(500).send(x)`, `reply.code(500).send(x)`, `c.json(x, 500)`,
 * `ctx.body = x`, `new Response(x)`, `NextResponse.json(x)`, `new HttpException(x)`, `new TRPCError({ message })`,
 * `createError({ message })`, `ctx.throw(400, x)`, and a Lambda-style `return { statusCode, body }`.
 */
export function responseSinkAt(t: TS, node: ts.Node, knowledge: Knowledge, imports: ImportMap): ResponseSink | undefined {
  return computeSink(t, node, knowledge, imports);
}

const sinkNames = new WeakMap<Knowledge['http'], { calls: ReadonlySet<string>; classes: ReadonlySet<string> }>();

/** The last names a sink call or class can have: `json`, `throw`, `createError`, `HttpException`… */
function sinkLastNames(http: Knowledge['http']): { calls: ReadonlySet<string>; classes: ReadonlySet<string> } {
  let n = sinkNames.get(http);
  if (!n) {
    const exportOf = (e: string): string => e.slice(e.indexOf('#') + 1);
    n = {
      calls: new Set([...http.responseFactories, ...http.errorFactories].map(lastSegment).concat(http.responseMethods, http.importedResponseFactories.map(exportOf), http.importedErrorFactories.map(exportOf))),
      classes: new Set([...http.responseClasses, ...http.publicExceptions].map(lastSegment)),
    };
    sinkNames.set(http, n);
  }
  return n;
}

function lastName(t: TS, e: ts.Expression): string | undefined {
  const x = skipOuter(t, e);
  return t.isIdentifier(x) ? x.text : t.isPropertyAccessExpression(x) ? x.name.text : undefined;
}

function computeSink(t: TS, node: ts.Node, knowledge: Knowledge, imports: ImportMap): ResponseSink | undefined {
  const http = knowledge.http;
  if (t.isCallExpression(node)) {
    // most calls end in a name no sink has: answer before building dotted names
    const last = lastName(t, node.expression);
    if (last === undefined || !sinkLastNames(http).calls.has(last)) return undefined;
    const name = dottedName(t, node.expression);
    const callee = skipOuter(t, node.expression);
    if (name && http.responseFactories.includes(name)) {
      return { kind: 'factory', node, name, payloads: node.arguments.slice(0, 1), status: literalStatus(t, objectProperty(t, node.arguments[1], 'status')) };
    }
    const imported = imports.size > 0 ? importedName(t, callee, imports) : undefined;
    if (imported && setOf(http.importedResponseFactories).has(imported)) {
      // json(body, { status: 500 }) — SvelteKit, Remix
      return { kind: 'factory', node, name: name ?? imported, payloads: node.arguments.slice(0, 1), status: literalStatus(t, objectProperty(t, node.arguments[1], 'status')) };
    }
    if (imported && setOf(http.importedErrorFactories).has(imported)) {
      // error(500, message) — SvelteKit / Boom.badRequest(message)
      const first = node.arguments[0];
      const status = literalStatus(t, first);
      return { kind: 'error-factory', node, name: name ?? imported, payloads: publicPayloads(t, node.arguments.filter((a) => literalStatus(t, a) === undefined).slice(0, 1), knowledge), status };
    }
    if (name && (http.errorFactories.includes(name) || http.errorFactories.includes(lastSegment(name)))) {
      const first = node.arguments[0];
      const status = literalStatus(t, first) ?? literalStatus(t, objectProperty(t, first, 'statusCode') ?? objectProperty(t, first, 'status'));
      if (exposesOnlyBelow500(name, imports) && (status === undefined || status >= 500)) return undefined;
      return { kind: 'error-factory', node, name, payloads: publicPayloads(t, node.arguments.filter((a) => literalStatus(t, a) === undefined), knowledge), status };
    }
    if (t.isPropertyAccessExpression(callee) && http.responseMethods.includes(callee.name.text) && node.arguments.length > 0) {
      const { root, status } = responseRoot(t, callee.expression, knowledge);
      const receiver = dottedName(t, root);
      if (!receiver || !http.responseReceivers.includes(receiver)) return undefined;
      const method = callee.name.text;
      const payloads = method === 'render' ? node.arguments.slice(1, 2) : node.arguments.slice(0, 1);
      // Hono: c.json(body, 500)
      const honoStatus = (method === 'json' || method === 'text' || method === 'html' || method === 'body') ? literalStatus(t, node.arguments[1]) : undefined;
      return { kind: 'method', node, name: `${receiver}.${method}`, receiver, payloads, status: status ?? honoStatus };
    }
    return undefined;
  }
  if (t.isNewExpression(node)) {
    const last = lastName(t, node.expression);
    if (last === undefined || (!sinkLastNames(http).classes.has(last) && !localPublicExceptions(t, node.getSourceFile(), knowledge).has(last))) return undefined;
    const name = dottedName(t, node.expression);
    if (!name) return undefined;
    const args = node.arguments ?? [];
    if (http.responseClasses.includes(name)) {
      return { kind: 'class', node, name, payloads: args.slice(0, 1), status: literalStatus(t, objectProperty(t, args[1], 'status')) };
    }
    if (isPublicException(t, node.getSourceFile(), name, knowledge)) {
      const short = lastSegment(name);
      let status: number | undefined = NEST_STATUS[short];
      const code = objectProperty(t, args[0], 'code');
      if (short === 'TRPCError' && code && t.isStringLiteralLike(code)) status = TRPC_STATUS[code.text];
      // new HTTPException(500, { message }) (Hono) / new HttpException(msg, 500) (NestJS)
      const numeric = args.find((a) => literalStatus(t, a) !== undefined);
      if (numeric) status = literalStatus(t, numeric);
      return { kind: 'exception', node, name, payloads: publicPayloads(t, args.filter((a) => a !== numeric), knowledge), status };
    }
    return undefined;
  }
  if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(node.left)) {
    // ctx.body = x / ctx.response.body = x
    if (!http.responseBodyProperties.includes(node.left.name.text)) return undefined;
    const receiver = dottedName(t, node.left.expression);
    if (!receiver) return undefined;
    const root = receiver.endsWith('.response') ? receiver.slice(0, -'.response'.length) : receiver;
    if (!http.responseReceivers.includes(root) || root === 'res' || root === 'response' || root === 'reply') return undefined;
    return { kind: 'body', node, name: `${receiver}.${node.left.name.text}`, receiver: root, payloads: [node.right], status: koaStatusBefore(t, node, root) };
  }
  // handleServerError: (e) => e.message — next-safe-action answers the action's caller with it
  if (t.isArrowFunction(node) && !t.isBlock(node.body)) {
    const handler = serverErrorHandlerOf(t, node);
    return handler ? { kind: 'lambda', node, name: handler, payloads: [node.body] } : undefined;
  }
  if (t.isReturnStatement(node) && node.expression) {
    let fn: ts.Node | undefined = node.parent;
    while (fn && !isFunctionLike(t, fn)) fn = fn.parent;
    const handler = serverErrorHandlerOf(t, fn);
    if (handler) return { kind: 'lambda', node, name: handler, payloads: [node.expression] };
    // return { statusCode: 500, body: JSON.stringify(...) } — AWS Lambda / Netlify / Vercel function results
    const obj = skipOuter(t, node.expression);
    if (!t.isObjectLiteralExpression(obj)) return undefined;
    const body = objectProperty(t, obj, 'body');
    const statusCode = objectProperty(t, obj, 'statusCode');
    if (!body || !statusCode) return undefined;
    return { kind: 'lambda', node, name: 'return { statusCode, body }', payloads: [body], status: literalStatus(t, statusCode) };
  }
  return undefined;
}

/** Whether the statements open with the directive `'use server'`. */
function opensWithUseServer(t: TS, statements: readonly ts.Statement[]): boolean {
  for (const st of statements) {
    if (!t.isExpressionStatement(st) || !t.isStringLiteral(st.expression)) return false;
    if (st.expression.text === 'use server') return true;
  }
  return false;
}

/**
 * A Next.js server action: an exported top-level function of a `'use server'` module, or a function whose body
 * opens with `'use server'`. What it returns is serialised to the browser that called it.
 */
export function isServerAction(t: TS, fn: ts.Node): boolean {
  if (!isFunctionLike(t, fn) || !fn.body) return false;
  if (t.isBlock(fn.body) && opensWithUseServer(t, fn.body.statements)) return true;
  const sf = fn.getSourceFile();
  // export async function save() / export const save = async () => …
  const top = t.isFunctionDeclaration(fn) ? fn : fn.parent && t.isVariableDeclaration(fn.parent) ? fn.parent.parent?.parent : undefined;
  if (!top || top.parent !== sf || !hasModifier(t, top, t.SyntaxKind.ExportKeyword)) return false;
  return opensWithUseServer(t, sf.statements);
}

/** `ctx.status = 400` earlier in the same block. */
function koaStatusBefore(t: TS, node: ts.Node, root: string): number | undefined {
  let stmt: ts.Node = node;
  while (stmt.parent && !t.isBlock(stmt.parent) && !t.isSourceFile(stmt.parent)) stmt = stmt.parent;
  const block = stmt.parent as ts.Block | undefined;
  if (!block) return undefined;
  let status: number | undefined;
  for (const st of block.statements) {
    if (st === stmt) break;
    if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken && dottedName(t, st.expression.left) === `${root}.status`) {
      status = literalStatus(t, st.expression.right);
    }
  }
  return status;
}

/** Kinds of error sources. */
export type ErrorSourceKind = 'catch' | 'rejection' | 'error-middleware' | 'error-handler' | 'exception-filter' | 'callback';

const REQ_NAMES = /^_*(req|request|ctx|context|event|_)$/;
const RES_NAMES = /^_*(res|response|reply|rep|h)$/;
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findIndex', 'some', 'every', 'reduce', 'sort', 'then', 'finally']);
const ERROR_HANDLER_REGISTRARS = new Set(['setErrorHandler', 'onError', 'errorHandler', 'setNotFoundHandler']);

function decoratorCall(t: TS, node: ts.Node, name: string): ts.CallExpression | undefined {
  if (!t.canHaveDecorators(node)) return undefined;
  for (const d of t.getDecorators(node) ?? []) {
    const e = d.expression;
    if (t.isCallExpression(e) && dottedName(t, e.expression) === name) return e;
  }
  return undefined;
}

/**
 * NestJS `@Catch(...)` filter: the exception parameter of its `catch` method is an error source unless every
 * caught class is a public exception (`@Catch(HttpException)` exceptions carry client-facing messages).
 */
function exceptionFilterSource(t: TS, fn: FunctionLike, knowledge: Knowledge): boolean {
  if (!t.isMethodDeclaration(fn) || !t.isIdentifier(fn.name) || fn.name.text !== 'catch') return false;
  const cls = fn.parent;
  if (!cls || !(t.isClassDeclaration(cls) || t.isClassExpression(cls))) return false;
  const catchDecorator = decoratorCall(t, cls, 'Catch');
  if (!catchDecorator) return false;
  if (catchDecorator.arguments.length === 0) return true;
  // @Catch(NotEnoughScopes): a filter for the project's own error class answers the message that class carries
  return catchDecorator.arguments.some((a) => {
    const name = dottedName(t, a);
    return !name || !(knowledge.http.publicExceptions.includes(lastSegment(name)) || isPublicErrorClass(name, knowledge));
  });
}

/** Which kind of error handler `fn` is, when its first parameter receives an error. */
export function errorHandlerKind(t: TS, fn: FunctionLike, knowledge: Knowledge): ErrorSourceKind | undefined {
  const params = fn.parameters;
  if (params.length === 0) return undefined;
  const names = params.map((p) => (t.isIdentifier(p.name) ? p.name.text : ''));
  // app.use((err, req, res, next) => …)
  if (params.length === 4 && (REQ_NAMES.test(names[1]!) || RES_NAMES.test(names[2]!))) return 'error-middleware';
  if (exceptionFilterSource(t, fn, knowledge)) return 'exception-filter';
  const parent = fn.parent;
  if (parent && t.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) {
    const method = calleeMethod(t, parent);
    // promise.catch(err => …) / promise.then(ok, err => …)
    if (promiseHandler(t, parent)?.fn === fn) return 'rejection';
    // fastify.setErrorHandler((error, request, reply) => …) / app.onError((err, c) => …)
    if (method && ERROR_HANDLER_REGISTRARS.has(method) && method !== 'setNotFoundHandler') return 'error-handler';
    // app.on('error', (err, ctx) => …)
    if (method === 'on' && parent.arguments[0] && t.isStringLiteralLike(parent.arguments[0]) && parent.arguments[0].text === 'error') return 'error-handler';
    // db.query(sql, (err, rows) => …)
    if (method && !ITERATION_METHODS.has(method) && /^(err|error)$/.test(names[0]!)) return 'callback';
  }
  // { onError(err, req, res) { … } } / { onError: (error, event) => … }
  const holder = t.isMethodDeclaration(fn) ? fn : parent && t.isPropertyAssignment(parent) ? parent : undefined;
  const holderName = holder?.name ? propertyNameText(t, holder.name) : undefined;
  if (holderName === 'onError' || (holderName !== undefined && SERVER_ERROR_HANDLERS.has(holderName))) return 'error-handler';
  return undefined;
}

/** next-safe-action's `createSafeActionClient({ handleServerError(e) { return … } })`: what it returns is sent to the client. */
const SERVER_ERROR_HANDLERS = new Set(['handleServerError', 'handleReturnedServerError']);

/** The function `node` returns from, when that function is a next-safe-action server error handler. */
function serverErrorHandlerOf(t: TS, fn: ts.Node | undefined): string | undefined {
  if (!fn || !isFunctionLike(t, fn)) return undefined;
  const holder = t.isMethodDeclaration(fn) ? fn : fn.parent && t.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  const name = holder?.name ? propertyNameText(t, holder.name) : undefined;
  return name !== undefined && SERVER_ERROR_HANDLERS.has(name) ? name : undefined;
}

/**
 * The error source a binding is, if any: a catch binding, the error parameter of a rejection handler, an
 * Express error middleware, a Fastify/Hono/Koa/h3 error handler, a NestJS exception filter or a Node callback.
 * A destructured handler parameter (`onError(({ error }) => …)`) counts through its `error` key.
 */
export function errorSourceOf(t: TS, binding: Binding, knowledge: Knowledge): ErrorSourceKind | undefined {
  const decl = binding.declaration;
  if (t.isVariableDeclaration(decl) && decl.parent && t.isCatchClause(decl.parent)) return 'catch';
  if (!t.isParameter(decl)) return undefined;
  const fn = decl.parent;
  if (!isFunctionLike(t, fn)) return undefined;
  if (fn.parameters[0] !== decl) return undefined;
  const kind = errorHandlerKind(t, fn, knowledge);
  if (!kind) return undefined;
  if (t.isIdentifier(decl.name)) return kind;
  return undefined;
}

/** `onError(({ error }) => …)` (Elysia, tRPC adapters): the `error` key of a destructured handler parameter. */
export function isDestructuredErrorParameter(t: TS, binding: Binding, knowledge: Knowledge): boolean {
  const el = binding.declaration;
  if (!t.isBindingElement(el) || !t.isObjectBindingPattern(el.parent)) return false;
  const param = el.parent.parent;
  if (!param || !t.isParameter(param) || !isFunctionLike(t, param.parent)) return false;
  const key = propertyNameText(t, el.propertyName ?? el.name);
  return (key === 'error' || key === 'err') && errorHandlerKind(t, param.parent, knowledge) === 'error-handler';
}

// ---------------------------------------------------------------------------------------------------------
// Outbound clients

export type ClientKind = 'fetch' | 'undici' | 'axios' | 'got' | 'ofetch' | 'superagent' | 'node-http' | 'request';

/** An outbound HTTP call and where its options go. */
export interface OutboundCall {
  client: ClientKind;
  call: ts.CallExpression;
  /** The URL argument, when the call takes one. */
  url?: ts.Expression;
  /** Index of the options argument. */
  optionsIndex: number;
  /** Created from an instance (`axios.create(...)`, `got.extend(...)`) — its config, if visible. */
  instanceConfig?: ts.Expression | null;
  /** Throws on a non-2xx status by itself (axios, got, ofetch, superagent). */
  throwsOnStatus: boolean;
}

const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', '@whatwg-node/fetch', 'isomorphic-unfetch', 'unfetch']);
const AXIOS_BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const AXIOS_METHODS = new Set(['get', 'delete', 'head', 'options', 'request', ...AXIOS_BODY_METHODS]);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
/** The `request` library and its promise wrappers (deprecated, still common): `request(opts)`, `rp.get(url, opts)`. */
const REQUEST_MODULES = new Set(['request', 'request-promise', 'request-promise-native', 'requestretry']);
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);

function moduleOf(imports: ImportMap, name: string): { module: string; imported: string } | undefined {
  return imports.get(name);
}

/** The initializer of `name` (an identifier or `this.name`) in the file: `const api = axios.create(…)`. */
function instanceInitializer(t: TS, receiver: ts.Expression): ts.Expression | undefined {
  const r = skipOuter(t, receiver);
  if (t.isIdentifier(r)) {
    const b = resolveIdentifier(t, r);
    if (b && t.isVariableDeclaration(b.declaration) && b.declaration.initializer) return b.declaration.initializer;
    return undefined;
  }
  if (t.isPropertyAccessExpression(r) && r.expression.kind === t.SyntaxKind.ThisKeyword) {
    const name = r.name.text;
    for (let n: ts.Node | undefined = r.parent; n; n = n.parent) {
      if (!t.isClassDeclaration(n) && !t.isClassExpression(n)) continue;
      for (const m of n.members) {
        if (t.isPropertyDeclaration(m) && propertyNameText(t, m.name) === name && m.initializer) return m.initializer;
        if (t.isConstructorDeclaration(m) && m.body) {
          for (const st of m.body.statements) {
            if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken && dottedName(t, st.expression.left) === `this.${name}`) {
              return st.expression.right;
            }
          }
        }
      }
      break;
    }
  }
  return undefined;
}

function isModule(imports: ImportMap, name: string, modules: string[]): boolean {
  const b = moduleOf(imports, name);
  return b !== undefined && modules.includes(b.module);
}

/** `axios.create(cfg)` / `got.extend(cfg)` / `ofetch.create(cfg)`: the client and its config. */
function instanceOf(t: TS, receiver: ts.Expression, imports: ImportMap): { client: ClientKind; config: ts.Expression | null } | undefined {
  const init = instanceInitializer(t, receiver);
  if (!init) return undefined;
  const e = skipOuter(t, init);
  if (!t.isCallExpression(e)) return undefined;
  const name = dottedName(t, e.expression);
  if (!name) return undefined;
  const [root, method] = name.split('.');
  if (!root || !method) return undefined;
  if (method === 'create' && isModule(imports, root, ['axios'])) return { client: 'axios', config: e.arguments[0] ?? null };
  if (method === 'extend' && isModule(imports, root, ['got'])) return { client: 'got', config: e.arguments[0] ?? null };
  if (method === 'create' && isModule(imports, root, ['ofetch'])) return { client: 'ofetch', config: e.arguments[0] ?? null };
  return undefined;
}

/**
 * Whether the file can make an outbound call at all: it imports a client module or names a client function
 * (`fetch`). Lets a rule skip the file before looking at its calls.
 */
export function mayCallOut(text: string, knowledge: Knowledge, imports: ImportMap): boolean {
  for (const b of imports.values()) if (FETCH_MODULES.has(b.module) || REQUEST_MODULES.has(b.module) || knowledge.http.clientModules.includes(b.module)) return true;
  return knowledge.http.clientFunctions.some((f) => text.includes(f));
}

/** `fetchLib` of `import fetchLib from 'node-fetch'`, the global `fetch`, `globalThis.fetch`, `require('node-fetch')`. */
function isFetchValue(t: TS, e: ts.Expression, knowledge: Knowledge, imports: ImportMap, depth = 0): boolean {
  const x = skipOuter(t, e);
  if (t.isCallExpression(x) && t.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && t.isStringLiteralLike(x.arguments[0])) {
    return FETCH_MODULES.has(x.arguments[0].text);
  }
  if (t.isPropertyAccessExpression(x)) return dottedName(t, x) === 'globalThis.fetch' || dottedName(t, x) === 'global.fetch';
  if (!t.isIdentifier(x)) return false;
  const b = moduleOf(imports, x.text);
  if (b) return FETCH_MODULES.has(b.module) && (b.imported === 'fetch' || b.imported === 'default');
  const local = resolveIdentifier(t, x);
  if (!local) return knowledge.http.clientFunctions.includes(x.text);
  return depth < 3 && t.isVariableDeclaration(local.declaration) && local.declaration.initializer !== undefined && isFetchValue(t, local.declaration.initializer, knowledge, imports, depth + 1);
}

/**
 * The module a fetch function comes from: `fetch` of `import fetch from 'node-fetch'`, `const f = require('node-fetch')`
 * (through up to three local names); undefined for the global fetch or an unknown one.
 */
export function fetchLibraryOf(t: TS, e: ts.Expression, imports: ImportMap, depth = 0): string | undefined {
  const x = skipOuter(t, e);
  if (t.isCallExpression(x) && t.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && t.isStringLiteralLike(x.arguments[0])) {
    return FETCH_MODULES.has(x.arguments[0].text) ? x.arguments[0].text : undefined;
  }
  if (!t.isIdentifier(x)) return undefined;
  const b = moduleOf(imports, x.text);
  if (b) return FETCH_MODULES.has(b.module) ? b.module : undefined;
  const local = resolveIdentifier(t, x);
  return depth < 3 && local && t.isVariableDeclaration(local.declaration) && local.declaration.initializer ? fetchLibraryOf(t, local.declaration.initializer, imports, depth + 1) : undefined;
}

/** `const fetch = fetchLib` / `const doFetch = require('node-fetch')`: a local name for the fetch function. */
function isFetchAlias(t: TS, callee: ts.Identifier, knowledge: Knowledge, imports: ImportMap): boolean {
  const local = resolveIdentifier(t, callee);
  return local !== undefined && t.isVariableDeclaration(local.declaration) && local.declaration.initializer !== undefined && isFetchValue(t, local.declaration.initializer, knowledge, imports);
}

/** A function's body as statements, its parameters' names, for a declaration, an arrow or a method. */
function wrapperParts(t: TS, decl: ts.Node): { params: string[]; body: ts.ConciseBody } | undefined {
  let fn: ts.Node | undefined = decl;
  if (t.isVariableDeclaration(decl) && decl.initializer) fn = skipOuter(t, decl.initializer);
  if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn) || t.isMethodDeclaration(fn)) || !fn.body) return undefined;
  return { params: fn.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : '')), body: fn.body };
}

/**
 * `function fetchWithProxy(url, init) { return fetch(url, { ...init, agent }) }` or a class's own
 * `async fetch(url, options) { return fetch(url, options) }`: a project wrapper that hands its URL and options
 * to fetch and sets no timeout of its own, so each call of the wrapper is a fetch call.
 */
export function isFetchWrapper(t: TS, decl: ts.Node, knowledge: Knowledge, imports: ImportMap): boolean {
  const parts = wrapperParts(t, decl);
  if (!parts || !parts.params[0]) return false;
  const [url, init] = parts.params;
  let found = false;
  let sets = false;
  const visit = (n: ts.Node): void => {
    if (found || sets) return;
    if (t.isCallExpression(n) && n !== decl && t.isIdentifier(skipOuter(t, n.expression)) && isFetchValue(t, n.expression, knowledge, imports) && n.arguments[0] && t.isIdentifier(skipOuter(t, n.arguments[0])) && (skipOuter(t, n.arguments[0]) as ts.Identifier).text === url) {
      const o = n.arguments[1] ? skipOuter(t, n.arguments[1]) : undefined;
      if (o && t.isObjectLiteralExpression(o)) {
        sets = o.properties.some((p) => p.name !== undefined && /^(signal|timeout|dispatcher)$/.test(propertyNameText(t, p.name) ?? ''));
        found = !sets && (init === undefined || o.properties.some((p) => t.isSpreadAssignment(p) && t.isIdentifier(skipOuter(t, p.expression)) && (skipOuter(t, p.expression) as ts.Identifier).text === init));
      } else {
        found = o === undefined || (t.isIdentifier(o) && o.text === init);
      }
      return;
    }
    t.forEachChild(n, visit);
  };
  visit(parts.body);
  return found && !sets;
}

/** The declaration a wrapper call goes to: a same-file function, or `this.method` of the enclosing class. */
function wrapperDeclaration(t: TS, callee: ts.Expression): ts.Node | undefined {
  if (t.isIdentifier(callee)) {
    const local = resolveIdentifier(t, callee);
    return local && (t.isFunctionDeclaration(local.declaration) || t.isVariableDeclaration(local.declaration)) ? local.declaration : undefined;
  }
  if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
    for (let n: ts.Node | undefined = callee.parent; n; n = n.parent) {
      if (!t.isClassDeclaration(n) && !t.isClassExpression(n)) continue;
      return n.members.find((m) => t.isMethodDeclaration(m) && propertyNameText(t, m.name) === callee.name.text);
    }
  }
  return undefined;
}

/** Recognises an outbound HTTP call by the import its callee comes from (or the global `fetch`). */
export function outboundCallAt(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): OutboundCall | undefined {
  const callee = skipOuter(t, call.expression);
  const args = call.arguments;
  const wrapper = wrapperDeclaration(t, callee);
  if (wrapper && !wrapper.getSourceFile().isDeclarationFile && isFetchWrapper(t, wrapper, knowledge, imports)) {
    return { client: 'fetch', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
  }
  if (t.isIdentifier(callee)) {
    const name = callee.text;
    const b = moduleOf(imports, name);
    if (!b && isFetchAlias(t, callee, knowledge, imports)) return { client: 'fetch', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
    if (knowledge.http.clientFunctions.includes(name) || (b && FETCH_MODULES.has(b.module) && (b.imported === 'fetch' || b.imported === 'default'))) {
      if (b && !FETCH_MODULES.has(b.module) && !knowledge.http.clientModules.includes(b.module)) return undefined;
      if (!b) {
        // a local function or variable named fetch is a project wrapper, not the platform fetch
        const local = resolveIdentifier(t, callee);
        if (local && !t.isParameter(local.declaration) && !t.isBindingElement(local.declaration)) return undefined;
      }
      if (b?.module === 'undici' && b.imported === 'default') return undefined;
      return { client: 'fetch', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
    }
    if (!b) return undefined;
    if (b.module === 'undici' && b.imported === 'request') return { client: 'undici', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
    if (b.module === 'axios' && (b.imported === 'default' || b.imported === '*')) {
      return { client: 'axios', call, url: args[0], optionsIndex: args[0] && t.isObjectLiteralExpression(skipOuter(t, args[0])) ? 0 : 1, throwsOnStatus: true };
    }
    if (b.module === 'got' && (b.imported === 'default' || b.imported === 'got' || b.imported === '*')) return { client: 'got', call, url: args[0], optionsIndex: 1, throwsOnStatus: true };
    if (b.module === 'ofetch' && (b.imported === 'ofetch' || b.imported === '$fetch')) return { client: 'ofetch', call, url: args[0], optionsIndex: 1, throwsOnStatus: true };
    // request(options) / request(url, options): the promise wrappers reject on non-2xx, the callback form hands the status to the callback
    if (REQUEST_MODULES.has(b.module) && (b.imported === 'default' || b.imported === '*')) {
      return { client: 'request', call, url: args[0], optionsIndex: args[0] && t.isObjectLiteralExpression(skipOuter(t, args[0])) ? 0 : 1, throwsOnStatus: true };
    }
    return undefined;
  }
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = skipOuter(t, callee.expression);
  const rootName = t.isIdentifier(receiver) ? receiver.text : undefined;
  const b = rootName ? moduleOf(imports, rootName) : undefined;
  if (rootName === 'globalThis' && method === 'fetch') return { client: 'fetch', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
  if (b?.module === 'undici' && b.imported === '*' && (method === 'fetch' || method === 'request')) {
    return { client: method === 'fetch' ? 'fetch' : 'undici', call, url: args[0], optionsIndex: 1, throwsOnStatus: false };
  }
  if (b?.module === 'axios' && AXIOS_METHODS.has(method)) {
    return { client: 'axios', call, url: args[0], optionsIndex: method === 'request' ? 0 : AXIOS_BODY_METHODS.has(method) ? 2 : 1, throwsOnStatus: true };
  }
  if (b?.module === 'got' && GOT_METHODS.has(method)) return { client: 'got', call, url: args[0], optionsIndex: 1, throwsOnStatus: true };
  if (b && /^(node:)?https?$/.test(b.module) && (method === 'request' || method === 'get')) {
    return { client: 'node-http', call, url: args[0], optionsIndex: args[1] && !isFunctionLike(t, args[1]) ? 1 : 0, throwsOnStatus: true };
  }
  if (b?.module === 'superagent' && GOT_METHODS.has(method)) return { client: 'superagent', call, url: args[0], optionsIndex: -1, throwsOnStatus: true };
  if (b && REQUEST_MODULES.has(b.module) && (b.imported === 'default' || b.imported === '*') && REQUEST_METHODS.has(method)) {
    return { client: 'request', call, url: args[0], optionsIndex: args[0] && t.isObjectLiteralExpression(skipOuter(t, args[0])) ? 0 : 1, throwsOnStatus: true };
  }
  if (AXIOS_METHODS.has(method) || GOT_METHODS.has(method)) {
    const inst = instanceOf(t, receiver, imports);
    if (inst?.client === 'axios' && AXIOS_METHODS.has(method)) {
      return { client: 'axios', call, url: args[0], optionsIndex: method === 'request' ? 0 : AXIOS_BODY_METHODS.has(method) ? 2 : 1, instanceConfig: inst.config, throwsOnStatus: true };
    }
    if (inst?.client === 'got') return { client: 'got', call, url: args[0], optionsIndex: 1, instanceConfig: inst.config, throwsOnStatus: true };
  }
  // const api = axios.create(...); api(config)
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Error publicity

const MESSAGE_TESTS = new Set(['includes', 'startsWith', 'endsWith', 'match']);
const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);
/** Words in a class or guard name that say the error comes from a driver, a client or the runtime. */
const INTERNAL_WORDS = new Set([
  'axios', 'prisma', 'fetch', 'database', 'db', 'sql', 'mysql', 'sqlite', 'pg', 'postgres', 'mongo', 'mongodb', 'mongoose',
  'network', 'timeout', 'abort', 'native', 'system', 'redis', 'knex', 'sequelize', 'typeorm', 'drizzle', 'kysely', 'driver',
  'persistence', 'repository', 'dal',
]);

/** By words, so `FeedbackError` is not a database error and `isDbError` is. */
const INTERNAL_GUARD = { test: (name: string): boolean => nameWords(name).some((w) => INTERNAL_WORDS.has(w)) };

/** A class whose message is meant for clients: any project class, not a built-in or driver error. */
export function isPublicErrorClass(cls: string, knowledge: Knowledge): boolean {
  const short = lastSegment(cls);
  if (knowledge.http.publicErrorClasses.includes(short) || knowledge.http.publicErrorClasses.includes(cls)) return true;
  // Parse.Error, errors.Error: a library's own class under a namespace, not the built-in Error
  const namespacedBuiltinName = cls.includes('.') && !cls.startsWith('globalThis.') && BUILTIN_ERRORS.has(short);
  return (namespacedBuiltinName || !knowledge.http.internalErrorClasses.includes(short)) && !INTERNAL_GUARD.test(cls);
}

/** `err instanceof SyntaxError` (any of `classes`) holds under the condition. */
export function narrowsToClass(t: TS, test: ts.Expression, value: boolean, name: string, classes: readonly string[]): boolean {
  const e = skipOuter(t, test);
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.ExclamationToken) return narrowsToClass(t, e.operand, !value, name, classes);
  if (!t.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === t.SyntaxKind.AmpersandAmpersandToken) return value && (narrowsToClass(t, e.left, true, name, classes) || narrowsToClass(t, e.right, true, name, classes));
  if (op !== t.SyntaxKind.InstanceOfKeyword || !value || !refersTo(t, e.left, name)) return false;
  const cls = dottedName(t, e.right);
  return cls !== undefined && classes.includes(lastSegment(cls));
}

function refersTo(t: TS, e: ts.Expression, name: string): boolean {
  const s = skipOuter(t, e);
  return t.isIdentifier(s) && s.text === name;
}

/**
 * True when a condition holding with `value` narrows the error named `name` to one whose message is meant for
 * clients: `err instanceof ValidationError` (any class but built-in and driver errors), `isHttpError(err)`,
 * `err.expose`, `'userMessage' in err`, `err.status < 500`, `err.name === 'ValidationError'`.
 */
export function narrowsToPublicError(t: TS, test: ts.Expression, value: boolean, name: string, knowledge: Knowledge): boolean {
  const e = skipOuter(t, test);
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.ExclamationToken) return narrowsToPublicError(t, e.operand, !value, name, knowledge);
  if (t.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === t.SyntaxKind.AmpersandAmpersandToken) {
      return value && (narrowsToPublicError(t, e.left, true, name, knowledge) || narrowsToPublicError(t, e.right, true, name, knowledge));
    }
    if (op === t.SyntaxKind.BarBarToken) {
      return value ? narrowsToPublicError(t, e.left, true, name, knowledge) && narrowsToPublicError(t, e.right, true, name, knowledge) : false;
    }
    if (op === t.SyntaxKind.InstanceOfKeyword && value && refersTo(t, e.left, name)) {
      const cls = dottedName(t, e.right);
      return cls !== undefined && isPublicErrorClass(cls, knowledge);
    }
    if (op === t.SyntaxKind.InKeyword && value && refersTo(t, e.right, name) && t.isStringLiteralLike(e.left)) {
      return knowledge.http.publicErrorMarkers.includes(e.left.text);
    }
    const eq = op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsToken;
    const lt = op === t.SyntaxKind.LessThanToken || op === t.SyntaxKind.LessThanEqualsToken;
    const gt = op === t.SyntaxKind.GreaterThanToken || op === t.SyntaxKind.GreaterThanEqualsToken;
    const left = dottedName(t, e.left) ?? '';
    const right = dottedName(t, e.right) ?? '';
    const isStatus = (d: string): boolean => d === `${name}.status` || d === `${name}.statusCode` || d === `${name}.httpStatus`;
    // err.status < 500 / 500 > err.status / err.status === 404
    if (value && isStatus(left)) {
      const n = literalStatus(t, e.right);
      if (n !== undefined && ((lt && n <= 500) || (eq && n < 500))) return true;
    }
    if (value && isStatus(right)) {
      const n = literalStatus(t, e.left);
      if (n !== undefined && ((gt && n <= 500) || (eq && n < 500))) return true;
    }
    // err.name === 'ValidationError'
    if (value && eq && (left === `${name}.name` || right === `${name}.name`)) {
      const lit = skipOuter(t, left === `${name}.name` ? e.right : e.left);
      return t.isStringLiteralLike(lit) && !knowledge.http.internalErrorClasses.includes(lit.text) && !INTERNAL_GUARD.test(lit.text);
    }
    return false;
  }
  // err.message.includes('validation failed'): the code knows which message it answers
  if (t.isCallExpression(e) && value && t.isPropertyAccessExpression(e.expression) && MESSAGE_TESTS.has(e.expression.name.text)) {
    const d = dottedName(t, e.expression.expression);
    if (d === `${name}.message` && e.arguments.length > 0 && e.arguments.every((a) => t.isStringLiteralLike(skipOuter(t, a)) || t.isRegularExpressionLiteral(skipOuter(t, a)))) return true;
  }
  // isHttpError(err) / createHttpError.isHttpError(err) / Boom.isBoom(err)
  if (t.isCallExpression(e) && value && e.arguments.some((a) => refersTo(t, a, name))) {
    const callee = dottedName(t, e.expression);
    const last = callee ? lastSegment(callee) : '';
    return /^is[A-Z]/.test(last) && !/^is(Native)?Error$/.test(last) && !INTERNAL_GUARD.test(callee!);
  }
  // err.expose / err.isOperational
  const d = dottedName(t, e);
  if (value && d && d.startsWith(`${name}.`)) return knowledge.http.publicErrorMarkers.includes(lastSegment(d));
  return false;
}
