/**
 * Names and imports of one file: the one lexical resolver and the one import reader every rule and analysis
 * uses. No type checker: a name resolves to the nearest enclosing declaration (`var` hoisting and
 * declaration merging are ignored), and an import is what the file's top-level statements say.
 *
 * Both are computed lazily and cached on the nodes (WeakMaps), so each scope is indexed once per file and
 * resolving an identifier costs the depth of its scope chain.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { isFunctionLike, skipOuter, type FunctionLike } from './ast.js';

// ---------------------------------------------------------------------------------------------------------
// Imports

/** How a module is referenced by a top-level statement. */
export type ImportKind =
  /** `import x from 'm'`, `import { a as b } from 'm'`, `import * as ns from 'm'` */
  | 'import'
  /** `import x = require('m')` */
  | 'import-equals'
  /** `const x = require('m')`, `const { a, b: c } = require('m')`, `const y = require('m').y` */
  | 'require'
  /** `const x = await import('m')` */
  | 'dynamic-import'
  /** `import 'm'` */
  | 'side-effect'
  /** `export { a } from 'm'`, `export * from 'm'`, `export * as ns from 'm'` */
  | 're-export';

/** A local name bound by an import, and where it comes from. */
export interface ImportBinding {
  kind: Exclude<ImportKind, 'side-effect' | 're-export'>;
  /** The module specifier as written (`pino`, `./lib/logger`, `@sentry/node`). */
  module: string;
  /** `'default'`, `'*'` (namespace, `import x = require`, or a whole CommonJS module), or the exported name. */
  imported: string;
  /** The identifier that binds the local name. */
  node: ts.Identifier;
  /** The statement that holds the import (an `ImportDeclaration`, `ImportEqualsDeclaration` or `VariableStatement`). */
  statement: ts.Statement;
  /** The specifier's string literal, for positions and rewrites. */
  specifier: ts.StringLiteralLike;
  /** `import type` or `import { type x }`: no value at run time. */
  typeOnly: boolean;
}

/** A name a file re-exports from another module (`export { a as b } from 'm'`, `export * from 'm'`). */
export interface ReExport {
  module: string;
  /** The exported name in `module` (`'*'` for `export *` and `export * as ns`). */
  imported: string;
  /** The name this file exports it under (`'*'` for a bare `export * from`). */
  exported: string;
  /** The `ExportSpecifier`, or the `ExportDeclaration` for `export *`. */
  node: ts.ExportSpecifier | ts.ExportDeclaration;
  specifier: ts.StringLiteralLike;
  typeOnly: boolean;
}

/** Every module a file's top-level statements reference, in source order. */
export interface ModuleReference {
  kind: ImportKind;
  module: string;
  specifier: ts.StringLiteralLike;
  statement: ts.Statement;
}

/** Local binding name → where it was imported from (the first binding of a name wins). */
export type ImportMap = ReadonlyMap<string, ImportBinding>;

/** What a file imports and re-exports: the input of the module graph. */
export interface FileImports {
  /** Local names bound by imports. */
  bindings: ImportMap;
  /** Every referenced module, including side-effect imports and re-exports. */
  references: readonly ModuleReference[];
  reExports: readonly ReExport[];
}

const importCache = new WeakMap<ts.SourceFile, FileImports>();

/** `require('m')`, `require('m').x`, `await import('m')`: the module and the accessed export, if any. */
function requiredModule(t: TS, expr: ts.Expression): { kind: 'require' | 'dynamic-import'; specifier: ts.StringLiteralLike; member?: string } | undefined {
  let e = skipOuter(t, expr);
  while (t.isAwaitExpression(e)) e = skipOuter(t, e.expression);
  if (t.isPropertyAccessExpression(e)) {
    const inner = requiredModule(t, e.expression);
    return inner && inner.member === undefined && inner.kind === 'require' ? { ...inner, member: e.name.text } : undefined;
  }
  if (!t.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0]!;
  if (!t.isStringLiteralLike(arg)) return undefined;
  if (t.isIdentifier(e.expression) && e.expression.text === 'require') return { kind: 'require', specifier: arg };
  if (e.expression.kind === t.SyntaxKind.ImportKeyword) return { kind: 'dynamic-import', specifier: arg };
  return undefined;
}

function moduleNameText(t: TS, name: ts.ModuleExportName): string {
  return t.isIdentifier(name) ? name.text : name.text;
}

function readImports(t: TS, sf: ts.SourceFile): FileImports {
  const bindings = new Map<string, ImportBinding>();
  const references: ModuleReference[] = [];
  const reExports: ReExport[] = [];
  const bind = (b: ImportBinding): void => {
    if (!bindings.has(b.node.text)) bindings.set(b.node.text, b);
  };
  for (const statement of sf.statements) {
    if (t.isImportDeclaration(statement) && t.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier;
      const module = specifier.text;
      const clause = statement.importClause;
      references.push({ kind: clause ? 'import' : 'side-effect', module, specifier, statement });
      if (!clause) continue;
      const typeOnly = clause.isTypeOnly;
      const base = { kind: 'import' as const, module, statement, specifier };
      if (clause.name) bind({ ...base, imported: 'default', node: clause.name, typeOnly });
      const nb = clause.namedBindings;
      if (nb && t.isNamespaceImport(nb)) bind({ ...base, imported: '*', node: nb.name, typeOnly });
      if (nb && t.isNamedImports(nb)) {
        for (const el of nb.elements) bind({ ...base, imported: moduleNameText(t, el.propertyName ?? el.name), node: el.name, typeOnly: typeOnly || el.isTypeOnly });
      }
    } else if (t.isImportEqualsDeclaration(statement) && t.isExternalModuleReference(statement.moduleReference) && t.isStringLiteral(statement.moduleReference.expression)) {
      const specifier = statement.moduleReference.expression;
      references.push({ kind: 'import-equals', module: specifier.text, specifier, statement });
      bind({ kind: 'import-equals', module: specifier.text, imported: '*', node: statement.name, statement, specifier, typeOnly: statement.isTypeOnly });
    } else if (t.isExportDeclaration(statement) && statement.moduleSpecifier && t.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier;
      const module = specifier.text;
      references.push({ kind: 're-export', module, specifier, statement });
      const clause = statement.exportClause;
      if (!clause) reExports.push({ module, imported: '*', exported: '*', node: statement, specifier, typeOnly: statement.isTypeOnly });
      else if (t.isNamespaceExport(clause)) reExports.push({ module, imported: '*', exported: moduleNameText(t, clause.name), node: statement, specifier, typeOnly: statement.isTypeOnly });
      else {
        for (const el of clause.elements) {
          reExports.push({ module, imported: moduleNameText(t, el.propertyName ?? el.name), exported: moduleNameText(t, el.name), node: el, specifier, typeOnly: statement.isTypeOnly || el.isTypeOnly });
        }
      }
    } else if (t.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const req = decl.initializer && requiredModule(t, decl.initializer);
        if (!req) continue;
        const module = req.specifier.text;
        references.push({ kind: req.kind, module, specifier: req.specifier, statement });
        const base = { kind: req.kind, module, statement, specifier: req.specifier, typeOnly: false };
        if (t.isIdentifier(decl.name)) {
          bind({ ...base, imported: req.member ?? '*', node: decl.name });
        } else if (t.isObjectBindingPattern(decl.name) && req.member === undefined) {
          // const { a, b: c } = require('m')
          for (const el of decl.name.elements) {
            if (!t.isIdentifier(el.name) || el.dotDotDotToken) continue;
            const prop = el.propertyName;
            const imported = prop && (t.isIdentifier(prop) || t.isStringLiteral(prop)) ? prop.text : el.name.text;
            bind({ ...base, imported, node: el.name });
          }
        }
      }
    }
  }
  return { bindings, references, reExports };
}

/**
 * What `sf` imports and re-exports, read from its top-level statements: ES imports (type-only ones marked),
 * `import x = require()`, CommonJS `require()` (whole, destructured, or one member), `await import()`,
 * side-effect imports and re-exports. Calls to `require()` or `import()` inside functions are not read.
 * Cached per SourceFile.
 */
export function fileImports(t: TS, sf: ts.SourceFile): FileImports {
  let info = importCache.get(sf);
  if (!info) importCache.set(sf, (info = readImports(t, sf)));
  return info;
}

/** The local names `sf` binds by imports (see {@link fileImports}). */
export function importsOf(t: TS, sf: ts.SourceFile): ImportMap {
  return fileImports(t, sf).bindings;
}

// ---------------------------------------------------------------------------------------------------------
// Scopes

/** A name and the declaration that binds it: the part of a {@link Declaration} data flow needs. */
export interface Binding {
  /** The identifier that declares the name. */
  id: ts.Identifier;
  /**
   * The declaring node: a `VariableDeclaration`, `ParameterDeclaration` or `BindingElement` (destructured),
   * a function, class or enum declaration, a catch clause's `VariableDeclaration`, an `ImportClause`,
   * `NamespaceImport`, `ImportSpecifier` or `ImportEqualsDeclaration`, or a function or class expression (its
   * own name inside it).
   */
  declaration: ts.Node;
}

/** What declares a name, resolved lexically. */
export interface Declaration extends Binding {
  kind: 'var' | 'param' | 'import' | 'class' | 'function' | 'enum' | 'forOf' | 'catch' | 'self';
  /**
   * The whole declaration, without looking into a destructuring pattern: the `VariableDeclaration` or
   * `ParameterDeclaration` of `{ a }`, otherwise the same node as `declaration`.
   */
  node: ts.Node;
  /** The initializer of a plain `x = …` variable or parameter; the iterated expression of `for (const x of …)`. */
  init?: ts.Expression;
  /** The declared type of a plain variable or parameter. */
  type?: ts.TypeNode;
  /** A `const` variable. */
  isConst?: boolean;
  /** For parameters: the function and the parameter's index. */
  fn?: FunctionLike;
  index?: number;
  /** Bound inside a destructuring pattern (`init` and `type` are then left out). */
  destructured?: boolean;
  /** For imports, and variables bound by a top-level `require()`: where the name comes from. */
  import?: ImportBinding;
}

type ScopeIndex = ReadonlyMap<string, Declaration>;

const EMPTY: ScopeIndex = new Map();
const scopeCache = new WeakMap<ts.Node, ScopeIndex>();

/** The identifiers a binding name declares, in order. */
export function boundIdentifiers(t: TS, name: ts.BindingName, out: ts.Identifier[] = []): ts.Identifier[] {
  if (t.isIdentifier(name)) out.push(name);
  else for (const el of name.elements) if (!t.isOmittedExpression(el)) boundIdentifiers(t, el.name, out);
  return out;
}

function addBindingName(t: TS, out: Map<string, Declaration>, name: ts.BindingName, make: (id: ts.Identifier, destructured: boolean) => Declaration): void {
  const destructured = !t.isIdentifier(name);
  for (const id of boundIdentifiers(t, name)) if (!out.has(id.text)) out.set(id.text, make(id, destructured));
}

function indexStatements(t: TS, sf: ts.SourceFile, statements: readonly ts.Statement[], out: Map<string, Declaration>): void {
  const add = (id: ts.Identifier, d: Omit<Declaration, 'id'>): void => {
    if (!out.has(id.text)) out.set(id.text, { id, ...d });
  };
  let imports: ImportMap | undefined;
  const atTop = statements === sf.statements;
  // const x = require('m') / const { a } = require('m'): a variable that is also an import
  const required = (id: ts.Identifier): ImportBinding | undefined => {
    const b = atTop ? (imports ??= importsOf(t, sf)).get(id.text) : undefined;
    return b?.node === id ? b : undefined;
  };
  for (const st of statements) {
    if (t.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & t.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        addBindingName(t, out, d.name, (id, destructured) =>
          destructured
            ? { kind: 'var', id, node: d, declaration: id.parent, isConst, destructured, import: required(id) }
            : { kind: 'var', id, node: d, declaration: d, init: d.initializer, type: d.type, isConst, destructured, import: required(id) },
        );
      }
    } else if (t.isFunctionDeclaration(st) && st.name) {
      add(st.name, { kind: 'function', node: st, declaration: st });
    } else if (t.isClassDeclaration(st) && st.name) {
      add(st.name, { kind: 'class', node: st, declaration: st });
    } else if (t.isEnumDeclaration(st)) {
      add(st.name, { kind: 'enum', node: st, declaration: st });
    } else if (t.isImportDeclaration(st) && st.importClause) {
      // imports bind in the file's scope (or a `declare module` block's)
      const c = st.importClause;
      const nb = c.namedBindings;
      const named: [ts.Identifier, ts.Node][] = [];
      if (c.name) named.push([c.name, c]);
      if (nb && t.isNamespaceImport(nb)) named.push([nb.name, nb]);
      if (nb && t.isNamedImports(nb)) for (const el of nb.elements) named.push([el.name, el]);
      for (const [id, node] of named) add(id, { kind: 'import', node, declaration: node, import: atTop ? (imports ??= importsOf(t, sf)).get(id.text) : undefined });
    } else if (t.isImportEqualsDeclaration(st)) {
      add(st.name, { kind: 'import', node: st, declaration: st, import: atTop ? (imports ??= importsOf(t, sf)).get(st.name.text) : undefined });
    }
  }
}

function buildScope(t: TS, n: ts.Node): ScopeIndex | undefined {
  if (isFunctionLike(t, n)) {
    const out = new Map<string, Declaration>();
    n.parameters.forEach((p, index) => {
      addBindingName(t, out, p.name, (id, destructured) =>
        destructured
          ? { kind: 'param', id, node: p, declaration: id.parent, fn: n, index, destructured }
          : { kind: 'param', id, node: p, declaration: p, type: p.type, init: p.initializer, fn: n, index, destructured },
      );
    });
    // function fact(n) { … fact(n - 1) }: a function expression's own name, shadowed by its parameters
    if (t.isFunctionExpression(n) && n.name && !out.has(n.name.text)) out.set(n.name.text, { kind: 'self', id: n.name, node: n, declaration: n });
    return out;
  }
  if (t.isBlock(n) || t.isModuleBlock(n) || t.isCaseClause(n) || t.isDefaultClause(n) || t.isSourceFile(n)) {
    const out = new Map<string, Declaration>();
    indexStatements(t, n.getSourceFile(), n.statements, out);
    return out;
  }
  if ((t.isForOfStatement(n) || t.isForInStatement(n) || t.isForStatement(n)) && n.initializer && t.isVariableDeclarationList(n.initializer)) {
    const out = new Map<string, Declaration>();
    const isConst = (n.initializer.flags & t.NodeFlags.Const) !== 0;
    for (const d of n.initializer.declarations) {
      addBindingName(t, out, d.name, (id, destructured) => {
        const declaration = destructured ? id.parent : d;
        if (t.isForOfStatement(n)) return { kind: 'forOf', id, node: d, declaration, init: n.expression, isConst, destructured };
        return destructured ? { kind: 'var', id, node: d, declaration, isConst, destructured } : { kind: 'var', id, node: d, declaration, init: d.initializer, type: d.type, isConst, destructured };
      });
    }
    return out;
  }
  if (t.isCatchClause(n) && n.variableDeclaration) {
    const out = new Map<string, Declaration>();
    const v = n.variableDeclaration;
    addBindingName(t, out, v.name, (id, destructured) => ({ kind: 'catch', id, node: v, declaration: destructured ? id.parent : v, destructured }));
    return out;
  }
  if (t.isClassExpression(n) && n.name) return new Map([[n.name.text, { kind: 'self', id: n.name, node: n, declaration: n }]]);
  return undefined;
}

/** The names a scope node (a block, function, source file, `for`, catch clause…) declares itself. */
function scopeOf(t: TS, n: ts.Node): ScopeIndex {
  let index = scopeCache.get(n);
  if (!index) scopeCache.set(n, (index = buildScope(t, n) ?? EMPTY));
  return index;
}

/** The names a file declares or imports at its top level. */
export function fileScope(t: TS, sf: ts.SourceFile): ReadonlyMap<string, Declaration> {
  return scopeOf(t, sf);
}

/**
 * The declaration `name` refers to at `from`, walking the lexical scopes outwards from `from`'s parent:
 * blocks, `case` clauses, functions (parameters, a function expression's own name), `for` initializers,
 * catch clauses, class expressions' own names and the file (its declarations and imports). The first
 * declaration of a name in a scope wins; `var` hoisting is ignored. `undefined` for globals.
 */
export function resolveName(t: TS, name: string, from: ts.Node): Declaration | undefined {
  for (let n: ts.Node | undefined = from.parent; n; n = n.parent) {
    const d = scopeOf(t, n).get(name);
    if (d) return d;
  }
  return undefined;
}

/** The declaration an identifier refers to (see {@link resolveName}). */
export function resolveIdentifier(t: TS, id: ts.Identifier): Declaration | undefined {
  return resolveName(t, id.text, id);
}

/** The variable or parameter at the root of a destructuring pattern, and the keys down to `element`. */
export function destructuringRoot(t: TS, element: ts.BindingElement): { root: ts.VariableDeclaration | ts.ParameterDeclaration; path: (string | undefined)[] } | undefined {
  const path: (string | undefined)[] = [];
  let n: ts.Node = element;
  while (t.isBindingElement(n)) {
    const pattern: ts.Node = n.parent;
    if (t.isObjectBindingPattern(pattern)) path.unshift(n.dotDotDotToken ? '...' : propertyNameText(t, n.propertyName ?? n.name));
    else if (t.isArrayBindingPattern(pattern)) path.unshift(String(pattern.elements.indexOf(n)));
    n = pattern.parent;
  }
  if (t.isVariableDeclaration(n) || t.isParameter(n)) return { root: n, path };
  return undefined;
}

/** The text of a property or binding name when it is static (`a`, `'a'`, `1`, `#a`, `['a']`). */
export function propertyNameText(t: TS, name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name) || t.isPrivateIdentifier(name)) return name.text;
  if (t.isComputedPropertyName(name) && t.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Class members (`this.x`)

/** What a class says about one of its instance members. */
export interface ClassMember {
  /** A `PropertyDeclaration`, a constructor parameter property, or the constructor's `this.x = …` value. */
  node: ts.Node;
  type?: ts.TypeNode;
  /** The property's initializer, or the value the constructor assigns to `this.x`. */
  init?: ts.Expression;
  decorators: readonly ts.Decorator[];
}

/** The class whose instance `this` is at `node` (`undefined` inside a plain function). */
export function enclosingClass(t: TS, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (t.isClassDeclaration(n) || t.isClassExpression(n)) return n;
    // `this` inside a plain function expression is not the class instance.
    if (t.isFunctionDeclaration(n) || t.isFunctionExpression(n)) return undefined;
  }
  return undefined;
}

const memberCache = new WeakMap<ts.ClassLikeDeclaration, Map<string, ClassMember | undefined>>();

/** The member `name` of `cls`: a property, a constructor parameter property, or a `this.name = …` in the constructor. */
export function classMember(t: TS, cls: ts.ClassLikeDeclaration, name: string): ClassMember | undefined {
  let byName = memberCache.get(cls);
  if (!byName) memberCache.set(cls, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  const m = findClassMember(t, cls, name);
  byName.set(name, m);
  return m;
}

function findClassMember(t: TS, cls: ts.ClassLikeDeclaration, name: string): ClassMember | undefined {
  for (const m of cls.members) {
    if (t.isPropertyDeclaration(m) && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === name) {
      // property = inject(PrismaService) / this.x = ... in the constructor
      return { node: m, type: m.type, init: m.initializer ?? constructorAssignment(t, cls, name), decorators: t.getDecorators(m) ?? [] };
    }
    if (t.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (t.isIdentifier(p.name) && p.name.text === name && (t.getModifiers(p) ?? []).length > 0) {
          return { node: p, type: p.type, decorators: t.getDecorators(p) ?? [] };
        }
      }
    }
  }
  const init = constructorAssignment(t, cls, name);
  return init ? { node: init, init, decorators: [] } : undefined;
}

function constructorAssignment(t: TS, cls: ts.ClassLikeDeclaration, name: string): ts.Expression | undefined {
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => t.isConstructorDeclaration(m));
  if (!ctor?.body) return undefined;
  for (const st of ctor.body.statements) {
    if (!t.isExpressionStatement(st) || !t.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== t.SyntaxKind.EqualsToken) continue;
    const left = st.expression.left;
    if (t.isPropertyAccessExpression(left) && left.expression.kind === t.SyntaxKind.ThisKeyword && left.name.text === name) return st.expression.right;
  }
  return undefined;
}
