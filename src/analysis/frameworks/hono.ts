/** Hono: a context's body methods take the status as their second argument (`c.json(body, 500)`). */
import type * as ts from 'typescript';
import type { TS } from '../../ts.js';
import { literalStatus } from '../http-status.js';

const STATUS_SECOND = new Set(['json', 'text', 'html', 'body']);

/** The status of `c.json(body, 500)`, `c.text(msg, 404)`… when it is a literal. */
export function honoStatusOf(t: TS, method: string, args: readonly ts.Expression[]): number | undefined {
  return STATUS_SECOND.has(method) ? literalStatus(t, args[1]) : undefined;
}
