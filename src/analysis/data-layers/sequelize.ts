/**
 * Sequelize: `Model.create(v)`, `record.save()`, `sequelize.transaction(async (t) => …)` or
 * `const t = await sequelize.transaction()` with `{ transaction: t }` on each write.
 */
import type * as ts from 'typescript';
import type { TextEdit } from '../../types.js';
import { addOption, freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { resolveName } from '../scope.js';
import type { DataLayer } from './api.js';
import { modelWrite, recordWrite } from './models.js';

/** Where a write takes its options (`Model.update(values, options)`). */
const OPTION_INDEX: Record<string, number> = { create: 1, bulkCreate: 1, update: 1, upsert: 1, increment: 1, decrement: 1, destroy: 0, truncate: 0, restore: 0 };
const RECORD_OPTION_INDEX: Record<string, number> = { save: 0, destroy: 0, restore: 0, update: 1, increment: 1, decrement: 1 };
const MODULE = /^(sequelize|sequelize-typescript)$/;

/**
 * The `sequelize` binding in scope is a Sequelize instance, not the package itself (`import sequelize from
 * 'sequelize'`, `const sequelize = require('sequelize')`), whose `transaction` is no method.
 */
function instanceInScope(t: Parameters<typeof resolveName>[0], at: ts.Node): boolean {
  const d = resolveName(t, 'sequelize', at);
  if (!d) return false;
  if (d.kind === 'import' && d.import && MODULE.test(d.import.module)) return false;
  if (d.kind === 'var' && d.init) {
    const init = skipOuter(t, d.init);
    if (t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && t.isStringLiteralLike(init.arguments[0]) && MODULE.test(init.arguments[0].text)) return false;
  }
  return true;
}

export const sequelize: DataLayer = {
  id: 'sequelize',
  sharedTransactionType: { names: ['Transaction'], handle: { kind: 'txValue', layer: 'sequelize', isTx: true } },
  // `Model` is Sequelize's only in a file that imports it (Mongoose has one too)
  handleOfVocabularyType: (cx, name, role) => (name === 'Model' && !cx.imported.has('sequelize') ? undefined : { kind: role, layer: 'sequelize', isTx: false }),
  handleFromDecorator: (cx, name) => (name === 'InjectModel' && cx.namedModelLayer() === 'sequelize' ? { kind: 'model', layer: 'sequelize', isTx: false } : undefined),
  handleFromName: (name, isClientName) => (isClientName && name === 'sequelize' ? { kind: 'client', layer: 'sequelize', isTx: false, byName: true } : undefined),
  namedModels: true,
  adoptsUnknownWrites: true,
  handleFromBaseClass: (cx, base) => (/^Model$|\.Model$/.test(base) && cx.imported.has('sequelize') ? { kind: 'model', layer: 'sequelize', isTx: false } : undefined),
  handleFromNew: (cx, name) => (name === 'Sequelize' ? { kind: 'client', layer: 'sequelize', isTx: false } : undefined),
  handleFromMethod(cx, m) {
    if (m.method !== 'define') return undefined;
    return m.handle()?.layer === 'sequelize' ? { kind: 'model', layer: 'sequelize', isTx: false } : undefined;
  },
  transactionValue: () => ({ kind: 'txValue', layer: 'sequelize', isTx: true }),
  isBulkModelWrite: (method) => method === 'update' || method === 'destroy',
  matchWrite(cx, h, segs, start) {
    if (h.kind === 'model') return modelWrite(cx, h, segs, start, [this.id], (layer, method) => this.isBulkModelWrite!(method));
    if (h.kind === 'record') return recordWrite(cx, h, segs, start, [this.id]);
    return undefined;
  },
  wrap(req) {
    const { t, sf, writes } = req;
    const tName = freshName(req.used, ['t', 'transaction']);
    const prop = tName === 'transaction' ? 'transaction' : `transaction: ${tName}`;
    const edits: TextEdit[] = [];
    for (const w of writes) {
      if (!t.isCallExpression(w.call)) return undefined;
      const index = (w.handle.kind === 'record' ? RECORD_OPTION_INDEX : OPTION_INDEX)[w.method];
      if (index === undefined) return undefined;
      edits.push(addOption(t, sf, w.call, index, prop));
    }
    // sequelize.transaction on the instance, else the instance a model carries (Order.sequelize)
    const model = writes.find((w) => w.handle.kind === 'model' || w.handle.kind === 'record');
    const isTs = /\.[cm]?tsx?$/.test(sf.fileName);
    const root = instanceInScope(t, writes[0]!.node) ? 'sequelize' : model ? `${skipOuter(t, model.receiver).getText(sf)}.sequelize${isTs ? '!' : ''}` : undefined;
    if (!root) return undefined;
    return { open: [{ depth: 0, text: `await ${root}.transaction(async (${tName}) => {` }], close: [{ depth: 0, text: '});' }], edits, allowsReturn: true, callback: true };
  },
};

