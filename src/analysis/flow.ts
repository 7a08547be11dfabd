/**
 * A small, honest data flow inside one file: from a source (a caught error, a secret-named value) through
 * local aliases, object and array literals, template strings, concatenation and spreads, to the expression a
 * sink receives. No type checker: names resolve lexically, and a call the flow does not know stops it (a
 * finding a reviewer would dismiss costs more than one missed).
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { dottedName, isFunctionLike, skipOuter } from './ast.js';
import { destructuringRoot, propertyNameText, resolveIdentifier, type Binding } from './scope.js';
import { DEV_NAME, ENV_EXPR, PROD_NAME } from '../knowledge/environment.js';

/** How a value derives from its source. */
export type Derivation = 'object' | 'property' | 'string' | 'spread';

/** Where a source reaches the traced expression. */
export interface Origin<S> {
  source: S;
  /** The expression where the source is read or derived (`err.message`, `` `${token}` ``, `password`). */
  node: ts.Expression;
  derivation: Derivation;
  /** The property read, for `property` (`message`, `stack`). */
  property?: string;
  /** Keys from the traced expression down to the origin (`{ error: { detail: e.message } }` → error.detail). */
  path: string[];
  /** The outermost value inside the traced expression that carries the origin (a property value, an element). */
  carrier?: ts.Expression;
  /** Expressions the value passed through on its way (aliases, conditionals), for path conditions. */
  via: ts.Node[];
}

/** What a flow looks for; each hook returns origins found at the node, or `'clean'` to stop the flow there. */
export interface FlowPolicy<S> {
  /** A source at the expression itself, before looking through it (a secret-named property, a masked call). */
  at?(expr: ts.Expression): { source: S; derivation?: Derivation } | 'clean' | undefined;
  /** A declaration that is a source (a catch binding, a handler's error parameter). */
  binding?(binding: Binding): S | undefined;
  /** Reading `name` of a source object; `undefined` when the property carries nothing of it. */
  member?(origin: Origin<S>, name: string): Derivation | undefined;
  /** An object key that makes its value a source (`{ password: x }`). */
  key?(name: string, value: ts.Expression): S | undefined;
  /** Whether a string method keeps the source (`e.message.trim()` yes, `token.slice(-4)` no). */
  keepsThroughMethod?(method: string): boolean;
}

const STRINGIFY_CALLS = new Set(['String', 'JSON.stringify', 'inspect', 'util.inspect', 'format', 'util.format', 'encodeURIComponent', 'encodeURI', 'Buffer.from', 'Object.assign', 'structuredClone', 'Array.from', 'Object.entries', 'Object.values']);
const OBJECT_CALLS = new Set(['Object.assign', 'structuredClone']);
const STRING_METHODS = new Set(['toString', 'toLocaleString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'concat', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'split', 'padStart', 'padEnd', 'normalize', 'join', 'at']);

function functionOf(t: TS, node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(t, n) || t.isSourceFile(n)) return n;
  return undefined;
}

/** Values assigned to a `let` after its declaration (`x = …`), within its function. */
export function assignmentsTo(t: TS, binding: Binding): ts.Expression[] {
  const scope = functionOf(t, binding.declaration);
  if (!scope) return [];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && (n.operatorToken.kind === t.SyntaxKind.EqualsToken || n.operatorToken.kind === t.SyntaxKind.PlusEqualsToken) && t.isIdentifier(n.left) && n.left.text === binding.id.text) {
      const b = resolveIdentifier(t, n.left);
      if (b && b.id === binding.id) out.push(n.right);
    }
    t.forEachChild(n, visit);
  };
  visit(scope);
  return out;
}

function isConstOrLet(t: TS, decl: ts.VariableDeclaration): boolean {
  return t.isVariableDeclarationList(decl.parent);
}

function isLet(t: TS, decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return t.isVariableDeclarationList(list) && (list.flags & t.NodeFlags.Const) === 0;
}

/** Traces `expr` back to the sources a policy recognises. */
export class Flow<S> {
  private readonly visiting = new Set<ts.Node>();

  constructor(
    private readonly t: TS,
    private readonly policy: FlowPolicy<S>,
  ) {}

  /** Every origin of a source that reaches the value of `expr`. */
  trace(expr: ts.Expression): Origin<S>[] {
    const found = this.visit(expr, 0);
    for (const o of found) o.carrier ??= expr;
    return found;
  }

  private visit(node: ts.Expression, depth: number): Origin<S>[] {
    if (depth > 12 || this.visiting.has(node)) return [];
    this.visiting.add(node);
    try {
      return this.visitInner(node, depth);
    } finally {
      this.visiting.delete(node);
    }
  }

  private origin(source: S, node: ts.Expression, derivation: Derivation, property?: string): Origin<S> {
    return { source, node, derivation, property, path: [], via: [] };
  }

  private withVia(origins: Origin<S>[], via: ts.Node): Origin<S>[] {
    for (const o of origins) o.via.push(via);
    return origins;
  }

  private asString(origins: Origin<S>[], node: ts.Expression): Origin<S>[] {
    for (const o of origins) {
      if (o.derivation === 'object' || o.derivation === 'spread') o.derivation = 'string';
      o.via.push(node);
    }
    return origins;
  }

  private visitInner(raw: ts.Expression, depth: number): Origin<S>[] {
    const t = this.t;
    let node = skipOuter(t, raw);
    while (t.isAwaitExpression(node) || t.isParenthesizedExpression(node)) node = skipOuter(t, node.expression);
    const hit = this.policy.at?.(node);
    if (hit === 'clean') return [];
    if (hit) return [this.origin(hit.source, node, hit.derivation ?? 'object')];

    if (t.isIdentifier(node)) return this.identifier(node, depth);
    if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) {
      const name = t.isPropertyAccessExpression(node) ? node.name.text : t.isStringLiteralLike(node.argumentExpression) || t.isNumericLiteral(node.argumentExpression) ? node.argumentExpression.text : undefined;
      if (name === undefined) return [];
      return this.member(this.visit(node.expression, depth + 1), name, node);
    }
    if (t.isTemplateExpression(node)) {
      return node.templateSpans.flatMap((s) => this.asString(this.visit(s.expression, depth + 1), node));
    }
    if (t.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === t.SyntaxKind.PlusToken || op === t.SyntaxKind.PlusEqualsToken) {
        return [...this.asString(this.visit(node.left, depth + 1), node), ...this.asString(this.visit(node.right, depth + 1), node)];
      }
      if (op === t.SyntaxKind.BarBarToken || op === t.SyntaxKind.QuestionQuestionToken) {
        return [...this.visit(node.left, depth + 1), ...this.withVia(this.visit(node.right, depth + 1), node.right)];
      }
      if (op === t.SyntaxKind.AmpersandAmpersandToken || op === t.SyntaxKind.CommaToken || op === t.SyntaxKind.EqualsToken) {
        return this.withVia(this.visit(node.right, depth + 1), node.right);
      }
      return [];
    }
    if (t.isConditionalExpression(node)) {
      return [...this.withVia(this.visit(node.whenTrue, depth + 1), node.whenTrue), ...this.withVia(this.visit(node.whenFalse, depth + 1), node.whenFalse)];
    }
    if (t.isObjectLiteralExpression(node)) return this.objectLiteral(node, depth);
    if (t.isArrayLiteralExpression(node)) {
      return node.elements.flatMap((el, i) => {
        const inner = t.isSpreadElement(el) ? el.expression : el;
        const found = this.visit(inner, depth + 1);
        for (const o of found) {
          o.path.unshift(String(i));
          o.carrier ??= el as ts.Expression;
        }
        return found;
      });
    }
    if (t.isCallExpression(node)) return this.call(node, depth);
    return [];
  }

  private identifier(id: ts.Identifier, depth: number): Origin<S>[] {
    const t = this.t;
    const binding = resolveIdentifier(t, id);
    if (!binding) return [];
    const source = this.policy.binding?.(binding);
    if (source !== undefined) return [this.origin(source, id, 'object')];
    const decl = binding.declaration;
    if (t.isVariableDeclaration(decl) && isConstOrLet(t, decl)) {
      const values = [...(decl.initializer ? [decl.initializer] : []), ...(isLet(t, decl) ? assignmentsTo(t, binding) : [])];
      const found = values.flatMap((v) => this.visit(v, depth + 1));
      // const body = { message: err.message }; … body.message = 'Unknown error' — a key overwritten with a clean value
      const overwritten = found.length > 0 ? this.overwrittenKeys(binding, depth) : undefined;
      return this.withVia(overwritten ? found.filter((o) => o.path.length === 0 || !overwritten.has(o.path[0]!)) : found, id);
    }
    if (t.isBindingElement(decl)) {
      const root = destructuringRoot(t, decl);
      if (!root) return [];
      // const { message } = err / catch ({ message }) / const { error: { detail } } = result
      let base: Origin<S>[] = [];
      const rootSource = this.policy.binding?.({ id: binding.id, declaration: root.root });
      if (rootSource !== undefined) base = [this.origin(rootSource, id, 'object')];
      else if (root.root.initializer) base = this.visit(root.root.initializer, depth + 1);
      for (const key of root.path) {
        if (key === undefined) return [];
        if (key === '...') continue;
        base = this.member(base, key, id);
      }
      return this.withVia(base, id);
    }
    return [];
  }

  /** Keys of an object alias assigned a value that carries no source (`body.message = 'Unknown'`). */
  private overwrittenKeys(binding: Binding, depth: number): Set<string> | undefined {
    const t = this.t;
    const scope = functionOf(t, binding.declaration);
    if (!scope) return undefined;
    const out = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && t.isIdentifier(n.left.expression) && n.left.expression.text === binding.id.text) {
        if (this.visit(n.right, depth + 1).length === 0) out.add(n.left.name.text);
      }
      t.forEachChild(n, visit);
    };
    visit(scope);
    return out.size > 0 ? out : undefined;
  }

  /** Reading `name` of the traced origins. */
  private member(base: Origin<S>[], name: string, node: ts.Expression): Origin<S>[] {
    const out: Origin<S>[] = [];
    for (const o of base) {
      if (o.path.length > 0) {
        // { error: e.message }.error
        if (o.path[0] === name) out.push({ ...o, path: o.path.slice(1), via: [...o.via, node] });
        continue;
      }
      if (o.derivation !== 'object' && o.derivation !== 'spread') continue;
      const d = this.policy.member?.(o, name);
      if (d) out.push({ ...o, node, derivation: d, property: name, via: [...o.via] });
    }
    return out;
  }

  private objectLiteral(node: ts.ObjectLiteralExpression, depth: number): Origin<S>[] {
    const t = this.t;
    const out: Origin<S>[] = [];
    for (const prop of node.properties) {
      if (t.isPropertyAssignment(prop) || t.isShorthandPropertyAssignment(prop)) {
        const key = propertyNameText(t, prop.name);
        const value = t.isPropertyAssignment(prop) ? prop.initializer : prop.name;
        let found = this.visit(value, depth + 1);
        if (found.length === 0 && key !== undefined && this.policy.key) {
          const s = this.policy.key(key, value);
          if (s !== undefined) found = [this.origin(s, value, 'object')];
        }
        for (const o of found) {
          if (key !== undefined) o.path.unshift(key);
          o.carrier ??= value;
        }
        out.push(...found);
      } else if (t.isSpreadAssignment(prop)) {
        const found = this.visit(prop.expression, depth + 1);
        for (const o of found) {
          if (o.derivation === 'object') o.derivation = 'spread';
          o.carrier ??= prop.expression;
        }
        out.push(...found);
      }
    }
    return out;
  }

  private call(node: ts.CallExpression, depth: number): Origin<S>[] {
    const t = this.t;
    const name = dottedName(t, node.expression);
    if (name && STRINGIFY_CALLS.has(name)) {
      const found = node.arguments.flatMap((a) => this.visit(a, depth + 1));
      return OBJECT_CALLS.has(name) ? this.withVia(found, node) : this.asString(found, node);
    }
    const callee = skipOuter(t, node.expression);
    if (t.isPropertyAccessExpression(callee) && STRING_METHODS.has(callee.name.text)) {
      const method = callee.name.text;
      if (this.policy.keepsThroughMethod && !this.policy.keepsThroughMethod(method)) return [];
      const found = this.visit(callee.expression, depth + 1).filter((o) => o.path.length === 0);
      return this.asString(found, node);
    }
    return [];
  }
}

/** A condition that holds (or fails) wherever a node runs: `if (test)` branches, `?:`, `&&`, early exits. */
export interface PathCondition {
  test: ts.Expression;
  value: boolean;
}

function exits(t: TS, st: ts.Statement): boolean {
  if (t.isReturnStatement(st) || t.isThrowStatement(st) || t.isContinueStatement(st) || t.isBreakStatement(st)) return true;
  if (t.isBlock(st)) {
    const last = st.statements[st.statements.length - 1];
    return last !== undefined && exits(t, last);
  }
  if (t.isExpressionStatement(st)) {
    // return-less handlers often end with next(err) or res.send(...) and a bare `return` is omitted
    return false;
  }
  return false;
}

/** Conditions that hold where `node` runs, innermost first, up to `boundary` (exclusive) or the file. */
export function pathConditions(t: TS, node: ts.Node, boundary?: ts.Node): PathCondition[] {
  const out: PathCondition[] = [];
  let prev: ts.Node = node;
  for (let n: ts.Node | undefined = node.parent; n && n !== boundary; prev = n, n = n.parent) {
    if (t.isIfStatement(n)) {
      if (prev === n.thenStatement) out.push({ test: n.expression, value: true });
      else if (prev === n.elseStatement) out.push({ test: n.expression, value: false });
    } else if (t.isConditionalExpression(n)) {
      if (prev === n.whenTrue) out.push({ test: n.condition, value: true });
      else if (prev === n.whenFalse) out.push({ test: n.condition, value: false });
    } else if (t.isBinaryExpression(n) && prev === n.right) {
      if (n.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken) out.push({ test: n.left, value: true });
      else if (n.operatorToken.kind === t.SyntaxKind.BarBarToken) out.push({ test: n.left, value: false });
    } else if (t.isBlock(n) || t.isSourceFile(n) || t.isCaseClause(n) || t.isDefaultClause(n)) {
      // if (!(err instanceof AppError)) throw err;  — what follows runs only when the test failed
      for (const st of n.statements) {
        if (st === prev) break;
        if (t.isIfStatement(st) && !st.elseStatement && exits(t, st.thenStatement)) out.push({ test: st.expression, value: false });
      }
    }
  }
  return out;
}

/** Splits a condition into the atoms that hold: `a && b` true gives both, `!a` flips, `a || b` false gives both. */
export function atoms(t: TS, test: ts.Expression, value: boolean): PathCondition[] {
  const e = skipOuter(t, test);
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.ExclamationToken) return atoms(t, e.operand, !value);
  if (t.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === t.SyntaxKind.AmpersandAmpersandToken && value) return [...atoms(t, e.left, true), ...atoms(t, e.right, true)];
    if (op === t.SyntaxKind.BarBarToken && !value) return [...atoms(t, e.left, false), ...atoms(t, e.right, false)];
  }
  return [{ test: e, value }];
}

function stringValue(t: TS, e: ts.Expression): string | undefined {
  const s = skipOuter(t, e);
  return t.isStringLiteralLike(s) ? s.text : undefined;
}

function isEnvRead(t: TS, e: ts.Expression): boolean {
  const s = skipOuter(t, e);
  // app.get('env') — Express's own environment setting
  if (t.isCallExpression(s) && s.arguments.length === 1 && stringValue(t, s.arguments[0]!) === 'env') return true;
  const name = dottedName(t, s);
  return name !== undefined && ENV_EXPR.test(name);
}

/** True when the condition, holding with `value`, means the code runs outside production. */
export function impliesNonProduction(t: TS, test: ts.Expression, value: boolean): boolean {
  for (const a of atoms(t, test, value)) {
    const e = a.test;
    if (t.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      const eq = op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsToken;
      const ne = op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken;
      if (!eq && !ne) continue;
      const lit = stringValue(t, e.right) ?? stringValue(t, e.left);
      const env = isEnvRead(t, e.left) || isEnvRead(t, e.right);
      if (!env || lit === undefined) continue;
      const holdsEqual = eq === a.value;
      if (/^prod(uction)?$/i.test(lit) && !holdsEqual) return true;
      if (/^(dev|development|test|local|debug)$/i.test(lit) && holdsEqual) return true;
      continue;
    }
    const name = dottedName(t, e);
    if (!name) continue;
    const last = name.split('.').pop()!;
    if ((name === 'import.meta.env.DEV' || DEV_NAME.test(last)) && a.value) return true;
    if ((name === 'import.meta.env.PROD' || PROD_NAME.test(last)) && !a.value) return true;
  }
  return false;
}
