/** undici's `request(url, options)`, imported by name or called on the namespace (`undici.request`, `undici.fetch`). */
import { callOf, fromClient, type HttpClient } from './client.js';

export const undiciClient: HttpClient = {
  id: 'undici',
  nameCall(c, _callee, b) {
    return fromClient(b, 'undici') && b!.imported === 'request' ? callOf('undici', c, 1) : undefined;
  },
  memberCall(c, method, _root, b) {
    if (!fromClient(b, 'undici') || b!.imported !== '*') return undefined;
    // import * as undici: its fetch is a fetch
    if (method === 'fetch') return callOf('fetch', c, 1);
    return method === 'request' ? callOf('undici', c, 1) : undefined;
  },
};
