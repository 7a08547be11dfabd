import { stringList } from './string-list.js';
import type { JsonSchema } from '../types.js';

/**
 * How an HTTP framework's application is created and what its central error handler looks like: what
 * missing-error-boundary looks for to find an app's entry and judge it. `knowledge.frameworks.apps` adds
 * frameworks (a fork, an in-house wrapper) to the built-in ones; optional fields default to no named exports,
 * no handler methods, a Node server.
 */
export interface AppFactory {
  /** Id shown in findings and used to match error handlers: `express`, `fastify`, `polka`. */
  framework: string;
  /** Name in messages: `Express`. */
  label?: string;
  /** Modules whose import creates the app. */
  modules: string[];
  /**
   * `call`: a call of the default/namespace import or of a named export (`express()`, `fastify()`);
   * `new`: a construction (`new Koa()`, `new Hono()`); `factory`: `<name>.create(…)` (`NestFactory.create`).
   */
  create: 'call' | 'new' | 'factory';
  /** Named exports that create the app (besides the default export); for `factory`, the factory's name. */
  names?: string[];
  /**
   * Methods on the app that install a central error handler: `setErrorHandler`, `onError`; `on:error` is
   * `app.on('error', handler)` (a method whose first argument is that event name).
   */
  errorHandlerMethods?: string[];
  /** What the central error handler looks like, for the message: "`app.onError(…)`". */
  handler?: string;
  /** The app runs as a long-lived Node process, which needs process-level error handlers. */
  nodeServer?: boolean;
}

export interface FrameworkKnowledge {
  apps: AppFactory[];
}

export const defaultFrameworks: FrameworkKnowledge = {
  apps: [
    { framework: 'express', label: 'Express', modules: ['express'], create: 'call', names: [], errorHandlerMethods: [], handler: 'an error middleware `app.use((err, req, res, next) => …)`', nodeServer: true },
    { framework: 'fastify', label: 'Fastify', modules: ['fastify'], create: 'call', names: ['fastify', 'Fastify'], errorHandlerMethods: ['setErrorHandler'], handler: '`fastify.setErrorHandler(…)`', nodeServer: true },
    { framework: 'koa', label: 'Koa', modules: ['koa'], create: 'new', names: [], errorHandlerMethods: ['on:error'], handler: "an error middleware (`try { await next() } catch …`) or `app.on('error', …)`", nodeServer: true },
    { framework: 'hono', label: 'Hono', modules: ['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi'], create: 'new', names: ['Hono', 'OpenAPIHono'], errorHandlerMethods: ['onError'], handler: '`app.onError(…)`', nodeServer: false },
    { framework: 'nestjs', label: 'NestJS', modules: ['@nestjs/core'], create: 'factory', names: ['NestFactory'], errorHandlerMethods: ['useGlobalFilters'], handler: 'a global exception filter registered with `app.useGlobalFilters(…)` or an `APP_FILTER` provider', nodeServer: true },
    { framework: 'restify', label: 'Restify', modules: ['restify'], create: 'call', names: ['createServer'], errorHandlerMethods: ['on:restifyError'], handler: "a `server.on('restifyError', …)` listener", nodeServer: true },
    { framework: 'polka', label: 'Polka', modules: ['polka'], create: 'call', names: [], errorHandlerMethods: [], handler: 'an `onError` option of `polka({ onError })`', nodeServer: true },
    { framework: 'h3', label: 'h3', modules: ['h3'], create: 'call', names: ['createApp', 'H3'], errorHandlerMethods: [], handler: 'an `onError` option of `createApp({ onError })`', nodeServer: true },
    { framework: 'elysia', label: 'Elysia', modules: ['elysia'], create: 'new', names: ['Elysia'], errorHandlerMethods: ['onError'], handler: '`app.onError(…)`', nodeServer: false },
    { framework: 'hapi', label: 'hapi', modules: ['@hapi/hapi'], create: 'call', names: ['server', 'Server'], errorHandlerMethods: ['ext:onPreResponse'], handler: "an `onPreResponse` extension that maps `Boom` errors (`server.ext('onPreResponse', …)`)", nodeServer: true },
  ],
};

export const frameworksSchema: JsonSchema = {
  type: 'object',
  description: 'HTTP frameworks whose apps missing-error-boundary judges, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    apps: {
      type: 'array',
      description: 'How each framework creates an app and installs its central error handler.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['framework', 'modules', 'create'],
        properties: {
          framework: { type: 'string', description: 'Id of the framework, e.g. `polka`.' },
          label: { type: 'string', description: 'Name shown in messages.' },
          modules: stringList('Modules whose import creates the app.'),
          create: { enum: ['call', 'new', 'factory'], description: '`call` (`express()`), `new` (`new Koa()`) or `factory` (`NestFactory.create()`).' },
          names: stringList('Named exports that create the app besides the default export (the factory for `factory`).'),
          errorHandlerMethods: stringList('App methods that install a central error handler, e.g. `onError`.'),
          handler: { type: 'string', description: 'What the central error handler looks like, for the message.' },
          nodeServer: { type: 'boolean', description: 'The app runs as a long-lived Node process that needs process-level error handlers.' },
        },
      },
    },
  },
};

/**
 * The status a NestJS (and Apollo) exception class answers with: `new NotFoundException(msg)` is a 404. Read by
 * the NestJS framework module.
 */
export const nestExceptionStatus: Readonly<Record<string, number>> = {
  BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404,
  MethodNotAllowedException: 405, NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409,
  GoneException: 410, PreconditionFailedException: 412, PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415,
  ImATeapotException: 418, MisdirectedException: 421, UnprocessableEntityException: 422, InternalServerErrorException: 500,
  NotImplementedException: 501, BadGatewayException: 502, ServiceUnavailableException: 503, GatewayTimeoutException: 504,
  UserInputError: 400, AuthenticationError: 401, ForbiddenError: 403,
};

/** The status of a tRPC error code: `new TRPCError({ code: 'NOT_FOUND' })` is a 404. Read by the tRPC framework module. */
export const trpcCodeStatus: Readonly<Record<string, number>> = {
  PARSE_ERROR: 400, BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408, CONFLICT: 409, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429, CLIENT_CLOSED_REQUEST: 499, INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501,
};

/** next-safe-action's `createSafeActionClient({ handleServerError(e) { return … } })`: what they return is sent to the client. */
export const nextServerErrorHandlers: readonly string[] = ['handleServerError', 'handleReturnedServerError'];

/** What a tRPC middleware reads to look at a procedure's failure: its result's `ok` or `error`, or a `.catch(…)`. */
export const trpcFailureMembers: readonly string[] = ['ok', 'error', 'catch'];
