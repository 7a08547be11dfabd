/**
 * SQL clients: pg, mysql2, postgres.js, pg-promise, Neon, Vercel, PlanetScale. Writes are SQL text
 * (`client.query('UPDATE …')`, ``sql`INSERT …` ``); a transaction is `BEGIN` / `COMMIT` on one connection
 * taken from the pool, or `sql.begin(async (sql) => …)`.
 */
import { freshName } from '../../edits/index.js';
import { skipOuter } from '../ast.js';
import { classifySql, templateText } from '../sql-text.js';
import { callbackWrap, type DataLayer, type Handle, type Line } from './api.js';
import { importedModuleName } from './wrap-support.js';

const client = (pool?: boolean, byName?: boolean): Handle => ({ kind: 'client', layer: 'sql', isTx: false, ...(pool !== undefined ? { pool } : {}), ...(byName ? { byName } : {}) });
const FACTORIES = new Set(['postgres', 'neon', 'pgp', 'createPool', 'createConnection']);

export const sql: DataLayer = {
  id: 'sql',
  // `Client` and `Connection` are a SQL client's only in a file that imports one
  handleOfVocabularyType: (cx, name) => ((name === 'Client' || name === 'Connection') && !cx.imported.has('sql') ? undefined : client(name === 'Pool')),
  handleFromName(name, isClientName) {
    if (!isClientName) return undefined;
    if (name === 'pool') return client(true, true);
    return /^(client|conn|connection|pg|sql|mysql)$/.test(name) ? client(undefined, true) : undefined;
  },
  handleFromImport: () => client(),
  handleFromNew: (cx, name, layer) => ((name === 'Pool' || name === 'Client') && (layer === 'sql' || cx.imported.has('sql')) ? client(name === 'Pool') : undefined),
  handleFromFactory: (cx, name, layer) => (layer === 'sql' && FACTORIES.has(name) ? client(name === 'createPool') : undefined),
  handleFromMethod(cx, m) {
    if (m.method === 'connect' || m.method === 'getConnection') {
      const h = m.handle();
      return h && h.kind === 'client' && h.layer === 'sql' ? client(false) : undefined;
    }
    if (m.method === 'createPool' || m.method === 'createConnection') return m.handle()?.layer === 'sql' ? client(m.method === 'createPool') : undefined;
    return undefined;
  },
  // (client: PoolClient) / (conn) handed in: the caller's connection, maybe in its transaction
  isTransactionParam: (h, name) => h.kind === 'client' && h.layer === 'sql' && !h.pool && /^(client|conn|connection)$/.test(name),
  hostAdapter: /Pg|Postgres/,
  ownScopeMethods: ['begin', 'tx'],
  matchesUnknown: true,
  // postgres.js / @vercel/postgres: sql`INSERT …`
  matchWrite(cx, h, segs, start) {
    const s0 = segs[start]!;
    if (!(s0.call && s0.name === undefined && cx.t.isTaggedTemplateExpression(s0.call) && h.kind === 'client')) return undefined;
    return classifySql(templateText(cx.t, s0.call.template)) === 'write' ? { writeIndex: start, method: 'sql', layer: 'sql', bulk: false, raw: true, receiverEnd: start - 1 } : undefined;
  },
  wrap(req) {
    const { t, sf, writes, roots, used } = req;
    if (roots.length !== 1) return undefined;
    const first = writes[0]!;
    const rootText = roots[0]!;
    if (writes.every((w) => t.isTaggedTemplateExpression(w.call))) {
      // postgres.js: sql.begin(async (sql) => { … }) shadows the client with the transaction.
      const name = t.isIdentifier(skipOuter(t, first.receiver)) ? rootText : freshName(used, ['sql']);
      return callbackWrap(`await ${rootText}.begin`, name, name === rootText ? [] : req.rewriteRoots(() => name));
    }
    if (writes.some((w) => t.isTaggedTemplateExpression(w.call) || !/^(query|execute)$/.test(w.method))) return undefined;
    const mysql = importedModuleName(t, sf, /^mysql2?(\/promise)?$/) !== undefined;
    const pg = importedModuleName(t, sf, /^(pg|@neondatabase\/serverless)$/) !== undefined;
    if (mysql === pg) return undefined;
    const pool = first.handle.pool === true;
    const conn = pool ? freshName(used, mysql ? ['conn', 'connection'] : ['client', 'pgClient']) : rootText;
    const edits = pool ? req.rewriteRoots(() => conn) : [];
    if (!edits) return undefined;
    const err = freshName(used, ['error', 'txError']);
    const [begin, commit, rollback] = mysql ? ['beginTransaction()', 'commit()', 'rollback()'] : ["query('BEGIN')", "query('COMMIT')", "query('ROLLBACK')"];
    const open: Line[] = [
      ...(pool ? [{ depth: 0, text: `const ${conn} = await ${rootText}.${mysql ? 'getConnection' : 'connect'}();` }] : []),
      { depth: 0, text: 'try {' },
      { depth: 1, text: `await ${conn}.${begin};` },
    ];
    const close: Line[] = [
      { depth: 1, text: `await ${conn}.${commit};` },
      { depth: 0, text: `} catch (${err}) {` },
      { depth: 1, text: `await ${conn}.${rollback};` },
      { depth: 1, text: `throw ${err};` },
      ...(pool ? [{ depth: 0, text: '} finally {' }, { depth: 1, text: `${conn}.release();` }] : []),
      { depth: 0, text: '}' },
    ];
    return { open, close, edits, allowsReturn: false, callback: false };
  },
};
