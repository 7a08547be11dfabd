import type { JsonSchema } from '../types.js';
import { stringList } from './string-list.js';

/**
 * HTTP: where responses are written (sinks), which errors carry a public message, and which calls go out over
 * the network (clients). Every list is extended by the config's `knowledge.http`.
 */
export interface HttpKnowledge {
  /** Methods on a response object that send a body: `res.json`, `reply.send`, `c.json`. */
  responseMethods: string[];
  /** Names of response objects in handlers: `res`, `reply`, `response`, `c`, `ctx`. */
  responseReceivers: string[];
  /** Exception classes whose message reaches the client: `HttpException`, `TRPCError`. */
  publicExceptions: string[];
  /** Outbound HTTP clients: module names (`axios`, `got`, `undici`) and global functions (`fetch`). */
  clientModules: string[];
  clientFunctions: string[];
  /** Properties whose assignment sends a body: Koa `ctx.body = x`. */
  responseBodyProperties: string[];
  /** Calls whose first argument is a response body: `Response.json(x)`, `NextResponse.json(x)`. */
  responseFactories: string[];
  /** Classes whose first constructor argument is a response body: `new Response(x)`. */
  responseClasses: string[];
  /** Calls that build or throw an HTTP error whose message reaches the client: h3 `createError`, Koa `ctx.throw`. */
  errorFactories: string[];
  /**
   * Imported functions whose first argument is a response body, as `module#export`: SvelteKit and Remix `json`.
   * A default or namespace import matches through its member (`kit.json`).
   */
  importedResponseFactories: string[];
  /**
   * Imported functions that build an HTTP error whose message reaches the client, as `module#export`: SvelteKit
   * `error(500, msg)`, Boom's 4xx helpers (`Boom.badRequest(msg)`; Boom replaces the message of a 500 itself).
   */
  importedErrorFactories: string[];
  /** Methods chained on a response before the body is sent: `res.status(500).json(x)`. */
  responseChainMethods: string[];
  /** Properties of an exception's options that stay on the server: `cause`. */
  privateErrorProperties: string[];
  /** Properties of a caught error that expose internals: `message`, `stack`, driver `detail`/`sql`. */
  errorDetailProperties: string[];
  /** Error classes whose message is internal even after `instanceof` narrowing: `Error`, driver errors. */
  internalErrorClasses: string[];
  /** Built-in error classes that describe the client's input when answered with a 4xx: a body that is not JSON. */
  inputErrorClasses: string[];
  /** Project error classes whose message is meant for clients (narrowing to them makes a response safe). */
  publicErrorClasses: string[];
  /** Properties whose truthiness or presence marks an error as public: `expose`, `isOperational`. */
  publicErrorMarkers: string[];
  /** Calls that only validate input; their errors are safe to return in a 400/422. */
  validationCalls: string[];
  /** Response properties that tell success from failure: `ok`, `status`. */
  statusProperties: string[];
  /** Members that read a fetch-style response body: `json()`, `text()`, `body`. */
  bodyReadMembers: string[];
  /** Words in names or URLs that make an outbound call a payment, billing or auth call. */
  criticalEndpointWords: string[];
}

/**
 * Words in an endpoint's URL or in the names around its call that say it answers slowly on purpose: a long poll, a
 * stream, a watch, a bake (image or build), a wait. A fixed total timeout would cut every such call short.
 */
export const LONG_WAIT_WORDS: readonly string[] = ['longpoll', 'poll', 'polling', 'stream', 'streaming', 'watch', 'bake', 'baking', 'wait', 'await', 'subscribe', 'sse'];

/** Comment text that documents a slow answer: "long poll", "can take several minutes", "blocks until …". */
export const LONG_WAIT_COMMENT = /\b(?:long[- ]?poll(?:ing)?|long[- ]running|(?:can|may|might|could) take|takes? (?:up to |several |a few |many )?(?:minutes|hours|a while|long)|blocks? until|waits? (?:for|until)|hangs? until|streams?)\b/i;

/** Libraries whose declared version decides how a suggestion calls them (see `FileFacts.libraryVersions`). */
/** Types of a request body that is file content rather than a small JSON document (an upload of unbounded size). */
export const FILE_CONTENT_TYPES: ReadonlySet<string> = new Set(['Buffer', 'Readable', 'ReadStream', 'Stream', 'ReadableStream', 'Blob', 'File', 'Uint8Array', 'ArrayBuffer', 'FormData']);
/** Constructors of such a body: `new FormData()`. */
export const FILE_CONTENT_CONSTRUCTORS: ReadonlySet<string> = new Set(['FormData', 'Blob', 'File']);
/** Names of such a body, lowercased: `buffer`, `fileStream`, `formData`. */
export const FILE_CONTENT_NAMES: ReadonlySet<string> = new Set(['buffer', 'buf', 'stream', 'readstream', 'filestream', 'blob', 'file', 'filebuffer', 'chunk', 'formdata', 'form']);

/** Members through which a handler writes its response: `res.json(…)`, `res.send(…)`, `res.end()`, `ctx.body = …`. */
export const RESPONSE_WRITE_MEMBERS: ReadonlySet<string> = new Set(['json', 'send', 'end', 'write', 'jsonp', 'body']);
/** Constructors of a response a handler returns: `new Response(…)`, `new NextResponse(…)`. */
export const RESPONSE_CONSTRUCTORS: ReadonlySet<string> = new Set(['Response', 'NextResponse']);

export const VERSIONED_LIBRARIES: readonly string[] = ['node-fetch'];

export const defaultHttp: HttpKnowledge = {
  responseMethods: ['json', 'send', 'end', 'write', 'jsonp', 'render', 'text', 'html', 'body', 'response'],
  responseReceivers: ['res', 'response', 'reply', 'rep', 'c', 'ctx', 'context', 'h'],
  publicExceptions: [
    'HttpException', 'BadRequestException', 'UnauthorizedException', 'ForbiddenException', 'NotFoundException',
    'ConflictException', 'UnprocessableEntityException', 'InternalServerErrorException', 'ServiceUnavailableException',
    'BadGatewayException', 'GatewayTimeoutException', 'NotAcceptableException', 'RequestTimeoutException',
    'GoneException', 'PayloadTooLargeException', 'UnsupportedMediaTypeException', 'MethodNotAllowedException',
    'NotImplementedException', 'ImATeapotException', 'PreconditionFailedException', 'MisdirectedException',
    'HttpErrors.InternalServerError', 'HttpErrors.BadRequest',
    'TRPCError', 'GraphQLError', 'HTTPException', 'HttpError', 'ApolloError', 'UserInputError',
    'AuthenticationError', 'ForbiddenError', 'RpcException', 'WsException',
    // the name NestJS projects give their own HttpException subclass (`class ApiException extends BadRequestException`)
    'ApiException',
  ],
  clientModules: ['axios', 'got', 'ky', 'undici', 'superagent', 'node-fetch', 'cross-fetch', 'node:http', 'node:https', 'http', 'https', 'ofetch'],
  clientFunctions: ['fetch'],
  responseBodyProperties: ['body'],
  responseFactories: ['Response.json', 'NextResponse.json', 'HttpResponse.json'],
  responseClasses: ['Response', 'NextResponse'],
  errorFactories: ['createError', 'createHttpError', 'httpErrors', 'ctx.throw', 'context.throw'],
  importedResponseFactories: [
    '@sveltejs/kit#json', '@sveltejs/kit#text', '@remix-run/node#json', '@remix-run/cloudflare#json', '@remix-run/deno#json',
    '@remix-run/server-runtime#json', 'react-router#data', '@vercel/node#json',
  ],
  importedErrorFactories: [
    '@sveltejs/kit#error',
    ...['@hapi/boom', 'boom'].flatMap((m) => [
      'badRequest', 'unauthorized', 'paymentRequired', 'forbidden', 'notFound', 'methodNotAllowed', 'notAcceptable',
      'proxyAuthRequired', 'clientTimeout', 'conflict', 'resourceGone', 'lengthRequired', 'preconditionFailed',
      'entityTooLarge', 'uriTooLong', 'unsupportedMediaType', 'rangeNotSatisfiable', 'expectationFailed', 'teapot',
      'badData', 'locked', 'failedDependency', 'tooEarly', 'preconditionRequired', 'tooManyRequests', 'illegal',
      'notImplemented', 'badGateway', 'serverUnavailable', 'gatewayTimeout',
    ].map((f) => `${m}#${f}`)),
  ],
  responseChainMethods: ['status', 'code', 'writeHead', 'type', 'set', 'header', 'headers', 'setHeader', 'cookie', 'clearCookie', 'vary', 'append', 'location', 'contentType', 'charset'],
  privateErrorProperties: ['cause', 'originalError', 'originalException', 'extensions'],
  errorDetailProperties: ['message', 'stack', 'detail', 'sqlMessage', 'sql', 'sqlState'],
  internalErrorClasses: [
    'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError',
    'DOMException', 'SystemError',
    'PrismaClientKnownRequestError', 'PrismaClientUnknownRequestError', 'PrismaClientRustPanicError',
    'PrismaClientInitializationError', 'PrismaClientValidationError',
    'QueryFailedError', 'EntityNotFoundError', 'TypeORMError', 'DatabaseError', 'PostgresError', 'MongoError',
    'MongoServerError', 'MongoNetworkError', 'SequelizeDatabaseError', 'SequelizeError', 'UniqueConstraintError',
    'ForeignKeyConstraintError', 'DrizzleError', 'DrizzleQueryError', 'KnexTimeoutError', 'RedisError', 'ReplyError',
    'AxiosError', 'FetchError', 'RequestError', 'HTTPError', 'TimeoutError', 'AbortError', 'SocketError',
    // data-access-layer wrappers: a DB error under the project's name
    'DalException', 'DalError', 'DataAccessError', 'RepositoryError', 'PersistenceError',
  ],
  inputErrorClasses: ['SyntaxError'],
  publicErrorClasses: [],
  publicErrorMarkers: ['expose', 'isOperational', 'isPublic', 'userMessage', 'publicMessage', 'safeMessage', 'clientMessage', 'isClientError', 'isUserError', 'isAppError'],
  validationCalls: [
    'parse', 'parseAsync', 'validate', 'validateSync', 'validateAsync', 'validateOrReject', 'assert', 'assertValid',
    'plainToInstance', 'plainToClass', 'decode', 'check', 'JSON.parse', 'Value.Decode', 'v.parse', 'typia.assert',
    // signature and token checks: their errors say why the caller's input was refused
    'constructEvent', 'constructEventAsync', 'verify', 'jwtVerify', 'verifyIdToken', 'verifySignature', 'verifyWebhook',
    'req.json', 'req.text', 'request.json', 'request.text', 'request.formData', 'req.formData',
  ],
  statusProperties: ['ok', 'status', 'statusCode'],
  bodyReadMembers: ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'body', 'bytes'],
  criticalEndpointWords: [
    'pay', 'payment', 'payments', 'charge', 'charges', 'refund', 'refunds', 'billing', 'invoice', 'invoices', 'checkout',
    'stripe', 'paypal', 'adyen', 'braintree', 'square', 'klarna', 'razorpay', 'mollie', 'payout', 'payouts', 'capture',
    'transfer', 'transfers', 'wallet', 'subscription', 'subscriptions',
    'auth', 'oauth', 'oauth2', 'token', 'tokens', 'login', 'signin', 'sso', 'saml', 'openid', 'session', 'sessions',
    'password', 'authorize', 'userinfo', 'jwks',
  ],
};


export const httpSchema: JsonSchema = {
  type: 'object',
  description: 'HTTP response sinks and outbound clients, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    responseMethods: stringList('Response methods that send a body.'),
    responseReceivers: stringList('Names of response objects.'),
    publicExceptions: stringList('Exception classes whose message is sent to the client.'),
    clientModules: stringList('Modules that make outbound HTTP calls.'),
    clientFunctions: stringList('Global functions that make outbound HTTP calls.'),
    responseBodyProperties: stringList('Properties whose assignment sends a response body, e.g. Koa `body`.'),
    responseFactories: stringList('Calls whose first argument is a response body, e.g. `NextResponse.json`.'),
    responseClasses: stringList('Classes whose first constructor argument is a response body, e.g. `Response`.'),
    errorFactories: stringList('Calls that create an HTTP error whose message reaches the client, e.g. `createError`.'),
    importedResponseFactories: stringList('Imported functions whose first argument is a response body, as `module#export`, e.g. `@sveltejs/kit#json`.'),
    importedErrorFactories: stringList('Imported functions that create an HTTP error whose message reaches the client, as `module#export`, e.g. `@sveltejs/kit#error`.'),
    responseChainMethods: stringList('Methods chained on a response object before the body is sent, e.g. `status`.'),
    privateErrorProperties: stringList('Exception option properties that stay on the server, e.g. `cause`.'),
    errorDetailProperties: stringList('Properties of a caught error that expose internals, e.g. `message`, `stack`.'),
    internalErrorClasses: stringList('Error classes whose message stays internal even after `instanceof` narrowing.'),
    inputErrorClasses: stringList('Built-in error classes that describe the client input when answered with a 4xx, e.g. `SyntaxError`.'),
    publicErrorClasses: stringList('Project error classes whose message is meant for clients.'),
    publicErrorMarkers: stringList('Properties that mark an error as public when checked, e.g. `expose`.'),
    validationCalls: stringList('Calls that only validate input; their errors may be returned in a 400 or 422.'),
    statusProperties: stringList('Response properties that tell success from failure, e.g. `ok`.'),
    bodyReadMembers: stringList('Members that read a fetch-style response body, e.g. `json`.'),
    criticalEndpointWords: stringList('Words in names or URLs that mark a payment, billing or auth call.'),
  },
};
