/**
 * TypeORM: repositories, entity managers, data sources and query runners (`repo.save(x)`,
 * `dataSource.manager.update(…)`, `createQueryBuilder().insert()….execute()`), `dataSource.transaction(async (manager) => …)`.
 */
import type { TextEdit } from '../../types.js';
import { freshName } from '../../edits/index.js';
import { dottedName, skipOuter } from '../ast.js';
import { argsOf, has, isArrayArg, literalText, type DataLayer, type Handle } from './api.js';

const GET_REPOSITORY = /^(getRepository|getTreeRepository|getMongoRepository|getCustomRepository|withRepository)$/;
const KINDS = new Set(['datasource', 'queryRunner', 'manager', 'repository']);

const handle = (kind: Handle['kind'], byName = false): Handle => ({ kind, layer: 'typeorm', isTx: false, ...(byName ? { byName } : {}) });

export const typeorm: DataLayer = {
  id: 'typeorm',
  handleOfVocabularyType(cx, name, role) {
    if (role === 'model') return handle('repository');
    if (name === 'EntityManager') return handle('manager');
    if (name === 'QueryRunner') return handle('queryRunner');
    return handle('datasource');
  },
  handleFromDecorator(cx, name) {
    if (name === 'InjectRepository') return handle('repository');
    if (name === 'InjectEntityManager') return handle('manager');
    if (name === 'InjectDataSource' || (name === 'InjectConnection' && cx.imported.has('typeorm'))) return handle('datasource');
    return undefined;
  },
  handleFromName(name, isClientName) {
    if (!isClientName) return /^(repo|repository)$|[a-z0-9](Repository|Repo)$/.test(name) ? handle('repository', true) : undefined;
    if (name === 'manager' || name === 'entityManager' || name === 'em') return handle('manager', true);
    if (name === 'dataSource' || name === 'datasource') return handle('datasource', true);
    return undefined;
  },
  handleFromBaseClass: (cx, base) => (base === 'BaseEntity' ? { kind: 'model', layer: 'typeorm', isTx: false } : undefined),
  handleFromNew: (cx, name, layer) => (name === 'DataSource' && (layer === 'typeorm' || cx.imported.has('typeorm')) ? handle('datasource') : undefined),
  handleFromFactory(cx, name) {
    if (name === 'getRepository' || name === 'getCustomRepository' || name === 'getTreeRepository') return handle('repository');
    if (name === 'getManager') return handle('manager');
    if (name === 'getConnection' && cx.imported.has('typeorm')) return handle('datasource');
    return undefined;
  },
  handleFromMethod(cx, m) {
    if (GET_REPOSITORY.test(m.method)) {
      const h = m.handle();
      return { kind: 'repository', layer: 'typeorm', isTx: h?.isTx ?? false, viaParam: h?.viaParam };
    }
    if (m.method === 'createQueryRunner') return handle('queryRunner');
    return undefined;
  },
  transactionValue: (h) => ({ ...h, kind: h.kind === 'datasource' ? 'manager' : h.kind, isTx: true }),
  derive: (cx, h, prop) => (prop === 'manager' && (h.kind === 'datasource' || h.kind === 'queryRunner' || h.kind === 'repository') ? { ...h, kind: 'manager', layer: 'typeorm' } : undefined),
  hostAdapter: /TypeOrm/i,
  hostHandle: 'manager',
  matchWrite(cx, h, segs, start) {
    const { t } = cx;
    const s0 = segs[start]!;
    const first = s0.name;
    if (h.kind === 'model') {
      if (!s0.call) return first === 'collection' ? cx.matchSegments(h, segs, start + 1) : undefined;
      const w = cx.writeMethod(['typeorm'], first);
      return w && first !== 'create' ? { writeIndex: start, method: first!, layer: 'typeorm', bulk: w.bulk, raw: false, receiverEnd: start - 1 } : undefined;
    }
    if (!KINDS.has(h.kind)) return undefined;
    if (!s0.call) return first === 'manager' ? cx.matchSegments({ ...h, kind: 'manager' }, segs, start + 1) : undefined;
    if (first && GET_REPOSITORY.test(first)) {
      const m = cx.matchSegments({ ...h, kind: 'repository' }, segs, start + 1);
      return m && { ...m, receiverEnd: m.receiverEnd < start + 1 ? start : m.receiverEnd, target: m.target ?? literalText(t, argsOf(s0)[0]) };
    }
    if (first === 'createQueryBuilder') {
      const ty = cx.vocabulary('typeorm');
      const wi = segs.findIndex((s, j) => j > start && has(ty?.builderWriteMethods, s.name) && s.call);
      const ex = segs.findIndex((s, j) => j > wi && wi > 0 && has(ty?.builderTerminals, s.name));
      if (wi > 0 && ex > 0) return { writeIndex: wi, method: segs[wi]!.name!, layer: 'typeorm', bulk: false, raw: false, receiverEnd: start - 1 };
      return undefined;
    }
    if (h.kind === 'datasource' || h.kind === 'queryRunner') return undefined;
    const w = cx.writeMethod(['typeorm'], first);
    if (!w) return undefined;
    // repository.save([a, b]) / insert([...]) writes many rows in one statement
    const bulk = w.bulk || ((first === 'save' || first === 'insert') && isArrayArg(t, argsOf(s0)[h.kind === 'manager' ? argsOf(s0).length - 1 : 0]));
    if (h.kind === 'manager' && h.byName && argsOf(s0).length === 0) return undefined;
    return { writeIndex: start, method: first!, layer: 'typeorm', bulk, raw: false, receiverEnd: start - 1 };
  },
  // a domain repository interface (`private users: UserRepositoryInterface`) looks like a TypeORM repository by
  // name only: it may have neither `manager` nor a place in `withRepository`
  refuseWrap(req) {
    const { t, sf } = req;
    const guessed = req.writes.find((w) => w.handle.byName && !t.isCallExpression(skipOuter(t, w.receiver)));
    if (!guessed) return undefined;
    const name = skipOuter(t, guessed.receiver).getText(sf);
    return `\`${name}\` is known as a repository only by its name, not as a TypeORM Repository, EntityManager or DataSource (declared type, \`@InjectRepository\`, \`getRepository\`); it may not have \`manager\` or be accepted by \`withRepository\`, so open the transaction through the project's own unit of work`;
  },
  wrap(req) {
    const { t, sf, writes } = req;
    if (writes.some((w) => w.raw)) return undefined;
    const first = writes[0]!;
    const manager = freshName(req.used, ['manager', 'transactionalEntityManager']);
    const edits: TextEdit[] = [];
    // dataSource.getRepository(User).update(…) → manager.getRepository(User).update(…) in dataSource.transaction
    const viaGetRepository = writes.map((w) => {
      const recv = skipOuter(t, w.receiver);
      if (!t.isCallExpression(recv)) return undefined;
      const callee = skipOuter(t, recv.expression);
      // getRepository(Entity) only: a wrapper's getRepository(ctx, Entity) has no EntityManager counterpart
      return t.isPropertyAccessExpression(callee) && callee.name.text === 'getRepository' && recv.arguments.length === 1 ? callee.expression : undefined;
    });
    if (viaGetRepository.every(Boolean)) {
      const owners = [...new Set(viaGetRepository.map((e) => e!.getText(sf)))];
      if (owners.length !== 1) return undefined;
      for (const occ of req.occurrences(owners[0]!)) edits.push({ range: [occ.getStart(sf), occ.getEnd()], text: manager });
      return { open: [{ depth: 0, text: `await ${owners[0]}.transaction(async (${manager}) => {` }], close: [{ depth: 0, text: '});' }], edits, allowsReturn: true, callback: true };
    }
    for (const w of writes) {
      const recv = skipOuter(t, w.receiver);
      if (t.isCallExpression(recv)) {
        // this.connection.getRepository(ctx, User).save(…) → manager.withRepository(…).save(…)
        if (!edits.some((e) => e.range[0] === recv.getStart(sf))) edits.push({ range: [recv.getStart(sf), recv.getEnd()], text: `${manager}.withRepository(${recv.getText(sf)})` });
        continue;
      }
      for (const occ of req.occurrences(recv.getText(sf))) {
        if (edits.some((e) => e.range[0] === occ.getStart(sf))) continue;
        const text = w.handle.kind === 'repository' || (t.isCallExpression(recv) && w.handle.kind !== 'manager') ? `${manager}.withRepository(${occ.getText(sf)})` : manager;
        edits.push({ range: [occ.getStart(sf), occ.getEnd()], text });
      }
    }
    const f = skipOuter(t, first.receiver);
    const opener = t.isCallExpression(f) || first.handle.kind === 'repository' ? `${f.getText(sf)}.manager` : f.getText(sf);
    if (t.isCallExpression(f) && !dottedName(t, f.expression)?.endsWith('.getRepository')) return undefined;
    return { open: [{ depth: 0, text: `await ${opener}.transaction(async (${manager}) => {` }], close: [{ depth: 0, text: '});' }], edits: edits.sort((a, b) => a.range[0] - b.range[0]), allowsReturn: true, callback: true };
  },
};
