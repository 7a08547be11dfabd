/**
 * Calls into another module of the project, named the way that module exports the callee, so the project model
 * can look up what the callee does: `saveToken(…)` imported from './tokens', `query.user.update(…)` with
 * `query` imported, `users.update(…)` through `import * as users`, `this.tokenService.saveToken(…)` on a member
 * typed with an imported class (a NestJS service injected through the constructor).
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { skipOuter } from './ast.js';
import { classMember, enclosingClass, resolveName } from './scope.js';

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
