/**
 * MikroORM: a unit of work. `em.persist(x)`, `em.remove(x)` and `em.create(…)` only stage changes; `em.flush()`
 * writes everything staged in one implicit transaction, so one flush is one atomic write and two flushes (or
 * `persistAndFlush` twice) are two. `nativeInsert` / `nativeUpdate` / `nativeDelete`, `insert`, `upsert` write
 * at once. A transaction is `em.transactional(async (em) => …)`, `@Transactional()` or `em.begin()` …
 * `em.commit()`; `em.fork()` is another, independent unit of work.
 */
import { freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { argsOf, callbackWrap, isArrayArg, type DataLayer, type Handle } from './api.js';

const ID = 'mikroorm';
const manager = (byName = false): Handle => ({ kind: 'manager', layer: ID, isTx: false, ...(byName ? { byName } : {}) });
const repository: Handle = { kind: 'repository', layer: ID, isTx: false };

export const mikroorm: DataLayer = {
  id: ID,
  handleOfVocabularyType: (cx, name, role) => (role === 'model' ? { ...repository } : name === 'MikroORM' ? { kind: 'client', layer: ID, isTx: false } : manager()),
  // @InjectRepository(User) from @mikro-orm/nestjs (TypeORM's decorator has the same name)
  handleFromDecorator: (cx, name) => (cx.imported.has(ID) && !cx.imported.has('typeorm') && name === 'InjectRepository' ? { ...repository } : undefined),
  handleFromMethod(cx, m) {
    if (m.method !== 'fork' && m.method !== 'getRepository') return undefined;
    const h = m.handle();
    if (h?.layer !== ID) return undefined;
    // em.fork(): a fresh unit of work, outside any transaction the parent runs
    if (m.method === 'fork') return manager();
    return { ...repository, isTx: h.isTx, viaParam: h.viaParam };
  },
  // orm.em
  derive: (cx, h, prop) => (h.layer === ID && h.kind === 'client' && prop === 'em' ? manager() : h.layer === ID && h.kind === 'repository' && prop === 'em' ? { ...h, kind: 'manager' } : undefined),
  isExplicitBegin(cx, method, receiver) {
    if (method !== 'begin') return false;
    return cx.handleOf(receiver)?.layer === ID;
  },
  matchWrite(cx, h, segs, start) {
    const s0 = segs[start]!;
    if (h.kind === 'client') return !s0.call && s0.name === 'em' ? cx.matchSegments(manager(), segs, start + 1) : undefined;
    if (h.kind !== 'manager' && h.kind !== 'repository') return undefined;
    if (!s0.call) return s0.name === 'em' ? cx.matchSegments({ ...h, kind: 'manager' }, segs, start + 1) : undefined;
    if (s0.name === 'getRepository' || s0.name === 'fork') return undefined;
    // em.persist(a).persist(b).flush(): the flush writes what was staged
    for (let j = start; j < segs.length && segs[j]!.call; j++) {
      const s = segs[j]!;
      const w = cx.writeMethod([ID], s.name);
      if (!w) continue;
      const bulk = w.bulk || (s.name === 'persistAndFlush' && isArrayArg(cx.t, argsOf(s)[0]));
      return { writeIndex: j, method: s.name!, layer: ID, bulk, raw: false, receiverEnd: start - 1 };
    }
    return undefined;
  },
  wrap(req) {
    const { t, sf, writes } = req;
    if (req.roots.length !== 1 || writes.some((w) => w.handle.kind !== 'manager')) return undefined;
    const root = req.roots[0]!;
    // em.transactional(async (em) => …): the callback's manager shadows the outer one
    const name = t.isIdentifier(skipOuter(t, writes[0]!.receiver)) ? root : freshName(req.used, ['em', 'txEm']);
    if (writes.some((w) => skipOuter(t, w.receiver).getText(sf) !== root)) return undefined;
    return callbackWrap(`await ${root}.transactional`, name, name === root ? [] : req.rewriteRoots(() => name));
  },
};
