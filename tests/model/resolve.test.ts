import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleResolver } from '../../src/model/resolve.js';
import { Workspace } from '../../src/model/workspace.js';
import { tempProject } from '../utils/temp-project.js';

const root = tempProject({
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@shared/*': ['packages/shared/src/*'] } } }),
  'apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '5.0.0', '@acme/db': '*' } }),
  'apps/api/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { strict: true } }),
  'apps/web/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['./src/*'] } } }),
  'apps/web/src/page.ts': 'export {};\n',
  'apps/web/src/lib/fetcher.ts': 'export {};\n',
  'apps/api/src/server.ts': 'export {};\n',
  'apps/api/src/orders/index.ts': 'export {};\n',
  'apps/api/src/orders/service.ts': 'export {};\n',
  'apps/api/src/legacy.js': 'module.exports = {};\n',
  'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: './dist/index.js', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './orders': './src/orders.ts', './queries/*': './src/queries/*.ts' } }),
  'packages/db/src/index.ts': 'export {};\n',
  'packages/db/src/orders.ts': 'export {};\n',
  'packages/db/src/queries/users.ts': 'export {};\n',
  'packages/mailer/package.json': JSON.stringify({ name: '@acme/mailer', main: 'index.js' }),
  'packages/mailer/index.js': 'module.exports = {};\n',
  'packages/shared/package.json': JSON.stringify({ name: '@acme/shared' }),
  'packages/shared/src/money.ts': 'export {};\n',
  'packages/shared/src/index.ts': 'export {};\n',
});
fs.mkdirSync(path.join(root, '.git'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const resolver = new ModuleResolver(new Workspace());
const from = path.join(root, 'apps/api/src/server.ts');
const rel = (abs: string | undefined): string | undefined => (abs ? path.relative(root, abs).split(path.sep).join('/') : undefined);

describe('module resolution', () => {
  it.each([
    ['./orders/service', 'apps/api/src/orders/service.ts'],
    ['./orders/service.js', 'apps/api/src/orders/service.ts'],
    ['./orders', 'apps/api/src/orders/index.ts'],
    ['./orders/index.js', 'apps/api/src/orders/index.ts'],
    ['./legacy', 'apps/api/src/legacy.js'],
    ['@shared/money', 'packages/shared/src/money.ts'],
    ['@acme/db', 'packages/db/src/index.ts'],
    ['@acme/db/orders', 'packages/db/src/orders.ts'],
    ['@acme/db/queries/users', 'packages/db/src/queries/users.ts'],
    ['@acme/mailer', 'packages/mailer/index.js'],
    ['@acme/shared', 'packages/shared/src/index.ts'],
  ])('%s resolves to %s', (specifier, expected) => {
    expect(rel(resolver.resolve(from, specifier))).toBe(expected);
  });

  it('reads paths relative to the tsconfig that declares them', () => {
    expect(rel(resolver.resolve(path.join(root, 'apps/web/src/page.ts'), '~/lib/fetcher'))).toBe('apps/web/src/lib/fetcher.ts');
  });

  it.each([['express'], ['node:fs'], ['./missing'], ['@acme/unknown'], ['@acme/db/nowhere']])('%s is external or missing', (specifier) => {
    expect(resolver.resolve(from, specifier)).toBeUndefined();
  });
});
