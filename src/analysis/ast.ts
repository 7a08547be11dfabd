/**
 * Small host-neutral helpers over TypeScript compiler nodes. They take the `ts` namespace from the caller
 * (the rule context), never import it as a value.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/** Kind tables for hot predicates: one array lookup instead of a chain of `t.isX` calls. */
interface KindTables {
  t: TS;
  functionLike: Uint8Array;
  outer: Uint8Array;
}

let tables: KindTables | undefined;

function kindTables(t: TS): KindTables {
  if (tables?.t === t) return tables;
  const k = t.SyntaxKind;
  const size = k.Count + 1;
  const table = (kinds: number[]): Uint8Array => {
    const a = new Uint8Array(size);
    for (const kind of kinds) a[kind] = 1;
    return a;
  };
  tables = {
    t,
    functionLike: table([k.FunctionDeclaration, k.FunctionExpression, k.ArrowFunction, k.MethodDeclaration, k.Constructor, k.GetAccessor, k.SetAccessor]),
    outer: table([k.ParenthesizedExpression, k.NonNullExpression, k.AsExpression, k.SatisfiesExpression, k.TypeAssertionExpression]),
  };
  return tables;
}

export function isFunctionLike(t: TS, node: ts.Node): node is FunctionLike {
  return kindTables(t).functionLike[node.kind] === 1;
}

/** A question about a node's ancestors whose answer is the same for the node and its parent unless `decide` settles it. */
export const INHERIT: unique symbol = Symbol('inherit');
export type Decide<T> = (t: TS, n: ts.Node) => T | typeof INHERIT;

const parentOf = (_: TS, n: ts.Node): ts.Node | undefined => n.parent;

/** Plain steps up before an upward question is memoised: ordinary code is shallower, so it never touches the memo. */
const SHALLOW = 32;

/**
 * Answers "the first `step`-ancestor-or-self of `start` (parents by default) that `decide` settles" (`none` past
 * the root). `decide` must depend on the node alone (and the file), and `memo` belong to this one question. The first
 * {@link SHALLOW} steps are a plain walk; past them every node on the walked path gets the answer memoised, so
 * later questions from below stop there: per file, each node is walked once however deep the nesting (issue 19:
 * a finding 600 `try` blocks deep walked 600 parents, per finding, per helper).
 */
export function upward<T>(t: TS, memo: WeakMap<ts.Node, T>, start: ts.Node | undefined, decide: Decide<T>, none: T, step: (t: TS, n: ts.Node) => ts.Node | undefined = parentOf): T {
  let n = start;
  for (let i = 0; i < SHALLOW; i++) {
    if (!n) return none;
    const d = decide(t, n);
    if (d !== INHERIT) return d;
    n = step(t, n);
  }
  const path: ts.Node[] = [];
  let answer = none;
  for (; n; n = step(t, n)) {
    if (memo.has(n)) {
      answer = memo.get(n) as T;
      break;
    }
    path.push(n);
    const d = decide(t, n);
    if (d !== INHERIT) {
      answer = d;
      break;
    }
  }
  for (const m of path) memo.set(m, answer);
  return answer;
}

const functionMemo = new WeakMap<ts.Node, FunctionLike | undefined>();
const selfIfFunction: Decide<FunctionLike | undefined> = (t, n) => (kindTables(t).functionLike[n.kind] === 1 ? (n as FunctionLike) : INHERIT);

export function enclosingFunction(t: TS, node: ts.Node): FunctionLike | undefined {
  return upward(t, functionMemo, node.parent, selfIfFunction, undefined);
}

const classMemo = new WeakMap<ts.Node, ts.ClassLikeDeclaration | undefined>();
const selfIfClass: Decide<ts.ClassLikeDeclaration | undefined> = (t, n) => (t.isClassDeclaration(n) || t.isClassExpression(n) ? n : INHERIT);

/** The nearest class declaration or class expression around `node` (crossing functions). */
export function enclosingClass(t: TS, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  return upward(t, classMemo, node.parent, selfIfClass, undefined);
}

/** `a.b.c` for an identifier / property-access / `this` chain, `undefined` for anything else. */
export function dottedName(t: TS, node: ts.Node): string | undefined {
  if (t.isIdentifier(node) || t.isPrivateIdentifier(node)) return node.text;
  if (node.kind === t.SyntaxKind.ThisKeyword) return 'this';
  if (t.isPropertyAccessExpression(node)) {
    const left = dottedName(t, node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  if (t.isElementAccessExpression(node) && t.isStringLiteralLike(node.argumentExpression)) {
    const left = dottedName(t, node.expression);
    return left === undefined ? undefined : `${left}.${node.argumentExpression.text}`;
  }
  if (t.isParenthesizedExpression(node) || t.isNonNullExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node)) {
    return dottedName(t, node.expression);
  }
  return undefined;
}

/** The callee's dotted name of a call (`logger.error` for `logger.error(x)`), skipping optional chaining. */
export function calleeName(t: TS, call: ts.CallExpression | ts.NewExpression): string | undefined {
  return dottedName(t, call.expression);
}

/** The last property name of a call's callee (`error` for `this.logger.error(x)`). */
export function calleeMethod(t: TS, call: ts.CallExpression): string | undefined {
  const callee = skipOuter(t, call.expression);
  if (t.isPropertyAccessExpression(callee)) return callee.name.text;
  if (t.isElementAccessExpression(callee) && t.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  if (t.isIdentifier(callee)) return callee.text;
  return undefined;
}

/** Strips parentheses, `!`, `as`, `satisfies` and type assertions. */
export function skipOuter(t: TS, node: ts.Expression): ts.Expression {
  const outer = kindTables(t).outer;
  let n = node;
  while (outer[n.kind] === 1) n = (n as ts.ParenthesizedExpression).expression;
  return n;
}

/** The name a function is known by: its own name, the variable, property or method it is assigned to. */
export function functionName(t: TS, fn: ts.Node): string | undefined {
  if ((t.isFunctionDeclaration(fn) || t.isFunctionExpression(fn) || t.isMethodDeclaration(fn)) && fn.name) {
    return t.isIdentifier(fn.name) || t.isPrivateIdentifier(fn.name) || t.isStringLiteral(fn.name) ? fn.name.text : undefined;
  }
  if (t.isConstructorDeclaration(fn)) return 'constructor';
  if ((t.isGetAccessorDeclaration(fn) || t.isSetAccessorDeclaration(fn)) && t.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (t.isVariableDeclaration(parent) && t.isIdentifier(parent.name)) return parent.name.text;
  if (t.isPropertyAssignment(parent) || t.isPropertyDeclaration(parent)) {
    return t.isIdentifier(parent.name) || t.isStringLiteral(parent.name) ? parent.name.text : undefined;
  }
  if (t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.EqualsToken) return dottedName(t, parent.left);
  return undefined;
}

/** Names of the enclosing functions and classes, innermost first. */
export function enclosingNames(t: TS, node: ts.Node): string[] {
  const names: string[] = [];
  for (let n = upward(t, scopeMemo, node, selfIfScope, undefined); n; n = upward(t, scopeMemo, n.parent, selfIfScope, undefined)) {
    if (isFunctionLike(t, n)) {
      const name = functionName(t, n);
      if (name) names.push(name);
    } else if ((t.isClassDeclaration(n) || t.isClassExpression(n)) && n.name) {
      names.push(n.name.text);
    }
  }
  return names;
}

const scopeMemo = new WeakMap<ts.Node, ts.Node | undefined>();
const selfIfScope: Decide<ts.Node | undefined> = (t, n) => (isFunctionLike(t, n) || t.isClassDeclaration(n) || t.isClassExpression(n) ? n : INHERIT);

/** True when `node` sits in a loop body (or a `forEach`/`map` callback) inside its own function. */
export function isInLoop(t: TS, node: ts.Node): boolean {
  return upward(t, loopMemo, node.parent, loopOrFunction, false);
}

const loopMemo = new WeakMap<ts.Node, boolean>();
const loopOrFunction: Decide<boolean> = (t, n) => {
  if (t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n)) return true;
  if (!isFunctionLike(t, n)) return INHERIT;
  const call = n.parent;
  if (call && t.isCallExpression(call) && call.arguments.includes(n as ts.Expression)) {
    const method = calleeMethod(t, call);
    if (method && ['forEach', 'map', 'flatMap', 'reduce', 'each'].includes(method)) return true;
  }
  return false;
};

/** The parameter names of a function, identifiers only. */
export function parameterNames(t: TS, fn: FunctionLike): string[] {
  return fn.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : ''));
}

const HTTP_METHOD_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Query', 'Mutation', 'Resolver', 'Subscription', 'MessagePattern', 'EventPattern']);
const ROUTE_HANDLER_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function decoratorNames(t: TS, node: ts.Node): string[] {
  if (!t.canHaveDecorators(node)) return [];
  return (t.getDecorators(node) ?? []).map((d) => {
    const e = d.expression;
    const callee = t.isCallExpression(e) ? e.expression : e;
    return dottedName(t, callee) ?? '';
  });
}

/**
 * An HTTP handler: a function with request/response parameters (Express, Fastify, Koa, Hono), a NestJS
 * controller method, a Next.js route handler export, or a callback passed to `app.get(...)`-style routing.
 */
export function isHttpHandler(t: TS, fn: FunctionLike): boolean {
  const params = parameterNames(t, fn);
  const [a, b] = params;
  if ((a === 'req' || a === 'request' || a === '_req' || a === '_request') && (b === 'res' || b === 'reply' || b === 'response' || b === 'h')) return true;
  if (params.length >= 3 && (params[1] === 'req' || params[1] === 'request') && (params[2] === 'res' || params[2] === 'reply')) return true;
  if (params.length <= 2 && (a === 'ctx' || a === 'c') && (params.length === 1 || b === 'next')) {
    const call = fn.parent;
    if (call && t.isCallExpression(call)) {
      const method = calleeMethod(t, call);
      if (method && ['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'on', 'route'].includes(method)) return true;
    }
  }
  if (t.isMethodDeclaration(fn) && decoratorNames(t, fn).some((n) => HTTP_METHOD_DECORATORS.has(n))) return true;
  const name = functionName(t, fn);
  if (name && ROUTE_HANDLER_EXPORTS.has(name)) {
    const holder = t.isFunctionDeclaration(fn) ? fn : fn.parent?.parent?.parent;
    if (holder && t.canHaveModifiers(holder) && t.getModifiers(holder)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return true;
  }
  return false;
}

/** The nearest enclosing HTTP handler, crossing nested callbacks. */
export function enclosingHttpHandler(t: TS, node: ts.Node): FunctionLike | undefined {
  const fn = enclosingFunction(t, node);
  return fn && upward(t, handlerMemo, fn, selfIfHandler, undefined, enclosingFunction);
}

const handlerMemo = new WeakMap<ts.Node, FunctionLike | undefined>();
const selfIfHandler: Decide<FunctionLike | undefined> = (t, fn) => (isHttpHandler(t, fn as FunctionLike) ? (fn as FunctionLike) : INHERIT);

/** True when the node's top-level declaration is exported. */
export function isExported(t: TS, node: ts.Node): boolean {
  const n = upward(t, topLevelMemo, node, topLevelStatement, undefined);
  return n !== undefined && hasModifier(t, n, t.SyntaxKind.ExportKeyword);
}

/** The node itself carries the modifier (`export`, `default`, `async`, …). */
export function hasModifier(t: TS, node: ts.Node, kind: ts.SyntaxKind): boolean {
  return t.canHaveModifiers(node) && (t.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** `export default function …`, `export default class …`. */
export const isDefaultExport = (t: TS, node: ts.Node): boolean => hasModifier(t, node, t.SyntaxKind.DefaultKeyword);

/** `async function`, `async () => …`, an async method. */
export const isAsyncFunction = (t: TS, fn: FunctionLike): boolean => hasModifier(t, fn, t.SyntaxKind.AsyncKeyword);

const topLevelMemo = new WeakMap<ts.Node, ts.Node | undefined>();
/** The ancestor-or-self whose parent is the source file (none for the source file itself). */
const topLevelStatement: Decide<ts.Node | undefined> = (t, n) => (t.isSourceFile(n) ? undefined : n.parent && t.isSourceFile(n.parent) ? n : INHERIT);

/** Pushes a node's children onto `stack` so that they pop in source order. */
function childPusher(t: TS, stack: (ts.Node | null)[]): (n: ts.Node) => void {
  const children: ts.Node[] = [];
  let count = 0;
  const collect = (child: ts.Node): void => {
    children[count++] = child;
  };
  // children gathered by count into a reused array: `length = 0` would be a runtime call per node
  return (n) => {
    count = 0;
    t.forEachChild(n, collect);
    for (let i = count - 1; i >= 0; i--) stack.push(children[i]!);
  };
}

/**
 * Visits every descendant of `node` in source order (not crossing into nested functions unless
 * `crossFunctions`); `'skip'` leaves a node's children out. An explicit stack: nesting depth costs no call stack.
 */
export function walk(t: TS, node: ts.Node, visit: (n: ts.Node) => void | 'skip', crossFunctions = false): void {
  const stack: ts.Node[] = [];
  const push = childPusher(t, stack);
  push(node);
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!crossFunctions && isFunctionLike(t, child)) continue;
    if (visit(child) === 'skip') continue;
    push(child);
  }
}

/**
 * Whether `root` or a node below it passes `test` (crossing into nested functions unless told not to): what a
 * rule asks of the code a node spans, read from its nodes rather than its text.
 */
export function containsNode(t: TS, root: ts.Node, test: (n: ts.Node) => boolean, crossFunctions = true): boolean {
  if (test(root)) return true;
  let found = false;
  walk(
    t,
    root,
    (n) => {
      if (found) return 'skip';
      if (test(n)) found = true;
      return found ? 'skip' : undefined;
    },
    crossFunctions,
  );
  return found;
}

/** The names written in the code `node` spans (identifiers: variables, property names, callees), in source order. */
export function namesIn(t: TS, node: ts.Node): string[] {
  const out: string[] = [];
  if (t.isIdentifier(node) || t.isPrivateIdentifier(node)) out.push(node.text);
  walk(t, node, (n) => void ((t.isIdentifier(n) || t.isPrivateIdentifier(n)) && out.push(n.text)), true);
  return out;
}

/** The expression a chain starts from: `prisma` in `prisma.user.update`, `db` in `db('users').del()`, `this` in `this.prisma.x`. */
export function chainRoot(t: TS, e: ts.Expression): ts.Expression {
  let n = skipOuter(t, e);
  for (;;) {
    if (t.isPropertyAccessExpression(n) || t.isElementAccessExpression(n) || t.isCallExpression(n)) n = skipOuter(t, n.expression);
    else if (t.isTaggedTemplateExpression(n)) n = skipOuter(t, n.tag);
    else return n;
  }
}

/** The index of `node` in `list` (a statement list, sorted by position), by binary search; -1 when absent. */
export function indexInList(list: readonly ts.Node[], node: ts.Node): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (m.pos < node.pos) lo = mid + 1;
    else if (m.pos > node.pos) hi = mid - 1;
    else {
      // zero-width neighbours (error recovery) share a position: look among them
      for (let i = mid; i >= 0 && list[i]!.pos === node.pos; i--) if (list[i] === node) return i;
      for (let i = mid + 1; i < list.length && list[i]!.pos === node.pos; i++) if (list[i] === node) return i;
      return -1;
    }
  }
  return -1;
}

/**
 * A monoid over the nodes of a subtree (counts, flags, lists of nodes in source order), for questions asked of
 * blocks that nest: each catch asks about its try block, and an outer try block holds every inner one.
 */
export interface Summary<S> {
  /** Per file and per question: the summary below each guarded node ({@link isGuardedCode}) met so far. */
  memo: WeakMap<ts.Node, S>;
  crossFunctions: boolean;
  empty(): S;
  /** Adds the node's own contribution (not its children's). */
  add(into: S, node: ts.Node): void;
  /** Appends a summary of the nodes that follow in source order. */
  merge(into: S, from: S): void;
  /** The summary can no longer change (an absorbing "yes"): the walk stops, and every open summary takes it. */
  settled?(s: S): boolean;
}

/**
 * The summary of the descendants of `root` (not `root` itself) in source order, not crossing into nested functions
 * unless `crossFunctions`. Guarded code met on the way (inner try blocks, the receivers of inner `.catch` calls) is
 * summarised once and memoised, so the summaries of n nested try blocks cost n, not n² (issue 19).
 */
export function summaryBelow<S>(t: TS, root: ts.Node, spec: Summary<S>): S {
  const known = spec.memo.get(root);
  if (known) return known;
  const open: { node: ts.Node; summary: S }[] = [{ node: root, summary: spec.empty() }];
  const stack: (ts.Node | null)[] = []; // null: the end of the innermost open guarded node
  const push = childPusher(t, stack);
  const close = (): void => {
    const done = open.pop()!;
    spec.memo.set(done.node, done.summary);
    spec.merge(open[open.length - 1]!.summary, done.summary);
  };
  push(root);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === null) {
      close();
      continue;
    }
    if (!spec.crossFunctions && isFunctionLike(t, n)) continue;
    const into = open[open.length - 1]!.summary;
    spec.add(into, n);
    const guarded = isGuardedCode(t, n);
    const below = guarded ? spec.memo.get(n) : undefined;
    if (below) spec.merge(into, below);
    if (spec.settled?.(into)) {
      while (open.length > 1) close();
      break;
    }
    if (below) continue;
    if (guarded) {
      open.push({ node: n, summary: spec.empty() });
      stack.push(null);
    }
    push(n);
  }
  spec.memo.set(root, open[0]!.summary);
  return open[0]!.summary;
}

/** Code an error handler guards: a try block, or the `p.catch` / `p.then` callee of a promise handler and its `p`. */
export function isGuardedCode(t: TS, n: ts.Node): boolean {
  const parent = n.parent;
  if (!parent) return false;
  if (parent.kind === t.SyntaxKind.TryStatement) return (parent as ts.TryStatement).tryBlock === n;
  if (t.isPropertyAccessExpression(parent)) return parent.expression === n && isHandlerCallee(t, parent);
  return t.isPropertyAccessExpression(n) && isHandlerCallee(t, n);
}

const isHandlerCallee = (t: TS, callee: ts.PropertyAccessExpression): boolean =>
  (callee.name.text === 'catch' || callee.name.text === 'then') && callee.parent !== undefined && t.isCallExpression(callee.parent) && callee.parent.expression === callee;

/**
 * The innermost node that spans `[start, end)`, searched down from `from` (which spans it). Lists of children
 * are binary-searched, so a finding in a file of ten thousand top-level statements costs a few probes, not a scan.
 */
function nodeAt(t: TS, sf: ts.SourceFile, start: number, end: number, from: ts.Node = sf): ts.Node {
  const fits = (c: ts.Node): boolean => c.getStart(sf) <= start && end <= c.getEnd();
  const inList = (list: ts.NodeArray<ts.Node>): ts.Node | undefined => {
    let lo = 0;
    let hi = list.length - 1;
    let last = -1; // the last child that begins (trivia included) at or before `start`
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.pos <= start) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // a zero-width range on a boundary fits the child before as well: the first that fits wins, as in a scan
    if (last > 0 && fits(list[last - 1]!)) return list[last - 1];
    return last >= 0 && fits(list[last]!) ? list[last] : undefined;
  };
  let node = from;
  for (;;) {
    const child: ts.Node | undefined = t.forEachChild(node, (c) => (fits(c) ? c : undefined), inList);
    if (!child) return node;
    node = child;
  }
}

/**
 * Where a finding sits by name (`OrderService.cancel`), or '' at the top level. `node`, when given, spans the
 * range: the search starts there instead of at the file.
 */
export function enclosingContext(t: TS, sf: ts.SourceFile, range: readonly [number, number], node?: ts.Node): string {
  return enclosingNames(t, nodeAt(t, sf, range[0], range[1], node ?? sf)).reverse().join('.');
}
