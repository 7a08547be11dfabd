/**
 * What a file exports that other files' verdicts depend on, as plain data (the cache and worker threads carry
 * it), read from the parsed file's top-level statements after the rules' traversal: no second parse and no
 * second walk of function bodies. Today: shared HTTP client instances and whether their configuration sets a
 * timeout, and the file's re-exports, so a verdict can follow `export { api } from './http'`.
 *
 * Rules record findings that depend on another module (`dependsOn`); once every file is read, `ProjectModel`
 * keeps those whose condition holds (the CLI) — or the ESLint host reads the imported file on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import { containsNode, dottedName, isExported, skipOuter } from '../analysis/ast.js';
import { localExports } from '../analysis/exports.js';
import { fileImports, propertyNameText } from '../analysis/scope.js';
import { readSource } from '../engine/file-runner.js';
import { parseSource } from '../engine/lint-source.js';
import { compiler, type TS } from '../ts.js';
import { defaultFilePatterns } from '../engine/file-facts.js';
import { globMatcher } from '../glob.js';
import { defaultKnowledge, type Knowledge } from '../knowledge/index.js';
import type { ModelCondition } from '../types.js';
import { isClientErrorName, isEmptyCatchSummary, isErrorParentName, summarizeCatch, type CatchSummary } from './logger-summaries.js';
import type { ModuleResolver } from './resolve.js';
import { summarizeFetchWrappers } from './http-summaries.js';
import { summarizeResponders, type ResponderSummary } from './response-summaries.js';
import { summarizeWrites, type WriteSummaries } from './write-summaries.js';
import { WriteModel } from './write-model.js';
import { callersReadyForThrow, crossFileUses, type CallerFileCache } from './cross-callers.js';

/** An HTTP client instance a module exports: `export const api = axios.create({ baseURL })`. */
export interface ClientSummary {
  client: 'axios' | 'got' | 'ofetch';
  /** Its configuration (or `api.defaults.timeout = …` in the same file) sets a timeout. */
  timeout: 'present' | 'missing' | 'unknown';
}

export interface FileSummary {
  /** Exported name (`default` for the default export) → the client instance it is. */
  clients: Record<string, ClientSummary>;
  /** `export { a as b } from 'm'` (`imported` `*` for `export *`). */
  reExports: { module: string; imported: string; exported: string }[];
  /** Exported name → the function sends an error it is given to an HTTP response (response-summaries.ts). */
  responders: Record<string, ResponderSummary>;
  /** Exported fetch wrappers that forward their caller's options and set no timeout (http-summaries.ts). */
  fetchWrappers: string[];
  /** Loggers, error-recording functions and error classes (logger-summaries.ts); absent when there are none. */
  catch?: CatchSummary;
  /** What exported functions and methods write (src/model/write-summaries.ts); absent when nothing. */
  writes?: WriteSummaries;
  /**
   * Sets `axios.defaults.timeout` on the default axios instance (a bootstrap module), at the top level or in a
   * top-level function: every plain `axios.get` of the package then has a timeout.
   */
  axiosDefaultsTimeout?: true;
  /**
   * Exported functions that hand out the ambient transaction of a CLS / AsyncLocalStorage store
   * (`export const txClient = () => cls.get('tx') ?? prisma`): writes through what they return run in the
   * caller's transaction.
   */
  ambientClients?: string[];
}

/** A summary with nothing another file's verdict could depend on (not kept by the file runner). */
export function isEmptySummary(s: FileSummary): boolean {
  return Object.keys(s.clients).length === 0 && s.reExports.length === 0 && Object.keys(s.responders).length === 0 && s.fetchWrappers.length === 0 && s.catch === undefined && s.writes === undefined && !s.axiosDefaultsTimeout && s.ambientClients === undefined;
}

const FACTORIES: Record<string, { module: string; client: ClientSummary['client'] }> = {
  'axios.create': { module: 'axios', client: 'axios' },
  'got.extend': { module: 'got', client: 'got' },
  'ofetch.create': { module: 'ofetch', client: 'ofetch' },
  '$fetch.create': { module: 'ofetch', client: 'ofetch' },
};

function configTimeout(t: TS, config: ts.Expression | undefined): ClientSummary['timeout'] {
  if (!config) return 'missing';
  const c = skipOuter(t, config);
  if (!t.isObjectLiteralExpression(c)) return 'unknown';
  for (const p of c.properties) {
    if (t.isSpreadAssignment(p)) return 'unknown';
    const name = propertyNameText(t, p.name);
    if (name === 'timeout' || name === 'signal') return 'present';
  }
  return 'missing';
}

/** `axios.create(cfg)` with `axios` imported from its package: the client and its timeout. */
function clientOf(t: TS, sf: ts.SourceFile, init: ts.Expression): ClientSummary | undefined {
  const e = skipOuter(t, init);
  if (!t.isCallExpression(e)) return undefined;
  const name = dottedName(t, e.expression);
  const factory = name ? FACTORIES[name] : undefined;
  if (!factory) return undefined;
  const root = name!.split('.')[0]!;
  const binding = fileImports(t, sf).bindings.get(root);
  if (!binding || binding.module !== factory.module) return undefined;
  return { client: factory.client, timeout: configTimeout(t, e.arguments[0]) };
}

type Timeout = ClientSummary['timeout'];

const TIMEOUT_KEY = /^(timeout|signal)$/;

/** The weaker of two answers about a timeout: `present` wins, then `unknown`. */
const either = (a: Timeout, b: Timeout): Timeout => (a === 'present' || b === 'present' ? 'present' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'missing');

/**
 * Whether a project factory's config sets a timeout for one call of it: `createInstance(custom = {})` building
 * `axios.create({ ...axios.defaults, ...custom })`. A spread of a parameter is what the call passes there (an
 * object literal, or nothing); a spread of `axios.defaults` adds no timeout of its own (axios's is 0); any other
 * spread, or a value the call passes that is not a literal, leaves it unknown.
 */
function factoryConfigTimeout(t: TS, fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, config: ts.Expression | undefined, call: ts.CallExpression, depth = 0): Timeout {
  if (!config || depth > 3) return 'missing';
  let c = skipOuter(t, config);
  if (t.isIdentifier(c)) {
    const param = fn.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === (c as ts.Identifier).text);
    if (param >= 0) {
      const arg = call.arguments[param];
      return arg ? configTimeout(t, arg) : factoryConfigTimeout(t, fn, fn.parameters[param]!.initializer, call, depth + 1);
    }
    const name = c.text;
    const decl = fn.body && t.isBlock(fn.body) ? fn.body.statements.flatMap((st) => (t.isVariableStatement(st) ? [...st.declarationList.declarations] : [])).find((d) => t.isIdentifier(d.name) && d.name.text === name) : undefined;
    if (!decl?.initializer) return 'unknown';
    c = skipOuter(t, decl.initializer);
  }
  if (!t.isObjectLiteralExpression(c)) return 'unknown';
  let answer: Timeout = 'missing';
  for (const p of c.properties) {
    if (t.isSpreadAssignment(p)) {
      const spread = skipOuter(t, p.expression);
      if (/(^|\.)defaults$/.test(dottedName(t, spread) ?? '')) continue;
      answer = either(answer, t.isIdentifier(spread) ? factoryConfigTimeout(t, fn, spread, call, depth + 1) : 'unknown');
    } else if (TIMEOUT_KEY.test(propertyNameText(t, p.name) ?? '')) return 'present';
  }
  return answer;
}

/**
 * `const api = createInstance()` where `createInstance` is a function of the file that returns an `axios.create(…)`
 * instance (directly or through a local `const`): the client, with the timeout this call's configuration gives it.
 * An assignment of a timeout anywhere in the factory (`config.timeout = …`, `instance.defaults.timeout = …`) sets one.
 */
function factoryClientOf(t: TS, sf: ts.SourceFile, init: ts.Expression): ClientSummary | undefined {
  const e = skipOuter(t, init);
  if (!t.isCallExpression(e) || !t.isIdentifier(e.expression)) return undefined;
  const name = e.expression.text;
  let fn: (ts.SignatureDeclaration & { body?: ts.ConciseBody }) | undefined;
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.name?.text === name && st.body) fn = st;
    else if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const f = d.initializer && skipOuter(t, d.initializer);
        if (t.isIdentifier(d.name) && d.name.text === name && f && (t.isArrowFunction(f) || t.isFunctionExpression(f))) fn = f;
      }
    }
  }
  if (!fn?.body || !t.isBlock(fn.body)) return undefined;
  const body = fn.body;
  // what the factory returns: `axios.create(cfg)` or a local holding it
  const locals = new Map<string, ts.Expression>();
  for (const st of body.statements) if (t.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name) && d.initializer) locals.set(d.name.text, d.initializer);
  const returned = body.statements.filter(t.isReturnStatement).map((r) => r.expression && skipOuter(t, r.expression));
  if (returned.length !== 1 || !returned[0]) return undefined;
  const value = t.isIdentifier(returned[0]) ? locals.get(returned[0].text) : returned[0];
  const created = value && clientOf(t, sf, value);
  if (!created) return undefined;
  const createCall = skipOuter(t, value!) as ts.CallExpression;
  if (containsNode(t, body, (x) => t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(x.left) && x.left.name.text === 'timeout')) return { ...created, timeout: 'present' };
  return { ...created, timeout: factoryConfigTimeout(t, fn, createCall.arguments[0], e) };
}

/** `x.defaults.timeout = …` (or `x.defaults.common.timeout`): the name `x`. */
function defaultsTimeoutTarget(t: TS, st: ts.Statement): string | undefined {
  if (!t.isExpressionStatement(st) || !t.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== t.SyntaxKind.EqualsToken) return undefined;
  const target = dottedName(t, st.expression.left);
  return (target && /^(\w+)\.defaults(?:\.common)?\.timeout$/.exec(target)?.[1]) ?? undefined;
}

// what a module that reads a CLS store says somewhere (the files worth summarising)
const MENTIONS_CLS_STORE = /\bClsServiceManager\b|\bcls(?:Service)?\s*\.\s*get\s*\(|\.getStore\s*\(\s*\)|\btxHost\s*\.\s*tx\b/;

/** Reads a CLS / AsyncLocalStorage store or a transaction host: nestjs-cls, `cls.get('tx')`, `als.getStore()`, `txHost.tx`. */
function readsClsStore(t: TS, body: ts.Node): boolean {
  const lastName = (e: ts.Expression): string | undefined => (t.isIdentifier(e) ? e.text : t.isPropertyAccessExpression(e) ? e.name.text : undefined);
  return containsNode(t, body, (x) => {
    if (t.isIdentifier(x)) return x.text === 'ClsServiceManager';
    if (t.isPropertyAccessExpression(x) && x.name.text === 'tx') return lastName(x.expression) === 'txHost';
    if (!t.isCallExpression(x) || !t.isPropertyAccessExpression(x.expression)) return false;
    const method = x.expression.name.text;
    if (method === 'getStore') return x.arguments.length === 0;
    const receiver = lastName(x.expression.expression);
    return method === 'get' && (receiver === 'cls' || receiver === 'clsService');
  });
}

/**
 * Exported functions (declarations, or `const` arrow and function expressions) and methods of exported classes
 * (`PrismaService.txClient`) whose body reads a CLS store.
 */
function summarizeAmbientClients(t: TS, sf: ts.SourceFile): string[] {
  if (!MENTIONS_CLS_STORE.test(sf.text)) return [];
  const out: string[] = [];
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.name && st.body && isExported(t, st) && readsClsStore(t, st.body)) out.push(st.name.text);
    else if (t.isClassDeclaration(st) && st.name && isExported(t, st)) {
      for (const m of st.members) {
        const name = m.name && t.isIdentifier(m.name) ? m.name.text : undefined;
        if (name && t.isMethodDeclaration(m) && m.body && readsClsStore(t, m.body)) out.push(`${st.name.text}.${name}`);
      }
    }
    else if (t.isVariableStatement(st) && isExported(t, st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && skipOuter(t, d.initializer);
        if (t.isIdentifier(d.name) && init && (t.isArrowFunction(init) || t.isFunctionExpression(init)) && readsClsStore(t, init.body)) out.push(d.name.text);
      }
    }
  }
  return out;
}

/** The file's summary, from its top-level statements. */
export function summarizeFile(t: TS, sf: ts.SourceFile, knowledge: Knowledge = defaultKnowledge, withWrites = true): FileSummary {
  const locals = new Map<string, ClientSummary>();
  const clients: Record<string, ClientSummary> = {};
  const defaultsTimeout = new Set<string>();
  for (const st of sf.statements) {
    if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!t.isIdentifier(d.name) || !d.initializer) continue;
        const c = clientOf(t, sf, d.initializer) ?? factoryClientOf(t, sf, d.initializer);
        if (!c) continue;
        locals.set(d.name.text, c);
      }
    } else if (t.isExpressionStatement(st)) {
      // api.defaults.timeout = 5000
      const target = defaultsTimeoutTarget(t, st);
      if (target) defaultsTimeout.add(target);
    }
    // export function configureHttp() { axios.defaults.timeout = 10_000; }
    if (t.isFunctionDeclaration(st) && st.body) {
      for (const inner of st.body.statements) {
        const target = defaultsTimeoutTarget(t, inner);
        if (target) defaultsTimeout.add(target);
      }
    }
  }
  const axiosImport = (name: string): boolean => {
    const b = fileImports(t, sf).bindings.get(name);
    return b?.module === 'axios' && (b.imported === 'default' || b.imported === '*');
  };
  for (const e of localExports(t, sf)) {
    const c = e.local !== undefined ? locals.get(e.local) : e.node && t.isExpression(e.node) ? clientOf(t, sf, skipOuter(t, e.node)) : undefined;
    if (c) clients[e.exported] = e.local !== undefined && defaultsTimeout.has(e.local) ? { ...c, timeout: 'present' } : c;
  }
  const reExports = fileImports(t, sf).reExports.filter((r) => !r.typeOnly).map((r) => ({ module: r.module, imported: r.imported, exported: r.exported }));
  const caught = summarizeCatch(t, sf);
  const summary: FileSummary = { clients, reExports, responders: summarizeResponders(t, sf), fetchWrappers: summarizeFetchWrappers(t, sf) };
  if (!isEmptyCatchSummary(caught)) summary.catch = caught;
  if ([...defaultsTimeout].some(axiosImport)) summary.axiosDefaultsTimeout = true;
  const ambient = summarizeAmbientClients(t, sf);
  if (ambient.length > 0) summary.ambientClients = ambient;
  // what exported functions write: only when a rule that asks runs (missing-transaction), it walks function bodies
  const writes = withWrites ? summarizeWrites(t, sf, knowledge) : undefined;
  if (writes) summary.writes = writes;
  return summary;
}

/** What an error class's chain says, as far as the project's files show it. */
export interface ErrorClassVerdict {
  /** The chain reaches a built-in error, a library error class or an error-like name. */
  isError: boolean;
  /** The nearest status the chain sets, or a client-error name (`NotFoundException`) on the way. */
  status?: 'client' | 'server';
}

/** Whether a condition a finding depends on holds, over the summaries of the whole project. */
export class ProjectModel {
  private readonly writes: WriteModel;
  /** Files read to find the callers of an exported function (cross-callers.ts), and the answers given. */
  private readonly callerFiles: CallerFileCache = { texts: new Map(), trees: new Map() };
  private readonly callersReady = new Map<string, boolean>();

  constructor(
    private readonly resolver: ModuleResolver,
    /** Summary of an absolute file path, or undefined when the file was not read. */
    private readonly summaryOf: (abs: string) => FileSummary | undefined,
    /** Whether the run read the file itself: its summary is known (empty or not) without reading it again. */
    private readonly readByRun: (abs: string) => boolean = () => false,
  ) {
    this.writes = new WriteModel(resolver, summaryOf, (fromFile, via) => !this.holds(fromFile, { fact: 'not-ambient-client', ...via }));
  }

  /**
   * What `pick` finds for the name `imported` exports from the module `specifier` resolves to from `fromFile`,
   * following re-exports (`export { x } from`, `export *`) to a bounded depth; `file` is where it was found.
   */
  exported<T>(fromFile: string, specifier: string, imported: string, pick: (s: FileSummary, name: string) => T | undefined, depth = 0): { value: T; file: string } | undefined {
    if (depth > 4) return undefined;
    const target = this.resolver.resolve(fromFile, specifier);
    if (!target) return undefined;
    const summary = this.summaryOf(target);
    if (!summary) return undefined;
    const own = pick(summary, imported);
    if (own !== undefined) return { value: own, file: target };
    for (const r of summary.reExports) {
      if (r.exported === imported) return this.exported(target, r.module, r.imported === '*' ? imported : r.imported, pick, depth + 1);
      if (r.exported === '*' && imported !== 'default') {
        const found = this.exported(target, r.module, imported, pick, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The client instance `imported` names in the module `specifier` resolves to from `fromFile`, following re-exports. */
  clientExport(fromFile: string, specifier: string, imported: string): ClientSummary | undefined {
    return this.exported(fromFile, specifier, imported, (s, name) => s.clients[name])?.value;
  }

  /** The error class `imported` names in `specifier` (from `fromFile`): whether its chain is an error's, and its status. */
  errorClass(fromFile: string, specifier: string, imported: string, depth = 0): ErrorClassVerdict | undefined {
    const found = this.exported(fromFile, specifier, imported, (s, name) => {
      const local = s.catch?.classExports[name];
      return local !== undefined ? { summary: s.catch!, local } : undefined;
    });
    if (!found) return undefined;
    const { summary, local } = found.value;
    let status: ErrorClassVerdict['status'];
    // up the chain inside the file, then into the parent's file
    for (let name: string | undefined = local, steps = 0; name !== undefined && steps < 10; steps++) {
      const cls: CatchSummary['classes'][string] | undefined = summary.classes[name];
      if (!cls) return undefined;
      status ??= cls.status ?? (isClientErrorName(cls.parent) ? 'client' : undefined);
      if (cls.parentFrom && depth < 4) {
        const up = this.errorClass(found.file, cls.parentFrom.module, cls.parentFrom.imported, depth + 1);
        if (up) return { isError: up.isError, status: status ?? up.status };
        return { isError: isErrorParentName(cls.parent), status };
      }
      if (!summary.classes[cls.parent]) return { isError: isErrorParentName(cls.parent), status };
      name = cls.parent;
    }
    return undefined;
  }

  /** The exported logger instance or error-recording function `imported` names in `specifier`. */
  private recorder(fromFile: string, specifier: string, imported: string, kind: 'logger' | 'reporter'): boolean {
    return this.exported(fromFile, specifier, imported, (s, name) => (kind === 'logger' ? s.catch?.loggers[name] : s.catch?.reporters[name])) !== undefined;
  }

  private readonly defaultsSetters = new Map<string, string[]>();

  /**
   * A module of `fromFile`'s package (not a test) sets axios's default timeout. The package's files are listed
   * once; a file the run read answers from its summary, and of the others only those whose text assigns
   * `axios.defaults.timeout` are summarised (read from disk, and re-read when they change); a file added later
   * is seen by the next run.
   */
  private axiosDefaultsTimeout(fromFile: string): boolean {
    const { dir, files } = this.resolver.packageSources(fromFile);
    let setters = this.defaultsSetters.get(dir);
    if (!setters) {
      setters = files.filter((f) => {
        if (isTestPath(path.relative(dir, f).split(path.sep).join('/'))) return false;
        if (this.readByRun(f)) return this.summaryOf(f)?.axiosDefaultsTimeout === true;
        const read = readSource(f, f);
        return 'text' in read && SETS_AXIOS_DEFAULT.test(read.text);
      });
      this.defaultsSetters.set(dir, setters);
    }
    return setters.some((f) => this.summaryOf(f)?.axiosDefaultsTimeout === true);
  }

  /** True when the finding that depends on `condition` (made in `fromFile`, absolute) stands. */
  holds(fromFile: string, condition: ModelCondition): boolean {
    switch (condition.fact) {
      case 'client-without-timeout':
        return this.clientExport(fromFile, condition.module, condition.imported)?.timeout === 'missing';
      case 'fetch-wrapper-without-timeout':
        return this.exported(fromFile, condition.module, condition.imported, (s, name) => (s.fetchWrappers?.includes(name) ? true : undefined))?.value === true;
      case 'sends-error-to-response':
        return this.exported(fromFile, condition.module, condition.imported, (s, name) => s.responders?.[name])?.value.param === condition.argument;
      case 'logger':
        return this.recorder(fromFile, condition.module, condition.imported, 'logger');
      case 'error-reporter':
        return this.recorder(fromFile, condition.module, condition.imported, 'reporter');
      case 'message-first-logger':
        return this.exported(fromFile, condition.module, condition.imported, (s, name) => s.catch?.loggers[name])?.value !== 'object-first';
      case 'error-class': {
        const c = this.errorClass(fromFile, condition.module, condition.imported);
        return c?.isError === true && !(condition.notClient && c.status === 'client');
      }
      case 'not-client-error':
        return this.errorClass(fromFile, condition.module, condition.imported)?.status !== 'client';
      case 'writes-outside-transaction':
        return this.writes.holds(fromFile, condition);
      case 'axios-defaults-without-timeout':
        return !this.axiosDefaultsTimeout(fromFile);
      case 'not':
        return !this.holds(fromFile, condition.condition);
      case 'callers-ready-for-throw':
      {
        const key = JSON.stringify([fromFile, condition.name, condition.member, condition.async, condition.usesValue]);
        let ready = this.callersReady.get(key);
        if (ready === undefined) this.callersReady.set(key, (ready = callersReadyForThrow(crossFileUses(this.resolver, fromFile, condition, this.callerFiles), condition.usesValue)));
        return ready;
      }
      case 'not-ambient-client':
        return this.exported(fromFile, condition.module, condition.imported, (s, name) => (s.ambientClients?.includes(condition.member ? `${name}.${condition.member}` : name) ? true : undefined)) === undefined;
      default:
        return false;
    }
  }
}

// what a module that sets axios's default timeout says somewhere (the files worth summarising)
const SETS_AXIOS_DEFAULT = /\bdefaults(?:\.common)?\.timeout\s*=(?!=)/;
const isTestPath = globMatcher(defaultFilePatterns.tests, { dot: true });

const onDisk = new Map<string, { mtimeMs: number; size: number; summary: FileSummary | undefined }>();

/**
 * The summary of a file that was not audited in this run (an import of `errlint audit src/a.ts`, a file the
 * editor has not opened): read and parsed once, cached until its modification time or size changes.
 */
export function summaryOnDisk(abs: string): FileSummary | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return undefined; // gone: nothing it exports
  }
  const hit = onDisk.get(abs);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.summary;
  const read = readSource(abs, abs);
  const summary = 'text' in read ? summarizeFile(compiler, parseSource(read.text, abs)) : undefined;
  onDisk.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
  return summary;
}
