/** Drizzle: `db.insert(t).values(v)`, `db.update(t).set(v)`, `db.delete(t)`, `db.transaction(async (tx) => …)`. */
import { freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { argsOf, callbackWrap, has, isArrayArg, literalText, type DataLayer } from './api.js';

export const drizzle: DataLayer = {
  id: 'drizzle',
  handleFromDecorator: (cx, name) => (/^InjectDrizzle|^InjectDb$/.test(name) ? { kind: 'client', layer: cx.imported.has('drizzle') ? 'drizzle' : 'unknown', isTx: false } : undefined),
  handleFromName: (name) => (name === 'drizzle' ? { kind: 'client', layer: 'drizzle', isTx: false, byName: true } : undefined),
  handleFromFactory: (cx, name) => (name === 'drizzle' ? { kind: 'client', layer: 'drizzle', isTx: false } : undefined),
  hostAdapter: /Drizzle/,
  matchesUnknown: true,
  matchWrite(cx, h, segs, start) {
    const { t } = cx;
    const s0 = segs[start]!;
    const first = s0.name;
    if (h.kind !== 'client' || !s0.call || !has(cx.vocabulary('drizzle')?.builderWriteMethods, first)) return undefined;
    const a = argsOf(s0);
    const tableArg = a.length === 1 && a[0] && !t.isStringLiteralLike(skipOuter(t, a[0])) && !t.isObjectLiteralExpression(skipOuter(t, a[0]));
    const rest = segs.slice(start + 1).map((s) => s.name);
    const shaped =
      (first === 'insert' && rest.some((n) => n === 'values' || n === 'select')) ||
      (first === 'update' && rest.includes('set')) ||
      (first === 'delete' && (h.layer === 'drizzle' || rest.length > 0 || h.isTx || cx.imported.has('drizzle')));
    if (!tableArg || !shaped) return undefined;
    const values = segs.find((s) => s.name === 'values');
    return { writeIndex: start, method: first!, layer: 'drizzle', bulk: values ? isArrayArg(t, argsOf(values)[0]) : false, raw: false, target: literalText(t, a[0]), receiverEnd: start - 1 };
  },
  wrap(req) {
    const tx = freshName(req.used, ['tx', 'dbTx']);
    return callbackWrap(`await ${req.roots[0]!}.transaction`, tx, req.rewriteRoots(() => tx));
  },
};
