import type { JsonSchema } from '../types.js';

/**
 * Database writes and transaction scopes, shared by missing-transaction and the risk model. The
 * integrity rules own the detailed recognition (receivers, chains, raw SQL); this table is the data.
 */
export interface DatabaseKnowledge {
  /** Methods that write on a model, repository, collection or query builder. */
  writeMethods: string[];
  /** Methods that write many rows in one statement (a single bulk write is atomic). */
  bulkWriteMethods: string[];
  /** Calls that run their callback (or array) inside a transaction: `prisma.$transaction`, `db.transaction`. */
  transactionMethods: string[];
  /** Decorators that wrap a method in a transaction. */
  transactionDecorators: string[];
  /** Methods that run SQL text (`client.query('UPDATE …')`). */
  rawQueryMethods: string[];
}

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
  transactionMethods: ['$transaction', 'transaction', 'withTransaction', 'startTransaction', 'begin', 'beginTransaction', 'transacting'],
  transactionDecorators: ['Transactional', 'Transaction'],
  rawQueryMethods: ['query', 'execute', 'exec', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'unsafe', 'raw'],
};

export const databaseSchema: JsonSchema = {
  type: 'object',
  description: 'Database write methods and transaction scopes, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    writeMethods: { type: 'array', items: { type: 'string' }, description: 'Methods that write to the database.' },
    bulkWriteMethods: { type: 'array', items: { type: 'string' }, description: 'Methods that write many rows in one atomic statement.' },
    transactionMethods: { type: 'array', items: { type: 'string' }, description: 'Methods that open a transaction scope.' },
    transactionDecorators: { type: 'array', items: { type: 'string' }, description: 'Decorators that run a method in a transaction.' },
    rawQueryMethods: { type: 'array', items: { type: 'string' }, description: 'Methods that run SQL text.' },
  },
};
