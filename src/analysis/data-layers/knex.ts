/** Knex: `knex('t').insert(v)`, `knex.insert(v).into('t')`, `.transacting(trx)`, `knex.transaction(async (trx) => …)`. */
import { freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { argsOf, callbackWrap, has, isArrayArg, literalText, type DataLayer } from './api.js';

const TABLE_STARTS = new Set(['table', 'from', 'into', 'queryBuilder', 'withSchema']);

export const knex: DataLayer = {
  id: 'knex',
  handleFromTypeName: (cx, base) => (/^Knex(\.Transaction)?$/.test(base) ? { kind: 'client', layer: 'knex', isTx: false } : undefined),
  sharedTransactionType: { names: ['Transaction'], handle: { kind: 'client', layer: 'knex', isTx: true } },
  handleFromDecorator: (cx, name) => (name === 'InjectKnex' || (name === 'InjectConnection' && cx.imported.has('knex')) ? { kind: 'client', layer: 'knex', isTx: false } : undefined),
  handleFromName: (name, isClientName) => (isClientName && name === 'knex' ? { kind: 'client', layer: 'knex', isTx: false, byName: true } : undefined),
  handleFromFactory: (cx, name, layer) => (layer === 'knex' || (name === 'knex' && !layer) ? { kind: 'client', layer: 'knex', isTx: false } : undefined),
  hostAdapter: /Knex/,
  matchesUnknown: true,
  matchWrite(cx, h, segs, start) {
    const { t } = cx;
    const s0 = segs[start]!;
    const first = s0.name;
    if (h.kind !== 'client' || !(h.layer === 'knex' || (s0.call && first === undefined))) return undefined;
    const kx = cx.vocabulary('knex');
    let table: string | undefined;
    let i = start;
    if (s0.call && (first === undefined || TABLE_STARTS.has(first))) {
      if (first === undefined && !(argsOf(s0)[0] && t.isStringLiteralLike(skipOuter(t, argsOf(s0)[0]!)))) return undefined;
      table = literalText(t, argsOf(s0)[0]);
      i = start + 1;
    }
    for (let j = i; j < segs.length; j++) {
      const s = segs[j]!;
      if (!s.call) break;
      if (has(kx?.builderWriteMethods, s.name) || has(kx?.writeMethods, s.name)) {
        if (j === start && first === 'insert' && !segs.slice(j + 1).some((x) => x.name === 'into') && h.layer !== 'knex') return undefined;
        const bulk = has(kx?.bulkWriteMethods, s.name) || (s.name === 'insert' && isArrayArg(t, argsOf(s)[0]));
        return { writeIndex: j, method: s.name!, layer: 'knex', bulk, raw: false, target: table, receiverEnd: start - 1 };
      }
    }
    return undefined;
  },
  wrap(req) {
    const trx = freshName(req.used, ['trx', 'knexTrx']);
    return callbackWrap(`await ${req.roots[0]!}.transaction`, trx, req.rewriteRoots(() => trx));
  },
};
