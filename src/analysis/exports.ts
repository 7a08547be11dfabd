/**
 * What a module exports from its own code, enumerated once: every summary of the project model and the callers'
 * view read a file's exports through `localExports` instead of walking `export …` forms of their own.
 * Re-exports from other modules (`export { a } from './a'`, `export * from`) are the import reader's
 * (`fileImports(…).reExports` in scope.ts).
 */
import type * as ts from 'typescript';
import { hasModifier, isDefaultExport, skipOuter } from './ast.js';
import type { TS } from '../ts.js';

/** One name a module exports from its own code. */
export interface LocalExport {
  /** The name importers use: `default` for the default export. */
  exported: string;
  /**
   * The local binding the export names (`export const a`, `export function a`, `export { a as b }`,
   * `export default a`), when it names one.
   */
  local?: string;
  /**
   * What is exported when no local binding is named: a nameless `export default function () {}` or
   * `export default class {}`, or the expression of `export default <expression>`.
   */
  node?: ts.Node;
  /** The statement that exports it. */
  statement: ts.Statement;
}

const memo = new WeakMap<ts.SourceFile, readonly LocalExport[]>();

/**
 * The ES module exports of `sf`'s own code, in source order: `export function|class|const …`,
 * `export default …` and `export { a as b }` (without `from`). Only identifier bindings of variable
 * declarations are listed (`export const { a } = …` exports nothing a summary can follow).
 */
export function localExports(t: TS, sf: ts.SourceFile): readonly LocalExport[] {
  let out = memo.get(sf);
  if (out) return out;
  const list: LocalExport[] = [];
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) || t.isClassDeclaration(st)) {
      if (!hasModifier(t, st, t.SyntaxKind.ExportKeyword)) continue;
      const isDefault = isDefaultExport(t, st);
      if (st.name) list.push({ exported: isDefault ? 'default' : st.name.text, local: st.name.text, statement: st });
      else if (isDefault) list.push({ exported: 'default', node: st, statement: st });
    } else if (t.isVariableStatement(st)) {
      if (!hasModifier(t, st, t.SyntaxKind.ExportKeyword)) continue;
      for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name)) list.push({ exported: d.name.text, local: d.name.text, statement: st });
    } else if (t.isExportAssignment(st) && !st.isExportEquals) {
      const e = skipOuter(t, st.expression);
      list.push(t.isIdentifier(e) ? { exported: 'default', local: e.text, statement: st } : { exported: 'default', node: st.expression, statement: st });
    } else if (t.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && t.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) list.push({ exported: el.name.text, local: (el.propertyName ?? el.name).text, statement: st });
    }
  }
  out = list;
  memo.set(sf, out);
  return out;
}
