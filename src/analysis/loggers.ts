/**
 * Recognises logging and error-monitoring calls, and what part of an error a call receives. Shared by the
 * catch-family rules (swallowed-catch, console-logging, lost-error-context) and the boundary rules.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import { CAPTURE_METHODS, CONSOLE_METHODS, CONSOLE_ROOTS, LEVEL_ARGUMENT, LOG_HELPER_NAME, LOGGER_FACTORIES, LOGGER_FILE, LOGGER_NAME, LOGGER_TYPE, MONITOR_METHODS, STRINGIFY_FUNCTIONS, type LoggerFlavour } from '../knowledge/loggers.js';
import type { ImportSpec } from '../edits/index.js';
import type { ModelCondition } from '../types.js';
import type { TS } from '../ts.js';
import { dottedName, enclosingClass, skipOuter } from './ast.js';
import { fileHeaderComments } from './comments.js';
import { isErrorVariableName } from './error-classes.js';
import { fileScope, resolveName, type ImportBinding, type ImportMap } from './scope.js';
import { nameWords } from '../knowledge/words.js';

export type LogCallKind = 'console' | 'logger' | 'monitor';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug';

/** A call that prints, logs or reports to an error monitor. */
export interface LogCall {
  kind: LogCallKind;
  /** The called method or function name (`error`, `captureException`). */
  method: string;
  level: LogLevel;
  /** Dotted text of the receiver (`this.logger`, `console`), if there is one. */
  receiver?: string;
}

/** How much of a caught error an expression carries: the error object, only its message/text, or nothing. */
export type ErrorUse = 'value' | 'message' | 'none';

/**
 * Decides whether an expression is a reference to the caught error. `true` (or `'value'`) for the error
 * object or an alias of it, `'message'` for a name holding only its text (`const msg = e.message`).
 */
export type ErrorRefTest = (node: ts.Expression) => boolean | ErrorUse;

/** `./lib/log`, `@/logger`, `./app-logger`, `./utils/requestLogger/index`: never `./blogger`. */
function isLocalLoggerModule(module: string): boolean {
  return LOGGER_FILE.test(module) || module.split('/').some((segment) => nameWords(segment).some((w) => w === 'logger' || w === 'loggers'));
}

function levelOf(method: string): LogLevel {
  if (/^(fatal|crit|critical|alert|emerg|emergency)$/i.test(method)) return 'fatal';
  if (/^(error|exception|captureException|captureError|noticeError|recordException|trackException|notify|report)$/i.test(method)) return 'error';
  if (/^(warn|warning)$/i.test(method)) return 'warn';
  if (/^(debug|trace|verbose|silly|dir|table)$/i.test(method)) return 'debug';
  return 'info';
}

function isLoggerModule(module: string, knowledge: Knowledge): boolean {
  if (knowledge.loggers.modules.includes(module)) return true;
  if (knowledge.loggers.logger && knowledge.loggers.logger.importPath === module) return true;
  return (module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('src/')) && isLocalLoggerModule(module);
}

function isMonitorBinding(b: ImportBinding | undefined, knowledge: Knowledge): boolean {
  return b !== undefined && knowledge.loggers.monitorModules.some((m) => b.module === m || b.module.startsWith(m + '/'));
}

const declCache = new WeakMap<ts.SourceFile, Map<string, ts.Expression | ts.TypeNode>>();

/** Every `const x = …` initializer and `x: Type` parameter/property type of the file, first one per name. */
function declarations(t: TS, sf: ts.SourceFile): Map<string, ts.Expression | ts.TypeNode> {
  let map = declCache.get(sf);
  if (map) return map;
  const out = new Map<string, ts.Expression | ts.TypeNode>();
  const visit = (n: ts.Node): void => {
    if ((t.isVariableDeclaration(n) || t.isPropertyDeclaration(n) || t.isParameter(n)) && (t.isIdentifier(n.name) || t.isPrivateIdentifier(n.name))) {
      const key = n.name.text;
      const value = n.initializer ?? n.type;
      if (value && !out.has(key)) out.set(key, value);
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  declCache.set(sf, (map = out));
  return map;
}

/** `pino()`, `winston.createLogger()`, `new Logger(Name)`, `parent.child({...})`. */
export function createsLogger(t: TS, expr: ts.Expression, knowledge: Knowledge, imports: ImportMap, depth: number): boolean {
  const e = skipOuter(t, expr);
  if (t.isNewExpression(e)) {
    const name = dottedName(t, e.expression);
    return name !== undefined && /(^|\.)Logger$/.test(name);
  }
  if (!t.isCallExpression(e)) return false;
  const name = dottedName(t, e.expression);
  if (name && LOGGER_FACTORIES.test(name)) return true;
  if (name && t.isIdentifier(e.expression)) {
    const b = imports.get(name);
    if (b && isLoggerModule(b.module, knowledge)) return true;
  }
  const callee = skipOuter(t, e.expression);
  if (t.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (method === 'child' || method === 'getLogger' || method === 'createLogger' || method === 'withTag') return true;
    if (method === 'get' || method === 'scope') return isLoggerExpression(t, callee.expression, knowledge, imports, depth + 1);
  }
  return false;
}

/**
 * Whether `expr` denotes a structured logger: a known receiver name or dotted path (`logger`, `this.logger`,
 * `req.log`), a binding imported from a logger module, a variable or class member created by a logger factory
 * (`pino()`, `new Logger(X.name)`, `.child()`) or typed as a logger.
 */
export function isLoggerExpression(t: TS, expr: ts.Expression, knowledge: Knowledge, imports: ImportMap, depth = 0): boolean {
  if (depth > 4) return false;
  const e = skipOuter(t, expr);
  if (t.isCallExpression(e) || t.isNewExpression(e)) return createsLogger(t, e, knowledge, imports, depth);
  const name = dottedName(t, e);
  if (!name) return false;
  if (CONSOLE_ROOTS.has(name)) return false;
  if (knowledge.loggers.receiverNames.includes(name)) return true;
  if (knowledge.loggers.logger && name === knowledge.loggers.logger.binding) return true;
  const parts = name.split('.');
  const last = parts[parts.length - 1]!;
  if (LOGGER_NAME.test(last)) return true;
  const root = parts[0]!;
  if (parts.length === 1) {
    const b = imports.get(root);
    if (b) return isLoggerModule(b.module, knowledge) && !isMonitorBinding(b, knowledge);
  }
  // const audit = pino() / this.audit = new Logger(...) / constructor(private readonly audit: PinoLogger)
  const declared = parts.length === 1 || (parts.length === 2 && root === 'this') ? declarations(t, e.getSourceFile()).get(last) : undefined;
  if (declared) {
    if (t.isTypeNode(declared)) {
      const typeName = t.isTypeReferenceNode(declared) ? dottedName(t, declared.typeName as ts.Expression) : undefined;
      return typeName !== undefined && LOGGER_TYPE.test(typeName);
    }
    if (declared !== e) return createsLogger(t, declared, knowledge, imports, depth);
  }
  return false;
}

/**
 * Classifies a call as console output, a structured logger call or an error-monitor report; `undefined` for
 * any other call. `logger.child()` is not a log call (it makes a logger).
 */
export function classifyLogCall(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): LogCall | undefined {
  // most calls are not log calls: decide that from the called name alone, before building any dotted path
  const callee = skipOuter(t, call.expression);
  if (t.isIdentifier(callee)) {
    if (!tablesOf(knowledge).monitorCalls.has(callee.text) && !imports.has(callee.text)) return undefined;
  } else if (t.isPropertyAccessExpression(callee)) {
    if (!tablesOf(knowledge).logMethods.has(callee.name.text)) return undefined;
  } else if (!t.isElementAccessExpression(callee)) {
    return undefined;
  }
  // several rules ask about the same call: answer once per call and knowledge
  let byCall = logCallCache.get(knowledge);
  if (!byCall) logCallCache.set(knowledge, (byCall = new WeakMap()));
  const known = byCall.get(call);
  if (known !== undefined) return known ?? undefined;
  // `{ expression, arguments: [] }` stand-ins for `.catch(console.error)` are not nodes of the tree
  const answer = computeLogCall(t, call, knowledge, imports);
  if (call.parent) byCall.set(call, answer ?? null);
  return answer;
}

const logCallCache = new WeakMap<Knowledge, WeakMap<ts.CallExpression, LogCall | null>>();

interface LoggerTables {
  monitorCalls: ReadonlySet<string>;
  /** Dotted monitor calls (`Sentry.captureException`), matched as a suffix of a longer receiver path. */
  dottedMonitorCalls: ReadonlySet<string>;
  methods: ReadonlySet<string>;
  /** Every method name a log, console or monitor call can end with. */
  logMethods: ReadonlySet<string>;
}

const tablesCache = new WeakMap<Knowledge, LoggerTables>();

function tablesOf(knowledge: Knowledge): LoggerTables {
  let tables = tablesCache.get(knowledge);
  if (!tables) {
    const l = knowledge.loggers;
    const logMethods = new Set([...CONSOLE_METHODS, 'write', ...l.methods, ...MONITOR_METHODS, ...CAPTURE_METHODS, ...l.monitorCalls.map((m) => m.split('.').pop()!)]);
    tables = { monitorCalls: new Set(l.monitorCalls), dottedMonitorCalls: new Set(l.monitorCalls.filter((m) => m.includes('.'))), methods: new Set(l.methods), logMethods };
    tablesCache.set(knowledge, tables);
  }
  return tables;
}

/** `app.Sentry.captureException` ends with the dotted monitor call `Sentry.captureException`. */
function endsWithMonitorCall(full: string, dotted: ReadonlySet<string>): boolean {
  for (let i = full.indexOf('.'); i >= 0; i = full.indexOf('.', i + 1)) if (dotted.has(full.slice(i + 1))) return true;
  return false;
}

function computeLogCall(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): LogCall | undefined {
  const tables = tablesOf(knowledge);
  const callee = skipOuter(t, call.expression);
  const full = dottedName(t, callee);
  if (full && tables.monitorCalls.has(full)) {
    const method = full.split('.').pop()!;
    return { kind: 'monitor', method, level: levelOf(method), receiver: full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : undefined };
  }
  if (t.isIdentifier(callee)) {
    const b = imports.get(callee.text);
    // import { captureException } from '@sentry/node'
    if (isMonitorBinding(b, knowledge) && MONITOR_METHODS.has(b!.imported === 'default' || b!.imported === '*' ? callee.text : b!.imported)) {
      return { kind: 'monitor', method: callee.text, level: 'error' };
    }
    return undefined;
  }
  if (!t.isPropertyAccessExpression(callee) && !t.isElementAccessExpression(callee)) return undefined;
  const method = t.isPropertyAccessExpression(callee)
    ? callee.name.text
    : t.isStringLiteralLike(callee.argumentExpression)
      ? callee.argumentExpression.text
      : undefined;
  if (!method) return undefined;
  const receiverNode = callee.expression;
  const receiver = dottedName(t, receiverNode);
  if (receiver && CONSOLE_ROOTS.has(receiver)) {
    if (receiver.startsWith('process.')) return method === 'write' ? { kind: 'console', method, level: receiver === 'process.stderr' ? 'error' : 'info', receiver } : undefined;
    return CONSOLE_METHODS.has(method) ? { kind: 'console', method, level: levelOf(method), receiver } : undefined;
  }
  if (receiver) {
    if (full && endsWithMonitorCall(full, tables.dottedMonitorCalls)) {
      return { kind: 'monitor', method, level: levelOf(method), receiver };
    }
    // import * as Sentry from '@sentry/node'; Sentry.captureException(e)
    if (MONITOR_METHODS.has(method) && isMonitorBinding(imports.get(receiver.split('.')[0]!), knowledge)) {
      return { kind: 'monitor', method, level: levelOf(method), receiver };
    }
    if (CAPTURE_METHODS.has(method)) {
      return { kind: 'monitor', method, level: 'error', receiver };
    }
  }
  if (method === 'child' || !tables.methods.has(method)) return undefined;
  // getState().log('error', e.message) / this.ctx.log('warn', …): a project logging API that takes the level first
  const levelArg = method === 'log' ? call.arguments[0] : undefined;
  const levelText = levelArg && t.isStringLiteralLike(skipOuter(t, levelArg)) ? (skipOuter(t, levelArg) as ts.StringLiteralLike).text : undefined;
  if (levelText && LEVEL_ARGUMENT.test(levelText) && call.arguments.length > 1) {
    return { kind: 'logger', method, level: levelOf(levelText), receiver: receiver ?? receiverNode.getText().replace(/\s+/g, '') };
  }
  if (!isLoggerExpression(t, receiverNode, knowledge, imports)) return undefined;
  return { kind: 'logger', method, level: levelOf(method), receiver };
}

/** A binding imported from another module that may be a logger or an error-recording function: the project model decides. */
export interface ModelLogger {
  /** The local name (`audit` of `audit.error(…)`, `logError` of `logError(…)`). */
  local: string;
  module: string;
  imported: string;
  /** `logger`: an instance called through its level methods; `reporter`: a function called with the error. */
  as: 'logger' | 'reporter';
}

/**
 * The imported binding a call goes through when errlint cannot tell from this file whether it logs: `audit.error(…)`
 * with `audit` imported from a module not named like a logger, `logError(…)` imported from `./utils`. The finding
 * such a call leads to depends on what the other module exports (`logger` / `error-reporter` model facts).
 */
export function modelLoggerOf(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): ModelLogger | undefined {
  const callee = skipOuter(t, call.expression);
  let local: string | undefined;
  let as: ModelLogger['as'];
  if (t.isIdentifier(callee)) {
    local = callee.text;
    as = 'reporter';
  } else if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && tablesOf(knowledge).methods.has(callee.name.text) && callee.name.text !== 'child') {
    local = callee.expression.text;
    as = 'logger';
  } else {
    return undefined;
  }
  const b = imports.get(local);
  if (!b || b.imported === '*' || b.module.startsWith('node:') || isMonitorBinding(b, knowledge) || knowledge.loggers.modules.includes(b.module)) return undefined;
  return { local, module: b.module, imported: b.imported, as };
}

/** The log call `call` is if `assumed` is what the model says (a logger's level method, a reporter at error level). */
export function assumedLogCall(t: TS, call: ts.CallExpression, assumed: ModelLogger): LogCall | undefined {
  const callee = skipOuter(t, call.expression);
  if (assumed.as === 'reporter') return t.isIdentifier(callee) && callee.text === assumed.local ? { kind: 'logger', method: assumed.local, level: 'error' } : undefined;
  if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression) || callee.expression.text !== assumed.local) return undefined;
  return { kind: 'logger', method: callee.name.text, level: levelOf(callee.name.text), receiver: assumed.local };
}

function maxUse(a: ErrorUse, b: ErrorUse): ErrorUse {
  if (a === 'value' || b === 'value') return 'value';
  if (a === 'message' || b === 'message') return 'message';
  return 'none';
}

function refUse(test: ErrorRefTest, node: ts.Expression): ErrorUse {
  const r = test(node);
  return r === true ? 'value' : r === false ? 'none' : r;
}

const BUILT_IN_ERROR_NAMES = /^(Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError)$/;

/**
 * How much of the caught error `expr` carries. `e`, `{ err: e }`, `[e]`, `{ ...e }`, `e.stack`,
 * `new Error('x', { cause: e })`, `serializeError(e)` carry the value; `e.message`, `String(e)`,
 * `` `${e}` ``, `'x' + e`, `getErrorMessage(e)` carry only the text.
 */
/** `err.stack` (or `err?.stack`) of the caught error itself. */
function isStackRead(t: TS, expr: ts.Expression, isErrorRef: ErrorRefTest): boolean {
  const e = skipOuter(t, expr);
  return t.isPropertyAccessExpression(e) && e.name.text === 'stack' && refUse(isErrorRef, skipOuter(t, e.expression)) === 'value';
}

export function errorUse(t: TS, expr: ts.Expression, isErrorRef: ErrorRefTest): ErrorUse {
  const e = skipOuter(t, expr);
  const direct = refUse(isErrorRef, e);
  if (direct !== 'none') return direct;
  if (t.isIdentifier(e) || t.isLiteralExpression(e) || t.isNoSubstitutionTemplateLiteral(e)) return 'none';
  if (t.isPropertyAccessExpression(e) || t.isElementAccessExpression(e)) {
    const base = errorUse(t, e.expression, isErrorRef);
    if (base === 'none') return 'none';
    const name = t.isPropertyAccessExpression(e) ? e.name.text : undefined;
    return base === 'value' && (name === 'stack' || name === 'cause') ? 'value' : 'message';
  }
  if (t.isCallExpression(e)) {
    const callee = skipOuter(t, e.expression);
    // e.toString(), e.message.slice(0, 100)
    if (t.isPropertyAccessExpression(callee)) {
      const onError = errorUse(t, callee.expression, isErrorRef);
      if (onError !== 'none') return 'message';
    }
    let use: ErrorUse = 'none';
    for (const arg of e.arguments) use = maxUse(use, errorUse(t, arg, isErrorRef));
    const name = dottedName(t, callee);
    return use === 'value' && name !== undefined && STRINGIFY_FUNCTIONS.test(name) ? 'message' : use;
  }
  if (t.isNewExpression(e)) {
    // new Error(e) keeps only String(e); the error travels in the options: new Error('x', { cause: e })
    const builtIn = t.isIdentifier(e.expression) && BUILT_IN_ERROR_NAMES.test(e.expression.text);
    let use: ErrorUse = 'none';
    (e.arguments ?? []).forEach((arg, i) => {
      const u = errorUse(t, arg, isErrorRef);
      use = maxUse(use, builtIn && u === 'value' && i === 0 && !t.isObjectLiteralExpression(skipOuter(t, arg)) && e.expression.getText() !== 'AggregateError' ? 'message' : u);
    });
    return use;
  }
  // `${err.stack}` keeps the type, message and trace in the text: as good as the object in a log line
  if (t.isTemplateExpression(e)) {
    if (e.templateSpans.some((s) => isStackRead(t, s.expression, isErrorRef))) return 'value';
    return e.templateSpans.some((s) => errorUse(t, s.expression, isErrorRef) !== 'none') ? 'message' : 'none';
  }
  if (t.isBinaryExpression(e)) {
    const use = maxUse(errorUse(t, e.left, isErrorRef), errorUse(t, e.right, isErrorRef));
    if (e.operatorToken.kind !== t.SyntaxKind.PlusToken || use !== 'value') return use;
    return isStackRead(t, e.left, isErrorRef) || isStackRead(t, e.right, isErrorRef) ? 'value' : 'message';
  }
  if (t.isConditionalExpression(e)) return maxUse(errorUse(t, e.whenTrue, isErrorRef), errorUse(t, e.whenFalse, isErrorRef));
  if (t.isAwaitExpression(e) || t.isSpreadElement(e)) return errorUse(t, e.expression, isErrorRef);
  if (t.isArrayLiteralExpression(e)) {
    let use: ErrorUse = 'none';
    for (const el of e.elements) use = maxUse(use, errorUse(t, el, isErrorRef));
    return use;
  }
  if (t.isObjectLiteralExpression(e)) {
    let use: ErrorUse = 'none';
    for (const p of e.properties) {
      if (t.isPropertyAssignment(p)) use = maxUse(use, errorUse(t, p.initializer, isErrorRef));
      else if (t.isShorthandPropertyAssignment(p)) use = maxUse(use, refUse(isErrorRef, p.name));
      else if (t.isSpreadAssignment(p)) use = maxUse(use, errorUse(t, p.expression, isErrorRef));
    }
    return use;
  }
  return 'none';
}

/** Where a logging function takes the error, learned from how the file already calls it. */
export type ErrorArgument = 'only' | 'after-message' | 'before-message';

/** A logger a suggestion may call at `node`: its source text and how it takes an error. */
export interface LoggerInScope {
  /** Text to call: methods on an object (`logger`, `this.logger`) or the function itself (`logError`). */
  text: string;
  /** `object`: a logger with level methods (`logger.error(…)`); `function`: a logging function (`logError(err)`). */
  shape: 'object' | 'function';
  flavour: LoggerFlavour;
  /** For a logging function: where the error goes (`logError(err)`, `logError(msg, err)`, `logError(err, msg)`). */
  errorArgument?: ErrorArgument;
  /** An import to add when the logger is the configured one and not yet imported. */
  import?: ImportSpec;
  /** Imported from a module of the project whose logger library this file does not show (`import { logger } from './log'`). */
  from?: { module: string; imported: string };
}

/**
 * The condition a console-order call (`logger.error('msg', err)`) of `logger` needs: a logger imported from the
 * project must not be a pino or bunyan logger, which would take the error as a format argument and drop it.
 */
export function messageFirstCondition(logger: LoggerInScope): ModelCondition | undefined {
  return logger.from && logger.shape === 'object' ? { fact: 'message-first-logger', module: logger.from.module, imported: logger.from.imported } : undefined;
}

function flavourOfModule(module: string): LoggerFlavour {
  if (module === 'pino' || module.startsWith('pino')) return 'pino';
  if (module === 'winston') return 'winston';
  if (module === 'bunyan') return 'bunyan';
  if (module === '@nestjs/common') return 'nest';
  return 'console-compatible';
}

function relativeImport(fromFile: string, target: string): string {
  if (!target.startsWith('./') && !target.startsWith('../')) return target;
  const fromDir = fromFile.split('/').slice(0, -1).filter((p) => p && p !== '.');
  const to = target.split('/').filter((p) => p && p !== '.');
  // the configured path is relative to the working directory, like the file's own path
  const resolved: string[] = [];
  for (const p of to) {
    if (p === '..') resolved.pop();
    else resolved.push(p);
  }
  let common = 0;
  while (common < fromDir.length && common < resolved.length - 1 && fromDir[common] === resolved[common]) common++;
  const ups = fromDir.length - common;
  const rest = resolved.slice(common).join('/');
  return ups === 0 ? `./${rest}` : `${'../'.repeat(ups)}${rest}`;
}

/**
 * The logger a suggestion can use at `node`: `this.logger` (or similar) of the enclosing class, a module-level
 * logger binding of the file, or the configured logger (with the import to add). `undefined` when there is
 * none, so a suggestion never calls a name that does not exist.
 */
export function findLoggerInScope(t: TS, node: ts.Node, knowledge: Knowledge, imports: ImportMap, filePath: string): LoggerInScope | undefined {
  const sf = node.getSourceFile();
  // a class member: private readonly logger = new Logger(X.name) / constructor(private logger: PinoLogger)
  const cls = enclosingClass(t, node);
  if (cls) {
    for (const m of cls.members) {
      const candidates: [string, ts.Expression | ts.TypeNode | undefined][] = [];
      if (t.isPropertyDeclaration(m) && t.isIdentifier(m.name) && !(t.getModifiers(m) ?? []).some((x) => x.kind === t.SyntaxKind.StaticKeyword)) {
        candidates.push([m.name.text, m.initializer ?? m.type]);
      }
      if (t.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (t.isIdentifier(p.name) && (t.getModifiers(p) ?? []).length > 0) candidates.push([p.name.text, p.type]);
        }
      }
      for (const [name, value] of candidates) {
        if (!value) continue;
        const isLogger = t.isTypeNode(value)
          ? t.isTypeReferenceNode(value) && LOGGER_TYPE.test(dottedName(t, value.typeName as ts.Expression) ?? '')
          : createsLogger(t, value, knowledge, imports, 0);
        if (isLogger) {
          const typeText = t.isTypeNode(value) ? value.getText(sf) : t.isNewExpression(skipOuter(t, value as ts.Expression)) ? 'Logger' : '';
          const nestLike = typeText === 'Logger' || typeText === 'LoggerService';
          const flavour = nestLike && imports.get('Logger')?.module === '@nestjs/common' ? 'nest' : /Pino/.test(typeText) ? 'pino' : nestLike ? 'nest' : 'console-compatible';
          return { text: `this.${name}`, shape: 'object', flavour };
        }
      }
    }
  }
  // the rest depends on the file only: decided once per file, not once per finding (a file of thousands of
  // handlers scanned its statements for each)
  let byKnowledge = fileLoggerCache.get(sf);
  if (!byKnowledge) fileLoggerCache.set(sf, (byKnowledge = new WeakMap()));
  const cached = byKnowledge.get(knowledge);
  let logger: LoggerInScope | undefined;
  if (cached && cached.imports === imports && cached.filePath === filePath) logger = cached.logger;
  else byKnowledge.set(knowledge, { imports, filePath, logger: (logger = fileLogger(t, sf, knowledge, imports, filePath)) });
  // function audit(logger: string[]) { … logger.push(line) … }: a local `logger` hides the file's own here
  return logger && shadowedAt(t, logger.text, node) ? undefined : logger;
}

/** Whether the file-level name `text` means something else at `node`: a parameter or local declared in between. */
function shadowedAt(t: TS, text: string, node: ts.Node): boolean {
  if (!/^[\w$]+$/.test(text)) return false;
  const local = resolveName(t, text, node);
  return local !== undefined && local !== fileScope(t, node.getSourceFile()).get(text);
}

const fileLoggerCache = new WeakMap<ts.SourceFile, WeakMap<Knowledge, { imports: ImportMap; filePath: string; logger: LoggerInScope | undefined }>>();

/** The logger a file offers outside any class: an imported or module-level binding, or the configured one. */
function fileLogger(t: TS, sf: ts.SourceFile, knowledge: Knowledge, imports: ImportMap, filePath: string): LoggerInScope | undefined {
  const configured = knowledge.loggers.logger;
  // a binding of the file: import { logger } from './logger' / const logger = pino()
  if (configured && imports.has(configured.binding)) return { text: configured.binding, shape: 'object', flavour: configured.flavour };
  let helper: LoggerInScope | undefined;
  for (const [local, b] of imports) {
    if (b.imported === '*' || !isLoggerModule(b.module, knowledge) || b.module === '@nestjs/common') continue;
    if (/^(pino|winston|bunyan|log4js|loglevel|consola|signale|roarr|tslog)$/.test(b.module) && b.imported !== 'default' && !LOGGER_NAME.test(local)) continue;
    if (['pino', 'winston', 'bunyan', 'log4js'].includes(b.module)) continue; // the factory, not a logger
    const flavour = configured && configured.importPath === b.module ? configured.flavour : flavourOfModule(b.module);
    const use = bindingUses(t, sf).get(local);
    // import { logger } from './logger' / logger.error(…) elsewhere in the file
    // (by its name alone only an instance: an imported `Logger` class has no static `error` unless the file calls one)
    const byName = (LOGGER_NAME.test(local) || knowledge.loggers.receiverNames.includes(local)) && !/^_?[A-Z][a-z]/.test(local);
    if ((use?.memberCalls ?? 0) > 0 || ((use?.directCalls.length ?? 0) === 0 && byName)) {
      // a logger of the project whose library this file does not show: the project model says whether it is pino
      return { text: local, shape: 'object', flavour, ...(flavour === 'console-compatible' && b.module.startsWith('.') ? { from: { module: b.module, imported: b.imported } } : {}) };
    }
    // import { logError } from './logger': a function, usable only where the file shows it takes an error
    if (!helper && use && use.memberCalls === 0 && LOG_HELPER_NAME.test(local)) {
      const errorArgument = errorArgumentOf(t, use.directCalls);
      if (errorArgument) helper = { text: local, shape: 'function', flavour: 'console-compatible', errorArgument };
    }
  }
  for (const stmt of sf.statements) {
    if (!t.isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (t.isIdentifier(d.name) && d.initializer && createsLogger(t, d.initializer, knowledge, imports, 0)) {
        const init = dottedName(t, skipOuter(t, d.initializer).kind === t.SyntaxKind.CallExpression ? (skipOuter(t, d.initializer) as ts.CallExpression).expression : d.initializer) ?? '';
        const b = imports.get(init.split('.')[0] ?? '');
        // const log = createLogger('orders'): an object, unless the file only ever calls it
        const use = bindingUses(t, sf).get(d.name.text);
        if (use && use.memberCalls === 0 && use.directCalls.length > 0) continue;
        return { text: d.name.text, shape: 'object', flavour: b ? flavourOfModule(b.module) : 'console-compatible' };
      }
    }
  }
  if (helper) return helper;
  if (configured) {
    if (declarations(t, sf).has(configured.binding)) return undefined; // the name is taken by something else
    return { text: configured.binding, shape: 'object', flavour: configured.flavour, import: { binding: configured.binding, specifier: relativeImport(filePath, configured.importPath) } };
  }
  return undefined;
}

interface BindingUse {
  /** Calls of a method on the name: `logger.error(…)`. */
  memberCalls: number;
  /** Calls of the name itself: `logError(…)`. */
  directCalls: ts.CallExpression[];
}

const usesCache = new WeakMap<ts.SourceFile, Map<string, BindingUse>>();

/** How each identifier of the file is called: as a function, or through its methods. One walk per file. */
function bindingUses(t: TS, sf: ts.SourceFile): Map<string, BindingUse> {
  let map = usesCache.get(sf);
  if (map) return map;
  const out = new Map<string, BindingUse>();
  const entry = (name: string): BindingUse => {
    let u = out.get(name);
    if (!u) out.set(name, (u = { memberCalls: 0, directCalls: [] }));
    return u;
  };
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n)) {
      const callee = skipOuter(t, n.expression);
      if (t.isIdentifier(callee)) entry(callee.text).directCalls.push(n);
      else if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression)) entry(callee.expression.text).memberCalls++;
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  usesCache.set(sf, (map = out));
  return map;
}

/**
 * Where the logging function `name` takes the error, learned from the file's other calls of it (all but
 * `except`): `logError(err)`, `logError(msg, err)`, `logError(err, msg)`; `undefined` when unknown.
 */
export function logFunctionErrorArgument(t: TS, sf: ts.SourceFile, name: string, except?: ts.CallExpression): ErrorArgument | undefined {
  const calls = bindingUses(t, sf).get(name)?.directCalls.filter((c) => c !== except) ?? [];
  return calls.length > 0 ? errorArgumentOf(t, calls) : undefined;
}

/** Whether `e` names a caught error: a catch binding or rejection-handler parameter in scope, or an error-like name. */
function isErrorArgument(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  if (!t.isIdentifier(x)) return false;
  for (let n: ts.Node | undefined = x.parent; n; n = n.parent) {
    if (t.isCatchClause(n) && n.variableDeclaration && t.isIdentifier(n.variableDeclaration.name) && n.variableDeclaration.name.text === x.text) return true;
  }
  return isErrorVariableName(x.text);
}

function isMessageArgument(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  return t.isStringLiteralLike(x) || t.isTemplateExpression(x) || (t.isBinaryExpression(x) && x.operatorToken.kind === t.SyntaxKind.PlusToken);
}

/**
 * Where a logging function takes the error, when every call of it in the file agrees: `logError(err)`,
 * `logError('Refund failed', err)`, `logError(err, 'Refund failed')`. `undefined` when a call passes only a
 * message (`logError(\`Refund error: ${e.message}\`)`: the function takes text) or the calls disagree.
 */
function errorArgumentOf(t: TS, calls: readonly ts.CallExpression[]): ErrorArgument | undefined {
  let found: ErrorArgument | undefined;
  for (const call of calls) {
    const [a, b] = call.arguments;
    let shape: ErrorArgument | undefined;
    if (call.arguments.length === 1 && a && isErrorArgument(t, a)) shape = 'only';
    else if (call.arguments.length === 2 && a && b && isMessageArgument(t, a) && isErrorArgument(t, b)) shape = 'after-message';
    else if (call.arguments.length === 2 && a && b && isErrorArgument(t, a) && isMessageArgument(t, b)) shape = 'before-message';
    if (!shape || (found && found !== shape)) return undefined;
    found = shape;
  }
  return found;
}

/**
 * A statement text logging `errorText` with `message` in the idiom of the logger's flavour, at `level`
 * (`error` by default; NestJS's Logger takes a stack only in `error`).
 */
export function loggerCallText(logger: LoggerInScope, errorText: string, message: string, level: 'error' | 'warn' | 'fatal' = 'error'): string {
  const msg = `'${message.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (logger.shape === 'function') {
    // logError(err) / logError('msg', err) / logError(err, 'msg'): the order the file already uses
    if (logger.errorArgument === 'after-message') return `${logger.text}(${msg}, ${errorText});`;
    if (logger.errorArgument === 'before-message') return `${logger.text}(${errorText}, ${msg});`;
    return `${logger.text}(${errorText});`;
  }
  switch (logger.flavour) {
    case 'pino':
    case 'bunyan':
      return `${logger.text}.${level}({ err: ${errorText} }, ${msg});`;
    case 'winston':
      return `${logger.text}.${level === 'fatal' ? 'error' : level}(${msg}, { error: ${errorText} });`;
    case 'nest':
      return `${logger.text}.error(${msg}, ${errorText} instanceof Error ? ${errorText}.stack : String(${errorText}));`;
    default:
      return `${logger.text}.${level === 'fatal' ? 'error' : level}(${msg}, ${errorText});`;
  }
}

/**
 * A project helper that logs an error: a function named like `logError` / `reportError` / `logException`
 * imported from a logger module of the project (`import { logError } from '../utils/logger'`). Its level is
 * `error`; how it takes the error object is unknown, so suggestions should not guess an idiom.
 */
export function classifyLogHelperCall(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): LogCall | undefined {
  const callee = skipOuter(t, call.expression);
  if (!t.isIdentifier(callee) || !LOG_HELPER_NAME.test(callee.text)) return undefined;
  const b = imports.get(callee.text);
  if (!b || isMonitorBinding(b, knowledge) || !isLoggerModule(b.module, knowledge)) return undefined;
  return { kind: 'logger', method: callee.text, level: 'error' };
}

// `/* eslint-disable no-console */` (ESLint, oxlint) or `/* biome-ignore-all lint/suspicious/noConsole */` before any code.
const FILE_NO_CONSOLE_DIRECTIVE = /^\/\*\s*(?:(?:eslint|oxlint)-disable(?!-)\b[^]*\bno-console\b|biome-ignore-all[^]*noConsole)/;

/**
 * Whether a file-level lint directive ahead of the first statement allows console output for the whole file: the
 * team's stated decision for that file. A line directive (`// eslint-disable-next-line no-console`) only silences
 * ESLint's own rule at one call; it says nothing about whether console output is the error record.
 */
export function consoleAllowedInFile(t: TS, sf: ts.SourceFile): boolean {
  return fileHeaderComments(t, sf).some((c) => FILE_NO_CONSOLE_DIRECTIVE.test(c));
}
