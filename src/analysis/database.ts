/**
 * The data-layer recognizer: which expressions write to a database, which open or carry a transaction, and,
 * per function, which writes are covered by one. Receivers are recognised from imports and from how a value
 * was obtained (`new PrismaClient()`, `drizzle(...)`, `@InjectRepository(X)`, `pool.connect()`), with naming
 * heuristics as the fallback; the vocabularies come from `knowledge.database`.
 *
 */
import type * as ts from 'typescript';
import { normalizeLayer, type DataLayerKnowledge, type DatabaseKnowledge } from '../knowledge/database.js';
import { defaultDatabase } from '../knowledge/database.js';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { containsNode, dottedName, isFunctionLike, skipOuter, type FunctionLike } from './ast.js';
import { decomposeChain, isChainOuter, mayBeWriteChain, type Chain } from './chains.js';
import { argsOf, isArrayArg, NONE, type DataLayer, type Handle, type LayerContext, type Match, type MethodCall, type Seg } from './data-layers/api.js';
import { DATA_LAYERS, dataLayer } from './data-layers/index.js';
import { modelWrite, recordWrite } from './data-layers/models.js';
import { isAwaitedWork, remoteCallOf, type RemoteCall } from './remote-calls.js';
import { classMember, enclosingClass, fileImports, resolveName, type Declaration, type ImportMap } from './scope.js';
import { classifySql, sqlTextOf, templateText } from './sql-text.js';

// ---------------------------------------------------------------------------------------------------------
// Imports

interface FileInfo {
  imports: ImportMap;
  /** Layer ids imported anywhere in the file. */
  layers: Set<string>;
}

const fileCache = new WeakMap<ts.SourceFile, Map<DatabaseKnowledge, FileInfo>>();

function moduleMatches(specifier: string, module: string): boolean {
  return specifier === module || specifier.startsWith(module + '/');
}

export function layerOfModule(db: DatabaseKnowledge, specifier: string): string | undefined {
  for (const layer of db.layers) if (layer.modules.some((m) => moduleMatches(specifier, m))) return layer.id;
  return undefined;
}

function layersOf(t: TS, sf: ts.SourceFile, db: DatabaseKnowledge): FileInfo {
  let byKnowledge = fileCache.get(sf);
  if (!byKnowledge) fileCache.set(sf, (byKnowledge = new Map()));
  const cached = byKnowledge.get(db);
  if (cached) return cached;
  const { bindings, references } = fileImports(t, sf);
  const layers = new Set<string>();
  for (const ref of references) {
    const layer = ref.kind === 're-export' ? undefined : layerOfModule(db, ref.module);
    if (layer) layers.add(layer);
  }
  const info = { imports: bindings, layers };
  byKnowledge.set(db, info);
  return info;
}

// ---------------------------------------------------------------------------------------------------------
// Knowledge access

interface Vocab {
  db: DatabaseKnowledge;
  layers: Map<string, DataLayerKnowledge>;
  /** Flat write methods a user added through config; they count on every model-like receiver. */
  extraWrites: Set<string>;
  extraBulk: Set<string>;
  txMethods: Set<string>;
  beginMethods: Set<string>;
  rawMethods: Set<string>;
  txOptions: Set<string>;
  txBinders: Set<string>;
  clientNames: Set<string>;
  txHandleNames: Set<string>;
  contextNames: Set<string>;
  txHostTypes: Set<string>;
  decorators: Set<string>;
  /** Every method name that can end a write chain: a cheap test before any receiver is resolved. */
  writeNames: Set<string>;
  /** Text a file must contain somewhere for any of its calls to be recognised as a write: a handle. */
  signal: RegExp;
  /** ... and a write: a write method's name after a dot, or a string that starts with a writing SQL statement. */
  writeText: RegExp;
}

const vocabCache = new WeakMap<DatabaseKnowledge, Vocab>();

function mergeLayers(list: DataLayerKnowledge[]): Map<string, DataLayerKnowledge> {
  const out = new Map<string, DataLayerKnowledge>();
  for (const raw of list) {
    const layer = normalizeLayer(raw);
    const prev = out.get(layer.id);
    if (!prev) {
      out.set(layer.id, layer);
      continue;
    }
    const merged = { ...prev } as Record<string, unknown>;
    for (const [k, v] of Object.entries(layer)) {
      const p = (prev as unknown as Record<string, unknown>)[k];
      merged[k] = Array.isArray(p) && Array.isArray(v) ? [...new Set([...p, ...v])] : p ?? v;
    }
    out.set(layer.id, merged as unknown as DataLayerKnowledge);
  }
  return out;
}

function vocabOf(knowledge: Knowledge): Vocab {
  const db = knowledge.database;
  const hit = vocabCache.get(db);
  if (hit) return hit;
  const layers = mergeLayers(db.layers ?? defaultDatabase.layers);
  const all = [...layers.values()];
  const v: Vocab = {
    db: { ...defaultDatabase, ...db, layers: all },
    layers,
    extraWrites: new Set((db.writeMethods ?? []).filter((m) => !defaultDatabase.writeMethods.includes(m))),
    extraBulk: new Set((db.bulkWriteMethods ?? []).filter((m) => !defaultDatabase.bulkWriteMethods.includes(m))),
    txMethods: new Set(db.transactionMethods ?? defaultDatabase.transactionMethods),
    beginMethods: new Set(db.beginMethods ?? defaultDatabase.beginMethods),
    rawMethods: new Set(db.rawQueryMethods ?? defaultDatabase.rawQueryMethods),
    txOptions: new Set(all.flatMap((l) => l.transactionOptions)),
    txBinders: new Set(all.flatMap((l) => l.transactionBinders)),
    clientNames: new Set(db.clientNames ?? defaultDatabase.clientNames),
    txHandleNames: new Set(db.transactionHandleNames ?? defaultDatabase.transactionHandleNames),
    contextNames: new Set(db.contextHandleNames ?? defaultDatabase.contextHandleNames),
    txHostTypes: new Set(db.transactionHostTypes ?? defaultDatabase.transactionHostTypes),
    decorators: new Set(db.transactionDecorators ?? defaultDatabase.transactionDecorators),
    writeNames: new Set(),
    signal: /$^/,
    writeText: /$^/,
  };
  v.writeNames = new Set([
    ...v.extraWrites, ...v.extraBulk, ...v.rawMethods, ...defaultDatabase.writeMethods, ...defaultDatabase.bulkWriteMethods,
    ...all.flatMap((l) => [...l.writeMethods, ...l.bulkWriteMethods, ...l.builderWriteMethods, ...l.recordWriteMethods]),
  ]);
  v.signal = signalOf(v, all);
  const named = [...v.writeNames].filter((m) => !v.rawMethods.has(m) || /^\$/.test(m)).map((m): [string, string] => [m, '\\b']);
  v.writeText = new RegExp(`(?:\\.|\\[\\s*['"\`])\\s*${trieSource(named)}|['"\`](?:[\\s(]|--[^\\n]*\\n|/\\*(?:[^*]|\\*(?!/))*\\*/)*(?:insert|update|delete|merge|replace|upsert|truncate|with)\\b`, 'i');
  vocabCache.set(db, v);
  return v;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An alternation of `literal + suffix` entries as a trie (`p(?:risma\b|g\b)`): the regular expression engine
 * then tries one branch per character instead of every entry at every position.
 */
function trieSource(entries: [literal: string, suffix: string][]): string {
  interface Node {
    next: Map<string, Node>;
    ends: Set<string>;
  }
  const root: Node = { next: new Map(), ends: new Set() };
  for (const [literal, suffix] of entries) {
    let n = root;
    for (const ch of literal) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = { next: new Map(), ends: new Set() }));
      n = child;
    }
    n.ends.add(suffix);
  }
  const emit = (n: Node): string => {
    // longer literals first, so `conn` does not stop `connection` short
    const alts = [...[...n.next].map(([ch, child]) => escapeRegExp(ch) + emit(child)), ...n.ends];
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/**
 * Text one piece of which every recognisable write needs somewhere in its file: a receiver name, a handle type,
 * a factory, a decorator, a data-layer import or a model path. A file without any is skipped before it is walked.
 */
function signalOf(v: Vocab, layers: DataLayerKnowledge[]): RegExp {
  const words = new Set<string>([
    ...v.clientNames, ...v.txHandleNames,
    ...layers.flatMap((l) => [...l.clientTypes, ...l.modelTypes, ...l.clientFactories].map((x) => x.split('.').pop()!)),
  ]);
  const whole = [...words].filter((w) => /^\w+$/.test(w)).map((w): [string, string] => [w, '\\b']);
  // *Repository / *Repo / *Model receivers, Inject* decorators, transaction and handle types, BaseEntity / Model
  // classes, models/ and schemas/ imports, getRepository / getManager / model() factories; a configured name
  // such as `$db` as plain text.
  const shapes: [string, string][] = [
    ['Repo', '(?:sitory)?\\b'], ['repo', '(?:sitory)?\\b'], ['Model', '\\b'], ['Inject', '[A-Z]'], ['Transaction', ''], ['Prisma', ''],
    ['QueryRunner', ''], ['ClientSession', ''], ['BaseEntity', ''], ['Tx', '\\b'], ['Trx', '\\b'], ['TxClient', ''], ['DbOrTx', ''],
    ['model', 's?[/\'"]'], ['schema', 's?[/\'"]'], ['get', '(?:Manager|Connection|ModelForClass|\\w*Repository)\\b'], ['define(', ''], ['collection(', ''],
    ...[...words].filter((w) => w && !/^\w+$/.test(w)).map((w): [string, string] => [w, '']),
  ];
  const modules = layers.flatMap((l) => l.modules).flatMap((m) => ["'", '"', '`'].map((q): [string, string] => [q + m, '(?:/[^\'"`]*)?[\'"`]']));
  return new RegExp(`\\b${trieSource(whole)}|${trieSource([...shapes, ...modules])}`);
}

const signalCache = new WeakMap<ts.SourceFile, Map<Knowledge, boolean>>();

/** True when the file might hold a database write (any data-layer import, receiver name or handle type). */
export function mayWrite(t: TS, sf: ts.SourceFile, knowledge: Knowledge): boolean {
  let byKnowledge = signalCache.get(sf);
  if (!byKnowledge) signalCache.set(sf, (byKnowledge = new Map()));
  let hit = byKnowledge.get(knowledge);
  if (hit === undefined) {
    const v = vocabOf(knowledge);
    hit = v.signal.test(sf.text) && v.writeText.test(sf.text);
    byKnowledge.set(knowledge, hit);
  }
  return hit;
}

/** The display name of a layer id (`Prisma`). */
export function layerName(knowledge: Knowledge, id: string): string {
  return vocabOf(knowledge).layers.get(id)?.name ?? id;
}

// ---------------------------------------------------------------------------------------------------------
// Handles: what a receiver is

export type { Handle } from './data-layers/api.js';

const TX_TYPE = /Transaction(?!al)|\bTx\b|TxClient|DbOrTx|\bTrx\b|EntityManager|QueryRunner|PoolClient|PoolConnection|ClientSession/;
const NOT_MODEL_NAME = /^(view|ai|llm|ml|chat|embedding|language|data|language|openai|anthropic|gpt|text|image|vision|speech|audio|base|domain|read|write|response|request|form|ui|app|render|scene|physics|mesh|3d|threeD)Model$/i;

interface Resolver extends LayerContext {
  v: Vocab;
  file: FileInfo;
  /** Parameters of transaction callbacks seen so far (writes through them are inside that transaction). */
  txParams: Set<ts.Node>;
  /** `handleOf` per expression (`null` while it is being computed, which also cuts cycles). */
  memo: Map<ts.Node, Handle | null>;
}

/** The first answer of the layers' `hook`, in `DATA_LAYERS` order. */
function ask<T>(hook: (layer: DataLayer) => T | undefined): T | undefined {
  for (const layer of DATA_LAYERS) {
    const answer = hook(layer);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

function typeNames(t: TS, type: ts.TypeNode | undefined): string[] {
  if (!type) return [];
  return type
    .getText()
    .replace(/\breadonly\b/g, '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function baseTypeName(text: string): string {
  return text.replace(/<[\s\S]*$/, '').replace(/^typeof\s+/, '').trim();
}

/**
 * The handle a vocabulary type name gives (`clientTypes`, `modelTypes` of every layer, built-in or configured).
 * A name several layers list (`Connection`, `Model`, a configured layer's `Pool`) is the first such layer's the
 * file imports, else the first one's that does not need its import.
 */
function handleOfVocabularyType(r: Resolver, base: string, last: string): Handle | undefined {
  let fallback: Handle | undefined;
  for (const layer of r.v.layers.values()) {
    const role = layer.clientTypes.includes(base) || layer.clientTypes.includes(last) ? 'client' : layer.modelTypes.includes(base) || layer.modelTypes.includes(last) ? 'model' : undefined;
    if (!role) continue;
    const module = dataLayer(layer.id);
    // a `Transaction` type is asked of the layers that share it first
    if (module?.sharedTransactionType?.names.includes(last)) continue;
    const h: Handle | undefined = module?.handleOfVocabularyType ? module.handleOfVocabularyType(r, last, role) : { kind: role, layer: layer.id, isTx: false };
    if (!h) continue;
    if (r.file.layers.has(layer.id)) return h;
    fallback ??= h;
  }
  return fallback;
}

function handleFromType(r: Resolver, type: ts.TypeNode | undefined, at: ts.Node): Handle | undefined {
  const { t } = r;
  for (const part of typeNames(t, type)) {
    const base = baseTypeName(part);
    const last = base.split('.').pop() ?? base;
    if (/^typeof\s/.test(part)) {
      const h = handleOfName(r, base, at, 1);
      if (h && h.kind === 'model') return h;
    }
    const shaped = ask((l) => l.handleFromTypeName?.(r, base, last));
    if (shaped) return shaped;
    // `Transaction`: Kysely's, Sequelize's or Knex's, by what the file imports (none: nothing known)
    const sharing = DATA_LAYERS.filter((l) => l.sharedTransactionType?.names.includes(last));
    if (sharing.length > 0) {
      const owner = sharing.find((l) => r.file.layers.has(l.id));
      if (owner) return { ...owner.sharedTransactionType!.handle };
    }
    const h = handleOfVocabularyType(r, base, last);
    if (h) return h;
    if (sharing.length > 0) continue;
  }
  return undefined;
}

function decoratorName(t: TS, d: ts.Decorator): string {
  const e = t.isCallExpression(d.expression) ? d.expression.expression : d.expression;
  return t.isIdentifier(e) ? e.text : t.isPropertyAccessExpression(e) ? e.name.text : '';
}

function handleFromDecorators(r: Resolver, decorators: readonly ts.Decorator[]): Handle | undefined {
  for (const d of decorators) {
    const name = decoratorName(r.t, d);
    const h = ask((l) => l.handleFromDecorator?.(r, name));
    if (h) return h;
  }
  return undefined;
}

function importedLayer(r: Resolver, name: string): string | undefined {
  const b = r.file.imports.get(name);
  return b ? layerOfModule(r.v.db, b.module) : undefined;
}

const MODEL_PATH = /(^|\/)(models?|schemas?)(\/|$)|[./-](model|schema)s?$/i;

/** A handle from a declaration: type, decorators, initializer, import, class, parameter name. */
function handleFromDecl(r: Resolver, decl: Declaration, at: ts.Node, depth: number): Handle | undefined {
  const { t, v } = r;
  let h: Handle | undefined;
  if (decl.kind === 'param' || decl.kind === 'var') h = handleFromType(r, decl.type, at);
  if (!h && decl.kind === 'param' && t.isParameter(decl.node)) h = handleFromDecorators(r, t.getDecorators(decl.node) ?? []);
  if (!h && decl.init && decl.kind !== 'forOf') h = handleFromInit(r, decl.init, depth + 1);
  if (!h && decl.kind === 'forOf' && decl.init) {
    const it = handleFromInit(r, decl.init, depth + 1);
    if (it?.kind === 'record') h = it;
  }
  if (!h && decl.kind === 'import' && decl.import) {
    const layer = layerOfModule(v.db, decl.import.module);
    if (layer) {
      // `import { sql } from 'drizzle-orm'` is a fragment helper, `import knex from 'knex'` is the factory.
      h = dataLayer(layer)?.handleFromImport?.(decl.import.imported) ?? NONE;
    } else if (/^[A-Z]/.test(decl.id.text) && MODEL_PATH.test(decl.import.module)) {
      h = { kind: 'model', layer: namedModelLayer(r), isTx: false };
    }
  }
  if (!h && decl.kind === 'class' && t.isClassDeclaration(decl.node)) h = handleFromClass(r, decl.node);
  if (!h && decl.kind === 'var' && decl.destructured) h = undefined;
  if (decl.kind === 'param' && decl.fn) {
    const p = decl.node as ts.ParameterDeclaration;
    if (r.txParams.has(p)) return { ...(h ?? { kind: 'client', layer: 'unknown', isTx: true, byName: true }), isTx: true };
    const typeText = p.type?.getText() ?? '';
    const txLike = v.txHandleNames.has(decl.id.text) || TX_TYPE.test(typeText) || (!!h && !!dataLayer(h.layer)?.isTransactionParam?.(h, decl.id.text));
    if (txLike) return { ...(h ?? nameHandle(r, decl.id.text) ?? { kind: 'client', layer: 'unknown', isTx: true }), isTx: true, viaParam: { fn: decl.fn, index: decl.index ?? 0 } };
  }
  return h;
}

/** The layers whose models are known by name alone (Mongoose, Sequelize). */
const NAMED_MODEL_LAYERS = DATA_LAYERS.filter((l) => l.namedModels).map((l) => l.id);

function namedModelLayer(r: Resolver): string {
  const imported = NAMED_MODEL_LAYERS.filter((id) => r.file.layers.has(id));
  return imported.length === 1 ? imported[0]! : 'unknown';
}

/** `Model`, `sequelize.Model`: the base class of a model of some layer. */
function isModelBase(name: string | undefined): boolean {
  return name === 'Model' || name?.endsWith('.Model') === true;
}

function handleFromClass(r: Resolver, cls: ts.ClassDeclaration): Handle | undefined {
  const { t } = r;
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== t.SyntaxKind.ExtendsKeyword) continue;
    for (const ty of clause.types) {
      const base = ty.expression.getText();
      const h = ask((l) => l.handleFromBaseClass?.(r, base));
      if (h) return h;
      if (isModelBase(dottedName(t, ty.expression))) return { kind: 'model', layer: namedModelLayer(r), isTx: false };
    }
  }
  return undefined;
}

function nameHandle(r: Resolver, name: string): Handle | undefined {
  const isClientName = r.v.clientNames.has(name);
  const h = ask((l) => l.handleFromName?.(name, isClientName));
  if (h) return h;
  if (isClientName) return { kind: 'client', layer: 'unknown', isTx: false, byName: true };
  if (/^model$|[a-z0-9]Model$/.test(name) && !NOT_MODEL_NAME.test(name)) return { kind: 'model', layer: namedModelLayer(r), isTx: false, byName: true };
  return undefined;
}

function handleOfName(r: Resolver, name: string, at: ts.Node, depth: number): Handle | undefined {
  const decl = resolveName(r.t, name, at);
  if (decl) {
    const h = handleFromDecl(r, decl, at, depth);
    if (h) return h.kind === 'none' ? undefined : h;
    if (decl.kind === 'function' || decl.kind === 'class') return undefined;
    if (decl.kind === 'var' && decl.init && !decl.destructured) {
      // const order = await something(...) — a value, not a client, unless the name says so.
      return nameHandle(r, name);
    }
  }
  return nameHandle(r, name);
}

function handleFromMember(r: Resolver, cls: ts.ClassLikeDeclaration, name: string, depth: number): Handle | undefined {
  const m = classMember(r.t, cls, name);
  if (m) {
    const h = handleFromType(r, m.type, m.node) ?? handleFromDecorators(r, m.decorators) ?? (m.init ? handleFromInit(r, m.init, depth + 1) : undefined);
    if (h) return h.kind === 'none' ? undefined : h;
  }
  return nameHandle(r, name);
}

/** What a receiver expression is: `prisma`, `this.orderRepository`, `ctx.db`, `tx`. */
export function handleOf(r: Resolver, expr: ts.Expression, depth = 0): Handle | undefined {
  if (depth > 6) return undefined;
  const e = skipOuter(r.t, expr);
  const hit = r.memo.get(e);
  if (hit !== undefined) return hit ?? undefined;
  r.memo.set(e, null);
  const h = computeHandle(r, e, depth);
  r.memo.set(e, h ?? null);
  return h;
}

function computeHandle(r: Resolver, e: ts.Expression, depth: number): Handle | undefined {
  const { t } = r;
  if (t.isIdentifier(e)) return handleOfName(r, e.text, e, depth);
  if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(t, e);
    return cls ? handleFromMember(r, cls, e.name.text, depth) : nameHandle(r, e.name.text);
  }
  if (t.isPropertyAccessExpression(e) && e.name.text === 'tx') {
    const h = transactionHostHandle(r, e.expression);
    if (h) return h;
  }
  if (t.isPropertyAccessExpression(e)) {
    const inner = handleOf(r, e.expression, depth + 1);
    if (inner) return derive(r, inner, e.name.text);
    // ctx.prisma, req.db, fastify.pg: the property name decides.
    const obj = skipOuter(t, e.expression);
    if (t.isIdentifier(obj) || (t.isPropertyAccessExpression(obj) && (t.isIdentifier(obj.expression) || obj.expression.kind === t.SyntaxKind.ThisKeyword))) {
      return nameHandle(r, e.name.text);
    }
  }
  return undefined;
}

/**
 * `this.txHost.tx` (`@nestjs-cls/transactional`): the ambient transaction of the host's adapter's layer when
 * `expr` is a transaction host, read from its type (`TransactionHost<TransactionalAdapterPrisma>`).
 */
function transactionHostHandle(r: Resolver, expr: ts.Expression): Handle | undefined {
  const { t, v } = r;
  const e = skipOuter(t, expr);
  let type: ts.TypeNode | undefined;
  if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(t, e);
    type = cls ? classMember(t, cls, e.name.text)?.type : undefined;
  } else if (t.isIdentifier(e)) {
    const d = resolveName(t, e.text, e);
    type = d?.type;
  }
  const text = type?.getText() ?? '';
  if (![...v.txHostTypes].some((name) => baseTypeName(text).split('.').pop() === name)) return undefined;
  const adapter = /<([\s\S]*)>/.exec(text)?.[1] ?? '';
  const module = DATA_LAYERS.find((l) => l.hostAdapter?.test(adapter));
  const layers = [...r.file.layers];
  const layer = module?.id ?? (layers.length === 1 ? layers[0]! : 'unknown');
  return { kind: dataLayer(layer)?.hostHandle ?? 'client', layer, isTx: true, ambient: true };
}

/** A property of a handle: `dataSource.manager`, `queryRunner.manager`, `prisma.order`. */
function derive(r: Resolver, h: Handle, prop: string): Handle | undefined {
  return ask((l) => l.derive?.(r, h, prop));
}

/**
 * A parameter of the enclosing function passed to the call that makes a handle, when it carries the caller's
 * transaction: a request context (`this.connection.getRepository(ctx, Order)`) or a transaction handle.
 */
function carrierArgument(r: Resolver, call: ts.CallExpression): { fn: FunctionLike; index: number } | undefined {
  const { t, v } = r;
  for (const a of call.arguments) {
    const e = skipOuter(t, a);
    if (!t.isIdentifier(e)) continue;
    const d = resolveName(t, e.text, e);
    const named = v.contextNames.has(e.text) || v.txHandleNames.has(e.text);
    if (d?.kind === 'param' && d.fn) {
      const type = d.type ? baseTypeName(d.type.getText()).split('.').pop()! : '';
      // (ctx: RequestContext) / ({ ctx, input })
      if (named || (!d.destructured && (/Context$/.test(type) || TX_TYPE.test(type)))) return { fn: d.fn, index: d.index ?? 0 };
    } else if (d?.kind === 'var' && d.destructured && named && t.isVariableDeclaration(d.node) && d.node.initializer) {
      // const { ctx } = options, where options is a parameter
      const from = skipOuter(t, d.node.initializer);
      const p = t.isIdentifier(from) ? resolveName(t, from.text, from) : undefined;
      if (p?.kind === 'param' && p.fn) return { fn: p.fn, index: p.index ?? 0 };
    }
  }
  return undefined;
}

/** A handle from how a value was obtained. */
function handleFromInit(r: Resolver, init: ts.Expression, depth: number): Handle | undefined {
  const h = handleFromValue(r, init, depth);
  if (!h || h.kind === 'none' || h.isTx) return h;
  const e = skipOuter(r.t, init);
  const call = r.t.isAwaitExpression(e) ? skipOuter(r.t, e.expression) : e;
  if (!r.t.isCallExpression(call)) return h;
  const carrier = carrierArgument(r, call);
  return carrier ? { ...h, isTx: true, viaParam: carrier, viaContext: true } : h;
}

/** A call that hands out a database client: `txClient()`, `this.prismaService.txClient()`, `getDbClient()`. */
const CLIENT_ACCESSOR = /^(get)?(Tx|Trx|Transaction|Db|Database|Prisma)Client$/i;

function handleFromValue(r: Resolver, init: ts.Expression, depth: number): Handle | undefined {
  const { t, v } = r;
  if (depth > 6) return undefined;
  let e = skipOuter(t, init);
  if (t.isAwaitExpression(e)) e = skipOuter(t, e.expression);
  if (t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) {
    const left = handleFromInit(r, e.left, depth + 1);
    if (left?.isTx) return left;
    return left ?? handleFromInit(r, e.right, depth + 1);
  }
  if (t.isConditionalExpression(e)) return handleFromInit(r, e.whenTrue, depth + 1) ?? handleFromInit(r, e.whenFalse, depth + 1);
  if (t.isIdentifier(e) || t.isPropertyAccessExpression(e)) return handleOf(r, e, depth + 1);
  if (t.isNewExpression(e)) {
    const name = t.isIdentifier(e.expression) ? e.expression.text : t.isPropertyAccessExpression(e.expression) ? e.expression.name.text : '';
    const layer = importedLayer(r, name);
    const h = ask((l) => l.handleFromNew?.(r, name, layer));
    if (h) return h;
    // new Order({...}): a record of a model
    if (t.isIdentifier(e.expression)) {
      const m = handleOfName(r, name, e, depth + 1);
      if (m?.kind === 'model') return { ...m, kind: 'record', byName: false };
    }
    return NONE;
  }
  if (!t.isCallExpression(e)) return undefined;
  const callee = skipOuter(t, e.expression);
  if (t.isIdentifier(callee)) {
    const name = callee.text;
    const layer = importedLayer(r, name);
    const made = ask((l) => l.handleFromFactory?.(r, name, layer));
    // txClient() / getDbClient(): a project accessor that hands out the client (or the ambient transaction)
    return made ?? (CLIENT_ACCESSOR.test(name) && e.arguments.length === 0 ? { kind: 'client', layer: 'unknown', isTx: false } : undefined);
  }
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const recv = callee.expression;
  let recvHandle: Handle | undefined | null = null;
  const call: MethodCall = {
    call: e,
    method,
    receiver: recv,
    hasCallback: e.arguments.some((a) => t.isArrowFunction(a) || t.isFunctionExpression(a)),
    handle: () => (recvHandle === null ? (recvHandle = handleOf(r, recv, depth + 1) ?? (t.isCallExpression(skipOuter(t, recv)) ? handleFromInit(r, recv, depth + 1) : undefined)) : recvHandle),
  };
  const made = ask((l) => l.handleFromMethod?.(r, call));
  if (made) return made;
  const h = call.handle();
  if (!h) return undefined;
  // this.prismaService.txClient(): the service's client, or the ambient transaction it holds
  if (CLIENT_ACCESSOR.test(method) && e.arguments.length === 0 && h.kind === 'client') return { ...h, isTx: false, byName: false };
  // const t = await sequelize.transaction() / const trx = await knex.transaction()
  if ((method === 'transaction' || v.txMethods.has(method)) && !call.hasCallback && h.kind !== 'model') {
    const value = dataLayer(h.layer)?.transactionValue;
    return value ? value(h) : { ...h, isTx: true };
  }
  // Order.findOne(…): a record the layer can write back
  if (h.kind === 'model') {
    const layer = v.layers.get(h.layer);
    const reads = layer ? layer.recordReadMethods : NAMED_MODEL_LAYERS.flatMap((id) => v.layers.get(id)?.recordReadMethods ?? []);
    if (reads.includes(method)) return { ...h, kind: 'record', byName: false };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Writes

export interface DbWrite {
  /** The outermost expression of the chain. */
  node: ts.Expression;
  /** The callee of the writing call (`prisma.order.create`), what a report underlines. */
  callee: ts.Node;
  /** The writing call. */
  call: ts.CallExpression | ts.TaggedTemplateExpression;
  layer: string;
  method: string;
  bulk: boolean;
  raw: boolean;
  /** The expression of the connection / repository / model the write goes through. */
  receiver: ts.Expression;
  handle: Handle;
  /** Bound to a transaction by its receiver, an option (`{ transaction: t }`) or a binder (`.transacting(trx)`). */
  binding?: { via: 'handle' | 'option' | 'binder'; key: string };
  /** The model, table or delegate written, when visible (`order`). */
  target?: string;
  /** The chain handles the write's failure itself: `.catch(...)` after it. */
  caught: boolean;
}

function rawWriteAt(r: Resolver, segs: Seg[], i: number): boolean {
  const seg = segs[i]!;
  if (!seg.call || !seg.name || !r.v.rawMethods.has(seg.name)) return false;
  const text = t_isTagged(r.t, seg.call) ? templateText(r.t, seg.call.template) : sqlTextOf(r.t, argsOf(seg)[0]);
  return text !== undefined && classifySql(text) === 'write';
}

function t_isTagged(t: TS, c: ts.Node): c is ts.TaggedTemplateExpression {
  return t.isTaggedTemplateExpression(c);
}

/**
 * Walks the segments after a handle and finds the write: SQL text on any handle, else what the handle's layer
 * module recognises (on a handle of an unknown layer, every module that reads unknown receivers, then the
 * models known by name); a layer only the config defines is matched by its vocabulary.
 */
function matchSegments(r: Resolver, h: Handle, segs: Seg[], start: number): Match | undefined {
  const m = matchWriteSegments(r, h, segs, start);
  // knex(t).update(v).toQuery(): the SQL text is built here and run elsewhere (or never); the statement that runs
  // it is the write
  return m && segs.slice(m.writeIndex + 1).some((s) => s.call && s.name !== undefined && BUILDS_SQL_TEXT.has(s.name)) ? undefined : m;
}

/** Knex chain methods that return a write's SQL text instead of running it. */
const BUILDS_SQL_TEXT = new Set(['toQuery', 'toSQL', 'toNative', 'toString']);

function matchWriteSegments(r: Resolver, h: Handle, segs: Seg[], start: number): Match | undefined {
  const s0 = segs[start];
  if (!s0) return undefined;
  // Raw SQL on any database handle: client.query('INSERT …'), manager.query(...), knex.raw(...), db.execute(sql`…`)
  if (s0.call && rawWriteAt(r, segs, start)) return { writeIndex: start, method: s0.name!, layer: h.layer === 'unknown' ? 'sql' : h.layer, bulk: false, raw: true, receiverEnd: start - 1 };
  const module = dataLayer(h.layer);
  if (module?.matchWrite) return module.matchWrite(r, h, segs, start);
  if (h.layer === 'unknown') {
    const m = ask((l) => (l.matchesUnknown ? l.matchWrite?.(r, h, segs, start) : undefined));
    if (m) return m;
  } else if (module || !r.v.layers.has(h.layer)) return undefined;
  return vocabularyWrite(r, h, segs, start);
}

/**
 * A write by vocabulary alone: through a client of a layer only the config defines (`client.write(…)`,
 * `client.table.write(…)`), a model (`Order.create(…)`) or a record (`order.save()`).
 */
function vocabularyWrite(r: Resolver, h: Handle, segs: Seg[], start: number): Match | undefined {
  const candidates = h.layer === 'unknown' ? NAMED_MODEL_LAYERS : [h.layer];
  if (h.kind === 'model') return modelWrite(r, h, segs, start, candidates, (layer, method) => dataLayer(layer)?.isBulkModelWrite?.(method) ?? false);
  if (h.kind === 'record') return recordWrite(r, h, segs, start, candidates);
  if (h.kind !== 'client' || h.layer === 'unknown') return undefined;
  const s0 = segs[start]!;
  const at = s0.call ? start : segs[start + 1]?.call ? start + 1 : -1;
  const m = segs[at]?.name;
  const w = at >= 0 ? r.writeMethod([h.layer], m) : undefined;
  return w && m !== undefined ? { writeIndex: at, method: m, layer: h.layer, bulk: w.bulk, raw: false, target: at > start ? s0.name : undefined, receiverEnd: start - 1 } : undefined;
}

function bindingOf(r: Resolver, segs: Seg[], from: number): DbWrite['binding'] {
  const { t, v } = r;
  for (let j = from; j < segs.length; j++) {
    const s = segs[j]!;
    if (!s.call) continue;
    if (s.name && v.txBinders.has(s.name) && argsOf(s).length > 0) return { via: 'binder', key: argsOf(s)[0]!.getText() };
    for (const a of argsOf(s)) {
      const o = skipOuter(t, a);
      if (!t.isObjectLiteralExpression(o)) continue;
      for (const p of o.properties) {
        if ((t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && t.isIdentifier(p.name) && v.txOptions.has(p.name.text)) {
          const value = t.isPropertyAssignment(p) ? p.initializer : p.name;
          if (value.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(value) && value.text === 'undefined')) continue;
          return { via: 'option', key: value.getText() };
        }
      }
    }
  }
  return undefined;
}

/** The receiver expression made by the first `end + 1` segments (`-1` = the base). */
function receiverExpr(chain: Chain, end: number): ts.Expression {
  return end < 0 ? chain.base : chain.segs[end]!.node;
}

export function createResolver(t: TS, sf: ts.SourceFile, knowledge: Knowledge): Resolver {
  const v = vocabOf(knowledge);
  const file = layersOf(t, sf, v.db);
  const r: Resolver = {
    t,
    v,
    file,
    imported: file.layers,
    imports: file.imports,
    txParams: new Set(),
    memo: new Map(),
    vocabulary: (id) => v.layers.get(id),
    importedLayer: (name) => importedLayer(r, name),
    writeMethod(layers, m) {
      if (m === undefined) return undefined;
      for (const id of layers) {
        const l = v.layers.get(id);
        if (l?.bulkWriteMethods.includes(m)) return { bulk: true };
        if (l?.writeMethods.includes(m)) return { bulk: false };
      }
      if (v.extraBulk.has(m)) return { bulk: true };
      if (v.extraWrites.has(m)) return { bulk: false };
      return undefined;
    },
    handleOf: (expr, depth) => handleOf(r, expr, depth),
    handleOfName: (name, at, depth) => handleOfName(r, name, at, depth),
    handleFromInit: (init, depth) => handleFromInit(r, init, depth),
    matchSegments: (h, segs, start) => matchSegments(r, h, segs, start),
    namedModelLayer: () => namedModelLayer(r),
  };
  return r;
}

/** A tagged template held in a variable that is handed to a call as an argument: a fragment, not a statement. */
function isFragmentBinding(t: TS, tagged: ts.TaggedTemplateExpression): boolean {
  const decl = tagged.parent;
  if (!decl || !t.isVariableDeclaration(decl) || decl.initializer !== tagged || !t.isIdentifier(decl.name)) return false;
  const name = decl.name.text;
  let scope: ts.Node | undefined = decl.parent;
  while (scope && !isFunctionLike(t, scope) && !t.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return false;
  let passed = false;
  const visit = (n: ts.Node): void => {
    if (passed) return;
    if (t.isIdentifier(n) && n.text === name && n !== decl.name) {
      const p = n.parent;
      if (p && t.isCallExpression(p) && p.arguments.includes(n)) passed = true;
      return;
    }
    t.forEachChild(n, visit);
  };
  t.forEachChild(scope, visit);
  return passed;
}

/**
 * Recognises a database write in the chain ending at `outer` (call it on chain-outer calls and tagged
 * templates only, see `isChainOuter`).
 */
export function recognizeWrite(r: Resolver, outer: ts.Expression): DbWrite | undefined {
  const { t } = r;
  if (!mayBeWriteChain(t, outer, r.v.writeNames)) return undefined;
  // pool.query(sql`UPDATE …`), sql`… ${sql`…`}`: a tagged template handed to a call or nested in another is a
  // fragment the outer call runs, not a statement of its own
  if (t.isTaggedTemplateExpression(outer) && outer.parent && ((t.isCallExpression(outer.parent) && outer.parent.arguments.includes(outer)) || t.isTemplateSpan(outer.parent))) return undefined;
  // const insert = sql`INSERT …`; await db.query(insert): the fragment is run by the call it is handed to
  if (t.isTaggedTemplateExpression(outer) && isFragmentBinding(t, outer)) return undefined;
  const chain = decomposeChain(t, outer);
  const { base, segs } = chain;
  if (segs.length === 0) return undefined;
  // a write whose chain does not start at a handle: sql`UPDATE …`.execute(db) (Kysely raw)
  const s0 = segs[0]!;
  const own = ask((l) => l.writeOfChain?.(r, outer, segs));
  if (own) return own;
  // this.knex('t').insert(…): a callable client held in a property
  if (base.kind === t.SyntaxKind.ThisKeyword && s0.call && s0.name && t.isCallExpression(s0.call)) {
    const h = handleOf(r, s0.call.expression);
    if (h && h.kind === 'client') {
      const direct: Seg[] = [{ name: undefined, call: s0.call, node: s0.node }, ...segs.slice(1)];
      const m = matchSegments(r, h, direct, 0);
      if (m) {
        const seg = direct[m.writeIndex]!;
        const call = seg.call as ts.CallExpression;
        return { node: outer, callee: call.expression, call, layer: m.layer, method: m.method, bulk: m.bulk, raw: m.raw, receiver: s0.call.expression, handle: h, binding: h.isTx ? { via: 'handle', key: s0.call.expression.getText() } : bindingOf(r, direct, m.writeIndex), target: m.target, caught: false };
      }
    }
  }
  // Receivers: the base, then the base with one or two property accesses (ctx.prisma, this.dataSource.manager).
  let baseExpr: ts.Expression = base;
  let k = 0;
  if (base.kind === t.SyntaxKind.ThisKeyword) {
    if (!segs[0] || segs[0].call) return undefined;
    baseExpr = segs[0].node;
    k = 1;
  }
  for (let extra = 0; extra <= 2 && k + extra <= segs.length; extra++) {
    const recvEnd = k + extra - 1;
    const expr = recvEnd < k ? baseExpr : segs[recvEnd]!.node;
    // getRepository(User).save(…) / getManager().save(…): a handle made by a call
    const madeByCall = recvEnd >= k && !!segs[recvEnd]!.call;
    // this.prismaService.txClient().order.create(…): the client an accessor hands out
    if (madeByCall && recvEnd !== 0 && !CLIENT_ACCESSOR.test(segs[recvEnd]!.name ?? '')) break;
    if (!madeByCall && !t.isIdentifier(expr) && !t.isPropertyAccessExpression(expr)) break;
    const h = madeByCall ? handleFromInit(r, expr, 0) : handleOf(r, expr);
    if (!h || h.kind === 'none' || h.kind === 'session' || h.kind === 'txValue') continue;
    const m = matchSegments(r, h, segs, recvEnd + 1);
    if (!m) {
      if (h.byName || CLIENT_ACCESSOR.test(segs[recvEnd + 1]?.name ?? '')) continue;
      return undefined;
    }
    const seg = segs[m.writeIndex]!;
    const call = seg.call!;
    const calleeNode = t.isCallExpression(call) ? call.expression : call.tag;
    const receiver = receiverExpr(chain, Math.max(m.receiverEnd, recvEnd));
    const binding: DbWrite['binding'] = h.isTx ? { via: 'handle', key: skipOuter(t, expr).getText() } : bindingOf(r, segs, m.writeIndex);
    const caught = segs.slice(m.writeIndex + 1).some((x) => x.call && (x.name === 'catch' || (x.name === 'then' && argsOf(x).length >= 2)));
    return { node: outer, callee: calleeNode, call, layer: m.layer, method: m.method, bulk: m.bulk, raw: m.raw, receiver, handle: h, binding, target: m.target ?? targetOf(t, segs, recvEnd, m), caught };
  }
  return undefined;
}

function targetOf(t: TS, segs: Seg[], recvEnd: number, m: Match): string | undefined {
  const prev = segs[m.writeIndex - 1];
  if (prev && !prev.call && prev.name) return prev.name;
  const recv = recvEnd >= 0 ? segs[recvEnd] : undefined;
  if (recv && !recv.call && recv.name) return recv.name;
  return undefined;
}

/** The name a write's receiver goes by (`this.orderRepository`, `order`), for risk words. */
export function receiverName(t: TS, w: DbWrite): string {
  return w.target ?? skipOuter(t, w.receiver).getText();
}

// One resolver per file for the risk model's one-call questions, so its memo serves every call of the file.
const plainResolvers = new WeakMap<Knowledge, WeakMap<ts.SourceFile, Resolver>>();

/** `isLikelyDbWrite` for the risk model: one call, no function context. */
export function isDbWriteCall(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  if (!isChainOuter(t, call)) return false;
  const sf = call.getSourceFile();
  if (!mayWrite(t, sf, knowledge)) return false;
  let bySf = plainResolvers.get(knowledge);
  if (!bySf) plainResolvers.set(knowledge, (bySf = new WeakMap()));
  let r = bySf.get(sf);
  if (!r) bySf.set(sf, (r = createResolver(t, sf, knowledge)));
  return recognizeWrite(r, call) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Transaction scopes

export interface TxScope {
  /** The call that opens the scope (`prisma.$transaction(...)`). */
  call: ts.CallExpression;
  /** Arguments that run inside the transaction: callbacks and arrays. */
  bodies: ts.Expression[];
  layer: string;
  /** The expression the transaction is opened on (`prisma`, `this.dataSource`). */
  receiver?: ts.Expression;
}

function isFnExpr(t: TS, e: ts.Expression): e is ts.ArrowFunction | ts.FunctionExpression {
  const s = skipOuter(t, e);
  return t.isArrowFunction(s) || t.isFunctionExpression(s);
}

function isTxName(v: Vocab, name: string | undefined): boolean {
  return name !== undefined && (v.txMethods.has(name) || /transaction/i.test(name));
}

/**
 * A call whose callbacks or array run inside one transaction: `prisma.$transaction(async (tx) => …)`,
 * `prisma.$transaction([...])`, `db.transaction().execute(fn)`, `session.withTransaction(fn)`,
 * `sql.begin(fn)`, `withTransaction(fn)`.
 */
export function transactionScopeOf(r: Resolver, call: ts.CallExpression): TxScope | undefined {
  const { t, v } = r;
  const callee = skipOuter(t, call.expression);
  const name = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : undefined;
  if (call.arguments.length === 0) return undefined;
  // prisma.$transaction([...]): an array of writes runs in one transaction too
  const batchOf = name === undefined ? undefined : DATA_LAYERS.find((l) => l.batchScopeMethods?.includes(name));
  const bodies = call.arguments.filter((a) => isFnExpr(t, a) || (batchOf && (t.isArrayLiteralExpression(skipOuter(t, a)) || isArrayArg(t, a))));
  if (bodies.length === 0) return undefined;
  const receiver = t.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  if (isTxName(v, name) && name !== 'transacting') {
    // sql.begin(fn) / db.tx(fn): only on that layer's handles
    const owner = DATA_LAYERS.find((l) => l.ownScopeMethods?.includes(name!));
    if (owner && receiver) {
      const h = handleOf(r, receiver);
      if (!h || (h.layer !== owner.id && h.layer !== 'unknown')) return undefined;
    }
    const h = receiver ? handleOf(r, receiver) : undefined;
    return { call, bodies, layer: h?.layer ?? batchOf?.id ?? 'unknown', receiver };
  }
  return ask((l) => l.scopeOf?.(r, call, name, receiver, bodies));
}

/** An explicit begin on a receiver: `queryRunner.startTransaction()`, `client.query('BEGIN')`, `conn.beginTransaction()`. */
export function explicitBeginOf(r: Resolver, call: ts.CallExpression): { receiver: string } | undefined {
  const { t, v } = r;
  const callee = skipOuter(t, call.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const m = callee.name.text;
  const begins = v.beginMethods.has(m) || (v.rawMethods.has(m) && classifySql(sqlTextOf(t, call.arguments[0]) ?? '') === 'begin') || DATA_LAYERS.some((l) => l.isExplicitBegin?.(r, m, callee.expression));
  return begins ? { receiver: skipOuter(t, callee.expression).getText() } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Units: per-function facts

const ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'reduce', 'reduceRight', 'filter', 'some', 'every', 'find', 'findIndex', 'each', 'eachSeries', 'mapSeries', 'mapLimit', 'eachLimit', 'eachOf', 'forEachOf', 'pMap', 'pEach', 'pMapSeries', 'times', 'timesSeries']);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

export interface WriteSite {
  kind: 'write';
  write: DbWrite;
  /** The node to report and list: the write's callee. */
  at: ts.Node;
  inLoop: boolean;
  /** The loop handles each item's failure itself (try/catch inside the loop body, `.catch`, `allSettled`). */
  perItemHandled: boolean;
  /** The transaction scope it runs in, if any. */
  scope?: TxScope;
  /** The write's promise has its own `.catch(...)`: its failure is tolerated on purpose. */
  independent: boolean;
}

export interface HelperSite {
  kind: 'helper';
  call: ts.CallExpression;
  at: ts.Node;
  target: FunctionLike;
  inLoop: boolean;
  perItemHandled: boolean;
  scope?: TxScope;
  /** Per argument: it is a transaction handle. */
  txArgs: boolean[];
  /** Per argument: the index of the calling function's parameter it passes on, if it is one. */
  argParams: (number | undefined)[];
}

/**
 * An awaited call of a function another module of the project exports (`tokenService.saveToken(…)`,
 * `query.user.update(…)`): what it writes is known only to the project model, once every file is read.
 */
export interface RemoteSite {
  kind: 'remote';
  call: ts.CallExpression;
  at: ts.Node;
  remote: RemoteCall;
  inLoop: boolean;
  perItemHandled: boolean;
  scope?: TxScope;
  /** Per argument: it is a transaction handle. */
  txArgs: boolean[];
}

export interface Unit {
  fn: FunctionLike | ts.SourceFile;
  sites: (WriteSite | HelperSite | RemoteSite)[];
  scopes: TxScope[];
  begins: { receiver: string; pos: number }[];
  /** Awaited work no transaction can include (a callback, an outbound call): writes before and after are separate steps. */
  boundaries: number[];
  /** A decorator runs the whole function in a transaction (`@Transactional()`). */
  decorated: boolean;
}

export interface FileUnits {
  units: Map<ts.Node, Unit>;
  resolver: Resolver;
}

function helperTarget(r: Resolver, call: ts.CallExpression): FunctionLike | undefined {
  const { t } = r;
  const callee = skipOuter(t, call.expression);
  if (t.isIdentifier(callee)) {
    const d = resolveName(t, callee.text, callee);
    if (d?.kind === 'function' && t.isFunctionDeclaration(d.node) && d.node.body) return d.node;
    if (d?.kind === 'var' && d.init) {
      const init = skipOuter(t, d.init);
      if (t.isArrowFunction(init) || t.isFunctionExpression(init)) return init;
    }
    return undefined;
  }
  if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(t, callee);
    if (!cls) return undefined;
    for (const m of cls.members) {
      if (!m.name || !(t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) || m.name.text !== callee.name.text) continue;
      if (t.isMethodDeclaration(m) && m.body) return m;
      if (t.isPropertyDeclaration(m) && m.initializer) {
        const init = skipOuter(t, m.initializer);
        if (t.isArrowFunction(init) || t.isFunctionExpression(init)) return init;
      }
    }
  }
  return undefined;
}

function hasTxDecorator(r: Resolver, fn: ts.Node): boolean {
  const { t, v } = r;
  const check = (n: ts.Node): boolean =>
    t.canHaveDecorators(n) && (t.getDecorators(n) ?? []).some((d) => {
      const name = decoratorName(t, d);
      return v.decorators.has(name) || containsNode(t, d.expression, (x) => (t.isIdentifier(x) || t.isStringLiteralLike(x)) && x.text.includes('Transaction'));
    });
  if (check(fn)) return true;
  const cls = fn.parent;
  return !!cls && (t.isClassDeclaration(cls) || t.isClassExpression(cls)) && check(cls) && t.isMethodDeclaration(fn);
}

/** True when an inline callback runs as part of its enclosing function (array iteration, promise chain). */
function inlineRole(r: Resolver, fn: ts.Node): 'loop' | 'same' | 'scope' | undefined {
  const { t } = r;
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = skipOuter(t, call.expression);
  const name = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : undefined;
  if (name && ITERATION_METHODS.has(name)) return 'loop';
  // p.catch(async () => …), p.then(ok, async () => …): a rejection handler runs instead of the work it
  // follows (compensation, failure recording), so its writes do not pair with the caller's
  if (name === 'catch' || (name === 'then' && call.arguments[1] === fn)) return undefined;
  if (name && PROMISE_METHODS.has(name)) return 'same';
  return undefined;
}

/** Walks the file once and records, per function, its writes, helper calls and transaction scopes. */
export function collectUnits(t: TS, sf: ts.SourceFile, knowledge: Knowledge, isExternalWork?: (call: ts.CallExpression) => boolean): FileUnits {
  const r = createResolver(t, sf, knowledge);
  const units = new Map<ts.Node, Unit>();
  const newUnit = (fn: FunctionLike | ts.SourceFile): Unit => {
    const u: Unit = { fn, sites: [], scopes: [], begins: [], boundaries: [], decorated: fn.kind !== t.SyntaxKind.SourceFile && hasTxDecorator(r, fn) };
    units.set(fn, u);
    awaited.set(u, []);
    return u;
  };
  interface Ctx {
    unit: Unit;
    scope?: TxScope;
    loop: number;
    /** Loop depth at which the innermost enclosing per-item handler (try/catch, allSettled) sits. */
    handledAt: number;
  }
  const scopeBodies = new Map<ts.Node, TxScope>();
  const awaited = new Map<Unit, ts.CallExpression[]>();

  const K = t.SyntaxKind;
  const visit = (node: ts.Node, ctx: Ctx): void => {
    const kind = node.kind;
    // Most nodes are none of the shapes below: let them through with integer compares only.
    if (kind !== K.CallExpression && kind !== K.TaggedTemplateExpression && kind !== K.TryStatement && kind !== K.ForStatement && kind !== K.ForOfStatement && kind !== K.ForInStatement && !isFunctionLike(t, node)) {
      return visitChildren(node, ctx);
    }
    if (isFunctionLike(t, node)) {
      const bodyScope = scopeBodies.get(node);
      if (bodyScope) {
        for (const p of node.parameters) r.txParams.add(p);
        return visitChildren(node, { ...ctx, scope: bodyScope });
      }
      const role = inlineRole(r, node);
      if (role === 'loop') return visitChildren(node, { ...ctx, loop: ctx.loop + 1 });
      if (role === 'same') return visitChildren(node, ctx);
      return visitChildren(node, { unit: newUnit(node), scope: ctx.scope, loop: 0, handledAt: -1 });
    }
    // while / do loops are batch or polling loops (`do { deleted = … LIMIT n } while (deleted)`), not per-item writes.
    if (t.isForStatement(node) || t.isForOfStatement(node) || t.isForInStatement(node)) {
      t.forEachChild(node, (child) => {
        const isBody = child === node.statement;
        visit(child, isBody ? { ...ctx, loop: ctx.loop + 1 } : ctx);
      });
      return;
    }
    if (t.isTryStatement(node) && ctx.loop > 0) {
      visit(node.tryBlock, { ...ctx, handledAt: ctx.loop });
      if (node.catchClause) visit(node.catchClause, ctx);
      if (node.finallyBlock) visit(node.finallyBlock, ctx);
      return;
    }
    if (t.isCallExpression(node)) {
      const scope = transactionScopeOf(r, node);
      if (scope) {
        ctx.unit.scopes.push(scope);
        for (const b of scope.bodies) {
          const s = skipOuter(t, b);
          scopeBodies.set(s, scope);
        }
        t.forEachChild(node, (child) => visit(child, node.arguments.includes(child as ts.Expression) ? { ...ctx, scope } : ctx));
        return;
      }
      const begin = explicitBeginOf(r, node);
      if (begin) ctx.unit.begins.push({ receiver: begin.receiver, pos: node.getStart(sf) });
      if (t.isAwaitExpression(node.parent)) awaited.get(ctx.unit)!.push(node);
      // Promise.allSettled([...]) — each write's failure is handled on its own
      const callee = skipOuter(t, node.expression);
      if (t.isPropertyAccessExpression(callee) && callee.name.text === 'allSettled') {
        t.forEachChild(node, (child) => visit(child, { ...ctx, handledAt: Number.MAX_SAFE_INTEGER }));
        return;
      }
    }
    if ((t.isCallExpression(node) || t.isTaggedTemplateExpression(node)) && isChainOuter(t, node)) {
      const w = recognizeWrite(r, node);
      if (w) {
        const independent = w.caught || hasCatchHandler(t, node);
        ctx.unit.sites.push({ kind: 'write', write: w, at: w.callee, inLoop: ctx.loop > 0, perItemHandled: ctx.loop > 0 && (ctx.handledAt >= ctx.loop || independent), scope: ctx.scope, independent });
      } else if (t.isCallExpression(node)) {
        const callee = skipOuter(t, node.expression);
        if (t.isIdentifier(callee) || t.isPropertyAccessExpression(callee)) {
          ctx.unit.sites.push({ kind: 'helper', call: node, at: node.expression, target: PENDING, inLoop: ctx.loop > 0, perItemHandled: ctx.loop > 0 && (ctx.handledAt >= ctx.loop || hasCatchHandler(t, node)), scope: ctx.scope, txArgs: [], argParams: [] });
        }
      }
    }
    visitChildren(node, ctx);
  };
  // One callback for every node: the context travels in `current`, saved and restored around each level.
  let current: Ctx;
  const visitChild = (child: ts.Node): void => visit(child, current);
  const visitChildren = (node: ts.Node, ctx: Ctx): void => {
    const saved = current;
    current = ctx;
    t.forEachChild(node, visitChild);
    current = saved;
  };
  visitChildren(sf, { unit: newUnit(sf), loop: 0, handledAt: -1 });

  // Helper calls and step boundaries only matter in a file that writes: resolve them once the walk is done.
  const writes = [...units.values()].some((u) => u.sites.some((site) => site.kind === 'write'));
  const txArgsOf = (call: ts.CallExpression): boolean[] =>
    call.arguments.map((a) => {
      const e = skipOuter(t, a);
      return (t.isIdentifier(e) || t.isPropertyAccessExpression(e)) && !!handleOf(r, a)?.isTx;
    });
  for (const unit of units.values()) {
    const sites: Unit['sites'] = [];
    for (const site of unit.sites) {
      if (site.kind !== 'helper') {
        if (writes) sites.push(site);
        continue;
      }
      // (a file with no writes of its own still has helpers: their calls into other modules are its functions')
      const target = helperTarget(r, site.call);
      if (!target) {
        // an awaited call into another module of the project: the project model knows what it writes
        const remote = isAwaitedWork(t, site.call) ? remoteCallOf(t, site.call) : undefined;
        if (remote && !layerOfModule(r.v.db, remote.module)) sites.push({ kind: 'remote', call: site.call, at: site.at, remote, inLoop: site.inLoop, perItemHandled: site.perItemHandled, scope: site.scope, txArgs: txArgsOf(site.call) });
        continue;
      }
      sites.push(site);
      site.target = target;
      site.txArgs = txArgsOf(site.call);
      site.argParams = site.call.arguments.map((a) => {
        const e = skipOuter(t, a);
        const d = t.isIdentifier(e) ? resolveName(t, e.text, e) : undefined;
        return d?.kind === 'param' && d.fn === unit.fn && !d.destructured ? d.index : undefined;
      });
    }
    unit.sites = sites;
    if (unit.sites.length === 0) continue;
    for (const call of awaited.get(unit)!) {
      if (isCallbackCall(r, call, unit.fn) || isExternalWork?.(call)) unit.boundaries.push(call.getStart(sf));
    }
  }
  return { units, resolver: r };
}

// A helper site whose target is resolved after the walk.
const PENDING = {} as FunctionLike;

/** `await callback()` — a function the caller passed in: work the function does not own. */
function isCallbackCall(r: Resolver, call: ts.CallExpression, fn: ts.Node): boolean {
  const { t } = r;
  const callee = skipOuter(t, call.expression);
  // await this.onProcess(task): a hook the class leaves to a subclass (abstract or inherited)
  if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(t, callee);
    if (!cls || !(cls.heritageClauses ?? []).some((h) => h.token === t.SyntaxKind.ExtendsKeyword) && !(t.getModifiers(cls) ?? []).some((m) => m.kind === t.SyntaxKind.AbstractKeyword)) return false;
    const member = cls.members.find((m) => m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === callee.name.text);
    return !member || (t.isMethodDeclaration(member) && !member.body);
  }
  if (!t.isIdentifier(callee)) return false;
  const d = resolveName(t, callee.text, callee);
  return d?.kind === 'param' && d.fn === fn;
}

/** `write(...).catch(handler)` — the promise's failure is handled per call. */
function hasCatchHandler(t: TS, node: ts.Node): boolean {
  let n: ts.Node = node;
  while (n.parent && (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return !!p && t.isPropertyAccessExpression(p) && p.expression === n && (p.name.text === 'catch' || p.name.text === 'then') && !!p.parent && t.isCallExpression(p.parent) && (p.name.text === 'catch' || p.parent.arguments.length >= 2);
}

// ---------------------------------------------------------------------------------------------------------
// Summaries: which writes of a function are not covered by one transaction

export interface EffectiveWrite {
  /** The node to locate the write at (a write's callee, or a helper call's callee). */
  at: ts.Node;
  inLoop: boolean;
  perItemHandled: boolean;
  /** `undefined` when no transaction covers it; otherwise an id shared by writes in the same transaction. */
  group?: string;
  /** The direct write, when it is not a helper call. */
  write?: DbWrite;
  helper?: FunctionLike;
  /** Written through parameter `index` of the function that carries the caller's transaction. */
  viaParam?: number;
  /** A call into another module, counted as one write until the project model knows whether it writes. */
  remote?: RemoteSite;
}

export interface UnitSummary {
  unit: Unit;
  writes: EffectiveWrite[];
  /** Writes left outside any transaction. */
  unscoped: EffectiveWrite[];
  /** Distinct transaction groups the function's writes run in. */
  groups: Set<string>;
  /** The unit fails the atomicity check (two or more atomic units with an unscoped write, or an unhandled write in a loop). */
  flagged: boolean;
  hasLoopWrite: boolean;
  /** Most atomic steps (unscoped writes, transactions) on one path through the function. */
  onAPath: number;
}

/** The writes `s` makes itself and through the file's helpers it calls; undefined when one goes to another module. */
export function directWrites(s: UnitSummary, local: ReadonlyMap<ts.Node, UnitSummary>, path: readonly UnitSummary[] = []): DbWrite[] | undefined {
  if (path.includes(s) || path.length > 4) return undefined;
  const out: DbWrite[] = [];
  for (const w of s.writes) {
    const inner = w.write ? [w.write] : w.helper && local.get(w.helper) ? directWrites(local.get(w.helper)!, local, [...path, s]) : undefined;
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/**
 * Per function, its writes and whether they need a transaction. Calls into other modules (`RemoteSite`) count
 * only when `remote.local` (the summaries without them) is given: then each unscoped one not ignored counts as
 * one write of this function (not of its callers, which read `local`), for the project model to confirm.
 */
export function summarizeUnits(
  t: TS,
  fu: FileUnits,
  isIgnored: (w: DbWrite) => boolean = () => false,
  remote?: {
    /** The summaries without remote writes: given, remote sites not ignored count as writes. */
    local?: Map<ts.Node, UnitSummary>;
    isIgnored: (call: RemoteCall) => boolean;
    /** An awaited call into another module that is work of another kind (an API client, a model call, a read): writes around it are separate steps. */
    isOtherWork: (call: RemoteCall) => boolean;
  },
): Map<ts.Node, UnitSummary> {
  const local = remote?.local;
  const out = new Map<ts.Node, UnitSummary>();
  const inProgress = new Set<ts.Node>();

  const summarize = (unit: Unit): UnitSummary => {
    const done = out.get(unit.fn);
    if (done) return done;
    inProgress.add(unit.fn);
    const writes: EffectiveWrite[] = [];
    const sf = unit.fn.getSourceFile();
    for (const site of unit.sites) {
      const scopeGroup = site.scope ? `scope:${site.scope.call.getStart(sf)}` : unit.decorated ? 'decorator' : undefined;
      if (site.kind === 'write') {
        const w = site.write;
        if (site.independent || isIgnored(w)) continue;
        // txHost.tx, or a repository fetched with an enclosing function's request context: the caller's transaction
        if (w.handle.ambient || (w.handle.viaContext && w.handle.viaParam && w.handle.viaParam.fn !== unit.fn)) continue;
        let group = scopeGroup;
        let viaParam: number | undefined;
        if (!group && w.binding) group = `${w.binding.via}:${w.binding.key}`;
        if (w.handle.viaParam && w.handle.viaParam.fn === unit.fn) viaParam = w.handle.viaParam.index;
        if (!group) {
          const recv = skipOuter(t, w.receiver).getText();
          const pos = w.node.getStart(sf);
          const begin = unit.begins.find((b) => b.pos < pos && (recv === b.receiver || recv.startsWith(b.receiver + '.')));
          if (begin) group = `begin:${begin.receiver}`;
        }
        writes.push({ at: site.at, inLoop: site.inLoop, perItemHandled: site.perItemHandled, group, write: w, viaParam });
        continue;
      }
      if (site.kind === 'remote') {
        if (local && !scopeGroup && !site.txArgs.some(Boolean) && !remote!.isIgnored(site.remote)) writes.push({ at: site.at, inLoop: site.inLoop, perItemHandled: site.perItemHandled, remote: site });
        continue;
      }
      const target = fu.units.get(site.target);
      if (!target || inProgress.has(site.target)) continue;
      const hs = local?.get(site.target) ?? summarize(target);
      if (hs.writes.length === 0) continue;
      const txArg = site.txArgs.some(Boolean);
      // await queryRunner.startTransaction(); await saveWorkspace(ws, queryRunner): the helper writes in that transaction
      const callPos = site.call.getStart(sf);
      const begun = unit.begins.find((b) => b.pos < callPos && site.call.arguments.some((a) => { const text = skipOuter(t, a).getText(); return text === b.receiver || text.startsWith(`${b.receiver}.`); }));
      const group = scopeGroup ?? (txArg ? `helper-tx:${callPos}` : begun ? `begin:${begun.receiver}` : undefined);
      if (group) {
        writes.push({ at: site.at, inLoop: site.inLoop, perItemHandled: site.perItemHandled, group, helper: site.target });
        continue;
      }
      // Writes the helper leaves to its caller's transaction run outside one here, unless a handle was passed.
      const handedOn = hs.writes.filter((w) => w.viaParam !== undefined && !site.txArgs[w.viaParam]);
      // helper(ctx) with this function's own parameter: still the caller's transaction, one level up
      const forwarded = new Map<number, boolean>();
      for (const w of handedOn) {
        const index = site.argParams[w.viaParam!];
        if (index !== undefined) forwarded.set(index, (forwarded.get(index) ?? false) || (w.inLoop && !w.perItemHandled));
      }
      for (const [index, loop] of forwarded) writes.push({ at: site.at, inLoop: site.inLoop || loop, perItemHandled: site.perItemHandled, helper: site.target, viaParam: index });
      const passedDown = handedOn.filter((w) => site.argParams[w.viaParam!] === undefined);
      const own = hs.unscoped.filter((w) => w.viaParam === undefined);
      const helperGroups = [...hs.groups].filter((g) => !g.startsWith('param'));
      const count = hs.flagged ? 1 : Math.min(2, passedDown.length + Math.min(own.length, hs.onAPath));
      const loop = site.inLoop || (!hs.flagged && [...passedDown, ...own].some((w) => w.inLoop && !w.perItemHandled));
      for (let i = 0; i < count; i++) writes.push({ at: site.at, inLoop: loop, perItemHandled: site.perItemHandled, helper: site.target });
      if (count === 0 && helperGroups.length > 0) writes.push({ at: site.at, inLoop: false, perItemHandled: false, group: `helper:${site.call.getStart(sf)}`, helper: site.target });
    }
    // Writes through a parameter that carries the caller's transaction are the caller's to cover.
    const counted = writes.filter((w) => w.viaParam === undefined);
    const unscoped = counted.filter((w) => w.group === undefined);
    const groups = new Set(counted.filter((w) => w.group !== undefined).map((w) => w.group!));
    const hasLoopWrite = unscoped.some((w) => w.inLoop && !w.perItemHandled);
    // Writes separated by work a transaction cannot hold (a callback, an outbound call) are separate steps.
    // An awaited call into another module that is work of another kind (a project's API client, a model call)
    // separates the writes around it as an outbound call does.
    // One inside a write's arguments (`data: { password: await hashPassword(p) }`) runs before that write.
    const before = (pos: number): number => {
      const host = unit.sites.find((x) => x.kind === 'write' && pos > x.write.call.getStart(sf) && pos < x.write.call.end);
      return host ? host.at.getStart(sf) - 1 : pos;
    };
    const boundaries = remote ? [...unit.boundaries, ...unit.sites.flatMap((x) => (x.kind === 'remote' && remote.isOtherWork(x.remote) ? [before(x.call.getStart(sf))] : []))] : unit.boundaries;
    const phaseOf = (w: EffectiveWrite): number => boundaries.filter((b) => b < w.at.getStart(sf)).length;
    // One representative per transaction: the transaction is one atomic step on its path.
    const seen = new Set<string>();
    const grouped = counted.filter((w) => w.group === undefined || (!seen.has(w.group) && seen.add(w.group) !== undefined));
    // `const [row] = await update(…); if (row) return row; await insert(…)`: past the early exit the first write changed nothing
    const guard = earlyExitGuard(t, grouped, fu.units);
    const steps = guard ? grouped.filter((w) => w !== guard) : grouped;
    const phases = [...new Set(steps.map(phaseOf))];
    const onAPath = steps.length >= 2 ? Math.max(...phases.map((p) => maxWritesOnAPath(t, unit, steps.filter((w) => phaseOf(w) === p), fu.units))) : steps.length;
    const flagged = unscoped.length > 0 && (hasLoopWrite || onAPath >= 2);
    const s: UnitSummary = { unit, writes, unscoped, groups, flagged, hasLoopWrite, onAPath };
    inProgress.delete(unit.fn);
    out.set(unit.fn, s);
    return s;
  };
  for (const unit of fu.units.values()) summarize(unit);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Paths: writes in exclusive branches (if / else, switch cases, `a ? b : c`, after an early return) do not add up

interface PathCount {
  /** Most writes on a path that completes normally (`-Infinity` when none does). */
  through: number;
  /** Most writes on a path that leaves by return / throw. */
  exits: number;
}

const NO_EXIT = -Infinity;

/** The node whose value is the write's result: the awaited call around `at`. */
function writeExpression(t: TS, at: ts.Node): ts.Node {
  let n = at;
  while (n.parent && (t.isCallExpression(n.parent) || t.isPropertyAccessExpression(n.parent) || t.isTaggedTemplateExpression(n.parent) || t.isAwaitExpression(n.parent) || t.isParenthesizedExpression(n.parent) || t.isNonNullExpression(n.parent) || t.isAsExpression(n.parent))) n = n.parent;
  return n;
}

function bindingNames(t: TS, name: ts.BindingName, out: Set<string>): Set<string> {
  if (t.isIdentifier(name)) out.add(name.text);
  else for (const el of name.elements) if (!t.isOmittedExpression(el)) bindingNames(t, el.name, out);
  return out;
}

/**
 * The first write, when its result decides an early exit that holds no write: `if ((await merge()) > 0) return;`,
 * `const [updated] = await sql\`update …\`; if (updated) return updated.key;`. Past that exit the write changed
 * nothing, so the writes after it are the alternative, not a second step.
 */
function earlyExitGuard(t: TS, writes: readonly EffectiveWrite[], units: Map<ts.Node, Unit>): EffectiveWrite | undefined {
  if (writes.length < 2) return undefined;
  const first = [...writes].sort((a, b) => a.at.getStart() - b.at.getStart())[0]!;
  const expr = writeExpression(t, first.at);
  let guard: ts.IfStatement | undefined;
  const p = expr.parent;
  if (p && t.isBinaryExpression(p) && p.parent && t.isIfStatement(p.parent) && p.parent.expression === p) guard = p.parent;
  else if (p && t.isIfStatement(p) && p.expression === expr) guard = p;
  else if (p && t.isVariableDeclaration(p) && p.initializer === expr && t.isVariableDeclarationList(p.parent) && t.isVariableStatement(p.parent.parent)) {
    const stmt = p.parent.parent;
    const block = stmt.parent;
    const next = t.isBlock(block) || t.isSourceFile(block) ? block.statements[block.statements.indexOf(stmt) + 1] : undefined;
    const names = bindingNames(t, p.name, new Set());
    let mentions = false;
    const visit = (n: ts.Node): void => {
      if (t.isIdentifier(n) && names.has(n.text)) mentions = true;
      else if (!mentions) t.forEachChild(n, visit);
    };
    if (next && t.isIfStatement(next)) visit(next.expression);
    if (mentions) guard = next as ts.IfStatement;
  }
  if (!guard || guard.elseStatement) return undefined;
  const then = guard.thenStatement;
  const last = t.isBlock(then) ? then.statements[then.statements.length - 1] : then;
  if (!last || !(t.isReturnStatement(last) || t.isThrowStatement(last))) return undefined;
  const inThen = (n: ts.Node): boolean => n.getStart() >= then.getStart() && n.end <= then.end;
  if (writes.some((w) => w !== first && inThen(w.at))) return undefined;
  // the exit's own return value must not call a helper that writes
  let helperCall = false;
  const visit = (n: ts.Node): void => {
    if (helperCall) return;
    if (t.isCallExpression(n) && [...units.keys()].some((fn) => fn !== n && t.isIdentifier(n.expression) && (fn as ts.FunctionDeclaration).name?.getText() === n.expression.text)) helperCall = true;
    else t.forEachChild(n, visit);
  };
  visit(then);
  return helperCall ? undefined : first;
}

/** The most writes of `writes` that can run on one path through the function. */
export function maxWritesOnAPath(t: TS, unit: Unit, writes: readonly EffectiveWrite[], units: Map<ts.Node, Unit>): number {
  const counts = new Map<ts.Node, number>();
  for (const w of writes) counts.set(w.at, (counts.get(w.at) ?? 0) + 1);
  const seq = (parts: PathCount[]): PathCount => {
    let through = 0;
    let exits = NO_EXIT;
    for (const p of parts) {
      exits = Math.max(exits, through + p.exits);
      through = through + p.through;
    }
    return { through, exits };
  };
  const alt = (head: PathCount, branches: PathCount[]): PathCount => {
    const b = branches.reduce((acc, x) => ({ through: Math.max(acc.through, x.through), exits: Math.max(acc.exits, x.exits) }), { through: NO_EXIT, exits: NO_EXIT });
    return seq([head, b]);
  };
  const none: PathCount = { through: 0, exits: NO_EXIT };
  let inCatch = 0;
  const walkNode = (n: ts.Node | undefined): PathCount => {
    if (!n) return none;
    if (isFunctionLike(t, n) && units.has(n) && n !== unit.fn) return none;
    const own = counts.get(n) ?? 0;
    let r: PathCount;
    if (t.isIfStatement(n)) r = alt(walkNode(n.expression), [walkNode(n.thenStatement), n.elseStatement ? walkNode(n.elseStatement) : none]);
    else if (t.isConditionalExpression(n)) r = alt(walkNode(n.condition), [walkNode(n.whenTrue), walkNode(n.whenFalse)]);
    else if (t.isSwitchStatement(n)) r = alt(walkNode(n.expression), [...n.caseBlock.clauses.map((c) => seq(c.statements.map(walkNode))), none]);
    else if (t.isReturnStatement(n) || t.isThrowStatement(n)) {
      const e = walkNode(n.expression);
      r = { through: NO_EXIT, exits: Math.max(e.through, e.exits) };
    } else if (t.isTryStatement(n)) {
      const tb = walkNode(n.tryBlock);
      // a write in a catch runs because the guarded work failed (compensation, a failure status): it must outlive
      // a rollback, so no transaction could hold it with the writes before; the catch's own writes are still a
      // unit among themselves, and the catch still decides where the path goes
      const caught = n.catchClause ? walkNode(n.catchClause.block) : { through: NO_EXIT, exits: NO_EXIT };
      inCatch = Math.max(inCatch, caught.through, caught.exits);
      const cb = { through: caught.through === NO_EXIT ? NO_EXIT : 0, exits: caught.exits === NO_EXIT ? NO_EXIT : 0 };
      r = seq([{ through: Math.max(tb.through, cb.through), exits: Math.max(tb.exits, cb.exits) }, walkNode(n.finallyBlock)]);
    } else {
      const parts: PathCount[] = [];
      t.forEachChild(n, (c) => {
        parts.push(walkNode(c));
      });
      r = seq(parts);
      // A loop body may not run, and `break` leaves it: it completes normally either way.
      if (t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n) || t.isCaseClause(n)) {
        r = { through: Math.max(r.through, 0), exits: r.exits };
      }
    }
    return own ? seq([{ through: own, exits: NO_EXIT }, r]) : r;
  };
  const fnBody = t.isSourceFile(unit.fn) ? unit.fn : unit.fn.body;
  const total = walkNode(fnBody);
  return Math.max(total.through, total.exits, inCatch, 0);
}

/**
 * An upsert that sets absolute values (`prisma.x.upsert`, Sequelize `upsert`, `INSERT … ON CONFLICT … DO UPDATE
 * SET c = EXCLUDED.c` / `DO NOTHING`, `ON DUPLICATE KEY UPDATE`, Knex / Drizzle `onConflict…`): running the
 * function again after a partial failure converges on the same rows.
 */
export function isIdempotentUpsert(t: TS, w: DbWrite): boolean {
  if (isRelativeWrite(t, w)) return false;
  if (w.raw) {
    const text = t.isTaggedTemplateExpression(w.call) ? templateText(t, w.call.template) : sqlTextOf(t, w.call.arguments[0]);
    return !!text && /^\s*INSERT\b/i.test(text) && /\bON\s+CONFLICT\b[^;]*\bDO\s+(NOTHING|UPDATE)\b|\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i.test(text);
  }
  if (w.method === 'upsert') return true;
  // db.insert(t).values(v).onConflictDoUpdate(…), knex('t').insert(row).onConflict('id').merge()
  for (let n: ts.Node = w.node; t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression); n = n.expression.expression) {
    if (/^(onConflict|onConflictDoUpdate|onConflictDoNothing|onDuplicateKeyUpdate)$/.test(n.expression.name.text)) return true;
  }
  return false;
}

/**
 * A write whose effect depends on the current value (`stock: { decrement: n }`, `$inc`, `.increment()`,
 * `SET stock = stock - ?`): repeating it after a partial failure applies it twice.
 */
export function isRelativeWrite(t: TS, w: DbWrite): boolean {
  if (/^(increment|decrement)$/.test(w.method)) return true;
  if (w.raw) {
    const text = t.isTaggedTemplateExpression(w.call) ? templateText(t, w.call.template) : sqlTextOf(t, w.call.arguments[0]);
    return !!text && /(\w+)\s*=\s*\1\s*[-+]/.test(text);
  }
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if ((t.isPropertyAssignment(n) || t.isShorthandPropertyAssignment(n)) && t.isIdentifier(n.name) && /^(increment|decrement|\$inc|multiply|divide)$/.test(n.name.text)) found = true;
    if (t.isStringLiteral(n) && /^\$inc$/.test(n.text)) found = true;
    if (t.isTaggedTemplateExpression(n) && /\s[-+]\s*$|^\s*[-+]/.test(templateText(t, n.template).replace(/\?/g, ''))) found = true;
    t.forEachChild(n, visit);
  };
  visit(w.node);
  return found;
}
