import type * as ts from 'typescript';
import { calleeMethod, containsNode, dottedName, enclosingFunction, functionName, INHERIT, isFunctionLike, isHttpHandler, skipOuter, upward, type Decide, type FunctionLike } from '../src/analysis/ast.js';
import { atoms, pathConditions } from '../src/analysis/flow.js';
import { enclosingErrorSite } from '../src/analysis/error-sites.js';
import { BUILT_IN_ERRORS, collectErrorClasses, findBaseErrorClass, isErrorLikeName, isProjectModule, type BaseErrorClass } from '../src/analysis/error-classes.js';
import { fileScope, importsOf, propertyNameText, type ImportMap } from '../src/analysis/scope.js';
import { responseSinkAt } from '../src/analysis/http.js';
import type { Knowledge } from '../src/knowledge/index.js';
import { isServerActionModule } from '../src/analysis/frameworks/next.js';
import { defineRule } from '../src/define-rule.js';
import type { Exemption, SuggestionDescriptor, TS } from '../src/types.js';

export type MessageIds = 'refusal' | 'badInput' | 'replacesTyped' | 'inconsistent' | 'genericWithBase' | 'literal' | 'rejectLiteral' | 'useBase' | 'useBaseByHand' | 'wrapInError';

export interface Options {
  allowClasses: string[];
  ignoreInvariants: boolean;
}

/** Why a thrown plain error or literal may go unreported: `meta.exemptions`, shown by `errlint audit --show-exempt`. */
const EXEMPTIONS = {
  'allowed-class': 'the built-in class is in the option `allowClasses` (argument checks with `TypeError`, `RangeError`…)',
  'module-level': 'thrown while the module loads, outside any function: the process should crash, nobody catches it',
  'config-guard': 'a check of configuration or the environment (a `process.env` guard, a message naming a missing setting)',
  'caught-locally': 'thrown inside a `try` of the same function: control flow to the local catch, no caller sees it',
  invariant: 'a programmer invariant (`not implemented`, `unreachable`, an exhaustiveness check, an assertion function), with `ignoreInvariants`',
  'message-contract': "the message is the contract: a Next.js server action (the class does not reach the browser) or an example file",
  'framework-callback': 'thrown in a callback whose framework turns the throw into its answer (an auth provider\'s `authorize`)',
  'validator-callback': "thrown or rejected in a validator's callback: it only marks the value invalid, `.withMessage` supplies the error",
  'declared-exit': "a Sails helper's declared exit, taken by throwing its name",
  answered: 'thrown right after the statement that answered the request with an error status: it only ends the handler',
} as const;

const exemption = (reason: keyof typeof EXEMPTIONS, detail: string): Exemption => ({ reason, detail });

// Configuration checks at startup: the process should crash, nobody catches these.
const CONFIG_MESSAGE = /environment variable|\benv(?:ironment)? var|\bENV_[A-Z_]+|process\.env|import\.meta\.env/i;
// `DASHBOARD_SECRET_KEY is not set`, `Parse Server option customPages must be an object.`: a setting checked at startup.
// `S3 configuration error: Missing region`: the server's own configuration is incomplete.
const SETTING_MESSAGE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+ (?:is|are) (?:not set|missing|required|not defined|undefined|empty)\b|\b(?:[Oo]ption|[Cc]onfig(?:uration)?|[Ss]etting)s?\b[^.]*\b(?:must|should)\b|\b[Cc]onfig(?:uration)? (?:error|is (?:missing|incomplete|invalid))\b/;
// Invariant constants named as bugs: `BUG_NO_USER_CTX`.
const BUG_CONSTANT = /^BUG_|_BUG_|^ASSERT/;
// Messages of programmer-error assertions, where a plain Error is the idiom.
const INVARIANT = /\b(?:(?:should|must) not be (?:undefined|null)|(?:is|was) not an? (?:Uint8Array|Buffer|ArrayBuffer|ReadableStream|string|number|boolean|object|array|function|instance of \w+)|not (?:yet )?implemented|unimplemented|unreachable|should (?:never|not) (?:happen|be reached|occur)|never (?:happen|occur)s?|impossible|invariant|exhaustive|assert(?:ion)? failed|must be overr?idd?en|abstract method|subclass(?:es)? must implement|must be used (?:with)?in(?:side)? (?:a |an |the )?<?\w+|can only be (?:used|called) (?:from |in(?:side)? |within |with )|should \w+ but\b|unknown (?:\w+ )?type\b|unhandled (?:case|type|kind|variant|value|action|event|status|state)|unknown (?:case|variant|kind|action)|unexpected (?:case|variant|kind)|unsupported (?:\w+ )?(?:source|kind|variant|case|operator)|but \w+ (?:is|was) (?:null|undefined|missing|not set))\b/i;
/*
 * A refusal the caller must tell apart from a crash (404, 409, 402, 403, 429…): the words of a business rule or a
 * missing record, not of a broken program. `Cannot refund payment 7 with status pending`, `Insufficient stock`.
 */
const REFUSAL = new RegExp(
  [
    String.raw`\bnot found\b`,
    String.raw`\b(?:does not|doesn't|no longer) exists?\b`,
    String.raw`\bno such (?:user|account|order|payment|record|item|entry|resource|customer|invoice|product|subscription)\b`,
    String.raw`\binsufficient\b`,
    String.raw`\bout of stock\b`,
    String.raw`\balready (?:exists?|taken|registered|in use|paid|cancell?ed|refunded|completed|processed|verified|subscribed|a member|accepted|redeemed|used)\b`,
    String.raw`\b(?:not allowed|not permitted|forbidden|unauthori[sz]ed|permission denied|access denied|no permission)\b|\bno access\b(?! ?(?:token|key))`,
    String.raw`\b(?:do|does) not have (?:the )?(?:permission|access|rights?)\b`,
    String.raw`\b(?:has|have|is|are) expired\b`,
    String.raw`\b(?:limit|quota) (?:exceeded|reached)\b|\bexceeds? (?:the |your )?(?:limit|quota|maximum|balance)\b|\bover (?:the |your )?(?:limit|quota|budget)\b`,
    String.raw`\b(?:payment|card|charge|transaction) (?:was )?declined\b`,
    String.raw`\b(?:cannot|can't|can not)\b[^\n]*\b(?:status|state)\b`,
  ].join('|'),
  'i',
);
// A lookup in the program's own registry or configuration (`Handler for provider was not found`, `Template x not
// found`, `Config not found in the database`): a bug or a deployment mistake, not a refusal.
const CODE_LOOKUP = /\b(?:provider|handler|template|factory|module|plugin|strategy|adapter|driver|implementation|class|function|method|component|registry|file|directory|folder|path|command|binary|executable|package|dependency|extension|loader|resolver|transport|schema|migration|config|configuration)s?\b/i;
// A technical failure (`Failed to create batch`, `S2 stream failed: 503`): a 500 is the right answer whatever the
// class, so a plain Error beside typed ones is not a finding by itself.
const TECHNICAL = /\b(?:failed|failure|fails|unable to|could not|couldn't|timed? ?out|unexpected(?:ly)?|returned|no response|connection|internal)\b|\brate.?limited\b|\bHTTP\b|\bstatus(?:Code)? \$?\{?\d/i;
// Invalid input, a 400 when an HTTP handler rejects it (argument checks elsewhere are the caller's bug).
const BAD_INPUT = /\b(?:missing|required|invalid|malformed|empty|must be|must have|must contain|bad request|not (?:a )?valid)\b/i;
// Callbacks of frameworks that turn a thrown plain Error into their own answer: NextAuth's `authorize` and
// `signIn` turn its message into the sign-in page's error.
const FRAMEWORK_ERROR_CALLBACKS = new Set(['authorize']);
// tRPC procedures: a callback passed to `.query()` / `.mutation()` / `.subscription()` answers a request.
const PROCEDURE_METHODS = new Set(['query', 'mutation', 'subscription']);
// Fields that tell a caught error's kind: `err.code === 'P2002'`, `e.status === 404`.
const TYPE_FIELDS = new Set(['code', 'status', 'statusCode', 'name', 'type', 'kind', 'errno']);

interface LiteralKind {
  kind: string;
  /** Source text of a string-like value that `new X(text)` can take. */
  message?: string;
}

/** A thrown or rejected value that is certainly not an Error. */
function literalKind(t: TS, expr: ts.Expression, sf: ts.SourceFile): LiteralKind | undefined {
  const e = skipOuter(t, expr);
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e) || t.isTemplateExpression(e)) return { kind: 'a string', message: e.getText(sf) };
  if (t.isNumericLiteral(e) || (t.isPrefixUnaryExpression(e) && t.isNumericLiteral(e.operand))) return { kind: 'a number' };
  if (e.kind === t.SyntaxKind.TrueKeyword || e.kind === t.SyntaxKind.FalseKeyword) return { kind: 'a boolean' };
  if (e.kind === t.SyntaxKind.NullKeyword) return { kind: 'null' };
  if (t.isIdentifier(e) && e.text === 'undefined') return { kind: 'undefined' };
  if (t.isObjectLiteralExpression(e)) return { kind: 'a plain object' };
  if (t.isArrayLiteralExpression(e)) return { kind: 'an array' };
  // e.message, String(e), e.toString()
  if (t.isPropertyAccessExpression(e) && e.name.text === 'message') return { kind: 'a string' };
  if (t.isCallExpression(e) && t.isIdentifier(e.expression) && e.expression.text === 'String') return { kind: 'a string' };
  if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString' && e.arguments.length === 0) return { kind: 'a string' };
  if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.PlusToken && (literalKind(t, e.left, sf)?.kind === 'a string' || literalKind(t, e.right, sf)?.kind === 'a string')) {
    return { kind: 'a string', message: e.getText(sf) };
  }
  return undefined;
}

/**
 * Sails helpers and actions (`module.exports = { exits: { limitReached: {} }, fn: async function (inputs) { throw
 * 'limitReached' } }`): a thrown exit name, or `{ exitName: value }`, takes a declared exit, which callers intercept
 * (`.intercept('limitReached', …)`). That is the framework's API, not a literal error; `new Error(…)` would take the
 * error exit instead.
 */
function takesDeclaredExit(t: TS, expr: ts.Expression, stmt: ts.Node): boolean {
  const only = t.isObjectLiteralExpression(expr) && expr.properties.length === 1 ? expr.properties[0]!.name : undefined;
  const name = t.isStringLiteralLike(expr) ? expr.text : only ? propertyNameText(t, only) : undefined;
  if (!name) return false;
  const fn = enclosingFunction(t, stmt);
  const holder = fn && t.isMethodDeclaration(fn) ? fn.parent : fn?.parent && t.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
  if (!holder || !t.isObjectLiteralExpression(holder)) return false;
  const exits = holder.properties.find((p) => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === 'exits');
  const declared = exits && t.isPropertyAssignment(exits) ? skipOuter(t, exits.initializer) : undefined;
  return declared !== undefined && t.isObjectLiteralExpression(declared) && declared.properties.some((p) => p.name !== undefined && propertyNameText(t, p.name) === name);
}

/**
 * Inside the callback of an express-validator `.custom(fn)` chain step (`body('domain').custom(async (v) => { if
 * (taken) return Promise.reject() }).withMessage('…')`): a rejection or throw only marks the value invalid, and
 * `.withMessage` supplies the error.
 */
function insideValidatorCallback(t: TS, node: ts.Node): boolean {
  const fn = enclosingFunction(t, node);
  const call = fn?.parent;
  return call !== undefined && t.isCallExpression(call) && call.arguments.includes(fn as ts.Expression) && calleeMethod(t, call) === 'custom' && t.isPropertyAccessExpression(call.expression);
}

/** Inside a function (a module-level throw is a startup check that crashes the process on purpose). */
function insideFunction(t: TS, node: ts.Node): boolean {
  return upward(t, insideFunctionMemo, node.parent, functionOrStaticBlock, false);
}

// the walks up from each throw are memoised per node: a chain of n else-ifs each throwing cost n² (issue 19)
const insideFunctionMemo = new WeakMap<ts.Node, boolean>();
const functionOrStaticBlock: Decide<boolean> = (t, n) => (isFunctionLike(t, n) || t.isClassStaticBlockDeclaration(n) ? true : INHERIT);

/** Thrown inside a `try` block of the same function: control flow to the local catch, no caller sees it. */
function insideLocalTry(t: TS, node: ts.Node): boolean {
  return upward(t, localTryMemo, node, inLocalTryBlock, false);
}

const localTryMemo = new WeakMap<ts.Node, boolean>();
/** Seen from `child`: its parent is a try statement with a catch and `child` its try block (true), or a function (false). */
const inLocalTryBlock: Decide<boolean> = (t, child) => {
  const n = child.parent;
  if (!n || isFunctionLike(t, n)) return false;
  return t.isTryStatement(n) && n.tryBlock === child && n.catchClause ? true : INHERIT;
};

/** The throw is guarded by a `process.env` / `import.meta.env` check: a configuration assertion. */
function isConfigGuard(t: TS, node: ts.Node): boolean {
  return upward(t, configGuardMemo, node.parent, configCondition, false);
}

const configGuardMemo = new WeakMap<ts.Node, boolean>();
function configCondition(t: TS, n: ts.Node): boolean | typeof INHERIT {
  if (isFunctionLike(t, n)) return false;
  return t.isIfStatement(n) && containsNode(t, n.expression, (x) => readsEnvironment(t, x)) ? true : INHERIT;
}

/** `process.env`, `import.meta.env`, or a setting read from an `env` object (`env.DATABASE_URL`, `config.env.API_KEY`). */
function readsEnvironment(t: TS, x: ts.Node): boolean {
  if (!t.isPropertyAccessExpression(x)) return false;
  const name = dottedName(t, x);
  if (name === 'process.env' || (x.name.text === 'env' && t.isMetaProperty(x.expression) && x.expression.keywordToken === t.SyntaxKind.ImportKeyword)) return true;
  const holder = t.isIdentifier(x.expression) ? x.expression : t.isPropertyAccessExpression(x.expression) ? x.expression.name : undefined;
  return holder?.text === 'env' && /^[A-Z_]{2}/.test(x.name.text);
}

/** `default:` of a switch or an argument mentioning `never`: an exhaustiveness check. */
function isExhaustivenessCheck(t: TS, node: ts.Node, args: readonly ts.Expression[]): boolean {
  if (args.some((a) => containsNode(t, a, (x) => x.kind === t.SyntaxKind.NeverKeyword || (t.isIdentifier(x) && x.text === 'never') || ((t.isStringLiteralLike(x) || t.isTemplateLiteralToken(x)) && /\bnever\b/.test(x.text))))) return true;
  return upward(t, exhaustiveMemo, node.parent, defaultClauseOrNeverFunction, false);
}

const exhaustiveMemo = new WeakMap<ts.Node, boolean>();
// function assertNever(value: never): never
const defaultClauseOrNeverFunction: Decide<boolean> = (t, n) => {
  if (t.isDefaultClause(n)) return true;
  return isFunctionLike(t, n) ? n.parameters.some((p) => p.type?.kind === t.SyntaxKind.NeverKeyword) : INHERIT;
};

/**
 * A class member whose whole body is the throw (`get model() { throw new Error('model is not defined') }`): a
 * placeholder a subclass overrides, a programmer error when it runs.
 */
function isPlaceholderMember(t: TS, stmt: ts.Node): boolean {
  const block = stmt.parent;
  const member = block?.parent;
  return block !== undefined && t.isBlock(block) && block.statements.length === 1 && member !== undefined &&
    (t.isMethodDeclaration(member) || t.isGetAccessorDeclaration(member)) && member.body === block && t.isClassLike(member.parent);
}

/**
 * `new Error('Error talking to the tracker', { cause: err })` in a catch or rejection handler: it wraps a failure
 * the handler did not identify, and the cause carries what happened; a 500 is its answer whatever its class.
 */
function wrapsCaught(t: TS, args: readonly ts.Expression[], node: ts.Node): boolean {
  const options = args[1] && skipOuter(t, args[1]);
  if (!options || !t.isObjectLiteralExpression(options)) return false;
  if (!options.properties.some((p) => (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && propertyNameText(t, p.name) === 'cause')) return false;
  return enclosingErrorSite(t, node) !== undefined;
}

/**
 * `reply.code(401).send({ message: 'Invalid email or password' }); throw new Error('Password is not valid')`: the
 * statement before the throw answered the request with an error status, so the client has its answer and the throw
 * only ends the handler.
 */
function answeredJustBefore(t: TS, stmt: ts.Node, knowledge: Knowledge, imports: ImportMap): boolean {
  const block = stmt.parent;
  if (!block || !t.isBlock(block)) return false;
  const i = block.statements.indexOf(stmt as ts.Statement);
  const prev = i > 0 ? block.statements[i - 1] : undefined;
  if (!prev || !t.isExpressionStatement(prev)) return false;
  let e = skipOuter(t, prev.expression);
  while (t.isAwaitExpression(e)) e = skipOuter(t, e.expression);
  const sink = t.isCallExpression(e) ? responseSinkAt(t, e, knowledge, imports) : undefined;
  return sink !== undefined && sink.kind === 'method' && (sink.status ?? 0) >= 400;
}

function messageText(t: TS, args: readonly ts.Expression[], sf: ts.SourceFile): string {
  const first = args[0];
  if (!first) return '';
  const e = skipOuter(t, first);
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return e.getText(sf);
}

/** `function assertOrder(x): asserts x is Order`: a type helper whose throw is the assertion. */
function insideAssertionFunction(t: TS, node: ts.Node): boolean {
  const fn = enclosingFunction(t, node);
  const type = fn?.type;
  return type !== undefined && t.isTypePredicateNode(type) && type.assertsModifier !== undefined;
}

/** `authorize(credentials) { throw new Error('…') }` in a provider's options: the framework turns the throw into its answer. */
function insideFrameworkErrorCallback(t: TS, node: ts.Node): boolean {
  for (let fn = enclosingFunction(t, node); fn; fn = enclosingFunction(t, fn)) {
    const name = functionName(t, fn);
    const holder = t.isMethodDeclaration(fn) ? fn.parent : fn.parent && t.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
    if (name && FRAMEWORK_ERROR_CALLBACKS.has(name) && holder && t.isObjectLiteralExpression(holder)) return true;
  }
  return false;
}

/** `.mutation(async ({ ctx, input }) => …)`: a tRPC procedure, which answers a request. */
function isProcedure(t: TS, fn: FunctionLike): boolean {
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const method = calleeMethod(t, call);
  const param = fn.parameters[0]?.name;
  return method !== undefined && PROCEDURE_METHODS.has(method) && param !== undefined && (t.isObjectBindingPattern(param) ? param.elements.some((e) => t.isIdentifier(e.name) && (e.name.text === 'input' || e.name.text === 'ctx')) : t.isIdentifier(param) && param.text === 'opts');
}

/** The throw reaches a request's error handler directly: it is in an HTTP handler or a tRPC procedure. */
function answersRequest(t: TS, node: ts.Node): boolean {
  for (let fn = enclosingFunction(t, node); fn; fn = enclosingFunction(t, fn)) if (isHttpHandler(t, fn) || isProcedure(t, fn)) return true;
  return false;
}

/** `err.code`, `e.status`: a field that tells the caught error's kind. */
function isTypeField(t: TS, e: ts.Expression, name: string): boolean {
  const s = skipOuter(t, e);
  return t.isPropertyAccessExpression(s) && TYPE_FIELDS.has(s.name.text) && t.isIdentifier(skipOuter(t, s.expression)) && (skipOuter(t, s.expression) as ts.Identifier).text === name;
}

/** The condition, holding, says what the caught error `name` is: `err instanceof NotFoundError`, `err.code === 'P2002'`. */
function identifiesError(t: TS, test: ts.Expression, value: boolean, name: string): boolean {
  return atoms(t, test, value).some(({ test: e, value: holds }) => {
    if (!t.isBinaryExpression(e)) return false;
    const op = e.operatorToken.kind;
    if (op === t.SyntaxKind.InstanceOfKeyword) {
      const left = skipOuter(t, e.left);
      return holds && t.isIdentifier(left) && left.text === name && !(t.isIdentifier(e.right) && BUILT_IN_ERRORS.has(e.right.text));
    }
    const eq = op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.EqualsEqualsToken;
    const ne = op === t.SyntaxKind.ExclamationEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsToken;
    return (eq || ne) && eq === holds && (isTypeField(t, e.left, name) || isTypeField(t, e.right, name));
  });
}

/**
 * Thrown where a catch (or rejection handler) has identified the caught error: under `if (err instanceof
 * NotFoundError)`, `if (e.code === 'P2002')` or a `case` of `switch (e.code)`. Wrapping the errors it could not
 * identify (`if (e.code !== 'P2025') throw new Error(…)`) is not replacing a typed one.
 */
function replacesTypedError(t: TS, node: ts.Node): boolean {
  const site = enclosingErrorSite(t, node);
  const name = site?.binding;
  if (!site?.body || !name || (site.kind !== 'catch-clause' && site.kind !== 'promise-catch' && site.kind !== 'promise-then')) return false;
  if (pathConditions(t, node, site.body).some((c) => identifiesError(t, c.test, c.value, name))) return true;
  for (let n: ts.Node | undefined = node.parent; n && n !== site.body; n = n.parent) {
    if (t.isCaseClause(n) && isTypeField(t, n.parent.parent.expression, name)) return true;
  }
  return false;
}

/** `reject` of a `new Promise((resolve, reject) => …)` executor, not shadowed on the way up. */
function isExecutorReject(t: TS, call: ts.CallExpression, executorRejects: ReadonlySet<string>): boolean {
  if (!t.isIdentifier(call.expression)) return false;
  const name = call.expression.text;
  if (!executorRejects.has(name)) return false;
  for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
    if (!isFunctionLike(t, n)) continue;
    const index = n.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === name);
    if (index < 0) continue;
    const holder = n.parent;
    return (
      index === 1 &&
      holder !== undefined &&
      t.isNewExpression(holder) &&
      t.isIdentifier(holder.expression) &&
      holder.expression.text === 'Promise' &&
      holder.arguments?.[0] === n
    );
  }
  return false;
}

function isPromiseReject(t: TS, call: ts.CallExpression): boolean {
  const callee = skipOuter(t, call.expression);
  return t.isPropertyAccessExpression(callee) && callee.name.text === 'reject' && t.isIdentifier(callee.expression) && callee.expression.text === 'Promise';
}

/**
 * Why a plain Error's missing type matters, as far as the throw itself shows; a project base class or typed
 * errors elsewhere in the file (`genericWithBase`, `inconsistent`) are settled at the end of the file.
 */
type LocalEvidence = 'replacesTyped' | 'refusal' | 'badInput';

interface PlainThrow {
  expr: ts.NewExpression | ts.CallExpression;
  callee: ts.Identifier;
  local: LocalEvidence | undefined;
  /** The message reports a technical failure, which a typed error elsewhere in the file does not make a finding. */
  technical: boolean;
}

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'generic-error',
    family: 'catch',
    risk: 'low',
    description: 'Flags plain `Error` throws where the error\'s type decides what happens next, thrown literals, and promises rejected with non-Error values.',
    messages: {
      refusal: 'A plain `{{name}}` reports a refusal the caller must handle: the error handler cannot map it to a status, so it ends as a 500 unless someone matches its message text.',
      badInput: 'A plain `{{name}}` rejects the request\'s input: the error handler cannot map it to a 400, so the client gets a 500.',
      replacesTyped: 'A plain `{{name}}` replaces the error this catch checked the type of: callers lose the class they could handle.',
      inconsistent: 'A plain `{{name}}` is thrown in a file that throws `{{example}}`: callers and the error handler can only tell this failure apart by matching its message text.',
      genericWithBase: 'A plain `{{name}}` is thrown although the project has `{{base}}`: callers and the error handler can only tell this failure apart by matching its message text.',
      literal: 'The thrown value is {{kind}}, not an Error: it carries no stack trace and no class that callers can check.',
      rejectLiteral: 'A promise is rejected with {{kind}}, not an Error: it carries no stack trace and no class that callers can check.',
      useBase: 'Throw `{{base}}` instead.',
      useBaseByHand: 'No rewrite to `{{base}}` is offered: its constructor is declared in another module, so whether it takes a message first (not an error code or a status) cannot be read here; throw it by hand with the arguments it takes.',
      wrapInError: 'Wrap the value in `new {{name}}(…)`.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowClasses: {
          type: 'array',
          items: { type: 'string' },
          description: 'Built-in error classes that may be thrown as they are (argument checks with `TypeError`, `RangeError`…). `Error` itself is always checked unless listed.',
        },
        ignoreInvariants: {
          type: 'boolean',
          description: 'Do not flag a plain `Error` that asserts a programmer invariant: exhaustiveness checks, `not implemented`, `unreachable`.',
        },
      },
    },
    defaultOptions: {
      allowClasses: ['TypeError', 'RangeError', 'SyntaxError', 'URIError', 'ReferenceError', 'EvalError', 'AggregateError'],
      ignoreInvariants: true,
    },
    fixable: false,
    hasSuggestions: true,
    // precision 0.41 on unseen repositories (issue 14), before the premise below
    preset: 'strict',
    precision: 'low',
    roles: ['server'],
    cwe: ['CWE-397'],
    exemptions: EXEMPTIONS,
  },
  create(context) {
    const { ts: t, sourceFile: sf, options } = context;
    // A server action's error reaches the browser as its message alone (Next.js drops the class), so the message
    // is the contract; examples have no request error handler. Thrown literals are still reported there.
    const plainErrorsMatter = !context.file.isExample && !isServerActionModule(t, sf);
    let base: BaseErrorClass | undefined | null = null;
    const baseClass = (): BaseErrorClass | undefined => {
      if (base === null) base = findBaseErrorClass(t, sf, collectErrorClasses(t, sf));
      return base;
    };
    const allowed = new Set(options.allowClasses);
    const executorRejects = new Set<string>();
    const plainThrows: PlainThrow[] = [];
    // the first error of a class of the project's or a framework's constructed in this file (`new NotFoundError(…)`)
    let typedExample: string | undefined;
    // else the first class imported from a project module and constructed here (`new Forbidden()`): an error of
    // the project's hierarchy if its chain, in the files it is declared in, reaches an error (the model decides)
    let importedExample: { name: string; module: string; imported: string } | undefined;
    const imports = importsOf(t, sf);

    const wrapSuggestion = (value: ts.Expression, message: string): SuggestionDescriptor<MessageIds> => {
      const b = baseClass();
      const name = b?.instantiable ? b.name : 'Error';
      return { messageId: 'wrapInError', data: { name }, edits: [{ range: [value.getStart(sf), value.getEnd()], text: `new ${name}(${message})` }] };
    };

    const exempt = (node: ts.Node, why: Exemption): void => context.exempt?.({ range: [node.getStart(sf), node.getEnd()], exemption: why });

    /** Why a plain built-in error thrown here is not judged, or undefined when it is. */
    const constructionExemption = (name: string, anchor: ts.Node, args: readonly ts.Expression[], message: () => string): Exemption | undefined => {
      if (allowed.has(name)) return exemption('allowed-class', `\`${name}\` is in allowClasses`);
      if (!insideFunction(t, anchor)) return exemption('module-level', 'thrown outside any function');
      if (isConfigGuard(t, anchor)) return exemption('config-guard', 'guarded by a check of the environment');
      if (insideLocalTry(t, anchor)) return exemption('caught-locally', 'a try of the same function catches it');
      if (CONFIG_MESSAGE.test(message()) || SETTING_MESSAGE.test(message())) return exemption('config-guard', 'the message names a setting');
      if (options.ignoreInvariants) {
        if (INVARIANT.test(message()) || BUG_CONSTANT.test(message())) return exemption('invariant', 'the message states an invariant');
        if (isExhaustivenessCheck(t, anchor, args)) return exemption('invariant', 'an exhaustiveness check');
        if (insideAssertionFunction(t, anchor)) return exemption('invariant', 'inside an assertion function');
        if (isPlaceholderMember(t, anchor)) return exemption('invariant', 'a member whose whole body is the throw (a placeholder)');
      }
      if (!plainErrorsMatter) return exemption('message-contract', context.file.isExample ? 'an example file' : 'a server action module');
      if (insideFrameworkErrorCallback(t, anchor)) return exemption('framework-callback', "inside a provider's callback");
      if (answeredJustBefore(t, anchor, context.knowledge, imports)) return exemption('answered', 'the request was just answered with an error status');
      return undefined;
    };

    const checkGenericConstruction = (expr: ts.NewExpression | ts.CallExpression, anchor: ts.Node): void => {
      const callee = skipOuter(t, expr.expression);
      if (!t.isIdentifier(callee)) return;
      const name = callee.text;
      if (!BUILT_IN_ERRORS.has(name) || fileScope(t, sf).has(name)) return;
      const args = expr.arguments ?? [];
      let text: string | undefined;
      const message = (): string => (text ??= messageText(t, args, sf));
      const why = constructionExemption(name, anchor, args, message);
      if (why) return exempt(expr, why);
      const local: LocalEvidence | undefined = replacesTypedError(t, anchor)
        ? 'replacesTyped'
        : REFUSAL.test(message()) && !CODE_LOOKUP.test(message())
          ? 'refusal'
          : BAD_INPUT.test(message()) && answersRequest(t, anchor)
            ? 'badInput'
            : undefined;
      plainThrows.push({ expr, callee, local, technical: TECHNICAL.test(message()) || wrapsCaught(t, args, anchor) });
    };

    const reportPlain = ({ expr, callee, local, technical }: PlainThrow): void => {
      const name = callee.text;
      if (local === 'replacesTyped') {
        context.report({ node: expr, messageId: 'replacesTyped', data: { name }, suggest: useBaseSuggestion(expr, callee) });
        return;
      }
      const b = local || !technical ? baseClass() : undefined;
      if (b) context.report({ node: expr, messageId: 'genericWithBase', data: { name, base: b.name }, suggest: useBaseSuggestion(expr, callee) });
      else if (typedExample && (local || !technical)) context.report({ node: expr, messageId: 'inconsistent', data: { name, example: typedExample } });
      else if (local) context.report({ node: expr, messageId: local, data: { name } });
      else if (importedExample && !technical) {
        const { module, imported } = importedExample;
        context.report({ node: expr, messageId: 'inconsistent', data: { name, example: importedExample.name }, dependsOn: { fact: 'error-class', module, imported } });
      }
    };

    const useBaseSuggestion = (expr: ts.NewExpression | ts.CallExpression, callee: ts.Identifier): SuggestionDescriptor<MessageIds>[] => {
      const b = baseClass();
      if (!b?.instantiable) return [];
      // an imported class's constructor is not in this file: `new AppError('Missing token')` where AppError takes
      // (code, message) would misuse the project's own API
      if (b.source === 'import') return [{ messageId: 'useBaseByHand', data: { base: b.name }, edits: [] }];
      return [{ messageId: 'useBase', data: { base: b.name }, edits: [{ range: [callee.getStart(sf), callee.getEnd()], text: t.isNewExpression(expr) ? b.name : `new ${b.name}` }] }];
    };

    return {
      ThrowStatement(stmt) {
        const expr = skipOuter(t, stmt.expression);
        const lit = literalKind(t, expr, sf);
        if (!lit) {
          if (t.isNewExpression(expr) || t.isCallExpression(expr)) checkGenericConstruction(expr, stmt);
          return;
        }
        if (insideValidatorCallback(t, stmt)) return exempt(expr, exemption('validator-callback', "inside a validator's callback"));
        if (takesDeclaredExit(t, expr, stmt)) return exempt(expr, exemption('declared-exit', 'the thrown name is an exit the helper declares'));
        context.report({ node: expr, messageId: 'literal', data: { kind: lit.kind }, suggest: lit.message ? [wrapSuggestion(expr, lit.message)] : [] });
      },
      NewExpression(n) {
        if (!t.isIdentifier(n.expression)) return;
        const name = n.expression.text;
        if (typedExample === undefined && !BUILT_IN_ERRORS.has(name) && isErrorLikeName(name)) typedExample = name;
        else if (importedExample === undefined && !BUILT_IN_ERRORS.has(name) && t.isThrowStatement(n.parent)) {
          const b = imports.get(name);
          if (b && !b.typeOnly && isProjectModule(b.module)) importedExample = { name, module: b.module, imported: b.imported };
        }
        // new Promise((resolve, reject) => …): seen before the calls inside it, so `reject(…)` is checked cheaply
        if (name !== 'Promise') return;
        const executor = n.arguments?.[0];
        const second = executor && (t.isArrowFunction(executor) || t.isFunctionExpression(executor)) ? executor.parameters[1] : undefined;
        if (second && t.isIdentifier(second.name)) executorRejects.add(second.name.text);
      },
      CallExpression(call) {
        if (!isPromiseReject(t, call) && !isExecutorReject(t, call, executorRejects)) return;
        if (insideValidatorCallback(t, call)) return exempt(call, exemption('validator-callback', "inside a validator's callback"));
        const arg = call.arguments[0];
        if (!arg) {
          // reject() inside an executor rejects with undefined; Promise.reject() likewise
          context.report({ node: call, messageId: 'rejectLiteral', data: { kind: 'undefined' } });
          return;
        }
        const lit = literalKind(t, arg, sf);
        if (!lit) return;
        context.report({ node: arg, messageId: 'rejectLiteral', data: { kind: lit.kind }, suggest: lit.message ? [wrapSuggestion(arg, lit.message)] : [] });
      },
      'SourceFile:exit'() {
        for (const plain of plainThrows) reportPlain(plain);
      },
    };
  },
});
