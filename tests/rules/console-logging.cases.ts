import type { KnowledgeConfig } from '../../src/knowledge/index.js';
import type { RuleCases } from '../utils/rule-tester.js';

const pino: KnowledgeConfig = { loggers: { logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'pino' } } };
const winston: KnowledgeConfig = { loggers: { logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'winston' } } };
const consoleCompatible: KnowledgeConfig = { loggers: { logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'console-compatible' } } };

export const cases: RuleCases = {
  valid: [
    // issue 16 (suggestion set 2): a function page.evaluate runs in the browser, where the server's logger does not
    // exist; the console is the page's own
    `import express from 'express';
import { logger } from './logger';
export async function injectWidget(page: Page, bundle: string) {
  try {
    await page.evaluate((source) => {
      try {
        new Function(source)();
      } catch (e) {
        console.error('[widget] bootstrap failed:', e);
      }
    }, bundle);
  } catch (error) {
    logger.error('widget injection failed', error);
  }
}`,
    // outside error handling, in the default `errors` scope
    `export function start(port: number) {
  console.log(\`listening on \${port}\`);
}`,
    { code: `try { charge(); } catch (e) { console.error(e); }`, filename: 'src/payments.spec.ts' },
    { code: `try { migrate(); } catch (e) { console.error('migration failed', e); }`, filename: 'scripts/migrate.ts' },
    `#!/usr/bin/env node
try { run(); } catch (e) { console.error('failed', e); }`,
    `'use client';
export async function save() {
  try { await fetch('/api/save'); } catch (e) { console.error(e); }
}`,
    { code: `export function write(line: string) {
  try { transport.send(line); } catch (e) { console.error('logger transport failed', e); }
}`, filename: 'src/lib/logger.ts' },
    // the project's own logger wrapper, outside a logger path
    `export const log = {
  error(message: string, err?: unknown) {
    try { sink.write({ message, err }); } catch (e) { console.error(message, err, e); }
  },
};`,
    { code: `export function Button() {
  const onClick = async () => { try { await save(); } catch (e) { console.error(e); } };
  return <button onClick={onClick}>Save</button>;
}`, filename: 'src/components/button.tsx' },
    `import { useEffect } from 'react';
export function useOrders() {
  useEffect(() => { load().catch((e) => console.error(e)); }, []);
}`,
    // a crash handler that exits: stderr is the right place, async loggers can lose the line
    `process.on('uncaughtException', (err) => {
  console.error('uncaught exception', err);
  process.exit(1);
});`,
    `bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});`,
    { code: `async function main() { try { await seedUsers(); } catch (e) { console.error(e); } }`, filename: 'prisma/seed.ts' },
    { code: `export class AddOrders1700 { async up() { try { await run(); } catch (e) { console.log(e); } } }`, filename: 'src/migrations/1700-add-orders.ts' },
    `import pino from 'pino';
const logger = pino();
export async function refund(id: string) {
  try { await gateway.refund(id); } catch (err) { logger.error({ err }, 'refund failed'); }
}`,
    `export async function refund(id: string) {
  try { await gateway.refund(id); } finally { console.log('refund attempt finished'); }
}`,
    `export async function refund(id: string) {
  try { console.log('refunding', id); await gateway.refund(id); } catch (err) { throw err; }
}`,
    // a callback inside the catch block is its own function, not the error handler
    `export function notify(items: string[]) {
  try { send(items); } catch (e) { items.forEach((i) => console.log('queued', i)); throw e; }
}`,
    // process.stderr.write is not console.*
    `export function run() {
  try { work(); } catch (e) { process.stderr.write(String(e)); }
}`,
    `export function load() {
  return fetchOrders().then((orders) => { console.log('loaded', orders.length); return orders; });
}`,
    `import express from 'express';
const app = express();
app.use((req, res, next) => { console.log(req.method, req.url); next(); });`,
    `stream.on('data', (chunk) => console.log(chunk.length));`,
    { code: `export function f() { console.log('ready'); }`, options: { scope: 'errors' } },
    // a file-level no-console directive is the team's decision for the whole file
    `/* eslint-disable no-console */
export function readSecretFile(path: string) {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    console.error(\`Failed to read \${path}\`, err);
    return undefined;
  }
}`,
    // issue 15: a no-console block around the line: the team chose the console there
    `import { logger } from './lib/logger';
export function formatGraphqlError(formatted: FormattedError, error: unknown) {
  logger.error(formatted.message);
  if (config.detailedErrors) {
    /* eslint-disable no-console */
    console.log(formatted);
    /* eslint-enable no-console */
  }
  return formatted;
}`,
    // oxlint reads ESLint's directive names: its no-console line directive is the same choice outside error sites
    `import { logger } from './lib/logger';
export function reportUsage(stats: Stats) {
  logger.debug('usage: start');
  // oxlint-disable-next-line no-console
  console.log('usage', stats);
  console.warn('usage took', stats.ms); // oxlint-disable-line no-console
}`,
    // issue 15: a command-line command kept beside the server prints its progress to the terminal
    {
      code: `import { logger } from '../lib/logger';
export async function migrate() {
  logger.info('Running migrations...');
  await runMigrations();
  console.log('-'.repeat(40));
  logger.info('Migrations completed');
}`,
      filename: 'src/commands/db/migrate.ts',
    },
    // issue 15: fixed text printed for whoever watches the terminal, beside the logger
    `import { logger } from './lib/logger';
export async function installPlugins(list: string[]) {
  logger.info('installing plugins');
  console.log('');
  console.log('Enabling default plugins');
  await enable(list);
}`,
    // issue 15: console output in a function that does not log through a logger is left to `scope: 'all'`
    `import { logger } from './lib/logger';
export function describeStartup(port: number) {
  console.log(\`listening on \${port}\`);
}
export function ready() {
  logger.info('ready');
}`,
  ],
  invalid: [
    // an imported logger *class* (no static error of its own the file shows) is no logger to rewrite to: no suggestion
    {
      code: `import { Logger } from './logger/logger.service';
export async function syncPlugins(registry: Registry, log: Logger) {
  try {
    await registry.refresh();
  } catch (err) {
    console.error(err);
  }
}`,
      errors: [{ messageId: 'consoleError', line: 6, column: 5, endLine: 6, endColumn: 23, suggestions: [] }],
    },
    // the error line is the report; the info note beside it is not a second one
    {
      code: `export async function ensureBucket(name: string) {
  try {
    await storage.createBucket(name);
  } catch (err) {
    console.warn(err);
    console.info('bucket already there, keeping it');
  }
}`,
      errors: [{ messageId: 'consoleError', line: 5, column: 5, endLine: 5, endColumn: 22, suggestions: [] }],
    },
    // an info line that is the handler's only report still is one
    {
      code: `export async function ensureBucket(name: string) {
  try {
    await storage.createBucket(name);
  } catch (err) {
    console.info('could not create the bucket');
  }
}`,
      errors: [{ messageId: 'consoleWithoutError', line: 5, column: 5, endLine: 5, endColumn: 48, suggestions: [] }],
    },
    // the same holds for oxlint's line directives (set E): a catch's console line is the error report either way
    {
      code: `export async function notifyChannel(channel: string, text: string) {
  try {
    await chat.post(channel, text);
  } catch (err) {
    console.error('Failed to notify channel:', err); // oxlint-disable-line no-console
  }
}`,
      errors: [{ messageId: 'consoleError', line: 5, column: 5, endLine: 5, endColumn: 52, suggestions: [] }],
    },
    // a line directive only silences ESLint's no-console at this call; only an errlint directive silences errlint
    {
      code: `export function readSecretFile(path: string) {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    // eslint-disable-next-line no-console -- the logger is not configured yet at boot
    console.error(\`Failed to read \${path}\`, err);
    return undefined;
  }
}`,
      errors: [{ messageId: 'consoleError', line: 6, column: 5, endLine: 6, endColumn: 49, suggestions: [] }],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/refunds', async (req, res) => {
  try {
    await refunds.create(req.body);
    res.sendStatus(201);
  } catch (err) {
    console.error('Refund failed', err);
    res.status(500).json({ error: 'refund failed' });
  }
});`,
      errors: [
        {
          messageId: 'consoleError',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 40,
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/refunds', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    console.error('Refund failed', err);
    res.status(500).end();
  }
});`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import express from 'express';
import { logger } from './lib/logger';
const app = express();
app.post('/refunds', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    logger.error({ err }, 'Refund failed');
    res.status(500).end();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function charge(orderId: string) {
  try {
    await stripe.charges.create({ orderId });
  } catch (e) {
    console.error('Charge failed:', e);
    throw e;
  }
}`,
      knowledge: winston,
      errors: [
        {
          messageId: 'consoleError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function charge(orderId: string) {
  try {
    await stripe.charges.create({ orderId });
  } catch (e) {
    logger.error('Charge failed:', { error: e });
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function sync() {
  try {
    await inventory.sync();
  } catch (err) {
    console.log('inventory sync failed, retrying later');
  }
}`,
      knowledge: consoleCompatible,
      errors: [
        {
          messageId: 'consoleWithoutError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function sync() {
  try {
    await inventory.sync();
  } catch (err) {
    logger.info('inventory sync failed, retrying later', err);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { cache } from './cache';
export async function price(sku: string) {
  try {
    return await cache.get(sku);
  } catch {
    console.error('cache unavailable');
    return null;
  }
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleWithoutError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { cache } from './cache';
import { logger } from './lib/logger';
export async function price(sku: string) {
  try {
    return await cache.get(sku);
  } catch (err) {
    logger.error({ err }, 'cache unavailable');
    return null;
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
export async function pay(id: string) {
  try {
    await gateway.pay(id);
  } catch (e) {
    console.error(\`Payment failed: \${e.message}\`);
  }
}`,
      errors: [
        {
          messageId: 'consoleMessageOnly',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import pino from 'pino';
const logger = pino();
export async function pay(id: string) {
  try {
    await gateway.pay(id);
  } catch (e) {
    logger.error({ err: e }, \`Payment failed: \${e.message}\`);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const log = pino();
export function ship(order: Order) {
  return carrier.book(order).catch((err) => console.error(err));
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import pino from 'pino';
const log = pino();
export function ship(order: Order) {
  return carrier.book(order).catch((err) => log.error(err));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function webhook(evt: Event) {
  queue.publish(evt).catch(() => console.warn('webhook publish failed'));
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleWithoutError',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export function webhook(evt: Event) {
  queue.publish(evt).catch((error) => logger.warn({ err: error }, 'webhook publish failed'));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import type { Request, Response, NextFunction } from 'express';
export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  console.error(err.stack);
  res.status(500).json({ error: 'internal' });
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 27,
        },
      ],
    },
    {
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  console.error(error);
  reply.status(500).send({ error: 'internal' });
});`,
      errors: [
        {
          messageId: 'consoleError',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 23,
        },
      ],
    },
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => {
  console.error(\`\${err}\`);
  return c.text('Internal Server Error', 500);
});`,
      errors: [
        {
          messageId: 'consoleMessageOnly',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.on('error', (err, ctx) => console.error('server error', err, ctx));`,
      errors: [
        {
          messageId: 'consoleError',
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 70,
        },
      ],
    },
    {
      code: `process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection', reason);
});`,
      errors: [
        {
          messageId: 'consoleError',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 47,
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
      console.error('Refund failed', error);
      throw error;
    }
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  async refund(id: string) {
    try {
      await this.gateway.refund(id);
    } catch (error) {
      this.logger.error('Refund failed', error instanceof Error ? error.stack : String(error));
      throw error;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Catch, ArgumentsHost, ExceptionFilter } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    console.error(exception);
    host.switchToHttp().getResponse().status(500).json({ message: 'Internal server error' });
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      code: `export function start(port: number) {
  console.log(\`listening on \${port}\`);
}`,
      options: { scope: 'all' },
      errors: [
        {
          messageId: 'consoleCall',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 38,
        },
      ],
    },
    {
      code: `export async function checkout(cart: Cart) {
  console.info('checkout', cart.id);
  try {
    await orders.place(cart);
  } catch (e) {
    console.warn('checkout failed', e);
    throw e;
  }
}`,
      options: { scope: 'all' },
      errors: [
        {
          messageId: 'consoleCall',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 36,
        },
        {
          messageId: 'consoleError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 39,
        },
      ],
    },
    {
      code: `const { db } = require('./db');
async function cancel(id) {
  try {
    await db.orders.cancel(id);
  } catch (err) {
    console.debug('cancel failed', err);
  }
}
module.exports = { cancel };`,
      filename: 'src/orders.js',
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            { messageId: 'useLogger', output: `const { db } = require('./db');
const { logger } = require('./lib/logger');
async function cancel(id) {
  try {
    await db.orders.cancel(id);
  } catch (err) {
    logger.debug({ err }, 'cancel failed');
  }
}
module.exports = { cancel };` },
          ],
        },
      ],
    },
    {
      code: `export function parseWebhook(raw: string) {
  try {
    return JSON.parse(raw);
  } catch (e) {
    console.trace(e);
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 21,
        },
      ],
    },
    {
      code: `export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    console.error('Refund failed for order', orderId, err);
    throw err;
  }
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    logger.error({ err, orderId }, 'Refund failed for order');
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    console.error('Refund failed:', err.message);
    return false;
  }
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleMessageOnly',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function refund(orderId: string) {
  try {
    await gateway.refund(orderId);
  } catch (err) {
    logger.error({ err }, \`Refund failed: \${err.message}\`);
    return false;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import Redis from 'ioredis';
const redis = new Redis();
redis.on('error', (err) => console.error('Redis error', err));`,
      errors: [
        {
          messageId: 'consoleError',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 61,
        },
      ],
    },
    {
      code: `export async function settle(batch: Batch) {
  try {
    await ledger.post(batch);
  } catch (e) {
    try {
      await ledger.rollback(batch);
    } catch (rollbackError) {
      console.error('rollback failed', rollbackError);
    }
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 54,
        },
      ],
    },
    {
      code: `import { createExpressMiddleware } from '@trpc/server/adapters/express';
export const trpc = createExpressMiddleware({
  router,
  onError: ({ error, path }) => console.error(\`tRPC failed on \${path}\`, error),
});`,
      errors: [
        {
          messageId: 'consoleError',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 79,
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/artists/:id', async (req, res, next) => {
  try {
    res.json(await lastfm.artist(req.params.id));
  } catch (err) {
    console.log('See error codes at: https://www.last.fm/api/errorcodes');
    console.log(err);
    next(err);
  }
});`,
      errors: [
        {
          messageId: 'consoleError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 74,
        },
        {
          messageId: 'consoleError',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 21,
        },
      ],
    },
    {
      code: `export async function profile(token: string) {
  try {
    return await tumblr.userInfo(token);
  } catch (err) {
    console.error('Tumblr API error:', { status: err.response?.status, data: err.response?.data });
    return null;
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 99,
        },
      ],
    },
    // a logging function the file calls as logError(message, err): the console call becomes one in that order
    {
      code: `import { logError } from '../lib/logger';

export async function pushStock(items: Item[]) {
  try {
    await warehouse.push(items);
  } catch (e) {
    console.error('Stock push failed', e);
  }
}

export function onRefundFailed(err: unknown) {
  logError('Refund failed', err);
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            { messageId: 'useLogger', output: `import { logError } from '../lib/logger';

export async function pushStock(items: Item[]) {
  try {
    await warehouse.push(items);
  } catch (e) {
    logError('Stock push failed', e);
  }
}

export function onRefundFailed(err: unknown) {
  logError('Refund failed', err);
}` },
          ],
        },
      ],
    },
    // logError takes a message (the file calls it with text): no logger suggestion rather than a guessed call
    {
      code: `import { logError } from '../utils/logger';

export async function pushStock(items: Item[]) {
  try {
    await warehouse.push(items);
  } catch (e) {
    console.error('Stock push failed', e);
  }
}

export function onRefundFailed(e: Error) {
  logError(\`Refund error: \${e.message}\`);
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    // a type from the logger module is not a logger
    {
      code: `import { LogLevel } from './logger';

export async function pushStock(items: Item[], level: LogLevel) {
  try {
    await warehouse.push(items);
  } catch (e) {
    console.error('Stock push failed', e);
  }
}`,
      errors: [
        {
          messageId: 'consoleError',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    // a no-console block covers its lines only, and directive text inside a string is no directive (ESLint's own reading)
    {
      code: `import { logger } from './lib/logger';
export async function migrate(config: Config, lock: Lock) {
  logger.debug('migration: start');
  /* eslint-disable no-console */
  console.log('config', config);
  /* eslint-enable no-console */
  const note = '// eslint-disable-next-line no-console';
  console.log(note, lock);
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleBesideLogger',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function migrate(config: Config, lock: Lock) {
  logger.debug('migration: start');
  /* eslint-disable no-console */
  console.log('config', config);
  /* eslint-enable no-console */
  const note = '// eslint-disable-next-line no-console';
  logger.info({ note, lock });
}`,
            },
          ],
        },
      ],
    },
    // issue 15: a console line beside the function's own structured logger bypasses it
    {
      code: `import { logger } from './lib/logger';
export async function migrate(config: Config, lock: Lock) {
  logger.debug('migration: start');
  if (lock) {
    console.log('lock', lock);
  }
  await runMigrations(config);
}`,
      knowledge: pino,
      errors: [
        {
          messageId: 'consoleBesideLogger',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useLogger',
              output: `import { logger } from './lib/logger';
export async function migrate(config: Config, lock: Lock) {
  logger.debug('migration: start');
  if (lock) {
    logger.info({ lock }, 'lock');
  }
  await runMigrations(config);
}`,
            },
          ],
        },
      ],
    },
  ],
};
