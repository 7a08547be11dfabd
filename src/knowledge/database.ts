import type { JsonSchema } from '../types.js';
import { stringList } from './string-list.js';

/**
 * One data layer (ORM, query builder or SQL client): how it is imported, how its handles are typed and made,
 * which calls write and which open a transaction. The shapes a built-in layer matches (delegate calls, builder
 * chains, SQL text) live in its module, `src/analysis/data-layers/<id>.ts`, keyed by `id`.
 */
export interface DataLayerKnowledge {
  /** Stable id: `prisma`, `typeorm`, `sequelize`, `drizzle`, `knex`, `kysely`, `mongoose`, `sql`, `mikroorm`, or your own. */
  id: string;
  /** Display name used in messages. */
  name: string;
  /** Import specifiers that identify the layer (a specifier matches itself and its subpaths). */
  modules: string[];
  /** Type names of client / connection handles (`PrismaClient`, `Knex`, `NodePgDatabase`). */
  clientTypes: string[];
  /** Type names of repositories or models (`Repository`, `Model`). */
  modelTypes: string[];
  /** Constructors (`new PrismaClient()`) or factory functions (`drizzle(...)`) that make a client. */
  clientFactories: string[];
  /** Methods on a model, delegate, repository or manager that write one statement. */
  writeMethods: string[];
  /** Write methods that write many rows in one statement. */
  bulkWriteMethods: string[];
  /** Methods that start a query-builder write (`db.insert(t)`, `knex('t').update`, `db.insertInto('t')`). */
  builderWriteMethods: string[];
  /** Methods that run a built query; when listed, a builder write only counts once it reaches one of them. */
  builderTerminals: string[];
  /** Methods on a loaded record or document that write it (`doc.save()`). */
  recordWriteMethods: string[];
  /** Static reads whose result is a record the layer can write back (`Model.findOne`). */
  recordReadMethods: string[];
  /** Option keys that bind a write to a transaction (`{ transaction: t }`, `{ session }`). */
  transactionOptions: string[];
  /** Chain methods that bind a query to a transaction (`.transacting(trx)`, `.session(s)`). */
  transactionBinders: string[];
}

/** A data layer as the config may declare it: an id, a name and its modules, the rest optional. */
export type DataLayerConfig = Pick<DataLayerKnowledge, 'id' | 'name' | 'modules'> & Partial<DataLayerKnowledge>;

/**
 * Database writes and transaction scopes, shared by missing-transaction and the risk model. The flat lists
 * apply to every layer and are what config usually extends; `layers` holds the per-layer vocabularies (a
 * configured layer is appended to the built-in ones).
 */
export interface DatabaseKnowledge {
  /** Methods that write to the database, on any recognised model, repository or manager. */
  writeMethods: string[];
  /** Methods that write many rows in one statement (a single bulk write is atomic). */
  bulkWriteMethods: string[];
  /** Calls that run their callback (or array) inside a transaction: `prisma.$transaction`, `db.transaction`. */
  transactionMethods: string[];
  /** Decorators that wrap a method in a transaction. */
  transactionDecorators: string[];
  /** Methods that run SQL text (`client.query('UPDATE …')`). */
  rawQueryMethods: string[];
  /** Calls that open an explicit transaction on their receiver (`queryRunner.startTransaction()`). */
  beginMethods: string[];
  /** Receiver names treated as database clients when nothing better is known (`prisma`, `db`, `knex`). */
  clientNames: string[];
  /** Parameter names that carry a caller's transaction (`tx`, `trx`, `manager`). */
  transactionHandleNames: string[];
  /**
   * Parameter names of a request context that carries the caller's transaction: a handle fetched with it
   * (`connection.getRepository(ctx, Order)`, Vendure's `TransactionalConnection`) joins that transaction.
   */
  contextHandleNames: string[];
  /**
   * Types whose `tx` property is the ambient transaction of an AsyncLocalStorage / CLS context
   * (`@nestjs-cls/transactional`'s `TransactionHost`): writes through it join whatever transaction the caller opened.
   */
  transactionHostTypes: string[];
  /** Per-layer vocabularies. */
  layers: DataLayerKnowledge[];
}

const prisma: DataLayerKnowledge = {
  id: 'prisma',
  name: 'Prisma',
  modules: ['@prisma/client', '.prisma/client'],
  clientTypes: ['PrismaClient', 'PrismaService', 'Prisma.TransactionClient', 'TransactionClient', 'ExtendedPrismaClient', 'PrismaTransactionClient'],
  modelTypes: [],
  clientFactories: ['PrismaClient'],
  writeMethods: ['create', 'update', 'upsert', 'delete', '$executeRaw', '$executeRawUnsafe'],
  bulkWriteMethods: ['createMany', 'createManyAndReturn', 'updateMany', 'updateManyAndReturn', 'deleteMany'],
  builderWriteMethods: [],
  builderTerminals: [],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

const typeorm: DataLayerKnowledge = {
  id: 'typeorm',
  name: 'TypeORM',
  modules: ['typeorm', '@nestjs/typeorm', 'typeorm-transactional'],
  clientTypes: ['DataSource', 'Connection', 'EntityManager', 'QueryRunner'],
  modelTypes: ['Repository', 'TreeRepository', 'MongoRepository'],
  clientFactories: ['DataSource', 'getManager', 'getConnection'],
  writeMethods: ['save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'increment', 'decrement', 'clear'],
  bulkWriteMethods: [],
  builderWriteMethods: ['insert', 'update', 'delete', 'softDelete', 'restore'],
  builderTerminals: ['execute'],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

const sequelize: DataLayerKnowledge = {
  id: 'sequelize',
  name: 'Sequelize',
  modules: ['sequelize', 'sequelize-typescript', '@nestjs/sequelize'],
  clientTypes: ['Sequelize'],
  modelTypes: ['ModelStatic', 'ModelCtor', 'Model'],
  clientFactories: ['Sequelize'],
  writeMethods: ['create', 'update', 'destroy', 'upsert', 'increment', 'decrement', 'restore', 'truncate'],
  bulkWriteMethods: ['bulkCreate'],
  builderWriteMethods: [],
  builderTerminals: [],
  recordWriteMethods: ['save', 'update', 'destroy', 'increment', 'decrement', 'restore'],
  recordReadMethods: ['findOne', 'findByPk', 'findAll', 'findOrCreate', 'create', 'build', 'findCreateFind'],
  transactionOptions: ['transaction'],
  transactionBinders: [],
};

const drizzle: DataLayerKnowledge = {
  id: 'drizzle',
  name: 'Drizzle',
  modules: ['drizzle-orm'],
  clientTypes: [
    'NodePgDatabase', 'PostgresJsDatabase', 'MySql2Database', 'BetterSQLite3Database', 'LibSQLDatabase', 'DrizzleD1Database',
    'NeonHttpDatabase', 'NeonDatabase', 'PlanetScaleDatabase', 'VercelPgDatabase', 'PgDatabase', 'MySqlDatabase', 'BaseSQLiteDatabase',
    'PgTransaction', 'MySqlTransaction', 'SQLiteTransaction', 'PgliteDatabase', 'BunSQLiteDatabase', 'ExpoSQLiteDatabase',
  ],
  modelTypes: [],
  clientFactories: ['drizzle'],
  writeMethods: [],
  bulkWriteMethods: [],
  builderWriteMethods: ['insert', 'update', 'delete'],
  builderTerminals: [],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

const knex: DataLayerKnowledge = {
  id: 'knex',
  name: 'Knex',
  modules: ['knex'],
  clientTypes: ['Knex', 'Knex.Transaction'],
  modelTypes: [],
  clientFactories: ['knex', 'Knex'],
  writeMethods: ['batchInsert'],
  bulkWriteMethods: ['batchInsert'],
  builderWriteMethods: ['insert', 'update', 'del', 'delete', 'upsert', 'increment', 'decrement', 'truncate'],
  builderTerminals: [],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: ['transacting'],
};

const kysely: DataLayerKnowledge = {
  id: 'kysely',
  name: 'Kysely',
  modules: ['kysely'],
  clientTypes: ['Kysely', 'Transaction', 'ControlledTransaction'],
  modelTypes: [],
  clientFactories: ['Kysely'],
  writeMethods: [],
  bulkWriteMethods: [],
  builderWriteMethods: ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'],
  builderTerminals: ['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream'],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

const mongoose: DataLayerKnowledge = {
  id: 'mongoose',
  name: 'Mongoose',
  modules: ['mongoose', '@nestjs/mongoose', '@typegoose/typegoose', 'mongodb'],
  clientTypes: ['Connection', 'Db'],
  modelTypes: ['Model', 'ReturnModelType', 'Collection', 'PaginateModel', 'SoftDeleteModel'],
  clientFactories: [],
  writeMethods: [
    'create', 'insertOne', 'updateOne', 'deleteOne', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate',
    'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'findByIdAndRemove',
  ],
  bulkWriteMethods: ['insertMany', 'updateMany', 'deleteMany', 'bulkWrite'],
  builderWriteMethods: [],
  builderTerminals: [],
  recordWriteMethods: ['save', 'deleteOne', 'remove', 'updateOne'],
  recordReadMethods: ['findOne', 'findById', 'find', 'create'],
  transactionOptions: ['session'],
  transactionBinders: ['session'],
};

const mikroorm: DataLayerKnowledge = {
  id: 'mikroorm',
  name: 'MikroORM',
  modules: ['@mikro-orm', 'mikro-orm'],
  clientTypes: ['EntityManager', 'SqlEntityManager', 'MongoEntityManager', 'MikroORM'],
  modelTypes: ['EntityRepository', 'SqlEntityRepository', 'MongoEntityRepository'],
  clientFactories: [],
  // persist / remove / create only stage changes: the flush writes them, in one implicit transaction
  writeMethods: ['flush', 'persistAndFlush', 'removeAndFlush', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'insert', 'upsert'],
  bulkWriteMethods: ['insertMany', 'upsertMany'],
  builderWriteMethods: [],
  builderTerminals: [],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

const sql: DataLayerKnowledge = {
  id: 'sql',
  name: 'SQL',
  modules: ['pg', 'mysql2', 'mysql', 'postgres', 'pg-promise', '@neondatabase/serverless', '@vercel/postgres', '@planetscale/database'],
  clientTypes: ['Pool', 'PoolClient', 'Client', 'Sql', 'PoolConnection', 'Connection'],
  modelTypes: [],
  clientFactories: ['Pool', 'Client', 'createPool', 'createConnection', 'postgres', 'pgp'],
  writeMethods: [],
  bulkWriteMethods: [],
  builderWriteMethods: [],
  builderTerminals: [],
  recordWriteMethods: [],
  recordReadMethods: [],
  transactionOptions: [],
  transactionBinders: [],
};

export const defaultDatabase: DatabaseKnowledge = {
  writeMethods: [
    'create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany',
    '$executeRaw', '$executeRawUnsafe',
    'save', 'insert', 'remove', 'softDelete', 'softRemove', 'restore', 'increment', 'decrement',
    'bulkCreate', 'destroy',
    'del',
    'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto',
    'insertMany', 'insertOne', 'updateOne', 'deleteOne', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'findByIdAndRemove', 'bulkWrite',
  ],
  bulkWriteMethods: ['createMany', 'createManyAndReturn', 'bulkCreate', 'insertMany', 'bulkWrite', 'updateMany', 'deleteMany'],
  transactionMethods: ['$transaction', 'transaction', 'withTransaction', 'runInTransaction', 'begin', 'tx', 'transacting'],
  transactionDecorators: ['Transactional', 'Transaction', 'WithTransaction', 'UseTransaction'],
  rawQueryMethods: ['query', 'execute', 'exec', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'result', 'unsafe', 'raw', '$executeRaw', '$executeRawUnsafe', 'run'],
  beginMethods: ['startTransaction', 'beginTransaction'],
  clientNames: ['prisma', 'db', 'database', 'knex', 'kysely', 'drizzle', 'orm', 'pool', 'pg', 'sql', 'mysql', 'conn', 'connection', 'client', 'dataSource', 'datasource', 'manager', 'entityManager', 'em', 'sequelize', 'mongoose', 'tx', 'trx'],
  transactionHandleNames: ['tx', 'trx', 'txn', 'transaction', 'manager', 'entityManager', 'em', 'queryRunner', 'session', 'transactionalEntityManager'],
  contextHandleNames: ['ctx', 'context', 'requestContext', 'reqCtx', 'txCtx', 'transactionContext'],
  transactionHostTypes: ['TransactionHost'],
  layers: [prisma, typeorm, sequelize, drizzle, knex, kysely, mongoose, sql, mikroorm],
};


export const dataLayerSchema: JsonSchema = {
  type: 'object',
  description: 'A data layer errlint should recognise, with its vocabulary.',
  additionalProperties: false,
  required: ['id', 'name', 'modules'],
  properties: {
    id: { type: 'string', description: 'Stable id; the built-in shapes are keyed by prisma, typeorm, sequelize, drizzle, knex, kysely, mongoose, sql and mikroorm.' },
    name: { type: 'string', description: 'Display name used in messages.' },
    modules: stringList('Import specifiers that identify the layer.'),
    clientTypes: stringList('Type names of client or connection handles.'),
    modelTypes: stringList('Type names of repositories or models.'),
    clientFactories: stringList('Constructors or factory functions that make a client.'),
    writeMethods: stringList('Methods on a model, repository or manager that write.'),
    bulkWriteMethods: stringList('Write methods that write many rows in one statement.'),
    builderWriteMethods: stringList('Methods that start a query-builder write.'),
    builderTerminals: stringList('Methods that run a built query.'),
    recordWriteMethods: stringList('Methods on a loaded record that write it.'),
    recordReadMethods: stringList('Static reads that return a writable record.'),
    transactionOptions: stringList('Option keys that bind a write to a transaction.'),
    transactionBinders: stringList('Chain methods that bind a query to a transaction.'),
  },
};

export const databaseSchema: JsonSchema = {
  type: 'object',
  description: 'Database write methods and transaction scopes, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    writeMethods: stringList('Methods that write to the database.'),
    bulkWriteMethods: stringList('Methods that write many rows in one atomic statement.'),
    transactionMethods: stringList('Methods that open a transaction scope.'),
    transactionDecorators: stringList('Decorators that run a method in a transaction.'),
    rawQueryMethods: stringList('Methods that run SQL text.'),
    beginMethods: stringList('Methods that open an explicit transaction on their receiver.'),
    clientNames: stringList('Receiver names treated as database clients when nothing better is known.'),
    transactionHandleNames: stringList("Parameter names that carry a caller's transaction."),
    contextHandleNames: stringList("Parameter names of a request context whose handles (getRepository(ctx, Entity)) run in the caller's transaction."),
    transactionHostTypes: stringList('Types whose `tx` property is the ambient (AsyncLocalStorage / CLS) transaction, such as TransactionHost.'),
    layers: { type: 'array', items: dataLayerSchema, description: 'Extra data layers, appended to the built-in ones.' },
  },
};

/** A configured layer may omit vocabularies; fill them so the recognizer can read every list. */
export function normalizeLayer(layer: Partial<DataLayerKnowledge> & Pick<DataLayerKnowledge, 'id'>): DataLayerKnowledge {
  return {
    name: layer.id,
    modules: [],
    clientTypes: [],
    modelTypes: [],
    clientFactories: [],
    writeMethods: [],
    bulkWriteMethods: [],
    builderWriteMethods: [],
    builderTerminals: [],
    recordWriteMethods: [],
    recordReadMethods: [],
    transactionOptions: [],
    transactionBinders: [],
    ...layer,
  };
}
