import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/lint-source.js';
import { summarizeCatch } from '../../src/model/logger-summaries.js';
import { compiler } from '../../src/ts.js';

const summary = (code: string) => summarizeCatch(compiler, parseSource(code, 'src/x.ts'));

describe('the catch rules’ summary of a module', () => {
  it.each([
    ["import pino from 'pino';\nexport const audit = pino();", { audit: 'object-first' }],
    ["import { Logger } from '@nestjs/common';\nconst log = new Logger('jobs');\nexport { log as jobsLog };", { jobsLog: 'logger' }],
    ["import pino from 'pino';\nconst base = pino();\nexport default base;", { default: 'object-first' }],
    ["import pino from 'pino';\nconst internal = pino();", {}],
    ['export const audit = { warn: (m: string) => m };', {}],
  ])('exports the loggers of %j', (code, loggers) => {
    expect(summary(code).loggers).toEqual(loggers);
  });

  it.each([
    // a Sentry wrapper and a logger wrapper record the error they receive
    ["import * as Sentry from '@sentry/node';\nexport function capture(err: unknown) { Sentry.captureException(err); }", { capture: { params: [0] } }],
    ["import { logger } from './logger';\nexport const logError = (message: string, error: Error) => logger.error({ err: error }, message);", { logError: { params: [1] } }],
    // through a function of the same file
    ["import { logger } from './logger';\nfunction write(e: unknown) { logger.error(e); }\nexport function report(e: unknown) { write(e); }", { report: { params: [0] }, write: undefined }],
    // console output is not a record
    ['export function logError(e: unknown) { console.error(e); }', {}],
    // fields of a parameter that is not an error (`params.teamId`, `{ delayMs }`) are context, not a recorded error
    ["import { logger } from './logger';\nexport async function retry(params: { teamId: string }, delayMs = 10) { logger.warn('retrying', { teamId: params.teamId, delayMs }); }", {}],
    // only its message: not the error
    ["import { logger } from './logger';\nexport function logError(e: Error) { logger.error(e.message); }", {}],
  ])('knows which functions of %j record an error', (code, reporters) => {
    const got = summary(code).reporters;
    for (const [name, want] of Object.entries(reporters)) expect(got[name]).toEqual(want);
    if (Object.keys(reporters).length === 0) expect(got).toEqual({});
  });

  it('knows each class’s parent, where it comes from, and the status it sets', () => {
    const s = summary(
      [
        "import { AppError } from './base';",
        "import * as errs from '@acme/errors';",
        "import { HttpStatus } from '@nestjs/common';",
        'export class Gone extends AppError { status = 410; }',
        'export class Down extends errs.Outage { constructor(m: string) { super(m, 503); } }',
        'class Hidden extends AppError { constructor() { super({ statusCode: HttpStatus.FORBIDDEN }); } }',
        'export default class Teapot extends Hidden { }',
        'export class Plain {}',
      ].join('\n'),
    );
    expect(s.classes).toEqual({
      Gone: { parent: 'AppError', parentFrom: { module: './base', imported: 'AppError' }, status: 'client' },
      Down: { parent: 'Outage', parentFrom: { module: '@acme/errors', imported: 'Outage' }, status: 'server' },
      Hidden: { parent: 'AppError', parentFrom: { module: './base', imported: 'AppError' }, status: 'client' },
      Teapot: { parent: 'Hidden' },
    });
    expect(s.classExports).toEqual({ Gone: 'Gone', Down: 'Down', default: 'Teapot' });
  });
});
