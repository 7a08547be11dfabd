/** superagent: `superagent.get(url)`, its timeout chained on the request (`.timeout(ms)`) rather than passed as an option. */
import { callOf, clientKnowledge, fromClient, type HttpClient } from './client.js';

const SUPERAGENT = clientKnowledge('superagent');

export const superagentClient: HttpClient = {
  id: 'superagent',
  memberCall(c, method, _root, b) {
    return fromClient(b, 'superagent') && SUPERAGENT.methods.includes(method) ? callOf('superagent', c, -1) : undefined;
  },
};
