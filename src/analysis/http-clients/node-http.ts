/** Node's `http.request(options, cb)`, `https.get(url, options, cb)`. */
import type * as ts from 'typescript';
import { EVENT_LISTENER_METHODS } from '../../knowledge/runtime.js';
import type { TS } from '../../ts.js';
import { calleeMethod, containsNode, enclosingFunction, isFunctionLike } from '../ast.js';
import { callOf, clientKnowledge, fromClient, type HttpClient } from './client.js';

const NODE_HTTP = clientKnowledge('node-http');

/** `req.setTimeout(5000)`, `req.on('timeout', …)`, `socket.once('timeout', …)`. */
function setsTimeout(t: TS, x: ts.Node): boolean {
  if (!t.isCallExpression(x) || !t.isPropertyAccessExpression(x.expression)) return false;
  const method = calleeMethod(t, x);
  if (method === 'setTimeout') return true;
  const event = x.arguments[0];
  return method !== undefined && EVENT_LISTENER_METHODS.has(method) && event !== undefined && t.isStringLiteralLike(event) && event.text === 'timeout';
}

export const nodeHttpClient: HttpClient = {
  id: 'node-http',
  memberCall(c, method, _root, b) {
    if (!fromClient(b, 'node-http') || !NODE_HTTP.methods.includes(method)) return undefined;
    const second = c.call.arguments[1];
    // request(url, options, cb) / request(options, cb)
    return callOf('node-http', c, second && !isFunctionLike(c.t, second) ? 1 : 0);
  },
  timeoutAround(t, call) {
    // const req = https.request(...); req.setTimeout(5000) / req.on('timeout', …), in the function around the call
    return containsNode(t, enclosingFunction(t, call) ?? call.getSourceFile(), (x) => setsTimeout(t, x));
  },
};
