/**
 * Next.js server actions (`'use server'`) and next-safe-action's server error handlers: code whose return value
 * is serialised to the browser that called it. Its route files are `knowledge/routes.ts` conventions.
 */
import type * as ts from 'typescript';
import { nextServerErrorHandlers } from '../../knowledge/frameworks.js';
import type { TS } from '../../ts.js';
import { hasModifier, isFunctionLike } from '../ast.js';
import { importsOf, propertyNameText } from '../scope.js';

/** Whether the statements open with the directive `'use server'`. */
function opensWithUseServer(t: TS, statements: readonly ts.Statement[]): boolean {
  for (const st of statements) {
    if (!t.isExpressionStatement(st) || !t.isStringLiteral(st.expression)) return false;
    if (st.expression.text === 'use server') return true;
  }
  return false;
}

/**
 * A Next.js server action: an exported top-level function of a `'use server'` module, or a function whose body
 * opens with `'use server'`. What it returns is serialised to the browser that called it.
 */
export function isServerAction(t: TS, fn: ts.Node): boolean {
  if (!isFunctionLike(t, fn) || !fn.body) return false;
  if (t.isBlock(fn.body) && opensWithUseServer(t, fn.body.statements)) return true;
  const sf = fn.getSourceFile();
  // export async function save() / export const save = async () => …
  const top = t.isFunctionDeclaration(fn) ? fn : fn.parent && t.isVariableDeclaration(fn.parent) ? fn.parent.parent?.parent : undefined;
  if (!top || top.parent !== sf || !hasModifier(t, top, t.SyntaxKind.ExportKeyword)) return false;
  return opensWithUseServer(t, sf.statements);
}

/** `'use server'` modules and next-safe-action clients: an error crosses to the browser as its message only. */
export function isServerActionModule(t: TS, sf: ts.SourceFile): boolean {
  return opensWithUseServer(t, sf.statements) || [...importsOf(t, sf).values()].some((b) => b.module === 'next-safe-action');
}

/** The name of a next-safe-action server error handler (`handleServerError`) whose function `fn` is. */
export function serverErrorHandlerOf(t: TS, fn: ts.Node | undefined): string | undefined {
  if (!fn || !isFunctionLike(t, fn)) return undefined;
  const holder = t.isMethodDeclaration(fn) ? fn : fn.parent && t.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  const name = holder?.name ? propertyNameText(t, holder.name) : undefined;
  return name !== undefined && isServerErrorHandlerName(name) ? name : undefined;
}

/** `handleServerError`, `handleReturnedServerError`: an option holding a next-safe-action server error handler. */
export function isServerErrorHandlerName(name: string): boolean {
  return nextServerErrorHandlers.includes(name);
}
