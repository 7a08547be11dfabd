import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    // the declared return type names the error class: the error is a declared result, not a failure to throw
    `export class LabelService {
  async rename(id: string, name: string): Promise<Label | NameTakenError> {
    if (await this.labels.exists({ name })) return new NameTakenError(name);
    return this.labels.update(id, { name });
  }
}
`,
    // T | null lookup
    `export async function findUser(id: string) {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) return null;
  return user;
}
`,
    // T | undefined lookup
    `function first<T>(items: T[]) {
  if (items.length === 0) return undefined;
  return items[0];
}
`,
    // discriminated union with a shared tag
    `export async function pay(order: Order) {
  const res = await gateway.charge(order);
  if (!res.ok) return { ok: false, error: res.error };
  return { ok: true, value: res.id };
}
`,
    // declared return type names a project union
    `type PaymentStatus = 'paid' | 'pending' | 'missing';
export async function checkPaymentStatus(id: string): Promise<PaymentStatus | null> {
  const p = await repo.findOne(id);
  if (!p) return null;
  return p.paid ? true : false as unknown as PaymentStatus;
}
`,
    // declared return type imported from the project
    `import type { Result } from '../lib/result';
export function parse(raw: string): Result<number> {
  if (!raw) return false as never;
  return { ok: true, value: Number(raw) } as Result<number>;
}
`,
    // void function with an early return
    `export function log(msg?: string) {
  if (!msg) return;
  process.stdout.write(msg);
  return;
}
`,
    // booleans only
    `function isAdult(age: number) {
  if (age >= 18) return true;
  return false;
}
`,
    // generator
    `function* ids() {
  yield 1;
  return null;
}
`,
    // a tryParse helper returning undefined
    `function tryParseBoolean(raw: string) {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return undefined;
}
`,
    // filter callback: undefined is falsy on purpose
    `const active = users.filter((u) => {
  if (!u.profile) return;
  return u.profile.active === true ? true : false;
});
`,
    // map to value or false, then filter(Boolean)
    `const names = rows.map((r) => (r.name ? { name: r.name } : false)).filter(Boolean);
`,
    // unknown values are not guessed
    `async function load(id: string) {
  if (!id) return false;
  return service.get(id);
}
`,
    // strings only (a message builder)
    `function describe(code: number) {
  if (code === 404) return 'Not found';
  if (code === 500) return 'Internal error';
  return 'OK';
}
`,
    // Express handler returning responses
    `app.get('/x', async (req, res) => {
  if (!req.query.id) return res.status(400).json({ error: 'id required' });
  return res.json(await find(req.query.id));
});
`,
    // next(err) in middleware
    `export function auth(req: Req, res: Res, next: Next) {
  if (!req.user) return next(new UnauthorizedError());
  return next();
}
`,
    // test files are not checked
    { code: `function helper(x?: number) {
  if (x === undefined) return null;
  return x > 1 ? true : false;
}
`, filename: "src/a.test.ts" },
    // object literals with different keys (server action state)
    `export async function createPost(form: FormData) {
  if (!form.get('title')) return { error: 'Title is required' };
  const post = await db.post.create({ data: { title: String(form.get('title')) } });
  return { post };
}
`,
    // a validator returning true or a message (inline option)
    `const questions = [{ validate: (input: string) => {
  if (!input) return 'Name is required';
  return true;
} }];
`,
    // JSX render helper
    { code: `function Badge({ n }: { n: number }) {
  if (!n) return false;
  return <span>{n}</span>;
}
`, filename: "src/view.tsx" },
    // data or null from a ternary
    `export async function current(session: Session) {
  return session.userId ? await prisma.user.findUnique({ where: { id: session.userId } }) : null;
}
`,
    // constructor and setter are skipped
    `class A {
  constructor(x?: number) {
    if (!x) return;
  }
  set v(x: boolean) {
    if (!x) return;
  }
}
`,
    // a boolean computed once with an early undefined from a param check is a tri-state parse
    `function parseFlag(v?: string) {
  if (v === undefined) return undefined;
  return v === '1' ? true : false;
}
`,
    // error instance and a boolean: not a data mix
    `function check(x: number) {
  if (x < 0) return new RangeError('negative');
  return x > 10;
}
`,
    // an override follows the base class contract
    `class WelcomeEmail extends BaseEmail<Props> {
  protected override async beforeSend(props: Props) {
    if (props.role === 'guest') return false;
    return { name: props.name };
  }
}
`,
    // a method of an object literal typed by its declaration
    `export const model: OAuthModel = {
  async getClient(id: string) {
    const client = await clients.findOne({ where: { id } });
    if (!client) return false;
    return { id: client.id, grants: ['authorization_code'] };
  },
};
`,
    // `x || false` coerces to a falsy flag
    `export function or(...args: unknown[]) {
  if (args.length === 0) return false;
  return args.find(Boolean) || false;
}
`,
    // declared return type is an interface in the file
    `interface Lookup { found: boolean; user?: User }
export async function lookup(id: string): Promise<Lookup> {
  const user = await repo.findOne(id);
  if (!user) return { found: false };
  return { found: true, user };
}
`,
    // true or nothing: two states, a truthiness check reads them correctly
    `export async function installPackages(dir: string) {
  const manifest = await readManifest(dir);
  if (!manifest) return;
  await runInstall(dir, manifest);
  return true;
}
`,
    // false or nothing: two states as well
    `function rejectIfLocked(account: Account) {
  if (!account.locked) return undefined;
  audit.record(account.id);
  return false;
}
`,
    // a computed boolean or nothing, no literal flag: the rule needs a literal true or false to read intent
    `function isSecureOrigin(origin?: string) {
  if (!origin) return;
  return origin.startsWith('https://');
}
`,
    // a caught Response re-delivered under instanceof: the framework's thrown-response idiom, not a returned failure
    `export async function loader({ request }: Args) {
  try {
    const data = await loadDashboard(request);
    return { data };
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
}
`,
    // an error factory returns errors by design
    `export function toTransportError(raw: RawFailure) {
  if (raw.kind === 'builtin') return new Error(raw.message);
  return { code: raw.code, detail: raw.detail };
}
`,
    // the declared boolean | 1 | 2 makes false a member of the contract, not a sentinel
    `export function retryPolicy(err: Error): boolean | 1 | 2 {
  if (err.message.startsWith('BUSY')) return 2;
  return false;
}
`,
    // a literal evaluator declares string | number | boolean | null | undefined: the booleans are values
    `function evaluateLiteral(node: LiteralNode): string | number | boolean | null | undefined {
  if (node.kind === 'true') return true;
  if (node.kind === 'false') return false;
  if (node.kind === 'null') return null;
  if (node.kind === 'number') return Number(node.text);
  return undefined;
}
`,
    // true or nothing plus a recursive retry: still two states
    `export async function waitForHealth(url: string) {
  const res = await probe(url);
  if (res.retryAfter) {
    await sleep(res.retryAfter);
    return waitForHealth(url);
  }
  if (res.status !== 200) return;
  return true;
}
`,
    // a predicate-named function returns a truthy value or false
    `export function includesTeamMember(user: User, teams: Team[]) {
  if (!user) return false;
  const ids = teams.filter((t) => t.members.includes(user.id)).map((t) => t.id);
  return ids.length > 0 ? ids : false;
}
`,
    // a predicate that delegates to a library filter
    `export function shouldGzip(req: Request, res: Response) {
  if (req.headers['x-no-gzip']) return false;
  return gzip.filter(req, res);
}
`,
    // \`as boolean\` states the type of the other branch: false is a boolean here
    `function patternHit(pattern: string, input: unknown) {
  if (typeof input !== 'string') return false;
  return engine.compile(pattern).find(input) as boolean;
}
`,
    // false next to a computed boolean is a value of a 'mode' | boolean setting
    `function normalizeMode(value: string | undefined) {
  if (value === 'strict') return 'strict';
  if (value === 'off' || value === '') return false;
  return Boolean(value);
}
`,
    // a decoder of an optional boolean returns null for an absent input
    `const decodeFlag = (raw: string | null) => {
  if (raw === '1') return true;
  if (raw === '0') return false;
  return null;
};
`,
    // a one-word lowercase label from a string union is not an error message
    `function pickRegion(zones: string[], hint?: string) {
  if (!hint) return 'invalid';
  const zone = zones.find((z) => hint.startsWith(z));
  return zone || 'invalid';
}
`,
  ],
  invalid: [
    {
      // nothing, false and an opaque third value: three outcomes a truthiness check conflates
      code: `export async function writeFallbackConfig(root: string) {
  if (!(await hasSources(root))) return;
  const file = configPathFor(root);
  if (!(await tryLoad(file))) return false;
  return file;
}
`,
      errors: [{ messageId: 'booleanOrNothing', line: 1, column: 23, data: { name: "'writeFallbackConfig'", lines: '2, 4, 5', values: "false, another value or undefined" } }],
    },
    {
      // a declared T | false still encodes the failure as false
      code: `export async function renewSession(token: string): Promise<Session | false> {
  try {
    const s = await auth.renew(token);
    if (!s) return false;
    return { id: s.id, expiresAt: s.expiresAt };
  } catch {
    return false;
  }
}
`,
      errors: [{ messageId: 'dataOrFalse', line: 1, column: 23 }],
    },
    // the seed: check_payment_status
    {
      code: `export async function checkPaymentStatus(orderId: string) {
  const payment = await prisma.payment.findFirst({ where: { orderId } });
  if (!payment) {
    return null;
  }
  if (payment.status === 'completed') {
    return true;
  } else {
    return false;
  }
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 23, endLine: 1, endColumn: 41, data: { name: "'checkPaymentStatus'", values: "true, false or null", lines: "4, 7, 9" },
          suggestions: [],
        },
      ],
    },
    // bare return and booleans
    {
      code: `function isEligible(user: User) {
  if (!user.profile) return;
  if (user.age < 18) return false;
  return true;
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 10, endLine: 1, endColumn: 20, data: { name: "'isEligible'", values: "true, false or undefined", lines: "2, 3, 4" },
          suggestions: [],
        },
      ],
    },
    // undefined and a computed boolean
    {
      code: `export const canRefund = (order: Order) => {
  if (!order.paidAt) return undefined;
  if (order.refunded) return false;
  return Date.now() - order.paidAt.getTime() < THIRTY_DAYS;
};
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 14, endLine: 1, endColumn: 23, data: { name: "'canRefund'", values: "false, a boolean or undefined", lines: "2, 3, 4" },
          suggestions: [],
        },
      ],
    },
    // entity or false
    {
      code: `export async function findUser(email: string) {
  const user = await User.findOne({ where: { email } });
  if (!user) return false;
  return user;
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 23, endLine: 1, endColumn: 31, data: { name: "'findUser'", lines: "3, 4" },
          suggestions: [
            { messageId: 'returnNull', output: `export async function findUser(email: string) {
  const user = await User.findOne({ where: { email } });
  if (!user) return null;
  return user;
}
` },
          ],
        },
      ],
    },
    // object literal or false
    {
      code: `function toDto(row: Row | undefined) {
  if (!row) {
    return false;
  }
  return { id: row.id, name: row.name };
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 10, endLine: 1, endColumn: 15, data: { name: "'toDto'", lines: "3, 5" },
          suggestions: [
            { messageId: 'returnNull', output: `function toDto(row: Row | undefined) {
  if (!row) {
    return null;
  }
  return { id: row.id, name: row.name };
}
` },
          ],
        },
      ],
    },
    // string data or false
    {
      code: `function getToken(header?: string) {
  if (!header?.startsWith('Bearer ')) return false;
  return header.slice(7).trim().toString();
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 10, endLine: 1, endColumn: 18, data: { name: "'getToken'", lines: "2, 3" },
          suggestions: [
            { messageId: 'returnNull', output: `function getToken(header?: string) {
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim().toString();
}
` },
          ],
        },
      ],
    },
    // a ternary mixing data and false
    {
      code: `export async function loadOrder(id: string) {
  const order = await repo.findOne({ where: { id } });
  return order ? { ...order, total: sum(order.items) } : false;
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 23, endLine: 1, endColumn: 32, data: { name: "'loadOrder'", lines: 3 },
          suggestions: [],
        },
      ],
    },
    // data or an error message
    {
      code: `export async function createAccount(input: Input) {
  if (!input.email) return 'Email is required';
  const existing = await db.query.users.findFirst({ where: eq(users.email, input.email) });
  if (existing) return 'User already exists';
  const [user] = await db.insert(users).values(input).returning();
  return { id: user.id, email: user.email };
}
`,
      errors: [
        {
          messageId: 'dataOrErrorString', line: 1, column: 23, endLine: 1, endColumn: 36, data: { name: "'createAccount'", lines: "2, 4, 6" },
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`createAccount\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export async function createAccount(input: Input) {
  if (!input.email) return 'Email is required';
  const existing = await db.query.users.findFirst({ where: eq(users.email, input.email) });
  if (existing) return 'User already exists';
  const [user] = await db.insert(users).values(input).returning();
  return { id: user.id, email: user.email };
}
` },
      ],
        },
      ],
    },
    // template error message
    {
      code: `function parseAmount(raw: string) {
  const n = Number(raw);
  if (Number.isNaN(n)) return \`Invalid amount: \${raw}\`;
  return { amount: n, currency: 'USD' };
}
`,
      errors: [
        {
          messageId: 'dataOrErrorString', line: 1, column: 10, endLine: 1, endColumn: 21, data: { name: "'parseAmount'", lines: "3, 4" },
          suggestions: [
            { messageId: 'throwMessage', output: `function parseAmount(raw: string) {
  const n = Number(raw);
  if (Number.isNaN(n)) throw new Error(\`Invalid amount: \${raw}\`);
  return { amount: n, currency: 'USD' };
}
` },
          ],
        },
      ],
    },
    // returned Error instance
    {
      code: `export async function charge(card: Card, amount: number) {
  if (amount <= 0) return new Error('amount must be positive');
  const res = await gateway.charge({ card, amount });
  return { id: res.id, status: res.status };
}
`,
      errors: [
        {
          messageId: 'dataOrError', line: 1, column: 23, endLine: 1, endColumn: 29, data: { name: "'charge'", lines: "2, 4" },
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`charge\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export async function charge(card: Card, amount: number) {
  if (amount <= 0) return new Error('amount must be positive');
  const res = await gateway.charge({ card, amount });
  return { id: res.id, status: res.status };
}
` },
      ],
        },
      ],
    },
    // returned caught error
    {
      code: `async function fetchProfile(id: string) {
  try {
    const res = await api.get(\`/profiles/\${id}\`);
    return res.data.toObject();
  } catch (err) {
    return err;
  }
}
`,
      errors: [
        {
          messageId: 'dataOrError', line: 1, column: 16, endLine: 1, endColumn: 28, data: { name: "'fetchProfile'", lines: "4, 6" },
          suggestions: [
            { messageId: 'throwError', output: `async function fetchProfile(id: string) {
  try {
    const res = await api.get(\`/profiles/\${id}\`);
    return res.data.toObject();
  } catch (err) {
    throw err;
  }
}
` },
          ],
        },
      ],
    },
    // a GraphQL resolver whose declared result is a union of the entity and its error types: the returned error is
    // the contract (the client reads it as a result), so no rewrite into a throw
    {
      code: `@Resolver(() => Label)
export class LabelResolver {
  constructor(private readonly labels: LabelService) {}
  @Mutation(() => CreateLabelResult)
  async createLabel(@Args('input') input: CreateLabelInput) {
    const existing = await this.labels.findByName(input.name);
    if (existing) return new DuplicateEntityError('Label', input.name);
    return this.labels.create(input);
  }
}
`,
      errors: [{ messageId: 'dataOrError', line: 5, column: 9, endLine: 5, endColumn: 20, data: { name: "'createLabel'", lines: "7, 8" }, suggestions: [] }],
    },
    // the declared return type names the returned error class: the finding stays, but a throw would break the type
    {
      code: `export class InviteService {
  async invite(email: string): Promise<Invite | AlreadyMemberError> {
    const member = await this.members.findByEmail(email);
    if (member) return new AlreadyMemberError(email);
    return this.invites.create({ email });
  }
}
`,
      errors: [{ messageId: 'dataOrError', line: 2, column: 9, endLine: 2, endColumn: 15, data: { name: "'invite'", lines: "4, 5" }, suggestions: [] }],
    },
    // custom error class
    {
      code: `class OrdersService {
  async cancel(id: string) {
    const order = await this.orders.findOne({ where: { id } });
    if (!order) return new NotFoundError('order');
    return this.orders.save({ ...order, status: 'cancelled' });
  }
}
`,
      errors: [
        {
          messageId: 'dataOrError', line: 2, column: 9, endLine: 2, endColumn: 15, data: { name: "'cancel'", lines: "4, 5" },
          suggestions: [
            { messageId: 'throwError', output: `class OrdersService {
  async cancel(id: string) {
    const order = await this.orders.findOne({ where: { id } });
    if (!order) throw new NotFoundError('order');
    return this.orders.save({ ...order, status: 'cancelled' });
  }
}
` },
          ],
        },
      ],
    },
    // method returning boolean or null
    {
      code: `export class PaymentService {
  async isSettled(id: string) {
    const p = await this.payments.findOne({ where: { id } });
    if (!p) return null;
    return p.status === 'settled' ? true : false;
  }
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 2, column: 9, endLine: 2, endColumn: 18, data: { name: "'isSettled'", values: "true, false or null", lines: "4, 5" },
          suggestions: [],
        },
      ],
    },
    // explicit inline union is still ambiguous
    {
      code: `export async function verify(token: string): Promise<boolean | null> {
  const row = await tokens.findOne({ token });
  if (!row) return null;
  if (row.expiresAt < new Date()) return false;
  return true;
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 23, endLine: 1, endColumn: 29, data: { name: "'verify'", values: "true, false or null", lines: "3, 4, 5" },
          suggestions: [],
        },
      ],
    },
    // getter
    {
      code: `class Subscription {
  get isActive() {
    if (!this.plan) return undefined;
    return this.status === 'active' ? true : false;
  }
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 2, column: 7, endLine: 2, endColumn: 15, data: { name: "'isActive'", values: "true, false or undefined", lines: "3, 4" },
          suggestions: [],
        },
      ],
    },
    // arrow assigned to a const returns data or error string
    {
      code: `export const login = async (email: string, password: string) => {
  const user = await findUserByEmail(email);
  if (!user) return 'Invalid credentials';
  const token = createToken(user);
  return { token, user: user.toJSON() };
};
`,
      errors: [
        {
          messageId: 'dataOrErrorString', line: 1, column: 14, endLine: 1, endColumn: 19, data: { name: "'login'", lines: "3, 5" },
          suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `\`login\` is exported, so callers in other modules may rely on the value it returns on failure; make it throw only after checking them` }, output: `export const login = async (email: string, password: string) => {
  const user = await findUserByEmail(email);
  if (!user) return 'Invalid credentials';
  const token = createToken(user);
  return { token, user: user.toJSON() };
};
` },
      ],
        },
      ],
    },
    // a const holding a found entity
    {
      code: `async function getCart(userId: string) {
  const cart = await prisma.cart.findUnique({ where: { userId } });
  if (cart === null) return false;
  return cart;
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 16, endLine: 1, endColumn: 23, data: { name: "'getCart'", lines: "3, 4" },
          suggestions: [
            { messageId: 'returnNull', output: `async function getCart(userId: string) {
  const cart = await prisma.cart.findUnique({ where: { userId } });
  if (cart === null) return null;
  return cart;
}
` },
          ],
        },
      ],
    },
    // number or false
    {
      code: `function indexOfUser(users: User[], id: string) {
  for (let i = 0; i < users.length; i++) if (users[i].id === id) return i + 0;
  return false;
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 10, endLine: 1, endColumn: 21, data: { name: "'indexOfUser'", lines: "2, 3" },
          suggestions: [
            { messageId: 'returnNull', output: `function indexOfUser(users: User[], id: string) {
  for (let i = 0; i < users.length; i++) if (users[i].id === id) return i + 0;
  return null;
}
` },
          ],
        },
      ],
    },
    // error string and error object
    {
      code: `function validate(payload: unknown) {
  if (!payload) return new ValidationError('payload is required');
  return { ok: 1 };
}
`,
      errors: [
        {
          messageId: 'dataOrError', line: 1, column: 10, endLine: 1, endColumn: 18, data: { name: "'validate'", lines: "2, 3" },
          suggestions: [
            { messageId: 'throwError', output: `function validate(payload: unknown) {
  if (!payload) throw new ValidationError('payload is required');
  return { ok: 1 };
}
` },
          ],
        },
      ],
    },
    // null or boolean from ?? fallback
    {
      code: `export function readFlag(flags: Flags, key: string) {
  if (!(key in flags)) return null;
  if (flags[key] === 'on') return true;
  return false;
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 17, endLine: 1, endColumn: 25, data: { name: "'readFlag'", values: "true, false or null", lines: "2, 3, 4" },
          suggestions: [],
        },
      ],
    },
    // JavaScript file
    {
      code: `async function checkStatus(id) {
  const p = await Payment.findById(id);
  if (!p) return null;
  return p.status === 'paid' ? true : false;
}
module.exports = { checkStatus };
`,
      filename: "src/payments.js",
      errors: [
        {
          messageId: 'booleanOrNothing', line: 1, column: 16, endLine: 1, endColumn: 27, data: { name: "'checkStatus'", values: "true, false or null", lines: "3, 4" },
          suggestions: [],
        },
      ],
    },
    // array or false
    {
      code: `async function listItems(orderId: string) {
  if (!orderId) return false;
  return [...(await items.findMany({ where: { orderId } }))];
}
`,
      errors: [
        {
          messageId: 'dataOrFalse', line: 1, column: 16, endLine: 1, endColumn: 25, data: { name: "'listItems'", lines: "2, 3" },
          suggestions: [
            { messageId: 'returnNull', output: `async function listItems(orderId: string) {
  if (!orderId) return null;
  return [...(await items.findMany({ where: { orderId } }))];
}
` },
          ],
        },
      ],
    },
    // bare return in a boolean method
    {
      code: `export class Guard {
  allow(req: Req) {
    if (!req.user) return;
    if (req.user.banned) return false;
    return true;
  }
}
`,
      errors: [
        {
          messageId: 'booleanOrNothing', line: 2, column: 3, endLine: 2, endColumn: 8, data: { name: "'allow'", values: "true, false or undefined", lines: "3, 4, 5" },
          suggestions: [],
        },
      ],
    },
    // issue 16: returning the error → throwing it changes what callers get; offered only where each caller in the
    // file handles a throw (here: awaited inside a try)
    {
      code: `async function parseOrder(raw: string) {
  if (!raw) return new ValidationError('empty order');
  return { id: 1, lines: JSON.parse(raw) };
}
export async function importOrder(raw: string) {
  try {
    return await parseOrder(raw);
  } catch (e) {
    throw new ImportError('order', { cause: e });
  }
}
`,
      errors: [{ messageId: 'dataOrError', line: 1, column: 16, endLine: 1, endColumn: 26, suggestions: [
        { messageId: 'throwError', output: `async function parseOrder(raw: string) {
  if (!raw) throw new ValidationError('empty order');
  return { id: 1, lines: JSON.parse(raw) };
}
export async function importOrder(raw: string) {
  try {
    return await parseOrder(raw);
  } catch (e) {
    throw new ImportError('order', { cause: e });
  }
}
` },
      ] }],
    },
    // a caller tells the two apart by testing the returned value: no rewrite, the message says which caller
    {
      code: `async function parseOrder(raw: string) {
  if (!raw) return new ValidationError('empty order');
  return { id: 1, lines: JSON.parse(raw) };
}
export async function importOrder(raw: string) {
  const order = await parseOrder(raw);
  if (order instanceof ValidationError) return { skipped: true };
  return save(order);
}
`,
      errors: [{ messageId: 'dataOrError', line: 1, column: 16, endLine: 1, endColumn: 26, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `the caller on line 6 uses the value \`parseOrder\` returns on failure as its answer, and is not ready for a throw` }, output: `async function parseOrder(raw: string) {
  if (!raw) return new ValidationError('empty order');
  return { id: 1, lines: JSON.parse(raw) };
}
export async function importOrder(raw: string) {
  const order = await parseOrder(raw);
  if (order instanceof ValidationError) return { skipped: true };
  return save(order);
}
` },
      ] }],
    },
  ],
};
