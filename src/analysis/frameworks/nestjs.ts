/** NestJS: the status its exception classes answer with, and the shape of an exception filter (`@Catch(…) class … { catch(exception) }`). */
import type * as ts from 'typescript';
import { nestExceptionStatus } from '../../knowledge/frameworks.js';
import type { TS } from '../../ts.js';
import { dottedName, type FunctionLike } from '../ast.js';

/** The status `new NotFoundException(…)` answers with, by the class's own name. */
export function nestExceptionStatusOf(className: string): number | undefined {
  return nestExceptionStatus[className];
}

function decoratorCall(t: TS, node: ts.Node, name: string): ts.CallExpression | undefined {
  if (!t.canHaveDecorators(node)) return undefined;
  for (const d of t.getDecorators(node) ?? []) {
    const e = d.expression;
    if (t.isCallExpression(e) && dottedName(t, e.expression) === name) return e;
  }
  return undefined;
}

/**
 * The classes an exception filter catches, when `fn` is the `catch` method of a `@Catch(…)` class: `[]` for
 * `@Catch()`, which catches everything.
 */
export function exceptionFilterCatches(t: TS, fn: FunctionLike): readonly ts.Expression[] | undefined {
  if (!t.isMethodDeclaration(fn) || !t.isIdentifier(fn.name) || fn.name.text !== 'catch') return undefined;
  const cls = fn.parent;
  if (!cls || !(t.isClassDeclaration(cls) || t.isClassExpression(cls))) return undefined;
  return decoratorCall(t, cls, 'Catch')?.arguments;
}
