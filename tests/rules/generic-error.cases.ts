import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    // a Sails helper takes a declared exit by throwing its name (or `{ exitName: value }`): the framework's API
    {
      code: `module.exports = {
  inputs: { boardId: { type: 'string', required: true } },
  exits: { boardNotFound: {}, tooManyCards: { description: 'the board is full' } },
  async fn(inputs) {
    const board = await Board.findOne(inputs.boardId);
    if (!board) throw 'boardNotFound';
    if (board.cardCount > 500) throw { tooManyCards: board.cardCount };
    return board;
  },
};`,
      filename: 'api/helpers/boards/get-for-card.js',
    },
    {
      code: `module.exports = {
  exits: { notEnoughSeats: {} },
  fn: async function (inputs) {
    if (inputs.seats < 1) throw 'notEnoughSeats';
  },
};`,
      filename: 'api/controllers/seats/reserve.js',
    },
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
    // no sign that the error's type decides anything: a library's argument check
    `export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error('size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}`,
    // an assertion function: the throw is the assertion
    `export function assertLedger(value: unknown): asserts value is Ledger {
  if (!value || typeof value !== 'object') throw new Error('ledger not found in payload');
}`,
    // NextAuth turns a throw in authorize() into the sign-in page's error
    `import Credentials from 'next-auth/providers/credentials';
export const credentials = Credentials({
  async authorize(input) {
    const member = await members.byEmail(input.email);
    if (!member) throw new Error('Member not found');
    return member;
  },
});`,
    // a server action's error reaches the browser as its message only
    `'use server';
export async function archiveBoard(boardId: string) {
  const board = await db.board.findUnique({ where: { id: boardId } });
  if (!board) throw new Error('Board not found');
  await db.board.update({ where: { id: boardId }, data: { archived: true } });
}`,
    `import { createSafeActionClient } from 'next-safe-action';
export const memberAction = createSafeActionClient().use(async ({ next }) => {
  const member = await currentMember();
  if (!member) throw new Error('Unauthorized');
  return next({ ctx: { member } });
});`,
    // front-end code: no request error handler maps classes to statuses
    {
      code: `export function InvoiceView({ invoice }: { invoice?: Invoice }) {
  if (!invoice) throw new Error('Invoice not found');
  return <section>{invoice.total}</section>;
}`,
      filename: 'src/components/invoice-view.tsx',
    },
    // the catch rethrows what it could not identify: that is not replacing a typed error
    `export async function readSnapshot(key: string) {
  try {
    return await store.read(key);
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw new Error('snapshot store is corrupt', { cause: err });
  }
}`,
    `import { Queue } from './queue';
export async function drain(queue: Queue) {
  try {
    await queue.flush();
  } catch (error) {
    if (!(error.code === 'QUEUE_EMPTY')) throw new Error('drain stopped', { cause: error });
  }
}`,
    // a technical failure beside typed errors: a 500 is the right answer whatever the class
    `import { QuotaExceededError } from './quota-errors';
export async function pushUsage(tenant: string, used: number, quota: number) {
  if (used > quota) throw new QuotaExceededError(tenant);
  const res = await fetch(meterUrl, { method: 'POST', body: String(used), signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(\`meter push failed with \${res.status}\`);
}`,
    // a lookup in the program's own registry is a bug or a deployment mistake, not a refusal
    `const exporters: Record<string, Exporter> = {};
export function exporterFor(format: string) {
  const exporter = exporters[format];
  if (!exporter) throw new Error(\`Exporter plugin for \${format} not found\`);
  return exporter;
}`,
    // a programmer's misuse of an API
    `export function currentJob() {
  const job = jobStorage.getStore();
  if (!job) throw new Error('currentJob() can only be used inside a job handler');
  return job;
}`,
    // a technical failure logged and wrapped without looking at the caught error's type
    `import winston from 'winston';
const logger = winston.createLogger();
export async function payout(id: string) {
  try {
    await bank.transfer(id);
  } catch (err) {
    logger.error('payout failed', err);
    throw new Error('payout failed', { cause: err });
  }
}`,
      // express-validator: a rejection or throw in `.custom()` only marks the value invalid; `.withMessage` is the error
    `import { body } from 'express-validator';
export const addDomain = [
  body('address')
    .custom(async (value) => {
      const domain = await domains.find({ address: value });
      if (domain?.banned) return Promise.reject();
    })
    .withMessage("You can't add this domain."),
  body('password').custom((value) => {
    if (value.length < 8) throw 'too short';
    return true;
  }),
];`,
    // invariants of a builder that only its own code calls: an unsupported source, a field the branch guarantees
    `import { WebhookNotFoundError } from './errors';
export function renderTitle(alert: { source: string }, savedSearch: unknown) {
  if (alert.source === 'saved_search') {
    if (savedSearch == null) throw new Error(\`Source is \${alert.source} but savedSearch is null\`);
    return 'search';
  }
  if (alert.source === 'tile') return 'tile';
  throw new Error(\`Unsupported alert source: \${alert.source}\`);
}
export function hook(id: string) {
  if (!id) throw new WebhookNotFoundError(id);
}`,
    // set E: a programmer's invariant in a file with typed errors: "should not be undefined", a type guard
    `import { QuotaExceededError } from './errors';
export function plan(field: { refId?: string }, chunk: unknown, used: number) {
  if (used > 10) throw new QuotaExceededError();
  if (!field.refId) throw new Error('refId should not be undefined');
  if (!(chunk instanceof Uint8Array)) throw new Error('chunk is not a Uint8Array');
}`,
    // the request was answered with a 401 just before: the throw only ends the handler
    `app.post('/login', async (req, reply) => {
  const user = await users.byEmail(req.body.email);
  if (!(await passwords.match(user, req.body.password))) {
    reply.code(401).send({ message: 'Wrong email or password' });
    throw new Error('Invalid password for this account');
  }
  return reply.send(await sessions.open(user));
});`,
    // the server's own configuration is incomplete or missing: a deployment fault, a 500 is right
    `app.post('/uploads', async (req, res) => {
  const settings = await db.storageSettings.findFirst();
  if (!settings) throw new Error('Storage config not found in the database');
  if (!settings.bucket) throw new Error('Storage configuration error: missing bucket');
  res.json(await store(settings, req.body));
});`,
    // a member whose whole body is the throw is a placeholder a subclass overrides
    `import { RecordMissingError } from './errors';
export class Store {
  get table(): string {
    throw new Error('The store table is not set.');
  }
  find(id: string) {
    throw new RecordMissingError(id);
  }
}`,
    // a catch that wraps what it did not identify, with the cause: a technical failure whatever its class
    `import { GatewayError } from './errors';
export function call(rpc: Rpc) {
  if (!rpc.open) throw new GatewayError('closed');
  return rpc.send().catch((error: unknown) => {
    if (error instanceof GatewayError) throw error;
    throw new Error('Error talking to the tracker', { cause: error });
  });
}`,
  ],

  invalid: [
    // a refusal still counts with a cause: the caller must handle it, and it has no class to handle it by
    {
      code: `import { GatewayError } from './errors';
export async function reserve(seat: string) {
  try {
    return await seats.hold(seat);
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw new Error('Seat already taken', { cause: error });
  }
}`,
      errors: [{ messageId: 'refusal', data: { name: 'Error' }, line: 7, column: 11, endLine: 7, endColumn: 60 }],
    },
    // an answer with a success status before the throw is no refusal sent: the client still gets a 500
    {
      code: `app.post('/login', async (req, res) => {
  const user = await users.byEmail(req.body.email);
  if (!user) {
    res.status(200).json({ message: 'check your inbox' });
    throw new Error('User not found');
  }
});`,
      errors: [{ messageId: 'refusal', data: { name: 'Error' }, line: 5, column: 11, endLine: 5, endColumn: 38 }],
    },
    // a member that does more than throw is not a placeholder
    {
      code: `import { RecordMissingError } from './errors';
export class Store {
  remove(id: string) {
    if (this.locked) throw new Error('The store is locked');
    throw new RecordMissingError(id);
  }
}`,
      errors: [{ messageId: 'inconsistent', data: { name: 'Error', example: 'RecordMissingError' }, line: 4, column: 28, endLine: 4, endColumn: 60 }],
    },
    // a thrown name the helper does not declare as an exit is a thrown string
    {
      code: `module.exports = {
  exits: { boardNotFound: {} },
  async fn(inputs) {
    if (!inputs.boardId) throw 'missingBoard';
  },
};`,
      filename: 'api/helpers/boards/check.js',
      errors: [
        {
          messageId: 'literal',
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'wrapInError',
              output: `module.exports = {
  exits: { boardNotFound: {} },
  async fn(inputs) {
    if (!inputs.boardId) throw new Error('missingBoard');
  },
};`,
            },
          ],
        },
      ],
    },
    // suggestion set 4: the file's only error class is one kind of failure whose constructor takes an id, so the
    // validation message would become a record id of a not-found error: no rewrite
    {
      code: `export class RecordMissingError extends Error {
  constructor(id: string) {
    super(\`Record \${id} was not found\`);
  }
}

export async function loadOwner(id: string) {
  const owner = await owners.get(id);
  if (!owner) throw new RecordMissingError(id);
  return owner;
}

export function checkSignup(input: { email: string }) {
  if (!input.email.includes('@')) throw new Error('The email address is invalid');
}`,
      errors: [{ messageId: 'genericWithBase', line: 14, column: 41, suggestions: [] }],
    },
    // the base takes (code, message): \`new AppError('The email address is invalid')\` would pass the message as the code
    {
      code: `export class AppError extends Error {
  constructor(code: string, message: string) {
    super(message);
  }
}
export class QuotaError extends AppError {}

export function checkSignup(input: { email: string }) {
  if (!input.email.includes('@')) throw new Error('The email address is invalid');
}`,
      errors: [{ messageId: 'genericWithBase', line: 9, column: 41, suggestions: [] }],
    },
    // `.custom` of anything but a callback argument is no validator: a rejection with undefined is reported
    {
      code: `export function check(schema: { custom: (v: unknown) => unknown }, value: unknown) {
  schema.custom(value);
  return Promise.reject();
}`,
      errors: [{ messageId: 'rejectLiteral', data: { kind: 'undefined' }, line: 3, column: 10, endLine: 3, endColumn: 26 }],
    },
    // "unsupported file type" is bad input from the user, not an invariant
    {
      code: `import { UploadTooLargeError } from './errors';
export function accept(file: { size: number; type: string }) {
  if (file.size > 1e7) throw new UploadTooLargeError();
  if (file.type !== 'image/png') throw new Error('Unsupported file type');
}`,
      errors: [{ messageId: 'inconsistent', data: { name: 'Error', example: 'UploadTooLargeError' }, line: 4, column: 40, endLine: 4, endColumn: 74 }],
    },
    {
      code: `import express from 'express';
export const router = express.Router();
router.post('/refunds', async (req, res) => {
  if (!req.body.paymentId) throw new Error('paymentId is required');
  res.status(202).json(await refunds.start(req.body.paymentId));
});`,
      errors: [{ messageId: 'badInput', data: { name: 'Error' }, line: 4, column: 34, endLine: 4, endColumn: 68 }],
    },
    {
      code: `export const invoiceRouter = router({
  send: protectedProcedure.mutation(async ({ ctx, input }) => {
    if (!input.email.includes('@')) throw new Error('Invalid recipient address');
    return ctx.mailer.send(input);
  }),
});`,
      errors: [{ messageId: 'badInput', line: 3, column: 43, endLine: 3, endColumn: 81 }],
    },
    {
      code: `import { Prisma } from '@prisma/client';
export async function register(email: string) {
  try {
    return await prisma.account.create({ data: { email } });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new Error('Email taken');
    throw err;
  }
}`,
      errors: [{ messageId: 'replacesTyped', data: { name: 'Error' }, line: 6, column: 92, endLine: 6, endColumn: 116 }],
    },
    {
      code: `export async function quote(symbol: string) {
  return feed.price(symbol).catch((e) => {
    switch (e.status) {
      case 404:
        throw new Error(\`No quote for \${symbol}\`);
      default:
        throw e;
    }
  });
}`,
      errors: [{ messageId: 'replacesTyped', line: 5, column: 15, endLine: 5, endColumn: 50 }],
    },
    {
      code: `import { ArticleNotFoundError } from './article-errors';
export async function publish(id: string) {
  const article = await articles.find(id);
  if (!article) throw new ArticleNotFoundError(id);
  if (article.state !== 'draft') throw new Error('Only drafts can be published');
  return articles.publish(id);
}`,
      errors: [{ messageId: 'inconsistent', data: { name: 'Error', example: 'ArticleNotFoundError' }, line: 5, column: 40, endLine: 5, endColumn: 81 }],
    },
    {
      code: `export class OrderService {
  async cancel(order: Order) {
    if (order.status !== 'pending') throw new Error(\`Cannot cancel order \${order.id} in status \${order.status}\`);
    await this.orders.markCancelled(order.id);
  }
}`,
      errors: [{ messageId: 'refusal', line: 3, column: 43, endLine: 3, endColumn: 113 }],
    },
    {
      code: `export async function redeem(code: string, userId: string) {
  const voucher = await vouchers.byCode(code);
  if (voucher.redeemedBy) throw new Error('Voucher already redeemed');
  if (voucher.ownerId !== userId) throw new Error('You do not have permission to redeem this voucher');
  return vouchers.redeem(code, userId);
}`,
      errors: [
        { messageId: 'refusal', line: 3, column: 33, endLine: 3, endColumn: 70 },
        { messageId: 'refusal', line: 4, column: 41, endLine: 4, endColumn: 103 },
      ],
    },
    {
      code: `export async function refundPayment(id: string) {
  const payment = await db.payment.findUnique({ where: { id } });
  if (!payment) throw new Error(\`Payment \${id} not found\`);
  return payment;
}`,
      errors: [
        {
          messageId: 'refusal',
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
          messageId: 'refusal',
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
  throw new Error(\`Refund \${id} was already refunded\`);
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 55,
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
  throw new AppError(\`Refund \${id} was already refunded\`);
}`,
            },
          ],
        },
      ],
    },
    // the project's class takes a status before its message: `new AppError(message)` would not type-check, so the
    // finding names the class and offers no rewrite
    {
      code: `export class AppError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
export class ConflictError extends AppError {}
export function refund(id: string) {
  throw new Error(\`Refund \${id} was already refunded\`);
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          data: { name: 'Error', base: 'AppError' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 55,
          suggestions: [],
        },
      ],
    },
    {
      code: `import { AppError } from '../errors/app-error';
export async function settle(batchId: string) {
  throw new Error('batch already processed: ' + batchId);
}`,
      errors: [
        {
          messageId: 'genericWithBase',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 57,
          suggestions: [
        { messageId: 'useBaseByHand', output: `import { AppError } from '../errors/app-error';
export async function settle(batchId: string) {
  throw new Error('batch already processed: ' + batchId);
}` },
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
        { messageId: 'useBaseByHand', output: `import { DomainException } from '@/common/domain.exception';
export function reserve(qty: number) {
  if (qty > available) throw Error('insufficient stock');
}` },
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
          messageId: 'refusal',
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
          messageId: 'badInput',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 51,
        },
      ],
    },
    {
      code: `export function parseAmount(v: string) {
  const n = Number(v);
  if (n > balance) throw new RangeError('amount exceeds the balance');
  return n;
}`,
      options: { allowClasses: ['TypeError'] },
      errors: [
        {
          messageId: 'refusal',
          line: 3,
          column: 26,
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
      code: `import { RefundWindowClosedError } from './refund-errors';
export function reverse(refund: { ageDays: number }) {
  if (refund.ageDays > 30) throw new RefundWindowClosedError();
  throw new Error('Not implemented');
}`,
      options: { ignoreInvariants: false },
      errors: [
        {
          messageId: 'inconsistent',
          data: { name: 'Error', example: 'RefundWindowClosedError' },
          line: 4,
          column: 9,
          endLine: 4,
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
              // PaymentError is one kind of failure, nobody's parent: the plain Error is what a thrown string means
              output: `export class PaymentError extends Error {}
export function refund() {
  throw new Error('refund failed');
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
