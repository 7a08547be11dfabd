import { runProjectTests } from '../utils/project-tester.js';

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

runProjectTests('a CLS transaction client handed out by another module', [
  {
    name: 'puts the writes made through it in the caller’s transaction',
    rules: ['missing-transaction'],
    files: {
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
    },
    findings: [{ file: 'src/stock.ts', line: 4, column: 9, rule: 'missing-transaction', message: "2 database writes in 'moveStock' are not in one transaction (lines 4, 5)." }],
  },
]);
