import type * as ts from 'typescript';
import { calleeMethod, containsNode, dottedName, enclosingFunction, namesIn, functionName, INHERIT, isFunctionLike, isHttpHandler, skipOuter, summaryBelow, upward, walk, type FunctionLike } from '../src/analysis/ast.js';
import {
  analyzeHandler,
  blindClientTranslation,
  catchClauseHandler,
  discardsErrorResult,
  errorHandlerOf,
  guardedCode,
  guardedWork,
  handles,
  hasIgnoreCommentAbove,
  isSynchronousTry,
  maskingOf,
  propagates,
  records,
  type CatchClauseHandler,
  type ErrorHandler,
  type HandlerAnalysis,
  type Masking,
  type MaskingReturn,
  type PromiseHandler,
  type SwallowingAnalysis,
} from '../src/analysis/catch.js';
import { runsInPage } from '../src/analysis/browser.js';
import { contractChangeReason, contractOwner, crossFileCallersCondition, isExportedFunction, type FailureAnswer } from '../src/analysis/callers.js';
import { docComments, oneLine } from '../src/analysis/comments.js';
import { blockEffects } from '../src/analysis/effects.js';
import { importsOf } from '../src/analysis/scope.js';
import { classifyLogCall, consoleAllowedInFile, findLoggerInScope, loggerCallText, messageFirstCondition, modelLoggerOf, type LoggerInScope, type ModelLogger } from '../src/analysis/loggers.js';
import { codeAfter, handledAfter, throwTargetOf } from '../src/analysis/propagation.js';
import { defineRule } from '../src/define-rule.js';
import { editBlock, errorBinding, insertImport } from '../src/edits/index.js';
import { LAST_TOUCH_FIELD, TYPING_INDICATOR_CALL } from '../src/knowledge/best-effort.js';
import { mentionsMoney } from '../src/knowledge/money.js';
import { leadingVerb, READING_VERBS, STATE_CHANGING_VERBS } from '../src/knowledge/verbs.js';
import { FACTORS } from '../src/risk.js';
import type { Knowledge } from '../src/knowledge/index.js';
import type { Exemption, ModelCondition, RiskFactor, RuleContext, SuggestionDescriptor, TextEdit, TS } from '../src/types.js';

export type MessageIds =
  | 'emptyHandler'
  | 'maskingReturn'
  | 'consoleOnly'
  | 'constantLog'
  | 'discarded'
  | 'partial'
  | 'clientTranslation'
  | 'returnedError'
  | 'rethrow'
  | 'logAndRethrow'
  | 'passToNext'
  | 'logAndPassToNext'
  | 'respondWithError'
  | 'logAndRespond'
  | 'removeHandler'
  | 'throwInstead'
  | 'logError'
  | 'rewriteByHand';

export interface Options {
  checkPromiseHandlers: boolean;
  checkConsoleOnly: boolean;
  checkTestFiles: boolean;
  ignoreCleanup: boolean;
  ignoreFunctionNames: string[];
}

const MASKING_FACTOR: RiskFactor = { id: 'masking-return', label: 'returns a value callers read as a normal answer', weight: 10 };

/** Helpers whose contract is "undefined/null/fallback on failure": tryParse, safeJson, maybeUrl, parseDate, findOrNull. */
const FALLBACK_HELPER = /^(try|safe|maybe|attempt|optional|parse|silent|silently|quiet|quietly)[A-Z_$]|^(try|safe|maybe|parse)$|(OrNull|OrUndefined|OrDefault|OrEmpty|OrFalse|OrZero|IfExists|IfPresent|IfAny|Safe|Safely|Silently|Quietly)$/;
/** Predicates whose `false` means "no": isValidUrl, hasAccess, canConnect, exists. */
const PREDICATE = /^(is|has|can|should|supports|exists|check|validate|verify|test|contains|matches|needs|was|did|are|does)([A-Z_$]|$)/;

/** Health checks and pings whose `false` means "down": tunnelHealthCheck, pingRedis, isReachable. */
const HEALTH = /health|Health|^ping|Ping$|[Rr]eachable|[Aa]live|[Oo]nline$/;

/**
 * A test that a response failed: `!res.ok`, `res.ok === false`, `res.status >= 400`, `res.statusCode !== 200`,
 * `res.status === 404`.
 */
function isFailedResponseTest(t: TS, x: ts.Node): boolean {
  if (t.isPrefixUnaryExpression(x)) return x.operator === t.SyntaxKind.ExclamationToken && t.isPropertyAccessExpression(x.operand) && x.operand.name.text === 'ok' && dottedName(t, x.operand) !== undefined;
  if (!t.isBinaryExpression(x) || !t.isPropertyAccessExpression(x.left)) return false;
  const op = x.operatorToken.kind;
  const equality = op === t.SyntaxKind.EqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsEqualsToken;
  const member = x.left.name.text;
  if (member === 'ok') return equality && x.right.kind === t.SyntaxKind.FalseKeyword;
  if (member !== 'status' && member !== 'statusCode') return false;
  const code = t.isNumericLiteral(x.right) ? x.right.text : '';
  if (equality) return /^[45]\d\d/.test(code);
  const ordering = op === t.SyntaxKind.GreaterThanToken || op === t.SyntaxKind.GreaterThanEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken || op === t.SyntaxKind.ExclamationEqualsEqualsToken;
  return ordering && /^[2-5]\d\d/.test(code);
}
/** Callbacks that run when something already failed: rxjs `catchError(fn)`, `.catch(fn)`, `onError: fn`. */
const FAILURE_CALLBACK = /^(catchError|catch|onError|onFailure|onFailed|handleError|orElse|mapErr)$/;

/** Whether `block` ends by throwing after `node`: `{ await reader.cancel().catch(() => {}); throw new TooLarge() }`. */
/**
 * Inside a catch block, an `if (!res.ok)` branch, a block about to throw, or a failure callback: the failure
 * already being handled is the one that matters, and a second one while handling it is noise.
 */
function inFailurePath(t: TS, node: ts.Node, outerHandles: (clause: ts.CatchClause) => boolean): boolean {
  // the answer for a node is that of its parent unless the node or its parent settles it: memoised per file run
  // (outerHandles is made per run), so handlers nested n deep cost n, not n² (issue 19)
  let memo = failurePathMemos.get(outerHandles);
  if (!memo) failurePathMemos.set(outerHandles, (memo = new WeakMap()));
  return upward(t, memo, node, (tt, n) => failurePathStep(tt, n, outerHandles), false);
}

const failurePathMemos = new WeakMap<(clause: ts.CatchClause) => boolean, WeakMap<ts.Node, boolean>>();

/** What `n`, seen on the way up from a handler, says about the failure path; INHERIT: ask its parent. */
function failurePathStep(t: TS, n: ts.Node, outerHandles: (clause: ts.CatchClause) => boolean): boolean | typeof INHERIT {
  const p = n.parent;
  if (!p) return false;
  if (isFunctionLike(t, n)) {
    // catchError(async (err) => { await cache.set(key, err).catch(() => {}); throw err; })
    const call = t.isCallExpression(p) && p.arguments.includes(n as ts.Expression) ? p : undefined;
    const callee = call ? (t.isPropertyAccessExpression(call.expression) ? call.expression.name.text : t.isIdentifier(call.expression) ? call.expression.text : undefined) : undefined;
    const key = t.isPropertyAssignment(p) && t.isIdentifier(p.name) ? p.name.text : undefined;
    return (callee !== undefined && FAILURE_CALLBACK.test(callee)) || (key !== undefined && FAILURE_CALLBACK.test(key));
  }
  const branch = failureBranch(t, n, outerHandles);
  if (branch !== 'neither') return branch === 'failure';
  // a block about to throw, the path coming from a statement before the throw: the parent's own checks come first
  if (t.isBlock(p)) {
    const last = p.statements[p.statements.length - 1];
    if (last !== undefined && last !== n && t.isThrowStatement(last)) return failureBranch(t, p, outerHandles) !== 'handled-elsewhere';
  }
  return INHERIT;
}

/** `n` as a catch block (the failure path when the catch handles the failure) or the branch of an `if (!res.ok)`. */
function failureBranch(t: TS, n: ts.Node, outerHandles: (clause: ts.CatchClause) => boolean): 'failure' | 'handled-elsewhere' | 'neither' {
  const p = n.parent;
  // catch (e) { try { await rollback() } catch {} throw e }: only when the outer catch itself handles the failure;
  // a catch nested in a catch that swallows too is still a catch
  if (p && t.isCatchClause(p) && n === p.block) return outerHandles(p) ? 'failure' : 'handled-elsewhere';
  if (p && t.isIfStatement(p) && n === p.thenStatement && containsNode(t, p.expression, (x) => isFailedResponseTest(t, x))) return 'failure';
  return 'neither';
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

/** The calls a log-and-rethrow suggestion replaces: console output, or a logger call with a constant message. */
function replacedLogCalls(t: TS, a: HandlerAnalysis): ts.CallExpression[] {
  if (a.reason === 'console-only') return a.logCalls.filter((l) => l.log.kind === 'console').map((l) => l.call);
  if (a.reason === 'constant-log') return a.logCalls.filter((l) => l.log.kind === 'logger' && l.use === 'none').map((l) => l.call);
  return [];
}

const LEVEL_NAME = /^(error|warn|warning|info|http|verbose|debug|silly|trace|fatal|crit|critical|alert|emerg|notice)$/;

/** `'warn'` in `logger.log('warn', 'Sync failed')` (winston, a project's own `log(level, message, meta)`). */
function leadingLevel(t: TS, call: ts.CallExpression): string | undefined {
  const first = call.arguments[0] ? skipOuter(t, call.arguments[0]) : undefined;
  return call.arguments.length >= 2 && first && t.isStringLiteralLike(first) && LEVEL_NAME.test(first.text) ? first.text : undefined;
}

/** The message of the first replaced log call (`'Inventory sync failed'`), to keep the author's words. */
function replacedMessage(t: TS, calls: ts.CallExpression[]): string | undefined {
  for (const call of calls) {
    // log(level, message, meta): the level is not the message
    for (const arg of call.arguments.slice(leadingLevel(t, call) ? 1 : 0)) {
      const x = skipOuter(t, arg);
      if ((t.isStringLiteral(x) || t.isNoSubstitutionTemplateLiteral(x)) && x.text.trim()) return x.text.trim().replace(/[:\s]+$/, '');
    }
  }
  return undefined;
}

type SuggestionList = SuggestionDescriptor<MessageIds>[];

const UNNAMED_EXPORT = 'the function is exported under no name its callers could be found by, and callers in other modules may not handle a throw';
const CALLERS_ACROSS = 'callers of the exported function in other files leave its promise floating, pass it on as a callback, or use the value it answers on failure, so a throw or rejection there would be unhandled or change their answer';

/**
 * The rewrites that make an exported function throw or reject, each offered only if its callers in other files
 * are ready for that (the project model decides); otherwise `fallback` (recording the error, keeping the flow), or
 * a note saying why.
 */
function onlyIfCallersReady(rewrites: SuggestionList, condition: ModelCondition, fallback: SuggestionList): SuggestionList {
  const otherwise: ModelCondition = { fact: 'not', condition };
  return [
    ...rewrites.map((s) => ({ ...s, dependsOn: condition })),
    ...orByHand(fallback, CALLERS_ACROSS).map((s) => ({ ...s, dependsOn: otherwise })),
  ];
}

/** Whether a function answers its callers a value (a `return x;`, or an expression body). */
function answersValue(t: TS, fn: FunctionLike): boolean {
  if (!fn.body) return false;
  return t.isBlock(fn.body) ? returnsValue(t, fn.body) : !t.isVoidExpression(skipOuter(t, fn.body));
}

/** `list`, or a text-only suggestion saying why no rewrite is offered when the list is empty. */
function orByHand(list: SuggestionList, reason: string): SuggestionList {
  return list.length > 0 ? list : [{ messageId: 'rewriteByHand', data: { reason }, edits: [] }];
}

/**
 * Suggestions for a swallowing catch clause. Propagating is offered only where it changes nothing but the
 * swallowing: nothing runs after the try statement (a rethrow would skip it), the catch is not a fallback, and
 * the failure has somewhere to go (the caller, `next`, or — in an async `(req, res)` handler — an error answer).
 * Otherwise the error is recorded and the code's flow kept, when a logger is in scope.
 */
function catchClauseSuggestions(t: TS, sf: ts.SourceFile, clause: ts.CatchClause, h: CatchClauseHandler, a: SwallowingAnalysis, logger: LoggerInScope | undefined, message: string, readsOnly: boolean): SuggestionList {
  const bound = errorBinding(t, h);
  if (!bound) return [];
  const block = clause.block;
  const name = bound.name;
  const importEdits = logger?.import ? [insertImport(t, sf, logger.import)] : [];

  /** `lines` added at the end (or, with `atStart`, before the statements kept) of the block, `drop` removed; comments stay. */
  const build = (lines: string[], drop: ReadonlySet<ts.Node>, replaceExit: boolean, atStart = false): TextEdit[] => {
    const last = block.statements[block.statements.length - 1];
    const replaceLast = replaceExit && last !== undefined && (t.isReturnStatement(last) || t.isContinueStatement(last) || t.isBreakStatement(last));
    return [...bound.edits, ...editBlock(t, sf, block, lines, { drop: replaceLast ? new Set([...drop, last]) : drop, atStart })];
  };

  const calls = replacedLogCalls(t, a);
  const logDrop = new Set<ts.Node>(calls.map((c) => c.parent).filter((p) => t.isExpressionStatement(p) && p.parent === block));
  const replaced = a.reason === 'constant-log' ? a.logCalls.find((l) => l.log.kind === 'logger') : undefined;
  // logger.log('warn', …) keeps its level; a level below warn is raised to error
  const level = replaced ? leadingLevel(t, replaced.call) ?? replaced.log.method : undefined;
  // log('error', 'Sync failed') through a logging function: where it takes the error is unknown
  const levelFirstFunction = logger?.shape === 'function' && calls.some((c) => leadingLevel(t, c) !== undefined);
  const logLine = logger && !levelFirstFunction ? loggerCallText(logger, name, replacedMessage(t, calls) ?? message, level === 'warn' || level === 'warning' ? 'warn' : level === 'fatal' || level === 'crit' || level === 'critical' ? 'fatal' : 'error') : undefined;
  const recordOnly = (): SuggestionList =>
    logger && logLine ? [{ messageId: 'logError', data: { logger: logger.text }, edits: [...importEdits, ...build([logLine], logDrop, false, true)] }] : [];

  if (exitsEarly(t, block)) return orByHand(recordOnly(), 'the catch block leaves early on some paths');
  const after = maskingOf(a) && maskingOf(a)?.kind !== 'success-response' ? 'nothing' : codeAfter(t, clause.parent, h.tryBlock);
  if (after === 'independent') return orByHand(recordOnly(), 'the code after the try statement runs on failure too (a fallback, the next item, clean-up), and a rethrow would skip it');

  const target = throwTargetOf(t, enclosingFunction(t, clause));
  const chosen = target.kind === 'caller' || target.kind === 'unseen' ? chosenToGoOn(t, sf, clause, a, bound.name, readsOnly) : undefined;
  if (chosen) return orByHand(recordOnly(), chosen);
  // return null → throw changes what every caller of the function gets: only where each of them is ready for it
  const contract = target.kind === 'caller' ? contractChangeReason(t, enclosingFunction(t, clause), failureAnswer(t, a)) : undefined;
  if (contract) return orByHand(recordOnly(), contract);
  // an exported function: its callers in other files must handle the throw too (the project model asks them)
  const owner = enclosingFunction(t, clause);
  const across = target.kind === 'caller' ? crossFileCallersCondition(t, owner, owner !== undefined && answersValue(t, owner)) : undefined;
  if (across === 'unnamed') return orByHand(recordOnly(), UNNAMED_EXPORT);
  // res.json({ ok: true }) answered the request as a success; the error response comes from the propagated error
  const masking = maskingOf(a)?.kind === 'success-response' ? maskingOf(a)?.node.parent : undefined;
  const answered = new Set<ts.Node>(masking && t.isExpressionStatement(masking) && masking.parent === block ? [masking] : []);
  const withLog = (exit: string[]): TextEdit[] | undefined => (logger && logLine ? [...importEdits, ...build([logLine, ...exit], new Set([...answered, ...logDrop]), true)] : undefined);
  const out: SuggestionList = [];
  switch (target.kind) {
    case 'next': {
      const exit = [`return ${target.next}(${name});`];
      out.push({ messageId: 'passToNext', data: { next: target.next }, edits: build(exit, answered, true) });
      const logged = withLog(exit);
      if (logged) out.push({ messageId: 'logAndPassToNext', data: { logger: logger!.text, next: target.next }, edits: logged });
      return out;
    }
    case 'respond': {
      // an async (req, res) handler without next: Express 4 never answers a rejected handler, so answer here
      const exit = [`return ${target.res}.status(500).json({ message: 'Internal server error' });`];
      const logged = withLog(exit);
      if (logged) out.push({ messageId: 'logAndRespond', data: { logger: logger!.text }, edits: logged });
      else out.push({ messageId: 'respondWithError', edits: build(exit, answered, true) });
      return out;
    }
    case 'unseen':
      return orByHand(recordOnly(), 'this callback is run by code that does not expect it to throw');
    default: {
      const exit = [`throw ${name};`];
      out.push({ messageId: 'rethrow', edits: build(exit, answered, true) });
      const logged = withLog(exit);
      if (logged) out.push({ messageId: 'logAndRethrow', data: { logger: logger!.text }, edits: logged });
      return across ? onlyIfCallersReady(out, across, recordOnly()) : out;
    }
  }
}

/**
 * Why a catch block looks like a decision to carry on, so a rethrow would change what callers rely on (a
 * best-effort clean-up, an optional cache write, a value the code after checks): it already reports the failure
 * (console or a constant log line: the finding is about the record, not the flow), it is empty but for a comment
 * or names its binding as ignored, it answers a read with an empty value (`isDegradedRead`), or the code after
 * the try statement handles the failure itself.
 */
function chosenToGoOn(t: TS, sf: ts.SourceFile, clause: ts.CatchClause, a: SwallowingAnalysis, name: string, readsOnly: boolean): string | undefined {
  const fn = enclosingFunction(t, clause);
  const masking = maskingOf(a);
  if ((a.reason === 'console-only' || a.reason === 'constant-log') && !masking && !(fn && isHttpHandler(t, fn))) return 'the catch block reports the failure and carries on, so a rethrow would change what callers get; record the error itself instead';
  const block = clause.block;
  const inside = sf.text.slice(block.getStart(sf) + 1, block.end - 1);
  if (block.statements.length === 0 && /\/\/|\/\*/.test(inside) && !/\b(TODO|FIXME|XXX)\b/.test(inside)) return 'the empty catch block carries a comment, so ignoring the failure looks deliberate';
  if (/^_|^ignored?$/i.test(name) && clause.variableDeclaration) return `the binding \`${name}\` is named as ignored, so ignoring the failure looks deliberate`;
  if (isRedundantBareReturn(t, clause)) return REDUNDANT_RETURN;
  if (masking && fn && returnsDocumentedFallback(t, fn, masking, clause.parent)) return 'the function returns this value on failure on purpose (its own input or the value it had before the try, or a fallback its doc comment promises), and callers rely on it';
  const fallback = masking && t.isReturnStatement(masking.node) ? masking.node.expression !== undefined : true;
  if (readsOnly && fallback && isDegradedRead(t, fn, a, returnsValue(t, clause.parent.tryBlock))) return DEGRADED_READ;
  if (handledAfter(t, clause.parent, clause.parent.tryBlock, block)) return 'the code after the try statement handles the failure (it reads the value the catch block sets, or checks for the missing result), and a rethrow would skip it';
  return bestEffortRelease(t, clause.parent.tryBlock);
}

const REDUNDANT_RETURN = 'the catch block holds only `return;` where the function ends anyway, a line that says nothing but "ignore it", so ignoring the failure looks deliberate';

/**
 * `try { await hooks.run(…) } catch (e) { return; }` as the last statement of a function that answers no value:
 * the `return;` changes nothing, so it was written to say the failure is ignored on purpose (often a secondary
 * step after the main work).
 */
function isRedundantBareReturn(t: TS, clause: ts.CatchClause): boolean {
  const only = clause.block.statements.length === 1 ? clause.block.statements[0] : undefined;
  if (!only || !t.isReturnStatement(only) || only.expression) return false;
  const tryStatement = clause.parent;
  const body = tryStatement.parent;
  if (tryStatement.finallyBlock || !body || !t.isBlock(body) || !isFunctionLike(t, body.parent)) return false;
  // a function that answers a value on success answers undefined here: that is a failure answer, not "ignore it"
  return body.statements[body.statements.length - 1] === tryStatement && !answersValue(t, body.parent);
}

const RELEASE_METHOD = /^(unlock|unlockSync|release|releaseLock|releaseAll|relinquish)$/;
const LOCK_RECEIVER = /(lock|mutex|semaphore|lease|latch)s?$/i;
const RELEASE_REASON = 'releasing a lock or resource is best-effort clean-up: a failed release must not fail the work that used it (the lock expires or is taken back), so record the error rather than throw it';
const FINALLY_REASON = 'the handler is clean-up in a `finally` block, where a throw would replace the failure or result the try statement had';

/** Whether a node lies in a `finally` block of its own function (memoised upward: a long chain walks once). */
const inFinallyMemo = new WeakMap<ts.Node, boolean>();
const inFinallyBlock = (t: TS, n: ts.Node): boolean | typeof INHERIT =>
  isFunctionLike(t, n) ? false : n.parent && t.isTryStatement(n.parent) && n.parent.finallyBlock === n ? true : INHERIT;

/**
 * await mutex.unlock(id) / lock.release() / redlock.release(lock), alone in the guarded code, or any handler in a
 * `finally` block: a throw would fail (or replace the outcome of) the work the lock guarded.
 */
function bestEffortRelease(t: TS, guarded: ts.Node): string | undefined {
  if (upward(t, inFinallyMemo, guarded, inFinallyBlock, false)) return FINALLY_REASON;
  let releases = 0;
  let other = false;
  // (once other work is seen the answer is known: the rest is skipped, so a long promise chain costs one step)
  const visit = (n: ts.Node): 'skip' | undefined => {
    if (other) return 'skip';
    if (!t.isCallExpression(n)) return undefined;
    const method = calleeMethod(t, n);
    const callee = skipOuter(t, n.expression);
    const receiver = t.isPropertyAccessExpression(callee) ? (dottedName(t, callee.expression) ?? '') : '';
    if (method && (RELEASE_METHOD.test(method) || (LOCK_RECEIVER.test(receiver) && /^(del|delete|remove|end|close|destroy|free)$/.test(method)))) releases++;
    else other = true;
    return other ? 'skip' : undefined;
  };
  visit(guarded);
  walk(t, guarded, visit);
  return releases > 0 && !other ? RELEASE_REASON : undefined;
}

/** Masking values that are an empty answer to a read, not the outcome of an action (`true`/`false`) or an HTTP answer. */
const EMPTY_ANSWER: ReadonlySet<MaskingReturn> = new Set(['null', 'undefined', 'empty-array', 'empty-object', 'empty-string', 'zero', 'default-value']);

const DEGRADED_READ = 'the work in the try block only reads, and the handler answers with an empty value of what it reads: callers get a valid, smaller answer (a page without this part), which a rethrow would turn into a failure of their whole answer; record the error, and decide by hand whether callers should see the failure';

/** Calls that act rather than read: a write, a send, a payment, a job. */
const ACTION_CALL = leadingVerb(STATE_CHANGING_VERBS);
/** Calls that read: `findMany`, `getCol`, `fetchPlans`, `search`. */
const READ_CALL = leadingVerb(READING_VERBS);

/**
 * Whether the guarded work only reads: a call in it reads, none acts, and neither it nor the function's name
 * mentions money (a balance of 0 is never a smaller answer). The caller has checked that errlint sees no
 * database write or outbound call in it.
 */
function onlyReads(t: TS, work: ts.Node, fnName: string | undefined): boolean {
  if (fnName !== undefined && mentionsMoney(fnName)) return false;
  // summarised once per guarded block (an outer try reuses its inner try blocks' answers: linear in nesting)
  const below = summaryBelow<ReadWork>(t, work, { memo: readMemo, crossFunctions: false, empty: noReads, add: (into, n) => addReadWork(t, into, n), merge: mergeReads, settled: (s) => s.acts || s.money });
  const total = noReads();
  addReadWork(t, total, work);
  mergeReads(total, below);
  return total.reads && !total.acts && !total.money;
}

interface ReadWork {
  reads: boolean;
  acts: boolean;
  /** A name or string of the code mentions money (a balance of 0 is never a smaller answer). */
  money: boolean;
}

const readMemo = new WeakMap<ts.Node, ReadWork>();
const noReads = (): ReadWork => ({ reads: false, acts: false, money: false });
const mergeReads = (into: ReadWork, from: ReadWork): void => {
  into.reads ||= from.reads;
  into.acts ||= from.acts;
  into.money ||= from.money;
};

function addReadWork(t: TS, into: ReadWork, n: ts.Node): void {
  if (t.isIdentifier(n) || t.isPrivateIdentifier(n) || t.isStringLiteralLike(n) || t.isTemplateHead(n) || t.isTemplateMiddle(n) || t.isTemplateTail(n)) {
    if (mentionsMoney(n.text)) into.money = true;
    return;
  }
  if (!t.isCallExpression(n)) return;
  const name = calleeMethod(t, n);
  if (name && ACTION_CALL.test(name)) into.acts = true;
  else if (name && READ_CALL.test(name)) into.reads = true;
}

/** Whether the value of a handler call is used: assigned, returned, passed on (not a statement of its own). */
function isValueUsed(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent)) n = n.parent;
  return !t.isExpressionStatement(n.parent) && !t.isVoidExpression(n.parent);
}

/**
 * A degraded read: the guarded work only reads (`onlyReads`) and hands back data (`valueUsed`), and the handler
 * answers with an empty value of it (`[]`, `null`, `{}`, a default) outside an HTTP handler. The finding stands — nobody learns of the failure — but whether callers
 * should get less or fail is the product's decision, not a rewrite: a status page that lists no maintenance when
 * the lookup fails, a menu without its badge count. A masked write or action (`return false` after a charge) is
 * not one: there the failure leaves state callers must know about.
 */
function isDegradedRead(t: TS, fn: FunctionLike | undefined, a: HandlerAnalysis, valueUsed: boolean): boolean {
  const kind = maskingOf(a)?.kind;
  return kind !== undefined && EMPTY_ANSWER.has(kind) && valueUsed && !(fn && isHttpHandler(t, fn));
}

/** Whether `block` hands a value back: a `return <value>` outside nested functions. */
function returnsValue(t: TS, block: ts.Block): boolean {
  let found = false;
  // an explicit stack (walk skips nested functions): a deeply nested body cannot overflow the call stack
  walk(t, block, (n) => {
    if (found) return 'skip';
    if (t.isReturnStatement(n) && n.expression) found = true;
  });
  return found;
}

/**
 * A masking return that is the function's contract rather than an accident: the catch hands back the function's
 * own input (`decode(raw)` returning `raw` when decoding fails) or a value it had before the try statement and
 * the try block does not reassign (`return doc` when enriching `doc` fails), or the doc comment's `@returns` names the fallback
 * (`false otherwise`). A bare `return true` / `return false` pair is not enough: a payment reported as `false` is the
 * very thing this rule is about.
 */
function returnsDocumentedFallback(t: TS, fn: ts.SignatureDeclaration, masking: Masking, tryStatement?: ts.TryStatement): boolean {
  const node = masking.node;
  const value = t.isReturnStatement(node) ? node.expression : undefined;
  const returned = value && t.isIdentifier(skipOuter(t, value)) ? (skipOuter(t, value) as ts.Identifier).text : undefined;
  if (returned && fn.parameters.some((p) => t.isIdentifier(p.name) && p.name.text === returned)) return true;
  // const doc = parse(html); try { return enrich(doc) } catch { return doc }: the value as it was before the try
  if (returned && tryStatement && declaredBefore(t, fn, tryStatement, returned) && !assignsName(t, tryStatement.tryBlock, returned)) return true;
  // read the comment text itself: ESLint's parser does not build JSDoc nodes, so getJSDocTags finds nothing there
  const doc = docComments(t, fn).join('\n');
  return [...doc.matchAll(/@returns?\b([^@]*)/g)].some((m) => /\b(otherwise|on (failure|error)|if .* fails?|when .* fails?|falls? back|fallback)\b/i.test(oneLine(m[1]!)));
}

/** Whether `name` is declared by a `const`/`let`/`var` statement of `fn` that ends before `before` starts. */
function declaredBefore(t: TS, fn: ts.SignatureDeclaration, before: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.getStart() >= before.getStart() || (n !== fn && isFunctionLike(t, n))) return;
    if (t.isVariableDeclaration(n) && t.isIdentifier(n.name) && n.name.text === name && n.getEnd() <= before.getStart()) found = true;
    t.forEachChild(n, visit);
  };
  t.forEachChild(fn, visit);
  return found;
}

/** Whether `block` assigns `name` (`name = …`, `name += …`) outside nested functions. */
function assignsName(t: TS, block: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(t, n)) return;
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= t.SyntaxKind.FirstAssignment && n.operatorToken.kind <= t.SyntaxKind.LastAssignment && t.isIdentifier(n.left) && n.left.text === name) found = true;
    t.forEachChild(n, visit);
  };
  t.forEachChild(block, visit);
  return found;
}

/** What the handler answers today: a value callers get (`return null`, `.catch(() => [])`) or nothing in particular. */
function failureAnswer(t: TS, a: HandlerAnalysis): FailureAnswer {
  const masking = maskingOf(a);
  if (!masking || masking.kind === 'success-response') return { kind: 'none' };
  const node = masking.node;
  // `return;` hands back nothing callers read
  if (t.isReturnStatement(node) && !node.expression) return { kind: 'none' };
  return { kind: 'value', value: masking.kind === 'null' || masking.kind === 'undefined' ? 'nullish' : 'other' };
}

/** Whether the value of a handler call is awaited or returned, so a rejection reaches the caller when the handler goes. */
function isAwaitedOrReturned(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (t.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (t.isAwaitExpression(p) || t.isReturnStatement(p)) return true;
  return t.isArrowFunction(p) && p.body === n;
}

/** Whether the value of a handler call is what the function returns: `return p.catch(…)`, `() => p.catch(…)`. */
function isReturned(t: TS, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (t.isParenthesizedExpression(n.parent) || t.isAwaitExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return t.isReturnStatement(p) || (t.isArrowFunction(p) && p.body === n);
}

/** Array methods that run a callback per item and hand its value back (`forEach`'s callback is already unseen). */
const PER_ITEM_METHODS = new Set(['map', 'flatMap', 'filter', 'some', 'every', 'reduce', 'find', 'findIndex']);

/**
 * Promise.all(channels.map((c) => c.send(msg).catch(noop))):
 * the handler is the answer of one item's callback, so one item's failure stays its own; without it one failing
 * item would fail the whole batch.
 */
function perItemHandler(t: TS, call: ts.CallExpression, fn: FunctionLike | undefined): string | undefined {
  if (!fn || !isReturned(t, call)) return undefined;
  const p = fn.parent;
  if (!p || !t.isCallExpression(p) || !p.arguments.includes(fn as ts.Expression)) return undefined;
  const method = calleeMethod(t, p);
  if (!method || !PER_ITEM_METHODS.has(method)) return undefined;
  return `the handler keeps each item's failure its own: without it one failing item would reject the whole \`${method}\` batch and the work after it`;
}

/**
 * export function stop() { return server.close().catch(() => {}) }: without the handler the promise callers get
 * rejects, and callers in other modules, not in sight, may not await it (a shutdown chain, a fire-and-forget call).
 */
function returnedToUnseenCallers(t: TS, call: ts.CallExpression, fn: FunctionLike | undefined): string | undefined {
  if (!fn || !isReturned(t, call)) return undefined;
  const owner = contractOwner(t, fn);
  if (isHttpHandler(t, owner) || !isExportedFunction(t, owner)) return undefined;
  const name = functionName(t, owner);
  return `${name && /^[\w$]+$/.test(name) ? `\`${name}\`` : 'the function'} returns this promise and is exported: callers in other modules may not await it, and without the handler its rejection would be unhandled there`;
}

/** The statement holding a promise handler call. */
function statementOf(t: TS, node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && !t.isBlock(n.parent) && !t.isSourceFile(n.parent) && !t.isCaseClause(n.parent) && !t.isDefaultClause(n.parent) && !isFunctionLike(t, n.parent)) n = n.parent;
  return n;
}

/**
 * Suggestions for a swallowing rejection handler. Removing it (or rethrowing from it) is offered only when the
 * promise is awaited or returned, nothing runs after it in the function, and the function's failures reach its
 * caller; otherwise the handler records the error and keeps answering what it answered.
 */
function promiseSuggestions(t: TS, sf: ts.SourceFile, h: PromiseHandler, a: SwallowingAnalysis, logger: LoggerInScope | undefined, message: string, readsOnly: boolean): SuggestionList {
  const call = h.node;
  const handler = h.handlerExpr;
  const bound = h.fn ? errorBinding(t, h) : { name: 'error', edits: [] };
  if (!bound) return [];
  const name = bound.name;
  const importEdits = logger?.import ? [insertImport(t, sf, logger.import)] : [];
  // a constant log line in the handler is replaced by one that records the error, in the author's words and level
  const replacedCalls = h.fn && t.isBlock(h.fn.body) ? replacedLogCalls(t, a).filter((c) => c.parent && t.isExpressionStatement(c.parent) && c.parent.parent === h.fn!.body) : [];
  const replacedLevel = a.reason === 'constant-log' ? a.logCalls.find((l) => l.log.kind === 'logger') : undefined;
  const level = replacedLevel ? leadingLevel(t, replacedLevel.call) ?? replacedLevel.log.method : undefined;
  const logLine = logger
    ? loggerCallText(logger, name, replacedMessage(t, replacedCalls) ?? message, level === 'warn' || level === 'warning' ? 'warn' : level === 'fatal' || level === 'crit' || level === 'critical' ? 'fatal' : 'error')
    : undefined;
  const out: SuggestionList = [];
  const target = throwTargetOf(t, enclosingFunction(t, call));
  const fn = enclosingFunction(t, call);
  const degraded = readsOnly && isDegradedRead(t, fn, a, isValueUsed(t, call));
  // the handler's value is the function's answer only when the promise is returned; awaited as a statement, a
  // removed handler adds a rejection and changes no value callers read
  const answer = isReturned(t, call) ? failureAnswer(t, a) : { kind: 'none' as const };
  const release = h.promise ? bestEffortRelease(t, h.promise) : undefined;
  const contract = target.kind === 'caller' && isAwaitedOrReturned(t, call) ? (release ?? perItemHandler(t, call, fn) ?? contractChangeReason(t, fn, answer) ?? returnedToUnseenCallers(t, call, fn)) : undefined;
  const propagates = isAwaitedOrReturned(t, call) && codeAfter(t, statementOf(t, call)) !== 'independent' && target.kind === 'caller' && !degraded && !contract;
  // keep what the handler answers: (error) => { log; return null; }
  const keepAnswerLogged = (): SuggestionList => {
    if (!logger || !logLine) return [];
    const fn = h.fn;
    let edits: TextEdit[] | undefined;
    if (!fn) {
      edits = [{ range: [handler.getStart(sf), handler.end], text: `(${name}) => { ${logLine} }` }];
    } else if (t.isBlock(fn.body)) {
      const body = fn.body;
      const firstStmt = body.statements[0];
      const replaced = replacedCalls[0]?.parent;
      edits = replaced
        ? [...bound.edits, { range: [replaced.getStart(sf), replaced.end], text: logLine }]
        : [...bound.edits, ...(firstStmt ? [{ range: [firstStmt.getStart(sf), firstStmt.getStart(sf)] as const, text: `${logLine} ` }] : editBlock(t, sf, body, [logLine], { emptyInline: true }))];
    } else {
      const value = fn.body.getText(sf);
      edits = [...bound.edits, { range: [fn.body.getStart(sf), fn.body.end], text: `{ ${logLine} return ${value}; }` }];
    }
    return [{ messageId: 'logError', data: { logger: logger.text }, edits: [...importEdits, ...edits] }];
  };
  // an exported function: its callers in other files must handle the rejection too (the project model asks them)
  const across = propagates ? crossFileCallersCondition(t, fn, answer.kind === 'value' || (fn !== undefined && answersValue(t, fn))) : undefined;
  if (propagates && across !== 'unnamed') {
    const remove: TextEdit[] =
      h.kind === 'promise-catch'
        ? [{ range: [h.promise.end, call.end], text: '' }]
        : [{ range: [call.arguments[0]!.end, handler.end], text: '' }];
    out.push({ messageId: 'removeHandler', edits: remove });
    if (logger && logLine) out.push({ messageId: 'logAndRethrow', data: { logger: logger.text }, edits: [...importEdits, { range: [handler.getStart(sf), handler.end], text: `(${name}) => { ${logLine} throw ${name}; }` }] });
    return across ? onlyIfCallersReady(out, across, keepAnswerLogged()) : out;
  }
  out.push(...keepAnswerLogged());
  const why = !isAwaitedOrReturned(t, call)
    ? 'nothing awaits this promise, so without the handler its rejection would be unhandled'
    : degraded
      ? DEGRADED_READ
      : target.kind !== 'caller'
      ? 'the function around it cannot pass a failure on by throwing'
      : contract ?? (across === 'unnamed' ? UNNAMED_EXPORT : 'the code after it runs on failure too, and a rejection would skip it');
  return orByHand(out, why);
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
function isSettleIdiom(t: TS, h: PromiseHandler): boolean {
  return h.kind === 'promise-then' && isInertFunction(t, h.node.arguments[0]);
}

// exists = await head(key).then(() => true).catch(() => false)
function isExistenceProbe(t: TS, h: PromiseHandler, a: HandlerAnalysis): boolean {
  if (maskingOf(a)?.kind !== 'false') return false;
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
  return stmt !== undefined && checkedAfter(t, stmt, names);
}

/**
 * Whether a statement after `stmt` (within five) tests one of `names` (or a value derived from them) and leaves
 * the function when it does: `if (!tenant) return undefined;`, `if (!doc) throw new NotFound()`.
 */
function checkedAfter(t: TS, stmt: ts.Node, names: Set<string>): boolean {
  const collect = (b: ts.BindingName): void => {
    if (t.isIdentifier(b)) names.add(b.text);
    else for (const el of b.elements) if (!t.isOmittedExpression(el)) collect(el.name);
  };
  if (names.size === 0 || !stmt.parent || !(t.isBlock(stmt.parent) || t.isSourceFile(stmt.parent))) return false;
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

/**
 * catch (e) { tenant = null }  if (tenant === null) return undefined;
 * The handler only resets locals, and the code right after the try checks them and leaves.
 */
function isResetAndChecked(t: TS, h: ErrorHandler): boolean {
  if (h.kind !== 'catch-clause' || h.body.statements.length === 0) return false;
  const block = h.body;
  const names = new Set<string>();
  for (const s of block.statements) {
    if (!t.isExpressionStatement(s)) return false;
    const e = skipOuter(t, s.expression);
    if (!t.isBinaryExpression(e) || e.operatorToken.kind !== t.SyntaxKind.EqualsToken || !t.isIdentifier(e.left)) return false;
    names.add(e.left.text);
  }
  return checkedAfter(t, h.node.parent, names);
}

/**
 * running.catch(() => {}); return running
 * The handler only keeps an un-awaited copy from crashing the process: the promise itself reaches a consumer
 * (returned, awaited, passed on), which sees the failure.
 */
function isForkedPromise(t: TS, h: PromiseHandler): boolean {
  let p = skipOuter(t, h.promise);
  // p.finally(() => { pending = null }).catch(() => {}): finally keeps p's rejection
  while (t.isCallExpression(p) && calleeMethod(t, p) === 'finally' && t.isPropertyAccessExpression(skipOuter(t, p.expression))) {
    p = skipOuter(t, (skipOuter(t, p.expression) as ts.PropertyAccessExpression).expression);
  }
  const name = t.isIdentifier(p) || t.isPropertyAccessExpression(p) ? dottedName(t, p) : undefined;
  if (!name) return false;
  const scope: ts.Node = enclosingFunction(t, h.node) ?? h.node.getSourceFile();
  let consumed = false;
  const visit = (n: ts.Node): void => {
    if (consumed || n === h.node) return;
    if ((t.isIdentifier(n) || t.isPropertyAccessExpression(n)) && n !== p && dottedName(t, n) === name) {
      const parent = n.parent;
      if (
        t.isReturnStatement(parent) ||
        t.isAwaitExpression(parent) ||
        t.isArrayLiteralExpression(parent) ||
        (t.isArrowFunction(parent) && parent.body === n) ||
        (t.isCallExpression(parent) && parent.arguments.includes(n as ts.Expression)) ||
        (t.isPropertyAccessExpression(parent) && parent.expression === n && /^(then|catch|finally)$/.test(parent.name.text))
      ) {
        consumed = true;
        return;
      }
    }
    t.forEachChild(n, visit);
  };
  visit(scope);
  return consumed;
}

// inFlight.catch(() => {}).then(() => start()): "after it settles, either way", a sequencing idiom
function isSettleThen(t: TS, h: PromiseHandler, a: HandlerAnalysis): boolean {
  if (h.kind !== 'promise-catch' || !((a.reason === 'empty' && a.noStatements) || maskingOf(a)?.kind === 'undefined')) return false;
  const parent = h.node.parent;
  return t.isPropertyAccessExpression(parent) && parent.expression === h.node && parent.name.text === 'then';
}

const TELEMETRY_FUNCTION = /(^|[a-z])(Tracking|Telemetry|Analytics|Metrics)([A-Z_$]|$)|^(track|collect\w*Metrics)([A-Z_$]|$)/;
/** `checkAnalytics`, `getMetrics`, `loadAnalytics`: reading analytics data for a user is a product feature, not telemetry. */
const READS_ANALYTICS = /^(check|get|load|fetch|find|list|read|query|compute|calculate)(?!\w*(Tracking|Telemetry))/;
/** Whether the nearest named function around `node` (callbacks inside it included) has a name matching `pattern`. */
function namedFunctionMatches(t: TS, node: ts.Node, pattern: RegExp, unless?: RegExp): boolean {
  for (let fn = enclosingFunction(t, node); fn; fn = enclosingFunction(t, fn)) {
    const name = functionName(t, fn);
    if (name) return pattern.test(name) && !unless?.test(name);
  }
  return false;
}

/** A catch clause whose try block ends in `return` and whose try statement ends the function body. */
function returnsImplicitly(t: TS, h: ErrorHandler): boolean {
  if (h.kind !== 'catch-clause') return false;
  const last = h.tryBlock.statements[h.tryBlock.statements.length - 1];
  const tryStmt = h.node.parent;
  const body = tryStmt.parent;
  return last !== undefined && t.isReturnStatement(last) && t.isBlock(body) && isFunctionLike(t, body.parent) && body.statements[body.statements.length - 1] === tryStmt;
}

const FALLBACK_CONTRACT = /\breturns? (false|null|undefined|an? empty|empty|\[\]|nothing|the default|a default)\b[^.]*\b(if|when|on|for)\b[^.]*\b(error|errors|fail|fails|failure|invalid|throws)\b/i;

/** Whether the doc comment of a function (or of the statement declaring it) says what it returns on failure. */
function documentsFallback(t: TS, fn: ts.Node): boolean {
  return docComments(t, fn).some((c) => FALLBACK_CONTRACT.test(oneLine(c)));
}

/**
 * A typing indicator or a "last used" timestamp in the first 2,000 characters of the guarded code (a bound that
 * keeps a long promise chain linear): `sendTyping(chatId)`, `setTypingIndicator(…)`, `{ lastUsedAt: new Date() }`.
 */
function touchesBestEffort(t: TS, guarded: ts.Node): boolean {
  const end = guarded.getStart() + 2000;
  return containsNode(t, guarded, (x) => {
    if (x.pos >= end) return false;
    if (t.isCallExpression(x) || t.isNewExpression(x)) {
      const callee = skipOuter(t, x.expression);
      const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      return name !== undefined && TYPING_INDICATOR_CALL.test(name) && x.expression.end <= end;
    }
    return t.isPropertyAssignment(x) && t.isIdentifier(x.name) && LAST_TOUCH_FIELD.test(x.name.text) && x.name.end < end;
  });
}

/** A state word that names the failure to whoever reads it: a status probe's answer, not a masked error. */
const FAILURE_STATE = /^(disconnected|down|unhealthy|offline|unreachable|unavailable|degraded|failed|failing|error|errored|not[ _-]?connected|not[ _-]?ready)$/i;

/** The handler returns such a word (`return 'disconnected'`, `.catch(() => 'down')`, `{ status: 'unhealthy' }`). */
function returnsFailureState(t: TS, h: ErrorHandler): boolean {
  let found = false;
  const isState = (e: ts.Expression | undefined): boolean => {
    const x = e && skipOuter(t, e);
    if (!x) return false;
    if (t.isStringLiteralLike(x)) return FAILURE_STATE.test(x.text);
    if (t.isObjectLiteralExpression(x)) return x.properties.some((p) => t.isPropertyAssignment(p) && p.name.getText() === 'status' && isState(p.initializer));
    return false;
  };
  const body = h.body;
  if (!body) return false;
  if (!t.isBlock(body)) return isState(body as ts.Expression);
  walk(t, body, (n) => {
    if (found) return 'skip';
    if (isFunctionLike(t, n)) return 'skip';
    if (t.isReturnStatement(n) && isState(n.expression)) found = true;
    return undefined;
  });
  return found;
}

/**
 * catch (e) { return e }  /  return error as Error: the caught error handed back as the function's value, in a
 * function whose every other `return` hands back nothing. Callers that only `await save()` see a success.
 * Undefined unless every path that returns a value is this one, and the function is named (a callback's value is
 * read by whoever runs it: `Promise.all(items.map(async (i) => { try … } catch (e) { return e } }))`).
 */
function returnedErrorOf(t: TS, h: ErrorHandler): { returns: ts.ReturnStatement[]; fn: FunctionLike; name: string } | undefined {
  if (h.kind !== 'catch-clause' || !h.binding) return undefined;
  const fn = enclosingFunction(t, h.node);
  const name = fn && functionName(t, fn);
  if (!fn || !name || !/^[\w$]+$/.test(name) || !fn.body || !t.isBlock(fn.body)) return undefined;
  // an inline callback whose value its runner reads: `.map(async (x) => …)`, `{ handler: async () => … }`
  const holder = fn.parent;
  if (!t.isFunctionDeclaration(fn) && !t.isMethodDeclaration(fn) && !(holder && t.isVariableDeclaration(holder))) return undefined;
  const clause = h.node;
  const returns: ts.ReturnStatement[] = [];
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || (n !== fn && isFunctionLike(t, n))) return;
    if (t.isReturnStatement(n) && n.expression) {
      const v = skipOuter(t, n.expression);
      const inClause = n.pos >= clause.block.pos && n.end <= clause.block.end;
      if (inClause && t.isIdentifier(v) && v.text === h.binding) returns.push(n);
      else if (!(t.isIdentifier(v) && v.text === 'undefined') && !t.isVoidExpression(v)) other = true;
    }
    t.forEachChild(n, visit);
  };
  t.forEachChild(fn.body, visit);
  return !other && returns.length > 0 ? { returns, fn, name } : undefined;
}

/** The names whose calls in the file have their value read (assigned, tested, returned, passed on), once per file. */
const readCallNames = new WeakMap<ts.SourceFile, Set<string>>();
function callValueRead(t: TS, sf: ts.SourceFile, name: string): boolean {
  let names = readCallNames.get(sf);
  if (!names) {
    const found = new Set<string>();
    const visit = (n: ts.Node): void => {
      const callee = t.isCallExpression(n) ? calleeMethod(t, n) : undefined;
      if (callee && isValueUsed(t, n as ts.CallExpression)) found.add(callee);
    };
    walk(t, sf, visit, true);
    readCallNames.set(sf, (names = found));
  }
  return names.has(name);
}

const CLEANUP_FUNCTION = /^(cleanup|cleanUp|teardown|tearDown|dispose|release|shutdown|close|unmount|destroy)([A-Z_$]|$)/;

/** What `exemptionOf` looks at: the handler, what it does, the rule's options and what the guarded work does. */
interface ExemptionInput {
  t: TS;
  h: ErrorHandler;
  a: SwallowingAnalysis;
  options: Options;
  knowledge: Knowledge;
  dbWrites: number;
  outboundCalls: number;
  outerHandles: (clause: ts.CatchClause) => boolean;
}

/** Why a swallowing handler may go unreported: `meta.exemptions`, shown by `errlint audit --show-exempt`. */
const EXEMPTIONS = {
  explained: "a comment or the binding's name says ignoring the failure is deliberate",
  'fallback-contract': "the value answered on failure is the function's contract (a `try*`/`safe*` helper, a predicate's `false`, a documented fallback, a synchronous computation with a fallback value)",
  'failure-path': 'the code already handles a failure, and this is a second one while doing so',
  'observed-elsewhere': 'the outcome is checked or consumed elsewhere (the value tested right after, a forked promise that is returned, a settle-then sequence)',
  'best-effort': 'clean-up, telemetry, a typing indicator or a "last used" touch, best-effort by design',
  'input-check': 'the guarded work parses, probes or verifies input, and its failure is the answer',
} as const;

const exempt = (reason: keyof typeof EXEMPTIONS, detail: string): Exemption => ({ reason, detail });

/** Why a swallowing handler is not reported, or undefined when it is. */
function exemptionOf({ t, h, a, options, knowledge, dbWrites, outboundCalls, outerHandles }: ExemptionInput): Exemption | undefined {
  const masked = maskingOf(a)?.kind;
  const empty = a.reason === 'empty' && a.noStatements;
  const consoleOnly = a.reason === 'console-only';
  if (a.hasExplainingComment) return exempt('explained', 'a comment in the handler explains it');
  if (hasIgnoreCommentAbove(t, h)) return exempt('explained', 'a comment above says failures are ignored on purpose');
  if (h.binding && INTENT_BINDING.test(h.binding) && h.binding !== '_') return exempt('explained', `the error is bound as \`${h.binding}\``);
  const fn = enclosingFunction(t, h.node);
  const name = fn ? functionName(t, fn) : undefined;
  const patterns = options.ignoreFunctionNames.map((p) => new RegExp(p));
  if (name && FALLBACK_HELPER.test(name)) return exempt('fallback-contract', `\`${name}\` is named as a fallback helper`);
  if (name && patterns.some((p) => p.test(name))) return exempt('fallback-contract', `\`${name}\` matches the option ignoreFunctionNames`);
  // /** … Returns false if any errors occur during verification. */: the fallback is the documented contract
  if (fn && masked && documentsFallback(t, fn)) return exempt('fallback-contract', 'the doc comment says what the function returns on failure');
  // isValidUrl(s) { try { new URL(s); return true } catch { return false } } / tunnelHealthCheck() … return false
  if (name && (PREDICATE.test(name) || HEALTH.test(name)) && (masked === 'false' || masked === 'true') && dbWrites === 0) return exempt('fallback-contract', `\`${name}\` is a predicate or health check answering ${masked}`);
  // try { await db.$connect(); return 'connected' } catch { return 'disconnected' }: the answer names the failure
  if (masked === 'default-value' && dbWrites === 0 && returnsFailureState(t, h)) return exempt('fallback-contract', 'the handler answers with a state that names the failure');
  // await verifyToken(t).catch(() => null): a failed verification fails closed
  if (h.kind !== 'catch-clause' && (masked === 'false' || masked === 'null' || masked === 'undefined')) {
    const producer = skipOuter(t, h.promise);
    const producerName = t.isCallExpression(producer) ? calleeMethod(t, producer) : undefined;
    if (producerName && (PREDICATE.test(producerName) || HEALTH.test(producerName))) return exempt('fallback-contract', `the promise comes from the predicate or health check \`${producerName}\``);
  }
  // a second failure while already handling one: catch (e) { try { await rollback() } catch {} throw e } / if (!res.ok) { … res.text().catch(() => '') }
  if (inFailurePath(t, h.node, outerHandles)) return exempt('failure-path', 'a second failure while the code already handles one');
  // try { return new UAParser(ua).getResult() } catch {} as the function's last statement: an implicit `return undefined`
  const fallback = (!empty || returnsImplicitly(t, h)) && !consoleOnly && a.reason !== 'constant-log';
  // try { return formatDate(d, tz) } catch { return d }: a synchronous computation with a fallback value
  if (fallback && h.kind === 'catch-clause' && isSynchronousTry(t, h, knowledge) && !discardsErrorResult(t, h)) return exempt('fallback-contract', 'a synchronous computation with a fallback value');
  if (h.kind !== 'catch-clause' && fallback) {
    if (isCheckedLocally(t, h.node)) return exempt('observed-elsewhere', 'the value is checked right after and turned into a failure');
    if (isExistenceProbe(t, h, a)) return exempt('input-check', 'an existence probe: `false` is the answer');
    if (isSettleIdiom(t, h)) return exempt('observed-elsewhere', 'a "settled" signal; the result is observed elsewhere');
  }
  if (h.kind !== 'catch-clause' && (empty || masked === 'undefined' || masked === 'null')) {
    if (isForkedPromise(t, h)) return exempt('observed-elsewhere', 'the promise itself reaches a consumer, which sees the failure');
    if (isSettleThen(t, h, a)) return exempt('observed-elsewhere', 'waits for the promise to settle, either way');
  }
  if (isResetAndChecked(t, h)) return exempt('observed-elsewhere', 'the handler resets values the code after checks');
  // await deleteChart(id).catch(() => {}) in cleanupOrphanChart(): best-effort by the function's own name
  if (options.ignoreCleanup && name && CLEANUP_FUNCTION.test(name) && dbWrites === 0 && !consoleOnly) return exempt('best-effort', `clean-up in \`${name}\``);
  // sendTyping(chatId).catch(() => {}) / user.update({ data: { lastUsedAt: new Date() } }).catch(() => {}):
  // a typing indicator or a "last used" touch is best-effort by contract
  if (dbWrites <= 1 && !consoleOnly && touchesBestEffort(t, guardedCode(h))) return exempt('best-effort', 'a typing indicator or a "last used" touch');
  const work = guardedWork(t, h, knowledge);
  // analytics.track('published').catch(() => {}) / getSignInTrackingProperties(): analytics and metrics are best-effort
  if (work.telemetry || (namedFunctionMatches(t, h.node, TELEMETRY_FUNCTION, READS_ANALYTICS) && dbWrites === 0 && !consoleOnly)) return exempt('best-effort', 'analytics or metrics');
  // try { return await verifySession(token) } catch { return null }: a credential that fails to verify means "signed out"
  if (work.verification && masked && masked !== 'true' && masked !== 'success-response' && dbWrites === 0 && outboundCalls === 0 && !(h.kind === 'catch-clause' && mentionsMoney(namesIn(t, h.tryBlock).join(' ')))) return exempt('input-check', 'a credential that fails to verify');
  // if (token) { try { if (jwt.verify(token, key).sub === id) return next() } catch {} } …the other checks: a
  // credential that fails to verify falls through to the code after, which treats the caller as not signed in
  if (h.kind === 'catch-clause' && empty && !masked && work.verification && dbWrites === 0 && outboundCalls === 0 && !mentionsMoney(namesIn(t, h.tryBlock).join(' '))) return exempt('input-check', 'a credential that fails to verify falls through to the checks after');
  // try { return JSON.parse(raw) } catch { return null }: the failure is the answer
  if (work.probe) return exempt('input-check', 'the guarded work only parses or probes');
  // try { const parsed = JSON.parse(body); if (isRecord(parsed)) return parsed.message } catch {} return body: an
  // empty catch after a synchronous parse whose failure falls through to the code after, with no I/O beside it (a
  // console print there is still a finding: reviewers wanted the malformed value recorded)
  if (h.kind === 'catch-clause' && empty && !masked && work.parses && dbWrites === 0 && outboundCalls === 0 && isSynchronousTry(t, h, knowledge) && !discardsErrorResult(t, h)) return exempt('input-check', 'a synchronous parse whose failure falls through to the code after');
  // await page.close().catch(() => {}): best-effort release of a resource
  if (work.cleanup && options.ignoreCleanup) return exempt('best-effort', 'best-effort release of a resource');
  return undefined;
}

/** A condition that picks errors out by what they are not: `!isKnown(e)`, `e.code !== 'EEXIST'`. */
function excludes(t: TS, cond: ts.Expression): boolean {
  const x = skipOuter(t, cond);
  if (t.isPrefixUnaryExpression(x)) return x.operator === t.SyntaxKind.ExclamationToken;
  if (!t.isBinaryExpression(x)) return false;
  const op = x.operatorToken.kind;
  return op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken;
}

/** Whether a condition picks some errors out (`e instanceof X`, `e.code === 'P2002'`, `isAxiosError(e)`), not "all but some". */
function narrowsTo(t: TS, cond: ts.Expression, binding: string): boolean {
  const x = skipOuter(t, cond);
  if (t.isPrefixUnaryExpression(x) && x.operator === t.SyntaxKind.ExclamationToken) return false;
  if (t.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    if (op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken || op === t.SyntaxKind.BarBarToken) return false;
    // `err && err.message !== 'exists'` is a filtered rethrow like `err.message !== 'exists'` alone
    if (op === t.SyntaxKind.AmpersandAmpersandToken) return !excludes(t, x.left) && !excludes(t, x.right) && (narrowsTo(t, x.left, binding) || narrowsTo(t, x.right, binding));
  }
  let mentions = false;
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n) && n.text === binding) mentions = true;
    if (!mentions) t.forEachChild(n, visit);
  };
  visit(x);
  return mentions;
}

/** Whether a branch leaves the handler: throws, returns, or hands the failure on (`next(e)`). */
function leavesHandler(t: TS, s: ts.Statement): boolean {
  return endsLeaving(t, t.isBlock(s) ? s.statements : [s]);
}

function endsLeaving(t: TS, statements: readonly ts.Statement[]): boolean {
  const last = statements[statements.length - 1];
  if (last === undefined) return false;
  if (t.isBlock(last)) return endsLeaving(t, last.statements);
  // switch (e.code) { case 'P2003': throw …; default: throw … }: every clause, the default included, leaves
  if (t.isSwitchStatement(last)) {
    const clauses = last.caseBlock.clauses;
    return clauses.some((c) => t.isDefaultClause(c)) && clauses.every((c) => c.statements.length === 0 || endsLeaving(t, c.statements));
  }
  return t.isThrowStatement(last) || t.isReturnStatement(last);
}

/**
 * catch (e) { if (e instanceof RefreshToken) return this.refresh(); }  /  if (e.code === 'P2002') throw new Conflict();
 * The branches that pick some errors out and deal with them; every other error falls through. Undefined when the
 * handler does not narrow that way (a filtered rethrow `if (e.code !== 'EEXIST') throw e` propagates the rest).
 */
function narrowedBranches(t: TS, h: ErrorHandler): Set<ts.Node> | undefined {
  if (h.kind !== 'catch-clause' || !h.binding) return undefined;
  const branches = new Set<ts.Node>();
  for (const s of h.body.statements) {
    if (t.isIfStatement(s) && !s.elseStatement && narrowsTo(t, s.expression, h.binding) && leavesHandler(t, s.thenStatement)) branches.add(s);
  }
  return branches.size > 0 ? branches : undefined;
}

/**
 * The one imported binding a handler calls that may be a logger or error-recording function declared in another
 * module (`audit.error('sync failed')`, `logError('sync failed')`); undefined when there is none or several.
 */
function modelLoggerIn(t: TS, h: ErrorHandler, knowledge: Knowledge, imports: ReturnType<typeof importsOf>): ModelLogger | undefined {
  if (!h.body) return undefined;
  let found: ModelLogger | undefined;
  let several = false;
  walk(t, h.body, (n) => {
    if (!t.isCallExpression(n) || classifyLogCall(t, n, knowledge, imports)) return;
    const m = modelLoggerOf(t, n, knowledge, imports);
    if (!m) return;
    if (found && found.local !== m.local) several = true;
    found ??= m;
  });
  return several ? undefined : found;
}

/** Where a finding on a handler is underlined: `catch (e)` of a clause, the handler argument of a promise handler. */
function handlerRange(sf: ts.SourceFile, h: ErrorHandler): readonly [number, number] {
  const range: readonly [number, number] = h.kind === 'catch-clause' ? [h.node.getStart(sf), h.body.getStart(sf)] : [h.handlerExpr.getStart(sf), h.handlerExpr.end];
  return [range[0], range[0] + sf.text.slice(range[0], range[1]).trimEnd().length];
}

/** Where the handled work's effects are counted: the try block, or `p.catch` whose child is the promise-producing call (`prisma.order.update(...).catch(() => {})`). */
function effectsTarget(h: ErrorHandler): ts.Node {
  return h.kind === 'catch-clause' ? h.tryBlock : h.node.expression;
}

function report(context: RuleContext<Options, MessageIds>, h: ErrorHandler, a: SwallowingAnalysis, outerHandles: (clause: ts.CatchClause) => boolean, partial?: string, dependsOn?: ModelCondition): void {
  const t = context.ts;
  const sf = context.sourceFile;
  const target = effectsTarget(h);
  const effects = blockEffects(t, target, context.knowledge);
  const exemption = exemptionOf({ t, h, a, options: context.options, knowledge: context.knowledge, dbWrites: effects.dbWrites.length, outboundCalls: effects.outboundCalls.length, outerHandles });
  if (exemption) {
    context.exempt?.({ range: handlerRange(sf, h), exemption });
    return;
  }

  const factors: RiskFactor[] = [];
  if (effects.dbWrites.length > 0) factors.push(FACTORS.dbWrite);
  if (effects.outboundCalls.length > 0) factors.push(FACTORS.outboundCall);
  const masking = maskingOf(a);
  if (masking && masking.kind !== 'undefined') factors.push(MASKING_FACTOR);

  const noun = handlerNoun(h);
  let messageId: MessageIds;
  let data: Record<string, string>;
  if (partial) {
    messageId = 'partial';
    data = { condition: shorten(partial, 50) };
  } else if (a.reason === 'console-only') {
    // .catch(console.error) passes the console method itself
    const call = a.logCalls.find((l) => l.log.kind === 'console');
    messageId = 'consoleOnly';
    data = { handler: noun, call: call ? `${call.log.receiver ?? 'console'}.${call.log.method}` : shorten(h.kind === 'catch-clause' ? 'console' : h.handlerExpr.getText(sf)) };
  } else if (a.reason === 'constant-log') {
    const call = a.logCalls.find((l) => l.log.kind === 'logger');
    messageId = 'constantLog';
    data = { handler: noun, call: call ? `${call.log.receiver ?? ''}.${call.log.method}` : 'logger' };
  } else if (masking?.text) {
    messageId = 'maskingReturn';
    data = { handler: noun, value: shorten(masking.text), consequence: CONSEQUENCE[masking.kind] };
  } else if (a.reason === 'empty') {
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
  const reads = target !== undefined && effects.dbWrites.length === 0 && effects.outboundCalls.length === 0 && onlyReads(t, target, fnName);
  const suggest = h.kind === 'catch-clause' ? catchClauseSuggestions(t, sf, h.node, h, a, logger, logMessage, reads) : promiseSuggestions(t, sf, h, a, logger, logMessage, reads);
  // logger.error('msg', err) through the project's own logger: only if it is not pino (the model decides)
  const loggerCondition = logger && messageFirstCondition(logger);
  if (loggerCondition) for (const s of suggest) if (s.data?.logger === logger.text) s.dependsOn = loggerCondition;

  context.report({ range: handlerRange(sf, h), messageId, data, suggest, factors, anchor: h.node, ...(dependsOn ? { dependsOn } : {}) });
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
      clientTranslation: 'Every error caught here, outages included, becomes `{{name}}`: the {{handler}} does not look at what failed and records nothing, so a broken dependency reads as the client\'s mistake.',
      returnedError: 'The error caught here is returned as a value, and `{{name}}` returns nothing when it succeeds: callers that only await it (none in this file reads its value) carry on as if it succeeded.',
      throwInstead: 'Throw the error instead of returning it.',
      partial: 'Only the errors matching `{{condition}}` are handled here: every other error caught is discarded without a trace.',
      rethrow: 'Rethrow the error so the caller sees the failure.',
      logAndRethrow: 'Record the error with `{{logger}}` and rethrow it.',
      passToNext: 'Pass the error to `{{next}}` so the error middleware answers the request.',
      logAndPassToNext: 'Record the error with `{{logger}}` and pass it to `{{next}}`.',
      respondWithError: 'Answer the request with a 500 error: without `next`, a rethrow would leave it unanswered.',
      logAndRespond: 'Record the error with `{{logger}}` and answer the request with a 500 error.',
      removeHandler: 'Remove the rejection handler so the failure reaches the caller.',
      logError: 'Record the error with `{{logger}}` and keep the code as it goes on.',
      rewriteByHand: 'No propagating rewrite is offered: {{reason}}.',
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
    // precision 0.43 on unseen repositories (issue 14)
    preset: 'strict',
    cwe: ['CWE-390', 'CWE-755'],
    precision: 'low',
    // client code: reviewers dismissed every finding there (fallbacks shown on screen, issue 14)
    roles: ['server', 'script', 'test'],
    exemptions: EXEMPTIONS,
  },
  create(context) {
    const t = context.ts;
    if (context.file.role === 'test' && !context.options.checkTestFiles) return {};
    const imports = importsOf(t, context.sourceFile);
    // CLI scripts, browser code and the logger module write to the console by design
    // (a file-level `/* eslint-disable no-console */` states the same for that file; a line directive does not)
    const consoleIsRecord = context.file.role === 'script' || context.file.isLoggerModule || consoleAllowedInFile(t, context.sourceFile);
    // a catch nested in a catch is exempt only while the outer one hands the original failure on
    const outerHandles = (clause: ts.CatchClause): boolean => propagates(analyzeHandler(t, catchClauseHandler(t, clause), context.knowledge, imports, { consoleIsRecord }));
    const check = (node: ts.Node): void => {
      // a function page.evaluate(…) runs in the browser: client code, where the server's logger, next and
      // callers do not exist (the rule's roles leave client code out)
      const h = errorHandlerOf(t, node);
      if (!h || runsInPage(t, h.node)) return;
      const a = analyzeHandler(t, h, context.knowledge, imports, { consoleIsRecord });
      // (`audit.warn('sync failed')` reads as recording a failure state until the model says `audit` is a logger)
      if (handles(a) && !records(a)) {
        // catch { audit.warn('sync failed') } with `audit` from another module: a constant log line if it is a logger
        const assume = modelLoggerIn(t, h, context.knowledge, imports);
        const assumed = assume ? analyzeHandler(t, h, context.knowledge, imports, { consoleIsRecord, assume }) : undefined;
        if (assume && assumed?.reason === 'constant-log') {
          report(context, h, assumed, outerHandles, undefined, { fact: assume.as === 'logger' ? 'logger' : 'error-reporter', module: assume.module, imported: assume.imported });
          return;
        }
      }
      // catch (e) { return e } in a function that hands back nothing on success, whose value no caller here reads
      const returned = propagates(a) && !a.recorded ? returnedErrorOf(t, h) : undefined;
      if (returned && !callValueRead(t, context.sourceFile, returned.name) && !FALLBACK_HELPER.test(returned.name) && !a.hasExplainingComment && !hasIgnoreCommentAbove(t, h)) {
        const sf = context.sourceFile;
        const edits: TextEdit[] = returned.returns.map((r) => ({ range: [r.getStart(sf), r.getStart(sf) + 'return'.length] as const, text: 'throw' }));
        // the callers' view: exported, passed on, called without await, or its answer read
        const contract = contractChangeReason(t, returned.fn, { kind: 'value', value: 'other' });
        const suggest: SuggestionList = contract ? orByHand([], contract) : [{ messageId: 'throwInstead', edits }];
        context.report({ range: handlerRange(sf, h), messageId: 'returnedError', data: { name: returned.name }, suggest, anchor: h.node });
        return;
      }
      // findOrThrow(id).catch(() => { throw new NotFoundException() }): every failure becomes an unlogged 4xx
      const translated = propagates(a) && !a.recorded ? blindClientTranslation(t, h, context.knowledge) : undefined;
      if (translated) {
        const effects = blockEffects(t, effectsTarget(h), context.knowledge);
        const factors: RiskFactor[] = [...(effects.dbWrites.length > 0 ? [FACTORS.dbWrite] : []), ...(effects.outboundCalls.length > 0 ? [FACTORS.outboundCall] : [])];
        const name = translated.expression.getText(context.sourceFile);
        context.report({ range: handlerRange(context.sourceFile, h), messageId: 'clientTranslation', data: { name, handler: handlerNoun(h) }, factors, anchor: h.node });
        return;
      }
      if (handles(a)) {
        // partial: the handled branches pick some errors out, and what is left swallows the rest
        const branches = narrowedBranches(t, h);
        if (!branches) return;
        const rest = analyzeHandler(t, h, context.knowledge, imports, { consoleIsRecord, skip: branches });
        if (handles(rest) || (rest.reason === 'console-only' && !context.options.checkConsoleOnly)) return;
        const first = [...branches][0] as ts.IfStatement;
        report(context, h, rest, outerHandles, first.expression.getText(context.sourceFile));
        return;
      }
      if (a.reason === 'console-only' && !context.options.checkConsoleOnly) return;
      report(context, h, a, outerHandles);
    };
    return {
      CatchClause: check,
      CallExpression(node) {
        if (context.options.checkPromiseHandlers) check(node);
      },
    };
  },
});
