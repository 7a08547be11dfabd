/**
 * The outbound-HTTP half of a file's summary beyond client instances: exported fetch wrappers
 * (`export async function fetchWithProxy(url, init) { return fetch(url, { ...init, agent }) }`) that set no
 * timeout of their own and hand their caller's options to fetch, so a call of the wrapper in another file is a
 * fetch call whose timeout is the caller's to set. A wrapper without an options parameter is judged where its own
 * fetch call is.
 */
import type * as ts from 'typescript';
import { isExported } from '../analysis/ast.js';
import { isFetchWrapper } from '../analysis/http-clients/index.js';
import { importsOf } from '../analysis/scope.js';
import { defaultKnowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';

/** The parameters of a function declaration or of the function a `const` holds. */
function paramCount(t: TS, decl: ts.FunctionDeclaration | ts.VariableDeclaration): number {
  if (t.isFunctionDeclaration(decl)) return decl.parameters.length;
  const init = decl.initializer;
  return init && (t.isArrowFunction(init) || t.isFunctionExpression(init)) ? init.parameters.length : 0;
}

/** Exported names of fetch wrappers that forward their caller's options (url first, options second). */
export function summarizeFetchWrappers(t: TS, sf: ts.SourceFile): string[] {
  if (!sf.text.includes('fetch')) return [];
  const out: string[] = [];
  let imports: ReturnType<typeof importsOf> | undefined;
  const consider = (name: string, decl: ts.FunctionDeclaration | ts.VariableDeclaration): void => {
    if (paramCount(t, decl) < 2) return;
    imports ??= importsOf(t, sf);
    if (isFetchWrapper(t, decl, defaultKnowledge, imports)) out.push(name);
  };
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.name && st.body && isExported(t, st)) consider(st.name.text, st);
    else if (t.isVariableStatement(st) && isExported(t, st)) {
      for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name)) consider(d.name.text, d);
    }
  }
  return out;
}
