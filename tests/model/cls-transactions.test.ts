import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// Writes through a client another module hands out: `txClient()` returns the ambient transaction of a CLS store
// (nestjs-cls), so the orders repository's two writes run in its caller's transaction; `dbClient()` returns the
// plain client, so the stock repository's two writes are not atomic. A NestJS repository on `this.txHost.tx` and
// a service method under `@Transactional()` are known in their own files.
const orders = [
  "import { txClient } from './db/tx';",
  'export async function createOrder(data: { id: string }) {',
  '  const db = txClient();',
  '  await db.order.create({ data });',
  "  await db.outbox.create({ data: { type: 'order.created', ref: data.id } });",
  '}',
  '',
].join('\n');
const stock = [
  "import { dbClient } from './db/tx';",
  'export async function moveStock(from: string, to: string) {',
  '  const db = dbClient();',
  '  await db.stock.update({ where: { id: from }, data: { qty: { decrement: 1 } } });',
  '  await db.stock.update({ where: { id: to }, data: { qty: { increment: 1 } } });',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { '@nestjs/core': '11.0.0', '@prisma/client': '6.0.0', 'nestjs-cls': '5.0.0', '@nestjs-cls/transactional': '3.0.0' } }),
  'src/db/tx.ts': [
    "import { ClsServiceManager } from 'nestjs-cls';",
    "import { PrismaClient } from '@prisma/client';",
    'const prisma = new PrismaClient();',
    "export const txClient = () => ClsServiceManager.getClsService().get('tx') ?? prisma;",
    'export function dbClient() {',
    '  return prisma;',
    '}',
    '',
  ].join('\n'),
  'src/orders.ts': orders,
  'src/stock.ts': stock,
  'src/accounts.repository.ts': [
    "import { Injectable } from '@nestjs/common';",
    "import { TransactionHost } from '@nestjs-cls/transactional';",
    "import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';",
    '@Injectable()',
    'export class AccountsRepository {',
    '  constructor(private readonly txHost: TransactionHost<TransactionalAdapterPrisma>) {}',
    '  async open(userId: string) {',
    '    const account = await this.txHost.tx.account.create({ data: { userId } });',
    '    await this.txHost.tx.ledger.create({ data: { accountId: account.id, balance: 0 } });',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/accounts.service.ts': [
    "import { Injectable } from '@nestjs/common';",
    "import { Transactional } from '@nestjs-cls/transactional';",
    "import { AccountsRepository } from './accounts.repository';",
    "import { createOrder } from './orders';",
    '@Injectable()',
    'export class AccountsService {',
    '  constructor(private readonly accounts: AccountsRepository) {}',
    '  @Transactional()',
    '  async signUp(userId: string) {',
    '    await this.accounts.open(userId);',
    '    await createOrder({ id: userId });',
    '  }',
    '}',
    '',
  ].join('\n'),
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const message = "2 database writes in 'moveStock' are not in one transaction (lines 4, 5).";
const expected = [{ file: 'src/stock.ts', line: 4, message }];

describe('a CLS transaction client handed out by another module', () => {
  it('puts the writes made through it in the caller’s transaction, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['missing-transaction'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same by the real CLI', () => {
    const r = errlint(['audit', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same in ESLint, reading the client module on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/missing-transaction': 'error' as const } }];
    expect(linter.verify(orders, config, path.join(cwd, 'src/orders.ts'))).toEqual([]);
    expect(linter.verify(stock, config, path.join(cwd, 'src/stock.ts')).map((m) => ({ line: m.line, message: m.message }))).toEqual([{ line: 4, message }]);
  });
});
