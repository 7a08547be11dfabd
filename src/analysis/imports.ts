/**
 * What each local name of a file was imported as: ES imports, `import x = require()`, and CommonJS
 * `require()` at the top level of the file. Computed once per SourceFile and cached.
 */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';

/** Where a local binding comes from. */
export interface ImportBinding {
  /** The module specifier as written (`pino`, `./lib/logger`, `@sentry/node`). */
  module: string;
  /** `'default'`, `'*'` (namespace or whole CommonJS module), or the exported name. */
  imported: string;
}

/** Local binding name → where it was imported from. */
export type ImportMap = ReadonlyMap<string, ImportBinding>;

const cache = new WeakMap<ts.SourceFile, ImportMap>();

/** `require('m')`, `require('m').x`, `await import('m')`: the module and the accessed export, if any. */
function requiredModule(t: TS, expr: ts.Expression): { module: string; member?: string } | undefined {
  let e = expr;
  while (t.isParenthesizedExpression(e) || t.isAwaitExpression(e) || t.isAsExpression(e) || t.isNonNullExpression(e)) e = e.expression;
  if (t.isPropertyAccessExpression(e)) {
    const inner = requiredModule(t, e.expression);
    return inner && inner.member === undefined ? { module: inner.module, member: e.name.text } : undefined;
  }
  if (!t.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0]!;
  if (!t.isStringLiteralLike(arg)) return undefined;
  const isRequire = t.isIdentifier(e.expression) && e.expression.text === 'require';
  const isDynamicImport = e.expression.kind === t.SyntaxKind.ImportKeyword;
  return isRequire || isDynamicImport ? { module: arg.text } : undefined;
}

function addDeclaration(t: TS, decl: ts.VariableDeclaration, out: Map<string, ImportBinding>): void {
  if (!decl.initializer) return;
  const req = requiredModule(t, decl.initializer);
  if (!req) return;
  if (t.isIdentifier(decl.name)) {
    out.set(decl.name.text, { module: req.module, imported: req.member ?? '*' });
    return;
  }
  // const { a, b: c } = require('m')
  if (t.isObjectBindingPattern(decl.name) && req.member === undefined) {
    for (const el of decl.name.elements) {
      if (!t.isIdentifier(el.name) || el.dotDotDotToken) continue;
      const prop = el.propertyName;
      const imported = prop && (t.isIdentifier(prop) || t.isStringLiteral(prop)) ? prop.text : el.name.text;
      out.set(el.name.text, { module: req.module, imported });
    }
  }
}

function collect(t: TS, sf: ts.SourceFile): ImportMap {
  const out = new Map<string, ImportBinding>();
  for (const stmt of sf.statements) {
    if (t.isImportDeclaration(stmt) && t.isStringLiteral(stmt.moduleSpecifier)) {
      const module = stmt.moduleSpecifier.text;
      const clause = stmt.importClause;
      if (!clause) continue;
      if (clause.name) out.set(clause.name.text, { module, imported: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && t.isNamespaceImport(bindings)) out.set(bindings.name.text, { module, imported: '*' });
      if (bindings && t.isNamedImports(bindings)) {
        for (const el of bindings.elements) out.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text });
      }
    } else if (t.isImportEqualsDeclaration(stmt) && t.isExternalModuleReference(stmt.moduleReference)) {
      const ref = stmt.moduleReference.expression;
      if (t.isStringLiteral(ref)) out.set(stmt.name.text, { module: ref.text, imported: '*' });
    } else if (t.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) addDeclaration(t, decl, out);
    }
  }
  return out;
}

/** The import map of `sf`, cached per SourceFile. */
export function importsOf(t: TS, sf: ts.SourceFile): ImportMap {
  let map = cache.get(sf);
  if (!map) {
    map = collect(t, sf);
    cache.set(sf, map);
  }
  return map;
}

/** The binding a dotted name's root comes from: `Sentry` of `Sentry.captureException`. */
export function importOfRoot(imports: ImportMap, dotted: string): ImportBinding | undefined {
  const root = dotted.split('.')[0] ?? dotted;
  return imports.get(root);
}
