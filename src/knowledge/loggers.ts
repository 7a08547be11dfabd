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

// --- names a logger call is recognised by (matched against whole names read from the AST) ------------------

/** Methods of the console that write a line. */
export const CONSOLE_METHODS: ReadonlySet<string> = new Set(['error', 'warn', 'log', 'info', 'debug', 'trace', 'dir', 'table', 'assert']);
/** The console and the process streams, as dotted receivers. */
export const CONSOLE_ROOTS: ReadonlySet<string> = new Set(['console', 'globalThis.console', 'window.console', 'global.console', 'process.stderr', 'process.stdout']);
/** Methods that capture an error for a monitor, on any receiver. */
export const CAPTURE_METHODS: ReadonlySet<string> = new Set(['captureException', 'captureError', 'noticeError', 'recordException', 'trackException']);
/** Methods of an error monitor's module (`Sentry.captureException`, `Bugsnag.notify`). */
export const MONITOR_METHODS: ReadonlySet<string> = new Set(['captureException', 'captureError', 'captureMessage', 'noticeError', 'recordException', 'trackException', 'notify', 'error', 'critical', 'report']);
/** Calls that create a logger: `pino()`, `winston.createLogger()`, `new Logger()`. */
export const LOGGER_FACTORIES = /^(pino|winston\.createLogger|createLogger|bunyan\.createLogger|log4js\.getLogger|getLogger|Logger\.get|loglevel\.getLogger|consola\.create|consola\.withTag|new Logger)$/;
/** Type names of a logger: `Logger`, `PinoLogger`, `FastifyBaseLogger`. */
export const LOGGER_TYPE = /(^|\.)(Logger|LoggerService|PinoLogger|BaseLogger|FastifyBaseLogger|Pino|LogService|ILogger|WinstonLogger|Bunyan)$/;
/** Names a logger goes by: `logger`, `log`, `requestLogger`. */
export const LOGGER_NAME = /^_?([a-z][A-Za-z0-9]*Logger|logger|log|LOGGER|Logger)$/;
/** A module path whose last segment names a logger: `./lib/log`, `@/logger`, `./logging.ts`. */
export const LOGGER_FILE = /(^|[/@])(log|logs|logger|loggers|logging|log-service|logService)(\.[cm]?[jt]s)?$/i;
/** A level named as a `log(level, …)` call's first argument. */
export const LEVEL_ARGUMENT = /^(?:fatal|error|warn|warning|info|debug|trace|verbose|crit|critical)$/;
/** Functions that turn an error into its text: `String(e)`, `getErrorMessage(e)`, `toErrorText(e)`. */
export const STRINGIFY_FUNCTIONS = /^(String|JSON\.stringify|encodeURIComponent)$|(^|\.)(get|to)?(Error)?(To)?(Message|Msg|Text|String)(Of|From)?$|(^|\.)stringifyError$/i;
/** A project function named for recording a failure: `logError`, `reportException`, `captureFailure`. */
export const LOG_HELPER_NAME = /^(?:log|report|record|track|capture|notify)?_?(?:error|errors|exception|failure|fatal|critical)$/i;
