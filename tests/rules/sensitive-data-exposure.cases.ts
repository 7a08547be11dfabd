import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    `app.post('/login', async (req, res) => {
  console.log('Invalid password');
  res.status(401).json({ error: 'Invalid password' });
});`,
    `function audit(password: string) {
  logger.info({ passwordLength: password.length });
}`,
    `function audit(password?: string) {
  logger.info({ hasPassword: !!password, kind: typeof password });
}`,
    `function charge(cardNumber: string) {
  logger.info({ card: mask(cardNumber) }, 'charging');
}`,
    `function login(token: string) {
  logger.info({ token: hash(token) });
  logger.debug(\`token \${redact(token)}\`);
}`,
    `function charge(card: Card) {
  logger.info({ last4: card.last4, brand: card.brand });
}`,
    // pino redacts these paths
    `import pino from 'pino';
const logger = pino({ redact: ['password', 'user.token'] });
export function login(password: string, user: { token: string }) {
  logger.info({ password, user: { token: user.token } }, 'login');
}`,
    // the wildcard path covers user.password
    `import pino from 'pino';
const logger = pino({ redact: { paths: ['*.password'], censor: '***' } });
export function signup(password: string) {
  logger.info({ user: { password } });
}`,
    `function page(nextPageToken: string, tokenType: string) {
  logger.info({ nextPageToken, tokenType });
}`,
    `function store(passwordHash: string, isSecret: boolean, secretName: string) {
  logger.info({ passwordHash, isSecret, secretName });
}`,
    // a successful login answers tokens on purpose; only error responses are checked
    `app.post('/login', async (req, res) => {
  const { accessToken, refreshToken } = await auth.login(req.body);
  res.json({ accessToken, refreshToken });
});`,
    {
      code: `test('login', () => {
  console.log(password, token);
});`,
      filename: "src/auth.test.ts",
    },
    // a CLI prints generated credentials to its user
    {
      code: `const password = generatePassword();
console.log(\`Admin password: \${password}\`);`,
      filename: "scripts/create-admin.ts",
    },
    `const pwd = process.cwd();
console.log(pwd);`,
    `app.post('/orders', async (req, res) => {
  logger.info({ body: req.body }, 'new order');
  res.json(await orders.create(req.body.items));
});`,
    `function login(token: string) {
  logger.info(\`token \${token.slice(0, 6)}…\`);
}`,
    `function verify(token: string) {
  if (!token) throw new Error('Invalid token');
}`,
    `async function revoke(keys: Key[]) {
  const apiKeys = keys.map((k) => k.id);
  throw new Error(\`Cannot delete api keys: \${apiKeys.join(', ')}\`);
}`,
    // the project logger redacts password (configured in another module)
    {
      code: `function login(password: string) {
  logger.info({ password });
}`,
      knowledge: {"sensitive":{"redactPaths":["password"]}},
    },
    `function session(cookieOptions: object, cookieName: string) {
  logger.info({ cookieOptions, cookieName });
}`,
    {
      code: `function verify(token: string) {
  throw new Error(\`Invalid token \${token}\`);
}`,
      options: {"checkErrorMessages":false},
    },
    `function parse(tokenizer: Tokenizer, panel: Panel) {
  console.log(tokenizer.next(), panel.id);
}`,
    `function connect(password: string) {
  logger.info({ password: '***' });
}`,
    `function login(user: User) {
  logger.info({ userId: user.id, email: user.email });
}`,
    `app.post('/login', async (req, res) => {
  try {
    await auth.login(req.body.password);
  } catch (err) {
    logger.error({ err }, 'login failed');
    res.status(401).json({ error: 'Invalid credentials' });
  }
});`,
    `function rotate(secret: string) {
  const secretLength = secret.length;
  logger.info({ secretLength });
}`,
    // a count of tokens is a number, not a token
    `export async function removeUser(id: string) {
  const activeTokens = await prisma.restrictedToken.count({ where: { userId: id } });
  if (activeTokens) throw new Error(\`This user has \${activeTokens} active tokens.\`);
}`,
    // a development-only log never reaches production logs
    `export async function sendReset(token: string) {
  if (process.env.NODE_ENV === 'development') {
    console.info('Password reset URL:', \`/reset-password/\${token}\`);
  }
}`,
    // a value that matched nothing is no secret: not-found errors name the key that was looked up
    `export async function findChannel(channelToken: string) {
  const channel = channels.find((c) => c.token === channelToken);
  if (!channel) throw new ChannelNotFoundError(channelToken);
  return channel;
}`,
    `export async function consume(token: string) {
  const row = await db.oneTimeTokens.find(token);
  if (!row) throw new RequestError({ code: 'token_not_found', token, status: 404 });
}`,
    // a lookup keyed by the value found nothing: whatever the error is called, the key opens nothing
    `export class UploadService {
  async accept(signature: string) {
    const pending = await this.cache.get(\`upload:\${signature}:meta\`);
    if (!pending) {
      throw new BadRequestException(\`Invalid signature: \${signature}\`);
    }
    return pending;
  }
}`,
    `export async function redeem(inviteToken: string, res: Response) {
  const invite = await invites.findUnique({ where: { token: inviteToken } });
  if (!invite) return res.status(400).json({ error: \`Unknown invite \${inviteToken}\` });
  return res.json(invite);
}`,
    // a lifetime named after the token, not the token
    `export function schedule(this: { expireInToken: number }) {
  logger.warn(\`refresh in \${this.expireInToken}ms\`);
}`,
    // the body of a failed token exchange is an error object, not a token
    `export async function refresh(refreshToken: string) {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ refresh_token: refreshToken }), signal: AbortSignal.timeout(5000) });
  const newToken = await response.json();
  if (!response.ok) {
    console.error('refresh failed', newToken);
    throw new Error('Token refresh failed');
  }
  return newToken;
}`,
    // an error code named after the value, not the value
    `import { WRONG_CREDENTIAL } from './messages';
export async function login(email: string, password: string) {
  if (!(await users.verify(email, password))) throw new AuthError(WRONG_CREDENTIAL);
}`,
    // fixtures and examples are not the application
    { code: `export function idp(refreshToken) { console.log('refresh', refreshToken); }`, filename: 'packages/runtime/fixtures/interceptors/idp.js' },
    // the object is logged but nothing sensitive is read from it here
    `export async function loadUser(id: string) {
  const user = await db.user.findUnique({ where: { id } });
  logger.info({ user }, 'loaded user');
  return user;
}`,
    // LLM usage counts: tokens of text, not credentials
    `export async function summarize(text: string) {
  const completion = await llm.complete(text);
  const totalTokens = completion.usage.prompt + completion.usage.output;
  logger.info({ totalTokens, inputTokens: completion.usage.prompt }, 'summary done');
}`,
    // a declared number is a count whatever its name
    `export function record(modelId: string, tokens: number) {
  logger.info(\`model \${modelId} used \${tokens}\`);
}`,
    // a parser's pieces of text
    `export function parseSchedule(expression: string) {
  const tokens = expression.trim().split(/\s+/);
  for (const token of tokens) {
    if (!/^[\d*,\/-]+$/.test(token)) throw new ScheduleError(\`bad field \${token}\`);
  }
  logger.debug({ pathTokens: tokens }, 'parsed');
}`,
    // a webhook subscription echoes its validation token back by design
    `export function subscriptionCallback(req: Request, res: Response) {
  const validationToken = req.query.validationToken;
  logger.info({ validationToken }, 'subscription validation');
  res.status(200).type('text/plain').send(validationToken);
}`,
    // the caller sent this token: answering it back tells nobody anything new
    `app.post('/invites/accept', async (req, res) => {
  const invite = await invites.byToken(req.body.token);
  if (!invite) return res.status(404).json({ error: 'unknown invite', token: req.body.token });
  res.json(invite);
});`,
    `app.get('/reset', async (req, res) => {
  const { token } = req.query;
  if (!(await resets.valid(token))) return res.status(400).json({ error: 'expired link', token });
  res.json({ ok: true });
});`,
    // the caller sent these values: answering them back tells nobody anything new
    `app.post('/refresh', async (req, res) => {
  const token = req.body.refreshToken;
  res.status(401).json({ error: 'Refresh failed', token });
});`,
    `router.post('/verify', async (ctx) => {
  const { token } = ctx.request.body;
  if (!valid(token)) ctx.throw(401, \`bad token \${token}\`);
});`,
  ],
  invalid: [
    // a token the server made, sent to a caller who did not send it
    {
      code: `app.post('/invites', async (req, res) => {
  const token = await invites.create(req.body.email);
  if (!mailer.ready) return res.status(503).json({ error: 'mailer down', token });
  res.status(201).end();
});`,
      errors: [{ messageId: 'responseValue', data: { name: 'token' }, line: 3, column: 74, endLine: 3, endColumn: 79, suggestions: [{ messageId: 'redactValue', output: `app.post('/invites', async (req, res) => {
  const token = await invites.create(req.body.email);
  if (!mailer.ready) return res.status(503).json({ error: 'mailer down', token: '[REDACTED]' });
  res.status(201).end();
});` }] }],
    },
    // a model's API key is still a credential beside its usage counts
    {
      code: `export function reportUsage(apiKey: string, totalTokens: number) {
  logger.info({ apiKey, totalTokens }, 'usage');
}`,
      errors: [{ messageId: 'loggedValue', data: { name: 'apiKey' }, line: 2, column: 17, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'redactValue', output: `export function reportUsage(apiKey: string, totalTokens: number) {
  logger.info({ apiKey: '[REDACTED]', totalTokens }, 'usage');
}` }] }],
    },
    {
      code: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email, password }, 'login attempt');
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 24, endLine: 3, endColumn: 32,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info({ email, password: '[REDACTED]' }, 'login attempt');
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  console.log(\`login \${email} with \${password}\`);
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 38, endLine: 3, endColumn: 46,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  console.log(\`login \${email} with [REDACTED]\`);
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/login', async (req, res) => {
  logger.info('login request', req.body);
  const user = await users.verify(req.body.email, req.body.password);
  res.json(user);
});`,
      errors: [
        {
          messageId: 'loggedRequest', line: 2, column: 32, endLine: 2, endColumn: 40,
        },
      ],
    },
    {
      code: `app.get('/me', async (req, res) => {
  logger.debug({ headers: req.headers }, 'incoming');
  const user = await auth.verify(req.headers.authorization);
  res.json(user);
});`,
      errors: [
        {
          messageId: 'loggedRequest', line: 2, column: 27, endLine: 2, endColumn: 38,
        },
      ],
    },
    {
      code: `function verify(token: string) {
  if (!jwt.verify(token, key)) throw new Error(\`Invalid token \${token}\`);
}`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 2, column: 65, endLine: 2, endColumn: 70,
          suggestions: [
            { messageId: 'redactValue', output: `function verify(token: string) {
  if (!jwt.verify(token, key)) throw new Error(\`Invalid token [REDACTED]\`);
}` },
          ],
        },
      ],
    },
    // the lookup that failed was not keyed by the value: the token is still a live credential
    {
      code: `export async function upload(userId: string, uploadToken: string) {
  const quota = await quotas.get(userId);
  if (!quota) throw new BadRequestException(\`No quota for \${uploadToken}\`);
}`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 3, column: 61, endLine: 3, endColumn: 72,
          suggestions: [
            { messageId: 'redactValue', output: `export async function upload(userId: string, uploadToken: string) {
  const quota = await quotas.get(userId);
  if (!quota) throw new BadRequestException(\`No quota for [REDACTED]\`);
}` },
          ],
        },
      ],
    },
    // a log is kept for months: a token that matched nothing is still written where everyone reads it
    {
      code: `export async function accept(uploadToken: string) {
  const pending = await cache.get(uploadToken);
  if (!pending) logger.warn(\`no upload for \${uploadToken}\`);
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 46, endLine: 3, endColumn: 57,
          suggestions: [
            { messageId: 'redactValue', output: `export async function accept(uploadToken: string) {
  const pending = await cache.get(uploadToken);
  if (!pending) logger.warn(\`no upload for [REDACTED]\`);
}` },
          ],
        },
      ],
    },
    // card data: critical risk
    {
      code: `app.post('/pay', async (req, res) => {
  logger.info({ cardNumber: req.body.cardNumber, amount: req.body.amount }, 'charging');
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 29, endLine: 2, endColumn: 48,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/pay', async (req, res) => {
  logger.info({ cardNumber: '[REDACTED]', amount: req.body.amount }, 'charging');
});` },
          ],
        },
      ],
    },
    {
      code: `app.post('/pay', async (req, res) => {
  const { cvv } = req.body;
  console.log('cvv', cvv);
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 22, endLine: 3, endColumn: 25,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/pay', async (req, res) => {
  const { cvv } = req.body;
  console.log('cvv', '[REDACTED]');
});` },
          ],
        },
      ],
    },
    {
      code: `console.log('stripe key', process.env.STRIPE_SECRET_KEY);`,
      errors: [
        {
          messageId: 'loggedValue', line: 1, column: 27, endLine: 1, endColumn: 56,
          suggestions: [
            { messageId: 'redactValue', output: `console.log('stripe key', '[REDACTED]');` },
          ],
        },
      ],
    },
    {
      code: `app.get('/me', (req, res) => {
  const auth = req.headers.authorization;
  logger.info('auth header', auth);
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 30, endLine: 3, endColumn: 34,
          suggestions: [
            { messageId: 'redactValue', output: `app.get('/me', (req, res) => {
  const auth = req.headers.authorization;
  logger.info('auth header', '[REDACTED]');
});` },
          ],
        },
      ],
    },
    {
      code: `function connect(body: { pw: string }) {
  logger.info({ password: body.pw });
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 27, endLine: 2, endColumn: 34,
          suggestions: [
            { messageId: 'redactValue', output: `function connect(body: { pw: string }) {
  logger.info({ password: '[REDACTED]' });
}` },
          ],
        },
      ],
    },
    {
      code: `function signup(password: string) {
  logger.info({ user: { password } });
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 25, endLine: 2, endColumn: 33,
          suggestions: [
            { messageId: 'redactValue', output: `function signup(password: string) {
  logger.info({ user: { password: '[REDACTED]' } });
}` },
          ],
        },
      ],
    },
    {
      code: `fastify.post('/keys', async (request, reply) => {
  const { apiKey } = request.body as { apiKey: string };
  request.log.info({ apiKey }, 'registering key');
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 3, column: 22, endLine: 3, endColumn: 28,
          suggestions: [
            { messageId: 'redactValue', output: `fastify.post('/keys', async (request, reply) => {
  const { apiKey } = request.body as { apiKey: string };
  request.log.info({ apiKey: '[REDACTED]' }, 'registering key');
});` },
          ],
        },
      ],
    },
    {
      code: `@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  async login(dto: LoginDto) {
    this.logger.log(\`Login \${dto.email} / \${dto.password}\`);
  }
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 5, column: 45, endLine: 5, endColumn: 57,
          suggestions: [
            { messageId: 'redactValue', output: `@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  async login(dto: LoginDto) {
    this.logger.log(\`Login \${dto.email} / [REDACTED]\`);
  }
}` },
          ],
        },
      ],
    },
    {
      code: `app.post('/webhook', async (c) => {
  const secret = c.req.header('x-webhook-secret');
  if (!ok) return c.json({ error: 'Invalid signature', secret }, 401);
});`,
      errors: [
        {
          messageId: 'responseValue', line: 3, column: 56, endLine: 3, endColumn: 62,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/webhook', async (c) => {
  const secret = c.req.header('x-webhook-secret');
  if (!ok) return c.json({ error: 'Invalid signature', secret: '[REDACTED]' }, 401);
});` },
          ],
        },
      ],
    },
    {
      code: `export async function POST(request: Request) {
  const apiKey = request.headers.get('x-api-key');
  if (!apiKey) return NextResponse.json({ error: 'Missing key' }, { status: 401 });
  return NextResponse.json({ error: 'Unknown key', apiKey }, { status: 401 });
}`,
      filename: "app/api/keys/route.ts",
      errors: [
        {
          messageId: 'responseValue', line: 4, column: 52, endLine: 4, endColumn: 58,
          suggestions: [
            { messageId: 'redactValue', output: `export async function POST(request: Request) {
  const apiKey = request.headers.get('x-api-key');
  if (!apiKey) return NextResponse.json({ error: 'Missing key' }, { status: 401 });
  return NextResponse.json({ error: 'Unknown key', apiKey: '[REDACTED]' }, { status: 401 });
}` },
          ],
        },
      ],
    },
    {
      code: `@Injectable()
export class KeysGuard {
  canActivate(apiKey: string) {
    throw new UnauthorizedException(\`Invalid api key \${apiKey}\`);
  }
}`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 4, column: 56, endLine: 4, endColumn: 62,
          suggestions: [
            { messageId: 'redactValue', output: `@Injectable()
export class KeysGuard {
  canActivate(apiKey: string) {
    throw new UnauthorizedException(\`Invalid api key [REDACTED]\`);
  }
}` },
          ],
        },
      ],
    },
    {
      code: `export const authRouter = router({
  verify: publicProcedure.mutation(({ input }) => {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: \`bad token \${input.token}\` });
  }),
});`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 3, column: 71, endLine: 3, endColumn: 82,
          suggestions: [
            { messageId: 'redactValue', output: `export const authRouter = router({
  verify: publicProcedure.mutation(({ input }) => {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: \`bad token [REDACTED]\` });
  }),
});` },
          ],
        },
      ],
    },
    {
      code: `function login(password: string) {
  logger.info(JSON.stringify({ password }));
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 32, endLine: 2, endColumn: 40,
          suggestions: [
            { messageId: 'redactValue', output: `function login(password: string) {
  logger.info(JSON.stringify({ password: '[REDACTED]' }));
}` },
          ],
        },
      ],
    },
    // the redact list does not cover user.secret: the suggestion adds the path
    {
      code: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
export function signup(user: { secret: string }) {
  logger.info({ user: { secret: user.secret } });
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 4, column: 33, endLine: 4, endColumn: 44,
          suggestions: [
            { messageId: 'redactValue', output: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
export function signup(user: { secret: string }) {
  logger.info({ user: { secret: '[REDACTED]' } });
}` },
            { messageId: 'addRedactPath', output: `import pino from 'pino';
const logger = pino({ redact: ['password', 'user.secret'] });
export function signup(user: { secret: string }) {
  logger.info({ user: { secret: user.secret } });
}` },
          ],
        },
      ],
    },
    {
      code: `function call(token: string) {
  logger.debug('calling with token=' + token);
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 40, endLine: 2, endColumn: 45,
          suggestions: [
            { messageId: 'redactValue', output: `function call(token: string) {
  logger.debug('calling with token=' + '[REDACTED]');
}` },
          ],
        },
      ],
    },
    {
      code: `import winston from 'winston';
const logger = winston.createLogger({});
export function refresh(refreshToken: string) {
  logger.info('refreshing', { refreshToken });
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 4, column: 31, endLine: 4, endColumn: 43,
          suggestions: [
            { messageId: 'redactValue', output: `import winston from 'winston';
const logger = winston.createLogger({});
export function refresh(refreshToken: string) {
  logger.info('refreshing', { refreshToken: '[REDACTED]' });
}` },
          ],
        },
      ],
    },
    {
      code: `function payout(account: { iban: string }) {
  logger.info(\`payout to \${account.iban}\`);
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 28, endLine: 2, endColumn: 40,
          suggestions: [
            { messageId: 'redactValue', output: `function payout(account: { iban: string }) {
  logger.info(\`payout to [REDACTED]\`);
}` },
          ],
        },
      ],
    },
    {
      code: `function check(ssn: string) {
  throw new ValidationError(\`invalid ssn \${ssn}\`);
}`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 2, column: 44, endLine: 2, endColumn: 47,
          suggestions: [
            { messageId: 'redactValue', output: `function check(ssn: string) {
  throw new ValidationError(\`invalid ssn [REDACTED]\`);
}` },
          ],
        },
      ],
    },
    {
      code: `function save(tokens: { access_token: string }) {
  logger.info({ access_token: tokens.access_token });
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 31, endLine: 2, endColumn: 50,
          suggestions: [
            { messageId: 'redactValue', output: `function save(tokens: { access_token: string }) {
  logger.info({ access_token: '[REDACTED]' });
}` },
          ],
        },
      ],
    },
    {
      code: `function verify(password: string) {
  return Promise.reject(new Error('bad password ' + password));
}`,
      errors: [
        {
          messageId: 'errorMessageValue', line: 2, column: 53, endLine: 2, endColumn: 61,
          suggestions: [
            { messageId: 'redactValue', output: `function verify(password: string) {
  return Promise.reject(new Error('bad password ' + '[REDACTED]'));
}` },
          ],
        },
      ],
    },
    // inside a catch, a response without a status is an error response
    {
      code: `app.post('/login', async (req, res) => {
  const account = await accounts.byEmail(req.body.email);
  try {
    await auth.login(req.body);
  } catch (err) {
    res.json({ error: 'Login failed', password: account.password });
  }
});`,
      errors: [
        {
          messageId: 'responseValue', line: 6, column: 49, endLine: 6, endColumn: 65,
          suggestions: [
            { messageId: 'redactValue', output: `app.post('/login', async (req, res) => {
  const account = await accounts.byEmail(req.body.email);
  try {
    await auth.login(req.body);
  } catch (err) {
    res.json({ error: 'Login failed', password: '[REDACTED]' });
  }
});` },
          ],
        },
      ],
    },
    // a whole DTO stringified into a log, in a function that reads its password
    {
      code: `import { Logger } from '@nestjs/common';

export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  async login(dto: LoginDto) {
    this.logger.debug(\`login \${JSON.stringify(dto)}\`);
    return this.users.verify(dto.email, dto.password);
  }
}`,
      errors: [
        {
          messageId: 'loggedRequest', line: 7, column: 47, endLine: 7, endColumn: 50,
          suggestions: [
          ],
        },
      ],
    },
    // jwt.sign makes a bearer token: signing is not masking
    {
      code: `import jwt from 'jsonwebtoken';

export function issue(userId: string) {
  const token = jwt.sign({ sub: userId }, process.env.JWT_SECRET!);
  console.log('issued', token);
  return token;
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 5, column: 25, endLine: 5, endColumn: 30,
          suggestions: [
            { messageId: 'redactValue', output: `import jwt from 'jsonwebtoken';

export function issue(userId: string) {
  const token = jwt.sign({ sub: userId }, process.env.JWT_SECRET!);
  console.log('issued', '[REDACTED]');
  return token;
}` },
          ],
        },
      ],
    },
    // a sensitive header read with req.get()
    {
      code: `app.use((req, res, next) => {
  logger.info('auth', req.get('Authorization'));
  next();
});`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 23, endLine: 2, endColumn: 47,
          suggestions: [
            { messageId: 'redactValue', output: `app.use((req, res, next) => {
  logger.info('auth', '[REDACTED]');
  next();
});` },
          ],
        },
      ],
    },
    // a credentials object stringified into a log line
    {
      code: `export function connect(credentials: { user: string; password: string }) {
  console.log('connecting with ' + JSON.stringify(credentials));
}`,
      errors: [
        {
          messageId: 'loggedValue', line: 2, column: 51, endLine: 2, endColumn: 62,
          suggestions: [
            { messageId: 'redactValue', output: `export function connect(credentials: { user: string; password: string }) {
  console.log('connecting with ' + JSON.stringify('[REDACTED]'));
}` },
          ],
        },
      ],
    },

    // issue 16: the token is part of the link the client follows, so redacting it would break the flow
    {
      code: `app.post('/documents/:id/sign', async (req, res) => {
  const token = await signing.createToken(req.params.id);
  res.status(409).json({ error: 'Already signed', returnTo: \`/embed/sign/\${token}\` });
});`,
      errors: [{ messageId: 'responseValue', line: 3, column: 76, suggestions: [
            { messageId: 'rewriteByHand', output: `app.post('/documents/:id/sign', async (req, res) => {
  const token = await signing.createToken(req.params.id);
  res.status(409).json({ error: 'Already signed', returnTo: \`/embed/sign/\${token}\` });
});` },
          ] }],
    },
  ],
};
