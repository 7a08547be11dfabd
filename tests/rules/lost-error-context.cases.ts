import type { KnowledgeConfig } from '../../src/knowledge/index.js';
import type { RuleCases } from '../utils/rule-tester.js';

const pino: KnowledgeConfig = { loggers: { logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'pino' } } };

export const cases: RuleCases = {
  valid: [
    `export async function refund(id: string) {
  try { await gateway.refund(id); } catch (e) { throw e; }
}`,
    `export async function refund(id: string) {
  try { await gateway.refund(id); } catch (e) { throw new Error('refund failed', { cause: e }); }
}`,
    // a custom error whose constructor takes the original error
    `import { PaymentError } from './errors';
export async function charge(id: string) {
  try { await gateway.charge(id); } catch (err) { throw new PaymentError('charge failed', err); }
}`,
    // a 4xx translation of a recognised failure: the caught error is the reason, not a fault to debug
    `import { Injectable, NotFoundException } from '@nestjs/common';
@Injectable()
export class UsersService {
  async findOne(id: string) {
    try {
      return await this.prisma.user.findUniqueOrThrow({ where: { id } });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025') throw new NotFoundException('User not found');
      throw e;
    }
  }
}`,
    // a 4xx translation of a parse failure: the client's input is the reason
    `export function readBody(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestException('Body is not JSON');
  }
}`,
    // the new error reports another condition than the caught one
    `export async function pollJob(id: string, attempt: number) {
  try {
    return await jobs.status(id);
  } catch (e) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(\`Job \${id} did not finish after \${attempt} attempts\`);
    return pollJob(id, attempt + 1);
  }
}`,
    `import { HttpException, HttpStatus } from '@nestjs/common';
export function parse(body: string) {
  try { return JSON.parse(body); } catch (e) { throw new HttpException('Invalid JSON', HttpStatus.BAD_REQUEST); }
}`,
    // the message carries the error's text and the error itself travels as the cause
    `class SyncError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
  }
}
export async function linkPatient(patientId: string) {
  try {
    return await tokens.create({ patientId });
  } catch (error) {
    throw new SyncError(\`Patient link failed - \${getErrorMessage(error)}\`, error);
  }
}`,
    // the error object itself goes to a reporter beside the text-only line
    `export async function linkPatient(patientId: string) {
  try {
    return await tokens.create({ patientId });
  } catch (error) {
    out(patientId).log(\`Patient link failed - \${errorToString(error)}\`);
    capture(error);
    throw new Error('Patient link failed');
  }
}`,
    // logged with the error first: the record exists, the thrown error is the sanitized one
    `import { InternalServerErrorException, Logger } from '@nestjs/common';
const logger = new Logger('Payments');
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) {
    logger.error('payment failed', e instanceof Error ? e.stack : String(e));
    throw new InternalServerErrorException('Payment failed');
  }
}`,
    // a synchronous call of the project's own parse helper: the failure is the answer
    `export function readOverrides(raw: string) {
  try {
    return parseOverrideBlob(raw);
  } catch (problem) {
    throw new Error(\`Overrides are not valid: \${problem.message}\`);
  }
}`,
    // a parse probe that also prints a hint to the console
    `export function readTuning(raw: string) {
  let tuning: Record<string, unknown>;
  try {
    tuning = JSON.parse(raw);
    if (tuning.endpoint) console.warn('endpoint is ignored here');
  } catch (problem) {
    throw new Error('Tuning options are not JSON: ' + problem);
  }
  return tuning;
}`,
    // a synchronous credential check: failing it is the condition the new error names
    `export function acceptInvite(token: string) {
  try {
    return verifyInviteLink(token);
  } catch {
    throw new AppError(400, 'This invite link is no longer valid');
  }
}`,
    // one known driver code translated into the condition it means
    `export async function removeBoard(id: string) {
  try {
    await db.board.delete({ where: { id } });
  } catch (problem: any) {
    switch (problem.code) {
      case 'P2003':
        throw new Error('Remove the widgets on this board first');
      default:
        throw problem;
    }
  }
}`,
    `import { readFile } from 'node:fs/promises';
export async function loadTheme(file: string) {
  try {
    return await readFile(file, 'utf8');
  } catch (problem: any) {
    if (problem.code === 'ENOENT') throw new Error(\`No theme named \${file}\`);
    throw problem;
  }
}`,
    // a known status looked for in the message: the new error names that condition
    `export async function loadCatalog(slug: string) {
  try {
    return await catalogApi.fetchApp(slug);
  } catch (problem: any) {
    if (problem.message?.includes('404')) throw new Error(\`No app named "\${slug}" in the catalog\`);
    return undefined;
  }
}`,
    // the stack is logged on the line before: the record exists
    `import winston from 'winston';
export async function loadPlugin(dir: string) {
  try {
    return await readManifest(dir);
  } catch (problem) {
    winston.error(\`manifest of \${dir} is broken: \${problem.stack}\`);
    throw new Error('[[error:plugin-manifest]]');
  }
}`,
    // an input probe whose log names the bad input
    `import winston from 'winston';
export function hostsOf(ids: string[]) {
  return ids.filter((id) => {
    try {
      return new URL(id).hostname !== nconf.get('hostname');
    } catch {
      winston.error(\`skipping malformed id \${id}\`);
      return false;
    }
  });
}`,
    // browser code is not judged
    {
      code: `'use client';
export function readUpload(text: string) {
  try { return JSON.parse(text).items.map(normalise); } catch { throw new Error('That file could not be read'); }
}`,
      filename: 'app/import/read.ts',
    },
    // classifies one known error and rethrows the rest
    `export async function quote(id: string) {
  try { return await pricing.quote(id); } catch (e) {
    if (isTimeout(e)) throw new GatewayTimeoutError('pricing timed out');
    throw e;
  }
}`,
    `export async function refund(id: string) {
  try { throw new Error('not refundable'); } catch (e) { return null; }
}`,
    { code: `try { run(); } catch (e) { throw new Error('failed'); }`, filename: 'src/refund.test.ts' },
    // options we cannot read
    `export function load(opts: ErrorOptions) {
  try { return read(); } catch (e) { throw new Error('load failed', opts); }
}`,
    `export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { throw toAppError(e); }
}`,
    `import pino from 'pino';
const logger = pino();
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { logger.error({ err }, 'payment failed'); }
}`,
    `import winston from 'winston';
const logger = winston.createLogger();
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { logger.error('payment failed', err); }
}`,
    `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async pay(id: string) {
    try { await this.gateway.pay(id); } catch (err) { this.logger.error(\`payment \${id} failed\`, err.stack); }
  }
}`,
    // logs the message, then rethrows the same error
    `import pino from 'pino';
const logger = pino();
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { logger.error(\`payment failed: \${e.message}\`); throw e; }
}`,
    `import pino from 'pino';
const logger = pino();
export async function warm() {
  try { await cache.warm(); } catch (e) { logger.info('cache warm-up skipped'); }
}`,
    { code: `import pino from 'pino';
const logger = pino();
export async function warm() {
  try { await cache.warm(); } catch (e) { logger.warn('cache warm-up failed'); }
}`, options: { checkWarnings: false } },
    `import * as Sentry from '@sentry/node';
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { Sentry.captureException(e); }
}`,
    `import express from 'express';
import { logger } from './logger';
const app = express();
app.post('/pay', async (req, res, next) => {
  try { await payments.pay(req.body); res.sendStatus(204); } catch (err) { logger.error('payment failed'); next(err); }
});`,
    { code: `export function f() { try { run(); } catch (e) { throw new Error('failed'); } }`, options: { checkThrows: false } },
    { code: `export function f() { try { run(); } catch (e) { throw new LegacyError('failed'); } }`, options: { ignoreClasses: ['LegacyError'] } },
    `export async function all(a: Promise<void>, b: Promise<void>) {
  try { await a; } catch (e) { throw new AggregateError([e], 'first step failed'); }
}`,
    `import pino from 'pino';
const logger = pino();
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    logger.error({ err: error }, 'payment failed');
  }
}`,
    `export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { throw Object.assign(new Error('payment failed'), { cause: e }); }
}`,
    `import * as Sentry from '@sentry/node';
import pino from 'pino';
const logger = pino();
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { Sentry.captureException(e); logger.error('payment failed'); }
}`,
    `import { reportError } from './lib/logger';
export async function refund(id: string) {
  try { await gateway.refund(id); } catch (err) { reportError(err); return null; }
}`,
    // a parse probe: the failure is the answer
    `export function readSettings(raw: string) {
  try { return JSON.parse(raw); } catch { throw new Error('settings are not valid JSON'); }
}`,
    // picks response fields on purpose instead of the (useless) client stack
    `import pino from 'pino';
const logger = pino();
export async function rates() {
  try { return await http.get('/rates'); } catch (e) {
    logger.error({ status: e.response?.status, body: e.response?.data }, 'rates upstream failed');
    return null;
  }
}`,
    // a CLI prints the message for its user
    {
      code: `import { logger } from './logger';
export async function migrate() {
  try { await migrator.up(); } catch (error) { logger.error(error.message); }
}`,
      filename: 'scripts/migrate.ts',
    },
    // not an error class: a response thrown as control flow
    `export async function loader() {
  try { return await load(); } catch { throw new Response('Not Found', { status: 404 }); }
}`,
    // a parse into an in-memory Map: the failure is the answer, so a new error without cause loses nothing
    `const docs = new Map<string, ProseNode>();
export function load(id: string, raw: string) {
  try {
    docs.set(id, ProseNode.fromJSON(schema, JSON.parse(raw)));
  } catch {
    throw new Error(\`Document \${id} is not valid JSON\`);
  }
}`,
    // an error-code key that names bad input: the caught error is the reason, not a fault to debug
    `export const verifyAssertion = async (response: AuthenticationResponse) => {
  try {
    return await verifyAuthenticationResponse({ response });
  } catch (error) {
    throw new RequestError('session.mfa.webauthn_verification_failed');
  }
};`,
    // a document parsed and converted (`toPlainText`): the failure is the answer
    `export function plainTextLength(value: unknown): number {
  let text: string;
  try {
    text = ProsemirrorHelper.toPlainText(Node.fromJSON(schema, value));
  } catch (_err) {
    throw new Error('Invalid data');
  }
  return Array.from(text).length;
}`,
    // an authentication-required error (401) translates a token that does not verify
    `export async function verifyAccessToken(token: string) {
  try {
    return await jose.jwtVerify(token, key);
  } catch (err) {
    throw new AuthRequiredError('Token could not be verified', 'InvalidToken');
  }
}`,
      // a lone 4xx throw over I/O that never looks at the error is swallowed-catch's clientTranslation: one report a site
    `export async function projectBySlug(slug: string) {
  try {
    return await kysely.selectFrom('project').where('slug', '=', slug).executeTakeFirstOrThrow();
  } catch {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Project not found' });
  }
}`,
      // the same API below warn level, with the error object, or a `log` whose first argument is no level
    `export async function warmCache(key: string) {
  try {
    await cache.warm(key);
  } catch (e) {
    getState().log('debug', \`warm-up of \${key} skipped\`);
  }
}
export async function syncTeams(orgId: string) {
  try {
    await github.syncTeams(orgId);
  } catch (e) {
    getState().log('error', 'team sync failed', e);
  }
}
export async function audit(entry: Entry) {
  try {
    await trail.append(entry);
  } catch (e) {
    history.log('appended', entry.id);
  }
}`,
  ],

  invalid: [
    // suggestion set 4: the catch builds a new error whose text is the caught one with the provider key taken out;
    // `{ cause: err }` would hand the key back to whoever prints the cause chain
    {
      code: `export async function probeProvider(baseUrl: string, providerApiKey: string) {
  try {
    return await http.get(\`\${baseUrl}/models\`, { headers: { authorization: \`Bearer \${providerApiKey}\` } });
  } catch (err) {
    throw new Error(describeFailure(err, providerApiKey));
  }
}`,
      errors: [{ messageId: 'missingCause', line: 5, column: 11, suggestions: [{ messageId: 'causeByHand', data: { reason: 'the new error carries the caught error only through a redaction, and the caught error itself (with what was redacted) would come back as the cause; keep the original on the server by logging a redacted copy instead' }, output: `export async function probeProvider(baseUrl: string, providerApiKey: string) {
  try {
    return await http.get(\`\${baseUrl}/models\`, { headers: { authorization: \`Bearer \${providerApiKey}\` } });
  } catch (err) {
    throw new Error(describeFailure(err, providerApiKey));
  }
}` }] }],
    },
    // the caught error's text with the token replaced
    {
      code: `export async function sendSms(to: string, smsToken: string) {
  try {
    await sms.send(to, smsToken);
  } catch (failure) {
    throw new Error(\`SMS send failed: \${String(failure).replaceAll(smsToken, '***')}\`);
  }
}`,
      errors: [{ messageId: 'missingCause', line: 5, column: 11, suggestions: [{ messageId: 'causeByHand', data: { reason: 'the new error carries the caught error only through a redaction, and the caught error itself (with what was redacted) would come back as the cause; keep the original on the server by logging a redacted copy instead' }, output: `export async function sendSms(to: string, smsToken: string) {
  try {
    await sms.send(to, smsToken);
  } catch (failure) {
    throw new Error(\`SMS send failed: \${String(failure).replaceAll(smsToken, '***')}\`);
  }
}` }] }],
    },
    // a masking call over the caught error (scrub…)
    {
      code: `export async function signUpload(path: string) {
  try {
    return await storage.sign(path);
  } catch (err) {
    throw new Error(\`Upload signing failed: \${scrubMessage(err)}\`);
  }
}`,
      errors: [{ messageId: 'missingCause', line: 5, column: 11, suggestions: [{ messageId: 'causeByHand', data: { reason: 'the new error carries the caught error only through a redaction, and the caught error itself (with what was redacted) would come back as the cause; keep the original on the server by logging a redacted copy instead' }, output: `export async function signUpload(path: string) {
  try {
    return await storage.sign(path);
  } catch (err) {
    throw new Error(\`Upload signing failed: \${scrubMessage(err)}\`);
  }
}` }] }],
    },
    // a project logging API that takes the level first: the message alone reaches it
    {
      code: `export async function syncRepos(installationId: number) {
  try {
    await github.syncInstallation(installationId);
  } catch (e) {
    getState().log('error', \`sync of \${installationId} failed: \${(e as Error).message}\`);
  }
}`,
      errors: [{ messageId: 'logMessageOnly', data: { method: 'getState().log' }, line: 5, column: 5, endLine: 5, endColumn: 89, suggestions: [] }],
    },
    // the catch-all branch of a code switch still replaces every other failure
    {
      code: `export async function removeBoard(id: string) {
  try {
    await db.board.delete({ where: { id } });
  } catch (problem: any) {
    switch (problem.code) {
      case 'P2003':
        throw new Error('Remove the widgets on this board first');
      default:
        throw new Error('Could not remove the board');
    }
  }
}`,
      errors: [{ messageId: 'missingCause', line: 9, column: 15, endLine: 9, endColumn: 54 }],
    },
    // an awaited parse helper reads a stream: that is I/O, not a probe
    {
      code: `export async function readUpload(req: Request) {
  try {
    return await parseMultipartBody(req);
  } catch {
    throw new Error('upload failed');
  }
}`,
      errors: [{ messageId: 'missingCause', line: 5, column: 11, endLine: 5, endColumn: 37 }],
    },
    // issue 16, seen on a real NestJS backend: Logger.warn(message, context?) takes no stack; the stack would be
    // printed as the log line's context, so no rewrite is offered for warn
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PageService {
  private readonly logger = new Logger(PageService.name);
  async addWatchers(pageId: string) {
    try {
      await this.queue.add('add-page-watchers', { pageId });
    } catch (err) {
      this.logger.warn(\`Failed to queue add-page-watchers: \${err.message}\`);
    }
  }
}`,
      errors: [{ messageId: 'logMessageOnly', line: 9, column: 7, suggestions: [] }],
    },
    // a catch-all translated to a 4xx with a print beside it: not swallowed-catch's lone-throw shape, reported here
    {
      code: `export async function getSession(token: string) {
  try {
    return await db.session.findFirstOrThrow({ where: { token } });
  } catch {
    console.warn('session lookup failed');
    throw new UnauthorizedException('Invalid token');
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 53,
          data: { name: 'UnauthorizedException' },
          suggestions: [{ messageId: 'addCause', output: `export async function getSession(token: string) {
  try {
    return await db.session.findFirstOrThrow({ where: { token } });
  } catch (error) {
    console.warn('session lookup failed');
    throw new UnauthorizedException('Invalid token', { cause: error });
  }
}` }],
        },
      ],
    },
    // the log line keeps only the error's text (errorToString(e)); the new error is given no cause at all
    {
      code: `class SyncError extends Error {
  constructor(message: string, readonly cause?: unknown, readonly details?: Record<string, unknown>) {
    super(message);
  }
}
export async function linkPatient(patientId: string) {
  try {
    return await tokens.create({ patientId });
  } catch (error) {
    out(patientId).log(\`Patient link failed - \${errorToString(error)}\`);
    throw new SyncError('Patient link failed', undefined, { patientId });
  }
}`,
      errors: [{ messageId: 'missingCause', line: 11, column: 11, endLine: 11, endColumn: 73, data: { name: 'SyncError' }, suggestions: [] }],
    },
    // a console print is not a record: the new error still drops the caught one
    {
      code: `export const createInvoice = protectedProcedure.mutation(async ({ input }) => {
  try {
    return await billing.createInvoice(input);
  } catch (error) {
    console.error(error);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not create the invoice' });
  }
});`,
      errors: [
        {
          messageId: 'missingCause',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 100,
          data: { name: 'TRPCError' },
          suggestions: [{ messageId: 'addCause', output: `export const createInvoice = protectedProcedure.mutation(async ({ input }) => {
  try {
    return await billing.createInvoice(input);
  } catch (error) {
    console.error(error);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not create the invoice', cause: error });
  }
});` }],
        },
      ],
    },
    {
      code: `export async function renderReport(id: string) {
  try {
    return await renderer.render(id);
  } catch (e) {
    console.error('render failed', e);
    throw new Error(\`Report \${id} could not be rendered: \${e.message}\`);
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 72,
          data: { name: 'Error' },
          suggestions: [{ messageId: 'addCause', output: `export async function renderReport(id: string) {
  try {
    return await renderer.render(id);
  } catch (e) {
    console.error('render failed', e);
    throw new Error(\`Report \${id} could not be rendered: \${e.message}\`, { cause: e });
  }
}` }],
        },
      ],
    },
    {
      code: `export async function pay(orderId: string) {
  try {
    await gateway.charge(orderId);
  } catch (err) {
    throw new Error('Payment failed');
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export async function pay(orderId: string) {
  try {
    await gateway.charge(orderId);
  } catch (err) {
    throw new Error('Payment failed', { cause: err });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function refund(id: string) {
  try {
    await gateway.refund(id);
  } catch (e: any) {
    throw new Error(\`Refund failed: \${e.message}\`);
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export async function refund(id: string) {
  try {
    await gateway.refund(id);
  } catch (e: any) {
    throw new Error(\`Refund failed: \${e.message}\`, { cause: e });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { configStore } from './config-store';
export async function loadConfig(path: string) {
  try {
    return await configStore.fetch(path);
  } catch {
    throw new Error('Could not load config');
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import { configStore } from './config-store';
export async function loadConfig(path: string) {
  try {
    return await configStore.fetch(path);
  } catch (error) {
    throw new Error('Could not load config', { cause: error });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function settle() {
  try { ledger.settle(); } catch (e) { throw new Error(); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export function settle() {
  try { ledger.settle(); } catch (e) { throw new Error('', { cause: e }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function settle() {
  try { ledger.settle(); } catch (e) { throw new Error('settle failed', { cause: e.message }); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export function settle() {
  try { ledger.settle(); } catch (e) { throw new Error('settle failed', { cause: e }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export class PaymentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { throw new PaymentError('declined'); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 7,
          column: 54,
          endLine: 7,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export class PaymentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { throw new PaymentError('declined', { cause: err }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export class GatewayError extends Error {
  constructor(message: string, public readonly cause?: unknown) {
    super(message);
  }
}
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { throw new GatewayError('gateway unavailable'); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 7,
          column: 54,
          endLine: 7,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'passError',
              output: `export class GatewayError extends Error {
  constructor(message: string, public readonly cause?: unknown) {
    super(message);
  }
}
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (err) { throw new GatewayError('gateway unavailable', err); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { RefundError } from './errors';
export async function refund(id: string) {
  try { await gateway.refund(id); } catch (err) { throw new RefundError(id); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 3,
          column: 57,
          endLine: 3,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'attachCause',
              output: `import { RefundError } from './errors';
export async function refund(id: string) {
  try { await gateway.refund(id); } catch (err) { throw Object.assign(new RefundError(id), { cause: err }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class OrdersService {
  async place(dto: OrderDto) {
    try {
      return await this.repo.save(dto);
    } catch (error) {
      throw new InternalServerErrorException('Could not place order');
    }
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class OrdersService {
  async place(dto: OrderDto) {
    try {
      return await this.repo.save(dto);
    } catch (error) {
      throw new InternalServerErrorException('Could not place order', { cause: error });
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function fetchRates() {
  return http.get('/rates').catch((err) => {
    throw new Error('rates unavailable');
  });
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export function fetchRates() {
  return http.get('/rates').catch((err) => {
    throw new Error('rates unavailable', { cause: err });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function fetchRates() {
  return http.get('/rates').catch(() => {
    throw new UpstreamError('rates unavailable');
  });
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'attachCause',
              output: `export function fetchRates() {
  return http.get('/rates').catch((error) => {
    throw Object.assign(new UpstreamError('rates unavailable'), { cause: error });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function parseAmount(v: string) {
  try { return ledger.toMinorUnits(v); } catch (e) { throw Error('bad amount ' + v); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 2,
          column: 60,
          endLine: 2,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addCause',
              output: `export function parseAmount(v: string) {
  try { return ledger.toMinorUnits(v); } catch (e) { throw Error('bad amount ' + v, { cause: e }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { TRPCError } from '@trpc/server';
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'payment failed' });
  }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import { TRPCError } from '@trpc/server';
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'payment failed', cause: e });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HttpException } from '@nestjs/common';
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { throw new HttpException('payment failed', 502); }
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import { HttpException } from '@nestjs/common';
export async function pay(id: string) {
  try { await gateway.pay(id); } catch (e) { throw new HttpException('payment failed', 502, { cause: e }); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    throw new Error('upstream failed');
  }
});`,
      errors: [
        {
          messageId: 'missingCause',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    throw new Error('upstream failed', { cause: err });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function refund(req, res) {
  try {
    await refunds.create(req.body);
    res.sendStatus(201);
  } catch (err) {
    logger.error('refund failed');
    res.status(500).json({ error: 'refund failed' });
  }
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import pino from 'pino';
const logger = pino();
export async function refund(req, res) {
  try {
    await refunds.create(req.body);
    res.sendStatus(201);
  } catch (err) {
    logger.error({ err }, 'refund failed');
    res.status(500).json({ error: 'refund failed' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function refund(id: string) {
  try {
    await gateway.refund(id);
  } catch (err) {
    logger.error(\`refund failed: \${err.message}\`);
    return false;
  }
}`,
      errors: [
        {
          messageId: 'logMessageOnly',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import pino from 'pino';
const logger = pino();
export async function refund(id: string) {
  try {
    await gateway.refund(id);
  } catch (err) {
    logger.error({ err }, \`refund failed: \${err.message}\`);
    return false;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    logger.error({ orderId, error: err.message }, 'refund failed');
    return null;
  }
}`,
      errors: [
        {
          messageId: 'logMessageOnly',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import pino from 'pino';
const logger = pino();
export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    logger.error({ err, orderId, error: err.message }, 'refund failed');
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import winston from 'winston';
const logger = winston.createLogger();
export async function charge(id: string) {
  try {
    await stripe.charge(id);
  } catch (e) {
    logger.error('charge failed');
    return { ok: false };
  }
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import winston from 'winston';
const logger = winston.createLogger();
export async function charge(id: string) {
  try {
    await stripe.charge(id);
  } catch (e) {
    logger.error('charge failed', { error: e });
    return { ok: false };
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import winston from 'winston';
const logger = winston.createLogger();
export async function charge(id: string) {
  try {
    await stripe.charge(id);
  } catch (e) {
    logger.error('charge failed', { id });
    return { ok: false };
  }
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import winston from 'winston';
const logger = winston.createLogger();
export async function charge(id: string) {
  try {
    await stripe.charge(id);
  } catch (e) {
    logger.error('charge failed', { error: e, id });
    return { ok: false };
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async refund(id: string) {
    try {
      await this.gateway.refund(id);
    } catch (error) {
      this.logger.error(\`Refund failed: \${error.message}\`);
      return false;
    }
  }
}`,
      errors: [
        {
          messageId: 'logMessageOnly',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 59,
          suggestions: [
            { messageId: 'addErrorToLog', output: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async refund(id: string) {
    try {
      await this.gateway.refund(id);
    } catch (error) {
      this.logger.error(\`Refund failed: \${error.message}\`, error instanceof Error ? error.stack : String(error));
      return false;
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async refund(id: string) {
    try {
      await this.gateway.refund(id);
    } catch (error) {
      this.logger.error('Refund failed');
      return false;
    }
  }
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 41,
          suggestions: [
            { messageId: 'addErrorToLog', output: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async refund(id: string) {
    try {
      await this.gateway.refund(id);
    } catch (error) {
      this.logger.error('Refund failed', error instanceof Error ? error.stack : String(error));
      return false;
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.get('/rates', async (request, reply) => {
  try {
    return await rates.fetch();
  } catch (err) {
    request.log.error('rates upstream failed');
    return reply.code(502).send({ error: 'upstream' });
  }
});`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.get('/rates', async (request, reply) => {
  try {
    return await rates.fetch();
  } catch (err) {
    request.log.error({ err }, 'rates upstream failed');
    return reply.code(502).send({ error: 'upstream' });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as Sentry from '@sentry/node';
export async function pay(id: string) {
  try {
    await gateway.pay(id);
  } catch (e) {
    Sentry.captureMessage(e.message);
  }
}`,
      errors: [
        {
          messageId: 'logMessageOnly',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 37,
        },
      ],
    },
    {
      code: `import { logger } from './lib/logger';
export async function sync() {
  try {
    await inventory.sync();
  } catch {
    logger.error('inventory sync failed');
  }
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import { logger } from './lib/logger';
export async function sync() {
  try {
    await inventory.sync();
  } catch (err) {
    logger.error({ err }, 'inventory sync failed');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import type { Request, Response, NextFunction } from 'express';
import { logger } from './logger';
export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  logger.error('Unhandled error');
  res.status(500).json({ error: 'internal' });
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 34,
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function warm() {
  try { await cache.warm(); } catch (e) { logger.warn('cache warm-up failed'); }
}`,
      options: { checkWarnings: true },
      errors: [
        {
          messageId: 'logWithoutError',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'addErrorToLog',
              output: `import pino from 'pino';
const logger = pino();
export async function warm() {
  try { await cache.warm(); } catch (e) { logger.warn({ err: e }, 'cache warm-up failed'); }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { logError } from '../utils/logger.js';
export async function refund(paymentId: string) {
  try {
    await gateway.refund(paymentId);
  } catch (e) {
    logError(\`Refund error: \${(e as Error).message}\`);
    return { ok: false };
  }
}`,
      errors: [
        {
          messageId: 'logMessageOnly',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 54,
          // logError takes only text: no guessed call
          suggestions: [],
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/refunds', async (req, res, next) => {
  try {
    res.json(await refunds.create(req.body));
  } catch (err) {
    next(new Error('refund failed'));
  }
});`,
      errors: [
        {
          messageId: 'missingCause',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'addCause',
              output: `import express from 'express';
const app = express();
app.post('/refunds', async (req, res, next) => {
  try {
    res.json(await refunds.create(req.body));
  } catch (err) {
    next(new Error('refund failed', { cause: err }));
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `export function readLedger(path: string) {
  return new Promise((resolve, reject) => {
    stream(path).on('data', resolve).on('error', () => reject(new LedgerReadError(path)));
  });
}`,
      errors: [
        {
          messageId: 'missingCause',
          line: 3,
          column: 63,
          endLine: 3,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'attachCause',
              output: `export function readLedger(path: string) {
  return new Promise((resolve, reject) => {
    stream(path).on('data', resolve).on('error', (error) => reject(Object.assign(new LedgerReadError(path), { cause: error })));
  });
}`,
            },
          ],
        },
      ],
    },
    // a logging function the file elsewhere calls as logError(message, err): the error goes second
    {
      code: `import { logError } from '../lib/logger';

export async function refund(paymentId: string) {
  try {
    await gateway.refund(paymentId);
  } catch (e) {
    logError('Refund failed');
    return { ok: false };
  }
}

export async function sync() {
  try {
    await warehouse.sync();
  } catch (err) {
    logError('Sync failed', err);
  }
}`,
      errors: [
        {
          messageId: 'logWithoutError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 30,
          suggestions: [
            { messageId: 'addErrorToLog', output: `import { logError } from '../lib/logger';

export async function refund(paymentId: string) {
  try {
    await gateway.refund(paymentId);
  } catch (e) {
    logError('Refund failed', e);
    return { ok: false };
  }
}

export async function sync() {
  try {
    await warehouse.sync();
  } catch (err) {
    logError('Sync failed', err);
  }
}` },
          ],
        },
      ],
    },
    // a server-side failure code with status 500: the cause matters
    {
      code: `export const syncSecret = async (appId: string) => {
  try {
    await oidc.syncSecret(appId);
  } catch {
    throw new RequestError({ code: 'application.sync_secret_failed', status: 500 });
  }
};`,
      errors: [
        {
          messageId: 'missingCause',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 84,
          suggestions: [
            { messageId: 'attachCause', output: `export const syncSecret = async (appId: string) => {
  try {
    await oidc.syncSecret(appId);
  } catch (error) {
    throw Object.assign(new RequestError({ code: 'application.sync_secret_failed', status: 500 }), { cause: error });
  }
};` },
          ],
        },
      ],
    },
  ],
};
