import type { JsonSchema } from '../types.js';
import { stringList } from './string-list.js';

/**
 * Error monitoring and the platforms that report a handler's errors for it: what missing-error-boundary looks
 * for before saying a server has no monitoring. Every list is extended by the config's `knowledge.monitoring`.
 * (Capture calls such as `Sentry.captureException` are logger knowledge: `knowledge.loggers.monitorCalls`.)
 */
export interface MonitoringKnowledge {
  /**
   * Modules of error-monitoring and APM SDKs. Importing one counts as monitoring (their init often sits in a
   * preload file or a `-r` flag), as does listing one in `package.json`.
   */
  modules: string[];
  /** Calls that initialise a monitor, by dotted name: `Sentry.init`, `Bugsnag.start`, `new Rollbar`. */
  initCalls: string[];
  /**
   * Modules whose SDK, once initialised, also records uncaught exceptions and unhandled rejections, so a Node
   * server needs no `process.on` handler of its own.
   */
  processHandlerModules: string[];
  /** Modules that run an app as a serverless function (`serverless-http`, `hono/aws-lambda`). */
  serverlessModules: string[];
  /**
   * Types that make an exported function a serverless HTTP handler when they type it or its first parameter:
   * `APIGatewayProxyHandler`, `(event: APIGatewayProxyEvent) => …`, `Handler<ALBEvent>`.
   */
  serverlessHandlerTypes: string[];
}

export const defaultMonitoring: MonitoringKnowledge = {
  modules: [
    // every Sentry SDK (`@sentry/node`, `@sentry/nextjs`, `@sentry/hono`…) and the community wrappers
    '@sentry', '@hono/sentry', 'toucan-js', '@logtape/sentry', 'winston-transport-sentry-node', 'pino-sentry',
    '@sentry/node', '@sentry/nestjs', '@sentry/nextjs', '@sentry/bun', '@sentry/deno', '@sentry/cloudflare',
    '@sentry/aws-serverless', '@sentry/google-cloud-serverless', '@sentry/serverless', '@sentry/remix', '@sentry/sveltekit',
    '@sentry/astro', '@sentry/profiling-node', '@sentry/nuxt', '@sentry/vercel-edge',
    '@opentelemetry/sdk-node', '@opentelemetry/auto-instrumentations-node', '@opentelemetry/sdk-trace-node',
    '@opentelemetry/sdk-trace-base', '@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/exporter-trace-otlp-grpc',
    '@opentelemetry/exporter-trace-otlp-proto', '@opentelemetry/instrumentation', '@vercel/otel', '@azure/monitor-opentelemetry',
    '@google-cloud/opentelemetry-cloud-trace-exporter',
    'dd-trace', 'dd-trace/init', '@datadog/browser-logs', 'datadog-lambda-js', '@lumigo/tracer',
    '@bugsnag/js', '@bugsnag/node', '@bugsnag/plugin-express', '@bugsnag/plugin-koa',
    'rollbar', '@honeybadger-io/js', 'newrelic', 'elastic-apm-node', '@airbrake/node', 'applicationinsights',
    'raygun', '@appsignal/nodejs', '@highlight-run/node', '@logtail/node', '@hyperdx/node-opentelemetry', 'signoz',
    '@google-cloud/error-reporting', 'instana', '@instana/collector', 'appdynamics', '@dynatrace/oneagent',
  ],
  initCalls: [
    'Sentry.init', 'Bugsnag.start', 'Bugsnag.init', 'bugsnag.start', 'Rollbar.init', 'new Rollbar', 'Honeybadger.configure',
    'tracer.init', 'ddTrace.init', 'new NodeSDK', 'sdk.start', 'registerOTel', 'registerInstrumentations', 'useAzureMonitor',
    'apm.start', 'appInsights.setup', 'new Notifier', 'H.init', 'new ErrorReporting', 'new Appsignal', 'raygunClient.init',
  ],
  processHandlerModules: [
    '@sentry/node', '@sentry/nestjs', '@sentry/nextjs', '@sentry/bun', '@sentry/aws-serverless', '@sentry/google-cloud-serverless',
    '@sentry/serverless', '@bugsnag/js', '@bugsnag/node', '@honeybadger-io/js', 'newrelic', 'elastic-apm-node', '@airbrake/node',
    'raygun', '@appsignal/nodejs',
  ],
  serverlessModules: [
    'serverless-http', '@vendia/serverless-express', '@codegenie/serverless-express', 'aws-serverless-express',
    '@fastify/aws-lambda', 'aws-lambda-fastify', 'hono/aws-lambda', 'hono/vercel', 'hono/netlify', 'hono/cloudflare-workers',
    'hono/cloudflare-pages', 'hono/lambda-edge', '@hono/node-server/vercel', '@netlify/functions', 'firebase-functions',
    'firebase-functions/v2/https', '@google-cloud/functions-framework', '@azure/functions', '@vercel/node',
    '@sentry/aws-serverless', '@middy/core', '@nestjs/platform-serverless',
  ],
  serverlessHandlerTypes: [
    'APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayEvent', 'APIGatewayProxyEventV2WithJWTAuthorizer',
    'APIGatewayProxyHandler', 'APIGatewayProxyHandlerV2', 'APIGatewayProxyWithCognitoAuthorizerHandler', 'ALBEvent', 'ALBHandler',
    'LambdaFunctionURLEvent', 'LambdaFunctionURLHandler', 'HandlerEvent', 'VercelRequest', 'HttpRequest',
  ],
};


export const monitoringSchema: JsonSchema = {
  type: 'object',
  description: 'Error monitoring SDKs and serverless adapters, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    modules: stringList('Modules of error-monitoring or APM SDKs; importing or depending on one counts as monitoring.'),
    initCalls: stringList('Calls that initialise a monitor, e.g. `Sentry.init` or `new Rollbar`.'),
    processHandlerModules: stringList('Monitoring modules that also record uncaught exceptions and unhandled rejections.'),
    serverlessModules: stringList('Modules that run an app as a serverless function, whose platform records its errors.'),
    serverlessHandlerTypes: stringList('Types of a serverless HTTP handler or its event parameter, e.g. `APIGatewayProxyHandler`.'),
  },
};
