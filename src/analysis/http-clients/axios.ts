/** axios: `axios(config)`, `axios(url, config)`, `axios.get(url, config)`, `axios.post(url, data, config)`, and the same on an `axios.create(config)` instance. */
import { dottedName } from '../ast.js';
import { callOf, optionsFirstIfObject, clientKnowledge, fromClient, isWholeModule, type HttpClient, type OutboundCall } from './client.js';

const AXIOS = clientKnowledge('axios');

/** Where a method's options go: `request(config)`, `get(url, config)`, `post(url, data, config)`. */
function methodOptions(method: string): number {
  return method === 'request' ? 0 : AXIOS.bodyMethods.includes(method) ? 2 : 1;
}

export const axiosClient: HttpClient = {
  id: 'axios',
  onModuleDefaults(c) {
    // axios(cfg), axios.get(url): the default instance of the `axios` module (default or namespace import)
    const parts = dottedName(c.t, c.call.expression)?.split('.') ?? [];
    return parts.length <= 2 && isWholeModule(c.imports.get(parts[0] ?? '')) && fromClient(c.imports.get(parts[0] ?? ''), 'axios');
  },
  nameCall(c, _callee, b): OutboundCall | undefined {
    return fromClient(b, 'axios') && isWholeModule(b) ? callOf('axios', c, optionsFirstIfObject(c)) : undefined;
  },
  memberCall(c, method, _root, b) {
    return fromClient(b, 'axios') && AXIOS.methods.includes(method) ? callOf('axios', c, methodOptions(method)) : undefined;
  },
  instanceCall(c, method, config) {
    return AXIOS.methods.includes(method) ? callOf('axios', c, methodOptions(method), config) : undefined;
  },
};
