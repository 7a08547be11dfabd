/** Prisma: `prisma.order.create({ data })`, `prisma.$transaction(async (tx) => …)` or `$transaction([...])`. */
import { freshName } from '../../edits/index.js';
import { argsOf, callbackWrap, isObjectWithKeys, type DataLayer, type Handle, type LayerContext, type Seg } from './api.js';

const PRISMA_ARGS = ['data', 'where', 'create', 'update'];

/** A delegate write: Prisma's, or on an unknown client one whose argument has Prisma's shape. */
function isPrismaShape(cx: LayerContext, h: Handle, arg: Parameters<typeof isObjectWithKeys>[1]): boolean {
  return h.layer === 'prisma' || cx.imported.has('prisma') || isObjectWithKeys(cx.t, arg, PRISMA_ARGS);
}

export const prisma: DataLayer = {
  id: 'prisma',
  handleFromTypeName: (cx, base) => (/Prisma/.test(base) ? { kind: 'client', layer: 'prisma', isTx: false } : undefined),
  handleFromName: (name) => (name === 'prisma' ? { kind: 'client', layer: 'prisma', isTx: false, byName: true } : undefined),
  handleFromNew: (cx, name, layer) => (name === 'PrismaClient' || layer === 'prisma' ? { kind: 'client', layer: 'prisma', isTx: false } : undefined),
  // prisma.order: a model delegate (an unknown client's lower-case property may be one too)
  derive: (cx, h, prop) =>
    h.kind === 'client' && (h.layer === 'prisma' || h.layer === 'unknown') && /^[a-z]\w*$/.test(prop) && prop !== 'query' ? { ...h, kind: 'delegate', layer: h.layer } : undefined,
  hostAdapter: /Prisma/,
  batchScopeMethods: ['$transaction'],
  matchesUnknown: true,
  matchWrite(cx, h, segs, start) {
    const s0 = segs[start]!;
    const first = s0.name;
    if (h.kind === 'delegate') {
      if (!s0.call) return undefined;
      const w = cx.writeMethod(['prisma'], first);
      if (!w || first === undefined) return undefined;
      if (h.layer === 'unknown' && !isPrismaShape(cx, h, argsOf(s0)[0])) return undefined;
      return { writeIndex: start, method: first, layer: 'prisma', bulk: w.bulk, raw: false, receiverEnd: start - 1 };
    }
    if (h.kind !== 'client' || (h.layer !== 'prisma' && h.layer !== 'unknown')) return undefined;
    if (s0.call && (first === '$executeRaw' || first === '$executeRawUnsafe')) return { writeIndex: start, method: first, layer: 'prisma', bulk: false, raw: true, receiverEnd: start - 1 };
    // prisma.order.create({ data })
    const next: Seg | undefined = segs[start + 1];
    if (!s0.call && first && /^[a-z]\w*$/.test(first) && next?.call) {
      const m = next.name;
      const w = cx.writeMethod(['prisma'], m);
      if (w && m !== undefined && isPrismaShape(cx, h, argsOf(next)[0])) return { writeIndex: start + 1, method: m, layer: 'prisma', bulk: w.bulk, raw: false, target: first, receiverEnd: start - 1 };
    }
    return undefined;
  },
  wrap(req) {
    const first = req.writes[0]!;
    const root = req.roots[0]!;
    if (first.raw && first.receiver.getText(req.sf) !== root) return undefined;
    const tx = freshName(req.used, ['tx', 'prismaTx']);
    return callbackWrap(`await ${root}.$transaction`, tx, req.rewriteRoots(() => tx));
  },
};

