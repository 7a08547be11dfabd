/** Kysely: `db.insertInto('t').values(v).execute()`, `sql\`…\`.execute(db)`, `db.transaction().execute(async (trx) => …)`. */
import type * as ts from 'typescript';
import { freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { classifySql, templateText } from '../sql-text.js';
import { argsOf, callbackWrap, has, isArrayArg, literalText, type DataLayer } from './api.js';
import { decomposeChain } from '../chains.js';

const client = { kind: 'client', layer: 'kysely', isTx: false } as const;

export const kysely: DataLayer = {
  id: 'kysely',
  sharedTransactionType: { names: ['Transaction', 'ControlledTransaction'], handle: { kind: 'client', layer: 'kysely', isTx: true } },
  handleFromDecorator: (cx, name) => (name === 'InjectKysely' ? { ...client } : undefined),
  handleFromName: (name, isClientName) => (isClientName && name === 'kysely' ? { ...client, byName: true } : undefined),
  handleFromNew: (cx, name) => (name === 'Kysely' ? { ...client } : undefined),
  // await db.startTransaction().execute() (a controlled transaction)
  handleFromMethod(cx, m) {
    const { t } = cx;
    const inner = skipOuter(t, m.receiver);
    if (m.method !== 'execute' || !t.isCallExpression(inner) || m.hasCallback) return undefined;
    const innerCallee = skipOuter(t, inner.expression);
    return t.isPropertyAccessExpression(innerCallee) && (innerCallee.name.text === 'startTransaction' || innerCallee.name.text === 'transaction') ? { ...client, isTx: true } : undefined;
  },
  hostAdapter: /Kysely/,
  // db.transaction().execute(async (trx) => …) / .setIsolationLevel('serializable').execute(…)
  scopeOf(cx, call, method, receiver, bodies) {
    if (method !== 'execute' || !receiver) return undefined;
    const chain = decomposeChain(cx.t, receiver);
    return chain.segs.some((s) => s.name === 'transaction' && s.call) ? { call, bodies, layer: 'kysely', receiver: chain.base } : undefined;
  },
  // sql`UPDATE …`.execute(db)
  writeOfChain(cx, outer, segs) {
    const { t } = cx;
    const s0 = segs[0]!;
    if (!(s0.name === undefined && s0.call && t.isTaggedTemplateExpression(s0.call) && segs[1]?.name === 'execute' && segs[1].call && classifySql(templateText(t, s0.call.template)) === 'write')) return undefined;
    const exec = segs[1].call as ts.CallExpression;
    const db = exec.arguments[0];
    const h = db ? cx.handleOf(db) : undefined;
    const base = decomposeChain(t, outer).base;
    return { node: outer, callee: exec.expression, call: s0.call, layer: 'kysely', method: 'execute', bulk: false, raw: true, receiver: db ?? base, handle: h ?? { ...client }, binding: h?.isTx ? { via: 'handle', key: db!.getText() } : undefined, caught: false };
  },
  matchesUnknown: true,
  matchWrite(cx, h, segs, start) {
    const { t } = cx;
    const s0 = segs[start]!;
    const ky = cx.vocabulary('kysely');
    if (h.kind !== 'client' || !s0.call || !has(ky?.builderWriteMethods, s0.name)) return undefined;
    const terminal = segs.slice(start + 1).findIndex((s) => has(ky?.builderTerminals, s.name) && s.call);
    if (terminal < 0) return undefined;
    const values = segs.find((s) => s.name === 'values');
    return { writeIndex: start, method: s0.name!, layer: 'kysely', bulk: values ? isArrayArg(t, argsOf(values)[0]) : false, raw: false, target: literalText(t, argsOf(s0)[0]), receiverEnd: start - 1 };
  },
  wrap(req) {
    if (req.writes[0]!.raw) return undefined;
    const trx = freshName(req.used, ['trx', 'kyselyTrx']);
    return callbackWrap(`await ${req.roots[0]!}.transaction().execute`, trx, req.rewriteRoots(() => trx));
  },
};
