import { noRewriteCase, type InvalidCase, type RuleCases } from '../utils/rule-tester.js';

const LOGGER_CONFIG = { loggers: { logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'pino' as const } } };

const noRewrite = (code: string, error: { messageId: string; line: number; column: number }, reason: string): InvalidCase => noRewriteCase(code, error, { messageId: 'rewriteByHand', reason });

export const cases: RuleCases = {
  valid: [
    // issue 16 (suggestion set 2): functions that Playwright / Puppeteer run in the page are browser code; the
    // server's logger, callers and next do not exist there, and the rule leaves client code out
    `import express from 'express';
import logger from '../logger';
export class ShelfAudit {
  private page?: Page;
  async shareWithPrice(rowSelector: string, priceSelector: string): Promise<number> {
    if (!this.page) return 0;
    try {
      return await this.page.evaluate(({ rowSelector, priceSelector }: { rowSelector: string; priceSelector: string }) => {
        const rows = Array.from(document.querySelectorAll(rowSelector)).slice(0, 20);
        if (rows.length === 0) return 0;
        let priced = 0;
        for (const row of rows) {
          try {
            const price = row.querySelector(priceSelector);
            if (!price) continue;
            if ((price.textContent || '').trim().length > 0) priced++;
          } catch { }
        }
        return priced / rows.length;
      }, { rowSelector, priceSelector });
    } catch (error) {
      logger.error('Shelf audit failed', error);
      return 0;
    }
  }
  async labels(): Promise<string[]> {
    return this.page!.$$eval('.label', (nodes) => nodes.map((n) => {
      let text = '';
      try {
        text = (n as HTMLElement).innerText.trim();
      } catch { }
      return text;
    }));
  }
}`,
    // a filtered rethrow guarded by a truthiness check: every error but the expected one is handed on
    `export async function ensureTeam(name: string) {
  try {
    await teams.create({ name });
  } catch (problem) {
    if (problem && problem.message !== 'team-exists') {
      log.error(problem);
      throw problem;
    }
  }
}`,
    // a status probe: the answer names the failure
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function cacheState() {
  try {
    await redis.ping();
    return 'connected';
  } catch {
    return 'unreachable';
  }
}
export async function statusReport() {
  return { cache: await cacheState(), time: Date.now() };
}`,
    // client code is not judged: the fallback shows on the screen of the person who triggered it
    {
      code: `'use client';
export async function loadDrafts() {
  try {
    return await api.drafts();
  } catch {
    return [];
  }
}`,
      filename: 'app/drafts/load.ts',
    },
    // rethrow
    `try {
  await chargeCard(order);
} catch (e) {
  throw e;
}`,
    `async function capture(order: Order) {
  try {
    return await gateway.capture(order.paymentId);
  } catch (e) {
    throw new PaymentError('Capture failed', { cause: e });
  }
}`,
    // a filtered rethrow propagates everything it does not expect
    `try {
  await fs.promises.mkdir(dir);
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
}`,
    // NestJS: an HttpException thrown from a catch propagates to the exception filter
    `@Controller('orders')
export class OrdersController {
  @Post()
  async create(@Body() dto: CreateOrderDto) {
    try {
      return await this.orders.create(dto);
    } catch (error) {
      throw new HttpException('Order could not be created', HttpStatus.BAD_GATEWAY);
    }
  }
}`,
    `app.post('/orders', async (req, res, next) => {
  try {
    res.json(await orders.create(req.body));
  } catch (err) {
    next(err);
  }
});`,
    `function readJson(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    fs.readFile(path, 'utf8', (error, text) => {
      if (error) return reject(error);
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(e);
      }
    });
  });
}`,
    `function load(id, cb) {
  db.get(id, (err, row) => {
    try {
      cb(null, decode(row));
    } catch (e) {
      cb(e);
    }
  });
}`,
    `export async function chargeOrder(order: Order): Promise<Result<Charge, PaymentError>> {
  try {
    return Result.ok(await stripe.charges.create({ amount: order.total }));
  } catch (e) {
    return Result.err(new PaymentError('charge failed', { cause: e }));
  }
}`,
    `async function refund(id: string) {
  try {
    await gateway.refund(id);
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, error };
  }
}`,
    // an explicit failure result, even without the error object, is not a swallow
    `export async function POST(req: Request) {
  try {
    await subscribe(await req.json());
    return { success: true };
  } catch {
    return { success: false, message: 'Subscription failed' };
  }
}`,
    // recording the failure in state
    `async function processPayment(payment: Payment) {
  try {
    await gateway.charge(payment);
    payment.status = 'completed';
  } catch (e) {
    payment.status = 'failed';
  }
  await payment.save();
}`,
    `async function runJob(job: Job) {
  try {
    await handlers[job.type](job);
  } catch (e) {
    await jobRepository.update(job.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}`,
    `function useCheckout() {
  const [error, setError] = useState<Error | null>(null);
  const submit = async () => {
    try {
      await checkout();
    } catch (e) {
      setError(e as Error);
    }
  };
  return { error, submit };
}`,
    // a response with an error status handles the failure (what it leaks is another rule's job)
    `router.get('/invoices/:id', async (req, res) => {
  try {
    res.json(await invoices.get(req.params.id));
  } catch (err) {
    res.status(500).json({ error: 'Internal error' });
  }
});`,
    `export async function GET() {
  try {
    return NextResponse.json(await db.product.findMany());
  } catch (error) {
    return NextResponse.json({ error: 'Could not load products' }, { status: 500 });
  }
}`,
    `fastify.post('/refunds', async (request, reply) => {
  await refunds.create(request.body).catch((err) => reply.code(502).send({ error: 'Gateway unavailable' }));
});`,
    `router.post('/pay', async (ctx) => {
  try {
    ctx.body = await pay(ctx.request.body);
  } catch (e) {
    ctx.status = 502;
    ctx.body = { error: 'Payment provider unavailable' };
  }
});`,
    `app.post('/pay', async (c) => {
  try {
    return c.json(await pay(await c.req.json()));
  } catch {
    return c.json({ error: 'Payment failed' }, 502);
  }
});`,
    // recorded: the error object reaches a structured logger or monitor
    `import pino from 'pino';
const logger = pino();
export async function syncInventory() {
  try {
    await warehouse.sync();
  } catch (err) {
    logger.error({ err }, 'Inventory sync failed');
  }
}`,
    `@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  async sendReceipt(order: Order) {
    try {
      await this.mailer.send(order.email);
    } catch (error) {
      this.logger.error('Receipt not sent', error instanceof Error ? error.stack : String(error));
    }
  }
}`,
    `import * as Sentry from '@sentry/node';
export async function reconcile() {
  try {
    await ledger.reconcile();
  } catch (e) {
    Sentry.captureException(e);
  }
}`,
    `import { captureException } from '@sentry/nextjs';
export async function POST() {
  try {
    await webhooks.flush();
  } catch (e) {
    captureException(e);
  }
  return new Response(null, { status: 204 });
}`,
    `fastify.addHook('onClose', async () => {
  try {
    await queue.drain();
  } catch (err) {
    fastify.log.error(err);
  }
});`,
    // a message-only log records the failure; lost-error-context reports the missing stack
    `try {
  await cache.warm();
} catch (e) {
  logger.warn(\`Cache warm-up failed: \${(e as Error).message}\`);
}`,
    // a log line with context (not a constant) records the failure; lost-error-context reports the missing error
    `try {
  await limits.consume(orgId);
} catch {
  io.logger.warn({ msg: 'Email dropped: limit exceeded', orgId });
}`,
    // explained on purpose
    `try {
  await fs.promises.rm(tmpDir, { recursive: true });
} catch {
  // ignore: best-effort cleanup, the OS clears tmp anyway
}`,
    `try {
  await analytics.track('checkout_started');
} catch { /* best effort: analytics must never block checkout */ }`,
    `await metrics.flush().catch(() => {}); // metrics are best effort`,
    `// Best effort: a missing cache entry is fine.
try {
  await cache.del(key);
} catch {}`,
    `try {
  await warmup();
} catch (ignored) {}`,
    // helpers whose contract is undefined/null on failure
    `export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}`,
    `const safeUrl = (value: string) => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};`,
    `function isValidUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}`,
    // feature detection: the failure is the answer
    `function hasPackage(name: string) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}`,
    `function readVersion(file: string): string | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return null;
  }
}`,
    `export function verifyToken(token: string) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET!) as Claims;
  } catch {
    return null;
  }
}`,
    // best-effort release of a resource
    `async function screenshot(url: string) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.screenshot();
  } finally {
    await page.close().catch(() => {});
  }
}`,
    `await fs.promises.unlink(tmpFile).catch(() => {});`,
    `process.on('SIGTERM', async () => {
  try {
    await server.close();
  } catch {}
  process.exit(0);
});`,
    // a retry loop acts on the failure
    `for (let attempt = 1; ; attempt++) {
  try {
    return await gateway.charge(payment);
  } catch (e) {
    if (attempt >= 3) throw e;
    await sleep(attempt * 1000);
  }
}`,
    `async function getQuote(pair: string) {
  try {
    return await primary.quote(pair);
  } catch {
    return secondary.quote(pair);
  }
}`,
    `app.get('/me', (req, res, next) => {
  loadUser(req).then((user) => res.json(user)).catch(next);
});`,
    `fetchRates().then(render, (err) => next(err));`,
    `queue.process(job).catch(handleJobError);`,
    `class Connection extends EventEmitter {
  async connect() {
    try {
      await this.socket.open();
    } catch (e) {
      this.emit('error', e);
    }
  }
}`,
    `const failures: unknown[] = [];
for (const item of items) {
  try {
    await importItem(item);
  } catch (e) {
    failures.push(e);
  }
}`,
    // CLI scripts print to the console and exit non-zero
    `try {
  await migrate();
} catch (e) {
  console.error(e);
  process.exit(1);
}`,
    // Zod's schema .catch is a fallback value, not a rejection handler
    `const Query = z.object({ page: z.coerce.number().min(1).optional().catch(() => 1) });`,
    // a settled signal for a queue; the result itself is returned to the caller
    `function runExclusive<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.then(() => undefined, () => undefined);
  return result;
}`,
    // an existence probe: then(() => true).catch(() => false)
    `async function fileExists(key: string) {
  return s3.send(new HeadObjectCommand({ Bucket, Key: key })).then(() => true).catch(() => false);
}`,
    // the masked null is checked at once and becomes a 404
    `export async function loader({ params }: LoaderArgs) {
  const document = await getDocumentByToken(params.token).catch(() => null);
  if (!document) {
    throw new Response('Not Found', { status: 404 });
  }
  return document;
}`,
    // a failed verification fails closed
    `const claims = await verifyPresignToken({ token }).catch(() => null);`,
    `async function redisHealthy() {
  try {
    await redis.ping();
    return true;
  } catch {
    return false;
  }
}`,
    // a second failure while the first is being rethrown
    `async function transfer() {
  const tx = await db.begin();
  try {
    await tx.debit(a);
    await tx.commit();
  } catch (e) {
    try {
      await tx.rollback();
    } catch {}
    throw e;
  }
}`,
    `async function callGateway(body: unknown) {
  const res = await fetch(GATEWAY_URL, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) {
    const detail = await res.text().catch(() => '');
    throw new GatewayError(res.status, detail);
  }
  return res.json();
}`,
    // parsing a body that has already arrived
    `export async function POST(req: Request) {
  let payload: unknown = {};
  try {
    payload = await req.json();
  } catch {
    payload = {};
  }
  return handle(payload);
}`,
    // a synchronous computation with a fallback value
    `function formatInZone(date: Date, timeZone: string) {
  try {
    return date.toLocaleString('en-US', { timeZone });
  } catch {
    return date.toISOString();
  }
}`,
    `const response = await fetch(url);
const message = await response.json().then((b) => b.message).catch(() => 'Unknown error');`,
    {
      code: `export function SaveButton() {
  const onClick = () => void save().catch(console.error);
  return <button onClick={onClick}>Save</button>;
}`,
      // a React component: the browser console is where its errors go
      filename: 'src/components/save-button.tsx',
    },
    {
      code: `try {
  await seed();
} catch (e) {
  console.error('Seeding failed', e);
}`,
      // a CLI script: the console is its user interface
      filename: 'scripts/seed.ts',
    },
    {
      code: `'use client';
export function Form() {
  const onSubmit = async () => {
    try {
      await save();
    } catch (e) {
      console.error(e);
    }
  };
  return onSubmit;
}`,
      // browser code: console is where its errors go
      filename: 'src/components/form.tsx',
    },
    {
      code: `it('rejects', async () => {
  try {
    await service.charge(card);
  } catch {}
});`,
      filename: 'src/payments/payment.service.spec.ts',
    },
    {
      code: `async function ping() {
  try {
    await fetch(healthUrl);
  } catch (e) {
    console.warn('health check failed', e);
  }
}`,
      // console-only handling can be left to console-logging
      options: { checkConsoleOnly: false },
    },
    {
      code: `const user = await findUser(id).catch(() => null);`,
      options: { checkPromiseHandlers: false },
    },
    {
      code: `function lookupOrFallback(key: string) {
  try {
    return registry.find(key);
  } catch {
    return DEFAULT_ENTRY;
  }
}`,
      options: { ignoreFunctionNames: ['OrFallback$'] },
    },
    // the promise itself is returned: the caller sees its failure, the handler only keeps the stored copy quiet
    `export function start(options: StreamOptions) {
  const running = this.consume(options);
  this.running = running.catch(() => {});
  return running;
}`,
    // `.finally(…).catch(() => {})` on a promise that is returned right after
    `export function fetchLicense() {
  licensePromise = fetchLicenseFromServer();
  licensePromise
    .finally(() => {
      licensePromise = null;
    })
    .catch(() => {});
  return licensePromise;
}`,
    // `.catch(() => {}).then(next)`: run the next step once the first settles, either way
    `export function reload() {
  if (!inFlight) return start();
  const next = inFlight
    .catch(() => {})
    .then(() => start());
  return next;
}`,
    // a second failure in a block that is about to throw its own error
    `export async function readBody(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number) {
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit, size);
    }
  }
}`,
    // a best-effort write inside rxjs `catchError`: the failure being handled is the one that matters
    `export class IdempotencyInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(
      catchError(async (err) => {
        await this.cache.set(key, { status: 'error' }).catch(() => {});
        throw err;
      }),
    );
  }
}`,
    `export class IdempotencyInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(
      catchError(async (err) => {
        await this.cache.set(key, { status: 'error' }).catch(() => {});
        return of(null);
      }),
    );
  }
}`,
    // reading the body of a response already known to be a failure (`status === 413`)
    `export async function send(res: Response) {
  if (res.status === 413) {
    const data = await res.clone().json().catch(() => null);
    throw new Error(data?.error ?? 'Message too large');
  }
}`,
    // the catch resets a local and the code right after checks it and leaves
    `export async function processTenant(environmentId: string, tenantId: string) {
  let tenant: Tenant | null;
  try {
    tenant = await this.getTenant(environmentId, tenantId);
  } catch (e) {
    tenant = null;
  }
  if (tenant === null) {
    return undefined;
  }
  return tenant;
}`,
    // product analytics is best-effort
    `export function onPublished(isSecond: boolean) {
  if (isSecond) analytics.track('second_survey_published').catch(() => undefined);
}`,
    `export class AuthService {
  async register(email: string) {
    await this.users.create(email);
    this._track('register', email).catch(() => {});
  }
}`,
    // a JWT payload read after verification: `payload` is no payment (money words are whole words)
    `class Session {
  async currentUserId(token: string): Promise<string | null> {
    try {
      const payload = await jwt.verifyAsync(token);
      return payload.sub;
    } catch (error) {
      return null;
    }
  }
}`,
    // a token that fails to verify means "not signed in"
    `async function getSessionActor(ctx: Context): Promise<User | undefined> {
  const token = ctx.cookies.get('accessToken');
  if (!token) return undefined;
  try {
    const { user } = await getUserForJWT(token);
    return user;
  } catch {
    return undefined;
  }
}`,
    // set E: a share token that fails to verify falls through to the other checks, which treat the caller as signed out
    `export function allowShared(req: Request, res: Response, next: NextFunction) {
  const shareToken = req.query.share;
  if (shareToken) {
    try {
      const claims = jwt.verify(String(shareToken), secrets.signing) as { board: string };
      if (claims.board === req.params.board) return next();
    } catch {
      // Continue to the session check.
    }
  }
  if (!req.session.user) return res.status(401).end();
  return next();
}`,
    `export const verifyRequest = async (request: Request) => {
  try {
    return await verifyBearerTokenFromRequest(request);
  } catch {
    return { sub: undefined, roleNames: undefined };
  }
};`,
    // a file-level no-console directive: the team chose the console as this file's record
    `/* eslint-disable no-console */
export async function warmCache() {
  try {
    await cache.warm();
  } catch (error) {
    console.error('cache warm-up failed', error);
  }
}`,
    // best-effort by contract: a typing indicator, a "last used" touch, a silent* helper
    `export async function replyInChat(chatId: string, text: string) {
  await bot.sendTyping(chatId).catch(() => {});
  return bot.sendMessage(chatId, text);
}`,
    `export async function authenticateKey(key: ApiKey) {
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return key.ownerId;
}`,
    `export async function silentRevalidate(path: string) {
  try {
    await revalidate(path);
  } catch {
    return false;
  }
  return true;
}`,
    // a second failure while handing the first one on: the outer catch rethrows
    `export async function closeOrder(id: string) {
  try {
    await orders.close(id);
  } catch (error) {
    try {
      await orders.release(id);
    } catch {}
    throw error;
  }
}`,
    // a cleanup function by its name: best-effort by design
    `export const useChartDialog = () => {
  const cleanupOrphanChart = async (chartId: string) => {
    await deleteChartAction({ chartId }).catch(() => {});
    setCurrentChartId(undefined);
  };
  return { cleanupOrphanChart };
};`,
    // a comment heading the statement says a failure must not break the report
    `export async function loadFlow(env: Env) {
  // Last-resort source, so a Redis failure must not break the report.
  const pendingNow = await queue.lengthOf(env).catch(() => undefined);
  return { pendingNow };
}`,
    // a comment above says the prune is opportunistic
    `export async function registerClient(dto: ClientDto) {
  // opportunistically prune stale clients nobody ever authorized
  this.clients.deleteStale(new Date(Date.now() - THIRTY_DAYS)).catch(() => {});
  return this.clients.create(dto);
}`,
    // a synchronous parse whose empty catch is the last statement: an implicit `return undefined`
    `export function userAgentOf(value: string) {
  try {
    return new UAParser(value).getResult();
  } catch {}
}`,
    // the function's doc comment states that it returns false on errors
    `/**
 * Compares a password with a legacy hash. Returns false if any errors occur during verification.
 */
export const legacyCompare = async (stored: string, input: string): Promise<boolean> => {
  try {
    return (await legacyHash(stored, input)) === stored;
  } catch {
    return false;
  }
};`,
      // a synchronous parse whose failure falls through to the fallback after the try (printed at most)
    `export function providerMessage(body: string) {
  try {
    const parsed = JSON.parse(body);
    if (isRecord(parsed) && typeof parsed.message === 'string') return parsed.message;
  } catch {}
  return body;
}`,
    // set E: a value predicate of the project's that throws on odd input means "no": the kind stays what it was
    `export function columnKind(value: unknown) {
  let kind = typeof value === 'number' ? 'number' : 'string';
  try {
    if (isLikelyTimestamp(value)) kind = 'date';
  } catch {
    //
  }
  return kind;
}`,
    // the new error's message names the client's input as the fault: the author says what failed
    `export async function uploadedFile(request: FastifyRequest) {
  try {
    const part = await request.file();
    return { name: part.filename, buffer: await part.toBuffer() };
  } catch {
    throw new BadRequestException('Failed to parse multipart data');
  }
}`,
    // the translation looks at what failed, or guards a parse: the 4xx is the answer
    `export async function loadInvoice(number: string) {
  try {
    return await billing.invoices.retrieve(number);
  } catch (failure) {
    if (failure instanceof StripeInvalidRequestError && failure.code === 'resource_missing') throw new NotFoundException(\`No invoice \${number}\`);
    throw failure;
  }
}`,
    `export function webhookPayload(signatureHeader: string) {
  try {
    return decodeURIComponent(signatureHeader);
  } catch {
    throw new BadRequestException('Malformed signature header');
  }
}`,
    `export async function findTeam(id: string) {
  return teams.findOrThrow(id).catch((e) => {
    throw new NotFoundException(\`No team \${id}: \${e.code}\`);
  });
}`,
    // issue 15: a bare "continue" is left to the reader (the next statement checks what the try left unset)
    `export async function syncTable(table: Table) {
  let columns;
  try {
    columns = await schema.describe(table.name);
  } catch (error) {
    // continue
  }
  if (columns) await table.alignColumns(columns);
  await table.sync();
}`,
    // issue 15: going on with a reason why the failure does not matter
    `export async function collectPages(token: string, kinds: string[]) {
  const pages: Page[] = [];
  for (const kind of kinds) {
    try {
      pages.push(...(await directory.pagesOf(kind, token)));
    } catch (e) {
      // skip kinds the token has no role for: the directory answers 403 for them
    }
  }
  return pages;
}`,
    // issue 15: a link beside a written reason explains the handler
    `export async function publishRelease(id: string) {
  try {
    await registry.publish(id);
  } catch (err) {
    // the registry answers 409 for a version published twice: https://example.com/registry/issues/41
  }
}`,
    // issue 15: a returned error whose value a caller in the file reads (an error-as-value contract)
    `async function saveDraft(draft: Draft) {
  try {
    await drafts.insert(draft);
  } catch (error) {
    return error;
  }
}
export async function submit(draft: Draft) {
  const failure = await saveDraft(draft);
  if (failure) throw new Error('draft not saved', { cause: failure });
}`,
    // issue 15: data on success, the error on failure: callers have to look at the value either way
    `export async function loadQuota(orgId: string) {
  try {
    return await quotas.read(orgId);
  } catch (error) {
    return error;
  }
}`,
    // issue 15: a callback's value is read by whoever runs it
    `export async function importAll(rows: Row[]) {
  const results = await Promise.all(
    rows.map(async (row) => {
      try {
        await records.insert(row);
      } catch (error) {
        return error;
      }
    }),
  );
  return results.filter(Boolean);
}`,
  ],

  invalid: [
    // suggestion set 4: a best-effort lock release; a rethrow would fail the job the lock guarded
    noRewrite(`export async function finishJob(job: Job) {
  try {
    await jobMutex.unlock(job.id);
  } catch {}
}`, { messageId: 'emptyHandler', line: 4, column: 5 }, 'releasing a lock or resource is best-effort clean-up: a failed release must not fail the work that used it (the lock expires or is taken back), so record the error rather than throw it'),
    // clean-up in a finally block: a throw there would replace the upload's result
    noRewrite(`export async function exportReport(id: string) {
  const file = await reports.render(id);
  try {
    return await uploads.put(file);
  } finally {
    try {
      await scratch.wipe(file.path);
    } catch (e) {}
  }
}`, { messageId: 'emptyHandler', line: 8, column: 7 }, 'the handler is clean-up in a `finally` block, where a throw would replace the failure or result the try statement had'),
    // suggestion set 6t: a rejection handler's constant log line becomes the line that records the error, in the
    // author's words and level, rather than a second, generic line beside it
    {
      code: `import { logger } from './logger';
export function reportOutdated() {
  return checker.outdated().then((list) => {
    logger.info(list.length ? 'Updates available' : 'Up to date');
  }).catch(() => {
    logger.warn('Could not check for updates.');
  });
}`,
      errors: [{ messageId: 'constantLog', line: 5, column: 12, endLine: 7, endColumn: 4, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export function reportOutdated() {
  return checker.outdated().then((list) => {
    logger.info(list.length ? 'Updates available' : 'Up to date');
  }).catch((error) => {
    logger.warn('Could not check for updates.', error);
  });
}` },
      ] }],
    },
    // suggestion set 6t: \`catch (e) { return; }\` as the function's last statement changes nothing but says "ignore
    // it": here a secondary hook after the main work (the channel is already gone), which a rethrow would turn into
    // a failure of the caller after the fact
    noRewrite(`async function dropChannel(channelId: string) {
  channels.delete(channelId);
  await broker.publish('channel:dropped', channelId);
  try {
    await hooks.run('channel:drop', channelId);
  } catch (e) {
    return;
  }
}`, { messageId: 'discarded', line: 6, column: 5 }, 'the catch block holds only \`return;\` where the function ends anyway, a line that says nothing but "ignore it", so ignoring the failure looks deliberate'),
    // the same \`return;\` with code after the try statement skips that code on failure, as the rethrow does: not a
    // bare "ignore it" (nor is it in a function that answers a value: see loadSecrets)
    {
      code: `async function syncChannel(channelId: string) {
  try {
    await hooks.run('channel:sync', channelId);
  } catch (e) {
    return;
  }
  await channels.markSynced(channelId);
}`,
      errors: [{ messageId: 'discarded', line: 4, column: 5, endLine: 4, endColumn: 14, suggestions: [
        { messageId: 'rethrow', output: `async function syncChannel(channelId: string) {
  try {
    await hooks.run('channel:sync', channelId);
  } catch (e) {
    throw e;
  }
  await channels.markSynced(channelId);
}` },
      ] }],
    },
    // suggestion set 4: a local \`logger\` (a list of lines) hides the imported logger in this function, so no
    // \`logger.error(…)\` is written there
    noRewrite(`import { logger } from './lib/logger';

export async function replayJournal(entries: Entry[]) {
  const logger: string[] = [];
  for (const entry of entries) {
    await apply(entry).catch(() => {});
  }
  return logger;
}`, { messageId: 'emptyHandler', line: 6, column: 30 }, 'the code after it runs on failure too, and a rejection would skip it'),
    // suggestion set 4: a shutdown chain returned from an abort listener nobody awaits; removing the release's
    // handler would turn a failed release into an unhandled rejection in the middle of shutting down
    noRewrite(`export class Worker {
  static async run(signal: AbortSignal) {
    signal.addEventListener('abort', async () => {
      return Worker.halt()
        .then(async () => {
          audit.info('halted');
        })
        .finally(async () => {
          await Worker.closeHooks().catch(() => {});
        });
    });
  }
}`, { messageId: 'emptyHandler', line: 9, column: 43 }, 'the function is a callback that `signal.addEventListener` runs, which does not await it, so a rejection leaving it would be unhandled'),
    // a crash-log write in a process listener: nobody awaits the listener
    noRewrite(`process.once('uncaughtException', async (fault) => {
  await appendFile('/var/log/app/crash.log', String(fault?.stack)).catch(() => {});
});`, { messageId: 'emptyHandler', line: 2, column: 74 }, 'the function around it cannot pass a failure on by throwing'),
    // one handler per channel, under forEach: the promise of each callback is awaited by nobody
    noRewrite(`export async function broadcast(channels: Channel[], text: string) {
  channels.forEach((channel) => channel.post(text).catch(() => {}));
}`, { messageId: 'emptyHandler', line: 2, column: 58 }, 'the function around it cannot pass a failure on by throwing'),
    // one handler per channel under Promise.all: the handler keeps one channel's failure from failing the rest
    noRewrite(`export async function broadcast(channels: Channel[], text: string) {
  await Promise.all(channels.map((channel) => channel.post(text).catch(() => undefined)));
}`, { messageId: 'maskingReturn', line: 2, column: 72 }, 'the handler keeps each item\'s failure its own: without it one failing item would reject the whole `map` batch and the work after it'),
    // a parse whose failure is only printed: the malformed value goes unrecorded (a user's settings silently ignored)
    {
      code: `export async function init(model: Model, raw: string) {
  let settings: Setting[] = [];
  try {
    const parsed = JSON.parse(raw);
    const seen = new Set<string>();
    settings = parsed.filter((s: Setting) => !seen.has(s.category) && seen.add(s.category));
  } catch (error) {
    console.warn('Failed to parse safety settings:', error);
  }
  if (settings.length > 0) model.safetySettings = settings;
  return model;
}`,
      errors: [{ messageId: 'consoleOnly', data: { handler: 'catch block', call: 'console.warn' }, line: 7, column: 5, endLine: 7, endColumn: 18 }],
    },
    // a catch-all over a database read translated to a 404: outages become unlogged 404s
    {
      code: `import { Injectable, NotFoundException } from '@nestjs/common';
@Injectable()
export class UsersService {
  async findOne(id: string) {
    return this.prisma.user.findUniqueOrThrow({ where: { id } }).catch(() => {
      throw new NotFoundException('User not found');
    });
  }
}`,
      errors: [
        {
          messageId: 'clientTranslation',
          data: { name: 'NotFoundException', handler: 'rejection handler' },
          line: 5,
          column: 72,
          endLine: 7,
          endColumn: 6,
        },
      ],
    },
    // a catch-all around a session lookup translated to a 401
    {
      code: `export async function getSession(token: string) {
  try {
    return await db.session.findFirstOrThrow({ where: { token } });
  } catch {
    throw new UnauthorizedException('Invalid token');
  }
}`,
      errors: [{ messageId: 'clientTranslation', data: { name: 'UnauthorizedException', handler: 'catch block' }, line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    // a parse beside I/O is no probe: the write's failure is dropped with it
    {
      code: `export async function saveSettings(raw: string) {
  try {
    const settings = JSON.parse(raw);
    await db.settings.update({ where: { id: 1 }, data: settings });
  } catch {}
}`,
      errors: [{ messageId: 'emptyHandler', line: 5, column: 5, endLine: 5, endColumn: 10 }],
    },
    // a value predicate beside an awaited call: the call's failure is dropped with the predicate's
    {
      code: `export async function columnKind(value: unknown, sheet: Sheet) {
  let kind = 'string';
  try {
    if (isLikelyTimestamp(value)) kind = await sheet.formatOf(value);
  } catch {}
  return kind;
}`,
      errors: [{ messageId: 'emptyHandler', line: 5, column: 5, endLine: 5, endColumn: 10 }],
    },
    // issue 16 (suggestion set 2): logger.log(level, message) keeps its message and its warn level; the error is added
    {
      code: `import logger from './log';
export async function warmThumbnails(ids: string[]) {
  try {
    await thumbnails.render(ids);
  } catch (renderError) {
    logger.log('warn', 'Thumbnail warm-up failed');
  }
}`,
      errors: [{ messageId: 'constantLog', line: 5, column: 5, suggestions: [
            { messageId: 'logError', output: `import logger from './log';
export async function warmThumbnails(ids: string[]) {
  try {
    await thumbnails.render(ids);
  } catch (renderError) {
    logger.warn('Thumbnail warm-up failed', renderError);
  }
}` },
          ] }],
    },
    // … and a winston logger's log('info', …) in a catch is raised to error, in winston's (message, meta) idiom
    {
      code: `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
export async function rebuildIndex(shard: number) {
  try {
    await searchIndex.rebuild(shard);
  } catch (err) {
    logger.log('info', 'Index rebuild skipped');
  }
}`,
      errors: [{ messageId: 'constantLog', line: 6, column: 5, suggestions: [
            { messageId: 'logError', output: `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
export async function rebuildIndex(shard: number) {
  try {
    await searchIndex.rebuild(shard);
  } catch (err) {
    logger.error('Index rebuild skipped', { error: err });
  }
}` },
          ] }],
    },
    // errors with a code are translated by a switch that always leaves; every other error is dropped
    {
      code: `export async function archiveBoard(id: string) {
  try {
    await boards.archive(id);
  } catch (problem) {
    if (problem && typeof problem === 'object' && 'code' in problem) {
      switch (problem.code) {
        case 'P2025':
          throw new NotFoundError('No such board');
        default:
          throw new Error('Could not archive the board');
      }
    }
  }
}`,
      errors: [{ messageId: 'partial', line: 4, column: 5 }],
    },
    // a default that does not name the failure still hides it
    {
      code: `export async function planName(accountId: string) {
  try {
    return (await billing.plan(accountId)).name;
  } catch {
    return 'free';
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 4, column: 5 }],
    },
    // issue 16, seen on real backends: a best-effort cache write reported with console.warn; a rethrow would fail a
    // call whose value was already computed
    {
      code: `export async function withCache<T>(cache: Cache, key: string, fn: () => Promise<T>): Promise<T> {
  const value = await fn();
  try {
    await cache.set(key, value);
  } catch (err) {
    console.warn('cache set failed', err);
  }
  return value;
}`,
      errors: [{ messageId: 'consoleOnly', line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
                                                                                            { messageId: 'rewriteByHand', output: `export async function withCache<T>(cache: Cache, key: string, fn: () => Promise<T>): Promise<T> {
  const value = await fn();
  try {
    await cache.set(key, value);
  } catch (err) {
    console.warn('cache set failed', err);
  }
  return value;
}` },
                                                                                          ] }],
    },
    // a service starting an optional system daemon logs a constant line and carries on: record the error, no rethrow
    {
      code: `import { logger } from './logger';
export async function startNscd() {
  try {
    await exec('service nscd start');
  } catch (e) {
    logger.info('Failed to start nscd');
  }
}`,
      errors: [{ messageId: 'constantLog', line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
                                                                                            { messageId: 'logError', output: `import { logger } from './logger';
export async function startNscd() {
  try {
    await exec('service nscd start');
  } catch (e) {
    logger.error('Failed to start nscd', e);
  }
}` },
                                                                                          ] }],
    },
    // the catch sets a fallback that the code after checks and answers with a 422: a rethrow would turn it into a 500
    {
      code: `export class AuthService {
  async resetPassword(userId: string | undefined) {
    let user: User | null = null;
    if (userId !== undefined) {
      try {
        user = await this.usersService.findById(userId);
      } catch {
        user = null;
      }
    }
    if (!user) {
      throw new UnprocessableEntityException('invalid hash');
    }
    return user;
  }
}`,
      errors: [{ messageId: 'discarded', line: 7, column: 9, endLine: 7, endColumn: 14, suggestions: [
                                                                                          { messageId: 'rewriteByHand', output: `export class AuthService {
  async resetPassword(userId: string | undefined) {
    let user: User | null = null;
    if (userId !== undefined) {
      try {
        user = await this.usersService.findById(userId);
      } catch {
        user = null;
      }
    }
    if (!user) {
      throw new UnprocessableEntityException('invalid hash');
    }
    return user;
  }
}` },
                                                                                        ] }],
    },
    // only 413 is answered in the catch; the check after the try answers every other failure with a 400
    {
      code: `export async function upload(req: Req) {
  let file = null;
  try {
    file = await req.file();
  } catch (err: any) {
    if (err?.statusCode === 413) throw new BadRequestException('File too large');
  }
  if (file === null) throw new BadRequestException('Invalid file upload');
  return save(file);
}`,
      errors: [{ messageId: 'partial', line: 5, column: 5, endLine: 5, endColumn: 21, suggestions: [
                                                                                        { messageId: 'rewriteByHand', output: `export async function upload(req: Req) {
  let file = null;
  try {
    file = await req.file();
  } catch (err: any) {
    if (err?.statusCode === 413) throw new BadRequestException('File too large');
  }
  if (file === null) throw new BadRequestException('Invalid file upload');
  return save(file);
}` },
                                                                                      ] }],
    },
    // a degraded read: the try block only reads and the catch answers with an empty list, which callers may show on
    // purpose (a storefront without its banners); the finding stays, but a rethrow would fail the caller's whole page
    {
      code: `export class Storefront {
  static async activeBanners(siteId: number) {
    try {
      const banners = [];
      const rows = await db.getAll('SELECT id FROM banner WHERE site_id = ?', [siteId]);
      for (const row of rows) {
        const banner = registry.get(row.id);
        if (banner && (await banner.isLive())) banners.push(banner.toPublic());
      }
      return banners;
    } catch (error) {
      return [];
    }
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 11, column: 7, endLine: 11, endColumn: 20, suggestions: [
        { messageId: 'rewriteByHand', output: `export class Storefront {
  static async activeBanners(siteId: number) {
    try {
      const banners = [];
      const rows = await db.getAll('SELECT id FROM banner WHERE site_id = ?', [siteId]);
      for (const row of rows) {
        const banner = registry.get(row.id);
        if (banner && (await banner.isLive())) banners.push(banner.toPublic());
      }
      return banners;
    } catch (error) {
      return [];
    }
  }
}` },
      ] }],
    },
    // the same read with a logger in scope: record the error and keep the empty answer
    {
      code: `import { logger } from './logger';
export async function recentComments(postId: string) {
  try {
    return await comments.findMany({ where: { postId }, take: 20 });
  } catch (err) {
    return [];
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export async function recentComments(postId: string) {
  try {
    return await comments.findMany({ where: { postId }, take: 20 });
  } catch (err) {
    logger.error('recentComments failed', err);
    return [];
  }
}` },
      ] }],
    },
    // a rejection handler answering a read with an empty list keeps it; the log line goes before the value
    {
      code: `import { logger } from './logger';
export async function teamPage(teamId: string) {
  const members = await fetchMembers(teamId).catch(() => []);
  return { teamId, members };
}`,
      errors: [{ messageId: 'maskingReturn', line: 3, column: 52, endLine: 3, endColumn: 60, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export async function teamPage(teamId: string) {
  const members = await fetchMembers(teamId).catch((error) => { logger.error('teamPage failed', error); return []; });
  return { teamId, members };
}` },
      ] }],
    },
    // not a read: the try block writes, so the empty answer hides rows that were or were not stored; rethrow
    {
      code: `export async function importContacts(file: Upload) {
  try {
    const rows = await parseCsv(file);
    return await contacts.insertMany(rows);
  } catch (error) {
    return [];
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 5, column: 5, endLine: 5, endColumn: 18, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`importContacts\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export async function importContacts(file: Upload) {
  try {
    const rows = await parseCsv(file);
    return await contacts.insertMany(rows);
  } catch (error) {
    return [];
  }
}` },
      ] }],
    },
    // a multi-line rejection handler on an action is removed whole when its promise is awaited
    {
      code: `async function notifyOwner(id: string) {
  const sent = await mailer.sendNotice(id).catch((err) => {
    return false;
  });
  return sent;
}`,
      errors: [{ messageId: 'maskingReturn', line: 2, column: 50, endLine: 4, endColumn: 4, suggestions: [
        { messageId: 'removeHandler', output: `async function notifyOwner(id: string) {
  const sent = await mailer.sendNotice(id);
  return sent;
}` },
      ] }],
    },
    // the record-only rewrite keeps the comments of the catch block: the author's note stays, the log line goes after it
    {
      code: `import { logger } from './logger';
export async function revokeAll(tokens: string[]) {
  try {
    await sessions.revokeMany(tokens);
  } catch (err) {
    // ignore
  }
}`,
      errors: [{ messageId: 'emptyHandler', line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export async function revokeAll(tokens: string[]) {
  try {
    await sessions.revokeMany(tokens);
  } catch (err) {
    // ignore
    logger.error('revokeAll failed', err);
  }
}` },
      ] }],
    },
    // a one-line catch with only a comment stays on one line, comment included
    {
      code: `import { logger } from './logger';
export async function refreshFeed(id: string) {
  try { await feeds.refresh(id); } catch { /* noop */ }
}`,
      errors: [{ messageId: 'emptyHandler', line: 3, column: 36, endLine: 3, endColumn: 41, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export async function refreshFeed(id: string) {
  try { await feeds.refresh(id); } catch (error) { /* noop */ logger.error('refreshFeed failed', error); }
}` },
      ] }],
    },
    // the console call is replaced by the logger; the TODO above it stays
    {
      code: `import { logger } from './logger';
export async function replicate(batch: Change[]) {
  try {
    await mirror.push(batch);
  } catch (e) {
    // TODO: retry with backoff
    console.error(e);
  }
}`,
      errors: [{ messageId: 'consoleOnly', line: 5, column: 5, endLine: 5, endColumn: 14, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export async function replicate(batch: Change[]) {
  try {
    await mirror.push(batch);
  } catch (e) {
    // TODO: retry with backoff
    logger.error('replicate failed', e);
  }
}` },
      ] }],
    },
    // a rejection handler holding only a comment keeps it when the log line is added
    {
      code: `import { logger } from './logger';
export function warmIndex() {
  search.warm().catch(() => { /* ignore */ });
}`,
      errors: [{ messageId: 'emptyHandler', line: 3, column: 23, endLine: 3, endColumn: 45, suggestions: [
        { messageId: 'logError', output: `import { logger } from './logger';
export function warmIndex() {
  search.warm().catch((error) => { /* ignore */ logger.error('warmIndex failed', error); });
}` },
      ] }],
    },
    // an empty catch with a comment is a decision: no rethrow; a TODO comment is not (see the TODO case)
    {
      code: `export async function revoke(token: string) {
  try {
    await sessions.revoke(token);
  } catch (err) {
    // empty
  }
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          suggestions: [
                                                                                             { messageId: 'rewriteByHand', output: `export async function revoke(token: string) {
  try {
    await sessions.revoke(token);
  } catch (err) {
    // empty
  }
}` },
                                                                                           ] }],
    },
    // a line-level no-console directive silences ESLint's rule, it does not make the console a record
    {
      code: `export async function refreshAll(accounts: Account[]) {
  for (const account of accounts) {
    try {
      await provider.refresh(account.token);
    } catch (err) {
      // eslint-disable-next-line no-console
      console.error('refresh failed', err);
    }
  }
}`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 18,
        },
      ],
    },
    // a comment that gives no reason does not explain the handler
    {
      code: `export async function syncInvoices(orgId: string) {
  try {
    await billing.sync(orgId);
  } catch (error) {
    // Do nothing
    console.log(error);
  }
}`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            { messageId: 'rewriteByHand', output: `export async function syncInvoices(orgId: string) {
  try {
    await billing.sync(orgId);
  } catch (error) {
    // Do nothing
    console.log(error);
  }
}` },
          ],
        },
      ],
    },
    // reading analytics for a user is a feature, not best-effort telemetry
    {
      code: `export async function checkAnalytics(orgId: string) {
  try {
    return await provider.analytics(orgId);
  } catch (e) {
    if (e instanceof RefreshTokenError) {
      return checkAnalytics(orgId);
    }
  }
  return [];
}`,
      errors: [{ messageId: 'partial', line: 4, column: 5, endLine: 4, endColumn: 14, data: { condition: 'e instanceof RefreshTokenError' } }],
    },
    // partial: one kind of error is handled, every other one falls through
    {
      code: `export async function loadStats(orgId: string) {
  try {
    return await reports.fetchStats(orgId);
  } catch (e) {
    if (e instanceof TokenExpiredError) {
      return refreshAndLoadStats(orgId);
    }
  }
  return [];
}`,
      errors: [{ messageId: 'partial', line: 4, column: 5, endLine: 4, endColumn: 14, data: { condition: 'e instanceof TokenExpiredError' } }],
    },
    {
      code: `export async function addMember(teamId: string, userId: string) {
  try {
    await db.member.create({ data: { teamId, userId } });
  } catch (error) {
    if (error.code === 'P2002') throw new ConflictError('Already a member');
  }
}`,
      errors: [
        {
          messageId: 'partial',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            { messageId: 'rethrow', output: `export async function addMember(teamId: string, userId: string) {
  try {
    await db.member.create({ data: { teamId, userId } });
  } catch (error) {
    if (error.code === 'P2002') throw new ConflictError('Already a member');
    throw error;
  }
}` },
          ],
        },
      ],
    },
    // a catch nested in a catch that does not hand the failure on is still a catch
    {
      code: `export async function importFeed(url: string) {
  try {
    await feeds.import(url);
  } catch (error) {
    try {
      await feeds.markFailed(url);
    } catch {}
  }
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            { messageId: 'rethrow', output: `export async function importFeed(url: string) {
  try {
    await feeds.import(url);
  } catch (error) {
    try {
      await feeds.markFailed(url);
    } catch (error) {
      throw error;
    }
  }
}` },
          ],
        },
      ],
    },
    // an error result built and not returned
    {
      code: `export async function loadProfile(id: string): Promise<E.Either<Error, Profile>> {
  try {
    return E.right(await profiles.load(id));
  } catch (error) {
    E.left(error as Error);
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            { messageId: 'rethrow', output: `export async function loadProfile(id: string): Promise<E.Either<Error, Profile>> {
  try {
    return E.right(await profiles.load(id));
  } catch (error) {
    E.left(error as Error);
    throw error;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `app.post('/orders', async (req, res) => {
  try {
    await db.order.create({ data: req.body });
  } catch (err) {}
  res.status(201).end();
});`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            { messageId: 'respondWithError', output: `app.post('/orders', async (req, res) => {
  try {
    await db.order.create({ data: req.body });
  } catch (err) {
    return res.status(500).json({ message: 'Internal server error' });
  }
  res.status(201).end();
});` },
          ],
        },
      ],
    },
    {
      code: `export class PaymentService {
  async processPayment(orderId: string, amount: number) {
    try {
      const payment = await this.paymentRepository.save({ orderId, amount, status: 'pending' });
      await this.gateway.charge(payment);
      return true;
    } catch {
      return false;
    }
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 12,
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`processPayment\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export class PaymentService {
  async processPayment(orderId: string, amount: number) {
    try {
      const payment = await this.paymentRepository.save({ orderId, amount, status: 'pending' });
      await this.gateway.charge(payment);
      return true;
    } catch {
      return false;
    }
  }
}` },
      ],
        },
      ],
    },
    {
      code: `async function findUser(id: string) {
  try {
    return await prisma.user.findUnique({ where: { id } });
  } catch (e) {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            { messageId: 'rewriteByHand', output: `async function findUser(id: string) {
  try {
    return await prisma.user.findUnique({ where: { id } });
  } catch (e) {
    return null;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `export async function listOrders(userId: string) {
  try {
    const res = await fetch(API + '/orders?user=' + userId);
    return await res.json();
  } catch (error) {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`listOrders\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export async function listOrders(userId: string) {
  try {
    const res = await fetch(API + '/orders?user=' + userId);
    return await res.json();
  } catch (error) {
    return [];
  }
}` },
      ],
        },
      ],
    },
    {
      code: `async function createCheckoutSession(cart: Cart) {
  try {
    const session = await stripe.checkout.sessions.create({ line_items: cart.items });
    return { url: session.url };
  } catch (e) {
    return { url: '' };
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            { messageId: 'rethrow', output: `async function createCheckoutSession(cart: Cart) {
  try {
    const session = await stripe.checkout.sessions.create({ line_items: cart.items });
    return { url: session.url };
  } catch (e) {
    throw e;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `sendReceiptEmail(order).catch(() => {});`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            { messageId: 'rewriteByHand', output: `sendReceiptEmail(order).catch(() => {});` },
          ],
        },
      ],
    },
    {
      code: `const user = await getUser(id).catch(() => null);`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 48,
          suggestions: [
            { messageId: 'rewriteByHand', output: `const user = await getUser(id).catch(() => null);` },
          ],
        },
      ],
    },
    {
      code: `await cache.set(key, value).catch(noop);`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 39,
          suggestions: [
            { messageId: 'removeHandler', output: `await cache.set(key, value);` },
          ],
        },
      ],
    },
    {
      code: `function getRates() {
  return fetchRates().then((r) => r.json(), () => {});
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            { messageId: 'removeHandler', output: `function getRates() {
  return fetchRates().then((r) => r.json());
}` },
          ],
        },
      ],
    },
    {
      code: `app.get('/users/:id', async (req, res) => {
  try {
    const user = await User.findById(req.params.id);
    res.json(user);
  } catch (err) {
    console.error(err);
  }
});`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            { messageId: 'respondWithError', output: `app.get('/users/:id', async (req, res) => {
  try {
    const user = await User.findById(req.params.id);
    res.json(user);
  } catch (err) {
    console.error(err);
    return res.status(500).json({ message: 'Internal server error' });
  }
});` },
          ],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function syncInventory() {
  try {
    await warehouse.sync();
  } catch (e) {
    logger.error('Inventory sync failed');
  }
}`,
      errors: [
        {
          messageId: 'constantLog',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            { messageId: 'logError', output: `import pino from 'pino';
const logger = pino();
export async function syncInventory() {
  try {
    await warehouse.sync();
  } catch (e) {
    logger.error({ err: e }, 'Inventory sync failed');
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  async findOne(id: string) {
    try {
      return await this.ordersRepository.findOneOrFail({ where: { id } });
    } catch (error) {
      return null;
    }
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 20,
          suggestions: [
        { messageId: 'logError', output: `import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  async findOne(id: string) {
    try {
      return await this.ordersRepository.findOneOrFail({ where: { id } });
    } catch (error) {
      this.logger.error('findOne failed', error instanceof Error ? error.stack : String(error));
      return null;
    }
  }
}` },
      ],
        },
      ],
    },
    {
      code: `import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  try {
    const body = await req.json();
    await createOrder(body);
  } catch {}
  return NextResponse.json({ ok: true });
}`,
      filename: 'app/api/checkout/route.ts',
      errors: [
        {
          messageId: 'emptyHandler',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
          suggestions: [
            { messageId: 'rethrow', output: `import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  try {
    const body = await req.json();
    await createOrder(body);
  } catch (error) {
    throw error;
  }
  return NextResponse.json({ ok: true });
}` },
          ],
        },
      ],
    },
    {
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  try {
    const products = await db.product.findMany();
    return NextResponse.json(products);
  } catch (error) {
    return NextResponse.json([]);
  }
}`,
      filename: 'app/api/products/route.ts',
      errors: [
        {
          messageId: 'maskingReturn',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            { messageId: 'rethrow', output: `import { NextResponse } from 'next/server';
export async function GET() {
  try {
    const products = await db.product.findMany();
    return NextResponse.json(products);
  } catch (error) {
    throw error;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `fastify.post('/refunds', async (request, reply) => {
  try {
    await refundService.refund(request.body.paymentId);
  } catch (err) {
    request.log.info('refund failed');
  }
  return reply.send({ ok: true });
});`,
      errors: [
        {
          messageId: 'constantLog',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            { messageId: 'rethrow', output: `fastify.post('/refunds', async (request, reply) => {
  try {
    await refundService.refund(request.body.paymentId);
  } catch (err) {
    request.log.info('refund failed');
    throw err;
  }
  return reply.send({ ok: true });
});` },
          ],
        },
      ],
    },
    {
      code: `router.post('/pay', async (ctx) => {
  try {
    await charge(ctx.request.body);
  } catch (e) {
    console.log('payment error', e);
  }
  ctx.body = { ok: true };
});`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            { messageId: 'rethrow', output: `router.post('/pay', async (ctx) => {
  try {
    await charge(ctx.request.body);
  } catch (e) {
    console.log('payment error', e);
    throw e;
  }
  ctx.body = { ok: true };
});` },
          ],
        },
      ],
    },
    {
      code: `async function shipAll(orders: Order[]) {
  for (const order of orders) {
    try {
      await shipOrder(order);
    } catch {
      continue;
    }
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 12,
          suggestions: [
            { messageId: 'rewriteByHand', output: `async function shipAll(orders: Order[]) {
  for (const order of orders) {
    try {
      await shipOrder(order);
    } catch {
      continue;
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `export class TransferService {
  async transfer(from: string, to: string, amount: number) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.decrement(Account, { id: from }, 'balance', amount);
      await queryRunner.manager.increment(Account, { id: to }, 'balance', amount);
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
    } finally {
      await queryRunner.release();
    }
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 18,
          suggestions: [
            { messageId: 'rethrow', output: `export class TransferService {
  async transfer(from: string, to: string, amount: number) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      await queryRunner.manager.decrement(Account, { id: from }, 'balance', amount);
      await queryRunner.manager.increment(Account, { id: to }, 'balance', amount);
      await queryRunner.commitTransaction();
    } catch (err) {
      await queryRunner.rollbackTransaction();
      throw err;
    } finally {
      await queryRunner.release();
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `async function loadSecrets() {
  try {
    return await vault.read('secret/app');
  } catch (e) {
    return;
  }
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            { messageId: 'rethrow', output: `async function loadSecrets() {
  try {
    return await vault.read('secret/app');
  } catch (e) {
    throw e;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `await notifyWebhook(event).catch(console.error);`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 47,
          suggestions: [
            { messageId: 'removeHandler', output: `await notifyWebhook(event);` },
          ],
        },
      ],
    },
    {
      code: `publishEvent('order.created', order).catch((e) => console.warn('publish failed', e));`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 84,
          suggestions: [
            { messageId: 'rewriteByHand', output: `publishEvent('order.created', order).catch((e) => console.warn('publish failed', e));` },
          ],
        },
      ],
    },
    {
      code: `let rates: Record<string, number> = {};
try {
  rates = await fetchRates();
} catch (e) {
  rates = {};
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          suggestions: [
            { messageId: 'rethrow', output: `let rates: Record<string, number> = {};
try {
  rates = await fetchRates();
} catch (e) {
  rates = {};
  throw e;
}` },
          ],
        },
      ],
    },
    {
      code: `const balance = await fetchBalance(accountId).catch(() => 0);`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 1,
          column: 53,
          endLine: 1,
          endColumn: 60,
          suggestions: [
            { messageId: 'removeHandler', output: `const balance = await fetchBalance(accountId);` },
          ],
        },
      ],
    },
    {
      code: `async function getBalance(accountId: string): Promise<number> {
  try {
    const account = await Account.findByPk(accountId);
    return account.balance;
  } catch {
    return 0;
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            { messageId: 'rethrow', output: `async function getBalance(accountId: string): Promise<number> {
  try {
    const account = await Account.findByPk(accountId);
    return account.balance;
  } catch (error) {
    throw error;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `@Injectable()
export class StockService {
  private readonly logger = new Logger(StockService.name);
  async reserve(sku: string, qty: number) {
    try {
      await this.stockRepository.decrement({ sku }, 'available', qty);
    } catch (error) {
      this.logger.warn('Stock reservation failed');
    }
  }
}`,
      errors: [
        {
          messageId: 'constantLog',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 20,
          suggestions: [
            { messageId: 'logError', output: `@Injectable()
export class StockService {
  private readonly logger = new Logger(StockService.name);
  async reserve(sku: string, qty: number) {
    try {
      await this.stockRepository.decrement({ sku }, 'available', qty);
    } catch (error) {
      this.logger.error('Stock reservation failed', error instanceof Error ? error.stack : String(error));
    }
  }
}` },
          ],
        },
      ],
    },
    {
      code: `loadPlugins().then(start, noop);`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 31,
          suggestions: [
            { messageId: 'rewriteByHand', output: `loadPlugins().then(start, noop);` },
          ],
        },
      ],
    },
    {
      code: `async function readProfile(id: string) {
  try {
    return await profiles.get(id);
  } catch ({ message }) {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 24,
          suggestions: [
          ],
        },
      ],
    },
    {
      code: `export async function capturePayment(id: string) {
  try {
    await gateway.capture(id);
  } catch {}
}`,
      filename: 'src/services/payments.ts',
      knowledge: LOGGER_CONFIG,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            { messageId: 'rethrow', output: `export async function capturePayment(id: string) {
  try {
    await gateway.capture(id);
  } catch (error) {
    throw error;
  }
}` },
            { messageId: 'logAndRethrow', output: `import { logger } from '../lib/logger';
export async function capturePayment(id: string) {
  try {
    await gateway.capture(id);
  } catch (error) {
    logger.error({ err: error }, 'capturePayment failed');
    throw error;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import { logger } from '../logger';
export async function cancelOrder(id: string) {
  try {
    await orders.cancel(id);
    return true;
  } catch (e) {
    console.error(e);
    return false;
  }
}`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
        { messageId: 'logError', output: `import { logger } from '../logger';
export async function cancelOrder(id: string) {
  try {
    await orders.cancel(id);
    return true;
  } catch (e) {
    logger.error('cancelOrder failed', e);
    return false;
  }
}` },
      ],
        },
      ],
    },
    {
      code: `import { logger } from './logger';
export function warmCache() {
  cache.load().catch(() => {});
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            { messageId: 'logError', output: `import { logger } from './logger';
export function warmCache() {
  cache.load().catch((error) => { logger.error('warmCache failed', error); });
}` },
          ],
        },
      ],
    },
    {
      code: `async function search(q: string) {
  try {
    return await index.search(q);
  } catch (e) {
    return { items: [], total: 0 };
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            { messageId: 'rewriteByHand', output: `async function search(q: string) {
  try {
    return await index.search(q);
  } catch (e) {
    return { items: [], total: 0 };
  }
}` },
          ],
        },
      ],
    },
    {
      code: `const db = require('./db');
module.exports.archive = function archive(id) {
  return db.orders.archive(id).catch(function () {});
};`,
      filename: 'src/legacy/orders.js',
      errors: [
        {
          messageId: 'emptyHandler',
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 52,
          // the promise is archive's answer, and its callers are in other modules: whether they await it is not in sight
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: '`archive` returns this promise and is exported: callers in other modules may not await it, and without the handler its rejection would be unhandled there' }, output: `const db = require('./db');
module.exports.archive = function archive(id) {
  return db.orders.archive(id).catch(function () {});
};` },
          ],
        },
      ],
    },
    {
      code: `async function chargeCard(card: Card, amount: number) {
  try {
    await stripe.paymentIntents.create({ amount, payment_method: card.id, confirm: true });
  } catch (e) {
    return true;
  }
  return true;
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            { messageId: 'rethrow', output: `async function chargeCard(card: Card, amount: number) {
  try {
    await stripe.paymentIntents.create({ amount, payment_method: card.id, confirm: true });
  } catch (e) {
    throw e;
  }
  return true;
}` },
          ],
        },
      ],
    },
    {
      code: `try {
  await orders.sync();
} catch (e) {
  // TODO handle this
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: 'rethrow', output: `try {
  await orders.sync();
} catch (e) {
  // TODO handle this
  throw e;
}` },
          ],
        },
      ],
    },
    {
      code: `try {
  await orders.sync();
} catch (_e) {}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 13,
          suggestions: [
            { messageId: 'rewriteByHand', output: `try {
  await orders.sync();
} catch (_e) {}` },
          ],
        },
      ],
    },
    {
      code: `app.get('/orders', (req, res) => {
  orders.list().then((rows) => res.json(rows)).catch(() => res.json({ items: [] }));
});`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 2,
          column: 54,
          endLine: 2,
          endColumn: 83,
          suggestions: [
            { messageId: 'rewriteByHand', output: `app.get('/orders', (req, res) => {
  orders.list().then((rows) => res.json(rows)).catch(() => res.json({ items: [] }));
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/subscribe', async (req, res) => {
  try {
    await mailchimp.subscribe(req.body.email);
  } catch (err) {}
  res.json({ success: true });
});`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            { messageId: 'respondWithError', output: `app.post('/subscribe', async (req, res) => {
  try {
    await mailchimp.subscribe(req.body.email);
  } catch (err) {
    return res.status(500).json({ message: 'Internal server error' });
  }
  res.json({ success: true });
});` },
          ],
        },
      ],
    },
    {
      code: `export async function getSettings() {
  try {
    return await api.get('/settings');
  } catch {
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 10,
          suggestions: [
            { messageId: 'rewriteByHand', output: `export async function getSettings() {
  try {
    return await api.get('/settings');
  } catch {
    return undefined;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `async function lookup(id: string) {
  const user = await users.findOne(id).catch((err) => {
    return null;
  });
  return user;
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 2,
          column: 46,
          endLine: 4,
          endColumn: 4,
          suggestions: [
            { messageId: 'rewriteByHand', output: `async function lookup(id: string) {
  const user = await users.findOne(id).catch((err) => {
    return null;
  });
  return user;
}` },
          ],
        },
      ],
    },
    // a logging function from the project's logger module, called with the error elsewhere: logError(e), not logError.error(…)
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
  logError(err);
}`,
      errors: [
        {
          messageId: 'consoleOnly',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            { messageId: 'logError', output: `import { logError } from '../lib/logger';

export async function pushStock(items: Item[]) {
  try {
    await warehouse.push(items);
  } catch (e) {
    logError(e);
  }
}

export function onRefundFailed(err: unknown) {
  logError(err);
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
    return false;
  }
}

export function onRefundFailed(e: Error) {
  logError(\`Refund error: \${e.message}\`);
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`pushStock\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `import { logError } from '../utils/logger';

export async function pushStock(items: Item[]) {
  try {
    await warehouse.push(items);
  } catch (e) {
    return false;
  }
}

export function onRefundFailed(e: Error) {
  logError(\`Refund error: \${e.message}\`);
}` },
      ],
        },
      ],
    },
    // the logger object of the module, not the text-only logError beside it
    {
      code: `import { logError, logger } from './logger';

export function warmCache() {
  cache.load().catch(() => {});
}

export function report(e: Error) {
  logError(e.message);
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            { messageId: 'logError', output: `import { logError, logger } from './logger';

export function warmCache() {
  cache.load().catch((error) => { logger.error('warmCache failed', error); });
}

export function report(e: Error) {
  logError(e.message);
}` },
          ],
        },
      ],
    },
    // Express handler: the error goes to `next`, and the success response it masked is dropped
    {
      code: `import { logger } from '../lib/logger';

app.post('/orders', async (req, res, next) => {
  try {
    res.json(await orders.create(req.body));
  } catch (err) {
    res.end();
  }
});`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            { messageId: 'passToNext', output: `import { logger } from '../lib/logger';

app.post('/orders', async (req, res, next) => {
  try {
    res.json(await orders.create(req.body));
  } catch (err) {
    return next(err);
  }
});` },
            { messageId: 'logAndPassToNext', output: `import { logger } from '../lib/logger';

app.post('/orders', async (req, res, next) => {
  try {
    res.json(await orders.create(req.body));
  } catch (err) {
    logger.error('Unexpected error', err);
    return next(err);
  }
});` },
          ],
        },
      ],
    },
    // the promise is not consumed anywhere else: its failure is lost
    {
      code: `export function warm() {
  const loading = cache.load();
  loading.catch(() => {});
  return 'started';
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            { messageId: 'rewriteByHand', output: `export function warm() {
  const loading = cache.load();
  loading.catch(() => {});
  return 'started';
}` },
          ],
        },
      ],
    },
    // the reset local is used without a check
    {
      code: `export async function loadTenant(id: string) {
  let tenant: Tenant | null;
  try {
    tenant = await tenants.get(id);
  } catch (e) {
    tenant = null;
  }
  return render(tenant);
}`,
      errors: [
        {
          messageId: 'discarded',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            { messageId: 'rethrow', output: `export async function loadTenant(id: string) {
  let tenant: Tenant | null;
  try {
    tenant = await tenants.get(id);
  } catch (e) {
    tenant = null;
    throw e;
  }
  return render(tenant);
}` },
          ],
        },
      ],
    },
    // a comment above that does not say the failure is ignored
    {
      code: `export async function refundAll(orders: Order[]) {
  // refunds go out in one batch
  const batch = buildBatch(orders);
  await gateway.refund(batch).catch(() => null);
  return batch.id;
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            { messageId: 'removeHandler', output: `export async function refundAll(orders: Order[]) {
  // refunds go out in one batch
  const batch = buildBatch(orders);
  await gateway.refund(batch);
  return batch.id;
}` },
          ],
        },
      ],
    },
    // verification next to a charge: the false hides a payment failure
    {
      code: `export async function chargeWithToken(token: string, amount: number) {
  try {
    const user = await verifyToken(token);
    await payments.charge(user.id, amount);
    return true;
  } catch {
    return false;
  }
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`chargeWithToken\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export async function chargeWithToken(token: string, amount: number) {
  try {
    const user = await verifyToken(token);
    await payments.charge(user.id, amount);
    return true;
  } catch {
    return false;
  }
}` },
      ],
        },
      ],
    },
    {
      code: `export async function syncAll(items: Item[]) {
  if (items.length > 100) {
    await warehouse.push(items).catch(() => undefined);
  }
  return items.length;
}`,
      errors: [
        {
          messageId: 'maskingReturn',
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            { messageId: 'removeHandler', output: `export async function syncAll(items: Item[]) {
  if (items.length > 100) {
    await warehouse.push(items);
  }
  return items.length;
}` },
          ],
        },
      ],
    },
    // issue 16: a best-effort sign-out must not stop the session from being cleared
    {
      code: `import { logger } from './logger';
export async function signOut(session: Session) {
  await identity.logout(session.token).catch(() => {});
  session.clear();
}`,
      errors: [{ messageId: 'emptyHandler', line: 3, column: 46, suggestions: [
            { messageId: 'logError', output: `import { logger } from './logger';
export async function signOut(session: Session) {
  await identity.logout(session.token).catch((error) => { logger.error('signOut failed', error); });
  session.clear();
}` },
          ] }],
    },
    {
      code: `export async function signOut(session: Session) {
  await identity.logout(session.token).catch(() => {});
  session.clear();
}`,
      errors: [{ messageId: 'emptyHandler', line: 2, column: 46, suggestions: [
            { messageId: 'rewriteByHand', output: `export async function signOut(session: Session) {
  await identity.logout(session.token).catch(() => {});
  session.clear();
}` },
          ] }],
    },
    // issue 16: a cache read that falls back to the source keeps its fallback
    {
      code: `import { logger } from './logger';
export async function readProfile(id: string) {
  try {
    const hit = await redis.get('profile:' + id);
    if (hit) return JSON.parse(hit);
  } catch (error) {}
  return profiles.load(id);
}`,
      errors: [{ messageId: 'emptyHandler', line: 6, column: 5, suggestions: [
            { messageId: 'logError', output: `import { logger } from './logger';
export async function readProfile(id: string) {
  try {
    const hit = await redis.get('profile:' + id);
    if (hit) return JSON.parse(hit);
  } catch (error) {
    logger.error('readProfile failed', error);
  }
  return profiles.load(id);
}` },
          ] }],
    },
    // issue 16: an Express 4 async handler without next answers the error instead of throwing it
    {
      code: `import { logger } from './logger';
router.post('/invoices', async (req, res) => {
  try {
    await invoices.create(req.body);
    res.status(201).end();
  } catch (e) {
    logger.info('invoice not created');
  }
});`,
      errors: [{ messageId: 'constantLog', line: 6, column: 5, suggestions: [
            { messageId: 'logAndRespond', output: `import { logger } from './logger';
router.post('/invoices', async (req, res) => {
  try {
    await invoices.create(req.body);
    res.status(201).end();
  } catch (e) {
    logger.error('invoice not created', e);
    return res.status(500).json({ message: 'Internal server error' });
  }
});` },
          ] }],
    },
    // issue 16: one failing job must not stop the others, nor escape a fire-and-forget tick
    {
      code: `async function runDueJobs(jobs: Job[]) {
  for (const job of jobs) {
    try {
      await job.run();
    } catch (error) {
      console.warn('job failed', error);
    }
  }
}
function tick() {
  void runDueJobs(queue.due()).finally(schedule);
}`,
      errors: [{ messageId: 'consoleOnly', line: 5, column: 7, suggestions: [
            { messageId: 'rewriteByHand', output: `async function runDueJobs(jobs: Job[]) {
  for (const job of jobs) {
    try {
      await job.run();
    } catch (error) {
      console.warn('job failed', error);
    }
  }
}
function tick() {
  void runDueJobs(queue.due()).finally(schedule);
}` },
          ] }],
    },
    // issue 16: a middleware that reads optional audit data goes on without it
    {
      code: `export function auditContext(req: Request, res: Response, next: NextFunction) {
  try {
    req.audit = decodeAudit(req.headers['x-audit']);
  } catch (e) {
    console.debug(e);
  }
  next();
}`,
      errors: [{ messageId: 'consoleOnly', line: 4, column: 5, suggestions: [
            { messageId: 'rewriteByHand', output: `export function auditContext(req: Request, res: Response, next: NextFunction) {
  try {
    req.audit = decodeAudit(req.headers['x-audit']);
  } catch (e) {
    console.debug(e);
  }
  next();
}` },
          ] }],
    },
    // issue 16: a metrics gauge's collect callback is run by the metrics library
    {
      code: `new Gauge({
  name: 'queue_depth',
  help: 'jobs waiting',
  async collect() {
    try {
      this.set(await queue.count());
    } catch {
      return;
    }
  },
});`,
      errors: [{ messageId: 'discarded', line: 7, column: 7, suggestions: [
            { messageId: 'rewriteByHand', output: `new Gauge({
  name: 'queue_depth',
  help: 'jobs waiting',
  async collect() {
    try {
      this.set(await queue.count());
    } catch {
      return;
    }
  },
});` },
          ] }],
    },
    // issue 16, seen on a real backend: the catch hands back the function's own input when decoding fails
    {
      code: `export async function decodeResponse(response: string | null) {
  if (!response) return response;
  try {
    return (await brotliDecompress(Buffer.from(response, 'base64'))).toString('utf8');
  } catch (error) {
    return response;
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 5, column: 5, suggestions: [
                                                                   { messageId: 'rewriteByHand', output: `export async function decodeResponse(response: string | null) {
  if (!response) return response;
  try {
    return (await brotliDecompress(Buffer.from(response, 'base64'))).toString('utf8');
  } catch (error) {
    return response;
  }
}` },
                                                                 ] }],
    },
    // the doc comment promises the fallback ("false otherwise"): callers rely on it
    {
      code: `/**
 * Whether a command is installed.
 * @returns {Promise<boolean>} true if the command exists, false otherwise
 */
export async function commandExists(command: string) {
  try {
    await lookup(command);
    return true;
  } catch (e) {
    return false;
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 9, column: 5, suggestions: [
                                                                   { messageId: 'rewriteByHand', output: `/**
 * Whether a command is installed.
 * @returns {Promise<boolean>} true if the command exists, false otherwise
 */
export async function commandExists(command: string) {
  try {
    await lookup(command);
    return true;
  } catch (e) {
    return false;
  }
}` },
                                                                 ] }],
    },
    // issue 16, seen on a real backend: a throw in an async Promise executor rejects only the executor's own
    // promise, which nobody awaits: an unhandled rejection, and the outer promise never settles
    {
      code: `export async function drain(server: Server): Promise<void> {
  await new Promise<void>(async (resolve) => {
    try {
      server.onIdle(() => resolve());
      await server.closeConnections();
    } catch (err) {}
  });
}`,
      errors: [{ messageId: 'emptyHandler', line: 6, column: 7, suggestions: [
                                                                  { messageId: 'rewriteByHand', output: `export async function drain(server: Server): Promise<void> {
  await new Promise<void>(async (resolve) => {
    try {
      server.onIdle(() => resolve());
      await server.closeConnections();
    } catch (err) {}
  });
}` },
                                                                ] }],
    },
    // issue 16, seen on a real backend: the catch returns the value as it was before the try (the document
    // without generated ids) when enriching it fails; a rethrow would fail every conversion
    {
      code: `export function markdownToDoc(markdown: string) {
  const doc = parseMarkdown(markdown);
  try {
    return addHeadingIds(doc);
  } catch (error) {
    console.warn('could not add heading ids', error);
    return doc;
  }
}`,
      errors: [{ messageId: 'consoleOnly', line: 5, column: 5, suggestions: [
                                                                 { messageId: 'rewriteByHand', output: `export function markdownToDoc(markdown: string) {
  const doc = parseMarkdown(markdown);
  try {
    return addHeadingIds(doc);
  } catch (error) {
    console.warn('could not add heading ids', error);
    return doc;
  }
}` },
                                                               ] }],
    },
    // issue 15: a comment that is only a link states no reason
    {
      code: `export async function publishRelease(id: string) {
  try {
    await registry.publish(id);
  } catch (err) {
    // https://example.com/registry/issues/41
  }
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'rewriteByHand',
              data: { reason: 'the empty catch block carries a comment, so ignoring the failure looks deliberate' },
              output: `export async function publishRelease(id: string) {
  try {
    await registry.publish(id);
  } catch (err) {
    // https://example.com/registry/issues/41
  }
}`,
            },
          ],
        },
      ],
    },
    // issue 15: the caught error returned from a function that returns nothing on success, its callers only await it
    {
      code: `async function archiveProject(id: string) {
  try {
    await projects.update(id, { archived: true });
    await members.removeAll(id);
  } catch (error) {
    return error as Error;
  }
}
export async function closeAccount(ids: string[]) {
  for (const id of ids) await archiveProject(id);
}`,
      errors: [
        {
          messageId: 'returnedError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          data: { name: 'archiveProject' },
          suggestions: [
            {
              messageId: 'throwInstead',
              output: `async function archiveProject(id: string) {
  try {
    await projects.update(id, { archived: true });
    await members.removeAll(id);
  } catch (error) {
    throw error as Error;
  }
}
export async function closeAccount(ids: string[]) {
  for (const id of ids) await archiveProject(id);
}`,
            },
          ],
        },
      ],
    },
    // a returned error whose caller does not await: a throw there would be an unhandled rejection, so no rewrite
    {
      code: `async function flushQueue(queue: Queue) {
  try {
    await queue.drain();
  } catch (err) {
    return err;
  }
}
setInterval(() => {
  flushQueue(mainQueue);
}, 1000);`,
      errors: [
        {
          messageId: 'returnedError',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
          data: { name: 'flushQueue' },
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`flushQueue` is called without being awaited (line 9), so a throw there would become an unhandled rejection' }, output: `async function flushQueue(queue: Queue) {
  try {
    await queue.drain();
  } catch (err) {
    return err;
  }
}
setInterval(() => {
  flushQueue(mainQueue);
}, 1000);` }],
        },
      ],
    },
    // issue 15: exported, so callers elsewhere may read the value: no rewrite offered
    {
      code: `export class WebhookService {
  async deliver(hook: Hook) {
    try {
      await http.post(hook.url, hook.payload);
    } catch (e) {
      return e;
    }
  }
}`,
      errors: [
        {
          messageId: 'returnedError',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 16,
          data: { name: 'deliver' },
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`deliver` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them' }, output: `export class WebhookService {
  async deliver(hook: Hook) {
    try {
      await http.post(hook.url, hook.payload);
    } catch (e) {
      return e;
    }
  }
}` }],
        },
      ],
    },
    // issue 15: a comment that only says the loop goes on gives no reason to lose the failure
    {
      code: `export async function collectPages(token: string, kinds: string[]) {
  const pages: Page[] = [];
  for (const kind of kinds) {
    try {
      pages.push(...(await directory.pagesOf(kind, token)));
    } catch (e) {
      // Continue with other kinds if one fails
    }
  }
  return pages;
}`,
      errors: [
        {
          messageId: 'emptyHandler',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'rewriteByHand',
              data: { reason: 'the code after the try statement runs on failure too (a fallback, the next item, clean-up), and a rethrow would skip it' },
              output: `export async function collectPages(token: string, kinds: string[]) {
  const pages: Page[] = [];
  for (const kind of kinds) {
    try {
      pages.push(...(await directory.pagesOf(kind, token)));
    } catch (e) {
      // Continue with other kinds if one fails
    }
  }
  return pages;
}`,
            },
          ],
        },
      ],
    },
    // issue 16 (suggestion set 3, reviewer): a rethrow changes what every caller of the function gets. Offered only
    // where each caller in sight handles a throw; otherwise the message says which caller would break.
    // the caller does not await the function: a throw there becomes an unhandled rejection
    {
      code: `async function bumpCounter(key: string) {
  try {
    return await counters.increment(key);
  } catch (err) {
    return null;
  }
}
export async function createInvoice(input: InvoiceInput) {
  const invoice = await invoices.insert(input);
  bumpCounter('invoice');
  return invoice;
}`,
      errors: [{ messageId: 'maskingReturn', line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`bumpCounter\` is called without being awaited (line 10), so a throw there would become an unhandled rejection` }, output: `async function bumpCounter(key: string) {
  try {
    return await counters.increment(key);
  } catch (err) {
    return null;
  }
}
export async function createInvoice(input: InvoiceInput) {
  const invoice = await invoices.insert(input);
  bumpCounter('invoice');
  return invoice;
}` },
      ] }],
    },
    // the same in a CommonJS module that exports it: callers in other files may not await it either
    {
      code: `const mongoose = require('mongoose');
const Setting = mongoose.model('Setting');
const bumpSetting = async ({ key }) => {
  try {
    return await Setting.findOneAndUpdate({ key }, { $inc: { value: 1 } }, { new: true }).exec();
  } catch (err) {
    return null;
  }
};
module.exports = bumpSetting;`,
      filename: 'src/settings/bumpSetting.js',
      errors: [{ messageId: 'maskingReturn', line: 6, column: 5, endLine: 6, endColumn: 16, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`bumpSetting\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `const mongoose = require('mongoose');
const Setting = mongoose.model('Setting');
const bumpSetting = async ({ key }) => {
  try {
    return await Setting.findOneAndUpdate({ key }, { $inc: { value: 1 } }, { new: true }).exec();
  } catch (err) {
    return null;
  }
};
module.exports = bumpSetting;` },
      ] }],
    },
    // declared to return null: the return type promises it, callers test for it
    {
      code: `class Session {
  async currentUserId(token: string): Promise<string | null> {
    try {
      const session = await this.sessions.exchange(token);
      return session.userId;
    } catch (error) {
      return null;
    }
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`currentUserId\` promises that answer: its declared return type \`Promise<string | null>\` includes null, and callers handle it rather than a throw` }, output: `class Session {
  async currentUserId(token: string): Promise<string | null> {
    try {
      const session = await this.sessions.exchange(token);
      return session.userId;
    } catch (error) {
      return null;
    }
  }
}` },
      ] }],
    },
    // documented to return null in its doc comment
    {
      code: `/**
 * The team's plan.
 * @returns the plan, or null when it cannot be loaded
 */
async function teamPlan(teamId: string) {
  try {
    return await plans.forTeam(teamId);
  } catch (err) {
    return null;
  }
}
export async function limits(teamId: string) {
  try {
    return (await teamPlan(teamId))?.limits;
  } catch (e) {
    throw new LimitsError(teamId, e);
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 8, column: 5, endLine: 8, endColumn: 16, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`teamPlan\` promises that answer: its doc comment says it returns null or nothing, and callers handle it rather than a throw` }, output: `/**
 * The team's plan.
 * @returns the plan, or null when it cannot be loaded
 */
async function teamPlan(teamId: string) {
  try {
    return await plans.forTeam(teamId);
  } catch (err) {
    return null;
  }
}
export async function limits(teamId: string) {
  try {
    return (await teamPlan(teamId))?.limits;
  } catch (e) {
    throw new LimitsError(teamId, e);
  }
}` },
      ] }],
    },
    // a lookup by its name: its callers test for the missing answer
    {
      code: `async function findInvite(code: string) {
  try {
    return await invites.redeemable(code);
  } catch (err) {
    return undefined;
  }
}
export async function accept(code: string) {
  const invite = await findInvite(code);
  if (!invite) throw new NotFoundError('invite');
  return invite.accept();
}`,
      errors: [{ messageId: 'maskingReturn', line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`findInvite\` is named as a lookup whose callers test for a missing answer, which a throw would bypass` }, output: `async function findInvite(code: string) {
  try {
    return await invites.redeemable(code);
  } catch (err) {
    return undefined;
  }
}
export async function accept(code: string) {
  const invite = await findInvite(code);
  if (!invite) throw new NotFoundError('invite');
  return invite.accept();
}` },
      ] }],
    },
    // a deliberate fallback: the caller uses the default answer (no quota known = no limit) as its own answer
    {
      code: `async function storageQuota(userId: string) {
  try {
    return await billing.quota(userId);
  } catch (err) {
    return { bytes: Infinity };
  }
}
export async function canUpload(userId: string, size: number) {
  const quota = await storageQuota(userId);
  return size <= quota.bytes;
}`,
      errors: [{ messageId: 'maskingReturn', line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `the caller on line 9 uses the value \`storageQuota\` returns on failure as its answer, and is not ready for a throw` }, output: `async function storageQuota(userId: string) {
  try {
    return await billing.quota(userId);
  } catch (err) {
    return { bytes: Infinity };
  }
}
export async function canUpload(userId: string, size: number) {
  const quota = await storageQuota(userId);
  return size <= quota.bytes;
}` },
      ] }],
    },
    // a deliberate fallback tested by its caller, written as a predicate-like helper
    {
      code: `async function tableExists(name: string) {
  try {
    const result = await db.execute(sql\`select to_regclass(\${name}) is not null as exists\`);
    return result.rows[0]?.exists === true;
  } catch {
    return false;
  }
}
export async function migrateLinks() {
  if (!(await tableExists('links'))) return;
  await db.execute(sql\`update links set kind = 'issue'\`);
}`,
      errors: [{ messageId: 'maskingReturn', line: 5, column: 5, endLine: 5, endColumn: 10, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `the caller on line 10 uses the value \`tableExists\` returns on failure as its answer, and is not ready for a throw` }, output: `async function tableExists(name: string) {
  try {
    const result = await db.execute(sql\`select to_regclass(\${name}) is not null as exists\`);
    return result.rows[0]?.exists === true;
  } catch {
    return false;
  }
}
export async function migrateLinks() {
  if (!(await tableExists('links'))) return;
  await db.execute(sql\`update links set kind = 'issue'\`);
}` },
      ] }],
    },
    // every caller awaits it inside a try that handles the failure: the rethrow keeps what they rely on
    {
      code: `async function loadTheme(siteId: string) {
  try {
    return await themes.compile(siteId);
  } catch (err) {
    return null;
  }
}
export async function renderSite(siteId: string) {
  try {
    const theme = await loadTheme(siteId);
    return render(theme);
  } catch (e) {
    throw new RenderError(siteId, { cause: e });
  }
}`,
      errors: [{ messageId: 'maskingReturn', line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
        { messageId: 'rethrow', output: `async function loadTheme(siteId: string) {
  try {
    return await themes.compile(siteId);
  } catch (err) {
    throw err;
  }
}
export async function renderSite(siteId: string) {
  try {
    const theme = await loadTheme(siteId);
    return render(theme);
  } catch (e) {
    throw new RenderError(siteId, { cause: e });
  }
}` },
      ] }],
    },
    // a returned rejection handler of an exported function: removing it changes what callers get
    {
      code: `export function activePlans(teamId: string) {
  return billing.plans(teamId).catch(() => []);
}`,
      errors: [{ messageId: 'maskingReturn', line: 2, column: 38, endLine: 2, endColumn: 46, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`activePlans\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export function activePlans(teamId: string) {
  return billing.plans(teamId).catch(() => []);
}` },
      ] }],
    },
  ],
};
