import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    // a project error class
    `class NotFoundError extends Error {}
export function find(id: string) {
  throw new NotFoundError(\`Payment \${id} not found\`);
}`,
    `import { PaymentDeclinedError } from './errors';
export async function charge(amount: number) {
  throw new PaymentDeclinedError('card declined');
}`,
    // argument checks with TypeError / RangeError are in the default allow list
    `export function refund(amount: unknown) {
  if (typeof amount !== 'number') throw new TypeError('amount must be a number');
  if (amount <= 0) throw new RangeError('amount must be positive');
}`,
    `export async function load(id: string) {
  try {
    return await repo.get(id);
  } catch (err) {
    throw err;
  }
}`,
    { code: `export function f() { throw new Error('boom'); }`, filename: 'src/payments.test.ts' },
    { code: `export function f() { throw new Error('boom'); }`, filename: 'scripts/migrate.ts' },
    // shebang: a CLI program
    `#!/usr/bin/env node
function main() { throw new Error('usage: seed <file>'); }
main();`,
    // module-level startup check: crashing at boot is the intent
    `if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');
export const url = process.env.DATABASE_URL;`,
    // configuration assertion inside a loader
    `export function loadConfig() {
  if (!process.env.STRIPE_KEY) {
    throw new Error('STRIPE_KEY is missing');
  }
  return { key: process.env.STRIPE_KEY };
}`,
    `export class RefundService {
  async reverse(): Promise<void> {
    throw new Error('Not implemented');
  }
}`,
    // an abstract-method guard is an invariant
    `export class BaseCapability {
  start(): Promise<void> {
    throw new Error('BaseCapability.start must be overridden by the subclasses');
  }
}`,
    // exhaustiveness check in a switch default
    `type Method = 'card' | 'bank';
export function fee(method: Method) {
  switch (method) {
    case 'card': return 2;
    case 'bank': return 1;
    default: {
      const unknownMethod: never = method;
      throw new Error(\`Unsupported method \${unknownMethod}\`);
    }
  }
}`,
    // assertNever helper
    `export function assertNever(value: never): never {
  throw new Error('Unexpected value: ' + String(value));
}`,
    `export function pay() {
  return Promise.reject(err);
}`,
    `export function pay() {
  return Promise.reject(new PaymentError('declined'));
}`,
    // rejecting with an Error (even a plain one) is not a literal
    `export function wait(ms: number) {
  return new Promise<void>((resolve, reject) => {
    setTimeout(() => reject(new Error('timeout')), ms);
  });
}`,
    // a local function named reject, not a promise executor's
    `export function handler(req: Request, res: Response) {
  const reject = (msg: string) => res.status(400).json({ msg });
  return reject('missing id');
}`,
    // the file imports its own class named Error
    `import { Error } from './domain-errors';
export function f() { throw new Error('declined'); }`,
    `import { Injectable, HttpException, HttpStatus } from '@nestjs/common';
@Injectable()
export class OrdersService {
  cancel(id: string) {
    throw new HttpException(\`Order \${id} cannot be cancelled\`, HttpStatus.CONFLICT);
  }
}`,
    `import createError from 'http-errors';
export function get(req, res) {
  throw createError(404, 'order not found');
}`,
    `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  if (!ctx.state.user) ctx.throw(401, 'login required');
});`,
    // an unknown value: may well be an Error
    `export async function call() {
  try { await client.post('/charge'); } catch (e) { throw e.response; }
}`,
    // decorated error with a status: created by a helper call, not \`new Error\` at the throw
    `export function find(id: string) {
  throw Object.assign(new Error('not found'), { status: 404 });
}`,
    `export function collect(errors: Error[]) {
  throw new AggregateError(errors, 'several charges failed');
}`,
    `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.get('/orders/:id', (c) => {
  throw new HTTPException(404, { message: 'order not found' });
});`,
    // an environment variable checked at startup
    `export function getEncryptionKey(): string {
  const key = process.env.ENCRYPTION_KEY;
  if (!key) throw new Error('ENCRYPTION_KEY is not set');
  return key;
}`,
    // a configuration option validated at startup: crashing is the point
    `export class Config {
  static validateOptions(options: ServerOptions) {
    if (typeof options.customPages !== 'object') {
      throw new Error('Server option customPages must be an object.');
    }
  }
}`,
    // a React context hook used outside its provider: a programmer error
    `export function useWorkspace() {
  const context = useContext(WorkspaceContext);
  if (!context) throw new Error('useWorkspace must be used within a WorkspaceProvider');
  return context;
}`,
  ],
  invalid: [
    {
      code: `export async function refundPayment(id: string) {
  const payment = await db.payment.findUnique({ where: { id } });
  if (!payment) throw new Error(\`Payment \${id} not found\`);
  return payment;
}`,
      errors: [
        {
          messageId: 'generic',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 59,
        },
      ],
    },
    {
      code: `export function capture(amount: number) {
  if (amount > limit) throw Error('over limit');
}`,
      errors: [
        {
          messageId: 'generic',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 48,
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/orders/:id', (req, res) => {
  if (!req.params.id) throw 'missing id';
  res.json({});
});`,
      errors: [
        {
          messageId: 'literal',
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `import express from 'express';
const app = express();
app.get('/orders/:id', (req, res) => {
  if (!req.params.id) throw new Error('missing id');
  res.json({});
});`,
            },
          ],
        },
      ],
    },
    {
      code: `export function charge(orderId: string) {
  throw \`charge for \${orderId} failed\`;
}`,
      errors: [
        {
          messageId: 'literal',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `export function charge(orderId: string) {
  throw new Error(\`charge for \${orderId} failed\`);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function charge() {
  throw 402;
}`,
      errors: [
        {
          messageId: 'literal',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  if (!ctx.get('authorization')) throw { status: 401, message: 'Unauthorized' };
  await next();
});`,
      errors: [
        {
          messageId: 'literal',
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 80,
        },
      ],
    },
    {
      code: `export function withTimeout<T>(p: Promise<T>, ms: number) {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error('x')), ms)), Promise.reject('timeout')]);
}`,
      errors: [
        {
          messageId: 'rejectLiteral',
          line: 2,
          column: 113,
          endLine: 2,
          endColumn: 122,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `export function withTimeout<T>(p: Promise<T>, ms: number) {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error('x')), ms)), Promise.reject(new Error('timeout'))]);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function readStock(sku: string) {
  return new Promise((resolve, reject) => {
    redis.get(sku, (err, value) => {
      if (err) reject('stock lookup failed');
      else resolve(value);
    });
  });
}`,
      errors: [
        {
          messageId: 'rejectLiteral',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `export function readStock(sku: string) {
  return new Promise((resolve, reject) => {
    redis.get(sku, (err, value) => {
      if (err) reject(new Error('stock lookup failed'));
      else resolve(value);
    });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function lock() {
  return new Promise<void>((resolve, reject) => {
    if (busy) reject();
    else resolve();
  });
}`,
      errors: [
        {
          messageId: 'rejectLiteral',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 23,
        },
      ],
    },
    {
      code: `export function send(msg: string) {
  return new Promise((resolve, reject) => {
    queue.send(msg, (err) => (err ? reject(err.message) : resolve(true)));
  });
}`,
      errors: [
        {
          messageId: 'rejectLiteral',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 55,
        },
      ],
    },
    {
      code: `export function quote() {
  return Promise.reject({ code: 'E_RATE_LIMIT' });
}`,
      errors: [
        {
          messageId: 'rejectLiteral',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 49,
        },
      ],
    },
    {
      code: `export class AppError extends Error {
  constructor(message: string, readonly code = 'APP_ERROR') {
    super(message);
  }
}
export class NotFoundError extends AppError {}
export function refund(id: string) {
  throw new Error(\`Refund \${id} failed\`);
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useBase',
              output: `export class AppError extends Error {
  constructor(message: string, readonly code = 'APP_ERROR') {
    super(message);
  }
}
export class NotFoundError extends AppError {}
export function refund(id: string) {
  throw new AppError(\`Refund \${id} failed\`);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { AppError } from '../errors/app-error';
export async function settle(batchId: string) {
  throw new Error('settlement failed for ' + batchId);
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useBase',
              output: `import { AppError } from '../errors/app-error';
export async function settle(batchId: string) {
  throw new AppError('settlement failed for ' + batchId);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export abstract class DomainError extends Error {
  abstract readonly code: string;
}
export function cancel() {
  throw new Error('order already shipped');
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 43,
        },
      ],
    },
    {
      code: `import { DomainException } from '@/common/domain.exception';
export function reserve(qty: number) {
  if (qty > available) throw Error('insufficient stock');
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useBase',
              output: `import { DomainException } from '@/common/domain.exception';
export function reserve(qty: number) {
  if (qty > available) throw new DomainException('insufficient stock');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  async findOne(id: string) {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new Error('User not found');
    return user;
  }
}`,
      errors: [
        {
          messageId: 'generic',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 49,
        },
      ],
    },
    {
      code: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.post('/payments', async (request, reply) => {
  if (!request.body) throw new Error('empty body');
  return { ok: true };
});`,
      errors: [
        {
          messageId: 'generic',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 51,
        },
      ],
    },
    {
      code: `import winston from 'winston';
const logger = winston.createLogger();
export async function payout(id: string) {
  try {
    await bank.transfer(id);
  } catch (err) {
    logger.error('payout failed', err);
    throw new Error('payout failed', { cause: err });
  }
}`,
      errors: [
        {
          messageId: 'generic',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 53,
        },
      ],
    },
    {
      code: `export function parseAmount(v: string) {
  const n = Number(v);
  if (Number.isNaN(n)) throw new RangeError('amount is not a number');
  return n;
}`,
      options: { allowClasses: ['TypeError'] },
      errors: [
        {
          messageId: 'generic',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 70,
        },
      ],
    },
    {
      code: `function chargeCard(card) {
  if (!card.number) throw 'card number required';
}
module.exports = { chargeCard };`,
      filename: 'src/charge.js',
      errors: [
        {
          messageId: 'literal',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `function chargeCard(card) {
  if (!card.number) throw new Error('card number required');
}
module.exports = { chargeCard };`,
            },
          ],
        },
      ],
    },
    {
      code: `export function reverse() {
  throw new Error('Not implemented');
}`,
      options: { ignoreInvariants: false },
      errors: [
        {
          messageId: 'generic',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      code: `export function parse(body: string) {
  try {
    return JSON.parse(body);
  } catch (e) {
    throw String(e);
  }
}`,
      errors: [
        {
          messageId: 'literal',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 20,
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export function find(orderId: string) {
  throw 'Order ' + orderId + ' not found';
}`,
      errors: [
        {
          messageId: 'literal',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `import pino from 'pino';
const logger = pino();
export function find(orderId: string) {
  throw new Error('Order ' + orderId + ' not found');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export class PaymentError extends Error {}
export function refund() {
  throw 'refund failed';
}`,
      errors: [
        {
          messageId: 'literal',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `export class PaymentError extends Error {}
export function refund() {
  throw new PaymentError('refund failed');
}`,
            },
          ],
        },
      ],
    },
    // a string thrown in configuration validation is still a string: no stack, and `e.message` is undefined
    {
      code: `export class Config {
  static validateOptions(options: ServerOptions) {
    if (typeof options.enforcePrivateUsers !== 'boolean') {
      throw 'Server option enforcePrivateUsers must be a boolean.';
    }
  }
}`,
      errors: [
        {
          messageId: 'literal',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            { messageId: 'wrapInError', output: `export class Config {
  static validateOptions(options: ServerOptions) {
    if (typeof options.enforcePrivateUsers !== 'boolean') {
      throw new Error('Server option enforcePrivateUsers must be a boolean.');
    }
  }
}` },
          ],
        },
      ],
    },
  ],
};
