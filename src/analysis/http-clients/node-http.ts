/** Node's `http.request(options, cb)`, `https.get(url, options, cb)`. */
import { isFunctionLike } from '../ast.js';
import { callOf, clientKnowledge, fromClient, type HttpClient } from './client.js';

const NODE_HTTP = clientKnowledge('node-http');

export const nodeHttpClient: HttpClient = {
  id: 'node-http',
  memberCall(c, method, _root, b) {
    if (!fromClient(b, 'node-http') || !NODE_HTTP.methods.includes(method)) return undefined;
    const second = c.call.arguments[1];
    // request(url, options, cb) / request(options, cb)
    return callOf('node-http', c, second && !isFunctionLike(c.t, second) ? 1 : 0);
  },
};
