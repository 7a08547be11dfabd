/**
 * The contract between the data-layer core (`../database.ts`: chains, units, path counting) and one data layer
 * (`./prisma.ts`, `./knex.ts`…), in the manner of knip's plugins: a layer module says how a handle of its layer
 * is recognised, what a write through one is, what opens a transaction on it and how to rewrite writes into one.
 * Its vocabulary (type names, write methods) stays data in `src/knowledge/database.ts`; a layer only the config
 * defines has no module and is matched by that vocabulary alone.
 */
import type * as ts from 'typescript';
import type { DataLayerKnowledge } from '../../knowledge/database.js';
import type { TS } from '../../ts.js';
import type { TextEdit } from '../../types.js';
import { skipOuter, type FunctionLike } from '../ast.js';
import type { DbWrite, TxScope } from '../database.js';
import type { ImportMap } from '../scope.js';

export type HandleKind = 'client' | 'delegate' | 'repository' | 'manager' | 'datasource' | 'queryRunner' | 'model' | 'record' | 'session' | 'txValue' | 'none';

export interface Handle {
  kind: HandleKind;
  /** Layer id, or `unknown` when only the name says it is a database handle. */
  layer: string;
  /** Bound to a transaction: a transaction callback's parameter, an explicit transaction, or a caller's one. */
  isTx: boolean;
  /** A parameter of `fn` carries the transaction (caller decides): index into its parameters. */
  viaParam?: { fn: FunctionLike; index: number };
  /** Fetched with the caller's request context (`getRepository(ctx, Order)`): in whatever transaction that carries. */
  viaContext?: boolean;
  /** The ambient transaction of a CLS / AsyncLocalStorage host (`txHost.tx`): the caller decides atomicity. */
  ambient?: boolean;
  /** A pg / mysql2 pool (each query may run on another connection). */
  pool?: boolean;
  /** The handle was only recognised by its name. */
  byName?: boolean;
}

/** Not a database handle, and no fallback (by name) should make it one. */
export const NONE: Handle = { kind: 'none', layer: 'unknown', isTx: false };

/** One step of a chain `a.b(c).d(e)`. */
export interface Seg {
  /** Property or method name; `undefined` for a direct call of the previous expression (`knex('t')`). */
  name: string | undefined;
  call?: ts.CallExpression | ts.TaggedTemplateExpression;
  /** The expression this segment produces. */
  node: ts.Expression;
}

/** A write found in the segments after a handle. */
export interface Match {
  writeIndex: number;
  method: string;
  layer: string;
  bulk: boolean;
  raw: boolean;
  target?: string;
  /** Index of the last segment that belongs to the receiver (`-1` = the base itself). */
  receiverEnd: number;
}

/** What the core lends a layer module while it recognises handles and writes in one file. */
export interface LayerContext {
  t: TS;
  /** Layer ids imported anywhere in the file. */
  imported: ReadonlySet<string>;
  imports: ImportMap;
  /** The vocabulary of a layer (built-in, extended by the config). */
  vocabulary(id: string): DataLayerKnowledge | undefined;
  /** The layer `name` is imported from, if it is imported from a data layer's module. */
  importedLayer(name: string): string | undefined;
  /** A write method of one of `layers` (or one the config adds to every layer): single or bulk. */
  writeMethod(layers: readonly string[], method: string | undefined): { bulk: boolean } | undefined;
  handleOf(expr: ts.Expression, depth?: number): Handle | undefined;
  handleOfName(name: string, at: ts.Node, depth: number): Handle | undefined;
  /** The handle a value made by `init` is (`new PrismaClient()`, `dataSource.getRepository(X)`). */
  handleFromInit(init: ts.Expression, depth: number): Handle | undefined;
  matchSegments(h: Handle, segs: Seg[], start: number): Match | undefined;
  /** The layer a model recognised by its name alone belongs to: the one such layer the file imports, or `unknown`. */
  namedModelLayer(): string;
}

/** A method call that may make a handle: `dataSource.getRepository(User)`, `pool.connect()`, `mongoose.model('X')`. */
export interface MethodCall {
  call: ts.CallExpression;
  method: string;
  receiver: ts.Expression;
  /** One of the arguments is a callback. */
  hasCallback: boolean;
  /** The handle the receiver is (computed on first use). */
  handle(): Handle | undefined;
}

/** A line of generated code, `depth` levels deeper than the wrapped statements' own indentation. */
export interface Line {
  depth: number;
  text: string;
}

/** How a layer wraps statements holding writes in a transaction. */
export interface Wrap {
  open: Line[];
  close: Line[];
  /** Edits inside the wrapped range (receiver rewrites, transaction options). */
  edits: TextEdit[];
  /** Returns inside the range are allowed (no callback between them and the function). */
  allowsReturn: boolean;
  /** The range becomes the body of a callback (one level deeper); otherwise of a `try` block. */
  callback: boolean;
}

export interface WrapOptions {
  /** The MongoDB deployment runs transactions (the rule option). */
  mongoTransactions: boolean;
}

/** The writes of one function to wrap, and the range of statements `[start, end)` holding them. */
export interface WrapRequest {
  t: TS;
  sf: ts.SourceFile;
  fn: FunctionLike;
  /** All of one layer. */
  writes: DbWrite[];
  start: number;
  end: number;
  /** Identifiers already used in the function (fresh names avoid them). */
  used: Set<string>;
  /** The distinct receivers the writes go through, as written. */
  roots: string[];
  /** Edits replacing every use of a receiver in the range by `as(text)`, or undefined when one is a shorthand property. */
  rewriteRoots(as: (text: string) => string): TextEdit[] | undefined;
  /** Occurrences of `text` as an expression in the range. */
  occurrences(text: string): ts.Expression[];
}

/**
 * One data layer's behaviour. Every hook is optional; the core asks the layers in the order of `DATA_LAYERS`
 * and takes the first answer.
 */
export interface DataLayer {
  id: string;
  /** Type shapes that name a handle of this layer whatever the vocabulary says (`ClientSession`, `Prisma…`). */
  handleFromTypeName?(cx: LayerContext, base: string, last: string): Handle | undefined;
  /**
   * Its transaction type goes by a name other layers use too (`Transaction`): in a file that imports this layer
   * (the first such layer in `DATA_LAYERS` order), a value of that type is this handle.
   */
  sharedTransactionType?: { names: readonly string[]; handle: Handle };
  /**
   * The handle a type name of this layer's vocabulary (`clientTypes` / `modelTypes`) gives, or undefined when
   * that name is this layer's only in a file that imports it (`Connection`, `Client`). Default: a client / model.
   */
  handleOfVocabularyType?(cx: LayerContext, name: string, role: 'client' | 'model'): Handle | undefined;
  handleFromDecorator?(cx: LayerContext, name: string): Handle | undefined;
  /** A receiver known only by its name: one of the configured client names (`prisma`, `pool`), or any other (`orderRepository`). */
  handleFromName?(name: string, isClientName: boolean): Handle | undefined;
  /** Its models are recognised by name alone (`Order.create(…)`, `order.save()`, `…Model`). */
  namedModels?: boolean;
  /** A binding imported from one of the layer's modules (`import sql from 'pg'`); default: not a handle. */
  handleFromImport?(imported: string): Handle | undefined;
  /** A class that extends `base` is a model of this layer. */
  handleFromBaseClass?(cx: LayerContext, base: string): Handle | undefined;
  /** `new name(…)`; `layer` is the layer `name` is imported from. */
  handleFromNew?(cx: LayerContext, name: string, layer: string | undefined): Handle | undefined;
  /** `name(…)`, a factory function. */
  handleFromFactory?(cx: LayerContext, name: string, layer: string | undefined): Handle | undefined;
  /** `receiver.method(…)` that makes a handle (the transaction methods are the core's). */
  handleFromMethod?(cx: LayerContext, m: MethodCall): Handle | undefined;
  /** What `await handle.transaction()` (no callback) gives; default: the handle, bound to the transaction. */
  transactionValue?(h: Handle): Handle;
  /** A property of a handle of this layer (`dataSource.manager`, `prisma.order`). */
  derive?(cx: LayerContext, h: Handle, prop: string): Handle | undefined;
  /** A parameter named `name` with this handle carries the caller's transaction (`client: PoolClient`). */
  isTransactionParam?(h: Handle, name: string): boolean;
  /** The adapter of a CLS transaction host (`TransactionHost<TransactionalAdapterPrisma>`) names this layer. */
  hostAdapter?: RegExp;
  /** The handle `host.tx` is when the host's adapter is this layer's; default: a client. */
  hostHandle?: HandleKind;
  /** Methods that open a transaction scope only on this layer's handles (or unknown ones): `sql.begin(fn)`. */
  ownScopeMethods?: readonly string[];
  /** Methods whose array argument runs in one transaction too, and that name this layer on an unknown receiver (`$transaction`). */
  batchScopeMethods?: readonly string[];
  /** A transaction scope of a shape the core does not know (`db.transaction().execute(fn)`). */
  scopeOf?(cx: LayerContext, call: ts.CallExpression, method: string | undefined, receiver: ts.Expression | undefined, bodies: ts.Expression[]): TxScope | undefined;
  /** `em.begin()`: opens an explicit transaction on its receiver. */
  isExplicitBegin?(cx: LayerContext, method: string, receiver: ts.Expression): boolean;
  /** A write whose chain does not start at a handle (`sql\`…\`.execute(db)`). */
  writeOfChain?(cx: LayerContext, outer: ts.Expression, segs: Seg[]): DbWrite | undefined;
  /**
   * The write in the segments from `start` on after handle `h` (of this layer, or of an unknown one: a
   * module that recognises its shapes on unknown receivers checks `h.layer` itself).
   */
  matchWrite?(cx: LayerContext, h: Handle, segs: Seg[], start: number): Match | undefined;
  /** A model write of this layer that writes every matching row (Sequelize's `Model.update`). */
  isBulkModelWrite?(method: string): boolean;
  /** Also asked for handles of an unknown layer. */
  matchesUnknown?: boolean;
  /** Model writes only recognised by name take this layer when the function's other writes show it. */
  adoptsUnknownWrites?: boolean;
  /** Rewrites the statements holding the writes into one transaction. */
  wrap?(req: WrapRequest): Wrap | undefined;
  /** Why no rewrite is offered for these writes (a receiver known only by its name), asked before `wrap`. */
  refuseWrap?(req: WrapRequest): string | undefined;
  /** Why the wrap built is not offered after all (MongoDB without a replica set), asked after `wrap`. */
  wrapCaveat?(req: WrapRequest, options: WrapOptions): string | undefined;
}

export function argsOf(seg: Seg): readonly ts.Expression[] {
  return seg.call && 'arguments' in seg.call ? seg.call.arguments : [];
}

export function isObjectWithKeys(t: TS, e: ts.Expression | undefined, keys: string[]): boolean {
  if (!e) return false;
  const o = skipOuter(t, e);
  if (!t.isObjectLiteralExpression(o)) return false;
  return o.properties.some((p) => p.name !== undefined && t.isIdentifier(p.name) && keys.includes(p.name.text));
}

export function isArrayArg(t: TS, e: ts.Expression | undefined): boolean {
  if (!e) return false;
  const s = skipOuter(t, e);
  return t.isArrayLiteralExpression(s) || (t.isCallExpression(s) && /^(map|flatMap|filter)$/.test(t.isPropertyAccessExpression(s.expression) ? s.expression.name.text : ''));
}

export function literalText(t: TS, e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const s = skipOuter(t, e);
  if (t.isStringLiteralLike(s)) return s.text;
  if (t.isIdentifier(s)) return s.text;
  if (t.isPropertyAccessExpression(s)) return s.name.text;
  return undefined;
}

export const has = (list: readonly string[] | undefined, m: string | undefined): boolean => m !== undefined && (list ?? []).includes(m);

/** `await <opener>(async (<handle>) => { … })` around the range. */
export function callbackWrap(opener: string, handle: string, edits: TextEdit[] | undefined): Wrap | undefined {
  return edits && { open: [{ depth: 0, text: `${opener}(async (${handle}) => {` }], close: [{ depth: 0, text: '});' }], edits, allowsReturn: true, callback: true };
}
