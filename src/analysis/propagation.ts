/**
 * Where a failure goes from a point in the code, for suggestions that propagate it: to the caller (a `throw`),
 * to Express's error middleware (`next(err)`), nowhere safe (an async `(req, res)` handler without `next`: in
 * Express 4 a rejection is never answered), or somewhere we cannot see (a callback run by an event emitter, a
 * timer or a library). And whether code after a statement would be skipped by a new `throw` there.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { calleeMethod, isAsyncFunction, isFunctionLike, isHttpHandler, parameterNames, type FunctionLike } from './ast.js';

export type ThrowTarget =
  | { kind: 'caller' }
  /** `(req, res, next)`: hand the error to `next`. */
  | { kind: 'next'; next: string }
  /** `async (req, res)` with no `next`: answer the request; a throw becomes an unhandled rejection in Express 4. */
  | { kind: 'respond'; res: string }
  /** A callback run by code we cannot see: a throw there is an uncaught exception or an unhandled rejection. */
  | { kind: 'unseen' };

/** Callbacks whose throw reaches the code that called the method: promise chains and synchronous array methods. */
const PASS_THROUGH_CALLBACKS = new Set(['then', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort', 'catch', 'finally']);
/** Array methods that do not wait for an async callback's promise: a throw there is an unhandled rejection. */
const SYNC_ONLY_CALLBACKS = new Set(['map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort']);


/** Where a failure raised directly in `fn` goes. */
export function throwTargetOf(t: TS, fn: FunctionLike | undefined): ThrowTarget {
  if (!fn) return { kind: 'caller' };
  const params = parameterNames(t, fn);
  const last = params[params.length - 1];
  if (params.length >= 3 && last === 'next') return { kind: 'next', next: last };
  if (isHttpHandler(t, fn)) {
    // Express 4 leaves a rejected (req, res) handler unanswered; Fastify, Koa, Hono, Nest and Next answer a throw
    return params.length === 2 && /^(res|response)$/.test(params[1]!) && !t.isMethodDeclaration(fn) ? { kind: 'respond', res: params[1]! } : { kind: 'caller' };
  }
  let holder: ts.Node = fn;
  // { collect() { … } } passed to new Gauge(…) / app.use({ handle() {} })
  if ((t.isMethodDeclaration(fn) || t.isFunctionExpression(fn) || t.isArrowFunction(fn)) && fn.parent && t.isObjectLiteralExpression(fn.parent.kind === t.SyntaxKind.PropertyAssignment ? fn.parent.parent : fn.parent)) {
    holder = t.isPropertyAssignment(fn.parent) ? fn.parent.parent : fn.parent;
  }
  const call = holder.parent;
  if (call && (t.isCallExpression(call) || t.isNewExpression(call)) && (call.arguments ?? ([] as readonly ts.Expression[])).includes(holder as ts.Expression)) {
    // new Promise((resolve, reject) => { throw … }) rejects the promise; an async executor's throw rejects only the
    // executor's own promise, which nobody awaits: an unhandled rejection, and the outer promise never settles
    if (t.isNewExpression(call)) return t.isIdentifier(call.expression) && call.expression.text === 'Promise' && !isAsyncFunction(t, fn) ? { kind: 'caller' } : { kind: 'unseen' };
    const method = calleeMethod(t, call);
    if (holder !== fn || !method || !PASS_THROUGH_CALLBACKS.has(method)) return { kind: 'unseen' };
    if (isAsyncFunction(t, fn) && SYNC_ONLY_CALLBACKS.has(method) && method !== 'map' && method !== 'flatMap') return { kind: 'unseen' };
  }
  return { kind: 'caller' };
}

const LOOP = (t: TS, n: ts.Node): boolean => t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n);
const RESPONSE_ROOT = /^(res|response|reply|ctx|c|h)$/;

/** What runs after a statement in its function, seen from a `throw` that would skip it. */
export type CodeAfter =
  /** Nothing: the statement ends the function. */
  | 'nothing'
  /** Only code that depends on the statement having worked: it reads what the statement assigned, or answers success. */
  | 'dependent'
  /** Work of its own: the next item of a loop, clearing a session, `next()`, a fallback source after a `return`. */
  | 'independent';

function rootName(t: TS, e: ts.Expression): string | undefined {
  let x = e;
  for (;;) {
    if (t.isParenthesizedExpression(x) || t.isAwaitExpression(x) || t.isNonNullExpression(x)) x = x.expression;
    else if (t.isCallExpression(x) || t.isPropertyAccessExpression(x) || t.isElementAccessExpression(x)) x = x.expression;
    else break;
  }
  return t.isIdentifier(x) ? x.text : undefined;
}

/** `return …`, `res.json(…)`, `ctx.body = …`: a statement that answers the caller or the client. */
function isAnswer(t: TS, st: ts.Statement): boolean {
  if (t.isReturnStatement(st)) return true;
  if (!t.isExpressionStatement(st)) return false;
  const e = st.expression;
  const target = t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.EqualsToken ? e.left : e;
  const root = rootName(t, target);
  return root !== undefined && RESPONSE_ROOT.test(root);
}

/** Names a statement assigns or declares: `x = await …`, `const x = …`. */
function assignedNames(t: TS, node: ts.Node): Set<string> {
  const out = new Set<string>();
  const addBinding = (b: ts.BindingName): void => {
    if (t.isIdentifier(b)) out.add(b.text);
    else for (const el of b.elements) if (!t.isOmittedExpression(el)) addBinding(el.name);
  };
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(t, n)) return;
    if (t.isVariableDeclaration(n)) addBinding(n.name);
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= t.SyntaxKind.FirstAssignment && n.operatorToken.kind <= t.SyntaxKind.LastAssignment) {
      const root = rootName(t, n.left);
      if (root) out.add(root);
    }
    t.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/**
 * What the statements after each position of one statement list do, gathered from the end backwards as far as a
 * question needs and kept: a list of n sibling try statements costs n in all, not n per catch (issue 19).
 * Function declarations and empty statements do not count as code after.
 */
interface SuffixIndex {
  /** Positions of the list's statements. */
  position: Map<ts.Node, number>;
  /** Statements at `from` and after have been looked at. */
  from: number;
  /** `counted[i]`: statements that count from i to the end; `answers[i]`: all of them answer success. */
  counted: number[];
  answers: boolean[];
  /** Each name read in the statements looked at, with the last position that reads it. */
  lastRead: Map<string, number>;
}

const suffixIndexes = new WeakMap<ts.Node, SuffixIndex>();

function suffixIndex(t: TS, list: ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause, below: number): SuffixIndex {
  let index = suffixIndexes.get(list);
  const statements = list.statements;
  if (!index) {
    index = { position: new Map(statements.map((s, i) => [s, i])), from: statements.length, counted: [], answers: [], lastRead: new Map() };
    index.counted[statements.length] = 0;
    index.answers[statements.length] = true;
    suffixIndexes.set(list, index);
  }
  const lastRead = index.lastRead;
  for (let i = index.from - 1; i >= below; i--) {
    const st = statements[i]!;
    const counts = !t.isFunctionDeclaration(st) && !t.isEmptyStatement(st);
    index.counted[i] = index.counted[i + 1]! + (counts ? 1 : 0);
    index.answers[i] = index.answers[i + 1]! && (!counts || isAnswer(t, st));
    if (counts) {
      const visit = (n: ts.Node): void => {
        if (t.isIdentifier(n) && !lastRead.has(n.text) && !(n.parent && t.isPropertyAccessExpression(n.parent) && n.parent.name === n)) lastRead.set(n.text, i);
        t.forEachChild(n, visit);
      };
      visit(st);
    }
  }
  index.from = Math.min(index.from, below);
  return index;
}

/** Statement lists a `codeAfter` question looks through; deeper code is judged `independent` (no rethrow offered). */
export const MAX_CODE_AFTER_LEVELS = 64;

function containsReturn(t: TS, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if (t.isReturnStatement(n)) found = true;
    else t.forEachChild(n, visit);
  };
  t.forEachChild(node, visit);
  return found;
}

/**
 * What a new `throw` at the end of `stmt` would skip in its function. `produced` is the code whose results the
 * later statements may read (a try block; the statement itself by default).
 */
export function codeAfter(t: TS, stmt: ts.Node, produced: ts.Node = stmt): CodeAfter {
  let counted = 0;
  let allAnswers = true;
  const suffixes: [SuffixIndex, number][] = [];
  let levels = 0;
  for (let n: ts.Node = stmt; n.parent; n = n.parent) {
    const p = n.parent;
    if (isFunctionLike(t, p)) break;
    if (LOOP(t, p)) return 'independent';
    if (t.isBlock(p) || t.isSourceFile(p) || t.isCaseClause(p) || t.isDefaultClause(p)) {
      // a statement list nested this deep in one function: too far to follow, so no rethrow is offered
      if (++levels > MAX_CODE_AFTER_LEVELS) return 'independent';
      const at = suffixIndex(t, p, p.statements.length).position.get(n) ?? -1;
      if (t.isSourceFile(p) && counted === 0 && at === p.statements.length - 1) break;
      if (at !== -1) {
        const index = suffixIndex(t, p, at + 1);
        counted += index.counted[at + 1]!;
        allAnswers &&= index.answers[at + 1]!;
        suffixes.push([index, at]);
      }
    }
    if (t.isSourceFile(p)) break;
  }
  if (counted === 0) return 'nothing';
  // try { return await cache.get(k) } catch {} return load(k): the code after is the fallback source
  if (t.isBlock(produced) && containsReturn(t, produced)) return 'independent';
  if (allAnswers) return 'dependent';
  const names = assignedNames(t, produced);
  return suffixes.some(([index, at]) => [...names].some((name) => (index.lastRead.get(name) ?? -1) > at)) ? 'dependent' : 'independent';
}

const EQUALITY = (t: TS, k: ts.SyntaxKind): boolean =>
  k === t.SyntaxKind.EqualsEqualsToken || k === t.SyntaxKind.EqualsEqualsEqualsToken || k === t.SyntaxKind.ExclamationEqualsToken || k === t.SyntaxKind.ExclamationEqualsEqualsToken;

/**
 * The statement lists after `stmt` in its function, innermost first, each with the position of the statement it
 * holds (loop bodies are not repeated). Positions come from the lists' suffix indexes, which `codeAfter` keeps too.
 */
function listsAfter(t: TS, stmt: ts.Node): [ts.NodeArray<ts.Statement>, SuffixIndex, number][] {
  const out: [ts.NodeArray<ts.Statement>, SuffixIndex, number][] = [];
  for (let n: ts.Node = stmt; n.parent; n = n.parent) {
    const p = n.parent;
    if (isFunctionLike(t, p)) break;
    if (t.isBlock(p) || t.isSourceFile(p) || t.isCaseClause(p) || t.isDefaultClause(p)) {
      const at = suffixIndex(t, p, p.statements.length).position.get(n) ?? -1;
      if (at >= 0) out.push([p.statements, suffixIndex(t, p, at + 1), at]);
    }
    if (t.isSourceFile(p)) break;
  }
  return out;
}

/**
 * Whether the code after `stmt` already handles `stmt` having failed: it tests for the absence of a value the
 * failure path (`handler`, a catch block) or the try block (`produced`) assigns — `catch { user = null }` …
 * `if (!user) throw new UnprocessableEntityException(…)`, or `if (!file)` after a `file = await req.file()` that
 * may not have run. A throw added at the end of the handler would skip that handling and change what callers get.
 */
export function handledAfter(t: TS, stmt: ts.Node, produced: ts.Node, handler: ts.Node): boolean {
  const names = new Set([...assignedNames(t, handler), ...assignedNames(t, produced)]);
  // only the lists where one of the names is read after the statement can test it (the index says where)
  const lists = listsAfter(t, stmt).filter(([, index, at]) => [...names].some((name) => (index.lastRead.get(name) ?? -1) > at));
  if (lists.length === 0) return false;
  const tested = (x: ts.Expression): boolean => names.has(rootName(t, x) ?? '');
  const nullish = (x: ts.Expression): boolean => x.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(x) && x.text === 'undefined');
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if (t.isPrefixUnaryExpression(n) && n.operator === t.SyntaxKind.ExclamationToken && tested(n.operand)) found = true;
    else if (t.isBinaryExpression(n) && EQUALITY(t, n.operatorToken.kind) && [n.left, n.right].some(nullish) && [n.left, n.right].some(tested)) found = true;
    else t.forEachChild(n, visit);
  };
  for (const [statements, , at] of lists) {
    for (let i = at + 1; i < statements.length && !found; i++) if (!t.isFunctionDeclaration(statements[i]!)) visit(statements[i]!);
  }
  return found;
}
