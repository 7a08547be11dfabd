/** ky: `ky(url, options)`, `ky.post(url, options)`, and calls on a `ky.create(options)` / `ky.extend(options)` instance. */
import { callOf, clientKnowledge, fromClient, isWholeModule, type HttpClient } from './client.js';

const KY = clientKnowledge('ky');

export const kyClient: HttpClient = {
  id: 'ky',
  nameCall(c, _callee, b) {
    return fromClient(b, 'ky') && isWholeModule(b) ? callOf('ky', c, 1) : undefined;
  },
  memberCall(c, method, _root, b) {
    return fromClient(b, 'ky') && isWholeModule(b) && KY.methods.includes(method) ? callOf('ky', c, 1) : undefined;
  },
  instanceCall(c, method, config) {
    return KY.methods.includes(method) ? callOf('ky', c, 1, config) : undefined;
  },
};
