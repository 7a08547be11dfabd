import type * as ts from 'typescript';
import { calleeMethod, dottedName, enclosingFunction, functionName, isFunctionLike, skipOuter } from '../src/analysis/ast.js';
import {
  analyzeHandler,
  errorHandlerOf,
  guardedWork,
  hasIgnoreCommentAbove,
  isSynchronousTry,
  type ErrorHandler,
  type HandlerAnalysis,
  type MaskingReturn,
} from '../src/analysis/catch.js';
import { blockEffects } from '../src/analysis/effects.js';
import { importsOf } from '../src/analysis/imports.js';
import { findLoggerInScope, loggerCallText, type LoggerInScope } from '../src/analysis/loggers.js';
import { defineRule } from '../src/define-rule.js';
import { FACTORS } from '../src/risk.js';
import type { Knowledge } from '../src/knowledge/index.js';
import type { RiskFactor, RuleContext, SuggestionDescriptor, TextEdit, TS } from '../src/types.js';

export type MessageIds =
  | 'emptyHandler'
  | 'maskingReturn'
  | 'consoleOnly'
  | 'constantLog'
  | 'discarded'
  | 'rethrow'
  | 'logAndRethrow'
  | 'removeHandler'
  | 'logError';

export interface Options {
  checkPromiseHandlers: boolean;
  checkConsoleOnly: boolean;
  checkTestFiles: boolean;
  ignoreCleanup: boolean;
  ignoreFunctionNames: string[];
}

const MASKING_FACTOR: RiskFactor = { id: 'masking-return', label: 'returns a value callers read as a normal answer', weight: 10 };

/** Helpers whose contract is "undefined/null/fallback on failure": tryParse, safeJson, maybeUrl, parseDate, findOrNull. */
const FALLBACK_HELPER = /^(try|safe|maybe|attempt|optional|parse)[A-Z_$]|^(try|safe|maybe|parse)$|(OrNull|OrUndefined|OrDefault|OrEmpty|OrFalse|OrZero|IfExists|IfPresent|IfAny|Safe|Safely|Silently|Quietly)$/;
/** Predicates whose `false` means "no": isValidUrl, hasAccess, canConnect, exists. */
const PREDICATE = /^(is|has|can|should|supports|exists|check|validate|verify|test|contains|matches|needs|was|did|are|does)([A-Z_$]|$)/;

/** Health checks and pings whose `false` means "down": tunnelHealthCheck, pingRedis, isReachable. */
const HEALTH = /health|Health|^ping|Ping$|[Rr]eachable|[Aa]live|[Oo]nline$/;

/** Inside a catch block or an `if (!res.ok)` branch of the same function: the failure is already being handled. */
function inFailurePath(t: TS, node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !isFunctionLike(t, n); n = n.parent) {
    const p = n.parent;
    if (t.isCatchClause(p) && n === p.block) return true;
    if (t.isIfStatement(p) && n === p.thenStatement && /!\s*[\w$.?]+\.ok\b|\.ok\s*===?\s*false|\.status(Code)?\s*(>=?|!==?)\s*[2-5]\d\d/.test(p.expression.getText())) return true;
  }
  return false;
}

/** `catch (ignored)` names the intent; `_` or `_e` only silences an unused-variable lint. */
const INTENT_BINDING = /^_?(ignored?|ignoreError|unused|expected|_)$/;

const CONSEQUENCE: Record<MaskingReturn, string> = {
  false: 'which callers read as "no", not as a failure',
  true: 'which callers read as success',
  null: 'which callers read as "not found"',
  undefined: 'which callers read as "nothing", not as a failure',
  'empty-array': 'which callers read as "no results"',
  'empty-object': 'which callers read as an empty answer',
  'empty-string': 'which callers read as an empty answer',
  zero: 'which callers read as a real number',
  'default-value': 'which callers read as a normal answer',
  'success-response': 'so the client receives a success response',
};

function handlerNoun(h: ErrorHandler): string {
  return h.kind === 'catch-clause' ? 'catch block' : 'rejection handler';
}

function shorten(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '  ';
  return m[1]!.startsWith('\t') ? '\t' : m[1]!.length >= 4 && m[1]!.length % 4 === 0 && !/\n {2}\S/.test(text) ? '    ' : '  ';
}

/** A name for a missing catch binding that the block does not already use. */
function freshName(t: TS, block: ts.Node): string {
  const used = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n)) used.add(n.text);
    t.forEachChild(n, visit);
  };
  visit(block);
  return ['error', 'err', 'caughtError', 'caught'].find((n) => !used.has(n)) ?? 'caughtError';
}

/** Whether the block leaves early anywhere but its last statement (a rethrow appended there would be partial). */
function exitsEarly(t: TS, block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if ((t.isReturnStatement(n) || t.isContinueStatement(n) || t.isBreakStatement(n)) && n !== last) found = true;
    t.forEachChild(n, visit);
  };
  t.forEachChild(block, visit);
  return found;
}

function importEdit(t: TS, sf: ts.SourceFile, importText: string): TextEdit {
  let last: ts.Statement | undefined;
  for (const s of sf.statements) {
    if (t.isImportDeclaration(s) || (t.isExpressionStatement(s) && t.isStringLiteral(s.expression))) last = s;
    else break;
  }
  if (last) return { range: [last.end, last.end], text: `\n${importText}` };
  return { range: [0, 0], text: `${importText}\n` };
}

interface Fix {
  rethrow: TextEdit[];
  logAndRethrow?: TextEdit[];
  loggerText?: string;
}

/** The calls a log-and-rethrow suggestion replaces: console output, or a logger call with a constant message. */
function replacedLogCalls(t: TS, a: HandlerAnalysis): ts.CallExpression[] {
  if (a.consoleOnly) return a.logCalls.filter((l) => l.log.kind === 'console').map((l) => l.call);
  if (a.constantLogOnly) return a.logCalls.filter((l) => l.log.kind === 'logger' && l.use === 'none').map((l) => l.call);
  return [];
}

/** The message of the first replaced log call (`'Inventory sync failed'`), to keep the author's words. */
function replacedMessage(t: TS, calls: ts.CallExpression[]): string | undefined {
  for (const call of calls) {
    for (const arg of call.arguments) {
      const x = skipOuter(t, arg);
      if ((t.isStringLiteral(x) || t.isNoSubstitutionTemplateLiteral(x)) && x.text.trim()) return x.text.trim().replace(/[:\s]+$/, '');
    }
  }
  return undefined;
}

/** Edits turning a swallowing catch clause into one that rethrows (and optionally records) the error. */
function catchClauseFixes(t: TS, sf: ts.SourceFile, clause: ts.CatchClause, h: ErrorHandler, a: HandlerAnalysis, logger: LoggerInScope | undefined, message: string): Fix | undefined {
  if (h.bindingNode && !h.binding) return undefined;
  const block = clause.block;
  if (exitsEarly(t, block)) return undefined;
  const text = sf.text;
  const name = h.binding ?? freshName(t, block);
  const bindingEdits: TextEdit[] = h.binding ? [] : [{ range: [clause.getStart(sf) + 5, clause.getStart(sf) + 5], text: ` (${name})` }];
  const outer = lineIndent(text, block.end - 1);
  const first = block.statements[0];
  const inner = first ? lineIndent(text, first.getStart(sf)) : outer + indentUnit(text);
  const oneLine = first !== undefined && !text.slice(block.getStart(sf), block.end).includes('\n');

  const build = (lines: string[], drop: ReadonlySet<ts.Node>): TextEdit[] => {
    const edits: TextEdit[] = [...bindingEdits];
    const stmts = [...block.statements];
    const last = stmts[stmts.length - 1];
    const replaceLast = last !== undefined && (t.isReturnStatement(last) || t.isContinueStatement(last) || t.isBreakStatement(last));
    const removed = (s: ts.Statement): boolean => drop.has(s) || (replaceLast && s === last);
    const kept = stmts.filter((s) => !removed(s));
    if (kept.length === 0 || oneLine) {
      // rebuild the block: {\n  throw e;\n}
      const body = [...kept.map((s) => s.getText(sf)), ...lines];
      edits.push({ range: [block.getStart(sf), block.end], text: oneLine ? `{ ${body.join(' ')} }` : `{\n${body.map((l) => inner + l).join('\n')}\n${outer}}` });
      return edits;
    }
    for (const s of stmts) if (removed(s)) edits.push({ range: [s.pos, s.end], text: '' });
    const anchor = last!.end;
    edits.push({ range: [anchor, anchor], text: lines.map((l) => `\n${inner}${l}`).join('') });
    return edits;
  };

  const fix: Fix = { rethrow: build([`throw ${name};`], new Set()) };
  if (logger) {
    const calls = replacedLogCalls(t, a);
    const drop = new Set<ts.Node>(calls.map((c) => c.parent).filter((p) => t.isExpressionStatement(p) && p.parent === block));
    const method = a.constantLogOnly ? a.logCalls.find((l) => l.log.kind === 'logger')?.log.method : undefined;
    const call = loggerCallText(logger, name, replacedMessage(t, calls) ?? message, method === 'warn' || method === 'fatal' ? method : 'error');
    const edits = build([call, `throw ${name};`], drop);
    if (logger.importText) edits.unshift(importEdit(t, sf, logger.importText));
    fix.logAndRethrow = edits;
    fix.loggerText = logger.text;
  }
  return fix;
}

/** Whether a promise handler's result is used (awaited, returned, assigned, chained) rather than left floating. */
function isFloating(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (t.isParenthesizedExpression(n.parent) || (t.isVoidExpression(n.parent) && n.parent.expression === n)) n = n.parent;
  return t.isExpressionStatement(n.parent);
}

function promiseFixes(t: TS, sf: ts.SourceFile, h: ErrorHandler, logger: LoggerInScope | undefined, message: string): { remove?: TextEdit[]; logAndRethrow?: TextEdit[]; log?: TextEdit[] } {
  const call = h.node as ts.CallExpression;
  const handler = h.handlerExpr!;
  const out: { remove?: TextEdit[]; logAndRethrow?: TextEdit[]; log?: TextEdit[] } = {};
  const name = h.binding ?? (h.fn ? freshName(t, h.fn) : 'error');
  const replaceHandler = (body: string): TextEdit[] => {
    const edits: TextEdit[] = [{ range: [handler.getStart(sf), handler.end], text: `(${name}) => { ${body} }` }];
    if (logger?.importText) edits.unshift(importEdit(t, sf, logger.importText));
    return edits;
  };
  if (h.bindingNode && !h.binding) return out;
  if (isFloating(t, call)) {
    // removing the handler of a floating promise would turn a swallowed failure into an unhandled rejection
    if (logger) out.log = replaceHandler(loggerCallText(logger, name, message));
    return out;
  }
  if (h.kind === 'promise-catch') {
    const receiverEnd = (skipOuter(t, call.expression) as ts.PropertyAccessExpression).expression.end;
    out.remove = [{ range: [receiverEnd, call.end], text: '' }];
  } else {
    out.remove = [{ range: [call.arguments[0]!.end, handler.end], text: '' }];
  }
  if (logger) out.logAndRethrow = replaceHandler(`${loggerCallText(logger, name, message)} throw ${name};`);
  return out;
}

/** Whether a function (by reference or inline) does nothing with its value: `() => undefined`, `() => {}`, `noop`. */
function isInertFunction(t: TS, e: ts.Expression | undefined): boolean {
  if (!e) return false;
  const x = skipOuter(t, e);
  if (t.isIdentifier(x)) return /^(noop|nop|NOOP|noOp)$/.test(x.text);
  if (!t.isArrowFunction(x) && !t.isFunctionExpression(x)) return false;
  if (t.isBlock(x.body)) return x.body.statements.length === 0;
  const b = skipOuter(t, x.body);
  return (t.isIdentifier(b) && b.text === 'undefined') || t.isVoidExpression(b) || b.kind === t.SyntaxKind.NullKeyword;
}

// queue = result.then(() => undefined, () => undefined): a "settled" signal, the result is observed elsewhere
function isSettleIdiom(t: TS, h: ErrorHandler): boolean {
  return h.kind === 'promise-then' && isInertFunction(t, (h.node as ts.CallExpression).arguments[0]);
}

// exists = await head(key).then(() => true).catch(() => false)
function isExistenceProbe(t: TS, h: ErrorHandler, a: HandlerAnalysis): boolean {
  if (a.maskingReturn !== 'false' || !h.promise) return false;
  const p = skipOuter(t, h.promise);
  if (!t.isCallExpression(p) || calleeMethod(t, p) !== 'then' || p.arguments.length !== 1) return false;
  const fn = skipOuter(t, p.arguments[0]!);
  if (t.isIdentifier(fn)) return fn.text === 'Boolean';
  if (!t.isArrowFunction(fn) || t.isBlock(fn.body)) return false;
  const b = skipOuter(t, fn.body);
  return (
    b.kind === t.SyntaxKind.TrueKeyword ||
    (t.isPrefixUnaryExpression(b) && b.operator === t.SyntaxKind.ExclamationToken) ||
    (t.isBinaryExpression(b) && [t.SyntaxKind.EqualsEqualsEqualsToken, t.SyntaxKind.ExclamationEqualsEqualsToken, t.SyntaxKind.EqualsEqualsToken, t.SyntaxKind.ExclamationEqualsToken].includes(b.operatorToken.kind))
  );
}

/**
 * const doc = await getDocument(id).catch(() => null);
 * if (!doc) throw new Response('Not Found', { status: 404 });
 * The masked value is checked at once and turned into a failure of its own.
 */
function isCheckedLocally(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent) || t.isAsExpression(n.parent) || t.isArrayLiteralExpression(n.parent) || (t.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression) && /^Promise\.(all|allSettled)$/.test(dottedName(t, n.parent.expression) ?? '')))) n = n.parent;
  const names = new Set<string>();
  const collect = (b: ts.BindingName): void => {
    if (t.isIdentifier(b)) names.add(b.text);
    else for (const el of b.elements) if (!t.isOmittedExpression(el)) collect(el.name);
  };
  let stmt: ts.Node | undefined;
  if (n.parent && t.isVariableDeclaration(n.parent) && n.parent.initializer === n) {
    collect(n.parent.name);
    stmt = n.parent.parent?.parent;
  } else if (n.parent && t.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(n.parent.left)) {
    names.add(n.parent.left.text);
    stmt = n.parent.parent;
  }
  if (!stmt || names.size === 0 || !stmt.parent || !(t.isBlock(stmt.parent) || t.isSourceFile(stmt.parent))) return false;
  const siblings = stmt.parent.statements;
  const at = siblings.indexOf(stmt as ts.Statement);
  const mentionsName = (root: ts.Node): boolean => {
    let found = false;
    const scan = (x: ts.Node): void => {
      if (t.isIdentifier(x) && names.has(x.text)) found = true;
      if (!found) t.forEachChild(x, scan);
    };
    scan(root);
    return found;
  };
  for (const next of siblings.slice(at + 1, at + 6)) {
    // const isPrivileged = teamRole && isManager(teamRole): the check may read a derived value
    if (t.isVariableStatement(next)) {
      for (const d of next.declarationList.declarations) if (d.initializer && mentionsName(d.initializer)) collect(d.name);
      continue;
    }
    if (!t.isIfStatement(next)) continue;
    const mentions = mentionsName(next.expression);
    let exits = false;
    const exit = (x: ts.Node): void => {
      if (exits || isFunctionLike(t, x)) return;
      if (t.isThrowStatement(x) || t.isReturnStatement(x)) exits = true;
      t.forEachChild(x, exit);
    };
    exit(next.thenStatement);
    if (mentions && exits) return true;
  }
  return false;
}

function isExempt(t: TS, h: ErrorHandler, a: HandlerAnalysis, options: Options, knowledge: Knowledge, dbWrites: number): boolean {
  if (a.hasExplainingComment || hasIgnoreCommentAbove(t, h)) return true;
  if (h.binding && INTENT_BINDING.test(h.binding) && h.binding !== '_') return true;
  const fn = enclosingFunction(t, h.node);
  const name = fn ? functionName(t, fn) : undefined;
  const patterns = options.ignoreFunctionNames.map((p) => new RegExp(p));
  if (name && (FALLBACK_HELPER.test(name) || patterns.some((p) => p.test(name)))) return true;
  // isValidUrl(s) { try { new URL(s); return true } catch { return false } } / tunnelHealthCheck() … return false
  if (name && (PREDICATE.test(name) || HEALTH.test(name)) && (a.maskingReturn === 'false' || a.maskingReturn === 'true') && dbWrites === 0) return true;
  // await verifyToken(t).catch(() => null): a failed verification fails closed
  if (h.promise && (a.maskingReturn === 'false' || a.maskingReturn === 'null' || a.maskingReturn === 'undefined')) {
    const producer = skipOuter(t, h.promise);
    const producerName = t.isCallExpression(producer) ? calleeMethod(t, producer) : undefined;
    if (producerName && (PREDICATE.test(producerName) || HEALTH.test(producerName))) return true;
  }
  // a second failure while already handling one: catch (e) { try { await rollback() } catch {} throw e } / if (!res.ok) { … res.text().catch(() => '') }
  if (inFailurePath(t, h.node)) return true;
  const fallback = !a.empty && !a.consoleOnly && !a.constantLogOnly;
  // try { return formatDate(d, tz) } catch { return d }: a synchronous computation with a fallback value
  if (fallback && h.kind === 'catch-clause' && isSynchronousTry(t, h, knowledge)) return true;
  if (h.kind !== 'catch-clause' && fallback && (isCheckedLocally(t, h.node as ts.CallExpression) || isExistenceProbe(t, h, a) || isSettleIdiom(t, h))) return true;
  const work = guardedWork(t, h, knowledge);
  // try { return JSON.parse(raw) } catch { return null }: the failure is the answer
  if (work.probe) return true;
  // await page.close().catch(() => {}): best-effort release of a resource
  if (work.cleanup && options.ignoreCleanup) return true;
  return false;
}

function report(context: RuleContext<Options, MessageIds>, h: ErrorHandler, a: HandlerAnalysis): void {
  const t = context.ts;
  const sf = context.sourceFile;
  // the try block, or `p.catch` whose child is the promise-producing call: prisma.order.update(...).catch(() => {})
  const target: ts.Node | undefined = h.tryBlock ?? (h.promise ? (h.node as ts.CallExpression).expression : undefined);
  const effects = target ? blockEffects(t, target, context.knowledge) : { dbWrites: [], outboundCalls: [] };
  if (isExempt(t, h, a, context.options, context.knowledge, effects.dbWrites.length)) return;

  const factors: RiskFactor[] = [];
  if (effects.dbWrites.length > 0) factors.push(FACTORS.dbWrite);
  if (effects.outboundCalls.length > 0) factors.push(FACTORS.outboundCall);
  if (a.maskingReturn && a.maskingReturn !== 'undefined') factors.push(MASKING_FACTOR);

  const noun = handlerNoun(h);
  let messageId: MessageIds;
  let data: Record<string, string>;
  if (a.consoleOnly) {
    // .catch(console.error) passes the console method itself
    const call = a.logCalls.find((l) => l.log.kind === 'console');
    messageId = 'consoleOnly';
    data = { handler: noun, call: call ? `${call.log.receiver ?? 'console'}.${call.log.method}` : shorten(h.handlerExpr?.getText(sf) ?? 'console') };
  } else if (a.constantLogOnly) {
    const call = a.logCalls.find((l) => l.log.kind === 'logger');
    messageId = 'constantLog';
    data = { handler: noun, call: call ? `${call.log.receiver ?? ''}.${call.log.method}` : 'logger' };
  } else if (a.maskingReturn && a.maskingText) {
    messageId = 'maskingReturn';
    data = { handler: noun, value: shorten(a.maskingText ?? ''), consequence: CONSEQUENCE[a.maskingReturn] };
  } else if (a.empty || a.reason === 'empty') {
    messageId = 'emptyHandler';
    data = { handler: noun };
  } else {
    messageId = 'discarded';
    data = { handler: noun };
  }

  const fn = enclosingFunction(t, h.node);
  const fnName = fn ? functionName(t, fn) : undefined;
  const logMessage = fnName && /^[\w$]+$/.test(fnName) ? `${fnName} failed` : 'Unexpected error';
  const logger = findLoggerInScope(t, h.node, context.knowledge, importsOf(t, sf), context.filePath);
  const suggest: SuggestionDescriptor<MessageIds>[] = [];
  if (h.kind === 'catch-clause') {
    const fix = catchClauseFixes(t, sf, h.node as ts.CatchClause, h, a, logger, logMessage);
    if (fix) {
      suggest.push({ messageId: 'rethrow', edits: fix.rethrow });
      if (fix.logAndRethrow) suggest.push({ messageId: 'logAndRethrow', data: { logger: fix.loggerText! }, edits: fix.logAndRethrow });
    }
  } else {
    const fix = promiseFixes(t, sf, h, logger, logMessage);
    if (fix.remove) suggest.push({ messageId: 'removeHandler', edits: fix.remove });
    if (fix.logAndRethrow) suggest.push({ messageId: 'logAndRethrow', data: { logger: logger!.text }, edits: fix.logAndRethrow });
    if (fix.log) suggest.push({ messageId: 'logError', data: { logger: logger!.text }, edits: fix.log });
  }

  const range: readonly [number, number] =
    h.kind === 'catch-clause'
      ? [h.node.getStart(sf), (h.node as ts.CatchClause).block.getStart(sf)]
      : [h.handlerExpr!.getStart(sf), h.handlerExpr!.end];
  const trimmed: readonly [number, number] = [range[0], range[0] + sf.text.slice(range[0], range[1]).trimEnd().length];
  context.report({ range: trimmed, messageId, data, suggest, factors, anchor: h.node });
}

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'swallowed-catch',
    family: 'catch',
    risk: 'medium',
    description: 'Flags catch blocks and promise rejection handlers after which the failure is neither propagated nor recorded.',
    messages: {
      emptyHandler: 'The error caught here is discarded: the {{handler}} is empty, so the failure leaves no trace and the caller carries on as if it succeeded.',
      maskingReturn: 'The error caught here is discarded: the {{handler}} returns `{{value}}`, {{consequence}}.',
      consoleOnly: 'The error caught here is only printed with `{{call}}`: console output is not a record, and the failure does not reach the caller.',
      constantLog: 'The error caught here is replaced by a constant message in `{{call}}`: the error itself is dropped and the failure does not reach the caller.',
      discarded: 'The error caught here is discarded: the {{handler}} neither rethrows it, returns it, nor records it.',
      rethrow: 'Rethrow the error so the caller sees the failure.',
      logAndRethrow: 'Record the error with `{{logger}}` and rethrow it.',
      removeHandler: 'Remove the rejection handler so the failure reaches the caller.',
      logError: 'Record the error with `{{logger}}` instead of dropping it.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkPromiseHandlers: { type: 'boolean', description: 'Also check `.catch(fn)` and `.then(ok, fn)` rejection handlers.' },
        checkConsoleOnly: { type: 'boolean', description: 'Report handlers whose only handling is console output.' },
        checkTestFiles: { type: 'boolean', description: 'Also check test files.' },
        ignoreCleanup: { type: 'boolean', description: 'Ignore swallowed failures of best-effort cleanup (`close`, `destroy`, `unlink`, `rm`, `abort`, `rollback`).' },
        ignoreFunctionNames: {
          type: 'array',
          items: { type: 'string' },
          description: 'Regular expressions of function names whose catch blocks may return a fallback (added to the built-in `try*`, `safe*`, `maybe*`, `parse*`, `*OrNull`).',
        },
      },
    },
    defaultOptions: { checkPromiseHandlers: true, checkConsoleOnly: true, checkTestFiles: false, ignoreCleanup: true, ignoreFunctionNames: [] },
    fixable: false,
    hasSuggestions: true,
    recommended: true,
    cwe: ['CWE-390', 'CWE-755'],
    precision: 'high',
  },
  create(context) {
    const t = context.ts;
    if (context.file.isTest && !context.options.checkTestFiles) return {};
    const imports = importsOf(t, context.sourceFile);
    // CLI scripts, browser code and the logger module write to the console by design
    const consoleIsRecord = context.file.isScript || context.file.isBrowser || context.file.isLoggerModule;
    const check = (node: ts.Node): void => {
      const h = errorHandlerOf(t, node);
      if (!h) return;
      const a = analyzeHandler(t, h, context.knowledge, imports, { consoleIsRecord });
      if (a.propagated || a.recorded || a.acted) return;
      if (a.consoleOnly && !context.options.checkConsoleOnly) return;
      report(context, h, a);
    };
    return {
      CatchClause: check,
      CallExpression(node) {
        if (context.options.checkPromiseHandlers) check(node);
      },
    };
  },
});
