/** Koa: a status set on the context before the body (`ctx.status = 400; ctx.body = …`), and the shape of an error middleware. */
import type * as ts from 'typescript';
import type { TS } from '../../ts.js';
import { dottedName, skipOuter } from '../ast.js';
import { literalStatus } from '../http-status.js';

/** `ctx.status = 400` earlier in the same block. */
export function koaStatusBefore(t: TS, node: ts.Node, root: string): number | undefined {
  let stmt: ts.Node = node;
  while (stmt.parent && !t.isBlock(stmt.parent) && !t.isSourceFile(stmt.parent)) stmt = stmt.parent;
  const block = stmt.parent as ts.Block | undefined;
  if (!block) return undefined;
  let status: number | undefined;
  for (const st of block.statements) {
    if (st === stmt) break;
    if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken && dottedName(t, st.expression.left) === `${root}.status`) {
      status = literalStatus(t, st.expression.right);
    }
  }
  return status;
}

/** `async (ctx, next) => { try { await next() } catch (err) { … } }` — a Koa error middleware. */
export function isKoaErrorMiddleware(t: TS, node: ts.TryStatement): boolean {
  if (!node.catchClause) return false;
  const first = node.tryBlock.statements[0];
  const e = first && t.isExpressionStatement(first) ? skipOuter(t, first.expression) : undefined;
  const call = e && t.isAwaitExpression(e) ? skipOuter(t, e.expression) : e;
  return call !== undefined && t.isCallExpression(call) && t.isIdentifier(call.expression) && call.expression.text === 'next';
}

/**
 * `ctx.body = x` / `ctx.response.body = x`: the Koa context a body is set on (`ctx`), or undefined when the
 * receiver is no context (`res`, `response` and `reply` are Express's and Fastify's response objects).
 */
export function koaBodyReceiver(receiver: string, receivers: readonly string[]): string | undefined {
  const root = receiver.endsWith('.response') ? receiver.slice(0, -'.response'.length) : receiver;
  return receivers.includes(root) && root !== 'res' && root !== 'response' && root !== 'reply' ? root : undefined;
}
