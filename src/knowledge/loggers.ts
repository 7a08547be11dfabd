import { stringList } from './string-list.js';
import type { JsonSchema } from '../types.js';

/** How the project's own logger takes an error; decides the idiom of suggestions. */
export type LoggerFlavour = 'pino' | 'winston' | 'bunyan' | 'nest' | 'console-compatible';

export interface LoggerKnowledge {
  /** Modules whose default or named exports create structured loggers. */
  modules: string[];
  /** Receiver names treated as loggers when nothing better is known (`logger.error`, `this.log.warn`). */
  receiverNames: string[];
  /** Logging methods that record a failure. */
  methods: string[];
  /** Error monitors: dotted call paths (`Sentry.captureException`) or bare function names. */
  monitorCalls: string[];
  /** Modules that export error monitors (`@sentry/node`): any call of their capture functions records. */
  monitorModules: string[];
  /** The project's configured logger, used by suggestions. */
  logger?: { importPath: string; binding: string; flavour: LoggerFlavour };
}

export const defaultLoggers: LoggerKnowledge = {
  modules: ['pino', 'winston', 'bunyan', 'log4js', '@nestjs/common', 'loglevel', 'consola', 'signale', 'roarr', 'tslog', '@logtape/logtape'],
  receiverNames: ['logger', 'log', 'Logger', 'LOGGER', 'appLogger', 'requestLogger', 'reqLogger', 'baseLogger', 'childLogger', 'fastify.log', 'request.log', 'req.log', 'app.log', 'server.log', 'this.logger', 'this.log', 'this.#logger', 'ctx.log', 'ctx.logger', 'c.var.logger'],
  methods: ['fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace', 'log', 'verbose', 'crit', 'critical', 'alert', 'emerg', 'notice', 'child'],
  monitorCalls: [
    'Sentry.captureException',
    'Sentry.captureMessage',
    'captureException',
    'Bugsnag.notify',
    'bugsnag.notify',
    'Rollbar.error',
    'rollbar.error',
    'Rollbar.critical',
    'rollbar.critical',
    'Honeybadger.notify',
    'newrelic.noticeError',
    'span.recordException',
    'tracer.recordException',
    'Airbrake.notify',
    'airbrake.notify',
    'appInsights.defaultClient.trackException',
    'client.trackException',
  ],
  monitorModules: ['@sentry/node', '@sentry/nextjs', '@sentry/bun', '@sentry/nestjs', '@sentry/serverless', '@sentry/aws-serverless', '@sentry/google-cloud-serverless', '@bugsnag/js', '@bugsnag/node', 'rollbar', '@honeybadger-io/js', 'newrelic', 'dd-trace', '@opentelemetry/api', '@airbrake/node'],
};

export const loggersSchema: JsonSchema = {
  type: 'object',
  description: 'Loggers and error monitors, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    modules: stringList('Modules that create structured loggers.'),
    receiverNames: stringList('Names (or dotted paths like `this.logger`) of logger objects.'),
    methods: stringList('Logger methods that record a failure.'),
    monitorCalls: stringList('Calls that report an error to a monitor, e.g. `Sentry.captureException`.'),
    monitorModules: stringList('Modules whose capture functions report errors.'),
    logger: {
      type: 'object',
      description: "The project's own logger, used in suggested fixes.",
      additionalProperties: false,
      required: ['importPath', 'binding', 'flavour'],
      properties: {
        importPath: { type: 'string', description: 'Module to import the logger from, e.g. `./lib/logger`.' },
        binding: { type: 'string', description: 'Name the logger is imported as, e.g. `logger`.' },
        flavour: { enum: ['pino', 'winston', 'bunyan', 'nest', 'console-compatible'], description: 'Which library the logger is, deciding where the error goes in a call.' },
      },
    },
  },
};
