/**
 * Calls into another module of the project, named the way that module exports the callee, so the project model
 * can look up what the callee does: `saveToken(…)` imported from './tokens', `query.user.update(…)` with
 * `query` imported, `users.update(…)` through `import * as users`, `this.tokenService.saveToken(…)` on a member
 * typed with an imported class (a NestJS service injected through the constructor).
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { chainRoot, skipOuter } from './ast.js';
import { isProjectModule } from './error-classes.js';
import { classMember, enclosingClass, importsOf, resolveIdentifier, resolveName } from './scope.js';

/** An exported callee: the module specifier as the calling file wrote it, and the path of names inside it. */
export interface RemoteCall {
  module: string;
  /** `['saveToken']`, `['query', 'user', 'update']`, `['TokenService', 'saveToken']`, `['default', 'save']`. */
  path: string[];
}

const MAX_PATH = 4;

/** Where an imported name comes from, when it is a value import. */
function importOf(t: TS, id: ts.Identifier, asType = false): { module: string; imported: string } | undefined {
  const imp = resolveName(t, id.text, id)?.import;
  if (!imp || (imp.typeOnly && !asType)) return undefined;
  return { module: imp.module, imported: imp.imported };
}

/** The class an instance member is declared with: `constructor(private tokens: TokenService)`, `tokens: TokenService`. */
function memberClass(t: TS, self: ts.Node, name: string): ts.Identifier | undefined {
  const cls = enclosingClass(t, self);
  const member = cls && classMember(t, cls, name);
  if (!member) return undefined;
  const type = member.type;
  if (type && t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && !type.typeArguments) return type.typeName;
  // tokens = inject(TokenService) / new TokenService(…)
  const init = member.init && skipOuter(t, member.init);
  if (init && (t.isNewExpression(init) || (t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'inject'))) {
    const arg = t.isNewExpression(init) ? init.expression : init.arguments[0];
    if (arg && t.isIdentifier(arg)) return arg;
  }
  return undefined;
}

/** The exported callee `call` invokes, when its receiver chain starts at an import or an injected member. */
export function remoteCallOf(t: TS, call: ts.CallExpression): RemoteCall | undefined {
  const names: string[] = [];
  let e: ts.Expression = skipOuter(t, call.expression);
  while (t.isPropertyAccessExpression(e) && names.length <= MAX_PATH) {
    names.unshift(e.name.text);
    e = skipOuter(t, e.expression);
  }
  if (t.isIdentifier(e)) {
    const imp = importOf(t, e);
    if (!imp) return undefined;
    const path = imp.imported === '*' ? names : [imp.imported, ...names];
    return path.length > 0 && path.length <= MAX_PATH ? { module: imp.module, path } : undefined;
  }
  if (e.kind === t.SyntaxKind.ThisKeyword && names.length === 2) {
    const cls = memberClass(t, e, names[0]!);
    const imp = cls && importOf(t, cls, true);
    return imp && imp.imported !== '*' ? { module: imp.module, path: [imp.imported, names[1]!] } : undefined;
  }
  return undefined;
}

/** The call's promise is awaited, returned or gathered (`Promise.all([…])`): it is asynchronous work of this function. */
export function isAwaitedWork(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (t.isParenthesizedExpression(p) || t.isAsExpression(p) || t.isNonNullExpression(p) || t.isArrayLiteralExpression(p)) continue;
    if (t.isAwaitExpression(p) || t.isReturnStatement(p)) return true;
    if (t.isArrowFunction(p) && p.body === n) return true;
    if (t.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
      const callee = skipOuter(t, p.expression);
      return t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && /^(all|allSettled)$/.test(callee.name.text);
    }
    return false;
  }
  return false;
}


/**
 * The call a chain starts with when it is a function's, without arguments (`txClient()` in `txClient().order`;
 * `knex('users')` is the client itself), or a method of a member's (`this.prismaService.txClient()`).
 */
function accessorCallIn(t: TS, e: ts.Expression): ts.CallExpression | undefined {
  for (let n = skipOuter(t, e); ; ) {
    if (t.isCallExpression(n)) {
      const callee = skipOuter(t, n.expression);
      if (t.isIdentifier(callee)) return n.arguments.length === 0 ? n : undefined;
      if (t.isPropertyAccessExpression(callee) && t.isPropertyAccessExpression(skipOuter(t, callee.expression)) && skipOuter(t, (skipOuter(t, callee.expression) as ts.PropertyAccessExpression).expression).kind === t.SyntaxKind.ThisKeyword) return n;
      n = callee;
    } else if (t.isPropertyAccessExpression(n) || t.isElementAccessExpression(n)) n = skipOuter(t, n.expression);
    else return undefined;
  }
}

/** A function of a project module, or a method of a class another module declares, that hands out a database client. */
export interface ClientAccessor {
  module: string;
  imported: string;
  /** The method of the imported class (`txClient` of `PrismaService`). */
  member?: string;
}

export function sameAccessor(a: ClientAccessor | undefined, b: ClientAccessor): boolean {
  return !!a && a.module === b.module && a.imported === b.imported && a.member === b.member;
}

/**
 * The accessor whose returned client a write's receiver is: `txClient()` imported from a project module in
 * `txClient().order` or `const db = txClient(); db.order`, `PrismaService.txClient` in
 * `this.prismaService.txClient().order` (the project model decides whether it hands out an ambient transaction).
 */
export function clientAccessorOf(t: TS, receiver: ts.Expression): ClientAccessor | undefined {
  let root = accessorCallIn(t, receiver) ?? chainRoot(t, receiver);
  if (t.isIdentifier(root)) {
    // const db = txClient() / await txClient()
    const b = resolveIdentifier(t, root);
    const init = b && t.isVariableDeclaration(b.declaration) && t.isIdentifier(b.declaration.name) ? b.declaration.initializer : undefined;
    const value = init && skipOuter(t, init);
    root = value && t.isAwaitExpression(value) ? skipOuter(t, value.expression) : (value ?? root);
  }
  if (!t.isCallExpression(root)) return undefined;
  const callee = skipOuter(t, root.expression);
  if (t.isIdentifier(callee)) {
    const binding = importsOf(t, root.getSourceFile()).get(callee.text);
    return binding && !binding.typeOnly && isProjectModule(binding.module) ? { module: binding.module, imported: binding.imported } : undefined;
  }
  // this.prismaService.txClient(): a method of an injected class another module (or workspace package) declares
  const remote = t.isPropertyAccessExpression(callee) && t.isPropertyAccessExpression(skipOuter(t, callee.expression)) ? remoteCallOf(t, root) : undefined;
  return remote && remote.path.length === 2 ? { module: remote.module, imported: remote.path[0]!, member: remote.path[1]! } : undefined;
}
