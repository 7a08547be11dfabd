import type * as ts from 'typescript';
import { calleeMethod, calleeName, chainRoot, functionName, isAsyncFunction, isFunctionLike, skipOuter, type FunctionLike } from '../src/analysis/ast.js';
import { directWrites, isIdempotentUpsert, isRelativeWrite, layerName, mayWrite, receiverName, summarizeUnits, type DbWrite, type UnitSummary, type WriteSite } from '../src/analysis/database.js';
import { clientAccessorOf, remoteCallOf, sameAccessor, type RemoteCall } from '../src/analysis/remote-calls.js';
import { dataLayer } from '../src/analysis/data-layers/index.js';
import type { Line, WrapRequest } from '../src/analysis/data-layers/api.js';
import { resolveName } from '../src/analysis/scope.js';
import { fileWriteUnits, isExternalWork, mayWriteOrCall } from '../src/analysis/write-units.js';
import { defineRule } from '../src/define-rule.js';
import type { Knowledge } from '../src/knowledge/index.js';
import { mentionsMoney } from '../src/knowledge/money.js';
import { DB_WRITE_CALL, FILE_SYSTEM_MODULES, FILE_SYSTEM_WRITES, leadingVerb, SIDE_EFFECT_VERBS } from '../src/knowledge/verbs.js';
import { FACTORS } from '../src/risk.js';
import type { ModelCondition, ReportDescriptor, RiskFactor, SuggestionDescriptor, TextEdit, TS, WritesCondition } from '../src/types.js';
import { identifiersIn, indentRange, indentUnit, lineIndent, startsLine } from '../src/edits/index.js';

export type MessageIds = 'nonAtomicWrites' | 'loopWrite' | 'outsideTransaction' | 'wrapInTransaction' | 'useTransaction' | 'rewriteByHand';

export interface Options {
  checkLoops: boolean;
  checkScripts: boolean;
  ignoreTargets: string[];
  /** The MongoDB deployment runs transactions (a replica set or a sharded cluster). */
  mongoTransactions: boolean;
}

/** A read or a computation (`getUserById`, `hashPassword`, `generateId`): part of a unit of work, not a step between two. */
const READ_VERB = /^(get|find|load|read|list|count|check|validate|verify|hash|compute|calculate|build|parse|format|generate|to|is|has|can|resolve|lookup|select|query|search|map|normalize|sanitize|encrypt|decrypt|sign|compare|make|assert|require|ensure)(?![a-z])/;
/** `createEmailProvider`, `createClient`, `setupLogger`: factories whose name starts with a write verb. */
const FACTORY = /(Provider|Client|Service|Instance|Connection|Context|Logger|Transport|Session|Handler|Api|Sdk|Refresh|Factory|Builder|Store|Cache|Queue|Worker)s?$/;
const WRITE_IN_LOOP: RiskFactor = { id: 'write-in-loop', label: 'a database write runs once per item of a loop', weight: 15 };

/** Why a unit of writes may go unreported: `meta.exemptions`, shown by `errlint audit --show-exempt`. */
const EXEMPTIONS = {
  'idempotent-upserts': 'every write is an absolute upsert: a re-run after a partial failure converges',
  'batch-step': 'a lone write per item of a loop is an independent batch step, unless it is relative or involves money or stock (or `checkLoops` is off)',
} as const;

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'missing-transaction',
    family: 'integrity',
    risk: 'high',
    description: 'Require a transaction around two or more database writes, or a write in a loop, in one function.',
    messages: {
      nonAtomicWrites: '{{count}} database writes in {{name}} are not in one transaction (lines {{lines}}).',
      loopWrite: 'A database write runs in a loop in {{name}} without a transaction (lines {{lines}}).',
      outsideTransaction: 'This write goes through {{client}}, not the transaction handle {{tx}}: it commits on its own and a rollback does not undo it.',
      useTransaction: 'Write through {{tx}} instead of {{client}}.',
      wrapInTransaction: 'Wrap the writes in one {{layer}} transaction.',
      rewriteByHand: 'No transaction rewrite is offered: {{reason}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkLoops: { type: 'boolean', description: 'Also flag a single write that runs once per item of a loop.' },
        checkScripts: { type: 'boolean', description: 'Also check CLI scripts, seeds and migrations.' },
        mongoTransactions: { type: 'boolean', description: 'The MongoDB deployment runs transactions (a replica set or a sharded cluster): offer transaction wraps for Mongoose writes in files that open no session themselves.' },
        ignoreTargets: {
          type: 'array',
          items: { type: 'string' },
          description: 'Regular expressions for models, tables or receivers whose writes stand alone, such as audit logs.',
        },
      },
    },
    defaultOptions: { checkLoops: true, checkScripts: false, mongoTransactions: false, ignoreTargets: ['[Aa]udit', '^logs?$|[a-z0-9]Logs?$|_logs?$', '[Aa]ctivit(y|ies)$', '[Nn]otifications?$', '[Aa]nalytics', '[Tt]elemetry', '[Mm]etrics?$', '[Vv]erification_?[Tt]okens?$', '[Oo]tps?$', '[Rr]ate_?[Ll]imits?$'] },
    fixable: false,
    hasSuggestions: true,
    // precision 0.32 on unseen repositories (issue 14)
    preset: 'strict',
    precision: 'low',
    roles: ['server', 'script'],
    cwe: ['CWE-662'],
    exemptions: EXEMPTIONS,
  },
  create(context) {
    const { ts: t, sourceFile: sf, options } = context;
    const exempt = (node: ts.Node, reason: keyof typeof EXEMPTIONS, detail: string): void => context.exempt?.({ range: [node.getStart(sf), node.getEnd()], exemption: { reason, detail } });
    return {
      'SourceFile:exit'() {
        // scripts, seeds, migrations, fixtures and benchmarks load data once, under a person's eye
        if (!options.checkScripts && (context.file.role === 'script' || context.file.isExample)) return;
        if (!mayWriteOrCall(t, sf, context.knowledge)) return;
        if (!options.checkScripts && isMigrationModule(t, sf)) return;
        const ignore = options.ignoreTargets.map((p) => new RegExp(p));
        const isExternal = (call: ts.CallExpression): boolean => isExternalWork(t, call, context.knowledge);
        const units = fileWriteUnits(t, sf, context.knowledge);
        const matchesIgnore = (w: DbWrite): boolean => ignore.some((re) => re.test(receiverName(t, w)));
        const guards = guardingDeletes(t, units.units.values(), matchesIgnore);
        const isIgnoredWrite = (w: DbWrite): boolean => !guards.has(w) && matchesIgnore(w);
        const isOtherWork = (c: RemoteCall): boolean => {
          const name = c.path[c.path.length - 1]!;
          return FACTORY.test(name) || (!DB_WRITE_CALL.test(name) && !READ_VERB.test(name));
        };
        const isIgnored = (c: RemoteCall): boolean => {
          const name = c.path[c.path.length - 1]!;
          return !DB_WRITE_CALL.test(name) || FACTORY.test(name) || ignore.some((re) => c.path.some((p) => re.test(p)));
        };
        const local = summarizeUnits(t, units, isIgnoredWrite, { isIgnored, isOtherWork });
        // calls into other modules of the project count as one write each, for the project model to confirm
        const withCalls = summarizeUnits(t, units, isIgnoredWrite, { local, isIgnored, isOtherWork });
        if (mayWrite(t, sf, context.knowledge)) reportOutsideTransaction(t, sf, units.units.values(), context.report);
        for (const s0 of withCalls.values()) {
          const own = local.get(s0.unit.fn)!;
          const s = own.flagged ? own : s0;
          if (t.isSourceFile(s.unit.fn) || !s.flagged) continue;
          // only absolute upserts: a re-run after a partial failure converges
          const earliest = [...s.unscoped].sort((a, b) => a.at.getStart(sf) - b.at.getStart(sf))[0];
          const exemptAt = earliest?.at ?? s.unit.fn;
          if (s.writes.every((w) => w.write && isIdempotentUpsert(t, w.write))) {
            exempt(exemptAt, 'idempotent-upserts', 'every write is an absolute upsert');
            continue;
          }
          const loopOnly = s.onAPath < 2;
          const money = mentionsMoney(s.writes.map((w) => (w.write ? receiverName(t, w.write) : '')).join(' ')) || moneyInPath(t, s.unit.fn, context.filePath);
          const writes = condition(t, s, own, loopOnly);
          const dependsOn = writes === undefined ? ambientClientCondition(t, s, local) : writes;
          if (dependsOn === null) continue;
          // A lone write per item is often an independent batch step; it is a finding when repeating it is
          // harmful (a relative update) or money or stock is involved.
          if (loopOnly && (!options.checkLoops || !(money || s.unscoped.some((w) => w.inLoop && w.write && isRelativeWrite(t, w.write))))) {
            exempt(exemptAt, 'batch-step', options.checkLoops ? 'one absolute write per item, no money or stock' : 'checkLoops is off');
            continue;
          }
          const first = earliest!;
          const lines = [...new Set(s.writes.map((w) => sf.getLineAndCharacterOfPosition(w.at.getStart(sf)).line + 1))].sort((a, b) => a - b);
          const fn = s.unit.fn as FunctionLike;
          const name = functionName(t, fn);
          const factors: RiskFactor[] = [];
          if (money) factors.push(FACTORS.money);
          if (s.hasLoopWrite) factors.push(WRITE_IN_LOOP);
          const suggestion = buildSuggestion(t, sf, s, context.knowledge, isExternal, options.mongoTransactions);
          context.report({
            node: first.at,
            anchor: first.at,
            messageId: loopOnly ? 'loopWrite' : 'nonAtomicWrites',
            data: { name: name ? `'${name}'` : 'this function', count: s.writes.length, lines: lines.join(', ') },
            factors,
            ...(factors.length > 0 ? { risk: 'critical' as const } : {}),
            // (a finding on an imported client stands only when that client is no CLS accessor: the usual wrapper fits)
            ...(suggestion && (!dependsOn || dependsOn.fact === 'not-ambient-client') ? { suggest: [suggestion] } : {}),
            ...(dependsOn ? { dependsOn } : {}),
          });
        }
      },
    };
  },
});

/**
 * What a finding on `s` depends on in other modules, undefined when nothing, null when it cannot stand: the
 * calls into other modules it counted must write (at least as many steps as the function's own writes lack),
 * and a callback handed to an imported function must not be run inside a transaction by it
 * (`withTransaction(ctx, async () => …)`, `this.prismaService.$tx(async (tx) => …)`).
 */
function condition(t: TS, s: UnitSummary, own: UnitSummary, loopOnly: boolean): WritesCondition | undefined | null {
  const fn = s.unit.fn;
  const parent = fn.parent;
  const index = parent && t.isCallExpression(parent) ? parent.arguments.indexOf(fn as ts.Expression) : -1;
  const wrapperCall = index >= 0 ? remoteCallOf(t, parent as ts.CallExpression) : undefined;
  const wrapper = wrapperCall ? { ...wrapperCall, arg: index } : undefined;
  if (s === own) return wrapper ? { fact: 'writes-outside-transaction', calls: [], min: 0, wrapper } : undefined;
  const remote = s.unscoped.filter((w) => w.remote && (!loopOnly || (w.inLoop && !w.perItemHandled)));
  if (remote.length === 0) return null;
  const min = loopOnly ? 1 : Math.max(1, 2 - own.onAPath);
  return { fact: 'writes-outside-transaction', calls: remote.map((w) => w.remote!.remote), min, ...(wrapper ? { wrapper } : {}) };
}

/**
 * The writes all go through what one function imported from a project module returns (`txClient().order.create`,
 * `const db = txClient(); db.stock.update(…)`), or by one method of an injected class (`this.prismaService.txClient()`):
 * they need a transaction of their own only if that function is no CLS accessor handing out the caller's
 * transaction (`not-ambient-client`, decided by the project model).
 */
function ambientClientCondition(t: TS, s: UnitSummary, local: ReadonlyMap<ts.Node, UnitSummary>): ModelCondition | undefined {
  const writes = directWrites(s, local);
  if (!writes || writes.length === 0) return undefined;
  const origin = clientAccessorOf(t, writes[0]!.receiver);
  if (!origin || writes.some((w) => !sameAccessor(clientAccessorOf(t, w.receiver), origin))) return undefined;
  return { fact: 'not-ambient-client', ...origin };
}

/** The node of `write`'s chain whose text is `text` (the transaction's receiver), if the chain starts with it. */
function prefixNode(t: TS, sf: ts.SourceFile, e: ts.Expression, text: string): ts.Expression | undefined {
  for (let n: ts.Expression = e; ; ) {
    const s = skipOuter(t, n);
    if (s.getText(sf).replace(/\s+/g, '') === text) return s;
    if (t.isPropertyAccessExpression(s) || t.isElementAccessExpression(s) || t.isCallExpression(s)) n = s.expression;
    else if (t.isTaggedTemplateExpression(s)) n = s.tag;
    else return undefined;
  }
}

/**
 * A one-time token or code (an ignored target) deleted before the writes it guards
 * (`verificationToken.delete(…)`, then `user.update(…)`): if the work fails, the token is gone and the user
 * cannot try again, so the delete belongs in the unit of work. Deleted after the work, it stays ignored.
 */
function guardingDeletes(t: TS, units: Iterable<{ sites: readonly { kind: string }[] }>, ignored: (w: DbWrite) => boolean): Set<DbWrite> {
  const out = new Set<DbWrite>();
  for (const unit of units) {
    const writes = (unit.sites as WriteSite[]).filter((x) => x.kind === 'write' && !x.scope);
    for (const w of writes) {
      if (!ignored(w.write) || !/^(delete|deleteMany|deleteOne|del|destroy|remove|findOneAndDelete)$/.test(w.write.method)) continue;
      if (writes.some((other) => other.at.pos > w.at.end && !ignored(other.write))) out.add(w.write);
    }
  }
  return out;
}

/** True when `name` occurs as an identifier in `node`. */
function mentions(t: TS, node: ts.Node, name: string): boolean {
  if (t.isIdentifier(node)) return node.text === name;
  return t.forEachChild(node, (c) => (mentions(t, c, name) ? true : undefined)) === true;
}

/**
 * Inside a transaction callback, a write through the client the transaction was opened on instead of the
 * handle the callback receives (`prisma.$transaction(async (tx) => { await prisma.user.update(…) })`,
 * `db.transaction(async (trx) => { await db('sessions').del() })`): it runs on another connection, commits
 * at once and survives a rollback.
 */
function reportOutsideTransaction(t: TS, sf: ts.SourceFile, units: Iterable<{ sites: readonly { kind: string }[] }>, report: (d: ReportDescriptor<MessageIds>) => void): void {
  for (const unit of units) {
    for (const site of unit.sites as WriteSite[]) {
      if (site.kind !== 'write' || !site.scope?.receiver || site.write.binding) continue;
      const scope = site.scope;
      const body = scope.bodies.map((b) => skipOuter(t, b)).find((b) => (t.isArrowFunction(b) || t.isFunctionExpression(b)) && site.at.pos >= b.pos && site.at.end <= b.end) as ts.ArrowFunction | ts.FunctionExpression | undefined;
      const param = body?.parameters[0];
      if (!body || !param || !t.isIdentifier(param.name)) continue;
      const recvText = skipOuter(t, scope.receiver!).getText(sf).replace(/\s+/g, '');
      const prefix = prefixNode(t, sf, site.write.receiver, recvText);
      if (!prefix) continue;
      // the same binding: `sql.begin(async (sql) => …)` shadows the client with the transaction
      const a = chainRoot(t, prefix);
      const b = chainRoot(t, scope.receiver!);
      if (t.isIdentifier(a) !== t.isIdentifier(b)) continue;
      if (t.isIdentifier(a) && t.isIdentifier(b) && resolveName(t, a.text, a)?.declaration !== resolveName(t, b.text, b)?.declaration) continue;
      const tx = param.name.text;
      // Model.create(row, transaction) / { transaction: trx }: the handle is handed to the write itself
      if (t.isCallExpression(site.write.call) && site.write.call.arguments.some((arg) => mentions(t, arg, tx))) continue;
      report({
        node: site.at,
        messageId: 'outsideTransaction',
        data: { client: `\`${recvText}\``, tx: `\`${tx}\`` },
        suggest: [{ messageId: 'useTransaction', data: { client: `\`${recvText}\``, tx: `\`${tx}\`` }, edits: [{ range: [prefix.getStart(sf), prefix.getEnd()], text: tx }] }],
      });
    }
  }
}

/**
 * A migration wherever it lives (Knex, TypeORM, Sequelize, Logto's alterations): the module defines both `up`
 * and `down`, as functions, methods of a class or properties of an exported object. A migration runner usually
 * opens the transaction around each step.
 */
function isMigrationModule(t: TS, sf: ts.SourceFile): boolean {
  if (!/\bdown\b/.test(sf.text) || !/\bup\b/.test(sf.text)) return false;
  const names = new Set<string>();
  const fromObject = (e: ts.Expression | undefined): void => {
    const o = e && skipOuter(t, e);
    if (!o || !t.isObjectLiteralExpression(o)) return;
    for (const p of o.properties) if (p.name && t.isIdentifier(p.name) && (t.isMethodDeclaration(p) || t.isPropertyAssignment(p))) names.add(p.name.text);
  };
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.name) names.add(st.name.text);
    else if (t.isClassDeclaration(st)) {
      for (const m of st.members) if (t.isMethodDeclaration(m) && m.name && t.isIdentifier(m.name)) names.add(m.name.text);
    } else if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (t.isIdentifier(d.name)) names.add(d.name.text);
        fromObject(d.initializer);
      }
    } else if (t.isExportAssignment(st)) fromObject(st.expression);
    else if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      // module.exports = { up, down } / exports.up = …
      const left = st.expression.left;
      if (t.isPropertyAccessExpression(left)) names.add(left.name.text);
      fromObject(st.expression.right);
    }
  }
  return names.has('up') && names.has('down');
}

function moneyInPath(t: TS, fn: ts.Node, filePath: string): boolean {
  for (let n: ts.Node | undefined = fn; n; n = n.parent) {
    if (isFunctionLike(t, n)) {
      const name = functionName(t, n);
      if (name && mentionsMoney(name)) return true;
    } else if ((t.isClassDeclaration(n) || t.isClassExpression(n)) && n.name && mentionsMoney(n.name.text)) return true;
  }
  return mentionsMoney(filePath.split('/').pop() ?? '');
}

// ---------------------------------------------------------------------------------------------------------
// Suggestion: wrap the statements holding the writes in the layer's transaction

const LOOP_KINDS = (t: TS, n: ts.Node): boolean => t.isForStatement(n) || t.isForOfStatement(n) || t.isForInStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n);

function isIterationCall(t: TS, n: ts.Node): boolean {
  if (!t.isCallExpression(n)) return false;
  const callee = skipOuter(t, n.expression);
  const name = t.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^(map|forEach|flatMap|reduce|each|mapSeries|eachSeries)$/.test(name) && n.arguments.some((a) => t.isArrowFunction(a) || t.isFunctionExpression(a));
}

/** The node that must be wrapped whole for a write: its outermost loop inside the function, or the write. */
function coverOf(t: TS, node: ts.Node, fn: ts.Node): ts.Node {
  let cover = node;
  for (let n = node.parent; n && n !== fn; n = n.parent) {
    if (LOOP_KINDS(t, n) || isIterationCall(t, n)) cover = n;
    if (isFunctionLike(t, n) && !isIterationCall(t, n.parent!) && !t.isCallExpression(n.parent!)) break;
  }
  return cover;
}

function declaredNames(t: TS, st: ts.Statement): string[] | undefined {
  const names: string[] = [];
  const add = (b: ts.BindingName): void => {
    if (t.isIdentifier(b)) names.push(b.text);
    else for (const el of b.elements) if (!t.isOmittedExpression(el)) add(el.name);
  };
  if (t.isVariableStatement(st)) {
    if ((st.declarationList.flags & (t.NodeFlags.Const | t.NodeFlags.Let)) === 0) return undefined;
    for (const d of st.declarationList.declarations) add(d.name);
  } else if ((t.isFunctionDeclaration(st) || t.isClassDeclaration(st)) && st.name) names.push(st.name.text);
  return names;
}

function usesAny(t: TS, nodes: readonly ts.Node[], names: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isIdentifier(n) && names.has(n.text)) {
      const p = n.parent;
      if (!(p && t.isPropertyAccessExpression(p) && p.name === n)) found = true;
    }
    t.forEachChild(n, visit);
  };
  nodes.forEach(visit);
  return found;
}

interface RangeFacts {
  returns: boolean;
  jumpsOut: boolean;
  yields: boolean;
}

function rangeFacts(t: TS, nodes: readonly ts.Node[]): RangeFacts {
  const f: RangeFacts = { returns: false, jumpsOut: false, yields: false };
  const visit = (n: ts.Node, inLoopOrSwitch: boolean): void => {
    if (isFunctionLike(t, n)) return;
    if (t.isReturnStatement(n)) f.returns = true;
    if (t.isYieldExpression(n)) f.yields = true;
    if ((t.isBreakStatement(n) || t.isContinueStatement(n)) && (n.label || !inLoopOrSwitch)) f.jumpsOut = true;
    const inner = inLoopOrSwitch || LOOP_KINDS(t, n) || t.isSwitchStatement(n);
    t.forEachChild(n, (c) => visit(c, inner));
  };
  for (const n of nodes) visit(n, false);
  return f;
}


/** Occurrences of `text` as an expression (not a property name or declaration) inside [start, end). */
function occurrences(t: TS, root: ts.Node, text: string, start: number, end: number, sf: ts.SourceFile): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (n.getEnd() <= start || n.getStart(sf) >= end) return;
    if ((t.isIdentifier(n) || t.isPropertyAccessExpression(n)) && n.getText(sf) === text) {
      const p = n.parent;
      const isName = p && ((t.isPropertyAccessExpression(p) && p.name === n) || (t.isPropertyAssignment(p) && p.name === n) || t.isShorthandPropertyAssignment(p) || t.isVariableDeclaration(p) || t.isParameter(p) || t.isBindingElement(p));
      if (!isName && n.getStart(sf) >= start && n.getEnd() <= end) {
        out.push(n as ts.Expression);
        return;
      }
    }
    t.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

function hasShorthand(t: TS, root: ts.Node, text: string, start: number, end: number): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.getEnd() <= start || n.pos >= end) return;
    if (t.isShorthandPropertyAssignment(n) && n.name.text === text) found = true;
    t.forEachChild(n, visit);
  };
  visit(root);
  return found;
}

/** The layer module's rewrite of the statements `[start, end)` holding `writes` into one transaction. */
function wrapRequest(t: TS, sf: ts.SourceFile, fn: FunctionLike, writes: DbWrite[], start: number, end: number, used: Set<string>): WrapRequest {
  const body = fn.body!;
  const roots = [...new Set(writes.map((w) => skipOuter(t, w.receiver).getText(sf)))];
  return {
    t, sf, fn, writes, start, end, used, roots,
    occurrences: (text) => occurrences(t, body, text, start, end, sf),
    rewriteRoots(as) {
      const edits: TextEdit[] = [];
      for (const root of roots) {
        if (hasShorthand(t, body, root, start, end)) return undefined;
        for (const occ of occurrences(t, body, root, start, end, sf)) edits.push({ range: [occ.getStart(sf), occ.getEnd()], text: as(occ.getText(sf)) });
      }
      return edits;
    },
  };
}

const TRANSACTION_ARG = /^(trx|tx|transaction|session|manager|entityManager|transactionalEntityManager)$|(Trx|Tx|Transaction|Session)$/;

/**
 * A write that passes a transaction handle as an argument (`repo.insert(row, trx)`, `Model.create(doc, { session })`,
 * `{ transaction: t }`): the function runs in a transaction its caller may open, and a wrapper here would nest a
 * second one around calls still bound to the first.
 */
function handedTransaction(t: TS, writes: DbWrite[]): string | undefined {
  for (const w of writes) {
    if (!t.isCallExpression(w.call)) continue;
    for (const arg of w.call.arguments) {
      const a = skipOuter(t, arg);
      if (t.isIdentifier(a) && TRANSACTION_ARG.test(a.text)) return a.text;
      if (t.isObjectLiteralExpression(a)) {
        for (const p of a.properties) {
          const name = p.name && t.isIdentifier(p.name) ? p.name.text : undefined;
          if (name && /^(transaction|session|trx|tx)$/.test(name)) return name;
        }
      }
    }
  }
  return undefined;
}

/** Model writes only recognised by name (`Order.destroy`, `order.save()`) take the layer the others show. */
function adoptLayer(writes: DbWrite[]): DbWrite[] | undefined {
  const known = [...new Set(writes.map((w) => w.layer).filter((l) => l !== 'unknown'))];
  if (known.length > 1) return undefined;
  if (known.length === 0) return writes.some((w) => w.layer === 'unknown') ? undefined : writes;
  const layer = known[0]!;
  if (writes.some((w) => w.layer === 'unknown') && !dataLayer(layer)?.adoptsUnknownWrites) return undefined;
  return writes.map((w) => (w.layer === 'unknown' ? { ...w, layer } : w));
}

function applyLocal(text: string, base: number, edits: TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const s = e.range[0] - base;
    if (s < cursor) continue;
    out += text.slice(cursor, s) + e.text;
    cursor = e.range[1] - base;
  }
  return out + text.slice(cursor);
}

/** A call that acts outside the database (a mail, a message, a notification, a queued job, an upload). */
const SIDE_EFFECT_CALL = leadingVerb(SIDE_EFFECT_VERBS);
const FS_MODULES = new Set<string>(FILE_SYSTEM_MODULES);
const FS_WRITES = new Set<string>(FILE_SYSTEM_WRITES);

/** `fs.writeFileSync(…)`, `fs.promises.unlink(…)`, `writeFile(…)` from `node:fs/promises`: a file changed, whatever the transaction does. */
function isFileSystemWrite(t: TS, call: ts.CallExpression): boolean {
  const callee = skipOuter(t, call.expression);
  const method = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : undefined;
  if (!method || !FS_WRITES.has(method)) return false;
  let root: ts.Expression = callee;
  while (t.isPropertyAccessExpression(root)) root = skipOuter(t, root.expression);
  if (!t.isIdentifier(root)) return false;
  const d = resolveName(t, root.text, root);
  if (d?.kind === 'import' && d.import) return FS_MODULES.has(d.import.module);
  const init = d?.kind === 'var' && d.init ? skipOuter(t, d.init) : undefined;
  return !!init && t.isCallExpression(init) && t.isIdentifier(init.expression) && init.expression.text === 'require' && !!init.arguments[0] && t.isStringLiteralLike(init.arguments[0]) && FS_MODULES.has(init.arguments[0].text);
}

function shortCall(t: TS, sf: ts.SourceFile, call: ts.CallExpression | ts.TaggedTemplateExpression): string {
  const callee = t.isCallExpression(call) ? call.expression : call.tag;
  const text = callee.getText(sf).replace(/\s+/g, '');
  return `${text.length > 40 ? `…${text.slice(-39)}` : text}()`;
}

/**
 * Why the statements holding the writes cannot simply move into a transaction, or undefined when they can: an
 * outbound call or other awaited work among them (it would run, and wait, inside the transaction, and a
 * rollback would not undo it: the payment fixture's gateway charge), a transaction already opened there (an
 * array `$transaction(batch)`), a read through another handle (it cannot see the uncommitted rows), or a
 * try/catch whose failure path records a status that must survive a rollback.
 */
function otherWork(t: TS, sf: ts.SourceFile, stmts: readonly ts.Statement[], writes: DbWrite[], isExternal: (call: ts.CallExpression) => boolean): string | undefined {
  const roots = [...new Set(writes.map((w) => skipOuter(t, w.receiver).getText(sf)))];
  const writeCalls = new Set<ts.Node>(writes.map((w) => w.call));
  const throughRoot = (call: ts.CallExpression | ts.TaggedTemplateExpression): boolean => {
    const text = (t.isCallExpression(call) ? call.expression : call.tag).getText(sf).replace(/\s+/g, '');
    return roots.some((r) => text === r || text.startsWith(`${r.replace(/\s+/g, '')}.`) || text.startsWith(`${r.replace(/\s+/g, '')}(`));
  };
  // promises collected for a later await: `jobs.push(es.upsert(…))` … `await Promise.all(jobs)`, `const p = f(); … await p`
  const awaitedNames = new Set<string>();
  const collect = (e: ts.Expression): void => {
    const x = skipOuter(t, e);
    if (t.isIdentifier(x)) awaitedNames.add(x.text);
    else if (t.isSpreadElement(x)) collect(x.expression);
    else if (t.isArrayLiteralExpression(x)) x.elements.forEach(collect);
    else if (t.isCallExpression(x) && PROMISE_COMBINATOR.test(calleeName(t, x) ?? '')) x.arguments.forEach(collect);
  };
  const findAwaits = (n: ts.Node): void => {
    if (isFunctionLike(t, n)) return;
    if ((t.isAwaitExpression(n) || t.isReturnStatement(n)) && n.expression) collect(n.expression);
    t.forEachChild(n, findAwaits);
  };
  stmts.forEach(findAwaits);
  const awaited = (n: ts.Node): boolean => {
    let p = n.parent;
    for (;;) {
      while (p && (t.isParenthesizedExpression(p) || t.isAsExpression(p) || t.isNonNullExpression(p) || (t.isPropertyAccessExpression(p) && t.isCallExpression(p.parent) && p.parent.expression === p))) p = t.isPropertyAccessExpression(p) ? p.parent.parent : p.parent;
      if (!p) return false;
      if (t.isAwaitExpression(p) || t.isReturnStatement(p) || t.isYieldExpression(p)) return true;
      // one element of an awaited array or Promise.all([…])
      // … or what the callback of an awaited `items.map((item) => call(item))` returns
      const mapped = t.isArrowFunction(p) && p.body === n && p.parent !== undefined && isIterationCall(t, p.parent);
      if (mapped || t.isArrayLiteralExpression(p) || t.isSpreadElement(p) || (t.isCallExpression(p) && PROMISE_COMBINATOR.test(calleeName(t, p) ?? ''))) {
        if (mapped) p = p.parent;
        n = p;
        p = p.parent;
        continue;
      }
      // jobs.push(call) / const p = call, awaited later in the span
      if (t.isCallExpression(p) && t.isPropertyAccessExpression(p.expression) && /^(push|unshift)$/.test(p.expression.name.text)) return awaitedNames.has(skipOuter(t, p.expression.expression).getText(sf));
      if (t.isVariableDeclaration(p) && t.isIdentifier(p.name)) return awaitedNames.has(p.name.text);
      if (t.isBinaryExpression(p) && p.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(p.left)) return awaitedNames.has(p.left.text);
      return false;
    }
  };
  let reason: string | undefined;
  const visit = (n: ts.Node): void => {
    if (reason) return;
    if (t.isTryStatement(n) && n.catchClause) {
      reason = 'a try/catch among the writes handles failures itself, and what its catch records would roll back with the rest';
      return;
    }
    if (t.isCallExpression(n) || t.isTaggedTemplateExpression(n)) {
      const name = t.isCallExpression(n) ? calleeName(t, n) ?? '' : '';
      if (/(^|\.)\$?transaction$|(^|\.)begin$/.test(name)) {
        reason = `the writes already run through \`${shortCall(t, sf, n)}\` here; check that call instead of wrapping it in another transaction`;
        return;
      }
      // await Promise.all([...writes]): the writes inside are checked one by one
      const transparent = t.isCallExpression(n) && (/^Promise\.(all|allSettled)$/.test(name) || isIterationCall(t, n));
      // ds.getRepository(User) in ds.getRepository(User).save(…), sql`…`.execute(db): part of a write or given the handle
      // (an awaited call inside a write's arguments still runs, and waits, inside the transaction)
      const holder = writes.find((w) => n.pos >= w.call.pos && n.end <= w.call.end);
      const partOfWrite = (holder !== undefined && !awaitedWithin(t, n, holder.call)) || (t.isCallExpression(n) && n.arguments.some((a) => roots.includes(a.getText(sf))));
      if (!writeCalls.has(n) && !throughRoot(n) && !transparent && !(partOfWrite && !(t.isCallExpression(n) && isExternal(n)))) {
        if (t.isCallExpression(n) && isExternal(n)) {
          reason = `\`${shortCall(t, sf, n)}\` calls another service between the writes; a transaction must not hold it (a rollback cannot undo it): commit before it and record its outcome in a second step`;
          return;
        }
        if (awaited(n)) {
          reason = `\`${shortCall(t, sf, n)}\` is awaited between the writes and does not go through the transaction: move it out (or pass it the transaction) before wrapping`;
          return;
        }
        // `this.mailer.sendResetEmail(user, token)` left running: inside the callback it would go out before the
        // commit, and a rollback could not take it back (a mail with a dead link)
        if (t.isCallExpression(n) && (SIDE_EFFECT_CALL.test(calleeMethod(t, n) ?? '') || isFileSystemWrite(t, n))) {
          reason = `\`${shortCall(t, sf, n)}\` acts outside the database among the writes; inside a transaction it would happen before the commit, and a rollback could not undo it: commit first, then call it`;
          return;
        }
      }
    }
    t.forEachChild(n, visit);
  };
  stmts.forEach(visit);
  return reason;
}

/**
 * A `let x;` declared before `start`, assigned in `range` and read in `after`: moved into a callback, the
 * assignment no longer counts for TypeScript's definite-assignment check (`let installation: Row;` then
 * `installation = await tx.row.create(…)` in the callback and `return installation` after it).
 */
function assignedInCallback(t: TS, range: readonly ts.Statement[], after: readonly ts.Statement[], start: number): string | undefined {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(n.left)) {
      const d = resolveName(t, n.left.text, n.left);
      const decl = d?.node;
      if (decl && t.isVariableDeclaration(decl) && !decl.initializer && decl.getStart() < start && t.isVariableDeclarationList(decl.parent) && (decl.parent.flags & t.NodeFlags.Let) !== 0) names.add(n.left.text);
    }
    t.forEachChild(n, visit);
  };
  range.forEach(visit);
  for (const name of names) if (usesAny(t, after, new Set([name]))) return name;
  return undefined;
}

const PROMISE_COMBINATOR = /^Promise\.(all|allSettled|race|any)$/;

/** `n` is awaited somewhere inside `outer` (`await` between them): it runs on its own before `outer` does. */
function awaitedWithin(t: TS, n: ts.Node, outer: ts.Node): boolean {
  for (let p = n.parent; p && p !== outer; p = p.parent) if (t.isAwaitExpression(p)) return true;
  return false;
}

function buildSuggestion(t: TS, sf: ts.SourceFile, s: UnitSummary, knowledge: Knowledge, isExternal: (call: ts.CallExpression) => boolean, mongoTransactions: boolean): SuggestionDescriptor<MessageIds> | undefined {
  const fn = s.unit.fn as FunctionLike;
  if (!fn.body || !t.isBlock(fn.body) || !isAsyncFunction(t, fn) || fn.asteriskToken) return undefined;
  if (s.groups.size > 0 || s.writes.some((w) => !w.write || w.group !== undefined || w.viaParam !== undefined)) return undefined;
  const writes = adoptLayer(s.writes.map((w) => w.write!));
  if (!writes) return undefined;
  // The deepest block holding every write (a loop is wrapped whole, never per iteration).
  const covers = writes.map((w) => coverOf(t, w.node, fn));
  const chains = covers.map((c) => {
    const list: ts.Node[] = [];
    for (let n: ts.Node | undefined = c; n && n !== fn; n = n.parent) list.unshift(n);
    return list;
  });
  let block: ts.Block = fn.body;
  for (let depth = 0; ; depth++) {
    const n = chains[0]![depth];
    if (!n || !chains.every((c) => c[depth] === n)) break;
    if (t.isBlock(n) && chains.every((c) => c.length > depth + 1)) block = n;
    if (isFunctionLike(t, n)) return undefined;
  }
  const stmts = block.statements;
  const holds = (st: ts.Statement): boolean => covers.some((c) => c.getStart(sf) >= st.getStart(sf) && c.getEnd() <= st.getEnd());
  const i = stmts.findIndex(holds);
  let j = stmts.length - 1 - [...stmts].reverse().findIndex(holds);
  if (i < 0 || j < i) return undefined;
  const declared = new Set<string>();
  for (const st of stmts.slice(i, j + 1)) {
    const names = declaredNames(t, st);
    if (!names) return undefined;
    names.forEach((n) => declared.add(n));
  }
  if (declared.size > 0 && usesAny(t, stmts.slice(j + 1), declared)) j = stmts.length - 1;
  let facts = rangeFacts(t, stmts.slice(i, j + 1));
  const isBody = block === fn.body;
  if (facts.returns && isBody) {
    j = stmts.length - 1;
    facts = rangeFacts(t, stmts.slice(i, j + 1));
  }
  if (facts.yields || facts.jumpsOut) return undefined;
  for (const st of stmts.slice(i, j + 1)) if (!declaredNames(t, st)) return undefined;
  const start = stmts[i]!.getStart(sf);
  const end = stmts[j]!.getEnd();
  const work = otherWork(t, sf, stmts.slice(i, j + 1), writes, isExternal);
  if (work) return { messageId: 'rewriteByHand', data: { reason: work }, edits: [] };
  const handed = handedTransaction(t, writes);
  if (handed) return { messageId: 'rewriteByHand', data: { reason: `the writes already take a transaction handle (\`${handed}\`) from their caller; open the transaction there, or run them in that one` }, edits: [] };
  const layer = writes[0]!.layer;
  const module = dataLayer(layer);
  if (!module?.wrap || writes.some((w) => w.layer !== layer)) return undefined;
  const req = wrapRequest(t, sf, fn, writes, start, end, identifiersIn(t, fn));
  const refused = module.refuseWrap?.(req);
  if (refused) return { messageId: 'rewriteByHand', data: { reason: refused }, edits: [] };
  const wrap = module.wrap(req);
  if (!wrap) return undefined;
  const caveat = module.wrapCaveat?.(req, { mongoTransactions });
  if (caveat) return { messageId: 'rewriteByHand', data: { reason: caveat }, edits: [] };
  const late = wrap.callback ? assignedInCallback(t, stmts.slice(i, j + 1), stmts.slice(j + 1), start) : undefined;
  if (late) return { messageId: 'rewriteByHand', data: { reason: `\`${late}\` is declared without a value before the writes, assigned among them and read after; inside the transaction's callback TypeScript no longer sees it assigned (TS2454): return the value from the callback instead` }, edits: [] };
  if (facts.returns && (!wrap.allowsReturn || !isBody || j !== stmts.length - 1)) return undefined;
  const prefix = facts.returns && wrap.callback ? 'return ' : '';

  // Indentation: the statement's own, one level deeper inside the wrapper.
  if (!startsLine(sf.text, start)) return undefined;
  const indent = lineIndent(sf.text, start);
  const unit = indentUnit(sf.text);
  const inner = applyLocal(sf.text.slice(start, end), start, [...wrap.edits, ...indentRange(t, sf, start, end, unit)]);
  const render = (lines: Line[]): string => lines.map((l, i) => (i === 0 ? '' : indent) + unit.repeat(l.depth) + l.text).join('\n');
  const text = `${prefix}${render(wrap.open)}\n${indent}${unit}${inner}\n${indent}${render(wrap.close)}`;
  return { messageId: 'wrapInTransaction', data: { layer: layerName(knowledge, writes[0]!.layer) }, edits: [{ range: [start, end], text }] };
}
