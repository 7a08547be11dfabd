import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  crossFileMessageIds: { leakedThroughHelper: 'tests/model/response-helpers.test.ts' },
  valid: [
    // a middleware of the same file turns unexpected failures into a generic message before the formatter runs
    `const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.flatten() : null } };
  },
});
const withErrorHandling = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && !(res.error.cause instanceof AppError)) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' });
  return res;
});`,
    // the try block only awaits the project's own validation of the caller's URL: the 400 explains the refusal
    `export const webhooks = router({
  create: protectedProcedure.mutation(async ({ input }) => {
    try {
      await validateWebhookUrl(input.url);
    } catch (error) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: \`Invalid webhook URL: \${error instanceof Error ? error.message : 'unknown'}\` });
    }
    return webhooksRepo.create(input);
  }),
});`,
    // the formatter masks the message of internal errors
    `export const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error' };
    return shape;
  },
});`,
    // next-safe-action: only the project's own action error is answered with its message
    `import { createSafeActionClient, DEFAULT_SERVER_ERROR_MESSAGE } from 'next-safe-action';
export const action = createSafeActionClient({
  handleServerError(e) {
    if (e instanceof ActionError) return e.message;
    return DEFAULT_SERVER_ERROR_MESSAGE;
  },
});`,
    // the exception thrown in the transaction callback is caught by the outer catch, which answers a fixed code
    `@Injectable()
export class FoldersService {
  async move(id: string, to: string) {
    try {
      await this.db.$transaction(async (tx) => {
        try {
          await tx.folder.update({ where: { id }, data: { parentId: to } });
        } catch (error) {
          throw new ConflictException(error.message);
        }
      });
    } catch (error) {
      console.error('move failed', error);
      return { ok: false, reason: 'FOLDER_NOT_MOVED' };
    }
    return { ok: true };
  }
}`,
    // caught by the try around it in the same function
    `export class TagsService {
  async rename(id: string, name: string) {
    try {
      try {
        await this.repo.update(id, { name });
      } catch (err) {
        throw new BadRequestException(err.message);
      }
    } catch {
      return null;
    }
  }
}`,
    // the message reaches the client only when the answer's own status is below 500 (what this rule's suggestion
    // writes): applying it again changes nothing (issue 16)
    `export default async function handler(req, res) {
  try {
    await tickets.close(req.query.id);
    res.status(204).end();
  } catch (err) {
    const { message, httpCode = 500 } = err;
    res.status(httpCode).send(httpCode < 500 ? message : 'Internal server error');
  }
}`,
    `app.delete('/tickets/:id', async (req, res) => {
  try {
    await tickets.remove(req.params.id);
  } catch (failure) {
    const code = failure.code ?? 500;
    res.status(code).json(!(code >= 500) ? { reason: failure.message } : { reason: 'Internal server error' });
  }
});`,
    // Parse.Error is the SDK's client-facing error class, not the built-in Error: its message is the API's contract
    `export function handleParseErrors(err, req, res, next) {
  if (err instanceof Parse.Error) {
    res.status(400).json({ code: err.code, error: err.message });
  } else {
    res.status(500).json({ error: 'Internal server error.' });
  }
}`,
    `import { logger } from './logger';
app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    logger.error({ err, requestId: req.id }, 'refund failed');
    res.status(500).json({ error: 'Internal server error', requestId: req.id });
  }
});`,
    `app.get('/orders', async (req, res, next) => {
  try {
    res.json(await orders.list());
  } catch (err) {
    next(err);
  }
});`,
    // narrowed by instanceof to a project error class, whose message is meant for clients
    `app.post('/users', async (req, res) => {
  try {
    await users.create(req.body);
  } catch (err) {
    if (err instanceof ValidationError) return res.status(400).json({ error: err.message });
    throw err;
  }
});`,
    `app.use((err, req, res, next) => {
  const message = err instanceof HttpError ? err.message : 'Internal server error';
  res.status(err instanceof HttpError ? err.status : 500).json({ message });
});`,
    `app.post('/orders', async (req, res) => {
  try {
    await orders.create(req.body);
  } catch (e) {
    if (e instanceof ZodError) return res.status(422).json({ issues: e.issues });
    res.status(500).json({ error: 'Internal server error' });
  }
});`,
    `app.post('/orders', async (req, res) => {
  try {
    await orders.create(schema.parse(req.body));
  } catch (err) {
    res.status(400).json({ errors: err.issues });
  }
});`,
    // the try block only validates input: the message is a validation message in a 400
    `app.post('/orders', (req, res) => {
  try {
    const input = orderSchema.parse(req.body);
    res.locals.input = input;
  } catch (e) {
    return res.status(400).json({ error: e.message });
  }
});`,
    `app.use((err, req, res, next) => {
  res.status(err.status ?? 500).json({ message: err.expose ? err.message : 'Internal server error' });
});`,
    `app.use((err, req, res, next) => {
  if (err.status < 500) return res.status(err.status).json({ message: err.message });
  res.status(500).json({ message: 'Internal server error' });
});`,
    `app.use((err, req, res, next) => {
  if (isHttpError(err)) return res.status(err.status).send(err.message);
  res.sendStatus(500);
});`,
    // Fastify's reply.send(error) hands the error to the framework's error handler, like next(err)
    `fastify.get('/orders', async (request, reply) => {
  try {
    return await orders.list();
  } catch (err) {
    return reply.send(err);
  }
});`,
    // http-errors (behind ctx.throw) does not expose messages of 5xx errors
    `router.get('/orders', async (ctx) => {
  try {
    ctx.body = await orders.list();
  } catch (err) {
    ctx.throw(500, err.message);
  }
});`,
    `export const router = t.router({
  charge: t.procedure.mutation(async ({ input }) => {
    try {
      return await payments.charge(input);
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Payment failed', cause: err });
    }
  }),
});`,
    // the filter only catches HttpException, whose messages are written for clients
    `@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(exception.getStatus()).json({ message: exception.message });
  }
}`,
    `class OrdersService {
  async create(dto: CreateOrderDto) {
    try {
      return await this.repo.save(dto);
    } catch (error) {
      throw new BadRequestException('Could not create the order', { cause: error });
    }
  }
}`,
    `async function refund(id: string) {
  try {
    await gateway.refund(id);
  } catch (err) {
    logger.error(err.message);
    throw err;
  }
}`,
    `app.get('/proxy', async (req, res) => {
  const response = await fetch(upstream, { signal: AbortSignal.timeout(5000) });
  res.json(await response.json());
});`,
    `app.post('/charge', async (req, res) => {
  try {
    await charge(req.body);
  } catch (err) {
    res.status(502).json({ code: err.code, message: 'Payment provider unavailable' });
  }
});`,
    `app.post('/charge', async (req, res) => {
  try {
    await charge(req.body);
  } catch (err) {
    res.status(500).json({ error: toPublicMessage(err) });
  }
});`,
    // test files are not checked
    {
      code: `app.post('/charge', async (req, res) => {
  try {
    await charge(req.body);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`,
      filename: "src/routes/charge.test.ts",
    },
    // the project's own synchronous input check: its message is about what the caller sent
    `import express from 'express';
const app = express();
app.post('/connections', (req, res) => {
  try {
    validateCallbackUrl(req.body.callbackUrl);
  } catch (problem) {
    return res.status(400).json({ message: problem instanceof Error ? problem.message : 'Callback URL refused' });
  }
  res.json(saveConnection(req.body));
});`,
    // a web installer answers the operator installing the server
    {
      code: `import express from 'express';
export const installer = express();
installer.post('/database', async (req, res) => {
  try {
    await probeDatabase(req.body);
    res.json({ ok: true });
  } catch (problem) {
    res.status(500).json({ error: problem.message });
  }
});`,
      filename: 'install/web.js',
    },
    // output guarded by a non-production check is accepted (allowInDevelopment, the default)
    `app.use((err, req, res, next) => {
  res.status(500).json({
    message: 'Internal server error',
    stack: process.env.NODE_ENV === 'development' ? err.stack : undefined,
  });
});`,
    `export async function favicon(request, reply) {
  try {
    return reply.send(await loadIcon(request.query.url));
  } catch (problem) {
    const text = process.env.NODE_ENV === 'production' ? 'Bad request' : problem.message;
    return reply.status(400).send(text);
  }
}`,
    // Express always passes next: the response branch of \`next ? next(err) : res.json(err)\` never runs
    `import express from 'express';
const app = express();
app.post('/sign-in', (req, res, next) => {
  try {
    openSession(req);
  } catch (problem) {
    return next ? next(problem) : res.status(401).json(problem);
  }
});`,
    `app.get('/x', (req, res) => {
  const error = new Error('not a caught error');
  res.status(500).json({ error: error.message });
});`,
    `app.use((err, req, res, next) => {
  if (!(err instanceof AppError)) return next(err);
  res.status(err.statusCode).json({ message: err.message });
});`,
    `app.use((err, req, res, next) => {
  if (err.name === 'ValidationError') return res.status(400).json({ message: err.message });
  res.status(500).json({ message: 'Internal server error' });
});`,
    `app.use((err, req, res, next) => {
  if ('userMessage' in err) return res.status(400).json({ message: err.userMessage });
  res.status(500).end();
});`,
    `app.onError((err, c) => {
  logger.error({ err }, 'unhandled');
  return c.json({ error: 'Internal server error' }, 500);
});`,
    `export const handler = async (event) => {
  try {
    return { statusCode: 200, body: JSON.stringify(await work(event)) };
  } catch (err) {
    console.error(err);
    return { statusCode: 500, body: JSON.stringify({ message: 'Internal server error' }) };
  }
};`,
    `import createHttpError from 'http-errors';
app.get('/x', async (req, res, next) => {
  try {
    await work();
  } catch (err) {
    next(createHttpError(500, err.message));
  }
});`,
    `app.use((err, req, res, next) => {
  const body = { code: 'internal', message: err.message };
  body.message = 'An unknown error occurred.';
  res.status(500).json(body);
});`,
    // a NestJS filter for the project's own error class answers the message that class was made to carry
    `import { Catch, ExceptionFilter, ArgumentsHost } from '@nestjs/common';
import { NotEnoughScopes } from './errors';

@Catch(NotEnoughScopes)
export class NotEnoughScopesFilter implements ExceptionFilter {
  catch(exception: NotEnoughScopes, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(409).json({ msg: exception.message });
  }
}`,
    // a SyntaxError answered with a 400 is a request body that is not JSON
    `app.use(async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof SyntaxError) {
      ctx.status = 400;
      ctx.body = { message: error.message };
      return;
    }
    throw error;
  }
});`,
    // the try block only verifies the webhook signature: the message says why the caller was refused
    `export async function POST(req: Request) {
  let event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, secret);
  } catch (err) {
    return new Response(\`Webhook Error: \${err.message}\`, { status: 400 });
  }
  return handle(event);
}`,
    // the message is replaced in production unless the error is operational (node-express-boilerplate)
    `const errorHandler = (err, req, res, next) => {
  let { statusCode, message } = err;
  if (config.env === 'production' && !err.isOperational) {
    statusCode = 500;
    message = 'Internal Server Error';
  }
  res.status(statusCode).send({ code: statusCode, message });
};`,
    // the code tests which message it answers
    `app.post('/integrations', async (req, res) => {
  try {
    await integrations.create(req.body);
  } catch (e) {
    if (e.message.includes('Integration validation failed')) return res.status(400).json({ error: e.message });
    res.sendStatus(500);
  }
});`,
    // Boom replaces the message of a 500 with a generic one
    `import Boom from '@hapi/boom';
export async function handler() {
  try {
    await orders.create();
  } catch (err) {
    throw Boom.badImplementation(err.message);
  }
}`,
    // the guard is read by words: FeedbackError is a project error, not a database ("db") error
    `app.post('/feedback', async (req, res) => {
  try {
    await feedback.submit(req.body);
  } catch (err) {
    if (err instanceof FeedbackError) return res.status(422).json({ error: err.message });
    res.sendStatus(500);
  }
});`,
    // a parser's verdict on the caller's own input, in an answer whose status is not set here
    `app.post('/schedules/preview', (req, res) => {
  try {
    const next = JSON.parse(req.body.rule);
    res.json({ next });
  } catch (err) {
    res.json({ error: err.message });
  }
});`,
    `app.get('/links/check', (req, res) => {
  try {
    const target = new URL(req.query.url);
    res.json({ host: target.host });
  } catch (error) {
    res.status(422).json({ error: error.message });
  }
});`,
    // a startup hook answers no request: the exception ends the boot, not a response
    `import { Injectable, OnModuleInit, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class SearchIndex implements OnModuleInit {
  async onModuleInit() {
    try {
      await this.client.ping();
    } catch (err) {
      throw new InternalServerErrorException(err.message);
    }
  }
}`,
    // issue 15: a helper of a 'use server' module that is not exported is no action; its caller decides what to send
    {
      code: `'use server';
async function describeFailure(projectId: string) {
  try {
    await builds.start(projectId);
    return 'started';
  } catch (e) {
    return (e as Error).message;
  }
}
export async function startBuild(projectId: string) {
  const status = await describeFailure(projectId);
  return { started: status === 'started' };
}`,
      filename: 'app/projects/actions.ts',
    },
    // issue 15: a server action that answers a fixed message
    {
      code: `'use server';
export async function archiveProject(id: string) {
  try {
    await projects.archive(id);
    return { ok: true };
  } catch (e) {
    logger.error({ err: e }, 'archive failed');
    return { ok: false, error: 'Could not archive the project' };
  }
}`,
      filename: 'app/projects/actions.ts',
    },
    // issue 15: a query builder's `.query()` is no tRPC resolver
    `export async function countRows(table: string) {
  return db.query(async () => {
    try {
      return await db.count(table);
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
}`,
    // set E: the message was just compared with a fixed text the code wrote: that text is all that goes out
    `app.get('/boards/:id', async (req, res) => {
  try {
    res.json(await boards.open(req.params.id, req.user.id));
  } catch (err) {
    if (err.message === 'Board not shared with you') return res.status(403).json({ error: err.message });
    if ('Board archived' == err?.message) return res.status(410).json({ error: err.message });
    return res.status(500).json({ error: 'Could not open the board' });
  }
});`,
  ],
  invalid: [
    // past the fixed-text checks, the message is anything: a database error's text goes out
    {
      code: `app.delete('/boards/:id', async (req, res) => {
  try {
    res.json(await boards.remove(req.params.id));
  } catch (err) {
    if (err.message === 'Board not found') return res.status(404).json({ error: err.message });
    return res.status(500).json({ error: err.message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 42, endLine: 6, endColumn: 53,
        },
      ],
    },
    // an awaited verification may fail for reasons that are not the caller's (its message is not feedback); the
    // answer is a deliberate 400, so no rewrite replaces its message (issue 16)
    {
      code: `export const payments = router({
  confirm: protectedProcedure.mutation(async ({ input }) => {
    try {
      await verifyPayment(input.id);
    } catch (error) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    }
  }),
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 59, endLine: 6, endColumn: 72,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 400 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `export const payments = router({
  confirm: protectedProcedure.mutation(async ({ input }) => {
    try {
      await verifyPayment(input.id);
    } catch (error) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    }
  }),
});` },
          ],
        },
      ],
    },
    // tRPC's default shape carries every error's message, internal failures included
    {
      code: `export const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.flatten() : null },
    };
  },
});`,
      errors: [
        {
          messageId: 'leaked', line: 3, column: 12, endLine: 6, endColumn: 6,
          data: { what: 'message', sink: "tRPC's default error shape" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const t = initTRPC.create({ errorFormatter: (opts) => opts.shape });`,
      errors: [{ messageId: 'leaked', line: 1, column: 55, endLine: 1, endColumn: 65, suggestions: [] }],
    },
    // next-safe-action sends what handleServerError returns to the action's caller
    {
      code: `import { createSafeActionClient } from 'next-safe-action';
export const action = createSafeActionClient({
  handleServerError(e) {
    return e.message;
  },
});`,
      errors: [
        {
          messageId: 'leaked', line: 4, column: 12, endLine: 4, endColumn: 21,
          data: { what: 'message', sink: 'the value `handleServerError` returns' },
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { createSafeActionClient } from 'next-safe-action';
export const action = createSafeActionClient({
  handleServerError(e) {
    return 'Internal server error';
  },
});` },
          ],
        },
      ],
    },
    {
      code: `export const actionClient = createSafeActionClient({
  handleServerError: (error) => \`Action failed: \${error.message}\`,
});`,
      errors: [
        {
          messageId: 'leaked', line: 2, column: 33, endLine: 2, endColumn: 66,
          suggestions: [
        { messageId: 'useGenericMessage', output: `export const actionClient = createSafeActionClient({
  handleServerError: (error) => 'Action failed',
});` },
      ],
        },
      ],
    },
    // the outer catch rethrows: the exception thrown in the callback reaches the client
    {
      code: `@Injectable()
export class FoldersService {
  async move(id: string, to: string) {
    try {
      await this.db.$transaction(async (tx) => {
        try {
          await tx.folder.update({ where: { id }, data: { parentId: to } });
        } catch (error) {
          throw new ConflictException(error.message);
        }
      });
    } catch (error) {
      throw error;
    }
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 9, column: 39, endLine: 9, endColumn: 52,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 409 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `@Injectable()
export class FoldersService {
  async move(id: string, to: string) {
    try {
      await this.db.$transaction(async (tx) => {
        try {
          await tx.folder.update({ where: { id }, data: { parentId: to } });
        } catch (error) {
          throw new ConflictException(error.message);
        }
      });
    } catch (error) {
      throw error;
    }
  }
}` },
          ],
        },
      ],
    },
    // a callback stored for later is not run inside the try around its declaration
    {
      code: `export class Jobs {
  schedule(id: string) {
    try {
      this.handlers.set(id, async () => {
        try {
          await this.run(id);
        } catch (e) {
          throw new InternalServerErrorException(e.message);
        }
      });
    } catch {
      return false;
    }
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 8, column: 50, endLine: 8, endColumn: 59,
          suggestions: [
            { messageId: 'useGenericMessage', output: `export class Jobs {
  schedule(id: string) {
    try {
      this.handlers.set(id, async () => {
        try {
          await this.run(id);
        } catch (e) {
          throw new InternalServerErrorException('Internal server error');
        }
      });
    } catch {
      return false;
    }
  }
}` },
          ],
        },
      ],
    },
    // issue 16 (suggestion set 2): a deliberate NestJS 400 whose body carries the error's message and an extra
    // field for API clients: a server-error text there would break the answer, so no rewrite
    {
      code: `import { BadRequestException, Controller, Post } from '@nestjs/common';
@Controller('imports')
export class ImportController {
  constructor(private readonly importer: CsvImporter) {}
  @Post()
  async upload(file: Buffer) {
    try {
      return await this.importer.run(file);
    } catch (err) {
      const body = { statusCode: 400, message: err instanceof Error ? err.message : 'Import failed', line: err?.line };
      throw new BadRequestException(body);
    }
  }
}`,
      errors: [{ messageId: 'leaked', line: 11, column: 37, suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 400 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `import { BadRequestException, Controller, Post } from '@nestjs/common';
@Controller('imports')
export class ImportController {
  constructor(private readonly importer: CsvImporter) {}
  @Post()
  async upload(file: Buffer) {
    try {
      return await this.importer.run(file);
    } catch (err) {
      const body = { statusCode: 400, message: err instanceof Error ? err.message : 'Import failed', line: err?.line };
      throw new BadRequestException(body);
    }
  }
}` },
          ] }],
    },
    // a 4xx set through a status constant
    {
      code: `import { HttpStatus } from '@nestjs/common';
router.put('/profile', async (req, res) => {
  try {
    await profiles.update(req.user.id, req.body);
    res.sendStatus(204);
  } catch (problem) {
    res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({ detail: problem.message });
  }
});`,
      errors: [{ messageId: 'leaked', line: 7, column: 64, suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 422 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `import { HttpStatus } from '@nestjs/common';
router.put('/profile', async (req, res) => {
  try {
    await profiles.update(req.user.id, req.body);
    res.sendStatus(204);
  } catch (problem) {
    res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({ detail: problem.message });
  }
});` },
          ] }],
    },
    // a NestJS HttpException whose status is a variable: it may be a 4xx, so no rewrite
    {
      code: `import { HttpException } from '@nestjs/common';
export class QuotaService {
  async reserve(units: number) {
    try {
      return await this.ledger.take(units);
    } catch (e) {
      const status = e.code === 'EXHAUSTED' ? 429 : 502;
      throw new HttpException({ message: e.message }, status);
    }
  }
}`,
      errors: [{ messageId: 'leaked', line: 8, column: 42, suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'the status of `HttpException` is set by an expression, so a rewrite cannot tell a 4xx answer (whose message is meant for the client) from a 5xx one' }, output: `import { HttpException } from '@nestjs/common';
export class QuotaService {
  async reserve(units: number) {
    try {
      return await this.ledger.take(units);
    } catch (e) {
      const status = e.code === 'EXHAUSTED' ? 429 : 502;
      throw new HttpException({ message: e.message }, status);
    }
  }
}` },
          ] }],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 35, endLine: 5, endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    res.status(500).json({ error: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    // a logger is in scope: the suggestion logs the error before answering
    {
      code: `import { logger } from './logger';
app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 35, endLine: 6, endColumn: 46,
          suggestions: [
            { messageId: 'logAndUseGenericMessage', output: `import { logger } from './logger';
app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    logger.error('Request failed', err);
    res.status(500).json({ error: 'Internal server error' });
  }
});` },
            { messageId: 'useGenericMessage', output: `import { logger } from './logger';
app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (err) {
    res.status(500).json({ error: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.get('/orders', async (req, res) => {
  try {
    res.json(await orders.list());
  } catch (err) {
    res.status(500).send(err.stack);
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 26, endLine: 5, endColumn: 35,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.get('/orders', async (req, res) => {
  try {
    res.json(await orders.list());
  } catch (err) {
    res.status(500).send('Internal server error');
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.use((err, req, res, next) => {
  res.status(500).json({ message: err.message });
});`,
      errors: [
        {
          messageId: 'leaked', line: 2, column: 35, endLine: 2, endColumn: 46,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `app.use((err, req, res, next) => {
  res.status(500).json({ message: err.message });
});` },
          ],
        },
      ],
    },
    {
      code: `app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  const message = err.message;
  res.status(500).json({ message });
});`,
      errors: [
        {
          messageId: 'leaked', line: 3, column: 26, endLine: 3, endColumn: 33,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  const message = err.message;
  res.status(500).json({ message });
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).send(\`Refund failed: \${err}\`);
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 26, endLine: 5, endColumn: 49,
          suggestions: [
        { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).send('Refund failed');
  }
});` },
      ],
        },
      ],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (e) {
    const body = { error: String(e) };
    res.status(500).json(body);
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 26, endLine: 6, endColumn: 30,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (e) {
    const body = { error: String(e) };
    res.status(500).json({ message: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (e) {
    res.status(500).json({ errors: [e.message] });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 37, endLine: 5, endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (e) {
    res.status(500).json({ errors: ['Internal server error'] });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).json({ ok: false, ...err });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 42, endLine: 5, endColumn: 45,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).json({ ok: false, message: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.writeHead(500).end(JSON.stringify(err));
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 28, endLine: 5, endColumn: 47,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.writeHead(500).end('Internal server error');
  }
});` },
          ],
        },
      ],
    },
    {
      code: `import util from 'node:util';
app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).send(util.inspect(err));
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 26, endLine: 6, endColumn: 43,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import util from 'node:util';
app.post('/refund', async (req, res) => {
  try {
    await refund(req.body);
  } catch (err) {
    res.status(500).send('Internal server error');
  }
});` },
          ],
        },
      ],
    },
    {
      code: `fastify.setErrorHandler((error, request, reply) => {
  reply.status(500).send({ message: error.message });
});`,
      errors: [
        {
          messageId: 'leaked', line: 2, column: 37, endLine: 2, endColumn: 50,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `fastify.setErrorHandler((error, request, reply) => {
  reply.status(500).send({ message: error.message });
});` },
          ],
        },
      ],
    },
    {
      code: `fastify.post('/charge', async (request, reply) => {
  try {
    return await charge(request.body);
  } catch (err) {
    return reply.code(500).send({ error: err.message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 42, endLine: 5, endColumn: 53,
          suggestions: [
            { messageId: 'useGenericMessage', output: `fastify.post('/charge', async (request, reply) => {
  try {
    return await charge(request.body);
  } catch (err) {
    return reply.code(500).send({ error: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500;
    ctx.body = { message: err.message };
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 27, endLine: 6, endColumn: 38,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500;
    ctx.body = { message: 'Internal server error' };
  }
});` },
          ],
        },
      ],
    },
    {
      code: `router.post('/charge', async (ctx) => {
  try {
    ctx.body = await charge(ctx.request.body);
  } catch (err) {
    ctx.throw(400, err.message);
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 20, endLine: 5, endColumn: 31,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 400 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `router.post('/charge', async (ctx) => {
  try {
    ctx.body = await charge(ctx.request.body);
  } catch (err) {
    ctx.throw(400, err.message);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.onError((err, c) => c.json({ error: err.message }, 500));`,
      errors: [
        {
          messageId: 'leaked', line: 1, column: 41, endLine: 1, endColumn: 52,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `app.onError((err, c) => c.json({ error: err.message }, 500));` },
          ],
        },
      ],
    },
    {
      code: `app.post('/charge', async (c) => {
  try {
    return c.json(await charge(await c.req.json()));
  } catch (err) {
    throw new HTTPException(500, { message: err.message, cause: err });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 45, endLine: 5, endColumn: 56,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/charge', async (c) => {
  try {
    return c.json(await charge(await c.req.json()));
  } catch (err) {
    throw new HTTPException(500, { message: 'Internal server error', cause: err });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  try {
    return NextResponse.json(await charge(await request.json()));
  } catch (error) {
    return NextResponse.json({ error: (error as Error).message }, { status: 500 });
  }
}`,
      filename: "app/api/charge/route.ts",
      errors: [
        {
          messageId: 'leaked', line: 6, column: 39, endLine: 6, endColumn: 63,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  try {
    return NextResponse.json(await charge(await request.json()));
  } catch (error) {
    return NextResponse.json({ error: 'Internal server error' }, { status: 500 });
  }
}` },
          ],
        },
      ],
    },
    {
      code: `export async function GET() {
  try {
    return Response.json(await listOrders());
  } catch (e) {
    return new Response(e.stack, { status: 500 });
  }
}`,
      filename: "app/api/orders/route.ts",
      errors: [
        {
          messageId: 'leaked', line: 5, column: 25, endLine: 5, endColumn: 32,
          suggestions: [
            { messageId: 'useGenericMessage', output: `export async function GET() {
  try {
    return Response.json(await listOrders());
  } catch (e) {
    return new Response('Internal server error', { status: 500 });
  }
}` },
          ],
        },
      ],
    },
    {
      code: `@Injectable()
export class PaymentsService {
  async refund(id: string) {
    try {
      return await this.gateway.refund(id);
    } catch (error) {
      throw new InternalServerErrorException(error.message);
    }
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 7, column: 46, endLine: 7, endColumn: 59,
          suggestions: [
            { messageId: 'useGenericMessage', output: `@Injectable()
export class PaymentsService {
  async refund(id: string) {
    try {
      return await this.gateway.refund(id);
    } catch (error) {
      throw new InternalServerErrorException('Internal server error');
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(500).json({ message: (exception as Error).message });
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 42, endLine: 5, endColumn: 70,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(500).json({ message: (exception as Error).message });
  }
}` },
          ],
        },
      ],
    },
    {
      code: `export const appRouter = router({
  refund: publicProcedure.mutation(async ({ input }) => {
    try {
      return await payments.refund(input.id);
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message, cause: err });
    }
  }),
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 69, endLine: 6, endColumn: 80,
          suggestions: [
            { messageId: 'useGenericMessage', output: `export const appRouter = router({
  refund: publicProcedure.mutation(async ({ input }) => {
    try {
      return await payments.refund(input.id);
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', cause: err });
    }
  }),
});` },
          ],
        },
      ],
    },
    {
      code: `export default defineEventHandler(async (event) => {
  try {
    return await charge(await readBody(event));
  } catch (err) {
    throw createError({ statusCode: 500, statusMessage: err.message });
  }
});`,
      filename: "server/api/charge.post.ts",
      errors: [
        {
          messageId: 'leaked', line: 5, column: 57, endLine: 5, endColumn: 68,
          suggestions: [
            { messageId: 'useGenericMessage', output: `export default defineEventHandler(async (event) => {
  try {
    return await charge(await readBody(event));
  } catch (err) {
    throw createError({ statusCode: 500, statusMessage: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `const resolvers = {
  Mutation: {
    async refund(_parent, { id }) {
      try {
        return await payments.refund(id);
      } catch (err) {
        throw new GraphQLError(err.message);
      }
    },
  },
};`,
      errors: [
        {
          messageId: 'leaked', line: 7, column: 32, endLine: 7, endColumn: 43,
          suggestions: [
            { messageId: 'useGenericMessage', output: `const resolvers = {
  Mutation: {
    async refund(_parent, { id }) {
      try {
        return await payments.refund(id);
      } catch (err) {
        throw new GraphQLError('Internal server error');
      }
    },
  },
};` },
          ],
        },
      ],
    },
    {
      code: `app.get('/orders', (req, res) => {
  orders.list().then((rows) => res.json(rows)).catch((err) => res.status(500).json({ error: err.message }));
});`,
      errors: [
        {
          messageId: 'leaked', line: 2, column: 93, endLine: 2, endColumn: 104,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.get('/orders', (req, res) => {
  orders.list().then((rows) => res.json(rows)).catch((err) => res.status(500).json({ error: 'Internal server error' }));
});` },
          ],
        },
      ],
    },
    // guarded by NODE_ENV with allowInDevelopment off: reported at low risk
    {
      code: `app.use((err, req, res, next) => {
  res.status(500).json({
    message: 'Internal server error',
    stack: process.env.NODE_ENV !== 'production' ? err.stack : undefined,
  });
});`,
      options: {"allowInDevelopment":false},
      errors: [
        {
          messageId: 'leaked', line: 4, column: 12, endLine: 4, endColumn: 73,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.use((err, req, res, next) => {
  res.status(500).json({
    message: 'Internal server error',
    stack: 'Internal server error',
  });
});` },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {
  try {
    return { statusCode: 200, body: JSON.stringify(await work(event)) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ error: err.message }) };
  }
};`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 61, endLine: 5, endColumn: 72,
          suggestions: [
            { messageId: 'useGenericMessage', output: `export const handler = async (event) => {
  try {
    return { statusCode: 200, body: JSON.stringify(await work(event)) };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify({ error: 'Internal server error' }) };
  }
};` },
          ],
        },
      ],
    },
    {
      code: `app.get('/orders', (req, res) => {
  db.query('SELECT * FROM orders', (err, rows) => {
    if (err) return res.status(500).json({ error: err.message });
    res.json(rows);
  });
});`,
      errors: [
        {
          messageId: 'leaked', line: 3, column: 51, endLine: 3, endColumn: 62,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.get('/orders', (req, res) => {
  db.query('SELECT * FROM orders', (err, rows) => {
    if (err) return res.status(500).json({ error: 'Internal server error' });
    res.json(rows);
  });
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/orders', async (req, res) => {
  try {
    await orders.create(req.body);
  } catch (e) {
    if (e instanceof AppError) return res.status(e.status).json({ message: e.message });
    res.status(500).json({ message: e.message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 37, endLine: 6, endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/orders', async (req, res) => {
  try {
    await orders.create(req.body);
  } catch (e) {
    if (e instanceof AppError) return res.status(e.status).json({ message: e.message });
    res.status(500).json({ message: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    // driver errors stay internal after instanceof narrowing
    {
      code: `app.post('/orders', async (req, res) => {
  try {
    await prisma.order.create({ data: req.body });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError) return res.status(409).json({ error: e.message });
    throw e;
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 97, endLine: 5, endColumn: 106,
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 409 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `app.post('/orders', async (req, res) => {
  try {
    await prisma.order.create({ data: req.body });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError) return res.status(409).json({ error: e.message });
    throw e;
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/orders', async (req, res) => {
  let detail = 'unknown';
  try {
    await orders.create(req.body);
  } catch (err) {
    detail = err.message;
  }
  res.status(500).json({ detail });
});`,
      errors: [
        {
          messageId: 'leaked', line: 8, column: 26, endLine: 8, endColumn: 32,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/orders', async (req, res) => {
  let detail = 'unknown';
  try {
    await orders.create(req.body);
  } catch (err) {
    detail = err.message;
  }
  res.status(500).json({ detail: 'Internal server error' });
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/orders', async (req, res) => {
  try {
    await orders.create(req.body);
  } catch ({ message }) {
    res.status(500).json({ message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 28, endLine: 5, endColumn: 35,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.post('/orders', async (req, res) => {
  try {
    await orders.create(req.body);
  } catch ({ message }) {
    res.status(500).json({ message: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `class PaymentFailedException extends HttpException {}
async function charge(dto) {
  try {
    await gateway.charge(dto);
  } catch (err) {
    throw new PaymentFailedException(\`Charge failed: \${err.message}\`, 502);
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 6, column: 38, endLine: 6, endColumn: 69,
          suggestions: [
        { messageId: 'useGenericMessage', output: `class PaymentFailedException extends HttpException {}
async function charge(dto) {
  try {
    await gateway.charge(dto);
  } catch (err) {
    throw new PaymentFailedException('Charge failed', 502);
  }
}` },
      ],
        },
      ],
    },
    {
      code: `app.get('/orders', async (req, res) => {
  try {
    res.render('orders', { orders: await orders.list() });
  } catch (err) {
    res.status(500).render('error', { error: err.stack });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 5, column: 46, endLine: 5, endColumn: 55,
          suggestions: [
            { messageId: 'useGenericMessage', output: `app.get('/orders', async (req, res) => {
  try {
    res.render('orders', { orders: await orders.list() });
  } catch (err) {
    res.status(500).render('error', { error: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    // SvelteKit error(status, message) shows the message to the user
    {
      code: `import { error } from '@sveltejs/kit';

export async function load() {
  try {
    return { orders: await db.orders.list() };
  } catch (e) {
    error(500, (e as Error).message);
  }
}`,
      filename: 'src/routes/orders/+page.server.ts',
      errors: [
        {
          messageId: 'leaked', line: 7, column: 16, endLine: 7, endColumn: 36,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { error } from '@sveltejs/kit';

export async function load() {
  try {
    return { orders: await db.orders.list() };
  } catch (e) {
    error(500, 'Internal server error');
  }
}` },
          ],
        },
      ],
    },
    // Remix json() is a response body
    {
      code: `import { json } from '@remix-run/node';

export async function action() {
  try {
    await payments.charge();
  } catch (e) {
    return json({ error: (e as Error).message }, { status: 500 });
  }
}`,
      filename: 'app/routes/checkout.tsx',
      errors: [
        {
          messageId: 'leaked', line: 7, column: 26, endLine: 7, endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { json } from '@remix-run/node';

export async function action() {
  try {
    await payments.charge();
  } catch (e) {
    return json({ error: 'Internal server error' }, { status: 500 });
  }
}` },
          ],
        },
      ],
    },
    // Boom's 4xx helpers answer their message (only a 500 is replaced by Boom)
    {
      code: `import Boom from '@hapi/boom';

export async function handler() {
  try {
    await orders.create();
  } catch (err) {
    throw Boom.badRequest(err.message);
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 7, column: 27, endLine: 7, endColumn: 38,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import Boom from '@hapi/boom';

export async function handler() {
  try {
    await orders.create();
  } catch (err) {
    throw Boom.badRequest('Internal server error');
  }
}` },
          ],
        },
      ],
    },
    // a data-access-layer exception is a database error under the project's name; ApiException is an HttpException subclass
    {
      code: `import { ApiException } from '../shared/exceptions/api.exception';

export class DeleteTenant {
  async execute(id: string) {
    try {
      await this.tenants.delete({ id });
    } catch (e) {
      if (e instanceof DalException) {
        throw new ApiException(e.message);
      }
      throw e;
    }
  }
}`,
      errors: [
        {
          messageId: 'leaked', line: 9, column: 32, endLine: 9, endColumn: 41,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { ApiException } from '../shared/exceptions/api.exception';

export class DeleteTenant {
  async execute(id: string) {
    try {
      await this.tenants.delete({ id });
    } catch (e) {
      if (e instanceof DalException) {
        throw new ApiException('Internal server error');
      }
      throw e;
    }
  }
}` },
          ],
        },
      ],
    },
    // a logging function the file calls with (message, err) is suggested in that order
    {
      code: `import { logError } from '../utils/logger';

app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (e) {
    res.status(500).json({ error: (e as Error).message });
  }
});

export function onFailure(err: unknown) {
  logError('Background job failed', err);
}`,
      errors: [
        {
          messageId: 'leaked', line: 7, column: 35, endLine: 7, endColumn: 55,
          suggestions: [
            { messageId: 'logAndUseGenericMessage', output: `import { logError } from '../utils/logger';

app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (e) {
    logError('Request failed', e);
    res.status(500).json({ error: 'Internal server error' });
  }
});

export function onFailure(err: unknown) {
  logError('Background job failed', err);
}` },
            { messageId: 'useGenericMessage', output: `import { logError } from '../utils/logger';

app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (e) {
    res.status(500).json({ error: 'Internal server error' });
  }
});

export function onFailure(err: unknown) {
  logError('Background job failed', err);
}` },
          ],
        },
      ],
    },
    // a logging function that only ever receives text is not offered for the error
    {
      code: `import { logError } from '../utils/logger';

app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (e) {
    logError(\`Refund error: \${(e as Error).message}\`);
    res.status(500).json({ error: (e as Error).message });
  }
});`,
      errors: [
        {
          messageId: 'leaked', line: 8, column: 35, endLine: 8, endColumn: 55,
          suggestions: [
            { messageId: 'useGenericMessage', output: `import { logError } from '../utils/logger';

app.post('/refund', async (req, res) => {
  try {
    await refunds.create(req.body);
  } catch (e) {
    logError(\`Refund error: \${(e as Error).message}\`);
    res.status(500).json({ error: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },

    // a truthy status is no proof of a public message: http-errors exposes only below 500, and client errors carry a status too
    {
      code: `app.use((err, req, res, next) => {
  if (err.status && err.message) {
    res.status(err.status).json({ error: err.message });
    return;
  }
  res.status(500).json({ error: 'Internal server error' });
});`,
      errors: [
        {
          messageId: 'leaked', line: 3, column: 42, endLine: 3, endColumn: 53,
          suggestions: [
            { messageId: 'useGenericMessageForServerErrors', output: `app.use((err, req, res, next) => {
  if (err.status && err.message) {
    res.status(err.status).json({ error: err.status < 500 ? err.message : 'Internal server error' });
    return;
  }
  res.status(500).json({ error: 'Internal server error' });
});` },
          ],
        },
      ],
    },

    // issue 16: a central error handler answers every status: 4xx messages are meant for the client and stay
    {
      code: `app.use((err, req, res, next) => {
  res.status(err.statusCode || 500).json({ message: err.message });
});`,
      errors: [{ messageId: 'leaked', line: 2, column: 53, suggestions: [
            { messageId: 'useGenericMessageForServerErrors', output: `app.use((err, req, res, next) => {
  res.status(err.statusCode || 500).json({ message: (err.statusCode || 500) < 500 ? err.message : 'Internal server error' });
});` },
          ] }],
    },
    // suggestion set 4: an error middleware that answers 500 for everything also carries the messages routes throw
    // for their clients ('Api key has expired'): a generic text there would lose every one of them
    {
      code: `import express from 'express';
const server = express();
server.use((failure: any, _req: any, res: any, _next: any) => {
  audit.error('request failed', failure);
  res.status(500).json({ reason: failure.message });
});`,
      errors: [{ messageId: 'leaked', line: 5, column: 34, suggestions: [
            { messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, output: `import express from 'express';
const server = express();
server.use((failure: any, _req: any, res: any, _next: any) => {
  audit.error('request failed', failure);
  res.status(500).json({ reason: failure.message });
});` },
          ] }],
    },
    // the same handler after it has answered the client's own errors (its class is public): the 500 below is the
    // path of the rest
    {
      code: `server.use((failure, req, res, next) => {
  if (failure instanceof ClientFault) {
    return res.status(failure.status).json({ reason: failure.message });
  }
  res.status(500).json({ reason: failure.message });
});`,
      errors: [
        { messageId: 'leaked', line: 5, column: 34, suggestions: [
            { messageId: 'useGenericMessage', output: `server.use((failure, req, res, next) => {
  if (failure instanceof ClientFault) {
    return res.status(failure.status).json({ reason: failure.message });
  }
  res.status(500).json({ reason: 'Internal server error' });
});` },
          ] },
      ],
    },
    // issue 16: the status is set in another statement, so a rewrite cannot tell 4xx from 5xx answers
    {
      code: `app.use((err, req, res, next) => {
  res.status(statusOf(err));
  res.json({ message: err.message });
});`,
      errors: [{ messageId: 'leaked', line: 3, column: 23, suggestions: [
            { messageId: 'rewriteByHand', output: `app.use((err, req, res, next) => {
  res.status(statusOf(err));
  res.json({ message: err.message });
});` },
          ] }],
    },
    // issue 16, seen on a real backend: a 404 answer whose message the route throws itself for the client
    // ('Monitor not found'); replacing it with a generic 500 text loses what the client relies on
    {
      code: `router.get('/api/push/:token', async (req, res) => {
  try {
    const monitor = await monitors.findByToken(req.params.token);
    if (!monitor) {
      throw new Error('Monitor not found or not active.');
    }
    res.json({ ok: true });
  } catch (e) {
    res.status(404).json({ ok: false, msg: e.message });
  }
});`,
      errors: [{ messageId: 'leaked', line: 9, column: 44, suggestions: [
                                                             { messageId: 'rewriteByHand', output: `router.get('/api/push/:token', async (req, res) => {
  try {
    const monitor = await monitors.findByToken(req.params.token);
    if (!monitor) {
      throw new Error('Monitor not found or not active.');
    }
    res.json({ ok: true });
  } catch (e) {
    res.status(404).json({ ok: false, msg: e.message });
  }
});` },
                                                           ] }],
    },
    // a deliberate 400 whose text is built from the error: no server-error text in a client answer (issue 16)
    {
      code: `app.post('/setup/database', async (req, res) => {
  try {
    const connection = await mysql.createConnection(req.body);
    await connection.end();
    res.json({ ok: true });
  } catch (e) {
    res.status(400).json('Cannot connect to the database: ' + e.message);
  }
});`,
      errors: [{ messageId: 'leaked', line: 7, column: 26, suggestions: [
                                                             { messageId: 'rewriteByHand', data: { reason: 'this is a deliberate 400 answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class' }, output: `app.post('/setup/database', async (req, res) => {
  try {
    const connection = await mysql.createConnection(req.body);
    await connection.end();
    res.json({ ok: true });
  } catch (e) {
    res.status(400).json('Cannot connect to the database: ' + e.message);
  }
});` },
                                                           ] }],
    },
    // issue 15: a server action's return value is serialised to the browser that called it
    {
      code: `'use server';
export async function inviteMember(teamId: string, email: string) {
  try {
    await invitations.create(teamId, email);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'Unknown error' };
  }
}`,
      filename: 'app/team/actions.ts',
      errors: [
        {
          messageId: 'leaked', line: 7, column: 32, endLine: 7, endColumn: 80,
          data: { what: 'message', sink: "the server action's return value" },
          suggestions: [
            { messageId: 'useGenericMessage', output: `'use server';
export async function inviteMember(teamId: string, email: string) {
  try {
    await invitations.create(teamId, email);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: 'Unknown error' };
  }
}` },
          ],
        },
      ],
    },
    // issue 15: an action declared inline with its own directive
    {
      code: `export default function Page() {
  async function rename(form: FormData) {
    'use server';
    try {
      await boards.rename(String(form.get('id')), String(form.get('name')));
    } catch (err) {
      return { message: String(err) };
    }
  }
  return rename;
}`,
      filename: 'app/boards/actions.ts',
      errors: [
        {
          messageId: 'leaked', line: 7, column: 25, endLine: 7, endColumn: 36,
          data: { what: 'text', sink: "the server action's return value" },
          suggestions: [
            { messageId: 'useGenericMessage', output: `export default function Page() {
  async function rename(form: FormData) {
    'use server';
    try {
      await boards.rename(String(form.get('id')), String(form.get('name')));
    } catch (err) {
      return { message: 'Internal server error' };
    }
  }
  return rename;
}` },
          ],
        },
      ],
    },
    // issue 15: a tRPC resolver's return value reaches the client
    {
      code: `export const billingRouter = router({
  cancel: protectedProcedure.input(cancelInput).mutation(async ({ input }) => {
    try {
      await subscriptions.cancel(input.id);
      return { cancelled: true };
    } catch (error: any) {
      return { cancelled: false, reason: error.message };
    }
  }),
});`,
      errors: [
        {
          messageId: 'leaked', line: 7, column: 42, endLine: 7, endColumn: 55,
          data: { what: 'message', sink: "the procedure's return value" },
          suggestions: [
            { messageId: 'useGenericMessage', output: `export const billingRouter = router({
  cancel: protectedProcedure.input(cancelInput).mutation(async ({ input }) => {
    try {
      await subscriptions.cancel(input.id);
      return { cancelled: true };
    } catch (error: any) {
      return { cancelled: false, reason: 'Internal server error' };
    }
  }),
});` },
          ],
        },
      ],
    },
    // issue 16 (suggestion set 3, reviewer): a 5xx the code words for its clients keeps those words; only the leaked
    // error text goes. The literal branch of the code's own conditional stays the message…
    {
      code: `import { HTTPException } from 'hono/http-exception';
export async function uploadUrl(c: Context) {
  try {
    return c.json(await createUploadUrl(c.req.param('id')));
  } catch (error) {
    throw new HTTPException(503, {
      message: error instanceof Error ? error.message : 'Image uploads are not configured',
    });
  }
}`,
      errors: [{ messageId: 'leaked', line: 7, column: 16, suggestions: [
        { messageId: 'useGenericMessage', output: `import { HTTPException } from 'hono/http-exception';
export async function uploadUrl(c: Context) {
  try {
    return c.json(await createUploadUrl(c.req.param('id')));
  } catch (error) {
    throw new HTTPException(503, {
      message: 'Image uploads are not configured',
    });
  }
}` },
      ] }],
    },
    // …the author's text before the leaked part of a built message stays…
    {
      code: `app.get('/feed', async (req, res) => {
  try {
    res.json(await feed.load());
  } catch (err) {
    res.status(503).json({ error: \`Service unavailable, try again: \${err.message}\` });
  }
});`,
      errors: [{ messageId: 'leaked', line: 5, column: 35, suggestions: [
        { messageId: 'useGenericMessage', output: `app.get('/feed', async (req, res) => {
  try {
    res.json(await feed.load());
  } catch (err) {
    res.status(503).json({ error: 'Service unavailable, try again' });
  }
});` },
      ] }],
    },
    // …and a 503 without words of its own answers its status's phrase, not "Internal server error"
    {
      code: `app.get('/feed', async (req, res) => {
  try {
    res.json(await feed.load());
  } catch (err) {
    res.status(503).json({ message: err.message });
  }
});`,
      errors: [{ messageId: 'leaked', line: 5, column: 37, suggestions: [
        { messageId: 'useGenericMessage', output: `app.get('/feed', async (req, res) => {
  try {
    res.json(await feed.load());
  } catch (err) {
    res.status(503).json({ message: 'Service unavailable' });
  }
});` },
      ] }],
    },
  ],
};
