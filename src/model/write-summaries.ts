/**
 * The database half of a file's summary: for each exported function, method and class method, the writes it
 * makes outside a transaction, whether it opens one (and runs a callback it is given inside it: a project
 * transaction wrapper), and the calls it makes into other modules, whose writes add to its own. Read from the
 * write units missing-transaction collected while the rules walked the file (`fileWriteUnits`): no second walk.
 *
 * missing-transaction reports a function whose writes need a transaction only once calls into other modules
 * are counted as a finding that depends on them (`writes-outside-transaction`); `ProjectModel` decides it here.
 */
import type * as ts from 'typescript';
import { isDefaultExport as isDefault, isExported, isFunctionLike, skipOuter, type FunctionLike } from '../analysis/ast.js';
import { directWrites, summarizeUnits, type Unit, type UnitSummary } from '../analysis/database.js';
import { clientAccessorOf, sameAccessor, type ClientAccessor, type RemoteCall } from '../analysis/remote-calls.js';
import { propertyNameText } from '../analysis/scope.js';
import { fileWriteUnits, mayWriteOrCall } from '../analysis/write-units.js';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';

/** What one exported callable does to the database, as its callers in other modules see it. */
export interface CallableWrites {
  /** Atomic steps on one path outside a transaction it is given: unscoped writes, and one for transactions it opens (0–2; 2 is two or more). */
  writes: number;
  /** Already a finding where it is declared: its callers count it as one write. */
  flagged?: true;
  /** A write runs once per item of a loop. */
  loop?: true;
  /** Awaited calls into other modules; their writes add to these (followed to a bounded depth). */
  calls?: RemoteCall[];
  /** Opens a transaction and runs the callback passed as this parameter inside it (`withTransaction(fn)`, `$tx(fn)`). */
  wrapsCallback?: number;
  /**
   * Every write of its own goes through the client one accessor hands out (`this.prismaService.txClient()`): if
   * that accessor hands out the ambient CLS transaction, they run in the caller's and add no step.
   */
  via?: ClientAccessor;
}

/** Exported path (`saveToken`, `TokenService.saveToken`, `query.user.update`, `default.save`) → what it does. */
export type WriteSummaries = Record<string, CallableWrites>;

const MAX_DEPTH = 3;

/** The callables a top-level declaration holds, by the path below its name (`''` for itself). */
function callablesOf(t: TS, node: ts.Node, locals: ReadonlyMap<string, [string, FunctionLike][]>, depth = 0): [string, FunctionLike][] {
  const n = t.isExpression(node) ? skipOuter(t, node) : node;
  if (isFunctionLike(t, n)) return (n as FunctionLike).body ? [['', n as FunctionLike]] : [];
  if (t.isClassDeclaration(n) || t.isClassExpression(n)) {
    const out: [string, FunctionLike][] = [];
    for (const m of n.members) {
      const name = m.name && propertyNameText(t, m.name);
      if (!name) continue;
      if (t.isMethodDeclaration(m) && m.body) out.push([name, m]);
      else if (t.isPropertyDeclaration(m) && m.initializer && isFunctionLike(t, skipOuter(t, m.initializer))) out.push([name, skipOuter(t, m.initializer) as FunctionLike]);
    }
    return out;
  }
  if (t.isObjectLiteralExpression(n) && depth < MAX_DEPTH) {
    const out: [string, FunctionLike][] = [];
    for (const p of n.properties) {
      const name = p.name && propertyNameText(t, p.name);
      if (!name) continue;
      const inner = t.isMethodDeclaration(p) ? callablesOf(t, p, locals, depth + 1) : t.isPropertyAssignment(p) ? callablesOf(t, p.initializer, locals, depth + 1) : t.isShorthandPropertyAssignment(p) ? (locals.get(p.name.text) ?? []) : [];
      for (const [sub, fn] of inner) out.push([sub ? `${name}.${sub}` : name, fn]);
    }
    return out;
  }
  // tokenService = new TokenService(): the instance has the class's methods; `query = userQueries`: an alias
  if (t.isNewExpression(n) && t.isIdentifier(n.expression)) return locals.get(n.expression.text) ?? [];
  if (t.isIdentifier(n)) return locals.get(n.text) ?? [];
  return [];
}

/** Every exported callable of the file, by exported path. */
function exportedCallables(t: TS, sf: ts.SourceFile): Map<string, FunctionLike> {
  const locals = new Map<string, [string, FunctionLike][]>();
  const exported: [string, string][] = [];
  const direct: [string, ts.Node][] = [];
  for (const st of sf.statements) {
    if ((t.isFunctionDeclaration(st) || t.isClassDeclaration(st)) && st.name) {
      locals.set(st.name.text, callablesOf(t, st, locals));
      if (isExported(t, st)) exported.push([st.name.text, isDefault(t, st) ? 'default' : st.name.text]);
    } else if ((t.isFunctionDeclaration(st) || t.isClassDeclaration(st)) && isExported(t, st) && isDefault(t, st)) {
      direct.push(['default', st]);
    } else if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!t.isIdentifier(d.name) || !d.initializer) continue;
        locals.set(d.name.text, callablesOf(t, d.initializer, locals));
        if (isExported(t, st)) exported.push([d.name.text, d.name.text]);
      }
    } else if (t.isExportAssignment(st) && !st.isExportEquals) {
      direct.push(['default', st.expression]);
    } else if (t.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && t.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) exported.push([(el.propertyName ?? el.name).text, el.name.text]);
    }
  }
  const out = new Map<string, FunctionLike>();
  const add = (name: string, list: readonly [string, FunctionLike][]): void => {
    for (const [sub, fn] of list) out.set(sub ? `${name}.${sub}` : name, fn);
  };
  for (const [local, name] of exported) add(name, locals.get(local) ?? []);
  for (const [name, node] of direct) add(name, callablesOf(t, node, locals));
  return out;
}

/** A call that opens a transaction by its name: `$transaction(…)`, `super.$transaction(…)`, `db.transaction(…)`, `sql.begin(…)`. */
function opensTransaction(t: TS, call: ts.CallExpression): boolean {
  const callee = skipOuter(t, call.expression);
  const name = t.isPropertyAccessExpression(callee) ? callee.name.text : t.isIdentifier(callee) ? callee.text : '';
  return /transaction|^begin$/i.test(name);
}

/**
 * The index of the parameter a transaction it opens runs: `$transaction(fn)`, `$transaction((tx) => fn(tx))`, or
 * a wrapper that keeps the transaction in a CLS store first (`cls.runWith(…, async () => { await
 * super.$transaction(async (prisma) => { cls.set('tx', prisma); try { return await fn(prisma); } finally { … } }) })`).
 */
function wrappedCallback(t: TS, fn: FunctionLike, s: UnitSummary): number | undefined {
  const params = fn.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : undefined));
  const paramOf = (e: ts.Expression): number | undefined => {
    const x = skipOuter(t, e);
    const i = t.isIdentifier(x) ? params.indexOf(x.text) : -1;
    return i >= 0 ? i : undefined;
  };
  // a call of one of the function's parameters anywhere inside a transaction's callback
  const calledIn = (body: ts.Node): number | undefined => {
    let found: number | undefined;
    const visit = (n: ts.Node): void => {
      if (found !== undefined) return;
      if (t.isCallExpression(n)) found = paramOf(n.expression);
      if (found === undefined) t.forEachChild(n, visit);
    };
    visit(body);
    return found;
  };
  const runs = (call: ts.CallExpression, bodies: readonly ts.Expression[]): number | undefined => {
    for (const body of bodies) {
      const b = skipOuter(t, body);
      // $transaction(fn): the transaction method given the callback itself
      const direct = call.arguments.includes(body) ? paramOf(b) : undefined;
      if (direct !== undefined) return direct;
      if (t.isArrowFunction(b) || t.isFunctionExpression(b)) {
        const i = calledIn(b.body);
        if (i !== undefined) return i;
      }
    }
    return undefined;
  };
  for (const scope of s.unit.scopes) {
    const i = runs(scope.call, scope.bodies);
    if (i !== undefined) return i;
  }
  // the transaction opened further in, in a callback of the function (its own unit)
  let found: number | undefined;
  const visit = (n: ts.Node): void => {
    if (found !== undefined) return;
    if (t.isCallExpression(n) && opensTransaction(t, n)) found = runs(n, n.arguments);
    if (found === undefined) t.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/**
 * Calls into other modules `unit` makes outside a transaction, itself or through the file's own helpers it calls
 * (`createToken` → `this.insertToken(…)` → `this.store.insert(…)`), to a bounded depth.
 */
function remoteCalls(units: ReadonlyMap<ts.Node, Unit>, unit: Unit, seen = new Set<Unit>()): RemoteCall[] {
  if (seen.has(unit) || seen.size > MAX_DEPTH * 4) return [];
  seen.add(unit);
  const out: RemoteCall[] = [];
  for (const site of unit.sites) {
    if (site.kind === 'write' || site.scope || site.txArgs.some(Boolean)) continue;
    if (site.kind === 'remote') out.push(site.remote);
    else if (site.kind === 'helper') {
      const inner = units.get(site.target);
      if (inner && !inner.decorated) out.push(...remoteCalls(units, inner, seen));
    }
  }
  return out;
}

function callableWrites(t: TS, fn: FunctionLike, s: UnitSummary, units: ReadonlyMap<ts.Node, Unit>, summaries: ReadonlyMap<ts.Node, UnitSummary>): CallableWrites | undefined {
  const own = s.unscoped.filter((w) => w.viaParam === undefined);
  const viaParams = s.writes.filter((w) => w.viaParam !== undefined && w.group === undefined).length;
  const inTx = s.groups.size > 0 ? 1 : 0;
  const writes = s.flagged ? 2 : Math.min(2, viaParams + Math.min(own.length, s.onAPath) + (own.length === 0 ? inTx : 0));
  const calls = remoteCalls(units, s.unit);
  const wraps = wrappedCallback(t, fn, s);
  if (writes === 0 && calls.length === 0 && wraps === undefined) return undefined;
  const direct = directWrites(s, summaries);
  const via = direct && direct.length > 0 ? clientAccessorOf(t, direct[0]!.receiver) : undefined;
  return {
    writes,
    ...(via && direct!.every((w) => sameAccessor(clientAccessorOf(t, w.receiver), via)) ? { via } : {}),
    ...(s.flagged ? { flagged: true as const } : {}),
    ...(s.hasLoopWrite ? { loop: true as const } : {}),
    ...(calls.length > 0 ? { calls } : {}),
    ...(wraps !== undefined ? { wrapsCallback: wraps } : {}),
  };
}

/** What the file's exported callables write, or undefined when none writes, calls a module that may, or wraps a transaction. */
export function summarizeWrites(t: TS, sf: ts.SourceFile, knowledge: Knowledge): WriteSummaries | undefined {
  if (!mayWriteOrCall(t, sf, knowledge)) return undefined;
  const fu = fileWriteUnits(t, sf, knowledge);
  let summaries: Map<ts.Node, UnitSummary> | undefined;
  const out: WriteSummaries = {};
  for (const [name, fn] of exportedCallables(t, sf)) {
    const unit = fu.units.get(fn);
    if (!unit) continue;
    summaries ??= summarizeUnits(t, fu);
    const s = summaries.get(fn);
    const w = s && callableWrites(t, fn, s, fu.units, summaries);
    if (w) out[name] = w;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
