/**
 * missing-transaction and a project's own transaction wrapper and CLS client, declared in another workspace
 * package that a tsconfig `paths` entry maps to its sources (the audit covers the app only): writes in a
 * callback the wrapper runs inside `$transaction`, and writes through the client its `txClient()` method hands
 * out (the ambient transaction when there is one), are the caller's transaction's, also when another service
 * makes them. A wrapper that only calls the callback, and an accessor that returns the plain client, change
 * nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const boards = [
  "import { Injectable } from '@nestjs/common';",
  "import { PrismaService, PlainPrisma } from '@acme/db';",
  '@Injectable()',
  'export class BoardService {',
  '  constructor(private readonly prismaService: PrismaService, private readonly plain: PlainPrisma) {}',
  '  async remove(boardId: string) {',
  '    return this.prismaService.$tx(async (prisma) => {',
  '      await prisma.card.deleteMany({ where: { boardId } });',
  '      await prisma.board.update({ where: { id: boardId }, data: { deletedAt: new Date() } });',
  '    });',
  '  }',
  '  async addColumn(table: string, column: string) {',
  '    const prisma = this.prismaService.txClient();',
  '    await prisma.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN "${column}" double precision`);',
  '    await prisma.$executeRawUnsafe(`CREATE INDEX ON "${table}" ("${column}")`);',
  '  }',
  '  async archive(boardId: string) {',
  '    await this.prismaService.txClient().card.updateMany({ where: { boardId }, data: { archived: true } });',
  '    await this.prismaService.txClient().board.update({ where: { id: boardId }, data: { archived: true } });',
  '  }',
  '  async removeQuickly(boardId: string) {',
  '    return this.plain.$tx(async (db) => {',
  '      await db.card.deleteMany({ where: { boardId } });',
  '      await db.board.delete({ where: { id: boardId } });',
  '    });',
  '  }',
  '  async archiveQuickly(boardId: string) {',
  '    await this.plain.dbClient().card.updateMany({ where: { boardId }, data: { archived: true } });',
  '    await this.plain.dbClient().board.update({ where: { id: boardId }, data: { archived: true } });',
  '  }',
  '}',
  '',
].join('\n');

const orders = [
  "import { txClient, dbClient } from './db/tx';",
  'export async function createOrder(data: { id: string }) {',
  '  await txClient().order.create({ data });',
  "  await txClient().outbox.create({ data: { type: 'order.created', ref: data.id } });",
  '}',
  'export async function moveStock(from: string, to: string) {',
  '  await dbClient().stock.update({ where: { id: from }, data: { qty: { decrement: 1 } } });',
  '  await dbClient().stock.update({ where: { id: to }, data: { qty: { increment: 1 } } });',
  '}',
  '',
].join('\n');

// writes through another service whose own writes go through the CLS client (directly or through its helper)
const links = [
  "import { Injectable } from '@nestjs/common';",
  "import { ReferenceService } from './reference.service';",
  '@Injectable()',
  'export class LinkService {',
  '  constructor(private readonly references: ReferenceService) {}',
  '  async relink(from: string, to: string) {',
  '    await this.references.unlink(from);',
  '    await this.references.link(from, to);',
  '  }',
  '  // one step in the caller’s transaction, one on the plain client: a single step outside',
  '  async relinkHalfQuickly(from: string, to: string) {',
  '    await this.references.unlink(from);',
  '    await this.references.linkQuickly(from, to);',
  '  }',
  '  async linkBothWays(from: string, to: string) {',
  '    await this.references.linkQuickly(from, to);',
  '    await this.references.linkQuickly(to, from);',
  '  }',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'dist/index.js', dependencies: { '@prisma/client': '5.0.0', 'nestjs-cls': '4.0.0', '@nestjs/common': '10.0.0' } }),
  'packages/db/src/index.ts': "export * from './prisma.service';\nexport * from './plain';\n",
  'packages/db/src/prisma.service.ts': [
    "import { Injectable } from '@nestjs/common';",
    "import { Prisma, PrismaClient } from '@prisma/client';",
    "import { ClsService } from 'nestjs-cls';",
    '@Injectable()',
    'export class PrismaService extends PrismaClient {',
    '  constructor(private readonly cls: ClsService) {',
    '    super();',
    '  }',
    '  async $tx<R>(fn: (prisma: Prisma.TransactionClient) => Promise<R>): Promise<R> {',
    "    const current = this.cls.get('tx.client');",
    '    if (current) return await fn(current);',
    '    let result = undefined as R;',
    '    await this.cls.runWith(this.cls.get(), async () => {',
    '      result = await super.$transaction(async (prisma) => {',
    "        this.cls.set('tx.client', prisma);",
    '        try {',
    '          return await fn(prisma);',
    '        } finally {',
    "          this.cls.set('tx.client', undefined);",
    '        }',
    '      });',
    '    });',
    '    return result;',
    '  }',
    '  txClient(): Prisma.TransactionClient {',
    "    return this.cls.get('tx.client') ?? this;",
    '  }',
    '}',
    '',
  ].join('\n'),
  'packages/db/src/plain.ts': [
    "import { PrismaClient } from '@prisma/client';",
    'export class PlainPrisma extends PrismaClient {',
    '  async $tx<R>(fn: (db: PrismaClient) => Promise<R>): Promise<R> {',
    '    return fn(this);',
    '  }',
    '  dbClient(): PrismaClient {',
    '    return this;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { '@acme/db': 'workspace:^', '@nestjs/common': '10.0.0', '@nestjs/core': '10.0.0', '@prisma/client': '5.0.0' } }),
  'apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@acme/db': ['../../packages/db/src'] } } }),
  'apps/api/src/board.service.ts': boards,
  'apps/api/src/db/tx.ts': [
    "import { ClsServiceManager } from 'nestjs-cls';",
    "import { PrismaClient } from '@prisma/client';",
    'const prisma = new PrismaClient();',
    "export const txClient = () => ClsServiceManager.getClsService().get('tx') ?? prisma;",
    'export function dbClient() {',
    '  return prisma;',
    '}',
    '',
  ].join('\n'),
  'apps/api/src/orders.ts': orders,
  'apps/api/src/reference.service.ts': [
    "import { Injectable } from '@nestjs/common';",
    "import { PrismaService, PlainPrisma } from '@acme/db';",
    '@Injectable()',
    'export class ReferenceService {',
    '  constructor(private readonly prismaService: PrismaService, private readonly plain: PlainPrisma) {}',
    '  async link(from: string, to: string) {',
    '    await this.insertLink(from, to);',
    '  }',
    '  async unlink(from: string) {',
    '    await this.prismaService.txClient().reference.deleteMany({ where: { from } });',
    '  }',
    '  async linkQuickly(from: string, to: string) {',
    '    await this.plain.dbClient().reference.create({ data: { from, to } });',
    '  }',
    '  private async insertLink(from: string, to: string) {',
    '    await this.prismaService.txClient().reference.create({ data: { from, to } });',
    '  }',
    '}',
    '',
  ].join('\n'),
  'apps/api/src/link.service.ts': links,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const expected = [
  { file: 'apps/api/src/board.service.ts', line: 23, message: '2 database writes in this function are not in one transaction (lines 23, 24).' },
  { file: 'apps/api/src/board.service.ts', line: 28, message: "2 database writes in 'archiveQuickly' are not in one transaction (lines 28, 29)." },
  { file: 'apps/api/src/link.service.ts', line: 16, message: "2 database writes in 'linkBothWays' are not in one transaction (lines 16, 17)." },
  { file: 'apps/api/src/orders.ts', line: 7, message: "2 database writes in 'moveStock' are not in one transaction (lines 7, 8)." },
];
// in file and line order (the CLI lists the worst first)
const shape = (fs: { file: string; line: number; message: string }[]) =>
  fs.map((f) => ({ file: f.file, line: f.line, message: f.message })).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

describe('a transaction wrapper and CLS client of another workspace package', () => {
  it('put the writes in the caller’s transaction, through the CLI engine', async () => {
    const run = await audit({ cwd, paths: ['apps/api/src'], config: { rules: {} }, only: ['missing-transaction'] });
    expect(shape(run.findings)).toEqual(expected);
  });

  it('are judged the same by the real CLI', () => {
    const r = errlint(['audit', 'apps/api/src', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    expect(shape((JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] }).findings)).toEqual(expected);
  });

  it('are judged the same in ESLint, reading the package on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/missing-transaction': 'error' as const } }];
    const lint = (code: string, file: string) => linter.verify(code, config, path.join(cwd, file)).map((m) => ({ file, line: m.line, message: m.message }));
    expect([...lint(boards, 'apps/api/src/board.service.ts'), ...lint(links, 'apps/api/src/link.service.ts'), ...lint(orders, 'apps/api/src/orders.ts')]).toEqual(expected);
  });
});
