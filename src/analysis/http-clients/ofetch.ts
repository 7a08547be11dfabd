/** ofetch: `ofetch(url, options)` and Nuxt's `$fetch`, imported from `ofetch`. */
import { callOf, fromClient, type HttpClient } from './client.js';

export const ofetchClient: HttpClient = {
  id: 'ofetch',
  nameCall(c, _callee, b) {
    return fromClient(b, 'ofetch') && (b!.imported === 'ofetch' || b!.imported === '$fetch') ? callOf('ofetch', c, 1) : undefined;
  },
};
