/** Fresh names: a binding a suggestion introduces must not capture or shadow a name the code already uses. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';

/** Every identifier written inside `node` (declared, referenced or a property name: being cautious costs nothing). */
export function identifiersIn(t: TS, node: ts.Node): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n)) out.add(n.text);
    t.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** The first candidate not in `used`, else the first candidate with the lowest free number (`tx2`). */
export function freshName(used: ReadonlySet<string>, candidates: readonly string[]): string {
  for (const c of candidates) if (!used.has(c)) return c;
  let i = 2;
  while (used.has(`${candidates[0]}${i}`)) i++;
  return `${candidates[0]}${i}`;
}

/** A name for a new error binding that `scope` does not already use. */
export function freshErrorName(t: TS, scope: ts.Node | undefined): string {
  return freshName(scope ? identifiersIn(t, scope) : new Set(), ['error', 'err', 'caughtError', 'caught']);
}
