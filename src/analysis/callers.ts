/**
 * The callers' view of a function, for suggestions that change its failure contract from "returns a value" (null,
 * an empty list, a default, an Error) to "throws": who can call it (exported, passed around, called in its file),
 * whether it says it returns that value (a `| null` return type, a doc comment, a `find…` name), and how the calls
 * in its file use it (awaited in a try, tested for the value, left floating). A rewrite is safe only when every
 * caller is seen and each would handle the throw; otherwise the reason is returned for the suggestion's message.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { dottedName, enclosingFunction, functionName, hasModifier, isAsyncFunction, isFunctionLike, isHttpHandler, skipOuter, walk, type FunctionLike } from './ast.js';
import { docComments, oneLine } from './comments.js';
import { localExports } from './exports.js';
import type { ModelCondition } from '../types.js';

/** How the function answers a failure today. */
export type FailureAnswer =
  /** A value callers get as an answer (`return null`, `return []`, `return new DuplicateError()`). */
  | { kind: 'value'; value: 'nullish' | 'other' }
  /** Nothing in particular (`return;`, an empty catch): a throw only adds a rejection callers must handle. */
  | { kind: 'none' };

/** Callbacks whose throw reaches the function that called the method: promise chains and array methods. */
const PASS_THROUGH = /^(then|catch|finally|map|flatMap|filter|reduce|some|every|find|findIndex|sort|forEach)$/;

/** `find…`, `get…OrNull`, `lookup…`: names whose callers expect "nothing" for a missing answer. */
const NULLABLE_NAME = /^(find|lookup|locate|search|resolve|peek)([A-Z_$\d]|$)|(OrNull|OrUndefined|OrNothing|IfExists|IfPresent|Maybe|Optional)$/;

/**
 * The function whose callers see a throw raised in `fn`: `fn` itself, or — for a callback a promise chain or an
 * array method runs, or a `new Promise` executor — the function around it, whose own promise or value the throw
 * travels into.
 */
export function contractOwner(t: TS, fn: FunctionLike): FunctionLike {
  let owner = fn;
  for (let i = 0; i < 8; i++) {
    const p = owner.parent;
    const call = p && (t.isCallExpression(p) || t.isNewExpression(p)) && (p.arguments ?? ([] as readonly ts.Expression[])).includes(owner as ts.Expression) ? p : undefined;
    if (!call) break;
    const callee = skipOuter(t, call.expression);
    const method = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : '';
    if (!(t.isNewExpression(call) ? method === 'Promise' : PASS_THROUGH.test(method))) break;
    const outer = enclosingFunction(t, call);
    if (!outer) break;
    owner = outer;
  }
  return owner;
}

/** Names a file exports: `export …`, `export { a as b }`, `export default a`, `module.exports = { a }`, `exports.a = …`. */
const exportedNamesMemo = new WeakMap<ts.SourceFile, Set<string>>();

function exportedLocalNames(t: TS, sf: ts.SourceFile): Set<string> {
  let names = exportedNamesMemo.get(sf);
  if (names) return names;
  names = new Set<string>();
  const out = names;
  const addObject = (o: ts.ObjectLiteralExpression): void => {
    for (const p of o.properties) {
      if (t.isShorthandPropertyAssignment(p)) out.add(p.name.text);
      else if (t.isPropertyAssignment(p) && t.isIdentifier(skipOuter(t, p.initializer))) out.add((skipOuter(t, p.initializer) as ts.Identifier).text);
    }
  };
  for (const e of localExports(t, sf)) {
    const node = e.node && t.isExpression(e.node) ? skipOuter(t, e.node) : undefined;
    // `export function f` / `export const f` are found by their own modifier (isExportedFunction)
    if (e.local !== undefined && (t.isExportDeclaration(e.statement) || t.isExportAssignment(e.statement))) out.add(e.local);
    else if (node && t.isObjectLiteralExpression(node)) addObject(node);
  }
  for (const st of sf.statements) {
    if (t.isExportAssignment(st) && st.isExportEquals) {
      const e = skipOuter(t, st.expression);
      if (t.isIdentifier(e)) out.add(e.text);
      else if (t.isObjectLiteralExpression(e)) addObject(e);
    } else if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      if (!isCommonJsExportTarget(t, st.expression.left)) continue;
      const right = skipOuter(t, st.expression.right);
      if (t.isIdentifier(right)) out.add(right.text);
      else if (t.isObjectLiteralExpression(right)) addObject(right);
    }
  }
  exportedNamesMemo.set(sf, out);
  return out;
}

/** `module.exports = …`, `exports.x = …`, `module.exports.x = …` (not a bare `exports = …`, which exports nothing). */
function isCommonJsExportTarget(t: TS, e: ts.Expression): boolean {
  const parts = dottedName(t, e)?.split('.') ?? [];
  const rest = parts[0] === 'module' ? parts.slice(1) : parts;
  return rest[0] === 'exports' && rest.length <= 2 && parts.length > 1;
}

/** The statement or class that holds `fn` at the top of its file, with the name it is known by there. */
function topLevelHolder(t: TS, fn: FunctionLike): { node: ts.Node; name?: string; member?: boolean } | undefined {
  // a method or property function of a class
  const cls = t.isClassLike(fn.parent) ? fn.parent : fn.parent && t.isPropertyDeclaration(fn.parent) && t.isClassLike(fn.parent.parent) ? fn.parent.parent : undefined;
  if (cls) {
    const member = t.isClassLike(fn.parent) ? fn : fn.parent;
    if (hasModifier(t, member, t.SyntaxKind.PrivateKeyword) || hasModifier(t, member, t.SyntaxKind.ProtectedKeyword)) return { node: member, member: true };
    const memberName = (member as ts.MethodDeclaration).name;
    if (memberName && t.isPrivateIdentifier(memberName)) return { node: member, member: true };
    let holder: ts.Node = cls;
    if (t.isClassExpression(cls) && cls.parent && t.isVariableDeclaration(cls.parent)) holder = cls.parent;
    return { node: holder, name: t.isClassDeclaration(cls) && cls.name ? cls.name.text : t.isVariableDeclaration(holder) && t.isIdentifier(holder.name) ? holder.name.text : undefined };
  }
  // a method of an object literal: `export const service = { async load() {} }`, `module.exports = { load() {} }`
  const obj = t.isObjectLiteralExpression(fn.parent) ? fn.parent : fn.parent && t.isPropertyAssignment(fn.parent) && t.isObjectLiteralExpression(fn.parent.parent) ? fn.parent.parent : undefined;
  if (obj) {
    const p = obj.parent;
    if (p && t.isVariableDeclaration(p) && t.isIdentifier(p.name)) return { node: p, name: p.name.text };
    if (p && t.isBinaryExpression(p) && isCommonJsExportTarget(t, p.left)) return { node: p, name: undefined };
    if (p && t.isExportAssignment(p)) return { node: p };
    return undefined;
  }
  if (t.isFunctionDeclaration(fn)) return { node: fn, name: fn.name?.text };
  const p = fn.parent;
  if (p && t.isVariableDeclaration(p) && t.isIdentifier(p.name)) return { node: p, name: p.name.text };
  if (p && t.isBinaryExpression(p) && p.operatorToken.kind === t.SyntaxKind.EqualsToken && isCommonJsExportTarget(t, p.left)) return { node: p };
  if (p && t.isExportAssignment(p)) return { node: p };
  return undefined;
}

/** Whether code outside the file can call `fn`: it (or its class, or the object holding it) is exported. */
export function isExportedFunction(t: TS, fn: FunctionLike): boolean {
  const holder = topLevelHolder(t, fn);
  if (!holder || holder.member) return false;
  const n = holder.node;
  if (t.isBinaryExpression(n) || t.isExportAssignment(n)) return true;
  // only a declaration at the top of the file is exported (a function nested in an exported one is not)
  const statement = t.isVariableDeclaration(n) ? n.parent?.parent : n;
  if (!statement || !statement.parent || !t.isSourceFile(statement.parent)) return false;
  if (hasModifier(t, statement, t.SyntaxKind.ExportKeyword)) return true;
  return holder.name !== undefined && exportedLocalNames(t, statement.parent).has(holder.name);
}

/**
 * How a call uses the function: left `floating` (a promise nobody awaits), `passed` on as a callback, `guarded`
 * (in a try, or with its own `.catch`), `propagated` (awaited as a statement, or in a route handler whose
 * framework answers a throw), or `uses-value` (awaited or returned, its value used).
 */
export type CallerUseKind = 'floating' | 'passed' | 'guarded' | 'propagated' | 'uses-value';

/**
 * The project-model condition a throw or rejection added to `fn` depends on when code outside its file can call it
 * (see `ModelCondition` `callers-ready-for-throw`): undefined when `fn` is not exported or is a route handler (its
 * caller is the framework), `unnamed` when it is exported under no name calls could be found by.
 */
export function crossFileCallersCondition(t: TS, handlerFn: FunctionLike | undefined, usesValue: boolean): ModelCondition | 'unnamed' | undefined {
  if (!handlerFn) return undefined;
  const fn = contractOwner(t, handlerFn);
  if (isHttpHandler(t, fn) || !isExportedFunction(t, fn)) return undefined;
  const callee = callName(t, fn);
  if (!callee) return 'unnamed';
  const async = isAsyncFunction(t, fn) || /^Promise</.test(fn.type?.getText(fn.getSourceFile()) ?? '');
  return { fact: 'callers-ready-for-throw', name: callee.name, member: t.isMethodDeclaration(fn) || (fn.parent !== undefined && (t.isPropertyDeclaration(fn.parent) || t.isPropertyAssignment(fn.parent))), async, usesValue };
}

/** How one reference to the function in its file uses it. */
interface CallerUse {
  node: ts.Node;
  kind: CallerUseKind;
}

/** The name calls use: `name(…)` for a function, `.name(…)` for a method. */
function callName(t: TS, fn: FunctionLike): { name: string; member: boolean } | undefined {
  const member = t.isMethodDeclaration(fn) || (fn.parent !== undefined && (t.isPropertyDeclaration(fn.parent) || t.isPropertyAssignment(fn.parent)));
  const name = functionName(t, fn);
  if (!name || !/^[\w$]+$/.test(name)) return undefined;
  // `exports.load = async () => …`: callers in the file call `load` through `exports.load` or `module.exports.load`
  return { name, member: member || (fn.parent !== undefined && t.isBinaryExpression(fn.parent)) };
}

/** The expression a call's value becomes once awaited and parenthesised. */
function valueOf(t: TS, call: ts.Expression): ts.Expression {
  let n: ts.Expression = call;
  while (n.parent && (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent) || t.isNonNullExpression(n.parent) || t.isAsExpression(n.parent))) n = n.parent as ts.Expression;
  return n;
}

/** Whether `node` sits in the try block of a try statement of its own function. */
function insideTry(t: TS, node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (isFunctionLike(t, n.parent)) return false;
    if (t.isTryStatement(n.parent) && n.parent.tryBlock === n && n.parent.catchClause) return true;
  }
  return false;
}

/** How the call (or non-call) at the reference `ref` uses the function; `async`: the function returns a promise. */
export function classifyUse(t: TS, ref: ts.Expression, async: boolean): CallerUseKind {
  const parent = ref.parent;
  const called = parent && t.isCallExpression(parent) && parent.expression === ref ? parent : undefined;
  if (!called) return 'passed';
  // f().then(…).catch(…) / f().then(ok) left floating
  let chain: ts.Expression = called;
  let caught = false;
  while (chain.parent && t.isPropertyAccessExpression(chain.parent) && chain.parent.expression === chain && /^(then|catch|finally)$/.test(chain.parent.name.text) && chain.parent.parent && t.isCallExpression(chain.parent.parent)) {
    if (chain.parent.name.text === 'catch' || (chain.parent.name.text === 'then' && chain.parent.parent.arguments.length >= 2)) caught = true;
    chain = chain.parent.parent;
  }
  if (caught) return 'guarded';
  const value = valueOf(t, chain);
  const awaited = chain !== value || (value.parent !== undefined && (t.isReturnStatement(value.parent) || (t.isArrowFunction(value.parent) && value.parent.body === value)));
  const p = value.parent;
  if (p && (t.isExpressionStatement(p) || t.isVoidExpression(p)) && async && !awaitedSomehow(t, chain)) return 'floating';
  if (insideTry(t, value)) return 'guarded';
  const caller = enclosingFunction(t, value);
  // a route handler whose framework answers a throw (Nest, Fastify, Hono, Next): the failure reaches a handler
  if (awaited && caller && isHttpHandler(t, caller) && !(caller.parameters.length === 2 && isResponseParameter(t, caller.parameters[1]!))) return 'propagated';
  if (p && t.isExpressionStatement(p)) return 'propagated';
  return 'uses-value';
}

/** `(req, res)`: the second parameter is the response object, through which a route handler answers a failure itself. */
function isResponseParameter(t: TS, p: ts.ParameterDeclaration): boolean {
  return t.isIdentifier(p.name) && (p.name.text === 'res' || p.name.text === 'response');
}

/** `await f()` written as a statement: awaited, its value unused. */
function awaitedSomehow(t: TS, chain: ts.Expression): boolean {
  for (let n: ts.Node = chain; n.parent && !t.isExpressionStatement(n.parent) && !t.isVoidExpression(n.parent); n = n.parent) if (t.isAwaitExpression(n.parent)) return true;
  return false;
}

/** Every reference to `fn` by name in its file (`name(…)`, `this.name(…)`, `exports.name(…)`, `name` passed on). */
function uses(t: TS, fn: FunctionLike): CallerUse[] | undefined {
  const callee = callName(t, fn);
  if (!callee) return undefined;
  const sf = fn.getSourceFile();
  const async = isAsyncFunction(t, fn) || (fn.type !== undefined && t.isTypeReferenceNode(fn.type) && t.isIdentifier(fn.type.typeName) && fn.type.typeName.text === 'Promise' && fn.type.typeArguments !== undefined);
  const declName = t.isFunctionDeclaration(fn) || t.isMethodDeclaration(fn) ? fn.name : fn.parent && (t.isVariableDeclaration(fn.parent) || t.isPropertyDeclaration(fn.parent) || t.isPropertyAssignment(fn.parent)) ? fn.parent.name : undefined;
  const holder = topLevelHolder(t, fn);
  const receivers = new Set(['this', 'exports', 'module.exports', ...(holder?.name ? [holder.name] : [])]);
  const out: CallerUse[] = [];
  const index = nameIndex(t, sf);
  for (const n of (callee.member ? index.members : index.names).get(callee.name) ?? []) {
    if (n === declName) continue;
    let ref: ts.Expression | undefined;
    if (callee.member) {
      // this.load(), exports.load(), Service.load(), settings.load(): the receivers that name this function
      const access = n as ts.PropertyAccessExpression;
      if (receivers.has(access.expression.getText(sf).replace(/\s+/g, ''))) ref = access;
    } else {
      const p = n.parent;
      // a property name, a declaration, an import or export specifier: not a use
      if (p && ((t.isPropertyAccessExpression(p) && p.name === n) || (t.isPropertyAssignment(p) && p.name === n) || t.isVariableDeclaration(p) || t.isFunctionDeclaration(p) || t.isParameter(p) || t.isExportSpecifier(p) || t.isImportSpecifier(p) || t.isImportClause(p) || t.isShorthandPropertyAssignment(p) || t.isMethodDeclaration(p) || t.isTypeReferenceNode(p) || t.isTypeQueryNode(p))) continue;
      if (p && t.isBinaryExpression(p) && p.right === n && isCommonJsExportTarget(t, p.left)) continue;
      if (p && t.isExportAssignment(p)) continue;
      ref = n as ts.Identifier;
    }
    if (ref) out.push({ node: ref, kind: classifyUse(t, ref, async) });
  }
  return out;
}

/** A file's identifiers by name, and its `x.name` accesses by member name: one walk per file, however many functions ask. */
const nameIndexes = new WeakMap<ts.SourceFile, { names: Map<string, ts.Node[]>; members: Map<string, ts.Node[]> }>();

function nameIndex(t: TS, sf: ts.SourceFile): { names: Map<string, ts.Node[]>; members: Map<string, ts.Node[]> } {
  let index = nameIndexes.get(sf);
  if (index) return index;
  const names = new Map<string, ts.Node[]>();
  const members = new Map<string, ts.Node[]>();
  const add = (map: Map<string, ts.Node[]>, key: string, n: ts.Node): void => {
    const list = map.get(key);
    if (list) list.push(n);
    else map.set(key, [n]);
  };
  walk(
    t,
    sf,
    (n) => {
      if (t.isIdentifier(n)) add(names, n.text, n);
      else if (t.isPropertyAccessExpression(n) && t.isIdentifier(n.name)) add(members, n.name.text, n);
    },
    true,
  );
  nameIndexes.set(sf, (index = { names, members }));
  return index;
}

/** The declared return type, or the doc comment's `@returns`, names the value returned on failure. */
function declaresNullable(t: TS, fn: FunctionLike): string | undefined {
  const sf = fn.getSourceFile();
  const type = fn.type?.getText(sf);
  if (type && /(^|[|<(,\s])\s*(null|undefined)\s*([|>),]|$)/.test(type)) return `its declared return type \`${type.replace(/\s+/g, ' ')}\` includes ${/\bnull\b/.test(type) ? 'null' : 'undefined'}`;
  const doc = oneLine(docComments(t, fn).join('\n'));
  if (/@returns?\b[^@]*\b(null|undefined|nothing|empty)\b/i.test(doc) || /\breturns?\b[^.@]*\b(null|undefined)\b/i.test(doc)) return 'its doc comment says it returns null or nothing';
  return undefined;
}

/** The callee a function literal is handed to as an argument (`emitter.on`, `setTimeout`), when it is one. */
function runnerOf(t: TS, fn: FunctionLike): string | undefined {
  const p = fn.parent;
  if (!p || !(t.isCallExpression(p) || t.isNewExpression(p)) || !(p.arguments ?? ([] as readonly ts.Expression[])).includes(fn as ts.Expression)) return undefined;
  const callee = skipOuter(t, p.expression);
  const sf = fn.getSourceFile();
  // (the text of a long callee, a promise chain of any length, is never read: bounded work per handler)
  const text = callee.getEnd() - callee.getStart(sf) <= 400 ? callee.getText(sf).replace(/\s+/g, '') : undefined;
  return text !== undefined && text.length <= 40 ? text : t.isPropertyAccessExpression(callee) ? callee.name.text : 'its caller';
}

/**
 * Why turning `fn`'s failure answer into a throw would break what its callers rely on, or undefined when every
 * caller is in sight and handles a throw: exported (callers elsewhere may use the answer), declared to return it,
 * passed as a callback, called without being awaited (a throw becomes an unhandled rejection), or called where the
 * answer is used as a fallback.
 */
export function contractChangeReason(t: TS, handlerFn: FunctionLike | undefined, answer: FailureAnswer): string | undefined {
  if (!handlerFn) return undefined;
  const fn = contractOwner(t, handlerFn);
  // a route handler's caller is the framework, which answers a throw
  if (isHttpHandler(t, fn)) return undefined;
  const name = functionName(t, fn);
  const label = name && /^[\w$]+$/.test(name) ? `\`${name}\`` : 'the function';
  const found = uses(t, fn);
  const floating = found?.find((u) => u.kind === 'floating');
  if (floating) {
    const line = fn.getSourceFile().getLineAndCharacterOfPosition(floating.node.getStart()).line + 1;
    return `${label} is called without being awaited (line ${line}), so a throw there would become an unhandled rejection`;
  }
  if (answer.kind === 'none') {
    const passed = found?.find((u) => u.kind === 'passed');
    if (passed && isAsyncFunction(t, fn)) return `${label} is passed on as a callback, and whoever runs it may not expect it to reject`;
    // signal.addEventListener('abort', async () => { … }) / process.on('exit', …): a listener's promise is awaited
    // by nobody, so a rejection that now leaves it is unhandled
    const runner = runnerOf(t, fn);
    if (runner) return `the function is a callback that \`${runner}\` runs, which does not await it, so a rejection leaving it would be unhandled`;
    return undefined;
  }
  if (answer.value === 'nullish') {
    const declared = declaresNullable(t, fn);
    if (declared) return `${label} promises that answer: ${declared}, and callers handle it rather than a throw`;
    if (name && NULLABLE_NAME.test(name)) return `${label} is named as a lookup whose callers test for a missing answer, which a throw would bypass`;
  }
  if (isExportedFunction(t, fn)) return `${label} is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them`;
  if (!found) return `the callers of ${label} cannot be found, and they may rely on the value it returns on failure`;
  const passed = found.find((u) => u.kind === 'passed');
  if (passed) return `${label} is passed on as a callback, so its callers are not in sight and may rely on the value it returns on failure`;
  const using = found.find((u) => u.kind === 'uses-value');
  if (using) {
    const line = fn.getSourceFile().getLineAndCharacterOfPosition(using.node.getStart()).line + 1;
    return `the caller on line ${line} uses the value ${label} returns on failure as its answer, and is not ready for a throw`;
  }
  return undefined;
}
