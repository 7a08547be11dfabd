/**
 * The data layers errlint knows the shapes of, one module each. The order is the order the core asks them
 * in: where two layers could claim the same thing (a `Transaction` type, an `InjectConnection` decorator, a
 * transaction host's adapter name), the first wins.
 */
import type { DataLayer } from './api.js';
import { drizzle } from './drizzle.js';
import { knex } from './knex.js';
import { mikroorm } from './mikroorm.js';
import { kysely } from './kysely.js';
import { mongoose } from './mongoose.js';
import { prisma } from './prisma.js';
import { sequelize } from './sequelize.js';
import { sql } from './sql.js';
import { typeorm } from './typeorm.js';

export const DATA_LAYERS: readonly DataLayer[] = [prisma, kysely, sequelize, mikroorm, typeorm, mongoose, knex, drizzle, sql];

const byId = new Map(DATA_LAYERS.map((l) => [l.id, l]));

/** The module of a built-in layer; undefined for `unknown` and for a layer only the config defines. */
export function dataLayer(id: string): DataLayer | undefined {
  return byId.get(id);
}
