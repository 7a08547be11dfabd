/**
 * Where a failure goes from a point in the code, for suggestions that propagate it: to the caller (a `throw`),
 * to Express's error middleware (`next(err)`), nowhere safe (an async `(req, res)` handler without `next`: in
 * Express 4 a rejection is never answered), or somewhere we cannot see (a callback run by an event emitter, a
 * timer or a library). And whether code after a statement would be skipped by a new `throw` there.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { calleeMethod, isFunctionLike, isHttpHandler, parameterNames, type FunctionLike } from './ast.js';

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

function isAsyncFunction(t: TS, fn: FunctionLike): boolean {
  return (t.getModifiers(fn) ?? []).some((m) => m.kind === t.SyntaxKind.AsyncKeyword);
}

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

type StatementList = ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause;

/**
 * One pass over a statement list, kept for every later question about it: where each statement sits, how many
 * statements that run (not function declarations or empty ones) follow each position, and the last statement
 * that reads each name. Asking "does anything after statement i read x" is then a lookup, so a file of n sibling
 * try statements costs n, not n² (issue 19).
 */
interface ListIndex {
  position: Map<ts.Node, number>;
  /** runsFrom[i]: statements that run at positions ≥ i. */
  runsFrom: number[];
  /** The last position whose statement mentions the name (property names after a dot excepted). */
  lastRead: Map<string, number>;
}

const listIndexes = new WeakMap<StatementList, ListIndex>();

function listIndex(t: TS, list: StatementList): ListIndex {
  let index = listIndexes.get(list);
  if (index) return index;
  const statements = list.statements;
  const position = new Map<ts.Node, number>();
  const runsFrom = new Array<number>(statements.length + 1).fill(0);
  const lastRead = new Map<string, number>();
  for (let i = statements.length - 1; i >= 0; i--) {
    const s = statements[i]!;
    position.set(s, i);
    runsFrom[i] = runsFrom[i + 1]! + (t.isFunctionDeclaration(s) || t.isEmptyStatement(s) ? 0 : 1);
  }
  statements.forEach((s, i) => {
    if (t.isFunctionDeclaration(s) || t.isEmptyStatement(s)) return;
    const visit = (n: ts.Node): void => {
      if (t.isIdentifier(n) && !(n.parent && t.isPropertyAccessExpression(n.parent) && n.parent.name === n)) lastRead.set(n.text, i);
      t.forEachChild(n, visit);
    };
    visit(s);
  });
  index = { position, runsFrom, lastRead };
  listIndexes.set(list, index);
  return index;
}

/**
 * What a new `throw` at the end of `stmt` would skip in its function. `produced` is the code whose results the
 * later statements may read (a try block; the statement itself by default).
 */
export function codeAfter(t: TS, stmt: ts.Node, produced: ts.Node = stmt): CodeAfter {
  /** The statement lists that hold code after `stmt`, each from the first position after it. */
  const later: Array<{ list: StatementList; index: ListIndex; from: number }> = [];
  for (let n: ts.Node = stmt; n.parent; n = n.parent) {
    const p = n.parent;
    if (isFunctionLike(t, p)) break;
    if (LOOP(t, p)) return 'independent';
    if (t.isBlock(p) || t.isSourceFile(p) || t.isCaseClause(p) || t.isDefaultClause(p)) {
      const index = listIndex(t, p);
      const from = (index.position.get(n) ?? p.statements.length) + 1;
      if (index.runsFrom[from]! > 0) later.push({ list: p, index, from });
    }
    if (t.isSourceFile(p)) break;
  }
  if (later.length === 0) return 'nothing';
  // try { return await cache.get(k) } catch {} return load(k): the code after is the fallback source
  if (t.isBlock(produced) && containsReturn(t, produced)) return 'independent';
  // stops at the first statement that is not an answer, so a long list costs one look
  const answersOnly = ({ list, from }: (typeof later)[number]): boolean => {
    for (let i = from; i < list.statements.length; i++) {
      const s = list.statements[i]!;
      if (!t.isFunctionDeclaration(s) && !t.isEmptyStatement(s) && !isAnswer(t, s)) return false;
    }
    return true;
  };
  if (later.every(answersOnly)) return 'dependent';
  const names = assignedNames(t, produced);
  const read = later.some(({ index, from }) => [...names].some((name) => (index.lastRead.get(name) ?? -1) >= from));
  return read ? 'dependent' : 'independent';
}

const EQUALITY = (t: TS, k: ts.SyntaxKind): boolean =>
  k === t.SyntaxKind.EqualsEqualsToken || k === t.SyntaxKind.EqualsEqualsEqualsToken || k === t.SyntaxKind.ExclamationEqualsToken || k === t.SyntaxKind.ExclamationEqualsEqualsToken;

/** The statements that run after `stmt` in its function, innermost list first (loop bodies are not repeated). */
function statementsAfter(t: TS, stmt: ts.Node): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (let n: ts.Node = stmt; n.parent; n = n.parent) {
    const p = n.parent;
    if (isFunctionLike(t, p)) break;
    if (t.isBlock(p) || t.isSourceFile(p) || t.isCaseClause(p) || t.isDefaultClause(p)) {
      const at = p.statements.indexOf(n as ts.Statement);
      if (at >= 0) out.push(...p.statements.slice(at + 1).filter((s) => !t.isFunctionDeclaration(s)));
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
  const later = statementsAfter(t, stmt);
  if (later.length === 0) return false;
  const names = new Set([...assignedNames(t, handler), ...assignedNames(t, produced)]);
  const tested = (x: ts.Expression): boolean => names.has(rootName(t, x) ?? '');
  const nullish = (x: ts.Expression): boolean => x.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(x) && x.text === 'undefined');
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if (t.isPrefixUnaryExpression(n) && n.operator === t.SyntaxKind.ExclamationToken && tested(n.operand)) found = true;
    else if (t.isBinaryExpression(n) && EQUALITY(t, n.operatorToken.kind) && [n.left, n.right].some(nullish) && [n.left, n.right].some(tested)) found = true;
    else t.forEachChild(n, visit);
  };
  for (const s of later) visit(s);
  return found;
}
