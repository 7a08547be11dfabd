/** HTTP status codes as code writes them. */
import type * as ts from 'typescript';
import type { TS } from '../ts.js';
import { skipOuter } from './ast.js';

const HTTP_STATUS_NAMES: Record<string, number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
};

/** A status code written as a number, `HttpStatus.BAD_REQUEST` or `StatusCodes.NOT_FOUND`. */
export function literalStatus(t: TS, expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = skipOuter(t, expr);
  if (t.isNumericLiteral(e)) return Number(e.text);
  if (t.isPropertyAccessExpression(e)) return HTTP_STATUS_NAMES[e.name.text];
  return undefined;
}
