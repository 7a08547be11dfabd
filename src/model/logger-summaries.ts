/**
 * The catch rules' part of a file's summary (see summaries.ts): the loggers and error monitors a module exports,
 * the functions it exports that record the error they receive (`export function logError(e) { logger.error(e) }`,
 * a `captureException` wrapper), and the error classes it declares with their parent (possibly imported) and
 * whether their status says "the client's fault". Read from the top-level statements and the bodies of the
 * file's top-level functions, from the tree the rules' traversal already parsed.
 */
import type * as ts from 'typescript';
import { dottedName, isDefaultExport as isDefault, isExported, isFunctionLike, skipOuter } from '../analysis/ast.js';
import { BUILT_IN_ERRORS, CLIENT_ERROR_CLASS, CLIENT_STATUS_NAMES, isErrorLikeName, isErrorParameter } from '../analysis/error-classes.js';
import { classifyLogCall, createsLogger, errorUse } from '../analysis/loggers.js';
import { localExports } from '../analysis/exports.js';
import { importsOf, type ImportMap } from '../analysis/scope.js';
import { defaultKnowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';

/** An error class of the file, by its local name. */
export interface ErrorClassSummary {
  /** The `extends` name as written (`AppError`, `HttpException`). */
  parent: string;
  /** Where the parent comes from when it is imported: the specifier and the name it exports. */
  parentFrom?: { module: string; imported: string };
  /** What the class's own status says: a 4xx (`client`), a 5xx (`server`); absent when it sets none. */
  status?: 'client' | 'server';
}

export interface CatchSummary {
  /**
   * Exported name → a logger instance (`pino()`, `new Logger()`, `.child()`) or an error monitor it exports;
   * `object-first` for a pino or bunyan logger, which takes the error in an object before the message
   * (`logger.error({ err }, 'msg')`), where a console-style `logger.error('msg', err)` loses it.
   */
  loggers: Record<string, 'logger' | 'object-first'>;
  /** Exported name → a function that logs or reports its `param`-th argument (a logger or monitor call receives it). */
  reporters: Record<string, { params: number[] }>;
  /** Local class name → what it extends, for every top-level class that extends something. */
  classes: Record<string, ErrorClassSummary>;
  /** Exported name → local class name. */
  classExports: Record<string, string>;
}

/** 404, `HttpStatus.NOT_FOUND`, `'UNAUTHORIZED'`: which side of the HTTP contract a status names. */
function statusOf(t: TS, e: ts.Expression | undefined): ErrorClassSummary['status'] {
  if (!e) return undefined;
  const x = skipOuter(t, e);
  if (t.isNumericLiteral(x)) {
    const n = Number(x.text);
    return n >= 400 && n < 500 ? 'client' : n >= 500 && n < 600 ? 'server' : undefined;
  }
  const name = t.isPropertyAccessExpression(x) ? x.name.text : t.isStringLiteralLike(x) ? x.text : undefined;
  if (name && CLIENT_STATUS_NAMES.test(name)) return 'client';
  if (name && /^(?:INTERNAL_SERVER_ERROR|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|NOT_IMPLEMENTED)$/.test(name)) return 'server';
  return undefined;
}

const STATUS_KEY = /^(?:status|statusCode|httpStatus|httpCode|code)$/;

/** A class's own status: `status = 404`, `this.statusCode = 401`, `super(msg, 404)`, `super({ status: 403 })`. */
function classStatus(t: TS, node: ts.ClassDeclaration): ErrorClassSummary['status'] {
  let found: ErrorClassSummary['status'];
  const fromObject = (o: ts.Expression): void => {
    const x = skipOuter(t, o);
    if (!t.isObjectLiteralExpression(x)) return;
    for (const p of x.properties) if (t.isPropertyAssignment(p) && t.isIdentifier(p.name) && STATUS_KEY.test(p.name.text)) found ??= statusOf(t, p.initializer);
  };
  for (const m of node.members) {
    if (t.isPropertyDeclaration(m) && t.isIdentifier(m.name) && STATUS_KEY.test(m.name.text)) found ??= statusOf(t, m.initializer);
    if (!t.isConstructorDeclaration(m) || !m.body) continue;
    const visit = (n: ts.Node): void => {
      if (found || isFunctionLike(t, n)) return;
      if (t.isCallExpression(n) && n.expression.kind === t.SyntaxKind.SuperKeyword) {
        n.arguments.forEach((a) => {
          found ??= statusOf(t, a);
          fromObject(a);
        });
      }
      if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.expression.kind === t.SyntaxKind.ThisKeyword && STATUS_KEY.test(n.left.name.text)) {
        found ??= statusOf(t, n.right);
      }
      t.forEachChild(n, visit);
    };
    t.forEachChild(m.body, visit);
  }
  return found;
}

function heritage(t: TS, node: ts.ClassDeclaration): ts.Expression | undefined {
  return node.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** The top-level function a statement declares: `function f() {}`, `const f = () => {}`, `const f = function () {}`. */
function functionsOf(t: TS, st: ts.Statement): [string, FunctionNode][] {
  if (t.isFunctionDeclaration(st) && st.name && st.body) return [[st.name.text, st]];
  if (!t.isVariableStatement(st)) return [];
  const out: [string, FunctionNode][] = [];
  for (const d of st.declarationList.declarations) {
    const init = d.initializer ? skipOuter(t, d.initializer) : undefined;
    if (t.isIdentifier(d.name) && init && (t.isArrowFunction(init) || t.isFunctionExpression(init))) out.push([d.name.text, init]);
  }
  return out;
}


/**
 * The parameters whose value a function hands to a logger or error monitor (`logger.error({ err })`,
 * `Sentry.captureException(e)`), or to another function of the file already known to record it. Console output
 * is not a record, so a wrapper around `console.error` records nothing.
 */
function recordedParams(t: TS, fn: FunctionNode, imports: ImportMap, local: ReadonlyMap<string, number[]>): number[] {
  // only a parameter that holds an error: `err: unknown`, `error: Error`, `cause` — not `params` whose fields a log line shows
  const names = fn.parameters.map((p) => (t.isIdentifier(p.name) && isErrorParameter(t, p) ? p.name.text : undefined));
  // most functions take no error: their bodies are not walked at all
  if (names.every((n) => n === undefined)) return [];
  const found = new Set<number>();
  const passed = (args: readonly ts.Expression[], only?: readonly number[]): void => {
    args.forEach((a, i) => {
      if (only && !only.includes(i)) return;
      // logger.error({ err: e }, msg) / captureException(e) / logger.error(e) — the value, not just its message
      for (let p = 0; p < names.length; p++) {
        const name = names[p];
        if (name && errorUse(t, a, (x) => t.isIdentifier(x) && x.text === name) === 'value') found.add(p);
      }
    });
  };
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n)) {
      const log = classifyLogCall(t, n, defaultKnowledge, imports);
      if (log && log.kind !== 'console') passed(n.arguments);
      else if (!log) {
        const callee = skipOuter(t, n.expression);
        const inner = t.isIdentifier(callee) ? local.get(callee.text) : undefined;
        if (inner) passed(n.arguments, inner);
      }
    }
    t.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return [...found].sort((a, b) => a - b);
}

/** The catch rules' summary of a file, from its top-level statements. */
export function summarizeCatch(t: TS, sf: ts.SourceFile): CatchSummary {
  const imports = importsOf(t, sf);
  const summary: CatchSummary = { loggers: {}, reporters: {}, classes: {}, classExports: {} };
  const loggerLocals = new Map<string, 'logger' | 'object-first'>();
  // pino() / bunyan.createLogger() / base.child({ module: 'x' }) of such a logger
  const kindOf = (init: ts.Expression): 'logger' | 'object-first' => {
    let e = skipOuter(t, init);
    while (t.isCallExpression(e) || t.isPropertyAccessExpression(e)) e = skipOuter(t, e.expression);
    if (!t.isIdentifier(e)) return 'logger';
    const module = imports.get(e.text)?.module;
    if (module !== undefined) return /^(?:pino|bunyan)$|^pino-/.test(module) ? 'object-first' : 'logger';
    return loggerLocals.get(e.text) ?? 'logger';
  };
  const functions: [string, FunctionNode, boolean][] = [];
  for (const st of sf.statements) {
    if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!t.isIdentifier(d.name) || !d.initializer) continue;
        if (createsLogger(t, d.initializer, defaultKnowledge, imports, 0)) loggerLocals.set(d.name.text, kindOf(d.initializer));
      }
    } else if (t.isClassDeclaration(st) && st.name) {
      const ext = heritage(t, st);
      const parent = ext ? dottedName(t, ext) : undefined;
      if (parent) {
        const root = parent.split('.')[0]!;
        const b = imports.get(root);
        const entry: ErrorClassSummary = { parent: parent.split('.').pop()! };
        // import { AppError } from './errors' / import * as errors from './errors'; extends errors.AppError
        if (b && b.module) entry.parentFrom = { module: b.module, imported: b.imported === '*' ? parent.split('.').pop()! : b.imported };
        const status = classStatus(t, st);
        if (status) entry.status = status;
        summary.classes[st.name.text] = entry;
      }
    }
    for (const [name, fn] of functionsOf(t, st)) functions.push([name, fn, isExported(t, st) && !(t.isFunctionDeclaration(st) && isDefault(t, st))]);
  }
  // two rounds: a wrapper may call another function of the file that records (logError → report → Sentry)
  const recording = new Map<string, number[]>();
  for (let round = 0; round < 2 && (round === 0 || recording.size > 0); round++) {
    for (const [name, fn] of functions) {
      const params = recordedParams(t, fn, imports, recording);
      if (params.length > 0) recording.set(name, params);
    }
  }
  for (const [name, , exported] of functions) {
    const params = recording.get(name);
    if (exported && params) summary.reporters[name] = { params };
  }
  for (const { local, exported } of localExports(t, sf)) {
    if (local === undefined) continue;
    const kind = loggerLocals.get(local);
    if (kind) summary.loggers[exported] = kind;
    const params = recording.get(local);
    if (params) summary.reporters[exported] = { params };
    if (summary.classes[local]) summary.classExports[exported] = local;
  }
  return summary;
}

/** Whether the catch summary says nothing (most files). */
export function isEmptyCatchSummary(s: CatchSummary): boolean {
  return Object.keys(s.loggers).length === 0 && Object.keys(s.reporters).length === 0 && Object.keys(s.classes).length === 0;
}

/** A parent that is an error by itself: a built-in, a library error class (`HttpException`, `TRPCError`), an error-like name. */
export function isErrorParentName(name: string): boolean {
  return BUILT_IN_ERRORS.has(name) || isErrorLikeName(name);
}

/** A class name that says "the client's fault" (`NotFoundException`, `ValidationError`). */
export function isClientErrorName(name: string): boolean {
  return CLIENT_ERROR_CLASS.test(name);
}
