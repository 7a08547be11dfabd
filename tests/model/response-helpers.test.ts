import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/lint-source.js';
import { summarizeResponders } from '../../src/model/response-summaries.js';
import { compiler } from '../../src/ts.js';
import { runProjectTests } from '../utils/project-tester.js';

const summarize = (text: string) => summarizeResponders(compiler, parseSource(text, '/p/errors.ts'));

describe('response summaries: exported functions that send an error they are given', () => {
  it.each([
    ['message in a 500', 'export function serverError(res, e) {\n  res.status(500).json({ error: e.message });\n}\n', { serverError: { param: 1, what: 'message' } }],
    ['the whole object, third parameter', 'export const handleErrors = (res, logger, error) => {\n  logger.error(error);\n  res.send(error);\n};\n', { handleErrors: { param: 2, what: 'whole object' } }],
    ['a stack, exported under another name', 'function local(reply, err) {\n  reply.code(500).send({ stack: err.stack });\n}\nexport { local as replyError };\n', { replyError: { param: 1, what: 'stack trace' } }],
    ['a Response built from the message', 'export function toResponse(error) {\n  return new Response(JSON.stringify({ message: error.message }), { status: 500 });\n}\n', { toResponse: { param: 0, what: 'message' } }],
    ['a default export', 'export default function (res, err) {\n  res.status(500).json({ message: err.message });\n}\n', { default: { param: 1, what: 'message' } }],
  ])('%s', (_name, text, expected) => {
    expect(summarize(text)).toEqual(expected);
  });

  it.each([
    ['a 4xx answer: its message is for the client', 'export const badRequest = (res, err) => res.status(400).json({ error: err.message });\n'],
    ['narrowed to a public error first', 'export function handleErrors(res, error) {\n  if (error instanceof HttpError) return res.status(error.status).json({ message: error.message });\n  return res.status(500).json({ message: "Internal server error" });\n}\n'],
    ['a generic answer', 'export function serverError(res, e) {\n  logger.error(e);\n  res.status(500).json({ error: "Internal server error" });\n}\n'],
    ['not exported', 'function serverError(res, e) {\n  res.status(500).json({ error: e.message });\n}\n'],
    ['no error-named parameter', 'export function reply(res, body) {\n  res.status(500).json(body);\n}\n'],
  ])('nothing when %s', (_name, text) => {
    expect(summarize(text)).toEqual({});
  });
});

// An API whose catches hand the caught error to helpers of a shared package.
const routes = [
  "import { serverError, badRequest, handleErrors } from '@acme/errors';",
  "import * as http from '../../../packages/errors/src/http';",
  "import { logger } from './logger';",
  'export async function create(req, res) {',
  '  try {',
  '    await orders.create(req.body);',
  '  } catch (e) {',
  '    serverError(res, e);',
  '  }',
  '}',
  'export async function update(req, res) {',
  '  try {',
  '    await orders.update(req.body);',
  '  } catch (e) {',
  '    badRequest(res, e);',
  '  }',
  '}',
  'export async function remove(req, res) {',
  '  try {',
  '    await orders.remove(req.params.id);',
  '  } catch (error) {',
  '    handleErrors(res, logger, error);',
  '  }',
  '}',
  'export async function list(req, res) {',
  '  try {',
  '    res.json(await orders.list());',
  '  } catch (err) {',
  '    http.sendFailure(res, err);',
  '  }',
  '}',
  'export async function count(req, res) {',
  '  const n = await orders.count();',
  "  serverError(res, new Error('count is ' + n));",
  '}',
  '',
].join('\n');

const files = {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'packages/errors/package.json': JSON.stringify({ name: '@acme/errors', main: 'src/index.ts', dependencies: { express: '5.0.0' } }),
  'packages/errors/src/index.ts': "export * from './http';\n",
  'packages/errors/src/http.ts': [
    'export function serverError(res, e) {',
    '  res.status(500).json({ error: e.message });',
    '}',
    'export const badRequest = (res, err) => res.status(400).json({ error: err.message });',
    'export function handleErrors(res, logger, error) {',
    '  logger.error(error);',
    '  if (error instanceof HttpError) return res.status(error.status).json({ message: error.message });',
    "  return res.status(500).json({ message: 'Internal server error' });",
    '}',
    'export function sendFailure(res, error) {',
    '  res.status(500).send(error);',
    '}',
    '',
  ].join('\n'),
  'apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '5.0.0', '@acme/errors': '*' } }),
  'apps/api/src/logger.ts': 'export const logger = { error: (...a: unknown[]) => a };\n',
  'apps/api/src/routes.ts': routes,
};

const leak = (line: number, column: number, helper: string) => ({ file: 'apps/api/src/routes.ts', line, column, rule: 'leaked-error-response', message: `The caught error reaches the client through \`${helper}()\`, which sends it in an HTTP response.` });
const findings = [leak(8, 22, 'serverError'), leak(29, 27, 'http.sendFailure')];

runProjectTests('leaked-error-response follows a caught error into a helper declared in another package', [
  { name: 'the whole project', rules: ['leaked-error-response'], files, findings },
  { name: 'only the calling file audited', rules: ['leaked-error-response'], files, paths: ['apps/api/src/routes.ts'], findings },
]);
