/**
 * The `request` library and its promise wrappers: `request(options)`, `request(url, options)`, `rp.get(url, options)`.
 * The promise wrappers reject on non-2xx; the callback form hands the status to the callback.
 */
import { callOf, optionsFirstIfObject, clientKnowledge, fromClient, isWholeModule, type HttpClient } from './client.js';

const REQUEST = clientKnowledge('request');

export const requestClient: HttpClient = {
  id: 'request',
  nameCall(c, _callee, b) {
    return fromClient(b, 'request') && isWholeModule(b) ? callOf('request', c, optionsFirstIfObject(c)) : undefined;
  },
  memberCall(c, method, _root, b) {
    return fromClient(b, 'request') && isWholeModule(b) && REQUEST.methods.includes(method) ? callOf('request', c, optionsFirstIfObject(c)) : undefined;
  },
};
