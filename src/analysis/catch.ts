/**
 * Error handlers and what they do with the failure: catch clauses, `promise.catch(fn)` and
 * `promise.then(ok, fn)`. `errorHandlerOf` finds a handler at a node; `analyzeHandler` classifies its body.
 * Pure: both return data and never report.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeMethod, dottedName, INHERIT, indexInList, isFunctionLike, skipOuter, summaryBelow, upward, walk, type Decide, type FunctionLike } from './ast.js';
import { mentionsMoney } from '../knowledge/money.js';
import { PROCESS_EXIT_CALLS } from '../knowledge/runtime.js';
import { commentsAt, commentsBefore, type Comment } from './comments.js';
import { effectOf, isLikelyDbWrite } from './effects.js';
import { CLIENT_ERROR_CLASS, isClientStatusThrow } from './error-classes.js';
import type { ImportMap } from './scope.js';
import { assumedLogCall, classifyLogCall, errorUse, type ErrorRefTest, type ErrorUse, type LogCall, type ModelLogger } from './loggers.js';

/**
 * What every place that receives an error has: a catch clause, a promise rejection handler, or an error callback
 * (`error-sites.ts`). Suggestions that name the error (`src/edits/catch-binding.ts`) need no more than this.
 */
export interface ErrorReceiver {
  /** The catch clause, the `.catch(...)` / `.then(...)` call, or the callback function. */
  node: ts.Node;
  /** The function that receives the error (promise handlers written inline, callbacks). */
  fn?: FunctionLike;
  /** Statements run with the error: the catch block, the handler's block or expression body. */
  body?: ts.Block | ts.Expression;
  /** The error's name (`e` in `catch (e)`), undefined when there is no binding or it is destructured. */
  binding?: string;
  /** The binding as declared (identifier or destructuring pattern). */
  bindingNode?: ts.BindingName;
}

/** `try { … } catch (e) { … }` */
export interface CatchClauseHandler extends ErrorReceiver {
  kind: 'catch-clause';
  node: ts.CatchClause;
  fn?: undefined;
  body: ts.Block;
  /** The try block the clause guards. */
  tryBlock: ts.Block;
}

/** `promise.catch(fn)` (`promise-catch`) or `promise.then(ok, fn)` (`promise-then`). */
export interface PromiseHandler extends ErrorReceiver {
  kind: 'promise-catch' | 'promise-then';
  /** The `.catch(...)` / `.then(...)` call. */
  node: ts.CallExpression;
  /** The handler function, when written inline. */
  fn?: ts.ArrowFunction | ts.FunctionExpression;
  /** The handler argument as written (`noop`, `() => {}`, `console.error`). */
  handlerExpr: ts.Expression;
  /** The handler's block or expression body; undefined for a handler passed by reference. */
  body?: ts.Block | ts.Expression;
  /** The promise the handler is attached to. */
  promise: ts.Expression;
}

/** One place where an error is caught. */
export type ErrorHandler = CatchClauseHandler | PromiseHandler;

/** A value a handler returns that callers read as a normal answer. */
export type MaskingReturn =
  | 'false'
  | 'true'
  | 'null'
  | 'undefined'
  | 'empty-array'
  | 'empty-object'
  | 'empty-string'
  | 'zero'
  | 'default-value'
  | 'success-response';

/** The value a swallowing handler answers with instead of the failure. */
export interface Masking {
  kind: MaskingReturn;
  /** Source text of the value (`false`, `[]`, `{ url: '' }`); empty for a bare `return;`. */
  text: string;
  /** The return statement (or expression body, or success response call). */
  node: ts.Node;
}

/** Effects by which a failure leaves the handler: a throw, `next(err)`, `reject(e)`, `cb(err)`, an error result, recorded state, an error response, a non-zero exit, or the error handed to another function; strongest first. */
const PROPAGATING = ['throw', 'next', 'reject', 'callback', 'error-result', 'state', 'response', 'exit', 'delegated'] as const;

/** Why the failure leaves the handler: one of the propagating effects, a throw of the caught error itself being a `rethrow`. */
export type PropagatingReason = (typeof PROPAGATING)[number] | 'rethrow';

export type HandlerReason = HandlerAnalysis['reason'];

interface AnalysisBase {
  /** A comment in (or right at) the handler that says something. */
  hasExplainingComment: boolean;
  /** Console and logger calls made in the handler. */
  logCalls: { call: ts.CallExpression; log: LogCall; use: ErrorUse }[];
}

/** The failure leaves the handler. */
export interface PropagatedAnalysis extends AnalysisBase {
  reason: PropagatingReason;
  /** The error also reaches a structured logger or error monitor on its way out (`logger.error(e); throw e`). */
  recorded: boolean;
}

/** The error (object or message) reaches a structured logger (`logged`) or an error monitor (`monitored`). */
export interface RecordedAnalysis extends AnalysisBase {
  reason: 'logged' | 'monitored';
}

/** The handler does something else we cannot judge (a retry, a fallback call, a property update; a logger call without the error): not swallowed. */
export interface ActedAnalysis extends AnalysisBase {
  reason: 'acted' | 'logged-without-error';
}

/** The only handling is console output (`console-only`) or a logger call with constant arguments (`constant-log`); the handler may answer with a masking value besides. */
export interface LoggedOnlyAnalysis extends AnalysisBase {
  reason: 'console-only' | 'constant-log';
  masking?: Masking;
}

/** The handler answers with a value callers read as a normal answer (`return null`, `.catch(() => [])`, a bare `return;`). */
export interface MaskingAnalysis extends AnalysisBase {
  reason: 'masking-return';
  masking: Masking;
}

/** The handler does nothing. */
export interface EmptyAnalysis extends AnalysisBase {
  reason: 'empty';
  /** No statements at all (`{}`, `noop`, `() => {}`), rather than only statements that do nothing (`let x;`) or were skipped. */
  noStatements: boolean;
}

/** The handler does inert work and drops the error. */
export interface DiscardedAnalysis extends AnalysisBase {
  reason: 'discarded';
}

/** A handler after which the failure is neither propagated, recorded nor acted upon. */
export type SwallowingAnalysis = LoggedOnlyAnalysis | MaskingAnalysis | EmptyAnalysis | DiscardedAnalysis;

/** What a handler does with the failure, keyed by its strongest reason (propagated > recorded > acted > the swallowing shape). */
export type HandlerAnalysis = PropagatedAnalysis | RecordedAnalysis | ActedAnalysis | SwallowingAnalysis;

const PROPAGATING_REASONS: ReadonlySet<HandlerReason> = new Set<PropagatingReason>([...PROPAGATING, 'rethrow']);

/** The failure leaves the handler. */
export function propagates(a: HandlerAnalysis): a is PropagatedAnalysis {
  return PROPAGATING_REASONS.has(a.reason);
}

/** The handler propagates, records or acts on the failure: nothing is swallowed. */
export function handles(a: HandlerAnalysis): a is PropagatedAnalysis | RecordedAnalysis | ActedAnalysis {
  return propagates(a) || a.reason === 'logged' || a.reason === 'monitored' || a.reason === 'acted' || a.reason === 'logged-without-error';
}

/** The error reaches a structured logger or error monitor, whether or not it propagates too. */
export function records(a: HandlerAnalysis): boolean {
  return a.reason === 'logged' || a.reason === 'monitored' || (propagates(a) && a.recorded);
}

/** The value a swallowing handler answers with, whatever else it does. */
export function maskingOf(a: HandlerAnalysis): Masking | undefined {
  return a.reason === 'masking-return' || a.reason === 'console-only' || a.reason === 'constant-log' ? a.masking : undefined;
}

const PROMISE_NOOPS = /^(noop|nop|_noop|NOOP|noOp|ignore|ignoreError|ignoreErrors|swallow|swallowError|doNothing|emptyFn|emptyFunction|emptyFunc|voidFn|identity0)$/;

function bindingOf(t: TS, name: ts.BindingName | undefined): { binding?: string; bindingNode?: ts.BindingName } {
  if (!name) return {};
  return t.isIdentifier(name) ? { binding: name.text, bindingNode: name } : { bindingNode: name };
}

/** A catch clause as a handler. */
export function catchClauseHandler(t: TS, clause: ts.CatchClause): CatchClauseHandler {
  const decl = clause.variableDeclaration;
  return {
    kind: 'catch-clause',
    node: clause,
    body: clause.block,
    tryBlock: clause.parent.tryBlock,
    ...bindingOf(t, decl?.name),
  };
}

/** `p.catch(fn)` or `p.then(ok, fn)` as a handler; undefined for any other call. */
export function promiseHandler(t: TS, call: ts.CallExpression): PromiseHandler | undefined {
  const callee = skipOuter(t, call.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  let handlerExpr: ts.Expression | undefined;
  let kind: PromiseHandler['kind'];
  if (method === 'catch' && call.arguments.length === 1) {
    handlerExpr = call.arguments[0];
    kind = 'promise-catch';
  } else if (method === 'then' && call.arguments.length === 2) {
    handlerExpr = call.arguments[1];
    kind = 'promise-then';
  } else {
    return undefined;
  }
  if (!handlerExpr) return undefined;
  if (isSchemaChain(t, callee.expression)) return undefined;
  const h = skipOuter(t, handlerExpr);
  if (h.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(h) && h.text === 'undefined')) return undefined;
  const handler: PromiseHandler = { kind, node: call, handlerExpr, promise: callee.expression };
  if (t.isArrowFunction(h) || t.isFunctionExpression(h)) {
    handler.fn = h;
    handler.body = h.body;
    Object.assign(handler, bindingOf(t, h.parameters[0]?.name));
  }
  return handler;
}

/** The code whose failure the handler receives: the try block, or the expression that produced the promise. */
export function guardedCode(h: ErrorHandler): ts.Block | ts.Expression {
  return h.kind === 'catch-clause' ? h.tryBlock : h.promise;
}

const SCHEMA_ROOTS = /^(z|zod|yup|Joi|joi|v|valibot|t|s|Type|Schema|S)$/;
const SCHEMA_METHODS = /^(optional|nullable|nullish|nativeEnum|enum|string|number|boolean|bigint|date|object|array|tuple|union|literal|record|default|transform|refine|superRefine|coerce|pipe|brand|describe|min|max|length|email|url|uuid|int|positive|nonnegative|trim|regex|shape|extend|merge|pick|omit|partial|strict|passthrough)$/;

/** `z.string().optional().catch(undefined)`: Zod/Yup schemas have a `.catch` that is not a rejection handler. */
function isSchemaChain(t: TS, receiver: ts.Expression): boolean {
  // both answers memoised along the chain: each `.catch` of a long `.then().catch()` chain asks about the rest of it
  const start = skipOuter(t, receiver);
  return upward(t, schemaRootMemo, start, schemaRoot, false, nextInChain) && upward(t, schemaMethodMemo, start, schemaMethod, false, nextInChain);
}

const nextInChain = (t: TS, n: ts.Node): ts.Node => skipOuter(t, (n as ts.CallExpression | ts.PropertyAccessExpression).expression);
const inChain = (t: TS, n: ts.Node): boolean => t.isCallExpression(n) || t.isPropertyAccessExpression(n);
const schemaRootMemo = new WeakMap<ts.Node, boolean>();
const schemaRoot: Decide<boolean> = (t, n) => (inChain(t, n) ? INHERIT : t.isIdentifier(n) && SCHEMA_ROOTS.test(n.text));
const schemaMethodMemo = new WeakMap<ts.Node, boolean>();
const schemaMethod: Decide<boolean> = (t, n) => (!inChain(t, n) ? false : t.isPropertyAccessExpression(n) && SCHEMA_METHODS.test(n.name.text) ? true : INHERIT);

/** The handler at `node` when it is a catch clause or a promise handler call. */
export function errorHandlerOf(t: TS, node: ts.Node): ErrorHandler | undefined {
  if (t.isCatchClause(node)) return catchClauseHandler(t, node);
  if (t.isCallExpression(node)) return promiseHandler(t, node);
  return undefined;
}

const RESPONSE_STATUS_METHODS = new Set(['status', 'code', 'sendStatus', 'writeHead', 'statusCode']);
const CLEANUP_METHODS = /^(rollback|rollbackTransaction|abortTransaction|release|close|closeSync|destroy|end|abort|disconnect|\$disconnect|quit|kill|dispose|terminate|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|unref|removeAllListeners|removeListener|off|unsubscribe|clearTimeout|clearInterval|stop|shutdown|flush|cleanup|cleanUp|teardown|tearDown|unmount|detach)$/;
const FAILURE_LITERAL = /fail|error|errored|reject|declin|cancel|abort|invalid|timeout|timed.?out|unavailable|down|unhealthy|crash|broken/i;
const FAILURE_KEY = /^(error|errors|err|failure|failureReason|failedReason|errorMessage|errorCode|lastError|exception|reason)$/i;
const FAILURE_METHOD = /fail|Failure|Error$|^error|reject|^abort|^throw$|badRequest|notFound|internalServerError|unauthorized|forbidden|serverError|badImplementation|problem/;
const STATUS_KEY = /^(status|state|result|outcome|phase|health|ok|success|succeeded|valid|isValid)$/i;
const CALLBACK_NAMES = /^(next|reject|rej|cb|callback|done|fail|failure|onError|onFailure|handleError|errorHandler|resolveError|throwError)$/;

/** What one statement of a handler does: the reasons a handler can have, less the verdicts on the whole handler. */
type Effect = Exclude<HandlerReason, 'rethrow' | 'empty' | 'masking-return' | 'console-only' | 'discarded'> | 'console' | 'masking' | 'inert';

interface Walk {
  effects: Set<Effect>;
  logCalls: HandlerAnalysis['logCalls'];
  masking?: Masking;
}

function isStatusNumber(t: TS, e: ts.Expression): boolean {
  const n = skipOuter(t, e);
  if (t.isNumericLiteral(n)) return Number(n.text) >= 400;
  if (t.isPropertyAccessExpression(n)) return /INTERNAL|BAD|ERROR|FAIL|NOT_FOUND|UNAUTHORI|FORBIDDEN|CONFLICT|UNPROCESSABLE|UNAVAILABLE|GATEWAY|TOO_MANY|CLIENT|SERVER/i.test(n.name.text);
  // a computed status (`err.status ?? 500`, `statusFor(e)`) is an error status in a catch
  return !t.isNumericLiteral(n) && !t.isStringLiteralLike(n);
}

/** An object literal that says "this failed": `{ ok: false }`, `{ error: … }`, `{ status: 'failed' }`. */
function isFailureObject(t: TS, e: ts.Expression): boolean {
  const o = skipOuter(t, e);
  if (!t.isObjectLiteralExpression(o)) return false;
  for (const p of o.properties) {
    const key = p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (!key) continue;
    if (FAILURE_KEY.test(key) && !/^reason$/i.test(key)) return true;
    if (t.isPropertyAssignment(p)) {
      const v = skipOuter(t, p.initializer);
      if (/^(ok|success|succeeded|valid|isValid)$/i.test(key) && v.kind === t.SyntaxKind.FalseKeyword) return true;
      if (STATUS_KEY.test(key) && t.isStringLiteralLike(v) && FAILURE_LITERAL.test(v.text)) return true;
      if (/^(status|statusCode|code)$/.test(key) && t.isNumericLiteral(v) && Number(v.text) >= 400) return true;
      if (/^(data|body|payload|json|response)$/i.test(key) && isFailureObject(t, v)) return true;
    }
  }
  return false;
}

/** Arguments that record a failure: `{ status: 'failed' }`, `'failed'`, `{ error: e.message }`. */
function argsRecordFailure(t: TS, call: ts.CallExpression | ts.NewExpression): boolean {
  return (call.arguments ?? []).some((a) => {
    const v = skipOuter(t, a);
    if (t.isStringLiteralLike(v)) return FAILURE_LITERAL.test(v.text) && v.text.length < 40;
    if (t.isPropertyAccessExpression(v)) return /FAIL|ERROR|REJECT|DECLIN|CANCEL|ABORT|INVALID|TIMEOUT/i.test(v.name.text);
    return isFailureObject(t, v);
  });
}

/** The root object of a call chain: `res` of `res.status(500).json(x)`. */
function chainRoot(t: TS, e: ts.Expression): { root?: string; methods: string[]; calls: ts.CallExpression[] } {
  const methods: string[] = [];
  const calls: ts.CallExpression[] = [];
  let n = skipOuter(t, e);
  for (;;) {
    if (t.isCallExpression(n)) {
      calls.push(n);
      n = skipOuter(t, n.expression);
    } else if (t.isPropertyAccessExpression(n)) {
      methods.push(n.name.text);
      const inner = skipOuter(t, n.expression);
      if (t.isCallExpression(inner) || t.isPropertyAccessExpression(inner)) {
        n = inner;
      } else {
        return { root: dottedName(t, inner), methods, calls };
      }
    } else {
      return { root: dottedName(t, n), methods, calls };
    }
  }
}

/**
 * `res.status(500).json(...)`, `reply.code(502).send()`, `res.sendStatus(500)`, `ctx.throw(500)`,
 * `NextResponse.json(body, { status: 500 })`, `new Response(body, { status: 503 })`, `c.json(body, 500)`.
 * `'error'` for a response that reports failure, `'success'` for a response that hides it, else undefined.
 */
function responseKind(t: TS, e: ts.Expression, knowledge: Knowledge): 'error' | 'success' | undefined {
  const x = skipOuter(t, e);
  if (t.isNewExpression(x)) {
    const name = dottedName(t, x.expression);
    if (name !== 'Response' && name !== 'NextResponse') return undefined;
    const init = x.arguments?.[1];
    return (init && isFailureObject(t, init)) || (x.arguments?.[0] && isFailureBody(t, x.arguments[0])) ? 'error' : 'success';
  }
  if (!t.isCallExpression(x)) return undefined;
  const { root, methods, calls } = chainRoot(t, x);
  if (!root) return undefined;
  const rootName = root.split('.').pop()!;
  if (root === 'NextResponse' || root === 'Response' || root === 'Response.json' || root === 'NextResponse.json') {
    const method = methods[0];
    if (method === 'redirect' || method === 'rewrite') return 'error';
    const [body, init] = x.arguments;
    return (init && isFailureObject(t, init)) || (body && isFailureBody(t, body)) ? 'error' : 'success';
  }
  if (!knowledge.http.responseReceivers.includes(rootName) && !/^(res|response|reply|ctx|context)$/i.test(rootName)) return undefined;
  let sawResponse = false;
  // calls are outermost first; methods are outermost first too
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    const method = methods[i];
    if (!method) continue;
    if (RESPONSE_STATUS_METHODS.has(method)) {
      if (call.arguments[0] && isStatusNumber(t, call.arguments[0])) return 'error';
      sawResponse = true;
    } else if (method === 'throw' || method === 'redirect' || method === 'boom' || FAILURE_METHOD.test(method)) {
      return 'error';
    } else if (knowledge.http.responseMethods.includes(method)) {
      sawResponse = true;
      // c.json(body, 500) (Hono) / ctx.body = … handled as assignment
      if (call.arguments[1] && (isStatusNumber(t, call.arguments[1]) || isFailureObject(t, call.arguments[1]))) return 'error';
      if (call.arguments[0] && isFailureBody(t, call.arguments[0])) return 'error';
    }
  }
  return sawResponse ? 'success' : undefined;
}

function isFailureBody(t: TS, e: ts.Expression): boolean {
  const b = skipOuter(t, e);
  if (isFailureObject(t, b)) return true;
  if (t.isObjectLiteralExpression(b)) {
    return b.properties.some((p) => p.name !== undefined && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) && /^(message|msg|detail|title)$/.test(p.name.text));
  }
  if (t.isStringLiteralLike(b)) return FAILURE_LITERAL.test(b.text) || /could not|couldn't|unable|went wrong|not found|denied|problem/i.test(b.text);
  return false;
}

/** `false`, `null`, `[]`, `{}`, `''`, `0`, or another default the caller cannot tell from an answer. */
export function maskingKind(t: TS, e: ts.Expression | undefined): MaskingReturn {
  if (!e) return 'undefined';
  const x = skipOuter(t, e);
  switch (x.kind) {
    case t.SyntaxKind.FalseKeyword:
      return 'false';
    case t.SyntaxKind.TrueKeyword:
      return 'true';
    case t.SyntaxKind.NullKeyword:
      return 'null';
  }
  if (t.isIdentifier(x) && x.text === 'undefined') return 'undefined';
  if (t.isVoidExpression(x)) return 'undefined';
  if (t.isArrayLiteralExpression(x) && x.elements.length === 0) return 'empty-array';
  if (t.isObjectLiteralExpression(x) && x.properties.length === 0) return 'empty-object';
  if (t.isStringLiteralLike(x) && x.text === '') return 'empty-string';
  if (t.isNumericLiteral(x) && (x.text === '0' || x.text === '-1')) return 'zero';
  if (t.isPrefixUnaryExpression(x) && t.isNumericLiteral(x.operand)) return 'zero';
  return 'default-value';
}

/** Pure values: literals, names, empty or literal-only structures. Calls, `new`, `await` are not. */
function isInertValue(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  if (t.isLiteralExpression(x) || t.isNoSubstitutionTemplateLiteral(x) || t.isIdentifier(x) || t.isPropertyAccessExpression(x)) return true;
  if ([t.SyntaxKind.TrueKeyword, t.SyntaxKind.FalseKeyword, t.SyntaxKind.NullKeyword, t.SyntaxKind.ThisKeyword].includes(x.kind)) return true;
  if (t.isPrefixUnaryExpression(x) || t.isVoidExpression(x) || t.isTypeOfExpression(x)) return true;
  if (t.isTemplateExpression(x)) return x.templateSpans.every((s) => isInertValue(t, s.expression));
  if (t.isArrayLiteralExpression(x)) return x.elements.every((el) => isInertValue(t, el));
  if (t.isObjectLiteralExpression(x)) {
    return x.properties.every((p) => (t.isPropertyAssignment(p) ? isInertValue(t, p.initializer) : t.isShorthandPropertyAssignment(p)));
  }
  if (t.isBinaryExpression(x)) return isInertValue(t, x.left) && isInertValue(t, x.right);
  if (t.isConditionalExpression(x)) return isInertValue(t, x.whenTrue) && isInertValue(t, x.whenFalse);
  return false;
}

/** A literal, or an object/array of literals: `'sync failed'`, `{ msg: 'dropped' }`. Names and interpolations carry context. */
function isConstant(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  if (t.isStringLiteralLike(x) || t.isNumericLiteral(x) || x.kind === t.SyntaxKind.TrueKeyword || x.kind === t.SyntaxKind.FalseKeyword || x.kind === t.SyntaxKind.NullKeyword) return true;
  if (t.isArrayLiteralExpression(x)) return x.elements.every((el) => isConstant(t, el));
  if (t.isObjectLiteralExpression(x)) return x.properties.every((p) => t.isPropertyAssignment(p) && isConstant(t, p.initializer));
  return false;
}

interface Ctx {
  t: TS;
  knowledge: Knowledge;
  imports: ImportMap;
  refs: Map<string, ErrorUse>;
  isRef: ErrorRefTest;
  /** Console output counts as a record (CLI scripts, browser code, the logger module itself). */
  consoleIsRecord: boolean;
  assume?: ModelLogger;
}

function useOf(c: Ctx, e: ts.Expression): ErrorUse {
  return errorUse(c.t, e, c.isRef);
}

function classifyCall(c: Ctx, call: ts.CallExpression, w: Walk): void {
  const { t } = c;
  const log = classifyLogCall(t, call, c.knowledge, c.imports) ?? (c.assume ? assumedLogCall(t, call, c.assume) : undefined);
  if (log) {
    let use: ErrorUse = 'none';
    for (const a of call.arguments) {
      const u = useOf(c, a);
      if (u === 'value' || (u === 'message' && use === 'none')) use = u;
    }
    w.logCalls.push({ call, log, use });
    if (log.kind === 'console') {
      w.effects.add(c.consoleIsRecord && use !== 'none' ? 'logged' : 'console');
    } else if (use !== 'none') {
      w.effects.add(log.kind === 'monitor' ? 'monitored' : 'logged');
    } else if (log.kind === 'monitor') {
      w.effects.add('monitored');
    } else {
      w.effects.add(call.arguments.every((a) => isConstant(t, a)) ? 'constant-log' : 'logged-without-error');
    }
    return;
  }
  const name = dottedName(t, call.expression);
  const method = calleeMethod(t, call);
  if (name && PROCESS_EXIT_CALLS.has(name)) {
    const code = call.arguments[0];
    w.effects.add(code && t.isNumericLiteral(skipOuter(t, code)) && skipOuter(t, code).getText() === '0' ? 'acted' : 'exit');
    return;
  }
  const response = responseKind(t, call, c.knowledge);
  if (response === 'error') {
    w.effects.add('response');
    return;
  }
  let passes: ErrorUse = 'none';
  for (const a of call.arguments) {
    const u = useOf(c, a);
    if (u === 'value' || (u === 'message' && passes === 'none')) passes = u;
  }
  if (name && t.isIdentifier(skipOuter(t, call.expression)) && CALLBACK_NAMES.test(name) && call.arguments.length > 0) {
    w.effects.add(name === 'next' ? 'next' : /^rej/.test(name) ? 'reject' : 'callback');
    return;
  }
  if (method && /^reject$/.test(method) && call.arguments.length > 0) {
    w.effects.add('reject');
    return;
  }
  if (passes !== 'none') {
    w.effects.add('delegated');
    return;
  }
  if (response === 'success') {
    w.effects.add('masking');
    w.masking ??= { kind: 'success-response', text: call.getText(), node: call };
    return;
  }
  if (argsRecordFailure(t, call) || (method && FAILURE_METHOD.test(method))) {
    w.effects.add('state');
    return;
  }
  if (method && CLEANUP_METHODS.test(method)) {
    w.effects.add('inert');
    return;
  }
  w.effects.add('acted');
}

/** Walks an expression evaluated for its effects (statement, awaited value, returned call). */
function visitExpression(c: Ctx, expr: ts.Expression, w: Walk): void {
  const { t } = c;
  const e = skipOuter(t, expr);
  if (t.isAwaitExpression(e) || t.isVoidExpression(e)) return visitExpression(c, e.expression, w);
  if (t.isCallExpression(e)) {
    // args evaluated first: logger.error(format(e)) is one log call; f(g()) is two effects
    for (const a of e.arguments) {
      const arg = skipOuter(t, a);
      if (t.isCallExpression(arg) || t.isAwaitExpression(arg)) visitExpression(c, arg, w);
    }
    return classifyCall(c, e, w);
  }
  if (t.isNewExpression(e)) {
    w.effects.add(useOf(c, e) !== 'none' ? 'delegated' : 'acted');
    return;
  }
  if (t.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === t.SyntaxKind.EqualsToken || (op >= t.SyntaxKind.FirstCompoundAssignment && op <= t.SyntaxKind.LastCompoundAssignment)) {
      return visitAssignment(c, e, w);
    }
    if (op === t.SyntaxKind.AmpersandAmpersandToken || op === t.SyntaxKind.BarBarToken || op === t.SyntaxKind.QuestionQuestionToken || op === t.SyntaxKind.CommaToken) {
      visitExpression(c, e.left, w);
      visitExpression(c, e.right, w);
      return;
    }
    w.effects.add('inert');
    return;
  }
  if (t.isConditionalExpression(e)) {
    visitExpression(c, e.whenTrue, w);
    visitExpression(c, e.whenFalse, w);
    return;
  }
  if (t.isPrefixUnaryExpression(e) || t.isPostfixUnaryExpression(e)) {
    const op = e.operator;
    // failures++ / this.errorCount += 1
    w.effects.add(op === t.SyntaxKind.PlusPlusToken || op === t.SyntaxKind.MinusMinusToken ? 'state' : 'inert');
    return;
  }
  if (t.isDeleteExpression(e)) {
    w.effects.add('acted');
    return;
  }
  w.effects.add(isFunctionLike(t, e) ? 'acted' : 'inert');
}

function visitAssignment(c: Ctx, e: ts.BinaryExpression, w: Walk): void {
  const { t } = c;
  const target = skipOuter(t, e.left);
  const value = e.right;
  if (t.isCallExpression(skipOuter(t, value)) || t.isAwaitExpression(skipOuter(t, value))) {
    visitExpression(c, value, w);
    if (w.effects.has('acted') || w.effects.has('delegated')) return;
  }
  const targetName = dottedName(t, target) ?? '';
  const last = targetName.split('.').pop() ?? '';
  if (targetName === 'process.exitCode') {
    w.effects.add('exit');
    return;
  }
  if (useOf(c, value) !== 'none') {
    // lastError = e / result.error = e / this.state = { error: e }
    w.effects.add(t.isIdentifier(target) && !FAILURE_KEY.test(last) ? 'delegated' : 'state');
    if (t.isIdentifier(target)) c.refs.set(target.text, useOf(c, value));
    return;
  }
  if (t.isIdentifier(target)) {
    // a local: error = 'Payment failed' / failed = true record the failure; data = [] masks it
    const v = skipOuter(t, value);
    if (FAILURE_KEY.test(last) || /fail|error|err$/i.test(last) || isFailureObject(t, v)) w.effects.add('state');
    else if (STATUS_KEY.test(last) && t.isStringLiteralLike(v) && FAILURE_LITERAL.test(v.text)) w.effects.add('state');
    else w.effects.add('masking');
    return;
  }
  // ctx.status = 500 / ctx.body = { error } / payment.status = 'failed' / this.healthy = false
  const v = skipOuter(t, value);
  if (/^(status|statusCode)$/.test(last) && isStatusNumber(t, v)) {
    w.effects.add('response');
    return;
  }
  if (last === 'body' && isFailureBody(t, v)) {
    w.effects.add('response');
    return;
  }
  w.effects.add('state');
}

/** Constructors of an error result (fp-ts `E.left`, neverthrow `err`, `Result.Err`): worth nothing unless returned. */
const DISCARDABLE_RESULT = /^(left|Left|err|Err)$/;

/** `catch (e) { E.left(e) }`: an error result built as a statement and thrown away (a missing `return`). */
export function discardsErrorResult(t: TS, handler: ErrorHandler): boolean {
  return handlerStatements(t, handler).some((s) => {
    if (!t.isExpressionStatement(s)) return false;
    const x = skipOuter(t, s.expression);
    return t.isCallExpression(x) && x.arguments.length > 0 && DISCARDABLE_RESULT.test(calleeMethod(t, x) ?? '');
  });
}

function visitStatement(c: Ctx, s: ts.Statement, w: Walk): void {
  const { t } = c;
  if (t.isThrowStatement(s)) {
    w.effects.add('throw');
    return;
  }
  if (t.isReturnStatement(s)) return visitReturned(c, s.expression, s, w);
  if (t.isExpressionStatement(s)) {
    // E.left(error) / err(error) as a statement: the error result is built and thrown away
    const x = skipOuter(t, s.expression);
    if (t.isCallExpression(x) && DISCARDABLE_RESULT.test(calleeMethod(t, x) ?? '') && x.arguments.length > 0) {
      w.effects.add('inert');
      return;
    }
    return visitExpression(c, s.expression, w);
  }
  if (t.isBlock(s)) {
    for (const x of s.statements) visitStatement(c, x, w);
    return;
  }
  if (t.isIfStatement(s)) {
    if (t.isCallExpression(skipOuter(t, s.expression)) || t.isAwaitExpression(skipOuter(t, s.expression))) {
      // if (await retry()) … : the condition does work
      const probe: Walk = { effects: new Set(), logCalls: w.logCalls };
      visitExpression(c, s.expression, probe);
      if (probe.effects.has('acted') || probe.effects.has('delegated') || probe.effects.has('state')) w.effects.add('acted');
    }
    visitStatement(c, s.thenStatement, w);
    if (s.elseStatement) visitStatement(c, s.elseStatement, w);
    return;
  }
  if (t.isVariableStatement(s)) {
    for (const d of s.declarationList.declarations) {
      if (!d.initializer) continue;
      const init = skipOuter(t, d.initializer);
      const use = useOf(c, init);
      if (t.isIdentifier(d.name) && use !== 'none') {
        // const err = e as Error / const msg = e instanceof Error ? e.message : String(e)
        if (t.isCallExpression(init) || t.isNewExpression(init) || t.isAwaitExpression(init)) visitExpression(c, init, w);
        c.refs.set(d.name.text, use);
        continue;
      }
      if (t.isCallExpression(init) || t.isAwaitExpression(init) || t.isNewExpression(init)) visitExpression(c, init, w);
      else w.effects.add('inert');
    }
    return;
  }
  if (t.isContinueStatement(s) || t.isBreakStatement(s) || t.isEmptyStatement(s) || t.isDebuggerStatement(s)) {
    w.effects.add('inert');
    return;
  }
  if (t.isTryStatement(s)) {
    visitStatement(c, s.tryBlock, w);
    if (s.catchClause) visitStatement(c, s.catchClause.block, w);
    if (s.finallyBlock) visitStatement(c, s.finallyBlock, w);
    return;
  }
  if (t.isSwitchStatement(s)) {
    for (const clause of s.caseBlock.clauses) for (const x of clause.statements) visitStatement(c, x, w);
    return;
  }
  if (t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isTypeAliasDeclaration(s) || t.isInterfaceDeclaration(s)) {
    w.effects.add('inert');
    return;
  }
  // loops, labelled statements, with: doing work we do not model
  w.effects.add('acted');
}

function visitReturned(c: Ctx, value: ts.Expression | undefined, node: ts.Node, w: Walk): void {
  const { t } = c;
  if (!value) {
    // a bare `return;`: the text is empty, unlike an explicit `return undefined`
    w.effects.add('masking');
    w.masking ??= { kind: 'undefined', text: '', node };
    return;
  }
  const v = skipOuter(t, value);
  const use = useOf(c, v);
  if (t.isCallExpression(v) || t.isAwaitExpression(v) || t.isNewExpression(v) || t.isConditionalExpression(v) || t.isBinaryExpression(v)) {
    const before = w.effects.size;
    const probe: Walk = { effects: new Set(), logCalls: w.logCalls, masking: undefined };
    if (t.isConditionalExpression(v) || (t.isBinaryExpression(v) && v.operatorToken.kind !== t.SyntaxKind.EqualsToken)) {
      if (isInertValue(t, v)) {
        w.effects.add('masking');
        w.masking ??= { kind: maskingKind(t, v), text: v.getText(), node };
        return;
      }
    }
    if (t.isNewExpression(v)) {
      const r = responseKind(t, v, c.knowledge);
      if (r === 'error' || use !== 'none') w.effects.add(use !== 'none' ? 'error-result' : 'response');
      else if (r === 'success') {
        w.effects.add('masking');
        w.masking ??= { kind: 'success-response', text: v.getText(), node };
      } else w.effects.add('acted');
      return;
    }
    visitExpression(c, v, probe);
    void before;
    for (const eff of probe.effects) w.effects.add(eff);
    if (probe.masking) w.masking ??= probe.masking;
    return;
  }
  if (use !== 'none') {
    // return e / return { ok: false, error: e } / return [null, e]
    w.effects.add('error-result');
    return;
  }
  // return { ok: false } / return 'Unknown error occurred': the value itself says it failed
  if (isFailureObject(t, v) || (t.isStringLiteralLike(v) && (FAILURE_LITERAL.test(v.text) || /could not|couldn't|unable|unknown|went wrong/i.test(v.text)))) {
    w.effects.add('error-result');
    return;
  }
  if (isInertValue(t, v)) {
    w.effects.add('masking');
    w.masking ??= { kind: maskingKind(t, v), text: v.getText(), node };
    return;
  }
  w.effects.add('acted');
}

/** Options for `analyzeHandler`. */
export interface AnalyzeOptions {
  /** Console output with the error counts as a record: CLI scripts, browser code, the logger module. */
  consoleIsRecord?: boolean;
  /** Statements of a block body to leave out: the branches that handle the errors a partial catch narrows to. */
  skip?: ReadonlySet<ts.Node>;
  /** An imported binding taken to be a logger or error-recording function (the project model decides later). */
  assume?: ModelLogger;
}

/** A handler passed by reference: `noop`, `console.error`, `next`, `logger.error`, `handleError`. */
function analyzeReference(t: TS, h: ts.Expression, knowledge: Knowledge, imports: ImportMap, w: Walk, consoleIsRecord: boolean): boolean {
  const x = skipOuter(t, h);
  const name = dottedName(t, x);
  if (name && (PROMISE_NOOPS.test(name.split('.').pop()!) || name === 'Function.prototype')) return true;
  if (t.isCallExpression(x)) {
    // this.handle.bind(this) / handleError(res)
    w.effects.add('delegated');
    return false;
  }
  if (!name) {
    w.effects.add('acted');
    return false;
  }
  if (t.isPropertyAccessExpression(x)) {
    const fake = { expression: x, arguments: [] } as unknown as ts.CallExpression;
    const log = classifyLogCall(t, fake, knowledge, imports);
    if (log) {
      w.effects.add(log.kind === 'console' && !consoleIsRecord ? 'console' : log.kind === 'monitor' ? 'monitored' : 'logged');
      return false;
    }
  }
  if (CALLBACK_NAMES.test(name)) w.effects.add(name === 'next' ? 'next' : /^rej/.test(name) ? 'reject' : 'callback');
  else w.effects.add('delegated');
  return false;
}

/** `// Do nothing`, `// ignore`, `/** sent **\/`: a comment that restates the empty handler and gives no reason. */
const NO_REASON_COMMENT = /^(do nothing|nothing( to do)?|no-?op|noop|empty|pass|skip|ok|fine|sent|handled|ignored?( (the |this |any )?(errors?|exceptions?|it|failures?))?|swallow(ed)?( (the )?(errors?|exceptions?))?|silent(ly)?( (ignore|fail|swallow))?|catch( (the )?errors?)?|errors?|fail(ed)? silently)[.!]*$/i;

const LINK = /\b(?:https?:\/\/|www\.)\S+/g;
/** What is left of a comment once its links are gone when it only pointed at them: ``, `see`, `ref: #123`. */
const LINK_ONLY_COMMENT = /^(?:(?:see|ref|refs|cf|related|issue|bug|details|more info|context)\b)?[\s:.,()#\d-]*$/i;

/** `// Continue with other roles if one fails`, `// skip to the next file`: what the loop does next, not why losing the failure is fine (a bare `// continue` is left alone). */
const CARRY_ON_COMMENT = /^(just |simply )?(continue|skip|move on|go on|proceed|keep going)\b(?=\s+\S)( (with|to|on))?( (the|other|next|remaining|processing|trying|rest of the|rest))*( [\w-]+){0,2}( (if|when|on) (this|it|one|that|the \w+|an? \w+) (fails?|errors?|throws))?[.!]*$/i;

/** Comments that explain an empty or fallback handler; TODOs, directives, commented-out code and comments that only restate the handler do not. */
export function isExplainingComment(text: string): boolean {
  const body = text
    .replace(/^\/\/+|^\/\*+|\*+\/$/g, '')
    .replace(/^\s*\*\s?/gm, '')
    .trim();
  if (!/[A-Za-z]{2,}/.test(body)) return false;
  if (/^(TODO|FIXME|XXX|HACK)\b/i.test(body)) return false;
  // `// https://github.com/org/repo/issues/7192`, `// see #123`: a pointer elsewhere, no reason written here
  if (LINK_ONLY_COMMENT.test(body.replace(LINK, ' ').trim())) return false;
  if (NO_REASON_COMMENT.test(body) || CARRY_ON_COMMENT.test(body)) return false;
  if (/^(eslint|errlint|prettier|istanbul|c8|@ts-|tslint|jshint|biome|oxlint|deno-lint|v8 ignore)/i.test(body)) return false;
  // commented-out code: console.log(e); / throw e;
  if (/^[\w$.]+\(.*\);?$/.test(body) || /^(throw|return|await|const|let|var)\b.*;$/.test(body)) return false;
  return true;
}

/** The ancestor-or-self whose parent is a block, the file or a function (memoised as `listedStatement`). */
const bodyChildMemo = new WeakMap<ts.Node, ts.Node>();
const bodyChild: Decide<ts.Node> = (t, n) => {
  const p = n.parent;
  return !p || t.isBlock(p) || t.isSourceFile(p) || isFunctionLike(t, p) ? n : INHERIT;
};

/** Comments inside the handler (and on its first line) that explain it. */
function hasExplainingComment(t: TS, handler: ErrorHandler): boolean {
  const sf = handler.node.getSourceFile();
  const text = sf.text;
  // the clause, or the handler argument of a promise handler
  const own: ts.Node = handler.kind === 'catch-clause' ? handler.node : handler.handlerExpr;
  const start = own.getStart(sf);
  const end = own.end;
  const seen = new Set<number>();
  let found = false;
  const check = (comments: Comment[]): void => {
    for (const c of comments) {
      if (seen.has(c.pos) || c.pos < start || c.end > end + 200) continue;
      seen.add(c.pos);
      if (isExplainingComment(c.text)) found = true;
    }
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    check(commentsAt(t, sf, n.pos, 'leading'));
    if (t.isBlock(n)) check(commentsAt(t, sf, n.statements.end, 'leading'));
    t.forEachChild(n, visit);
  };
  visit(own);
  if (found) return true;
  // `.catch(() => {}) // best effort` or `} catch { // ignore`: a comment on the handler's own line
  const lineEnd = text.indexOf('\n', end);
  const trailing = commentsAt(t, sf, handler.kind === 'catch-clause' ? handler.body.getStart(sf) + 1 : handler.node.end, 'trailing');
  for (const c of trailing) if (c.pos <= (lineEnd < 0 ? text.length : lineEnd) && isExplainingComment(c.text)) return true;
  if (handler.kind !== 'catch-clause') {
    // await x.close().catch(() => {}); // already closed
    const stmt = upward(t, bodyChildMemo, handler.node, bodyChild, handler.node);
    for (const c of commentsAt(t, sf, stmt.end, 'trailing')) if (isExplainingComment(c.text)) return true;
  }
  return false;
}

const IGNORE_WORDS = /ignor|skip|no longer|best[- ]effort|optional|swallow|either way|regardless|(must|should|does|do|need) ?(not|n'?t) (break|fail|block|crash|stop|strand|depend|matter)|doesn'?t depend|harmless|fall ?back|degrade|unhandled|opportunistic|don'?t care|not (critical|important|needed|fatal)|non[- ]?(fatal|critical|blocking)|expected|safe to|may (fail|not)|might (fail|not)|can fail|no-?op|intentional|deliberate|on purpose|fire[- ]and[- ]forget|already|doesn'?t matter|does not matter|not exist|no such|missing/i;

/** The ancestor-or-self that is a statement of a block, file, module or case clause (memoised: long chains ask from every link). */
const statementMemo = new WeakMap<ts.Node, ts.Node>();
const listedStatement: Decide<ts.Node> = (t, n) => {
  const p = n.parent;
  return !p || t.isBlock(p) || t.isSourceFile(p) || t.isModuleBlock(p) || t.isCaseClause(p) ? n : INHERIT;
};

/** A comment just above the try statement or the promise statement that says failures are ignored on purpose. */
export function hasIgnoreCommentAbove(t: TS, handler: ErrorHandler): boolean {
  const sf = handler.node.getSourceFile();
  const stmt = upward(t, statementMemo, handler.kind === 'catch-clause' ? handler.node.parent : handler.node, listedStatement, handler.node);
  const says = (s: ts.Node): boolean => commentsBefore(t, sf, s.pos).some((c) => isExplainingComment(c) && IGNORE_WORDS.test(c));
  if (says(stmt)) return true;
  // a comment heading the paragraph: the statement follows it with no blank line in between
  //   // a missing survey resolves to null and the form degrades to plain inputs
  //   const surveyId = readSurveyId(workflow);
  //   const survey = surveyId ? await getSurvey(surveyId).catch(() => null) : null;
  const siblings = (stmt.parent as ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause).statements;
  for (let i = indexInList(siblings, stmt), k = 0; i > 0 && k < 2; i--, k++) {
    const prev = siblings[i - 1]!;
    if (/\n[ \t]*\n/.test(sf.text.slice(prev.end, siblings[i]!.getStart(sf))) || commentsBefore(t, sf, siblings[i]!.pos).length > 0) return false;
    if (says(prev)) return true;
  }
  return false;
}

/**
 * Classifies what a handler does with the failure. The rule decides what is a finding; this returns the
 * facts: propagated, recorded, acted, console-only, constant log, empty, masking return, explaining comment.
 */
export function analyzeHandler(t: TS, handler: ErrorHandler, knowledge: Knowledge, imports: ImportMap, options: AnalyzeOptions = {}): HandlerAnalysis {
  const refs = new Map<string, ErrorUse>();
  if (handler.binding) refs.set(handler.binding, 'value');
  if (handler.bindingNode && !t.isIdentifier(handler.bindingNode)) {
    // catch ({ message }) / .catch(({ response }) => …)
    const visit = (n: ts.Node): void => {
      if (t.isBindingElement(n) && t.isIdentifier(n.name)) refs.set(n.name.text, n.dotDotDotToken ? 'value' : 'message');
      t.forEachChild(n, visit);
    };
    visit(handler.bindingNode);
  }
  const c: Ctx = {
    t,
    knowledge,
    imports,
    refs,
    consoleIsRecord: options.consoleIsRecord === true,
    assume: options.assume,
    isRef: (n) => (t.isIdentifier(n) ? (refs.get(n.text) ?? 'none') : 'none'),
  };
  const w: Walk = { effects: new Set(), logCalls: [] };
  let empty = false;
  const body = handler.body;
  if (!body) {
    // a promise handler passed by reference (a catch clause always has its block)
    empty = handler.kind !== 'catch-clause' && analyzeReference(t, handler.handlerExpr, knowledge, imports, w, c.consoleIsRecord);
  } else if (t.isBlock(body)) {
    empty = body.statements.length === 0;
    for (const s of body.statements) if (!options.skip?.has(s)) visitStatement(c, s, w);
  } else {
    const b = skipOuter(t, body);
    // .catch(() => logger.error(e)) is a call for its effect; .catch(() => null) returns a value
    if (t.isCallExpression(b) || t.isAwaitExpression(b) || t.isVoidExpression(b)) {
      visitExpression(c, b, w);
      if (t.isVoidExpression(b) && w.effects.size === 0) empty = true;
    } else {
      visitReturned(c, b, b, w);
    }
  }
  const has = (e: Effect): boolean => w.effects.has(e);
  const propagatedBy = PROPAGATING.find(has);
  const recorded = has('logged') || has('monitored');
  const base = { hasExplainingComment: hasExplainingComment(t, handler), logCalls: w.logCalls };
  if (propagatedBy) {
    const reason = propagatedBy === 'throw' ? (isRethrow(t, handler, refs) ? 'rethrow' : 'throw') : propagatedBy;
    return { ...base, reason, recorded };
  }
  if (recorded) return { ...base, reason: has('logged') ? 'logged' : 'monitored' };
  if (has('acted')) return { ...base, reason: 'acted' };
  if (has('logged-without-error')) return { ...base, reason: 'logged-without-error' };
  const masking = w.masking;
  if (has('console')) return { ...base, reason: 'console-only', ...(masking ? { masking } : {}) };
  if (has('constant-log')) return { ...base, reason: 'constant-log', ...(masking ? { masking } : {}) };
  if (masking && masking.kind !== 'undefined') return { ...base, reason: 'masking-return', masking };
  if (empty || w.effects.size === 0) return { ...base, reason: 'empty', noStatements: empty };
  // a bare `return;` or `return undefined` beside inert statements
  if (masking && [...w.effects].every((e) => e === 'masking' || e === 'inert')) return { ...base, reason: 'masking-return', masking };
  return { ...base, reason: 'discarded' };
}

function isRethrow(t: TS, handler: ErrorHandler, refs: Map<string, ErrorUse>): boolean {
  let found = false;
  // the body is never a nested function of its own handler: walk() skips nested functions below it
  if (handler.body) {
    walk(t, handler.body, (n) => {
      if (found) return 'skip';
      if (t.isThrowStatement(n) && n.expression) {
        const x = skipOuter(t, n.expression);
        if (t.isIdentifier(x) && refs.get(x.text) === 'value') found = true;
      }
      return undefined;
    });
  }
  return found;
}

/** Statements of a handler body (an expression body is one statement-like node). */
export function handlerStatements(t: TS, handler: ErrorHandler): readonly ts.Node[] {
  const b = handler.body;
  if (!b) return [];
  return t.isBlock(b) ? b.statements : [b];
}

const PROBE_CALLS = new Set([
  'JSON.parse', 'JSON.stringify', 'JSON5.parse', 'parseInt', 'parseFloat', 'Number', 'BigInt', 'Boolean', 'String', 'Date', 'Date.parse',
  'decodeURIComponent', 'decodeURI', 'encodeURIComponent', 'encodeURI', 'atob', 'btoa', 'Buffer.from', 'structuredClone', 'require',
  'require.resolve', 'import.meta.resolve', 'URL', 'URL.parse', 'URL.canParse', 'RegExp', 'execSync', 'execFileSync', 'spawnSync', 'which.sync',
  'readFileSync', 'readFile', 'statSync', 'stat', 'lstatSync', 'lstat', 'accessSync', 'access', 'existsSync', 'readdirSync', 'readdir',
  'realpathSync', 'realpath', 'readlinkSync', 'readlink', 'readJson', 'readJSON', 'readJsonSync', 'pathExists', 'pathExistsSync',
]);
const PROBE_METHODS = /^(parse|parseAsync|safeParse|safeParseAsync|decode|decodeJwt|deserialize|unserialize|fromString|fromJSON|toISOString|canParse|readFileSync|readFile|statSync|stat|lstat|lstatSync|access|accessSync|existsSync|readdir|readdirSync|realpath|realpathSync|readJson|readJSON|readJsonSync|pathExists)$/;
/** Probe methods that are only probes on a known receiver: jwt.verify, yaml.load, semver.valid. */
const RECEIVER_PROBES: [RegExp, RegExp][] = [
  [/^(verify|verifySync|constructEvent|constructEventAsync)$/, /(^|\.)(jwt|jose|jws|jsonwebtoken|crypto|verifier|webhooks|[a-z]*Signature)$/i],
  [/^(load|loadAll|safeLoad)$/, /(^|\.)(yaml|YAML|jsyaml|jsYaml|toml|TOML|ini)$/],
  [/^(valid|satisfies|coerce|clean)$/, /(^|\.)semver$/],
  // await response.json(): the body is already here; failing to parse it is the answer
  [/^(json|text|formData|arrayBuffer|blob)$/, /(^|\.)(res|response|resp|req|request|r|upstream|upstreamResponse)$/i],
];
const BENIGN_METHODS = /^(toString|trim|trimStart|trimEnd|split|slice|substring|substr|toLowerCase|toUpperCase|replace|replaceAll|includes|startsWith|endsWith|indexOf|lastIndexOf|match|matchAll|test|map|filter|some|every|join|push|concat|keys|values|entries|fromEntries|at|from|isArray|isInteger|isNaN|isFinite|isSafeInteger|assign|freeze|padStart|padEnd|charAt|charCodeAt|codePointAt|reduce|flat|flatMap|sort|reverse|min|max|floor|ceil|round|abs|trunc|toFixed|getTime|valueOf|normalize|basename|dirname|extname|join|relative|isAbsolute|localeCompare|toJSON|Symbol|isBuffer|byteLength|toLocaleString|toLocaleDateString|toLocaleTimeString|getOwnPropertyNames|defineProperty|pop|shift|hasOwnProperty|getPrototypeOf)$/;

/** `orders.cancel()`, `stock.release()`, `user.destroy()`: business operations that share a cleanup verb. */
function isBusinessReceiver(name: string, knowledge: Knowledge, t: TS, call: ts.CallExpression): boolean {
  const receiver = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  return mentionsMoney(receiver) || isLikelyDbWrite(t, call, knowledge);
}

/** What the guarded code does, for exemptions: only parsing/probing, or only best-effort cleanup. */
export interface GuardedWork {
  /** Only parsing, conversion and read-only probes (`JSON.parse`, `new URL`, `require.resolve`, `fs.statSync`). */
  probe: boolean;
  /** Only releasing resources (`close`, `destroy`, `unlink`, `rm`, `abort`, `rollback`, `disconnect`, `reader.cancel`). */
  cleanup: boolean;
  /** Only product analytics (`analytics.track(…)`, `posthog.identify(…)`): best-effort by design. */
  telemetry: boolean;
  /** Some call verifies a credential (`jwt.verify`, `verifySession`, `getUserForJWT`): a failure means "not signed in". */
  verification: boolean;
  /** Some call parses text (`JSON.parse(body)`, `new URL(s)`) or tests a value with a predicate of its own (`isLikelyDate(v)`), whatever else the block does beside it. */
  parses: boolean;
}

/** Calls that parse text: their failure says the text was malformed. */
const PARSE_CALLS = /^(?:JSON5?\.parse|URL|URL\.parse|decodeURIComponent|decodeURI|atob|YAML\.parse|yaml\.parse|yaml\.load|qs\.parse|querystring\.parse)$/;

/** A project's own parse helper called synchronously: `parseJsonBody(raw)`, `parseCronExpression(s)`. */
const PARSE_HELPER = /^(parse|safeParse)[A-Z]\w*$/;
/** A project's own predicate over a value: `isLikelyDate(v)`, `looksLikeEmail(s)`; when it throws, the answer is "no". */
const VALUE_PREDICATE = /^(is|looksLike|seemsLike)[A-Z]\w*$/;
/** Configuration stores read with `get`/`has`: `nconf.get('url')`, `config.get('port')`. */
const CONFIG_RECEIVERS = /(^|\.)(nconf|config|conf|settings|configService|process\.env)$/i;

/** Cleanup in guarded code; `cancel` only here: in a handler body `order.cancel()` is a compensating action. */
const GUARDED_CLEANUP_METHODS = /^(cancel)$/;
const TELEMETRY_METHODS = /^_?(track|trackEvent|logEvent|captureEvent|recordEvent|identify)$/;
const TELEMETRY_RECEIVERS = /(^|\.)(analytics|posthog|segment|mixpanel|amplitude|telemetry|tracker|tracking|umami|plausible|rudderstack|heap|gtag)$/i;
const VERIFY_CALL = /^(verify|validate|decode|authenticate|introspect)[A-Z]?\w*$|[a-z]Verify(Async|Sync)?$|(For|From|By)(JWT|Jwt|Token|AccessToken|ApiKey|Session)$/;

const collectionCache = new WeakMap<ts.SourceFile, Set<string>>();

/** Names the file initialises with `new Map()`, `new Set()`, `new WeakMap()`, `new WeakSet()`: in-memory collections. */
function collectionNames(t: TS, sf: ts.SourceFile): Set<string> {
  let names = collectionCache.get(sf);
  if (names) return names;
  names = new Set();
  const out = names;
  walk(
    t,
    sf,
    (n) => {
      if ((t.isVariableDeclaration(n) || t.isPropertyDeclaration(n)) && n.initializer && (t.isIdentifier(n.name) || t.isPrivateIdentifier(n.name))) {
        const init = skipOuter(t, n.initializer);
        if (t.isNewExpression(init) && t.isIdentifier(init.expression) && /^(Map|Set|WeakMap|WeakSet)$/.test(init.expression.text)) out.add(n.name.text);
      }
    },
    true,
  );
  collectionCache.set(sf, names);
  return names;
}

/** What the calls of a block do, counted; summed over nested blocks once (src/analysis/ast.ts `summaryBelow`). */
interface WorkCounts {
  probes: number;
  cleanups: number;
  telemetry: number;
  verification: boolean;
  parses: number;
  other: number;
}

const noWork = (): WorkCounts => ({ probes: 0, cleanups: 0, telemetry: 0, verification: false, parses: 0, other: 0 });

function addWork(into: WorkCounts, from: WorkCounts): void {
  into.probes += from.probes;
  into.cleanups += from.cleanups;
  into.telemetry += from.telemetry;
  into.verification ||= from.verification;
  into.parses += from.parses;
  into.other += from.other;
}

const workMemos = new WeakMap<Knowledge, WeakMap<ts.Node, WorkCounts>>();

/**
 * Classifies the try block of a catch clause, or the call that produced the promise of a promise handler:
 * a probe whose failure is the answer (`try { new URL(s) } catch { return null }`), or best-effort cleanup
 * (`await page.close().catch(() => {})`).
 */
export function guardedWork(t: TS, handler: ErrorHandler, knowledge: Knowledge): GuardedWork {
  const target = guardedCode(handler);
  const collections = collectionNames(t, target.getSourceFile());
  const classify = (n: ts.CallExpression | ts.NewExpression, w: WorkCounts): void => {
    const name = dottedName(t, n.expression);
    const method = t.isCallExpression(n) ? calleeMethod(t, n) : name?.split('.').pop();
    const viaFs = name !== undefined && /^(fs|fsp|fse|fs\.promises|promises|fsPromises|fsExtra|Deno)\./.test(name);
    const receiver = name && name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : undefined;
    if (method && VERIFY_CALL.test(method) && !mentionsMoney(name ?? '')) w.verification = true;
    if (name !== undefined && (PARSE_CALLS.test(name) || (t.isCallExpression(n) && t.isIdentifier(n.expression) && (PARSE_HELPER.test(name) || VALUE_PREDICATE.test(name))))) w.parses++;
    if (n.expression.kind === t.SyntaxKind.ImportKeyword) w.probes++;
    // console output, settling the surrounding promise, reading configuration: value work beside the parse
    else if (name !== undefined && (/^console\./.test(name) || name === 'resolve' || (method !== undefined && /^(get|has)$/.test(method) && receiver !== undefined && CONFIG_RECEIVERS.test(receiver)))) {
      /* pure value work */
    } else if (t.isCallExpression(n) && t.isIdentifier(n.expression) && PARSE_HELPER.test(n.expression.text) && !(n.parent && t.isAwaitExpression(n.parent))) w.probes++;
    else if (t.isNewExpression(n)) {
      if (name && /^(URL|Date|RegExp|Intl\.\w+|TextDecoder|Function|URLSearchParams)$/.test(name)) w.probes++;
      else w.other++;
    } else if (name && (PROBE_CALLS.has(name) || (viaFs && PROBE_CALLS.has(method!)))) w.probes++;
    else if (method && (CLEANUP_METHODS.test(method) || GUARDED_CLEANUP_METHODS.test(method)) && t.isCallExpression(n) && !isBusinessReceiver(name ?? '', knowledge, t, n)) w.cleanups++;
    // analytics.track('signup'), posthog.identify(id)
    else if (method && receiver && (TELEMETRY_METHODS.test(method) || TELEMETRY_RECEIVERS.test(receiver)) && !mentionsMoney(receiver)) w.telemetry++;
    // seen.set(id, node) on a `new Map()` of the file: in-memory bookkeeping beside the parse
    else if (method && receiver && /^(get|set|has|add|delete)$/.test(method) && collections.has(receiver.replace(/^this\./, ''))) {
      /* pure value work */
    }
    else if (method && PROBE_METHODS.test(method) && !/^(fetch|axios|http|got)/.test(name ?? '')) w.probes++;
    else if (method && name && RECEIVER_PROBES.some(([m, r]) => m.test(method) && r.test(name.slice(0, name.lastIndexOf('.'))))) w.probes++;
    else if (method && (BENIGN_METHODS.test(method) || /^to[A-Z]\w*$/.test(method)) && method !== 'toPromise' && method !== 'toArray') {
      /* pure value work: neither makes the block a probe nor disqualifies it */
    } else w.other++;
  };
  let memo = workMemos.get(knowledge);
  if (!memo) workMemos.set(knowledge, (memo = new WeakMap()));
  const add = (into: WorkCounts, n: ts.Node): void => {
    if (t.isCallExpression(n) || t.isNewExpression(n)) classify(n, into);
  };
  const below = summaryBelow<WorkCounts>(t, target, { memo, crossFunctions: true, empty: noWork, add, merge: addWork });
  // the promise itself is the call we classify: fs.unlink(tmp).catch(() => {})
  const total = noWork();
  add(total, target);
  addWork(total, below);
  const { probes, cleanups, telemetry, verification, parses, other } = total;
  return {
    probe: probes > 0 && other === 0 && cleanups === 0 && telemetry === 0,
    cleanup: cleanups > 0 && other === 0 && probes === 0 && telemetry === 0,
    telemetry: telemetry > 0 && other === 0 && cleanups === 0,
    verification,
    parses: parses > 0,
  };
}

/** Whether the guarded code runs synchronously: no `await`, `yield`, promise chain, database write or outbound call. */
export function isSynchronousTry(t: TS, handler: ErrorHandler, knowledge: Knowledge): boolean {
  if (handler.kind !== 'catch-clause') return false;
  const block = handler.tryBlock;
  let memo = asyncMemos.get(knowledge);
  if (!memo) asyncMemos.set(knowledge, (memo = new WeakMap()));
  const below = summaryBelow<{ async: boolean }>(t, block, {
    memo,
    crossFunctions: false,
    empty: () => ({ async: false }),
    add(into, n) {
      if (t.isAwaitExpression(n) || t.isYieldExpression(n) || (t.isForOfStatement(n) && n.awaitModifier)) into.async = true;
      else if (t.isCallExpression(n)) {
        const m = calleeMethod(t, n);
        if (m === 'then' || m === 'catch' || m === 'finally' || effectOf(t, n, knowledge) !== undefined) into.async = true;
      }
    },
    merge(into, from) {
      into.async ||= from.async;
    },
    settled: (s) => s.async,
  });
  return !below.async;
}

const INPUT_FAULT = /\b(?:malformed|parse|unparsable|csrf)\b/i;

/**
 * A new error whose message names the client's input as the fault (`'CSRF token invalid'`, `'Failed to parse
 * multipart data'`): the author says what failed, so its 4xx is the answer, not a blind translation.
 */
export function namesInputFault(t: TS, created: ts.NewExpression): boolean {
  let found = false;
  walk(t, created, (n) => {
    if ((t.isStringLiteralLike(n) || t.isTemplateHead(n) || t.isTemplateMiddle(n) || t.isTemplateTail(n)) && INPUT_FAULT.test(n.text)) found = true;
  });
  return found;
}

/**
 * `findOrThrow(id).catch(() => { throw new NotFoundException() })`, `catch { throw new UnauthorizedException('Invalid
 * token') }` around a lookup: a handler whose only statement throws a client error (4xx) without looking at what was
 * caught, over work that can fail for reasons other than the client's input (not a parse, a credential check or a
 * synchronous computation). Every failure, outages included, becomes an unlogged 4xx. Returns the `new` expression.
 */
export function blindClientTranslation(t: TS, handler: ErrorHandler, knowledge: Knowledge): ts.NewExpression | undefined {
  const statements = handlerStatements(t, handler);
  if (statements.length !== 1) return undefined;
  const only = statements[0]!;
  if (!t.isThrowStatement(only)) return undefined;
  const thrown = skipOuter(t, only.expression);
  if (!t.isNewExpression(thrown)) return undefined;
  const callee = skipOuter(t, thrown.expression);
  const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name || !(CLIENT_ERROR_CLASS.test(name) || isClientStatusThrow(t, name, thrown.arguments ?? []))) return undefined;
  if (namesInputFault(t, thrown)) return undefined;
  // the caught error is read at all (`e.message` in the text, `e.code` anywhere): not a blind translation
  const binding = handler.binding;
  if (handler.bindingNode && !binding) return undefined;
  let reads = false;
  if (binding) walk(t, only, (n) => {
    if (t.isIdentifier(n) && n.text === binding) reads = true;
  });
  if (reads) return undefined;
  const work = guardedWork(t, handler, knowledge);
  if (work.probe || work.verification) return undefined;
  if (handler.kind === 'catch-clause' && isSynchronousTry(t, handler, knowledge)) return undefined;
  return thrown;
}

const asyncMemos = new WeakMap<Knowledge, WeakMap<ts.Node, { async: boolean }>>();
