import genericError from '../../rules/generic-error.js';
import lostErrorContext from '../../rules/lost-error-context.js';
import missingTransaction from '../../rules/missing-transaction.js';
import uncheckedHttpCall from '../../rules/unchecked-http-call.js';
import { runExemptionTests } from '../utils/exemption-tester.js';

// The exemption families of the rules besides swallowed-catch (tests/rules/swallowed-catch.exemptions.test.ts), as
// values: each snippet is not reported, and the reason it is exempt is recorded where it is.

const at = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });

runExemptionTests(genericError, [
  {
    name: 'a built-in class the options allow',
    code: "export function setAge(age: number) {\n  if (age < 0) throw new RangeError('age is negative');\n}\n",
    expected: { reason: 'allowed-class', detail: '`RangeError` is in allowClasses', ...at(2, 22, 2, 55) },
  },
  {
    name: 'thrown while the module loads',
    code: "if (!globalThis.fetch) throw new Error('fetch is required');\nexport const get = (url: string) => fetch(url);\n",
    expected: { reason: 'module-level', detail: 'thrown outside any function', ...at(1, 30, 1, 60) },
  },
  {
    name: 'guarded by a check of the environment',
    code: "export function connect() {\n  if (!process.env.DATABASE_URL) throw new Error('no database');\n  return open();\n}\n",
    expected: { reason: 'config-guard', detail: 'guarded by a check of the environment', ...at(2, 40, 2, 64) },
  },
  {
    name: 'thrown right after the request was answered with an error status',
    code: "import type { Request, Response } from 'express';\nexport async function login(req: Request, res: Response) {\n  if (!req.body.user) {\n    res.status(401).json({ error: 'no user' });\n    throw new Error('login failed');\n  }\n  res.json({ ok: true });\n}\n",
    expected: { reason: 'answered', detail: 'the request was just answered with an error status', ...at(5, 11, 5, 36) },
  },
  {
    name: 'a message naming a missing setting',
    code: "export function start(port?: number) {\n  if (!port) throw new Error('LISTEN_PORT is not set');\n  return listen(port);\n}\n",
    expected: { reason: 'config-guard', detail: 'the message names a setting', ...at(2, 20, 2, 55) },
  },
  {
    name: 'caught by a try of the same function',
    code: "export function firstLine(text: string) {\n  try {\n    if (!text) throw new Error('empty');\n    return text.split('\\n')[0];\n  } catch {\n    return '';\n  }\n}\n",
    expected: { reason: 'caught-locally', detail: 'a try of the same function catches it', ...at(3, 22, 3, 40) },
  },
  {
    name: 'an invariant by its message',
    code: "export function area(kind: string) {\n  if (kind === 'square') return 1;\n  throw new Error('unreachable');\n}\n",
    expected: { reason: 'invariant', detail: 'the message states an invariant', ...at(3, 9, 3, 33) },
  },
  {
    name: 'an exhaustiveness check',
    code: "export function label(kind: 'a' | 'b') {\n  switch (kind) {\n    case 'a':\n      return 'A';\n    case 'b':\n      return 'B';\n    default:\n      throw new Error(`Bad kind ${kind}`);\n  }\n}\n",
    expected: { reason: 'invariant', detail: 'an exhaustiveness check', ...at(8, 13, 8, 42) },
  },
  {
    name: 'inside an assertion function',
    code: "export function assertOrder(x: unknown): asserts x is { id: string } {\n  if (!x) throw new Error('Order expected');\n}\n",
    expected: { reason: 'invariant', detail: 'inside an assertion function', ...at(2, 17, 2, 44) },
  },
  {
    name: 'a server action, whose message is the contract',
    filename: 'app/actions.ts',
    code: "'use server';\nexport async function rename(form: FormData) {\n  if (!form.get('name')) throw new Error('Name is required');\n}\n",
    expected: { reason: 'message-contract', detail: 'a server action module', ...at(3, 32, 3, 61) },
  },
  {
    name: "an auth provider's authorize callback",
    code: "export const provider = Credentials({\n  async authorize(credentials: { email?: string }) {\n    if (!credentials.email) throw new Error('Email required');\n    return { id: credentials.email };\n  },\n});\n",
    expected: { reason: 'framework-callback', detail: "inside a provider's callback", ...at(3, 35, 3, 62) },
  },
  {
    name: "a literal rejected in a validator's callback",
    code: "export const rules = [\n  body('slug').custom(async (slug: string) => {\n    if (await taken(slug)) return Promise.reject('taken');\n  }),\n];\n",
    expected: { reason: 'validator-callback', detail: "inside a validator's callback", ...at(3, 35, 3, 58) },
  },
  {
    name: "a Sails helper's declared exit",
    filename: 'api/helpers/reserve.js',
    code: "module.exports = {\n  exits: { soldOut: {} },\n  fn: async function (inputs) {\n    if (inputs.left === 0) throw 'soldOut';\n    return inputs.left - 1;\n  },\n};\n",
    expected: { reason: 'declared-exit', detail: 'the thrown name is an exit the helper declares', ...at(4, 34, 4, 43) },
  },
]);

runExemptionTests(lostErrorContext, [
  {
    name: 'a class the options ignore',
    options: { ignoreClasses: ['Retry'] },
    code: "export async function pull(id: string) {\n  try {\n    return await queue.pull(id);\n  } catch {\n    throw new Retry('pull later');\n  }\n}\n",
    expected: { reason: 'ignored-class', detail: '`Retry` is in ignoreClasses', ...at(5, 11, 5, 34) },
  },
  {
    name: 'a client error translating an expected outcome',
    code: "export function readToken(raw: string) {\n  try {\n    return decodeToken(raw);\n  } catch (e) {\n    if (e instanceof Expired) throw new UnauthorizedError('token expired');\n    throw e;\n  }\n}\n",
    expected: { reason: 'client-error', detail: '`UnauthorizedError` is a client error', ...at(5, 37, 5, 75) },
  },
  {
    name: 'a catch-all turned into a client error, which swallowed-catch reports',
    code: "export async function find(id: string) {\n  try {\n    return await db.user.findUniqueOrThrow({ where: { id } });\n  } catch {\n    throw new NotFoundError('no user');\n  }\n}\n",
    expected: { reason: 'client-error', detail: 'a catch-all turned into a client error: swallowed-catch reports it', ...at(5, 11, 5, 39) },
  },
  {
    name: 'another condition than the caught error',
    code: "export async function fetchWithRetry(url: string, attempt: number) {\n  try {\n    return await fetch(url);\n  } catch {\n    if (attempt >= 3) throw new Error('gave up after 3 attempts');\n    return fetchWithRetry(url, attempt + 1);\n  }\n}\n",
    expected: { reason: 'other-condition', detail: 'thrown under a condition that is not about the caught error', ...at(5, 29, 5, 66) },
  },
  {
    name: 'the caught error logged beside the new one',
    code: "export async function charge(id: string) {\n  try {\n    return await stripe.charges.create({ id });\n  } catch (err) {\n    logger.error({ err }, 'charge failed');\n    throw new PaymentError('charge failed');\n  }\n}\n",
    expected: { reason: 'recorded-elsewhere', detail: 'the handler records or hands on the caught error', ...at(6, 11, 6, 44) },
  },
  {
    name: 'a parse whose failure is the answer',
    code: "export function readSettings(raw: string) {\n  try {\n    return JSON.parse(raw);\n  } catch {\n    throw new Error('settings are not valid JSON');\n  }\n}\n",
    expected: { reason: 'input-check', detail: 'the guarded code only parses, probes or checks input', ...at(5, 11, 5, 51) },
  },
  {
    name: 'a recognised failure named with its own error',
    code: "export async function register(email: string) {\n  try {\n    return await db.user.create({ data: { email } });\n  } catch (e) {\n    if (e.code === 'P2002') throw new Error('That e-mail is already registered');\n    return null;\n  }\n}\n",
    expected: { reason: 'recognised-failure', detail: "thrown for one of the caught error's codes", ...at(5, 35, 5, 81) },
  },
]);

runExemptionTests(missingTransaction, [
  {
    name: 'absolute upserts only',
    code: "export async function sync(user: { id: string; name: string }) {\n  await prisma.user.upsert({ where: { id: user.id }, create: user, update: user });\n  await prisma.profile.upsert({ where: { userId: user.id }, create: { userId: user.id }, update: {} });\n}\n",
    expected: { reason: 'idempotent-upserts', detail: 'every write is an absolute upsert', ...at(2, 9, 2, 27) },
  },
  {
    name: 'one absolute write per item of a loop',
    code: "export async function archive(ids: string[]) {\n  for (const id of ids) {\n    await prisma.post.update({ where: { id }, data: { archived: true } });\n  }\n}\n",
    expected: { reason: 'batch-step', detail: 'one absolute write per item, no money or stock', ...at(3, 11, 3, 29) },
  },
]);

runExemptionTests(uncheckedHttpCall, [
  {
    name: 'fetch of a relative URL',
    code: "export async function loadOrders() {\n  const res = await fetch('/api/orders');\n  return res.ok ? res.json() : [];\n}\n",
    expected: { reason: 'same-origin', detail: 'a relative URL', ...at(2, 21, 2, 41) },
  },
]);
