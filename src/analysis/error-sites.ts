/**
 * Where code handles an error it was given: catch clauses and promise rejection handlers (from `catch.ts`),
 * plus error callbacks — Express error middleware, Fastify `setErrorHandler`, Hono `onError`, Koa and emitter
 * `on('error')`, `process.on('uncaughtException' | 'unhandledRejection')`, NestJS exception filters, `onError`
 * hooks. Also which names in such a site denote the error, and whether the error object leaves the site.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { calleeMethod, dottedName, INHERIT, isFunctionLike, skipOuter, upward, type Decide, type FunctionLike } from './ast.js';
import { catchClauseHandler, promiseHandler, type ErrorHandler, type ErrorReceiver } from './catch.js';
import { BUILT_IN_ERRORS } from './error-classes.js';
import { errorUse, type ErrorUse } from './loggers.js';
import { DESTRUCTURED_ERROR, ERROR_EVENTS, ERROR_HOOK_METHODS, ERROR_HOOK_PROPERTIES, ERROR_PARAM, REQUEST_PARAM } from '../knowledge/errors.js';

export type ErrorCallbackKind = 'error-middleware' | 'error-hook' | 'error-event' | 'process-event' | 'exception-filter';

/** A function a framework, an emitter or the process calls with an error. */
export interface ErrorCallback extends ErrorReceiver {
  kind: ErrorCallbackKind;
  /** The callback function itself. */
  node: FunctionLike;
  fn: FunctionLike;
}

/** A place where an error arrives: a catch clause, a rejection handler or an error callback. */
export type ErrorSite = ErrorHandler | ErrorCallback;

/** The site as a catch clause or promise rejection handler, undefined for an error callback. */
export function handlerOf(site: ErrorSite): ErrorHandler | undefined {
  return site.kind === 'catch-clause' || site.kind === 'promise-catch' || site.kind === 'promise-then' ? site : undefined;
}

function paramBinding(t: TS, fn: FunctionLike): Pick<ErrorReceiver, 'binding' | 'bindingNode'> {
  const name = fn.parameters[0]?.name;
  if (!name) return {};
  return t.isIdentifier(name) ? { binding: name.text, bindingNode: name } : { bindingNode: name };
}

function decoratorNames(t: TS, node: ts.Node): string[] {
  if (!t.canHaveDecorators(node)) return [];
  return (t.getDecorators(node) ?? []).map((d) => {
    const e = d.expression;
    return dottedName(t, t.isCallExpression(e) ? e.expression : e) ?? '';
  });
}

/** An error callback: the function is given an error by a framework, an emitter or the process. */
export function errorCallbackOf(t: TS, fn: FunctionLike): ErrorCallback | undefined {
  const params = fn.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : ''));
  const site = (kind: ErrorCallbackKind): ErrorCallback => ({ kind, node: fn, fn, body: fn.body, ...paramBinding(t, fn) });
  // (err, req, res, next) => …
  if (params.length === 4 && ERROR_PARAM.test(params[0]!) && REQUEST_PARAM.test(params[1]!)) return site('error-middleware');
  // @Catch() class X implements ExceptionFilter { catch(exception, host) { … } }
  if (t.isMethodDeclaration(fn) && t.isIdentifier(fn.name) && fn.name.text === 'catch' && fn.parameters.length >= 1) {
    const cls = fn.parent;
    if ((t.isClassDeclaration(cls) || t.isClassExpression(cls)) && decoratorNames(t, cls).includes('Catch')) return site('exception-filter');
  }
  // { onError(err) { … } } / { onError: (err) => … }
  if (t.isMethodDeclaration(fn) && t.isIdentifier(fn.name) && ERROR_HOOK_PROPERTIES.test(fn.name.text) && t.isObjectLiteralExpression(fn.parent) && fn.parameters.length >= 1) {
    return site('error-hook');
  }
  const parent = fn.parent;
  if (parent && t.isPropertyAssignment(parent) && parent.initializer === fn && t.isIdentifier(parent.name) && ERROR_HOOK_PROPERTIES.test(parent.name.text) && fn.parameters.length >= 1) {
    return site('error-hook');
  }
  if (!parent || !t.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression)) return undefined;
  const method = calleeMethod(t, parent);
  if (!method) return undefined;
  // fastify.setErrorHandler((error, request, reply) => …) / app.onError((err, c) => …)
  if (ERROR_HOOK_METHODS.has(method) && parent.arguments[0] === fn && t.isPropertyAccessExpression(skipOuter(t, parent.expression))) {
    return site('error-hook');
  }
  // process.on('unhandledRejection', (reason) => …) / app.on('error', (err, ctx) => …)
  if ((method === 'on' || method === 'once' || method === 'addListener' || method === 'prependListener') && parent.arguments[1] === fn) {
    const event = parent.arguments[0];
    if (event && t.isStringLiteralLike(event) && ERROR_EVENTS.has(event.text)) {
      const receiver = t.isPropertyAccessExpression(skipOuter(t, parent.expression)) ? dottedName(t, (skipOuter(t, parent.expression) as ts.PropertyAccessExpression).expression) : undefined;
      return site(receiver === 'process' ? 'process-event' : 'error-event');
    }
  }
  return undefined;
}

/**
 * The error site `node` runs in: the nearest catch block, rejection handler or error callback, without
 * crossing into an unrelated function (a callback inside a catch block is not error handling). A node in a
 * `try` block or `finally` block is not in the catch's site.
 */
export function enclosingErrorSite(t: TS, node: ts.Node): ErrorSite | undefined {
  // the catch clause or function that decides it, memoised per node (issue 19: throws 600 else-ifs deep)
  const n = upward(t, siteHolderMemo, node, siteHolder, undefined);
  if (!n) return undefined;
  if (t.isCatchClause(n)) return catchClauseHandler(t, n);
  const call = n.parent;
  if (call && t.isCallExpression(call) && call.arguments.includes(n as ts.Expression)) {
    const h = promiseHandler(t, call);
    if (h && h.fn === n) return h;
  }
  return errorCallbackOf(t, n as FunctionLike);
}

const siteHolderMemo = new WeakMap<ts.Node, ts.Node | undefined>();
/** Seen from `child`: its parent when that is a catch clause (from its block) or a function; none at a static block or the file. */
const siteHolder: Decide<ts.Node | undefined> = (t, child) => {
  const n = child.parent;
  if (!n) return undefined;
  if ((t.isCatchClause(n) && child === n.block) || isFunctionLike(t, n)) return n;
  if (t.isClassStaticBlockDeclaration(n) || t.isSourceFile(n)) return undefined;
  return INHERIT;
};

/**
 * Names that hold the site's error, and how much of it: the binding, `const err = e as Error`,
 * `const msg = e.message` ('message'), `({ error }) =>` of an `onError` hook. Declarations are read in order
 * of appearance, not crossing nested functions.
 */
export function errorRefs(t: TS, site: ErrorSite): Map<string, ErrorUse> {
  const refs = new Map<string, ErrorUse>();
  if (site.binding) refs.set(site.binding, 'value');
  if (site.bindingNode && !t.isIdentifier(site.bindingNode)) {
    const visit = (n: ts.Node): void => {
      if (t.isBindingElement(n) && t.isIdentifier(n.name)) {
        const key = n.propertyName && t.isIdentifier(n.propertyName) ? n.propertyName.text : n.name.text;
        refs.set(n.name.text, n.dotDotDotToken || DESTRUCTURED_ERROR.test(key) ? 'value' : 'message');
      }
      t.forEachChild(n, visit);
    };
    visit(site.bindingNode);
  }
  const isRef = (e: ts.Expression): ErrorUse => (t.isIdentifier(e) ? (refs.get(e.text) ?? 'none') : 'none');
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(t, n) && n !== site.fn) return;
    if (t.isVariableDeclaration(n) && t.isIdentifier(n.name) && n.initializer) {
      const init = skipOuter(t, n.initializer);
      // const err = e instanceof Error ? e : new Error(String(e)) / const err = toError(e)
      const use = t.isConditionalExpression(init) ? errorUse(t, init, isRef) : errorUse(t, n.initializer, isRef);
      if (use !== 'none' && !isPredicateCall(t, init)) refs.set(n.name.text, use);
    }
    t.forEachChild(n, visit);
  };
  if (site.body) visit(site.body);
  return refs;
}

/** `isAxiosError(e)`, `e instanceof X`, `axios.isCancel(e)`: a test, not a use of the error. */
export function isPredicateCall(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  if (t.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    return op === t.SyntaxKind.InstanceOfKeyword || op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken || op === t.SyntaxKind.InKeyword;
  }
  if (t.isPrefixUnaryExpression(x)) return isPredicateCall(t, x.operand) || x.operator === t.SyntaxKind.ExclamationToken;
  if (!t.isCallExpression(x)) return false;
  const name = (dottedName(t, x.expression) ?? '').split('.').pop() ?? '';
  return /^(?:is|has|should|can)[A-Z_]\w*$|^(?:instanceOf|isCancel|isAxiosError|isHttpError)$/.test(name);
}

/**
 * Whether the error object leaves the site other than through `skip` (the call being judged): thrown,
 * returned, passed to a call (not a predicate), stored in a property or outer variable. `e.message` alone
 * does not count; `e.stack` does.
 */
export function errorEscapes(t: TS, site: ErrorSite, refs: Map<string, ErrorUse>, skip?: ts.Node, ignoreConsole = false): boolean {
  const isRef = (e: ts.Expression): ErrorUse => (t.isIdentifier(e) ? (refs.get(e.text) ?? 'none') : 'none');
  const carries = (e: ts.Expression | undefined): boolean => e !== undefined && !isPredicateCall(t, e) && errorUse(t, e, isRef) === 'value';
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n === skip) return;
    if (t.isThrowStatement(n) || t.isReturnStatement(n)) {
      if (carries(n.expression)) found = true;
    } else if (t.isNewExpression(n) && t.isIdentifier(n.expression) && BUILT_IN_ERRORS.has(n.expression.text)) {
      // new Error(e) keeps only String(e); the options object (`{ cause: e }`) keeps the error
      const optionsIndex = BUILT_IN_ERRORS.get(n.expression.text)!.optionsIndex;
      if ((n.arguments ?? []).some((a, i) => (i === optionsIndex || (optionsIndex === 2 && i === 0)) && carries(a))) found = true;
    } else if (t.isCallExpression(n) || t.isNewExpression(n)) {
      // console output is not a record: with `ignoreConsole`, console.error(e) does not keep the error
      const toConsole = ignoreConsole && t.isCallExpression(n) && /^console\./.test(dottedName(t, n.expression) ?? '');
      // errorToString(e), getErrorMessage(e): the call hands on the error's text, not the error
      const toText = t.isCallExpression(n) && errorUse(t, n, isRef) === 'message';
      if (!toConsole && !toText && !isPredicateCall(t, n) && (n.arguments ?? []).some((a) => carries(a))) found = true;
    } else if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      if (!t.isIdentifier(n.left) || !refs.has(n.left.text)) if (carries(n.right)) found = true;
    } else if (t.isArrowFunction(n) && n !== site.fn && !t.isBlock(n.body)) {
      if (carries(n.body)) found = true;
    }
    if (!found) t.forEachChild(n, visit);
  };
  if (site.body && !t.isBlock(site.body) && carries(site.body as ts.Expression)) return true;
  if (site.body) visit(site.body);
  return found;
}

/** Whether `expr` names the caught error (or a name bound to it). */
function mentionsCaught(t: TS, expr: ts.Node, refs: Map<string, ErrorUse>): boolean {
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit) return;
    if (t.isIdentifier(n) && refs.has(n.text)) hit = true;
    else t.forEachChild(n, visit);
  };
  visit(expr);
  return hit;
}

/**
 * The statement sits under an `if` (or `case`) of the site whose condition inspects the error:
 * `if (e.code === 'P2002')`, `if (e instanceof TimeoutError)`, `if (isAxiosError(e))` — a deliberate
 * translation of a recognised failure.
 */
export function isUnderErrorCondition(t: TS, node: ts.Node, site: ErrorSite, refs: Map<string, ErrorUse>): boolean {
  const mentions = (e: ts.Node): boolean => mentionsCaught(t, e, refs);
  for (let n: ts.Node | undefined = node.parent; n && n !== site.body && n !== site.node; n = n.parent) {
    if (t.isIfStatement(n) && n.expression !== node && mentions(n.expression)) return true;
    if (t.isCaseClause(n) && t.isSwitchStatement(n.parent.parent) && mentions(n.parent.parent.expression)) return true;
    if (t.isConditionalExpression(n) && mentions(n.condition)) return true;
  }
  return false;
}

/**
 * The statement sits under a branch that matches the caught error against one known value: a `case` (not
 * `default`) of a `switch` on the error or its code, or an `if` comparing them with `===` / `==` or looking for
 * one literal in them (`if (e.code === 'P2003')`, `if (e.message.includes('404'))`). What it throws names that
 * recognised condition, whatever its class.
 */
export function isUnderErrorCodeMatch(t: TS, node: ts.Node, site: ErrorSite, refs: Map<string, ErrorUse>): boolean {
  const mentions = (e: ts.Node): boolean => mentionsCaught(t, e, refs);
  const isMatch = (e: ts.Expression): boolean => {
    const x = skipOuter(t, e);
    // e.message.includes('404'), e.code?.startsWith('P20'): one known value looked for in the error's text or code
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && /^(includes|startsWith|endsWith)$/.test(x.expression.name.text)) {
      const arg = x.arguments[0];
      return arg !== undefined && t.isStringLiteralLike(arg) && mentions(x.expression.expression);
    }
    if (!t.isBinaryExpression(x)) return false;
    const op = x.operatorToken.kind;
    if (op === t.SyntaxKind.AmpersandAmpersandToken) return isMatch(x.left) || isMatch(x.right);
    if (op === t.SyntaxKind.BarBarToken) return isMatch(x.left) && isMatch(x.right);
    if (op !== t.SyntaxKind.EqualsEqualsEqualsToken && op !== t.SyntaxKind.EqualsEqualsToken) return false;
    return mentions(x.left) !== mentions(x.right);
  };
  for (let n: ts.Node | undefined = node.parent; n && n !== site.body && n !== site.node; n = n.parent) {
    if (t.isIfStatement(n) && n.expression !== node && n.thenStatement.pos <= node.pos && node.end <= n.thenStatement.end && isMatch(n.expression)) return true;
    if (t.isCaseClause(n) && t.isSwitchStatement(n.parent.parent) && mentions(n.parent.parent.expression)) return true;
  }
  return false;
}

/**
 * The statement sits under an `if` of the site whose condition does not look at the error at all
 * (`if (attempt >= maxAttempts)`): what it throws reports that other condition, not the caught failure.
 */
export function isUnderOtherCondition(t: TS, node: ts.Node, site: ErrorSite, refs: Map<string, ErrorUse>): boolean {
  const mentions = (e: ts.Node): boolean => mentionsCaught(t, e, refs);
  for (let n: ts.Node | undefined = node.parent; n && n !== site.body && n !== site.node; n = n.parent) {
    if (t.isIfStatement(n) && n.expression !== node && !mentions(n.expression)) return true;
  }
  return false;
}

const TEXT_MEMBERS = new Set(['message', 'name', 'toString']);

/**
 * How the arguments read the error when they do not pass the object: `'text'` when only its message, name or
 * string form (`e.message`, `String(e)`, `` `${e}` ``), `'fields'` when they pick other properties on purpose
 * (`e.code`, `e.response.status`), `'none'` when they do not mention it.
 */
export function errorReadKind(t: TS, args: readonly ts.Expression[], refs: Map<string, ErrorUse>): 'text' | 'fields' | 'none' {
  let kind: 'text' | 'fields' | 'none' = 'none';
  const visit = (n: ts.Node): void => {
    if (kind === 'fields') return;
    if (t.isIdentifier(n) && refs.has(n.text) && !(t.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      let p: ts.Node = n;
      while (t.isNonNullExpression(p.parent) || t.isParenthesizedExpression(p.parent) || t.isAsExpression(p.parent)) p = p.parent;
      const parent = p.parent;
      if (refs.get(n.text) === 'message') kind = 'text';
      else if (parent && (t.isPropertyAccessExpression(parent) || t.isElementAccessExpression(parent)) && parent.expression === p) {
        const name = t.isPropertyAccessExpression(parent) ? parent.name.text : undefined;
        kind = name && TEXT_MEMBERS.has(name) ? 'text' : 'fields';
      } else kind = 'text';
      return;
    }
    t.forEachChild(n, visit);
  };
  for (const a of args) visit(a);
  return kind;
}
