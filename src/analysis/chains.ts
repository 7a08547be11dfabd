/** Call chains (`a.b(c).d(e)`): split into a base and segments, and where a chain ends. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { skipOuter } from './ast.js';
import type { Seg } from './data-layers/api.js';


export interface Chain {
  base: ts.Expression;
  segs: Seg[];
  outer: ts.Expression;
}

/** Splits `a.b(c).d(e)` into its base and segments. */
export function decomposeChain(t: TS, outer: ts.Expression): Chain {
  const raw: Seg[] = [];
  let e: ts.Expression = outer;
  for (;;) {
    const s = t.isNonNullExpression(e) || t.isParenthesizedExpression(e) ? e.expression : e;
    if (s !== e) {
      e = s;
      continue;
    }
    if (t.isCallExpression(e)) {
      const callee = skipOuter(t, e.expression);
      if (t.isPropertyAccessExpression(callee)) {
        raw.push({ name: callee.name.text, call: e, node: e });
        e = callee.expression;
      } else if (t.isElementAccessExpression(callee) && t.isStringLiteralLike(callee.argumentExpression)) {
        raw.push({ name: callee.argumentExpression.text, call: e, node: e });
        e = callee.expression;
      } else {
        raw.push({ name: undefined, call: e, node: e });
        e = callee;
      }
      continue;
    }
    if (t.isTaggedTemplateExpression(e)) {
      const tag = skipOuter(t, e.tag);
      if (t.isPropertyAccessExpression(tag)) {
        raw.push({ name: tag.name.text, call: e, node: e });
        e = tag.expression;
      } else {
        raw.push({ name: undefined, call: e, node: e });
        e = tag;
      }
      continue;
    }
    if (t.isPropertyAccessExpression(e) && e.expression.kind !== t.SyntaxKind.ThisKeyword) {
      raw.push({ name: e.name.text, node: e });
      e = e.expression;
      continue;
    }
    break;
  }
  return { base: e, segs: raw.reverse(), outer };
}

/** Only a chain that names a write method (or runs a tagged SQL template) can write: the rest is never resolved. */
export function mayBeWriteChain(t: TS, outer: ts.Expression, writeNames: Set<string>): boolean {
  let e: ts.Expression = outer;
  for (;;) {
    if (t.isNonNullExpression(e) || t.isParenthesizedExpression(e) || t.isAsExpression(e) || t.isSatisfiesExpression(e)) e = e.expression;
    else if (t.isCallExpression(e)) e = e.expression;
    else if (t.isTaggedTemplateExpression(e)) {
      if (!t.isPropertyAccessExpression(skipOuter(t, e.tag))) return true;
      e = e.tag;
    } else if (t.isPropertyAccessExpression(e)) {
      if (writeNames.has(e.name.text)) return true;
      e = e.expression;
    } else if (t.isElementAccessExpression(e)) {
      if (t.isStringLiteralLike(e.argumentExpression) && writeNames.has(e.argumentExpression.text)) return true;
      e = e.expression;
    } else return false;
  }
}

/** True when `node` is the last call of its chain (its result is not called or accessed further in a chain). */
export function isChainOuter(t: TS, node: ts.Node): boolean {
  let n: ts.Node = node;
  while (n.parent && (t.isParenthesizedExpression(n.parent) || t.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p) return true;
  if (t.isPropertyAccessExpression(p) && p.expression === n) {
    // x.y(...) continues the chain only when the property access is itself called or accessed again
    const gp = p.parent;
    return !(gp && ((t.isCallExpression(gp) && gp.expression === p) || (t.isTaggedTemplateExpression(gp) && gp.tag === p) || t.isPropertyAccessExpression(gp)));
  }
  if (t.isCallExpression(p) && p.expression === n) return false;
  if (t.isTaggedTemplateExpression(p) && p.tag === n) return false;
  return true;
}

