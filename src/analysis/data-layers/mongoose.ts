/**
 * Mongoose and the MongoDB driver: `Model.create(doc)`, `doc.save()`, `collection.insertOne(…)`, a
 * `ClientSession` passed as `{ session }`, `connection.transaction(async (session) => …)`.
 */
import type { TextEdit } from '../../types.js';
import { addOption, freshName } from '../../edits/index.js';
import type * as ts from 'typescript';
import { NONE, type DataLayer, type Handle } from './api.js';
import { modelWrite, recordWrite } from './models.js';
import { importedModuleName } from './wrap-support.js';
import { skipOuter } from '../ast.js';

const model: Handle = { kind: 'model', layer: 'mongoose', isTx: false };
/** Where a write takes its options (`Model.updateOne(filter, update, options)`). */
const OPTION_INDEX: Record<string, number> = {
  insertMany: 1, bulkWrite: 1, insertOne: 1,
  updateOne: 2, updateMany: 2, replaceOne: 2, findOneAndUpdate: 2, findByIdAndUpdate: 2, findOneAndReplace: 2,
  deleteOne: 1, deleteMany: 1, findOneAndDelete: 1, findByIdAndDelete: 1, findOneAndRemove: 1, findByIdAndRemove: 1,
};
const RECORD_OPTION_INDEX: Record<string, number> = { save: 0, deleteOne: 0, remove: 0, updateOne: 1 };
/** A file that uses MongoDB sessions or transactions: `startSession()`, `withTransaction(…)`, `{ session }`, `.transaction(async (session) => …)`. */
const MONGO_SESSION = /\b(startSession|withTransaction|startTransaction)\s*\(|\.transaction\s*\(\s*(async\s*)?\(?\s*session\b|\{\s*session\s*[,}]|\bsession\s*:\s*session\b/;

export const mongoose: DataLayer = {
  id: 'mongoose',
  handleFromTypeName(cx, base, last) {
    if (last === 'ClientSession') return { kind: 'session', layer: 'mongoose', isTx: false };
    if (/(Document|Doc)$/.test(last) && cx.imported.has('mongoose')) return { kind: 'record', layer: 'mongoose', isTx: false };
    return undefined;
  },
  // `Connection` and `Db` are Mongoose's only in a file that imports it
  handleOfVocabularyType: (cx, name, role) => (role === 'client' && !cx.imported.has('mongoose') ? undefined : { kind: role, layer: 'mongoose', isTx: false }),
  handleFromDecorator(cx, name) {
    if (name === 'InjectModel') return { ...model };
    if (name === 'InjectConnection' && cx.imported.has('mongoose')) return { kind: 'client', layer: 'mongoose', isTx: false };
    return undefined;
  },
  handleFromName: (name, isClientName) => (isClientName && name === 'mongoose' ? { kind: 'client', layer: 'mongoose', isTx: false, byName: true } : undefined),
  namedModels: true,
  adoptsUnknownWrites: true,
  handleFromImport: (imported) => (imported === 'default' ? { kind: 'client', layer: 'mongoose', isTx: false } : undefined),
  handleFromFactory: (cx, name, layer) => ((name === 'model' && layer === 'mongoose') || name === 'getModelForClass' ? { ...model } : undefined),
  handleFromMethod(cx, m) {
    const { t } = cx;
    const { method } = m;
    if (method === 'model') {
      const h = m.handle();
      if (!h) return cx.importedLayer(t.isIdentifier(m.receiver) ? m.receiver.text : '') === 'mongoose' ? { ...model } : undefined;
      return h.layer === 'mongoose' || h.kind === 'client' ? { ...model } : undefined;
    }
    if (method === 'startSession') return m.handle() ? { kind: 'session', layer: 'mongoose', isTx: false } : undefined;
    if (method === 'collection') {
      const h = m.handle();
      return h && (h.kind === 'client' || h.layer === 'mongoose') ? { ...model } : undefined;
    }
    // Model.findOne(…).exec() / .orFail(): a loaded document; .lean(): a plain object
    if (method === 'exec' || method === 'orFail' || method === 'populate' || method === 'lean') {
      const h = m.handle();
      if (h?.kind === 'model' && method !== 'populate' && method !== 'lean') return { ...h, kind: 'record', byName: false };
      if (h?.kind === 'record') return method === 'lean' ? NONE : h;
    }
    return undefined;
  },
  derive(cx, h, prop) {
    if (h.kind === 'client' && h.layer === 'mongoose' && prop === 'connection') return h;
    if (h.kind === 'model' && prop === 'collection') return h;
    return undefined;
  },
  hostAdapter: /Mongo/,
  matchWrite(cx, h, segs, start) {
    const s0 = segs[start]!;
    if (h.kind === 'client') return s0.call && (s0.name === 'model' || s0.name === 'collection') ? cx.matchSegments({ ...h, kind: 'model' }, segs, start + 1) : undefined;
    if (h.kind === 'model') return modelWrite(cx, h, segs, start, [this.id]);
    if (h.kind === 'record') return recordWrite(cx, h, segs, start, [this.id]);
    return undefined;
  },
  wrap(req) {
    const { t, sf, writes } = req;
    const session = freshName(req.used, ['session', 'dbSession']);
    const prop = session === 'session' ? 'session' : `session: ${session}`;
    const edits: TextEdit[] = [];
    for (const w of writes) {
      if (!t.isCallExpression(w.call)) return undefined;
      const call = w.call;
      if (w.handle.kind === 'model' && w.method === 'create') {
        // Model.create(doc) → Model.create([doc], { session }): options need the array form.
        const arg = call.arguments[0];
        if (!arg || call.arguments.length > 2) return undefined;
        if (t.isArrayLiteralExpression(skipOuter(t, arg))) {
          edits.push(addOption(t, sf, call, 1, prop));
          continue;
        }
        let n: ts.Node = w.node;
        while (n.parent && (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent))) n = n.parent;
        const p = n.parent;
        const awaited = t.isAwaitExpression(w.node.parent);
        if (call.arguments.length !== 1 || w.node !== call) return undefined;
        if (p && t.isVariableDeclaration(p) && t.isIdentifier(p.name) && awaited && !p.type) {
          edits.push({ range: [p.name.getStart(sf), p.name.getEnd()], text: `[${p.name.text}]` });
        } else if (!(p && t.isExpressionStatement(p))) {
          return undefined;
        }
        edits.push({ range: [arg.getStart(sf), arg.getEnd()], text: `[${arg.getText(sf)}], { ${prop} }` });
        continue;
      }
      const index = (w.handle.kind === 'record' ? RECORD_OPTION_INDEX : OPTION_INDEX)[w.method];
      if (index === undefined) return undefined;
      if (index === 2 && call.arguments.length < 2) return undefined;
      edits.push(addOption(t, sf, call, index, prop));
    }
    const mongooseName = importedModuleName(t, sf, /^mongoose$/);
    const modelWriteOf = writes.find((w) => w.handle.kind === 'model');
    const root = mongooseName ? `${mongooseName}.connection` : modelWriteOf ? `${skipOuter(t, modelWriteOf.receiver).getText(sf)}.db` : undefined;
    if (!root) return undefined;
    return { open: [{ depth: 0, text: `await ${root}.transaction(async (${session}) => {` }], close: [{ depth: 0, text: '});' }], edits: edits.sort((a, b) => a.range[0] - b.range[0]), allowsReturn: true, callback: true };
  },
  // MongoDB runs transactions only on a replica set or a sharded cluster: on a standalone server (a common
  // self-hosted setup) every wrapped call would fail. Only a file that already opens sessions shows it has one.
  wrapCaveat: (req, options) =>
    !options.mongoTransactions && !MONGO_SESSION.test(req.sf.text)
      ? 'MongoDB runs transactions only on a replica set or a sharded cluster, and nothing in this file opens a session to show the deployment has one (on a standalone server every wrapped call would fail); set the rule option `mongoTransactions` when it does, or make the writes safe to repeat'
      : undefined,
};
