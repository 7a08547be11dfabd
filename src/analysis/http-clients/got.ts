/** got: `got(url, options)`, `got.post(url, options)`, and calls on a `got.extend(options)` instance. */
import { callOf, clientKnowledge, fromClient, type HttpClient } from './client.js';

const GOT = clientKnowledge('got');

export const gotClient: HttpClient = {
  id: 'got',
  nameCall(c, _callee, b) {
    return fromClient(b, 'got') && (b!.imported === 'default' || b!.imported === 'got' || b!.imported === '*') ? callOf('got', c, 1) : undefined;
  },
  memberCall(c, method, _root, b) {
    return fromClient(b, 'got') && GOT.methods.includes(method) ? callOf('got', c, 1) : undefined;
  },
  instanceCall(c, _method, config) {
    return callOf('got', c, 1, config);
  },
};
