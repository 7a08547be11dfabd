import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeMethod, calleeName, dottedName, skipOuter, walk } from './ast.js';

export interface BlockEffects {
  dbWrites: ts.CallExpression[];
  outboundCalls: ts.CallExpression[];
}

const DB_RECEIVER = /(^|\.)(db|database|prisma|tx|trx|knex|sequelize|manager|em|entityManager|queryRunner|client|pool|conn|connection|sql|repo|[a-z]*Repo|[a-z]*Repository|[a-z]*Model|[a-z]*Collection|collection|model|orm|drizzle|kysely|mongoose)$/i;
const NOT_DB_RECEIVER = /(^|\.)(Object|Reflect|crypto|hash|hmac|cipher|decipher|map|set|cache|headers|params|searchParams|url|formData|history|cookies|session|localStorage|sessionStorage|Array|JSON|Promise|document|window)$/i;

function receiverOf(t: TS, call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(t, call.expression);
  return t.isPropertyAccessExpression(callee) || t.isElementAccessExpression(callee) ? callee.expression : undefined;
}

/** Innermost name in a receiver chain: `prisma.order` → `order`'s object is a Prisma delegate. */
function receiverText(t: TS, receiver: ts.Expression): string | undefined {
  let r = skipOuter(t, receiver);
  // db.insert(x).values(y): the write method sits on the builder; look through calls to the root.
  while (t.isCallExpression(r)) {
    const callee = skipOuter(t, r.expression);
    r = t.isPropertyAccessExpression(callee) ? callee.expression : callee;
  }
  return dottedName(t, r);
}

/** A call that looks like a database write by the knowledge table and a database-like receiver. */
export function isLikelyDbWrite(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  const method = calleeMethod(t, call);
  if (!method || !knowledge.database.writeMethods.includes(method)) return false;
  const receiver = receiverOf(t, call);
  if (!receiver) return false;
  const text = receiverText(t, receiver);
  if (!text || NOT_DB_RECEIVER.test(text)) return false;
  const parts = text.split('.');
  // prisma.order.create / this.orderRepository.save / Order.create (a capitalised model)
  return parts.some((p) => DB_RECEIVER.test(p)) || /^[A-Z][A-Za-z]+$/.test(parts[parts.length - 1] ?? '');
}

const HTTP_CLIENT_ROOTS = new Set(['axios', 'got', 'ky', 'superagent', 'request', 'undici', 'http', 'https', 'needle', 'ofetch', '$fetch']);

/** A call that goes out over the network: `fetch`, axios/got/ky, `http.request`, a gateway client. */
export function isLikelyOutboundCall(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  const name = calleeName(t, call);
  if (!name) return false;
  if (knowledge.http.clientFunctions.includes(name)) return true;
  const root = name.split('.')[0] ?? '';
  if (HTTP_CLIENT_ROOTS.has(root) && name !== root + '.create') return true;
  return /(^|\.)(gateway|[a-z]*Gateway|[a-z]*Client|[a-z]*Api|httpClient|http)\.(post|get|put|patch|delete|request|charge|refund|capture|authorize|send)$/.test(name);
}

/** Database writes and outbound calls made directly in `block` (not in nested functions). */
export function blockEffects(t: TS, block: ts.Node, knowledge: Knowledge): BlockEffects {
  const effects: BlockEffects = { dbWrites: [], outboundCalls: [] };
  walk(t, block, (n) => {
    if (!t.isCallExpression(n)) return;
    if (isLikelyDbWrite(t, n, knowledge)) effects.dbWrites.push(n);
    else if (isLikelyOutboundCall(t, n, knowledge)) effects.outboundCalls.push(n);
  });
  return effects;
}
