/** Adding an import in the file's own module system: `import` in ES modules, `require` in CommonJS. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import type { TextEdit } from '../types.js';

export interface ImportSpec {
  /** The local name (`logger`). */
  binding: string;
  /** The module (`'./lib/logger'`). */
  specifier: string;
  /** Imported as the module's default export instead of a named one. */
  isDefault?: boolean;
}

function isRequireStatement(t: TS, s: ts.Statement): boolean {
  if (!t.isVariableStatement(s)) return false;
  return s.declarationList.declarations.some((d) => {
    let init = d.initializer;
    while (init && (t.isPropertyAccessExpression(init) || t.isCallExpression(init)) && !(t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'require')) {
      init = t.isCallExpression(init) ? init.expression : init.expression;
    }
    return init !== undefined && t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}

/** Whether the file is CommonJS: a `.cjs`/`.cts` file, or a JavaScript file that requires and never imports. */
export function isCommonJs(t: TS, sf: ts.SourceFile): boolean {
  if (/\.c[jt]s$/.test(sf.fileName)) return true;
  if (!/\.jsx?$/.test(sf.fileName)) return false;
  if (sf.statements.some((s) => t.isImportDeclaration(s) || t.isExportDeclaration(s) || t.isExportAssignment(s))) return false;
  return sf.statements.some((s) => isRequireStatement(t, s)) || /\bmodule\.exports\b|\bexports\.\w+\s*=/.test(sf.text);
}

/**
 * The edit that imports `spec`: after the last import (or top-level `require`), else after the directive
 * prologue (`'use strict'`), else at the top.
 */
export function insertImport(t: TS, sf: ts.SourceFile, spec: ImportSpec): TextEdit {
  const cjs = isCommonJs(t, sf);
  const quoted = `'${spec.specifier.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const text = cjs
    ? spec.isDefault
      ? `const ${spec.binding} = require(${quoted});`
      : `const { ${spec.binding} } = require(${quoted});`
    : spec.isDefault
      ? `import ${spec.binding} from ${quoted};`
      : `import { ${spec.binding} } from ${quoted};`;
  let last: ts.Statement | undefined;
  let directives: ts.Statement | undefined;
  for (const s of sf.statements) {
    if (t.isImportDeclaration(s) || t.isImportEqualsDeclaration(s) || (cjs && isRequireStatement(t, s))) last = s;
    else if (!last && t.isExpressionStatement(s) && t.isStringLiteral(s.expression)) directives = s;
    else if (last || !cjs) break;
  }
  const after = last ?? directives;
  if (after) return { range: [after.getEnd(), after.getEnd()], text: `\n${text}` };
  // below a shebang and leading comments would also do; the very top is always valid
  const shebang = /^#![^\n]*\n/.exec(sf.text);
  return shebang ? { range: [shebang[0].length, shebang[0].length], text: `${text}\n` } : { range: [0, 0], text: `${text}\n` };
}

/** Where a top-level declaration can go: after the imports, or after the directive prologue, or before the first statement. */
export function topLevelInsertion(t: TS, sf: ts.SourceFile, declaration: string): TextEdit {
  let last: ts.Statement | undefined;
  const cjs = isCommonJs(t, sf);
  for (const st of sf.statements) {
    if (t.isImportDeclaration(st) || t.isImportEqualsDeclaration(st) || (cjs && isRequireStatement(t, st))) last = st;
    else if (!last && t.isExpressionStatement(st) && t.isStringLiteral(st.expression)) last = st;
    else if (last) break;
  }
  if (last) {
    const at = last.getEnd();
    return { range: [at, at], text: `\n\n${declaration}${sf.text.startsWith('\n\n', at) ? '' : '\n'}` };
  }
  const first = sf.statements[0];
  const at = first ? first.getStart(sf) : sf.text.length;
  return { range: [at, at], text: `${declaration}\n\n` };
}
