/**
 * HTTP boundaries: where a value leaves for the client (response sinks, public exceptions), which parameters
 * hold the error in framework error handlers, and which calls go out over the network. Recognition is driven by
 * the `http` knowledge table; the rules decide what to report.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeMethod, dottedName, isFunctionLike, skipOuter, type FunctionLike } from './ast.js';
import { promiseHandler } from './catch.js';
import { propertyNameText, type Binding, type ImportMap } from './scope.js';
import { nameWords } from '../knowledge/words.js';
import { isErrorMiddlewareShape } from './frameworks/express.js';
import { honoStatusOf } from './frameworks/hono.js';
import { koaBodyReceiver, koaStatusBefore } from './frameworks/koa.js';
import { exceptionFilterCatches, nestExceptionStatusOf } from './frameworks/nestjs.js';
import { isServerErrorHandlerName, serverErrorHandlerOf } from './frameworks/next.js';
import { trpcStatusOf } from './frameworks/trpc.js';
import { literalStatus } from './http-status.js';

export { literalStatus } from './http-status.js';
export { isServerAction } from './frameworks/next.js';

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
      return { kind: 'method', node, name: `${receiver}.${method}`, receiver, payloads, status: status ?? honoStatusOf(t, method, node.arguments) };
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
      let status: number | undefined = nestExceptionStatusOf(short);
      const code = objectProperty(t, args[0], 'code');
      if (short === 'TRPCError' && code && t.isStringLiteralLike(code)) status = trpcStatusOf(code.text);
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
    const root = koaBodyReceiver(receiver, http.responseReceivers);
    if (!root) return undefined;
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

/** Kinds of error sources. */
export type ErrorSourceKind = 'catch' | 'rejection' | 'error-middleware' | 'error-handler' | 'exception-filter' | 'callback';

const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findIndex', 'some', 'every', 'reduce', 'sort', 'then', 'finally']);
const ERROR_HANDLER_REGISTRARS = new Set(['setErrorHandler', 'onError', 'errorHandler', 'setNotFoundHandler']);

/**
 * NestJS `@Catch(...)` filter: the exception parameter of its `catch` method is an error source unless every
 * caught class is a public exception (`@Catch(HttpException)` exceptions carry client-facing messages).
 */
function exceptionFilterSource(t: TS, fn: FunctionLike, knowledge: Knowledge): boolean {
  const caught = exceptionFilterCatches(t, fn);
  if (!caught) return false;
  if (caught.length === 0) return true;
  // @Catch(NotEnoughScopes): a filter for the project's own error class answers the message that class carries
  return caught.some((a) => {
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
  if (isErrorMiddlewareShape(names)) return 'error-middleware';
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
  if (holderName === 'onError' || (holderName !== undefined && isServerErrorHandlerName(holderName))) return 'error-handler';
  return undefined;
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
