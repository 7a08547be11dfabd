/**
 * Outbound HTTP clients, one entry each: the modules a client comes from, the methods that send a request, and
 * how a call of it expresses a timeout and a status check. The code that recognises each client's call shapes
 * is its module in `src/analysis/http-clients/`; adding a client is one entry here, one module there and its
 * table cases.
 */

export type HttpClientId = 'fetch' | 'undici' | 'axios' | 'got' | 'ofetch' | 'superagent' | 'node-http' | 'request' | 'ky';

export interface HttpClientKnowledge {
  /** Name in messages: `undici request`, `http.request`. */
  label: string;
  /** Modules the client is imported from. */
  modules: string[];
  /** Methods on the module or an instance that send a request: `axios.get`, `got.post`. */
  methods: string[];
  /** Of `methods`, those whose second argument is the request body, so the options come third: `axios.post(url, data, config)`. */
  bodyMethods: string[];
  /** Methods on the module that create an instance with its own defaults: `axios.create(config)`, `got.extend(config)`. */
  instanceFactories: string[];
  /** Option keys that bound how long a call may take. */
  timeoutKeys: string[];
  /** The option a suggested timeout adds, `{ms}` standing for the milliseconds; none when no option does. */
  timeoutOption?: string;
  /** A method chained on the call that sets its timeout instead of an option: superagent `.timeout(ms)`. */
  timeoutMethod?: string;
  /**
   * The client applies a timeout of its own unless the options turn it off (`timeout: false`): only a call that
   * does is missing one, and the suggestion puts the milliseconds in place of the `false`.
   */
  defaultTimeout?: boolean;
  /**
   * The module and its instances carry a `defaults` object whose `timeout` applies to every call made through it
   * (`axios.defaults.timeout = 5000`, `api.defaults.timeout = …`), set in the file or in another module.
   */
  defaultsObject?: boolean;
  /** The client rejects a non-2xx answer by itself. */
  throwsOnStatus: boolean;
  /** Options that make a non-2xx answer resolve instead: axios `validateStatus`. */
  statusOptions: string[];
  /** Members of its response that read the body; none: the fetch-style `bodyReadMembers` of `knowledge.http`. */
  readMembers?: string[];
}

export const httpClients: Readonly<Record<HttpClientId, HttpClientKnowledge>> = {
  fetch: {
    label: 'fetch',
    modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', '@whatwg-node/fetch', 'isomorphic-unfetch', 'unfetch'],
    methods: [],
    bodyMethods: [],
    instanceFactories: [],
    timeoutKeys: ['signal', 'timeout', 'dispatcher'],
    timeoutOption: 'signal: AbortSignal.timeout({ms})',
    throwsOnStatus: false,
    statusOptions: [],
  },
  undici: {
    label: 'undici request',
    modules: ['undici'],
    methods: ['request'],
    bodyMethods: [],
    instanceFactories: [],
    timeoutKeys: ['signal', 'headersTimeout', 'bodyTimeout', 'dispatcher'],
    timeoutOption: 'signal: AbortSignal.timeout({ms})',
    throwsOnStatus: false,
    statusOptions: [],
    readMembers: ['body'],
  },
  axios: {
    label: 'axios',
    modules: ['axios'],
    methods: ['get', 'delete', 'head', 'options', 'request', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'],
    bodyMethods: ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'],
    instanceFactories: ['create'],
    timeoutKeys: ['timeout', 'signal', 'cancelToken'],
    timeoutOption: 'timeout: {ms}',
    defaultsObject: true,
    throwsOnStatus: true,
    statusOptions: ['validateStatus'],
    readMembers: ['data'],
  },
  got: {
    label: 'got',
    modules: ['got'],
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head'],
    bodyMethods: [],
    instanceFactories: ['extend'],
    timeoutKeys: ['timeout', 'signal'],
    timeoutOption: 'timeout: { request: {ms} }',
    throwsOnStatus: true,
    statusOptions: [],
  },
  ofetch: {
    label: 'ofetch',
    modules: ['ofetch'],
    methods: [],
    bodyMethods: [],
    instanceFactories: ['create'],
    timeoutKeys: ['timeout', 'signal'],
    timeoutOption: 'timeout: {ms}',
    throwsOnStatus: true,
    statusOptions: [],
  },
  superagent: {
    label: 'superagent',
    modules: ['superagent'],
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head'],
    bodyMethods: [],
    instanceFactories: [],
    timeoutKeys: [],
    timeoutMethod: 'timeout',
    throwsOnStatus: true,
    statusOptions: [],
  },
  'node-http': {
    label: 'http.request',
    modules: ['http', 'https', 'node:http', 'node:https'],
    methods: ['request', 'get'],
    bodyMethods: [],
    instanceFactories: [],
    timeoutKeys: ['timeout', 'signal'],
    throwsOnStatus: true,
    statusOptions: [],
  },
  /** The `request` library and its promise wrappers (deprecated, still common): `request(opts)`, `rp.get(url, opts)`. */
  request: {
    label: 'request',
    modules: ['request', 'request-promise', 'request-promise-native', 'requestretry'],
    methods: ['get', 'post', 'put', 'patch', 'del', 'delete', 'head'],
    bodyMethods: [],
    instanceFactories: [],
    timeoutKeys: ['timeout'],
    timeoutOption: 'timeout: {ms}',
    throwsOnStatus: true,
    statusOptions: [],
  },
  /** ky: a fetch wrapper that times out after 10 s and rejects a non-2xx answer unless told otherwise. */
  ky: {
    label: 'ky',
    modules: ['ky', 'ky-universal'],
    methods: ['get', 'post', 'put', 'patch', 'delete', 'head'],
    bodyMethods: [],
    instanceFactories: ['create', 'extend'],
    timeoutKeys: ['timeout', 'signal'],
    defaultTimeout: true,
    throwsOnStatus: true,
    statusOptions: ['throwHttpErrors'],
  },
};

/**
 * NestJS's HttpModule (`@nestjs/axios`): each module that imports it gets an axios instance configured where it is
 * registered (`HttpModule.register({ timeout })`, or `registerAsync`'s factory); imported bare, it has no timeout.
 */
export const nestHttpModule = {
  module: '@nestjs/axios',
  exportName: 'HttpModule',
  /** The decorator whose `imports` list registers it. */
  decorator: 'Module',
  register: 'register',
  registerAsync: 'registerAsync',
  /** Options that bound its calls. */
  timeoutKeys: ['timeout', 'signal'],
} as const;
