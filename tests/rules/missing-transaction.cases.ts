import type { RuleCases } from '../utils/rule-tester.js';

export const cases: RuleCases = {
  valid: [
    // MikroORM: persist only stages; one flush writes everything staged in one implicit transaction
    `import { EntityManager } from '@mikro-orm/postgresql';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async place(order: Order, item: Item) {
    this.em.persist(order);
    item.stock -= 1;
    this.em.persist(item);
    await this.em.flush();
  }
}
`,
    // MikroORM: em.transactional runs the callback in one transaction
    `import { EntityManager } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async place(order: Order, item: Item) {
    await this.em.transactional(async (em) => {
      await em.persistAndFlush(order);
      await em.nativeDelete(Item, { id: item.id });
    });
  }
}
`,
    // MikroORM: @Transactional() and an explicit em.begin() … em.commit()
    `import { EntityManager, Transactional } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  @Transactional()
  async place(order: Order, item: Item) {
    await this.em.persistAndFlush(order);
    await this.em.nativeDelete(Item, { id: item.id });
  }
  async cancel(order: Order, item: Item) {
    await this.em.begin();
    try {
      await this.em.nativeUpdate(Order, { id: order.id }, { status: 'cancelled' });
      await this.em.nativeUpdate(Item, { id: item.id }, { reserved: false });
      await this.em.commit();
    } catch (e) {
      await this.em.rollback();
      throw e;
    }
  }
}
`,
    // MikroORM: staging without a flush writes nothing here
    `import { EntityManager } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async stage(order: Order, item: Item) {
    this.em.persist(order);
    this.em.remove(item);
  }
}
`,
    // the one-time token deleted after the work it guards stays an ignored target
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function verifyEmail(token: string, userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
  await prisma.verificationToken.delete({ where: { token } });
}
`,
    // the transaction handle handed to the write as an argument (positionally, or as an option)
    `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('postgres://db');
export async function grantAll(userId: string) {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('UPDATE grants SET active = true WHERE user_id = 1', transaction);
    await sequelize.query('UPDATE users SET granted = true WHERE id = 1', { transaction });
  });
}
`,
    // a claim, a project model call awaited, then the result: the call is work of another kind between two steps
    `import { PrismaClient } from '@prisma/client';
import { scoreDraft } from '../ai/score';
const prisma = new PrismaClient();
export async function review(id: string) {
  await prisma.draft.update({ where: { id }, data: { status: 'scoring' } });
  await scoreDraft(id);
  await prisma.draft.update({ where: { id }, data: { status: 'scored' } });
}
`,
    // postgres.js: the callback's `sql` shadows the client, so `sql` inside is the transaction
    `import postgres from 'postgres';
const sql = postgres();
export async function moveSeat(from: string, to: string) {
  await sql.begin(async (sql) => {
    await sql\`update seats set holder = null where id = \${from}\`;
    await sql\`update seats set holder = 'x' where id = \${to}\`;
  });
}
`,
    // every write inside the callback goes through the handle it receives
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archiveProject(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.task.deleteMany({ where: { projectId: id } });
    await tx.project.update({ where: { id }, data: { archived: true } });
  });
}
`,
    // knex: a write bound to the transaction with .transacting(trx) is inside it
    `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function resetTokens(userId: string) {
  await db.transaction(async (trx) => {
    await db('tokens').where({ userId }).del().transacting(trx);
    await trx('users').where({ id: userId }).update({ tokenVersion: 2 });
  });
}
`,
    // knex's .toQuery() / .toString() build a statement's text without running it: the one write is the call that
    // runs the text, here or in the method that asked a helper for it
    `import { Injectable } from '@nestjs/common';
import { Knex } from 'knex';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
@Injectable()
export class ArchiveService {
  constructor(private readonly knex: Knex) {}
  async archiveRows(table: string, ids: string[]) {
    const sql = this.knex('rows').whereIn('id', ids).update({ archived: true }).toQuery();
    await prisma.$executeRawUnsafe(sql);
  }
  async purge(ids: string[]) {
    await prisma.$executeRawUnsafe(this.purgeSql(ids));
  }
  private purgeSql(ids: string[]) {
    return this.knex('rows').whereIn('id', ids).del().toQuery();
  }
  async copyRows(rows: object[]) {
    const text = this.knex.insert(rows).into('archive_rows').toString();
    await prisma.$executeRawUnsafe(text);
  }
}
`,
    // an outbound charge between two writes splits them into steps, each its own unit (issue 16)
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function settleInvoice(invoiceId: string) {
  const invoice = await prisma.invoice.update({ where: { id: invoiceId }, data: { status: 'charging' } });
  const charge = await fetch('https://pay.example.com/charges', { method: 'POST', body: JSON.stringify({ amount: invoice.total }) });
  await prisma.invoice.update({ where: { id: invoiceId }, data: { status: 'paid', chargeRef: (await charge.json()).id } });
}`,
    // a single write
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(id: string, name: string) {
  return prisma.user.update({ where: { id }, data: { name } });
}
`,
    // one bulk write
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addItems(orderId: string, items: Item[]) {
  await prisma.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId })) });
}
`,
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function createOrder(userId: string, items: Item[]) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId } });
    for (const item of items) await tx.orderItem.create({ data: { ...item, orderId: order.id } });
    return order;
  });
}
`,
    // array form of $transaction
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function swap(a: string, b: string) {
  await prisma.$transaction([
    prisma.slot.update({ where: { id: a }, data: { owner: null } }),
    prisma.slot.update({ where: { id: b }, data: { owner: 'x' } }),
  ]);
}
`,
    // a transaction handle passed down to a helper
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
import type { Prisma } from '@prisma/client';
async function reserveStock(tx: Prisma.TransactionClient, items: Item[]) {
  for (const item of items) await tx.product.update({ where: { id: item.id }, data: { stock: { decrement: item.qty } } });
}
export async function placeOrder(userId: string, items: Item[]) {
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { userId } });
    await reserveStock(tx, items);
  });
}
`,
    // the helper takes the caller's transaction: the caller decides
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
import type { Prisma } from '@prisma/client';
export async function createInvoice(tx: Prisma.TransactionClient, orderId: string) {
  const invoice = await tx.invoice.create({ data: { orderId } });
  await tx.order.update({ where: { id: orderId }, data: { invoiceId: invoice.id } });
}
`,
    // a db write plus an email and a queue job
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function signup(email: string) {
  const user = await prisma.user.create({ data: { email } });
  await mailer.sendWelcome(email);
  await queue.add('onboard', { userId: user.id });
}
`,
    // read-only
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function getOrder(id: string) {
  const order = await prisma.order.findUnique({ where: { id } });
  const items = await prisma.orderItem.findMany({ where: { orderId: id } });
  return { order, items };
}
`,
    // exclusive branches: update or create
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function save(id: string | undefined, data: Data) {
  if (id) {
    await prisma.note.update({ where: { id }, data });
  } else {
    await prisma.note.create({ data });
  }
}
`,
    // early return separates the writes
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function toggle(id: string, on: boolean) {
  if (!on) {
    await prisma.flag.delete({ where: { id } });
    return;
  }
  await prisma.flag.upsert({ where: { id }, create: { id }, update: {} });
}
`,
    // conditional expression picks one write
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function f(id: string, data: Data) {
  return data.id ? prisma.note.update({ where: { id }, data }) : prisma.note.create({ data });
}
`,
    // a write and an audit log entry (ignoreTargets)
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rename(id: string, name: string, actor: string) {
  await prisma.team.update({ where: { id }, data: { name } });
  await prisma.auditLog.create({ data: { actor, action: 'team.rename', teamId: id } });
}
`,
    // writes whose failures are tolerated one by one (.catch)
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function runJob(jobId: string, run: () => Promise<void>) {
  await prisma.job.update({ where: { id: jobId }, data: { status: 'running' } }).catch(() => null);
  await prisma.job.update({ where: { id: jobId }, data: { status: 'done' } }).catch(() => null);
}
`,
    // writes separated by the caller's callback are separate steps
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function runTask(id: string, callback: () => Promise<unknown>) {
  await prisma.task.update({ where: { id }, data: { status: 'running' } });
  const result = await callback();
  await prisma.task.update({ where: { id }, data: { status: 'done', result } });
}
`,
    // writes separated by an outbound payment call (a saga, not a transaction)
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function checkout(orderId: string) {
  await prisma.order.update({ where: { id: orderId }, data: { status: 'charging' } });
  const charge = await paymentGateway.charge({ orderId });
  await prisma.order.update({ where: { id: orderId }, data: { status: 'paid', chargeId: charge.id } });
}
`,
    // per-item try/catch: each item stands alone
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function expire(ids: string[]) {
  for (const id of ids) {
    try {
      await prisma.invite.update({ where: { id }, data: { stock: { decrement: 1 } } });
    } catch (err) {
      logger.warn({ err, id }, 'could not expire invite');
    }
  }
}
`,
    // a lone idempotent write per item is a batch step
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function recompute(recipients: Recipient[]) {
  for (const r of recipients) {
    await prisma.recipient.update({ where: { id: r.id }, data: { nextReminderAt: next(r) } });
  }
}
`,
    // batch delete in a do/while loop
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function cleanup() {
  let deleted = 0;
  do {
    deleted = await prisma.$executeRaw\`DELETE FROM sessions WHERE ctid IN (SELECT ctid FROM sessions WHERE expires < now() LIMIT 1000)\`;
  } while (deleted >= 1000);
}
`,
    // per-item transactions in a loop
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function settleAll(ids: string[]) {
  for (const id of ids) {
    await prisma.$transaction([prisma.invoice.update({ where: { id }, data: { paid: true } }), prisma.ledger.create({ data: { invoiceId: id } })]);
  }
}
`,
    // Promise.allSettled: failures handled per write
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function touch(ids: string[]) {
  await Promise.allSettled(ids.map((id) => prisma.stock.update({ where: { id }, data: { count: { increment: 1 } } })));
}
`,
    // route handlers registered by one function are separate units
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export function routes(app: Express) {
  app.post('/a', async (req, res) => {
    res.json(await prisma.a.create({ data: req.body }));
  });
  app.post('/b', async (req, res) => {
    res.json(await prisma.b.create({ data: req.body }));
  });
}
`,
    // @Transactional() decorator
    `import { Transactional } from 'typeorm-transactional';
export class OrdersService {
  constructor(private readonly orders: OrderRepository, private readonly items: ItemRepository) {}
  @Transactional()
  async create(dto: Dto) {
    const order = await this.orders.save(dto);
    await this.items.save(dto.items.map((i) => ({ ...i, order })));
  }
}
`,
    // TypeORM transaction through the data source
    `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class OrdersService {
  constructor(private readonly dataSource: DataSource) {}
  async create(dto: Dto) {
    await this.dataSource.transaction(async (manager) => {
      const order = await manager.save(Order, dto);
      await manager.getRepository(Item).insert(dto.items.map((i) => ({ ...i, orderId: order.id })));
    });
  }
}
`,
    // query runner with startTransaction
    `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function transfer(ds: DataSource, a: Account, b: Account) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.save(a);
    await queryRunner.manager.save(b);
    await queryRunner.commitTransaction();
  } catch (err) {
    await queryRunner.rollbackTransaction();
    throw err;
  } finally {
    await queryRunner.release();
  }
}
`,
    // helpers handed the query runner after its startTransaction write in that transaction
    `import { DataSource, EntityManager, QueryRunner } from 'typeorm';
async function saveTeam(team: Team, runner: QueryRunner) {
  return runner.manager.save(Team, team);
}
async function saveMember(member: Member, runner: QueryRunner) {
  return runner.manager.save(Member, member);
}
async function saveAll(manager: EntityManager, rows: object[]) {
  for (const row of rows) await manager.save(row);
}
export async function openTeam(ds: DataSource, team: Team, owner: Member) {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await saveTeam(team, runner);
    await saveMember(owner, runner);
    await saveAll(runner.manager, [team, owner]);
    await runner.commitTransaction();
  } catch (problem) {
    await runner.rollbackTransaction();
    throw problem;
  } finally {
    await runner.release();
  }
}
`,
    // update, or insert when the update found no row: past the early return the update changed nothing
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function rotateWebhookSecret(teamId: string) {
  const renamed = await prisma.webhookSecret.updateMany({ where: { teamId }, data: { value: randomSecret() } });
  if (renamed.count > 0) return;
  await prisma.webhookSecret.create({ data: { teamId, value: randomSecret() } });
}
`,
    `import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
export async function saveDigestChoice(userId: string, choice: string) {
  const merge = () => prisma.$executeRaw\`UPDATE digest_choice SET choice = \${choice} WHERE user_id = \${userId}\`;
  if ((await merge()) > 0) return;
  try {
    await prisma.digestChoice.create({ data: { userId, choice } });
  } catch (problem) {
    if (problem instanceof Prisma.PrismaClientKnownRequestError && problem.code === 'P2002') {
      await merge();
      return;
    }
    throw problem;
  }
}
`,
    // a job put on a queue between the writes: another system holds it, so they are separate steps
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function startExport(projectId: string) {
  const run = await prisma.exportRun.create({ data: { projectId, status: 'queued' } });
  const job = await exportQueue.add('export', { runId: run.id });
  await prisma.exportRun.update({ where: { id: run.id }, data: { jobId: job.id } });
}
`,
    // a write in a catch undoes or records a failure: it must outlive a rollback, so it is no second step
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function inviteGuest(eventId: string, email: string) {
  const invitation = await prisma.invitation.create({ data: { eventId, email } });
  try {
    await mailer.sendInvitation(email, invitation.id);
  } catch {
    await prisma.invitation.delete({ where: { id: invitation.id } });
    return false;
  }
  return true;
}
`,
    // TypeORM repository create() builds an entity, it does not write
    `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  async register(dto: Dto) {
    const user = this.users.create(dto);
    return this.users.save(user);
  }
}
`,
    // an EntityManager parameter carries the caller's transaction
    `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function addMember(manager: EntityManager, teamId: number, userId: number) {
  await manager.insert(Member, { teamId, userId });
  await manager.increment(Team, { id: teamId }, 'memberCount', 1);
}
`,
    // Sequelize managed transaction
    `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function createOrder(sequelize: Sequelize, dto: Dto) {
  return sequelize.transaction(async (t) => {
    const order = await Order.create(dto, { transaction: t });
    await OrderItem.bulkCreate(dto.items, { transaction: t });
    return order;
  });
}
`,
    // Sequelize: every write passes the same transaction
    `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function pay(sequelize: Sequelize, id: number) {
  const t = await sequelize.transaction();
  try {
    await Order.update({ status: 'paid' }, { where: { id }, transaction: t });
    await Payment.create({ orderId: id }, { transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}
`,
    // Sequelize: a `transaction` parameter passed to every write
    `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function addUser(teamId: number, userId: number, transaction: Transaction) {
  await Membership.create({ teamId, userId }, { transaction });
  await Team.increment('members', { where: { id: teamId }, transaction });
}
`,
    // Drizzle transaction
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function transfer(from: string, to: string, amount: number) {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ balance: sql\`balance - \${amount}\` }).where(eq(accounts.id, from));
    await tx.update(accounts).set({ balance: sql\`balance + \${amount}\` }).where(eq(accounts.id, to));
  });
}
`,
    // Drizzle: one multi-row insert
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function addTags(postId: string, tags: string[]) {
  await db.insert(postTags).values(tags.map((tag) => ({ postId, tag })));
}
`,
    // Map, Set, URLSearchParams and Headers deletes are not database writes
    `const cache = new Map<string, number>();
export function forget(id: string, form: FormData, headers: Headers) {
  cache.delete(id);
  form.delete('token');
  headers.delete('x-id');
  new URLSearchParams().delete('a');
}
`,
    // a function that receives `db` as a union with its transaction type
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
import type { PgTransaction } from 'drizzle-orm/pg-core';
export async function insertKey(tx: PgTransaction<any, any, any>, key: Key) {
  await tx.insert(keys).values(key);
  await tx.insert(keyPermissions).values(key.permissions);
}
`,
    // Knex transaction callback
    `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function cancel(orderId: number, items: Item[]) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ status: 'cancelled' });
    for (const item of items) await trx('products').where({ id: item.id }).increment('stock', item.qty);
  });
}
`,
    // Knex: every query bound with transacting
    `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function close(id: number) {
  const trx = await db.transaction();
  await db('accounts').where({ id }).update({ closed: true }).transacting(trx);
  await db('cards').where({ account_id: id }).update({ active: false }).transacting(trx);
  await trx.commit();
}
`,
    // Knex: reads only
    `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function list(userId: number) {
  const orders = await db('orders').where({ user_id: userId }).select('*');
  const count = await db('orders').where({ user_id: userId }).count();
  return { orders, count };
}
`,
    // Kysely transaction
    `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export async function rename(id: number, name: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person').set({ name }).where('id', '=', id).execute();
    await trx.insertInto('name_history').values({ personId: id, name }).execute();
  });
}
`,
    // Kysely: a builder that is never executed does not write
    `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export function buildQueries(id: number) {
  const a = db.updateTable('person').set({ name: 'x' }).where('id', '=', id);
  const b = db.deleteFrom('pet').where('owner_id', '=', id);
  return [a.compile(), b.compile()];
}
`,
    // Mongoose withTransaction
    `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function placeOrder(userId: string, productId: string, qty: number) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Product.updateOne({ _id: productId }, { $inc: { stock: -qty } }, { session });
    await Order.create([{ userId, productId, qty }], { session });
  });
  await session.endSession();
}
`,
    // Mongoose: a session on every write
    `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function ship(orderId: string, session: mongoose.ClientSession) {
  await Order.updateOne({ _id: orderId }, { status: 'shipped' }, { session });
  await Product.deleteMany({ reservedFor: orderId }).session(session);
}
`,
    // Mongoose: one insertMany
    `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function importProducts(rows: Row[]) {
  await Product.insertMany(rows);
}
`,
    // pg: BEGIN … COMMIT on the same client
    `import { Pool } from 'pg';
const pool = new Pool();
export async function move(a: number, b: number, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, a]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, b]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
`,
    // pg: SELECTs are reads
    `import { Pool } from 'pg';
const pool = new Pool();
export async function stats() {
  const a = await pool.query('SELECT count(*) FROM users');
  const b = await pool.query('SELECT count(*) FROM orders FOR UPDATE');
  return [a.rows, b.rows];
}
`,
    // postgres.js sql.begin
    `import postgres from 'postgres';
const sql = postgres();
export async function archive(id: number) {
  await sql.begin(async (sql) => {
    await sql\`insert into archived_posts select * from posts where id = \${id}\`;
    await sql\`delete from posts where id = \${id}\`;
  });
}
`,
    // mysql2 beginTransaction … commit
    `import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export async function reserve(id: number) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('UPDATE products SET stock = stock - 1 WHERE id = ?', [id]);
  await conn.execute('INSERT INTO reservations (product_id) VALUES (?)', [id]);
  await conn.commit();
  conn.release();
}
`,
    // a project helper named withTransaction
    `import { withTransaction } from '../db/tx';
export async function createOrder(dto: Dto) {
  return withTransaction(async (db) => {
    const order = await db.order.create({ data: dto });
    await db.orderItem.createMany({ data: dto.items });
    return order;
  });
}
`,
    // test files are not checked
    { code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
it('creates', async () => {
  await prisma.user.create({ data: { email: 'a' } });
  await prisma.order.create({ data: { userId: 'a' } });
});
`, filename: "src/orders.test.ts" },
    // seed scripts are not checked by default
    { code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.user.create({ data: { email: 'a' } });
  await prisma.order.create({ data: { userId: 'a' } });
}
main();
`, filename: "prisma/seed.ts" },
    // DDD factory `Order.create` and a service are not writes
    `import { Order } from '../domain/order';
export class PlaceOrder {
  constructor(private readonly ordersService: OrdersService, private readonly events: EventBus) {}
  async execute(cmd: Cmd) {
    const order = Order.create(cmd);
    await this.ordersService.update(order);
    await this.events.publish(order.events);
  }
}
`,
    // redis and cache deletes are not database writes
    `export async function logout(id: string) {
  await redis.del(\`session:\${id}\`);
  await cache.delete(id);
  await this.cacheManager.del(id);
}
`,
    // a lone loop write is allowed when checkLoops is off
    { code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function restock(items: { id: string; qty: number }[]) {
  for (const item of items) {
    await prisma.product.update({ where: { id: item.id }, data: { stock: { increment: item.qty } } });
  }
}
`, options: {"checkLoops":false} },
    // repositories fetched with the caller's request context run in the transaction it carries (Vendure's TransactionalConnection)
    `import { Injectable } from '@nestjs/common';
@Injectable()
export class OrderService {
  constructor(private connection: TransactionalConnection) {}
  async create(ctx: RequestContext, input: OrderInput) {
    const order = await this.connection.getRepository(ctx, Order).save(new Order(input));
    await this.connection.getRepository(ctx, OrderLine).save(new OrderLine({ order }));
    return order;
  }
}
`,
    // a context destructured from the options parameter is still the caller's
    `export class Saver {
  constructor(private connection: TransactionalConnection) {}
  async create(options: SaveOptions) {
    const { ctx, entity, translations } = options;
    for (const tr of translations) await this.connection.getRepository(ctx, Translation).save(tr);
    return this.connection.getRepository(ctx, Entity).save(entity);
  }
}
`,
    // a same-file helper given this function's context: the caller's caller decides
    `export class StockService {
  constructor(private connection: TransactionalConnection) {}
  async move(ctx: RequestContext, from: string, to: string, qty: number) {
    await this.adjust(ctx, from, -qty);
    await this.adjust(ctx, to, qty);
  }
  private async adjust(ctx: RequestContext, id: string, delta: number) {
    await this.connection.getRepository(ctx, StockLevel).increment({ id }, 'stockOnHand', delta);
  }
}
`,
    // @nestjs-cls/transactional: txHost.tx is the ambient transaction the caller opened
    `import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
export class AccountService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterPrisma>) {}
  async open(userId: string) {
    const account = await this.txHost.tx.account.create({ data: { userId } });
    await this.txHost.tx.ledger.create({ data: { accountId: account.id, balance: 0 } });
    return account;
  }
}
`,
    // a Logto / Knex style migration module: the runner wraps each step in a transaction
    `import { sql } from 'slonik';
const alteration = {
  up: async (pool) => {
    await pool.query(sql\`update roles set name = 'admin' where name = 'root'\`);
    await pool.query(sql\`delete from scopes where name = 'legacy'\`);
  },
  down: async (pool) => {
    await pool.query(sql\`update roles set name = 'root' where name = 'admin'\`);
  },
};
export default alteration;
`,
    // a tagged SQL fragment handed to pool.query is part of that one statement
    `import { sql } from 'slonik';
export const createPasscodeQueries = (pool) => {
  const consume = async (id) => pool.query(sql\`update passcodes set consumed = true where id = \${id}\`);
  return { consume };
};
`,
    // a tagged SQL fragment held in a variable and handed to db.query is one statement, not two
    `export async function insertOne(db, sql, table, input) {
  const insert = sql\`INSERT INTO \${sql.ident(table)} VALUES (\${sql.value(input)}) RETURNING *\`;
  const rows = await db.query(insert);
  return rows[0];
}
`,
    // rotating a one-time code: a failure after the delete leaves the user to ask for a new code
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function sendCode(email: string, code: string) {
  await prisma.verificationToken.deleteMany({ where: { identifier: email } });
  await prisma.verificationToken.create({ data: { identifier: email, token: code, expires: new Date(Date.now() + 600_000) } });
}
`,
    // the second write runs in the rejection handler of an upload: it undoes the first when the upload fails
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function setAvatar(id: string, url: string, upload: () => Promise<void>) {
  await prisma.profile.update({ where: { id }, data: { avatar: url } });
  upload().catch(async () => {
    await prisma.profile.update({ where: { id }, data: { avatar: null } });
  });
}
`,
    // absolute upserts only: running the import again after a partial failure converges
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importMember(programId: string, email: string, name: string) {
  const member = await prisma.member.upsert({ where: { email }, create: { email, name }, update: { name } });
  await prisma.enrollment.upsert({ where: { programId_memberId: { programId, memberId: member.id } }, create: { programId, memberId: member.id }, update: {} });
}
`,
    // two idempotent SQL aggregations: each INSERT … ON CONFLICT DO UPDATE SET c = EXCLUDED.c can be re-run
    `import { Pool } from 'pg';
const pool = new Pool();
export async function rollUp() {
  await pool.query('INSERT INTO daily (day, n) SELECT day, count(*) FROM hits GROUP BY day ON CONFLICT (day) DO UPDATE SET n = EXCLUDED.n');
  await pool.query('INSERT INTO daily_by_page (day, page, n) SELECT day, page, count(*) FROM hits GROUP BY day, page ON CONFLICT (day, page) DO UPDATE SET n = EXCLUDED.n');
}
`,
    // two rate-limit counters are independent of each other
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function hit(ip: string, key: string) {
  await prisma.rateLimit.upsert({ where: { key: ip }, create: { key: ip, count: 1 }, update: { count: { increment: 1 } } });
  await prisma.rateLimit.upsert({ where: { key }, create: { key, count: 1 }, update: { count: { increment: 1 } } });
}
`,
  ],
  invalid: [
    // the seed: order, items in a loop
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function createOrder(userId: string, items: Item[]) {
  const order = await prisma.order.create({ data: { userId, status: 'pending' } });
  for (const item of items) {
    await prisma.orderItem.create({ data: { orderId: order.id, productId: item.productId, quantity: item.quantity } });
  }
  for (const item of items) {
    await prisma.product.update({ where: { id: item.productId }, data: { stock: { decrement: item.quantity } } });
  }
  return order;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 23, endLine: 4, endColumn: 42, data: { count: 3, name: "'createOrder'", lines: "4, 6, 9" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function createOrder(userId: string, items: Item[]) {
  return await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId, status: 'pending' } });
    for (const item of items) {
      await tx.orderItem.create({ data: { orderId: order.id, productId: item.productId, quantity: item.quantity } });
    }
    for (const item of items) {
      await tx.product.update({ where: { id: item.productId }, data: { stock: { decrement: item.quantity } } });
    }
    return order;
  });
}
` },
          ],
        },
      ],
    },
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(from: string, to: string, amount: number) {
  await prisma.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
  await prisma.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 30, data: { count: 2, name: "'transfer'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(from: string, to: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
  });
}
` },
          ],
        },
      ],
    },
    // NestJS PrismaService
    {
      code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}
  async register(email: string) {
    const user = await this.prisma.user.create({ data: { email } });
    await this.prisma.profile.create({ data: { userId: user.id } });
    return user;
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 7, column: 24, endLine: 7, endColumn: 47, data: { count: 2, name: "'register'", lines: "7, 8" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}
  async register(email: string) {
    return await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email } });
      await tx.profile.create({ data: { userId: user.id } });
      return user;
    });
  }
}
` },
          ],
        },
      ],
    },
    // tRPC ctx.db
    {
      code: `export const createTeam = protectedProcedure.mutation(async ({ ctx, input }) => {
  const team = await ctx.db.team.create({ data: { name: input.name } });
  await ctx.db.membership.create({ data: { teamId: team.id, userId: ctx.user.id, role: 'owner' } });
  return team;
});
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 2, column: 22, endLine: 2, endColumn: 40, data: { count: 2, name: "this function", lines: "2, 3" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `export const createTeam = protectedProcedure.mutation(async ({ ctx, input }) => {
  return await ctx.db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name: input.name } });
    await tx.membership.create({ data: { teamId: team.id, userId: ctx.user.id, role: 'owner' } });
    return team;
  });
});
` },
          ],
        },
      ],
    },
    // a write outside the transaction the others run in
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function publish(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.post.update({ where: { id }, data: { published: true } });
    await tx.revision.create({ data: { postId: id } });
  });
  await prisma.feed.create({ data: { postId: id } });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 8, column: 9, endLine: 8, endColumn: 27, data: { count: 3, name: "'publish'", lines: "5, 6, 8" },
          suggestions: [],
        },
      ],
    },
    // raw and model writes
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function reset(userId: string) {
  await prisma.$executeRaw\`DELETE FROM sessions WHERE user_id = \${userId}\`;
  await prisma.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 27, data: { count: 2, name: "'reset'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function reset(userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw\`DELETE FROM sessions WHERE user_id = \${userId}\`;
    await tx.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
  });
}
` },
          ],
        },
      ],
    },
    // Promise.all of writes
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archive(id: string) {
  await Promise.all([
    prisma.project.update({ where: { id }, data: { archived: true } }),
    prisma.task.updateMany({ where: { projectId: id }, data: { archived: true } }),
  ]);
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 5, endLine: 5, endColumn: 26, data: { count: 2, name: "'archive'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archive(id: string) {
  await prisma.$transaction(async (tx) => {
    await Promise.all([
      tx.project.update({ where: { id }, data: { archived: true } }),
      tx.task.updateMany({ where: { projectId: id }, data: { archived: true } }),
    ]);
  });
}
` },
          ],
        },
      ],
    },
    // lone relative update in a loop
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function restock(items: { id: string; qty: number }[]) {
  for (const item of items) {
    await prisma.product.update({ where: { id: item.id }, data: { stock: { increment: item.qty } } });
  }
}
`,
      errors: [
        {
          messageId: 'loopWrite', line: 5, column: 11, endLine: 5, endColumn: 32, data: { name: "'restock'", lines: 5 },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function restock(items: { id: string; qty: number }[]) {
  await prisma.$transaction(async (tx) => {
    for (const item of items) {
      await tx.product.update({ where: { id: item.id }, data: { stock: { increment: item.qty } } });
    }
  });
}
` },
          ],
        },
      ],
    },
    // map inside Promise.all is a loop
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function cancelOrder(orderId: string, items: Item[]) {
  await prisma.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
  await Promise.all(items.map((item) => prisma.product.update({ where: { id: item.productId }, data: { stock: { increment: item.quantity } } })));
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 28, data: { count: 2, name: "'cancelOrder'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function cancelOrder(orderId: string, items: Item[]) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await Promise.all(items.map((item) => tx.product.update({ where: { id: item.productId }, data: { stock: { increment: item.quantity } } })));
  });
}
` },
          ],
        },
      ],
    },
    // Express handler
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.post('/orders/:id/pay', async (req, res) => {
  await prisma.payment.create({ data: { orderId: req.params.id, amount: req.body.amount } });
  await prisma.order.update({ where: { id: req.params.id }, data: { status: 'paid' } });
  res.json({ ok: true });
});
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 30, data: { count: 2, name: "this function", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.post('/orders/:id/pay', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.payment.create({ data: { orderId: req.params.id, amount: req.body.amount } });
    await tx.order.update({ where: { id: req.params.id }, data: { status: 'paid' } });
  });
  res.json({ ok: true });
});
` },
          ],
        },
      ],
    },
    // helper in the same file writes
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function addItems(orderId: string, items: Item[]) {
  await prisma.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId })) });
}
export async function createOrder(userId: string, items: Item[]) {
  const order = await prisma.order.create({ data: { userId } });
  await addItems(order.id, items);
  return order;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 7, column: 23, endLine: 7, endColumn: 42, data: { count: 2, name: "'createOrder'", lines: "7, 8" },
          suggestions: [],
        },
      ],
    },
    // a transaction handle passed to a helper, but no transaction around the call
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
import type { Prisma } from '@prisma/client';
async function reserveStock(tx: Prisma.TransactionClient, items: Item[]) {
  for (const item of items) await tx.product.update({ where: { id: item.id }, data: { stock: { decrement: item.qty } } });
}
export async function placeOrder(userId: string, items: Item[]) {
  await prisma.order.create({ data: { userId } });
  await reserveStock(prisma, items);
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 8, column: 9, endLine: 8, endColumn: 28, data: { count: 2, name: "'placeOrder'", lines: "8, 9" },
          suggestions: [],
        },
      ],
    },
    // this.helper() in a class
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class InvoiceService {
  private async markPaid(id: string) {
    await prisma.invoice.update({ where: { id }, data: { status: 'paid' } });
  }
  async settle(id: string, amount: number) {
    await prisma.ledgerEntry.create({ data: { invoiceId: id, amount } });
    await this.markPaid(id);
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 8, column: 11, endLine: 8, endColumn: 36, data: { count: 2, name: "'settle'", lines: "8, 9" },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
  ) {}
  async create(dto: CreateOrderDto) {
    const order = await this.orders.save({ userId: dto.userId });
    await this.items.insert(dto.items.map((i) => ({ ...i, orderId: order.id })));
    return order;
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 9, column: 25, endLine: 9, endColumn: 41, data: { count: 2, name: "'create'", lines: "9, 10" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
  ) {}
  async create(dto: CreateOrderDto) {
    return await this.orders.manager.transaction(async (manager) => {
      const order = await manager.withRepository(this.orders).save({ userId: dto.userId });
      await manager.withRepository(this.items).insert(dto.items.map((i) => ({ ...i, orderId: order.id })));
      return order;
    });
  }
}
` },
          ],
        },
      ],
    },
    // EntityManager through the data source
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class WalletService {
  constructor(private readonly dataSource: DataSource) {}
  async debit(walletId: string, amount: number) {
    await this.dataSource.manager.decrement(Wallet, { id: walletId }, 'balance', amount);
    await this.dataSource.manager.insert(LedgerEntry, { walletId, amount: -amount });
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 44, data: { count: 2, name: "'debit'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class WalletService {
  constructor(private readonly dataSource: DataSource) {}
  async debit(walletId: string, amount: number) {
    await this.dataSource.manager.transaction(async (transactionalEntityManager) => {
      await transactionalEntityManager.decrement(Wallet, { id: walletId }, 'balance', amount);
      await transactionalEntityManager.insert(LedgerEntry, { walletId, amount: -amount });
    });
  }
}
` },
          ],
        },
      ],
    },
    // getRepository from the data source
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  await ds.getRepository(User).update(id, { name });
  await ds.getRepository(Profile).update({ userId: id }, { displayName: name });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 38, data: { count: 2, name: "'rename'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  await ds.transaction(async (manager) => {
    await manager.getRepository(User).update(id, { name });
    await manager.getRepository(Profile).update({ userId: id }, { displayName: name });
  });
}
` },
          ],
        },
      ],
    },
    // query builder writes
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class CartService {
  constructor(@InjectRepository(Cart) private readonly carts: Repository<Cart>) {}
  async clear(cartId: number) {
    await this.carts.createQueryBuilder().delete().from(CartItem).where('cartId = :cartId', { cartId }).execute();
    await this.carts.createQueryBuilder().update(Cart).set({ total: 0 }).where('id = :cartId', { cartId }).execute();
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 49, data: { count: 2, name: "'clear'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class CartService {
  constructor(@InjectRepository(Cart) private readonly carts: Repository<Cart>) {}
  async clear(cartId: number) {
    await this.carts.manager.transaction(async (manager) => {
      await manager.withRepository(this.carts).createQueryBuilder().delete().from(CartItem).where('cartId = :cartId', { cartId }).execute();
      await manager.withRepository(this.carts).createQueryBuilder().update(Cart).set({ total: 0 }).where('id = :cartId', { cartId }).execute();
    });
  }
}
` },
          ],
        },
      ],
    },
    // writes on a query runner that never started a transaction
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function copy(ds: DataSource, a: Post) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.manager.save(Post, { ...a, id: undefined });
  await queryRunner.manager.update(Post, a.id, { copied: true });
  await queryRunner.release();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 9, endLine: 6, endColumn: 33, data: { count: 2, name: "'copy'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export async function copy(ds: DataSource, a: Post) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.manager.transaction(async (transactionalEntityManager) => {
    await transactionalEntityManager.save(Post, { ...a, id: undefined });
    await transactionalEntityManager.update(Post, a.id, { copied: true });
  });
  await queryRunner.release();
}
` },
          ],
        },
      ],
    },
    // old getRepository()
    {
      code: `import { getRepository } from 'typeorm';
export async function follow(userId: number, targetId: number) {
  await getRepository(Follow).insert({ userId, targetId });
  await getRepository(User).increment({ id: targetId }, 'followers', 1);
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 3, column: 9, endLine: 3, endColumn: 37, data: { count: 2, name: "'follow'", lines: "3, 4" },
          suggestions: [],
        },
      ],
    },
    // remove and softDelete
    {
      code: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class TeamsService {
  constructor(@InjectRepository(Team) private teamRepository: Repository<Team>, @InjectRepository(Member) private memberRepository: Repository<Member>) {}
  async disband(team: Team) {
    await this.memberRepository.softDelete({ teamId: team.id });
    await this.teamRepository.remove(team);
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 43, data: { count: 2, name: "'disband'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
export class TeamsService {
  constructor(@InjectRepository(Team) private teamRepository: Repository<Team>, @InjectRepository(Member) private memberRepository: Repository<Member>) {}
  async disband(team: Team) {
    await this.memberRepository.manager.transaction(async (manager) => {
      await manager.withRepository(this.memberRepository).softDelete({ teamId: team.id });
      await manager.withRepository(this.teamRepository).remove(team);
    });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function createOrder(userId: number, items: any[]) {
  const order = await Order.create({ userId, status: 'pending' });
  await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })));
  return order;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 23, endLine: 4, endColumn: 35, data: { count: 2, name: "'createOrder'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function createOrder(userId: number, items: any[]) {
  return await Order.sequelize!.transaction(async (t) => {
    const order = await Order.create({ userId, status: 'pending' }, { transaction: t });
    await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })), { transaction: t });
    return order;
  });
}
` },
          ],
        },
      ],
    },
    // instance save and static destroy
    {
      code: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function cancel(id: number) {
  const order = await Order.findByPk(id);
  if (!order) throw new NotFoundError();
  order.status = 'cancelled';
  await order.save();
  await OrderItem.destroy({ where: { orderId: id } });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 7, column: 9, endLine: 7, endColumn: 19, data: { count: 2, name: "'cancel'", lines: "7, 8" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function cancel(id: number) {
  const order = await Order.findByPk(id);
  if (!order) throw new NotFoundError();
  order.status = 'cancelled';
  await order.sequelize!.transaction(async (t) => {
    await order.save({ transaction: t });
    await OrderItem.destroy({ where: { orderId: id }, transaction: t });
  });
}
` },
          ],
        },
      ],
    },
    // one write carries the transaction, the other does not
    {
      code: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function pay(sequelize: Sequelize, id: number) {
  const t = await sequelize.transaction();
  await Order.update({ status: 'paid' }, { where: { id }, transaction: t });
  await OrderItem.update({ paid: true }, { where: { orderId: id } });
  await t.commit();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 9, endLine: 6, endColumn: 25, data: { count: 2, name: "'pay'", lines: "5, 6" },
          suggestions: [],
        },
      ],
    },
    // increment in a loop
    {
      code: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function restoreStock(items: { productId: number; qty: number }[]) {
  for (const item of items) {
    await Product.increment('stock', { by: item.qty, where: { id: item.productId } });
  }
}
`,
      errors: [
        {
          messageId: 'loopWrite', line: 5, column: 11, endLine: 5, endColumn: 28, data: { name: "'restoreStock'", lines: 5 },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Order, OrderItem, Product } from '../models';
import { Op } from 'sequelize';
export async function restoreStock(items: { productId: number; qty: number }[]) {
  await Product.sequelize!.transaction(async (t) => {
    for (const item of items) {
      await Product.increment('stock', { by: item.qty, where: { id: item.productId }, transaction: t });
    }
  });
}
` },
          ],
        },
      ],
    },
    // model defined in the file
    {
      code: `import { DataTypes, Model, Sequelize } from 'sequelize';
class Account extends Model {}
class Transfer extends Model {}
export async function move(from: number, to: number, amount: number) {
  await Account.decrement('balance', { by: amount, where: { id: from } });
  await Account.increment('balance', { by: amount, where: { id: to } });
  await Transfer.create({ from, to, amount });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 26, data: { count: 3, name: "'move'", lines: "5, 6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { DataTypes, Model, Sequelize } from 'sequelize';
class Account extends Model {}
class Transfer extends Model {}
export async function move(from: number, to: number, amount: number) {
  await Account.sequelize!.transaction(async (t) => {
    await Account.decrement('balance', { by: amount, where: { id: from }, transaction: t });
    await Account.increment('balance', { by: amount, where: { id: to }, transaction: t });
    await Transfer.create({ from, to, amount }, { transaction: t });
  });
}
` },
          ],
        },
      ],
    },
    // NestJS @InjectModel (sequelize)
    {
      code: `import { InjectModel } from '@nestjs/sequelize';
export class SeatsService {
  constructor(@InjectModel(Seat) private seatModel: typeof Seat, @InjectModel(Booking) private bookingModel: typeof Booking) {}
  async book(seatId: number, userId: number) {
    await this.seatModel.update({ taken: true }, { where: { id: seatId } });
    await this.bookingModel.create({ seatId, userId });
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 32, data: { count: 2, name: "'book'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { InjectModel } from '@nestjs/sequelize';
export class SeatsService {
  constructor(@InjectModel(Seat) private seatModel: typeof Seat, @InjectModel(Booking) private bookingModel: typeof Booking) {}
  async book(seatId: number, userId: number) {
    await this.seatModel.sequelize!.transaction(async (t) => {
      await this.seatModel.update({ taken: true }, { where: { id: seatId }, transaction: t });
      await this.bookingModel.create({ seatId, userId }, { transaction: t });
    });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function transfer(from: string, to: string, amount: number) {
  await db.update(accounts).set({ balance: sql\`\${accounts.balance} - \${amount}\` }).where(eq(accounts.id, from));
  await db.update(accounts).set({ balance: sql\`\${accounts.balance} + \${amount}\` }).where(eq(accounts.id, to));
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 18, data: { count: 2, name: "'transfer'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function transfer(from: string, to: string, amount: number) {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ balance: sql\`\${accounts.balance} - \${amount}\` }).where(eq(accounts.id, from));
    await tx.update(accounts).set({ balance: sql\`\${accounts.balance} + \${amount}\` }).where(eq(accounts.id, to));
  });
}
` },
          ],
        },
      ],
    },
    // insert, returning, insert
    {
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function createProject(name: string, ownerId: string) {
  const [project] = await db.insert(projects).values({ name, ownerId }).returning();
  await db.insert(members).values({ projectId: project.id, userId: ownerId, role: 'owner' });
  return project;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 27, endLine: 5, endColumn: 36, data: { count: 2, name: "'createProject'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function createProject(name: string, ownerId: string) {
  return await db.transaction(async (tx) => {
    const [project] = await tx.insert(projects).values({ name, ownerId }).returning();
    await tx.insert(members).values({ projectId: project.id, userId: ownerId, role: 'owner' });
    return project;
  });
}
` },
          ],
        },
      ],
    },
    // delete and insert
    {
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function replaceTags(postId: string, tags: string[]) {
  await db.delete(postTags).where(eq(postTags.postId, postId));
  await db.insert(postTags).values(tags.map((tag) => ({ postId, tag })));
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 18, data: { count: 2, name: "'replaceTags'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function replaceTags(postId: string, tags: string[]) {
  await db.transaction(async (tx) => {
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    await tx.insert(postTags).values(tags.map((tag) => ({ postId, tag })));
  });
}
` },
          ],
        },
      ],
    },
    // db imported from the project
    {
      code: `import { db } from '@/server/db';
import { users, sessions } from '@/server/db/schema';
import { eq } from 'drizzle-orm';
export async function banUser(id: string) {
  await db.update(users).set({ banned: true }).where(eq(users.id, id));
  await db.delete(sessions).where(eq(sessions.userId, id));
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 18, data: { count: 2, name: "'banUser'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { db } from '@/server/db';
import { users, sessions } from '@/server/db/schema';
import { eq } from 'drizzle-orm';
export async function banUser(id: string) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ banned: true }).where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
  });
}
` },
          ],
        },
      ],
    },
    // injected drizzle database type
    {
      code: `import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
export class StockService {
  constructor(private readonly db: NodePgDatabase) {}
  async reserve(items: { id: number; qty: number }[]) {
    for (const item of items) {
      await this.db.update(products).set({ stock: sql\`stock - \${item.qty}\` }).where(eq(products.id, item.id));
    }
  }
}
`,
      errors: [
        {
          messageId: 'loopWrite', line: 7, column: 13, endLine: 7, endColumn: 27, data: { name: "'reserve'", lines: 7 },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
export class StockService {
  constructor(private readonly db: NodePgDatabase) {}
  async reserve(items: { id: number; qty: number }[]) {
    await this.db.transaction(async (tx) => {
      for (const item of items) {
        await tx.update(products).set({ stock: sql\`stock - \${item.qty}\` }).where(eq(products.id, item.id));
      }
    });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function cancel(orderId: number, items: { id: number; qty: number }[]) {
  await db('orders').where({ id: orderId }).update({ status: 'cancelled' });
  for (const item of items) {
    await db('products').where({ id: item.id }).increment('stock', item.qty);
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 51, data: { count: 2, name: "'cancel'", lines: "4, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function cancel(orderId: number, items: { id: number; qty: number }[]) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).update({ status: 'cancelled' });
    for (const item of items) {
      await trx('products').where({ id: item.id }).increment('stock', item.qty);
    }
  });
}
` },
          ],
        },
      ],
    },
    // insert into, del
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function moveComment(id: number, toPost: number) {
  const [comment] = await db('comments').where({ id }).select('*');
  await db.insert({ ...comment, id: undefined, post_id: toPost }).into('comments');
  await db('comments').where({ id }).del();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 18, data: { count: 2, name: "'moveComment'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function moveComment(id: number, toPost: number) {
  const [comment] = await db('comments').where({ id }).select('*');
  await db.transaction(async (trx) => {
    await trx.insert({ ...comment, id: undefined, post_id: toPost }).into('comments');
    await trx('comments').where({ id }).del();
  });
}
` },
          ],
        },
      ],
    },
    // a knex instance named knex
    {
      code: `import Knex from 'knex';
const knex = Knex(config);
export async function signup(email: string) {
  const [id] = await knex('users').insert({ email });
  await knex('profiles').insert({ user_id: id });
  return id;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 22, endLine: 4, endColumn: 42, data: { count: 2, name: "'signup'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import Knex from 'knex';
const knex = Knex(config);
export async function signup(email: string) {
  return await knex.transaction(async (trx) => {
    const [id] = await trx('users').insert({ email });
    await trx('profiles').insert({ user_id: id });
    return id;
  });
}
` },
          ],
        },
      ],
    },
    // one write bound with transacting, the other not
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function close(id: number) {
  const trx = await db.transaction();
  await db('accounts').where({ id }).update({ closed: true }).transacting(trx);
  await db('cards').where({ account_id: id }).update({ active: false });
  await trx.commit();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 9, endLine: 6, endColumn: 53, data: { count: 2, name: "'close'", lines: "5, 6" },
          suggestions: [],
        },
      ],
    },
    // class with an injected Knex
    {
      code: `import type { Knex } from 'knex';
export class PostsRepository {
  constructor(private readonly knex: Knex) {}
  async publish(id: number) {
    await this.knex('posts').where({ id }).update({ published: true });
    await this.knex('feed').insert({ post_id: id });
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 50, data: { count: 2, name: "'publish'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import type { Knex } from 'knex';
export class PostsRepository {
  constructor(private readonly knex: Knex) {}
  async publish(id: number) {
    await this.knex.transaction(async (trx) => {
      await trx('posts').where({ id }).update({ published: true });
      await trx('feed').insert({ post_id: id });
    });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export async function rename(id: number, name: string) {
  await db.updateTable('person').set({ name }).where('id', '=', id).execute();
  await db.insertInto('name_history').values({ personId: id, name }).execute();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 23, data: { count: 2, name: "'rename'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export async function rename(id: number, name: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person').set({ name }).where('id', '=', id).execute();
    await trx.insertInto('name_history').values({ personId: id, name }).execute();
  });
}
` },
          ],
        },
      ],
    },
    // deleteFrom and executeTakeFirst
    {
      code: `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export async function removePet(id: number) {
  await db.deleteFrom('toy').where('pet_id', '=', id).execute();
  const result = await db.deleteFrom('pet').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 22, data: { count: 2, name: "'removePet'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
export async function removePet(id: number) {
  return await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('toy').where('pet_id', '=', id).execute();
    const result = await trx.deleteFrom('pet').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows;
  });
}
` },
          ],
        },
      ],
    },
    // Kysely through a class property
    {
      code: `import type { Kysely } from 'kysely';
export class AlbumRepository {
  constructor(private db: Kysely<DB>) {}
  async addAssets(albumId: string, assetIds: string[]) {
    for (const assetId of assetIds) {
      await this.db.insertInto('album_asset').values({ albumId, assetId }).execute();
    }
    await this.db.updateTable('album').set({ assetCount: sql\`"assetCount" + \${assetIds.length}\` }).where('id', '=', albumId).execute();
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 13, endLine: 6, endColumn: 31, data: { count: 2, name: "'addAssets'", lines: "6, 8" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import type { Kysely } from 'kysely';
export class AlbumRepository {
  constructor(private db: Kysely<DB>) {}
  async addAssets(albumId: string, assetIds: string[]) {
    await this.db.transaction().execute(async (trx) => {
      for (const assetId of assetIds) {
        await trx.insertInto('album_asset').values({ albumId, assetId }).execute();
      }
      await trx.updateTable('album').set({ assetCount: sql\`"assetCount" + \${assetIds.length}\` }).where('id', '=', albumId).execute();
    });
  }
}
` },
          ],
        },
      ],
    },
    // raw kysely sql
    {
      code: `import { Kysely } from 'kysely';
const db = new Kysely<Database>({ dialect });
import { sql } from 'kysely';
export async function purge(userId: string) {
  await sql\`delete from sessions where user_id = \${userId}\`.execute(db);
  await db.updateTable('user').set({ purgedAt: new Date() }).where('id', '=', userId).execute();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 68, data: { count: 2, name: "'purge'", lines: "5, 6" },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function placeOrder(userId: string, productId: string, qty: number) {
  await Product.updateOne({ _id: productId }, { $inc: { stock: -qty } });
  const order = await Order.create({ userId, productId, qty });
  return order;
}
`,
      options: { mongoTransactions: true },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 26, data: { count: 2, name: "'placeOrder'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function placeOrder(userId: string, productId: string, qty: number) {
  return await mongoose.connection.transaction(async (session) => {
    await Product.updateOne({ _id: productId }, { $inc: { stock: -qty } }, { session });
    const [order] = await Order.create([{ userId, productId, qty }], { session });
    return order;
  });
}
` },
          ],
        },
      ],
    },
    // document save after a static update
    {
      code: `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function refund(orderId: string) {
  const order = await Order.findById(orderId);
  order.status = 'refunded';
  await order.save();
  await Product.findOneAndUpdate({ _id: order.productId }, { $inc: { stock: order.qty } });
}
`,
      options: { mongoTransactions: true },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 9, endLine: 6, endColumn: 19, data: { count: 2, name: "'refund'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function refund(orderId: string) {
  const order = await Order.findById(orderId);
  order.status = 'refunded';
  await mongoose.connection.transaction(async (session) => {
    await order.save({ session });
    await Product.findOneAndUpdate({ _id: order.productId }, { $inc: { stock: order.qty } }, { session });
  });
}
` },
          ],
        },
      ],
    },
    // NestJS @InjectModel (mongoose)
    {
      code: `import { Model } from 'mongoose';
import { InjectModel } from '@nestjs/mongoose';
export class WalletService {
  constructor(@InjectModel('Wallet') private walletModel: Model<Wallet>, @InjectModel('Ledger') private ledgerModel: Model<Ledger>) {}
  async credit(id: string, amount: number) {
    await this.walletModel.updateOne({ _id: id }, { $inc: { balance: amount } });
    const entry = await this.ledgerModel.create({ walletId: id, amount });
    return entry;
  }
}
`,
      options: { mongoTransactions: true },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 37, data: { count: 2, name: "'credit'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Model } from 'mongoose';
import { InjectModel } from '@nestjs/mongoose';
export class WalletService {
  constructor(@InjectModel('Wallet') private walletModel: Model<Wallet>, @InjectModel('Ledger') private ledgerModel: Model<Ledger>) {}
  async credit(id: string, amount: number) {
    return await this.walletModel.db.transaction(async (session) => {
      await this.walletModel.updateOne({ _id: id }, { $inc: { balance: amount } }, { session });
      const [entry] = await this.ledgerModel.create([{ walletId: id, amount }], { session });
      return entry;
    });
  }
}
` },
          ],
        },
      ],
    },
    // a session on one write only
    {
      code: `import { Order, Product } from './models/order.model';
import mongoose from 'mongoose';
export async function ship(orderId: string, session: mongoose.ClientSession) {
  await Order.updateOne({ _id: orderId }, { status: 'shipped' }, { session });
  await Product.deleteMany({ reservedFor: orderId });
}
`,
      options: { mongoTransactions: true },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 27, data: { count: 2, name: "'ship'", lines: "4, 5" },
          suggestions: [],
        },
      ],
    },
    // models made with mongoose.model in the file
    {
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
const Post = mongoose.model('Post', postSchema);
export async function deleteUser(id: string) {
  await Post.deleteMany({ author: id });
  await User.findByIdAndDelete(id);
}
`,
      options: { mongoTransactions: true },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 24, data: { count: 2, name: "'deleteUser'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import mongoose from 'mongoose';
const User = mongoose.model('User', userSchema);
const Post = mongoose.model('Post', postSchema);
export async function deleteUser(id: string) {
  await mongoose.connection.transaction(async (session) => {
    await Post.deleteMany({ author: id }, { session });
    await User.findByIdAndDelete(id, { session });
  });
}
` },
          ],
        },
      ],
    },
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function move(a: number, b: number, amount: number) {
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, a]);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, b]);
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 19, data: { count: 2, name: "'move'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Pool } from 'pg';
const pool = new Pool();
export async function move(a: number, b: number, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, a]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, b]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
` },
          ],
        },
      ],
    },
    // mysql2 pool
    {
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function reserve(id: number) {
  const [rows] = await pool.query('SELECT stock FROM products WHERE id = ?', [id]);
  await pool.execute('UPDATE products SET stock = stock - 1 WHERE id = ?', [id]);
  await pool.execute('INSERT INTO reservations (product_id) VALUES (?)', [id]);
  return rows;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 21, data: { count: 2, name: "'reserve'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
export async function reserve(id: number) {
  const [rows] = await pool.query('SELECT stock FROM products WHERE id = ?', [id]);
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('UPDATE products SET stock = stock - 1 WHERE id = ?', [id]);
    await conn.execute('INSERT INTO reservations (product_id) VALUES (?)', [id]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
  return rows;
}
` },
          ],
        },
      ],
    },
    // postgres.js tagged templates
    {
      code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function archive(id: number) {
  await sql\`insert into archived_posts select * from posts where id = \${id}\`;
  await sql\`delete from posts where id = \${id}\`;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 12, data: { count: 2, name: "'archive'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);
export async function archive(id: number) {
  await sql.begin(async (sql) => {
    await sql\`insert into archived_posts select * from posts where id = \${id}\`;
    await sql\`delete from posts where id = \${id}\`;
  });
}
` },
          ],
        },
      ],
    },
    // pg client connected from a pool, no BEGIN
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function tag(postId: number, tags: string[]) {
  const client = await pool.connect();
  try {
    await client.query('DELETE FROM post_tags WHERE post_id = $1', [postId]);
    await client.query({ text: 'INSERT INTO post_tags (post_id, tag) SELECT $1, unnest($2::text[])', values: [postId, tags] });
  } finally {
    client.release();
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 23, data: { count: 2, name: "'tag'", lines: "6, 7" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { Pool } from 'pg';
const pool = new Pool();
export async function tag(postId: number, tags: string[]) {
  const client = await pool.connect();
  try {
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM post_tags WHERE post_id = $1', [postId]);
      await client.query({ text: 'INSERT INTO post_tags (post_id, tag) SELECT $1, unnest($2::text[])', values: [postId, tags] });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}
` },
          ],
        },
      ],
    },
    // a query written before BEGIN
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function f(id: number) {
  const client = await pool.connect();
  await client.query('UPDATE jobs SET started = now() WHERE id = $1', [id]);
  await client.query('BEGIN');
  await client.query('UPDATE jobs SET done = true WHERE id = $1', [id]);
  await client.query('COMMIT');
  client.release();
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 9, endLine: 5, endColumn: 21, data: { count: 2, name: "'f'", lines: "5, 7" },
          suggestions: [],
        },
      ],
    },
    // CommonJS require
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
async function cancelOrder(id) {
  await pool.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [id]);
  await pool.query('UPDATE products p SET stock = p.stock + i.qty FROM order_items i WHERE i.order_id = $1 AND i.product_id = p.id', [id]);
}
module.exports = { cancelOrder };
`,
      filename: "src/orders.js",
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 19, data: { count: 2, name: "'cancelOrder'", lines: "4, 5" },
          suggestions: [],
        },
      ],
    },
    // configured write method
    {
      code: `import { InjectModel } from '@nestjs/mongoose';
export class S {
  constructor(@InjectModel('A') private aModel: Model<A>) {}
  async f() {
    await this.aModel.persist({ a: 1 });
    await this.aModel.persist({ a: 2 });
  }
}
`,
      knowledge: {"database":{"writeMethods":["persist"]}},
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 30, data: { count: 2, name: "'f'", lines: "5, 6" },
          suggestions: [],
        },
      ],
    },
    // a data layer defined only in the config: its client type and write methods are enough
    {
      code: `export async function move(store: AcmeClient, from: string, to: string) {
  await store.put(to, 1);
  await store.remove(from);
}
`,
      knowledge: { database: { layers: [{ id: 'acme', name: 'Acme', modules: ['acme-db'], clientTypes: ['AcmeClient'], writeMethods: ['put', 'remove'] }] } },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 2, column: 9, endLine: 2, endColumn: 18, data: { count: 2, name: "'move'", lines: "2, 3" },
          suggestions: [],
        },
      ],
    },
    // ... also when a built-in layer uses the same type name (pg's `Pool`): the file imports it from the configured layer
    {
      code: `import { Pool } from 'acme-db';
export async function move(store: Pool, from: string, to: string) {
  await store.put(to, 1);
  await store.remove(from);
}
`,
      knowledge: { database: { layers: [{ id: 'acme', name: 'Acme', modules: ['acme-db'], clientTypes: ['Pool', 'Connection'], writeMethods: ['put', 'remove'] }] } },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 3, column: 9, endLine: 3, endColumn: 18, data: { count: 2, name: "'move'", lines: "3, 4" },
          suggestions: [],
        },
      ],
    },
    // ... and a call on a model type of that layer
    {
      code: `export async function move(items: AcmeTable, from: string, to: string) {
  await items.put(to, 1);
  await items.remove(from);
}
`,
      knowledge: { database: { layers: [{ id: 'acme', name: 'Acme', modules: ['acme-db'], modelTypes: ['AcmeTable'], writeMethods: ['put', 'remove'] }] } },
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 2, column: 9, endLine: 2, endColumn: 18, data: { count: 2, name: "'move'", lines: "2, 3" },
          suggestions: [],
        },
      ],
    },
    // a repository fetched without the request context runs outside the caller's transaction
    {
      code: `export class OrderService {
  constructor(private connection: TransactionalConnection) {}
  async cancel(ctx: RequestContext, id: string) {
    await this.connection.getRepository(Order).update(id, { state: 'Cancelled' });
    await this.connection.getRepository(StockLevel).increment({ id }, 'stockOnHand', 1);
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 11, endLine: 4, endColumn: 54, data: { count: 2, name: "'cancel'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `export class OrderService {
  constructor(private connection: TransactionalConnection) {}
  async cancel(ctx: RequestContext, id: string) {
    await this.connection.transaction(async (manager) => {
      await manager.getRepository(Order).update(id, { state: 'Cancelled' });
      await manager.getRepository(StockLevel).increment({ id }, 'stockOnHand', 1);
    });
  }
}
` },
          ],
        },
      ],
    },
    // a context the function makes itself carries no caller's transaction
    {
      code: `export class AdminService {
  constructor(private connection: TransactionalConnection, private contexts: RequestContextService) {}
  async ensureSuperAdmin() {
    const ctx = await this.contexts.create({ apiType: 'admin' });
    const { id } = await this.connection.getRepository(ctx, Administrator).save(new Administrator());
    await this.connection.getRepository(ctx, User).save(new User({ administratorId: id }));
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 26, endLine: 5, endColumn: 80, data: { count: 2, name: "'ensureSuperAdmin'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `export class AdminService {
  constructor(private connection: TransactionalConnection, private contexts: RequestContextService) {}
  async ensureSuperAdmin() {
    const ctx = await this.contexts.create({ apiType: 'admin' });
    await this.connection.getRepository(ctx, Administrator).manager.transaction(async (manager) => {
      const { id } = await manager.withRepository(this.connection.getRepository(ctx, Administrator)).save(new Administrator());
      await manager.withRepository(this.connection.getRepository(ctx, User)).save(new User({ administratorId: id }));
    });
  }
}
` },
          ],
        },
      ],
    },
    // two statements, each a tagged SQL fragment run by pool.query
    {
      code: `import { sql } from 'slonik';
export const createRoleQueries = (pool) => {
  const deleteRole = async (id) => {
    await pool.query(sql\`delete from roles_scopes where role_id = \${id}\`);
    await pool.query(sql\`delete from roles where id = \${id}\`);
  };
  return { deleteRole };
};
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 11, endLine: 4, endColumn: 21, data: { count: 2, name: "'deleteRole'", lines: "4, 5" },
          suggestions: [],
        },
      ],
    },
    // an upsert that counts is not idempotent: a re-run counts twice
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function enroll(programId: string, email: string) {
  const member = await prisma.member.upsert({ where: { email }, create: { email }, update: {} });
  await prisma.program.upsert({ where: { id: programId }, create: { id: programId, members: 1 }, update: { members: { increment: 1 } } });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 24, endLine: 4, endColumn: 44, data: { count: 2, name: "'enroll'", lines: "4, 5" },
        },
      ],
    },
    // two writes inside one rejection handler still need their own transaction
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export function charge(orderId: string, pay: () => Promise<void>) {
  return pay().catch(async () => {
    await prisma.order.update({ where: { id: orderId }, data: { status: 'failed' } });
    await prisma.stock.updateMany({ where: { orderId }, data: { reserved: 0 } });
  });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 30, data: { count: 2, name: 'this function', lines: "5, 6" },
        },
      ],
    },
    // two fragments held in variables, each run by its own db.query
    {
      code: `export async function moveRow(db, sql, id) {
  const copy = sql\`INSERT INTO archive SELECT * FROM items WHERE id = \${id}\`;
  const drop = sql\`DELETE FROM items WHERE id = \${id}\`;
  await db.query(copy);
  await db.query(drop);
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 17, data: { count: 2, name: "'moveRow'", lines: "4, 5" },
          suggestions: [],
        },
      ],
    },
    // issue 16: an array $transaction is never rewritten into an interactive one
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archiveProject(id: string) {
  await prisma.project.update({ where: { id }, data: { archived: true } });
  const batch = [prisma.task.deleteMany({ where: { projectId: id } }), prisma.member.deleteMany({ where: { projectId: id } })];
  await prisma.$transaction(batch);
}`,
      errors: [{ messageId: 'nonAtomicWrites', line: 4, column: 9, suggestions: [
            { messageId: 'rewriteByHand', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archiveProject(id: string) {
  await prisma.project.update({ where: { id }, data: { archived: true } });
  const batch = [prisma.task.deleteMany({ where: { projectId: id } }), prisma.member.deleteMany({ where: { projectId: id } })];
  await prisma.$transaction(batch);
}` },
          ] }],
    },
    // issue 16: a job handler records FAILED in its catch; a rollback would erase that record
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function runExport(jobId: string) {
  await prisma.job.update({ where: { id: jobId }, data: { status: 'RUNNING' } });
  try {
    await buildExport(jobId);
  } catch (error) {
    await prisma.job.update({ where: { id: jobId }, data: { status: 'FAILED' } });
    throw error;
  }
  await prisma.job.update({ where: { id: jobId }, data: { status: 'DONE' } });
}`,
      errors: [{ messageId: 'nonAtomicWrites', line: 4, column: 9, suggestions: [
            { messageId: 'rewriteByHand', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function runExport(jobId: string) {
  await prisma.job.update({ where: { id: jobId }, data: { status: 'RUNNING' } });
  try {
    await buildExport(jobId);
  } catch (error) {
    await prisma.job.update({ where: { id: jobId }, data: { status: 'FAILED' } });
    throw error;
  }
  await prisma.job.update({ where: { id: jobId }, data: { status: 'DONE' } });
}` },
          ] }],
    },
    // issue 16: a read through another handle would not see the uncommitted rows
    {
      code: `export class InviteService {
  constructor(private readonly dataSource: DataSource, private readonly users: UserLookup) {}
  async accept(inviteId: number, userId: number) {
    await this.dataSource.manager.update(Invite, inviteId, { acceptedBy: userId });
    const user = await this.users.findById(userId);
    await this.dataSource.manager.insert(Membership, { userId: user.id, inviteId });
  }
}`,
      errors: [{ messageId: 'nonAtomicWrites', line: 4, column: 11, suggestions: [
            { messageId: 'rewriteByHand', output: `export class InviteService {
  constructor(private readonly dataSource: DataSource, private readonly users: UserLookup) {}
  async accept(inviteId: number, userId: number) {
    await this.dataSource.manager.update(Invite, inviteId, { acceptedBy: userId });
    const user = await this.users.findById(userId);
    await this.dataSource.manager.insert(Membership, { userId: user.id, inviteId });
  }
}` },
          ] }],
    },
    // writes that a catch makes together are still one unit
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function ensureKeys() {
  try {
    await loadKeys();
  } catch {
    await prisma.signingKey.create({ data: { value: newKey(), retired: true } });
    await prisma.signingKey.create({ data: { value: newKey() } });
  }
}
`,
      errors: [{ messageId: 'nonAtomicWrites', line: 7, column: 11, endLine: 7, endColumn: 35, data: { count: 2, name: "'ensureKeys'", lines: "7, 8" } }],
    },
    // the update's result only feeds a log: both writes run
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function closeSeason(leagueId: string) {
  const closed = await prisma.season.updateMany({ where: { leagueId, open: true }, data: { open: false } });
  if (closed.count > 0) audit.note('season closed');
  await prisma.season.create({ data: { leagueId, open: true } });
}
`,
      errors: [{ messageId: 'nonAtomicWrites', line: 4, column: 24, endLine: 4, endColumn: 48, data: { count: 2, name: "'closeSeason'", lines: "4, 6" } }],
    },
    // issue 16, seen on a real backend: the writes take the caller's transaction (`trx`); a wrapper here would open a
    // second transaction (through an API the repository does not have) around calls still bound to the first
    {
      code: `import { Injectable } from '@nestjs/common';
import { KyselyTransaction } from '../db/kysely.types';
import { LabelRepo } from '../db/repos/label.repo';

@Injectable()
export class LabelService {
  constructor(private readonly labelRepo: LabelRepo) {}

  async syncLabels(noteId: string, wanted: Label[], trx?: KyselyTransaction) {
    for (const label of wanted) {
      if (label.isNew) {
        await this.labelRepo.insert({ noteId, name: label.name }, trx);
        continue;
      }
      await this.labelRepo.update(noteId, label.name, { color: label.color }, trx);
    }
  }
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 12, column: 15, endLine: 12, endColumn: 36,
          suggestions: [{ messageId: 'rewriteByHand', output: `import { Injectable } from '@nestjs/common';
import { KyselyTransaction } from '../db/kysely.types';
import { LabelRepo } from '../db/repos/label.repo';

@Injectable()
export class LabelService {
  constructor(private readonly labelRepo: LabelRepo) {}

  async syncLabels(noteId: string, wanted: Label[], trx?: KyselyTransaction) {
    for (const label of wanted) {
      if (label.isNew) {
        await this.labelRepo.insert({ noteId, name: label.name }, trx);
        continue;
      }
      await this.labelRepo.update(noteId, label.name, { color: label.color }, trx);
    }
  }
}` }],
        },
      ],
    },
    // a Prisma interactive transaction whose second write uses the outer client: it commits on its own
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function closeAccount(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { accountId: id } });
    await prisma.account.update({ where: { id }, data: { closed: true } });
  });
}
`,
      errors: [
        {
          messageId: 'outsideTransaction', data: { client: '`prisma`', tx: '`tx`' }, line: 6, column: 11, endLine: 6, endColumn: 32,
          suggestions: [{ messageId: 'useTransaction', output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function closeAccount(id: string) {
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { accountId: id } });
    await tx.account.update({ where: { id }, data: { closed: true } });
  });
}
` }],
        },
      ],
    },
    // knex: a delete inside the transaction callback through the outer `db` instead of `trx`
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function removeMember(teamId: string, userId: string) {
  await db.transaction(async (trx) => {
    await db('memberships').where({ teamId, userId }).del();
    await trx('teams').where({ id: teamId }).decrement('members', 1);
  });
}
`,
      errors: [
        {
          messageId: 'outsideTransaction', data: { client: '`db`', tx: '`trx`' }, line: 5, column: 11, endLine: 5, endColumn: 58,
          suggestions: [{ messageId: 'useTransaction', output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function removeMember(teamId: string, userId: string) {
  await db.transaction(async (trx) => {
    await trx('memberships').where({ teamId, userId }).del();
    await trx('teams').where({ id: teamId }).decrement('members', 1);
  });
}
` }],
        },
      ],
    },
    // a NestJS service: the transaction opened on this.prisma, the write made on this.prisma
    {
      code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class InviteService {
  constructor(private readonly prisma: PrismaService) {}
  async accept(inviteId: string, userId: string) {
    await this.prisma.$transaction(async (tx) => {
      const invite = await tx.invite.findUniqueOrThrow({ where: { id: inviteId } });
      await tx.member.create({ data: { teamId: invite.teamId, userId } });
      await this.prisma.invite.delete({ where: { id: inviteId } });
    });
  }
}
`,
      errors: [
        {
          messageId: 'outsideTransaction', data: { client: '`this.prisma`', tx: '`tx`' }, line: 10, column: 13, endLine: 10, endColumn: 38,
          suggestions: [{ messageId: 'useTransaction', output: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class InviteService {
  constructor(private readonly prisma: PrismaService) {}
  async accept(inviteId: string, userId: string) {
    await this.prisma.$transaction(async (tx) => {
      const invite = await tx.invite.findUniqueOrThrow({ where: { id: inviteId } });
      await tx.member.create({ data: { teamId: invite.teamId, userId } });
      await tx.invite.delete({ where: { id: inviteId } });
    });
  }
}
` }],
        },
      ],
    },
    // an imported helper that is not awaited is no work between the writes
    {
      code: `import { PrismaClient } from '@prisma/client';
import { toSlug } from '../text/slug';
const prisma = new PrismaClient();
export async function addTeam(name: string, ownerId: string) {
  const team = await prisma.team.create({ data: { name, slug: toSlug(name) } });
  await prisma.member.create({ data: { teamId: team.id, userId: ownerId, role: 'owner' } });
}
`,
      errors: [{ messageId: 'nonAtomicWrites', data: { count: 2, name: "'addTeam'", lines: '5, 6' }, line: 5, column: 22, endLine: 5, endColumn: 40 }],
    },
    // awaited project work inside a write's arguments runs before that write: both writes are still one step each
    {
      code: `import { PrismaClient } from '@prisma/client';
import { hashSecret } from '../crypto/hash';
const prisma = new PrismaClient();
export async function resetPassword(token: string, accountId: string, password: string) {
  await prisma.account.update({ where: { id: accountId }, data: { password: await hashSecret(password) } });
  await prisma.resetToken.delete({ where: { id: token } });
}
`,
      errors: [{ messageId: 'nonAtomicWrites', data: { count: 2, name: "'resetPassword'", lines: '5, 6' }, line: 5, column: 9, endLine: 5, endColumn: 30 }],
    },
    // an awaited read from another module between the writes is part of the unit of work
    {
      code: `import { PrismaClient } from '@prisma/client';
import { getPlan } from '../billing/plans';
const prisma = new PrismaClient();
export async function upgrade(teamId: string, planId: string) {
  await prisma.team.update({ where: { id: teamId }, data: { planId } });
  const plan = await getPlan(planId);
  await prisma.quota.update({ where: { teamId }, data: { seats: plan.seats } });
}
`,
      errors: [{ messageId: 'nonAtomicWrites', data: { count: 2, name: "'upgrade'", lines: '5, 7' }, line: 5, column: 9, endLine: 5, endColumn: 27 }],
    },
    // a one-time token deleted before the unit of work it guards: a failure after it leaves no way to retry
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function confirmEmail(token: string, userId: string, email: string) {
  await prisma.verificationToken.delete({ where: { token } });
  await prisma.user.update({ where: { id: userId }, data: { email, emailVerified: new Date() } });
}
`,
      errors: [{ messageId: 'nonAtomicWrites', data: { count: 2, name: "'confirmEmail'", lines: '4, 5' }, line: 4, column: 9, endLine: 4, endColumn: 40 }],
    },
    // issue 16 (suggestion set 2): the receivers are the domain's own repository interfaces (save/find only, no
    // `manager`): `.manager.transaction` / `withRepository` would not type-check and would throw at run time
    {
      code: `import { SeatRepositoryInterface } from '../domain/SeatRepositoryInterface';
import { BookingRepositoryInterface } from '../domain/BookingRepositoryInterface';

export class ReserveSeat {
  constructor(
    private readonly seatRepository: SeatRepositoryInterface,
    private readonly bookingRepository: BookingRepositoryInterface,
  ) {}

  async execute(seatId: string, guestId: string): Promise<void> {
    await this.seatRepository.save({ id: seatId, taken: true });
    await this.bookingRepository.save({ seatId, guestId });
  }
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 11, column: 11,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: "`this.seatRepository` is known as a repository only by its name, not as a TypeORM Repository, EntityManager or DataSource (declared type, `@InjectRepository`, `getRepository`); it may not have `manager` or be accepted by `withRepository`, so open the transaction through the project's own unit of work" }, output: `import { SeatRepositoryInterface } from '../domain/SeatRepositoryInterface';
import { BookingRepositoryInterface } from '../domain/BookingRepositoryInterface';

export class ReserveSeat {
  constructor(
    private readonly seatRepository: SeatRepositoryInterface,
    private readonly bookingRepository: BookingRepositoryInterface,
  ) {}

  async execute(seatId: string, guestId: string): Promise<void> {
    await this.seatRepository.save({ id: seatId, taken: true });
    await this.bookingRepository.save({ seatId, guestId });
  }
}` }],
        },
      ],
    },
    // issue 16 (suggestion set 2): a search-index write and a file upload collected in an array and awaited with
    // Promise.all between the writes; a transaction must not hold them
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class RecipeCopier {
  constructor(private readonly search: SearchIndex, private readonly files: FileStore) {}
  async copy(source: Recipe, ownerId: string) {
    const copy = await prisma.recipe.create({ data: { title: source.title, ownerId } });
    const tasks: Promise<unknown>[] = [this.search.index({ id: copy.id, title: copy.title })];
    if (source.photoKey) tasks.push(this.files.copyObject(source.photoKey, \`recipes/\${copy.id}\`));
    await Promise.all(tasks);
    await prisma.recipeLineage.create({ data: { from: source.id, to: copy.id } });
    return copy;
  }
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 24,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`this.search.index()` is awaited between the writes and does not go through the transaction: move it out (or pass it the transaction) before wrapping' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class RecipeCopier {
  constructor(private readonly search: SearchIndex, private readonly files: FileStore) {}
  async copy(source: Recipe, ownerId: string) {
    const copy = await prisma.recipe.create({ data: { title: source.title, ownerId } });
    const tasks: Promise<unknown>[] = [this.search.index({ id: copy.id, title: copy.title })];
    if (source.photoKey) tasks.push(this.files.copyObject(source.photoKey, \`recipes/\${copy.id}\`));
    await Promise.all(tasks);
    await prisma.recipeLineage.create({ data: { from: source.id, to: copy.id } });
    return copy;
  }
}` }],
        },
      ],
    },
    // a mail sent without await among the writes (it uses the new token): inside the transaction it would go out
    // before the commit, so no wrap is offered (issue 16)
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class PasswordResets {
  constructor(private readonly mailer: Mailer) {}
  async request(email: string) {
    const account = await prisma.account.findUnique({ where: { email } });
    await prisma.resetToken.deleteMany({ where: { accountId: account.id } });
    const token = await prisma.resetToken.create({ data: { accountId: account.id } });
    this.mailer.sendResetLink(email, token.id);
  }
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 7, column: 11,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`this.mailer.sendResetLink()` acts outside the database among the writes; inside a transaction it would happen before the commit, and a rollback could not undo it: commit first, then call it' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class PasswordResets {
  constructor(private readonly mailer: Mailer) {}
  async request(email: string) {
    const account = await prisma.account.findUnique({ where: { email } });
    await prisma.resetToken.deleteMany({ where: { accountId: account.id } });
    const token = await prisma.resetToken.create({ data: { accountId: account.id } });
    this.mailer.sendResetLink(email, token.id);
  }
}` }],
        },
      ],
    },
    // an embedding call awaited inside Promise.all next to a write, and one awaited inside a write's arguments
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addNote(embedder: Embedder, userId: string, text: string) {
  const note = await prisma.note.create({ data: { userId, text } });
  await Promise.all([prisma.user.update({ where: { id: userId }, data: { notes: { increment: 1 } } }), embedder.embed(note.id, text)]);
}
export async function addPhoto(storage: Storage, userId: string, bytes: Buffer) {
  await prisma.photo.create({ data: { userId, url: await storage.put(bytes) } });
  await prisma.user.update({ where: { id: userId }, data: { photos: { increment: 1 } } });
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 22,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`embedder.embed()` is awaited between the writes and does not go through the transaction: move it out (or pass it the transaction) before wrapping' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addNote(embedder: Embedder, userId: string, text: string) {
  const note = await prisma.note.create({ data: { userId, text } });
  await Promise.all([prisma.user.update({ where: { id: userId }, data: { notes: { increment: 1 } } }), embedder.embed(note.id, text)]);
}
export async function addPhoto(storage: Storage, userId: string, bytes: Buffer) {
  await prisma.photo.create({ data: { userId, url: await storage.put(bytes) } });
  await prisma.user.update({ where: { id: userId }, data: { photos: { increment: 1 } } });
}` }],
        },
        {
          messageId: 'nonAtomicWrites', line: 8, column: 9,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`storage.put()` is awaited between the writes and does not go through the transaction: move it out (or pass it the transaction) before wrapping' }, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function addNote(embedder: Embedder, userId: string, text: string) {
  const note = await prisma.note.create({ data: { userId, text } });
  await Promise.all([prisma.user.update({ where: { id: userId }, data: { notes: { increment: 1 } } }), embedder.embed(note.id, text)]);
}
export async function addPhoto(storage: Storage, userId: string, bytes: Buffer) {
  await prisma.photo.create({ data: { userId, url: await storage.put(bytes) } });
  await prisma.user.update({ where: { id: userId }, data: { photos: { increment: 1 } } });
}` }],
        },
      ],
    },
    // a `let` declared before the writes, assigned among them and returned after: in a transaction callback
    // TypeScript no longer sees it assigned (TS2454), so no wrap
    {
      code: `import { PrismaClient, Seat } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimSeat(eventId: string, userId: string): Promise<Seat> {
  let seat: Seat;
  const free = await prisma.seat.findFirst({ where: { eventId, holderId: null } });
  if (free) {
    seat = await prisma.seat.update({ where: { id: free.id }, data: { holderId: userId } });
  } else {
    seat = await prisma.seat.create({ data: { eventId, holderId: userId, overflow: true } });
  }
  await prisma.event.update({ where: { id: eventId }, data: { taken: { increment: 1 } } });
  return seat;
}`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 7, column: 18,
          suggestions: [{ messageId: 'rewriteByHand', data: { reason: '`seat` is declared without a value before the writes, assigned among them and read after; inside the transaction\'s callback TypeScript no longer sees it assigned (TS2454): return the value from the callback instead' }, output: `import { PrismaClient, Seat } from '@prisma/client';
const prisma = new PrismaClient();
export async function claimSeat(eventId: string, userId: string): Promise<Seat> {
  let seat: Seat;
  const free = await prisma.seat.findFirst({ where: { eventId, holderId: null } });
  if (free) {
    seat = await prisma.seat.update({ where: { id: free.id }, data: { holderId: userId } });
  } else {
    seat = await prisma.seat.create({ data: { eventId, holderId: userId, overflow: true } });
  }
  await prisma.event.update({ where: { id: eventId }, data: { taken: { increment: 1 } } });
  return seat;
}` }],
        },
      ],
    },
    // issue 16 (suggestion set 3, reviewer): a setup endpoint's Mongoose writes. MongoDB runs transactions only on
    // a replica set or a sharded cluster, and nothing here shows the deployment has one: no wrap, the message says
    // why (the finding stands)
    {
      code: `const mongoose = require('mongoose');
const setup = async (req, res) => {
  const Setting = mongoose.model('Setting');
  const Currency = mongoose.model('Currency');
  await Setting.insertMany(req.body.settings);
  await Currency.insertMany([{ code: 'EUR', isDefault: true }]);
  return res.status(200).json({ success: true });
};
module.exports = setup;`,
      filename: 'src/controllers/setup.js',
      errors: [{ messageId: 'nonAtomicWrites', line: 5, column: 9, suggestions: [
        { messageId: 'rewriteByHand', data: { reason: `MongoDB runs transactions only on a replica set or a sharded cluster, and nothing in this file opens a session to show the deployment has one (on a standalone server every wrapped call would fail); set the rule option \`mongoTransactions\` when it does, or make the writes safe to repeat` }, output: `const mongoose = require('mongoose');
const setup = async (req, res) => {
  const Setting = mongoose.model('Setting');
  const Currency = mongoose.model('Currency');
  await Setting.insertMany(req.body.settings);
  await Currency.insertMany([{ code: 'EUR', isDefault: true }]);
  return res.status(200).json({ success: true });
};
module.exports = setup;` },
      ] }],
    },
    // a file that opens sessions itself shows the deployment runs transactions: the wrap is offered
    {
      code: `import mongoose from 'mongoose';
const Account = mongoose.model('Account');
const Ledger = mongoose.model('Ledger');
export async function openAccount(owner: string) {
  const account = await Account.create({ owner });
  await Ledger.create({ account: account._id, balance: 0 });
  return account;
}
export function newSession() {
  return mongoose.startSession();
}`,
      errors: [{ messageId: 'nonAtomicWrites', line: 5, column: 25, suggestions: [
        { messageId: 'wrapInTransaction', output: `import mongoose from 'mongoose';
const Account = mongoose.model('Account');
const Ledger = mongoose.model('Ledger');
export async function openAccount(owner: string) {
  return await mongoose.connection.transaction(async (session) => {
    const [account] = await Account.create([{ owner }], { session });
    await Ledger.create([{ account: account._id, balance: 0 }], { session });
    return account;
  });
}
export function newSession() {
  return mongoose.startSession();
}` },
      ] }],
    },
    // MikroORM: each persistAndFlush and each native write commits on its own
    {
      code: `import { EntityManager } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async place(order: Order, item: Item) {
    await this.em.persistAndFlush(order);
    await this.em.nativeUpdate(Item, { id: item.id }, { stock: item.stock - 1 });
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 34, data: { count: 2, name: "'place'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { EntityManager } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async place(order: Order, item: Item) {
    await this.em.transactional(async (txEm) => {
      await txEm.persistAndFlush(order);
      await txEm.nativeUpdate(Item, { id: item.id }, { stock: item.stock - 1 });
    });
  }
}
` },
          ],
        },
      ],
    },
    // MikroORM: two flushes are two implicit transactions
    {
      code: `import { EntityManager } from '@mikro-orm/postgresql';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async ship(order: Order, item: Item) {
    this.em.persist(order);
    await this.em.flush();
    item.status = 'sold';
    await this.em.flush();
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 11, endLine: 6, endColumn: 24, data: { count: 2, name: "'ship'", lines: "6, 8" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { EntityManager } from '@mikro-orm/postgresql';
export class OrderService {
  constructor(private readonly em: EntityManager) {}
  async ship(order: Order, item: Item) {
    this.em.persist(order);
    await this.em.transactional(async (txEm) => {
      await txEm.flush();
      item.status = 'sold';
      await txEm.flush();
    });
  }
}
` },
          ],
        },
      ],
    },
    // MikroORM: a forked manager is a unit of work of its own, outside any transaction
    {
      code: `import { MikroORM } from '@mikro-orm/core';
export async function seed(orm: MikroORM, a: A, b: B) {
  const em = orm.em.fork();
  await em.persist(a).flush();
  await em.nativeInsert(B, { id: b.id });
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 4, column: 9, endLine: 4, endColumn: 28, data: { count: 2, name: "'seed'", lines: "4, 5" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import { MikroORM } from '@mikro-orm/core';
export async function seed(orm: MikroORM, a: A, b: B) {
  const em = orm.em.fork();
  await em.transactional(async (em) => {
    await em.persist(a).flush();
    await em.nativeInsert(B, { id: b.id });
  });
}
` },
          ],
        },
      ],
    },
    // MikroORM: writes through an EntityRepository (no rewrite: the repository has no transactional of its own here)
    {
      code: `import { EntityRepository } from '@mikro-orm/core';
export class OrderService {
  constructor(private readonly orders: EntityRepository<Order>) {}
  async replace(a: Order) {
    await this.orders.nativeDelete({ id: a.id });
    await this.orders.nativeInsert(a);
  }
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 11, endLine: 5, endColumn: 35, data: { count: 2, name: "'replace'", lines: "5, 6" },
          suggestions: [],
        },
      ],
    },
    // Sequelize: \`sequelize\` here is the package, not an instance: the transaction is opened on the instance a model carries
    {
      code: `import sequelize, { Model } from 'sequelize';
class Order extends Model {}
class Stock extends Model {}
export async function place(item: string) {
  const order = await Order.create({ item });
  await Stock.decrement('count', { where: { item } });
  return order;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 5, column: 23, endLine: 5, endColumn: 35, data: { count: 2, name: "'place'", lines: "5, 6" },
          suggestions: [
            { messageId: 'wrapInTransaction', output: `import sequelize, { Model } from 'sequelize';
class Order extends Model {}
class Stock extends Model {}
export async function place(item: string) {
  return await Order.sequelize!.transaction(async (t) => {
    const order = await Order.create({ item }, { transaction: t });
    await Stock.decrement('count', { where: { item }, transaction: t });
    return order;
  });
}
` },
          ],
        },
      ],
    },
    // Sequelize: a file written among the statements the wrap would take in stays out of the transaction
    {
      code: `import { Model } from 'sequelize';
import fs from 'node:fs';
class Order extends Model {}
class Stock extends Model {}
export async function place(item: string) {
  const order = await Order.create({ item });
  await Stock.decrement('count', { where: { item } });
  fs.writeFileSync('/tmp/last-order.json', JSON.stringify(order));
  return order.id;
}
`,
      errors: [
        {
          messageId: 'nonAtomicWrites', line: 6, column: 23, endLine: 6, endColumn: 35, data: { count: 2, name: "'place'", lines: "6, 7" },
          suggestions: [
            { messageId: 'rewriteByHand', data: { reason: '`fs.writeFileSync()` acts outside the database among the writes; inside a transaction it would happen before the commit, and a rollback could not undo it: commit first, then call it' }, output: `import { Model } from 'sequelize';
import fs from 'node:fs';
class Order extends Model {}
class Stock extends Model {}
export async function place(item: string) {
  const order = await Order.create({ item });
  await Stock.decrement('count', { where: { item } });
  fs.writeFileSync('/tmp/last-order.json', JSON.stringify(order));
  return order.id;
}
` },
          ],
        },
      ],
    },
  ],
};
