import type * as ts from 'typescript';
import { calleeMethod, containsNode, dottedName, enclosingFunction, INHERIT, isFunctionLike, skipOuter, upward, walk } from '../src/analysis/ast.js';
import { assignmentsTo, atoms, Flow, impliesNonProduction, pathConditions, type Origin } from '../src/analysis/flow.js';
import { errorHandlerKind, errorSourceOf, isDestructuredErrorParameter, isServerAction, literalStatus, narrowsToClass, narrowsToPublicError, responseSinkAt, type ErrorSourceKind, type ResponseSink } from '../src/analysis/http.js';
import { destructuringRoot, importsOf, propertyNameText, resolveIdentifier, type Binding } from '../src/analysis/scope.js';
import { classifyLogCall, findLoggerInScope, loggerCallText, messageFirstCondition } from '../src/analysis/loggers.js';
import { defineRule } from '../src/define-rule.js';
import { trpcFailureMembers } from '../src/knowledge/frameworks.js';
import type { Knowledge } from '../src/knowledge/index.js';
import type { TS } from '../src/ts.js';
import type { SuggestionDescriptor, TextEdit } from '../src/types.js';
import { insertImport, lineIndent, quote } from '../src/edits/index.js';

export interface Options {
  allowInDevelopment: boolean;
  genericMessage: string;
}

export type MessageIds = 'leaked' | 'leakedThroughHelper' | 'useGenericMessage' | 'useGenericMessageForServerErrors' | 'logAndUseGenericMessage' | 'rewriteByHand';

interface ErrorSource {
  kind: ErrorSourceKind | 'destructured';
  binding: Binding;
}

const WHAT: Record<string, string> = {
  message: 'message',
  stack: 'stack trace',
  detail: 'driver detail',
  sql: 'SQL text',
  sqlMessage: 'SQL message',
  sqlState: 'SQL state',
};

function describe(origin: Origin<ErrorSource>): string {
  if (origin.derivation === 'property') return WHAT[origin.property ?? ''] ?? `\`${origin.property}\``;
  if (origin.derivation === 'string') return 'text';
  return 'whole object';
}

function sinkLabel(sink: ResponseSink): string {
  switch (sink.kind) {
    case 'method':
      return `\`${sink.name}()\``;
    case 'body':
      return `\`${sink.name}\``;
    case 'class':
    case 'exception':
      return `\`new ${sink.name}()\``;
    case 'lambda':
      if (sink.name === 'server action') return "the server action's return value";
      if (sink.name === 'tRPC procedure') return "the procedure's return value";
      return sink.name.startsWith('handle') ? `the value \`${sink.name}\` returns` : 'the returned response body';
    default:
      return `\`${sink.name}()\``;
  }
}

const INPUT_PARSERS = new Set(['URL', 'RegExp']);
const RESPONSE_OBJECTS = new Set(['res', 'reply', 'response']);

/** `res.status(200).json(…)`: the success answer in the try block, not work that could fail inside. */
function answers(t: TS, call: ts.CallExpression): boolean {
  let e: ts.Expression = call.expression;
  for (;;) {
    if (t.isPropertyAccessExpression(e) || t.isElementAccessExpression(e)) e = e.expression;
    else if (t.isCallExpression(e)) e = e.expression;
    else break;
  }
  return t.isIdentifier(e) && RESPONSE_OBJECTS.has(e.text) && e !== call.expression;
}
// NestJS lifecycle hooks run at startup or shutdown: no request is being answered, so nothing reaches a client.
const LIFECYCLE_HOOKS = new Set(['onModuleInit', 'onApplicationBootstrap', 'onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown']);

function inLifecycleHook(t: TS, node: ts.Node): boolean {
  for (let fn = enclosingFunction(t, node); fn; fn = enclosingFunction(t, fn)) {
    if (t.isMethodDeclaration(fn) && t.isIdentifier(fn.name) && LIFECYCLE_HOOKS.has(fn.name.text)) return true;
  }
  return false;
}

/** `protectedProcedure.input(schema).mutation(async ({ input }) => …)`: a tRPC resolver, whose value the client receives. */
function isProcedureResolver(t: TS, fn: ts.Node): boolean {
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const callee = skipOuter(t, call.expression);
  if (!t.isPropertyAccessExpression(callee) || !/^(query|mutation)$/.test(callee.name.text)) return false;
  let e: ts.Expression = callee.expression;
  for (;;) {
    const x = skipOuter(t, e);
    if (t.isCallExpression(x)) e = x.expression;
    else if (t.isPropertyAccessExpression(x)) e = x.expression;
    else return t.isIdentifier(x) && /[Pp]rocedure$/.test(x.text);
  }
}

const ADMIN_SEGMENT = /(?:^|\/)admin(?:\/|$)/i;

/**
 * An admin-only route: its users operate the server, so an error's text tells them little they could not read in
 * the logs. `/admin/…` in the file's path or the route's, `@Controller('admin')`, an `AdminGuard` / `@Roles('admin')`.
 */
/** `AdminGuard`, `Role.ADMIN`, `'admin'`, `'/admin/users'`, `'super-admin'`: a name or text with a word starting with admin. */
function namesAdmin(t: TS, x: ts.Node): boolean {
  if (t.isIdentifier(x)) return /^admin/i.test(x.text);
  return (t.isStringLiteralLike(x) || t.isTemplateLiteralToken(x)) && /\badmin/i.test(x.text);
}

function isAdminRoute(t: TS, node: ts.Node, filePath: string): boolean {
  if (ADMIN_SEGMENT.test(filePath)) return true;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    // app.post('/admin/users/:id', …)
    if (t.isCallExpression(n) && n.arguments[0] && t.isStringLiteralLike(n.arguments[0]) && ADMIN_SEGMENT.test(n.arguments[0].text.replace(/^\/?/, '/'))) return true;
    if ((t.isMethodDeclaration(n) || t.isClassDeclaration(n)) && t.canHaveDecorators(n)) {
      for (const d of t.getDecorators(n) ?? []) if (containsNode(t, d.expression, (x) => namesAdmin(t, x))) return true;
    }
  }
  return false;
}

/** The try block of a catch clause when every call in it only validates or parses input (zod `parse`, `new URL`). */
function onlyValidates(t: TS, binding: Binding, knowledge: Knowledge): boolean {
  const clause = binding.declaration.parent;
  if (!clause || !t.isCatchClause(clause)) return false;
  const tryBlock = clause.parent.tryBlock;
  let calls = 0;
  let other = false;
  walk(t, tryBlock, (n) => {
    // new URL(input) / new RegExp(input): parsing what the caller sent
    if (t.isNewExpression(n) && t.isIdentifier(n.expression) && INPUT_PARSERS.has(n.expression.text)) calls++;
    if (!t.isCallExpression(n) || answers(t, n)) return;
    calls++;
    const name = dottedName(t, n.expression) ?? '';
    const method = calleeMethod(t, n) ?? '';
    // validateOAuthUrl(input), parseCronSpec(input): the project's own synchronous input check; awaited, only a
    // validateX/assertX (`await validateWebhookUrl(url)` resolves the host to refuse private addresses)
    const callee = t.isIdentifier(n.expression) ? n.expression.text : undefined;
    const awaited = n.parent !== undefined && t.isAwaitExpression(n.parent);
    const ownCheck = callee !== undefined && (awaited ? AWAITED_INPUT_CHECK : PROJECT_INPUT_CHECK).test(callee);
    if (!ownCheck && !knowledge.http.validationCalls.includes(name) && !knowledge.http.validationCalls.includes(method)) other = true;
  });
  return calls > 0 && !other;
}

const PROJECT_INPUT_CHECK = /^(validate|verify|parse|assert|check)[A-Z]\w*$/;
const AWAITED_INPUT_CHECK = /^(validate|assert)[A-Z]\w*$/;
/** A setup wizard or web installer (`install/web.js`, `server/setup.js`): it answers the operator installing the server, before any user exists. */
const INSTALLER_MODULE = /(^|\/)(install|installer|setup)(\/|\.[cm]?[jt]s$)/;

function isPublic(t: TS, nodes: ts.Node[], name: string, knowledge: Knowledge): boolean {
  return nodes.some((n) => pathConditions(t, n).some((c) => narrowsToPublicError(t, c.test, c.value, name, knowledge)));
}

/**
 * `if (err.message === 'Conversation not found') res.status(404).json({ error: err.message })`: on this path the
 * message is that fixed text, which the code itself wrote; nothing else of the error is in it.
 */
function messageIsFixedText(t: TS, nodes: ts.Node[], name: string): boolean {
  const isMessage = (e: ts.Expression): boolean => dottedName(t, skipOuter(t, e)) === `${name}.message`;
  return nodes.some((n) =>
    pathConditions(t, n).some((c) =>
      atoms(t, c.test, c.value).some((a) => {
        const e = skipOuter(t, a.test);
        if (!a.value || !t.isBinaryExpression(e)) return false;
        const op = e.operatorToken.kind;
        if (op !== t.SyntaxKind.EqualsEqualsEqualsToken && op !== t.SyntaxKind.EqualsEqualsToken) return false;
        const [l, r] = [skipOuter(t, e.left), skipOuter(t, e.right)];
        return (t.isStringLiteralLike(r) && isMessage(l)) || (t.isStringLiteralLike(l) && isMessage(r));
      }),
    ),
  );
}

/** Whether a condition, holding with `value`, means the error's message may be shown: public error or not production. */
function impliesSafe(t: TS, test: ts.Expression, value: boolean, name: string, knowledge: Knowledge): boolean {
  const e = skipOuter(t, test);
  if (t.isPrefixUnaryExpression(e) && e.operator === t.SyntaxKind.ExclamationToken) return impliesSafe(t, e.operand, !value, name, knowledge);
  if (t.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const and = op === t.SyntaxKind.AmpersandAmpersandToken;
    if (and || op === t.SyntaxKind.BarBarToken) {
      const l = impliesSafe(t, e.left, value, name, knowledge);
      const r = impliesSafe(t, e.right, value, name, knowledge);
      // (a && b) false: one of them failed, so both failures must be safe; (a && b) true: either holding suffices
      return and === value ? l || r : l && r;
    }
  }
  return narrowsToPublicError(t, e, value, name, knowledge) || impliesNonProduction(t, e, value);
}

/**
 * let { message } = err; if (isProd && !err.isOperational) message = 'Internal error';
 * The error's text survives only where the overwrite's condition failed; true when every such path is safe.
 */
function overwrittenUnlessSafe(t: TS, origin: Origin<ErrorSource>, sink: ts.Node, flow: Flow<ErrorSource>, knowledge: Knowledge): boolean {
  const name = origin.source.binding.id.text;
  for (const v of origin.via) {
    if (!t.isIdentifier(v)) continue;
    const b = resolveIdentifier(t, v);
    const d = b?.declaration;
    const decl = d && t.isBindingElement(d) ? destructuringRoot(t, d)?.root : d;
    if (!b || !decl || !t.isVariableDeclaration(decl) || !t.isVariableDeclarationList(decl.parent) || (decl.parent.flags & t.NodeFlags.Const) !== 0) continue;
    const scope = enclosingFunction(t, decl);
    for (const rhs of assignmentsTo(t, b)) {
      const assignment = rhs.parent;
      if (assignment.end > sink.pos || flow.trace(rhs).length > 0) continue;
      const conditions = pathConditions(t, assignment, scope);
      if (conditions.length > 0 && conditions.every((c) => impliesSafe(t, c.test, !c.value, name, knowledge))) return true;
    }
  }
  return false;
}

/** Whether a catch block throws (anything): then an exception thrown in its try may leave it. */
function catchRethrows(t: TS, block: ts.Block): boolean {
  let found = false;
  walk(t, block, (n) => {
    if (found) return 'skip';
    if (t.isThrowStatement(n)) found = true;
    return found ? 'skip' : undefined;
  });
  return found;
}

/**
 * `throw new ConflictException(e)` inside a try (or a callback it awaits: `await db.$transaction(async (tx) => …)`)
 * whose catch throws nothing: the exception is caught there and answered by that catch, never sent.
 */
function caughtLocally(t: TS, node: ts.Node): boolean {
  let n: ts.Node = node;
  while (n.parent && !t.isThrowStatement(n.parent)) {
    if (isFunctionLike(t, n.parent) || t.isBlock(n.parent)) return false;
    n = n.parent;
  }
  if (!n.parent) return false;
  for (let child: ts.Node = n.parent, p = child.parent; p; child = p, p = p.parent) {
    if (t.isTryStatement(p) && p.tryBlock === child && p.catchClause) return !catchRethrows(t, p.catchClause.block);
    if (isFunctionLike(t, p)) {
      // only a callback the try awaits (`await db.$transaction(async (tx) => …)`) runs inside it
      const call = p.parent;
      if (!call || !t.isCallExpression(call) || !call.arguments.includes(p as ts.Expression) || !call.parent || !t.isAwaitExpression(call.parent)) return false;
    }
  }
  return false;
}

/**
 * An errorFormatter that replaces the message (`{ ...shape, message: … }`, `shape.message = …`, `const message = …`)
 * or singles out internal errors (`INTERNAL_SERVER_ERROR`) decides what the client reads.
 */
function masksMessage(t: TS, body: ts.Node): boolean {
  const isMessage = (n: ts.Node | undefined): boolean => n !== undefined && t.isIdentifier(n) && n.text === 'message';
  return containsNode(t, body, (x) => {
    if (t.isIdentifier(x) || t.isStringLiteralLike(x)) return x.text.includes('INTERNAL_SERVER_ERROR');
    if (t.isPropertyAssignment(x)) return isMessage(x.name);
    if (t.isBindingElement(x)) return isMessage(x.propertyName) || (isMessage(x.name) && x.initializer !== undefined);
    if (t.isPropertySignature(x)) return isMessage(x.name) && x.type !== undefined;
    if (t.isVariableDeclaration(x) || t.isParameter(x) || t.isPropertyDeclaration(x)) return isMessage(x.name) && (x.type !== undefined || x.initializer !== undefined);
    if (!t.isBinaryExpression(x)) return false;
    const op = x.operatorToken.kind;
    if (op !== t.SyntaxKind.EqualsToken && op !== t.SyntaxKind.EqualsEqualsToken && op !== t.SyntaxKind.EqualsEqualsEqualsToken) return false;
    return isMessage(x.left) || (t.isPropertyAccessExpression(x.left) && isMessage(x.left.name));
  });
}

/**
 * tRPC's `errorFormatter({ shape, error }) { return { ...shape, data: … } }`: the default shape carries the message of
 * every error, an unexpected database or provider failure included, to the client. The returned shape, when the
 * formatter neither replaces `message` nor treats INTERNAL_SERVER_ERROR apart.
 */
function defaultTrpcShape(t: TS, node: ts.Node, sf: ts.SourceFile): ts.Expression | undefined {
  const fn = t.isMethodDeclaration(node) ? node : t.isPropertyAssignment(node) ? skipOuter(t, node.initializer) : undefined;
  const name = (t.isMethodDeclaration(node) || t.isPropertyAssignment(node)) && propertyNameText(t, node.name);
  if (name !== 'errorFormatter' || !fn || !(t.isMethodDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || !fn.body) return undefined;
  const param = fn.parameters[0];
  if (!param) return undefined;
  // ({ shape }) or (opts) with opts.shape
  const shapeName = t.isObjectBindingPattern(param.name) ? param.name.elements.find((e) => propertyNameText(t, e.propertyName ?? e.name) === 'shape' && t.isIdentifier(e.name))?.name : undefined;
  const isShape = (e: ts.Expression): boolean => {
    const x = skipOuter(t, e);
    if (shapeName && t.isIdentifier(shapeName) && t.isIdentifier(x)) return x.text === shapeName.text;
    return t.isIdentifier(param.name) && dottedName(t, x) === `${param.name.text}.shape`;
  };
  if (masksMessage(t, fn.body)) return undefined;
  const returned: ts.Expression[] = [];
  if (!t.isBlock(fn.body)) returned.push(fn.body);
  else walk(t, fn.body, (n) => (t.isReturnStatement(n) && n.expression ? void returned.push(n.expression) : undefined));
  const shape = returned.find((r) => {
    const x = skipOuter(t, r);
    return isShape(x) || (t.isObjectLiteralExpression(x) && x.properties.some((p) => t.isSpreadAssignment(p) && isShape(p.expression)));
  });
  return shape && !middlewareMapsErrors(t, sf) ? shape : undefined;
}

/**
 * `t.middleware(async ({ next }) => { const res = await next(); if (!res.ok) … })`: a tRPC middleware of the file that
 * looks at the procedure's failure (its result's `ok`/`error`, or a catch around `next()`) maps errors before the
 * formatter sees them.
 */
function middlewareMapsErrors(t: TS, sf: ts.SourceFile): boolean {
  let found = false;
  walk(t, sf, (n) => {
    if (found) return 'skip';
    if (t.isCallExpression(n) && calleeMethod(t, n) === 'middleware' && n.arguments[0] && isFunctionLike(t, skipOuter(t, n.arguments[0]))) {
      if (containsNode(t, n.arguments[0], (x) => t.isCatchClause(x) || (t.isPropertyAccessExpression(x) && trpcFailureMembers.includes(x.name.text)))) found = true;
      return 'skip';
    }
    return undefined;
  }, true);
  return found;
}

function isDevOnly(t: TS, nodes: ts.Node[]): boolean {
  return nodes.some((n) => pathConditions(t, n).some((c) => impliesNonProduction(t, c.test, c.value)));
}

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}

/** The statement that holds `node`, directly inside a block. */
function statementOf(t: TS, node: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (t.isBlock(p) || t.isSourceFile(p) || t.isCaseClause(p) || t.isDefaultClause(p)) return n as ts.Statement;
    // `if (x) return res.json(…)`: a statement put before the `if` would run on both branches
    if (isFunctionLike(t, p) || t.isIfStatement(p) || t.isIterationStatement(p, false) || t.isLabeledStatement(p)) return undefined;
  }
  return undefined;
}

/** The function or catch block in which the error is bound. */
function sourceScope(t: TS, binding: Binding): ts.Node | undefined {
  const d = binding.declaration;
  if (t.isVariableDeclaration(d) && d.parent && t.isCatchClause(d.parent)) return d.parent.block;
  for (let n: ts.Node | undefined = d.parent; n; n = n.parent) if (isFunctionLike(t, n)) return n;
  return undefined;
}

/** The error is already handed to a logger or monitor in its scope. */
function alreadyLogged(t: TS, scope: ts.Node, name: string, knowledge: Knowledge, imports: ReturnType<typeof importsOf>): boolean {
  let found = false;
  walk(t, scope, (n) => {
    if (found || !t.isCallExpression(n)) return;
    const log = classifyLogCall(t, n, knowledge, imports);
    if (log && log.kind !== 'console' && n.arguments.some((a) => containsNode(t, a, (x) => t.isIdentifier(x) && x.text === name))) found = true;
  }, true);
  return found;
}

/** An expression that reads values only (names, members, literals, operators): safe to evaluate twice. */
function isPure(t: TS, e: ts.Expression): boolean {
  const x = skipOuter(t, e);
  if (t.isIdentifier(x) || t.isNumericLiteral(x) || t.isStringLiteralLike(x)) return true;
  if (t.isPropertyAccessExpression(x)) return isPure(t, x.expression);
  if (t.isBinaryExpression(x)) return isPure(t, x.left) && isPure(t, x.right);
  if (t.isConditionalExpression(x)) return isPure(t, x.condition) && isPure(t, x.whenTrue) && isPure(t, x.whenFalse);
  return false;
}

/** Whether `test` holding with `value` means `status` (its text) is below 500: `status < 500`, `500 > status`, `!(status >= 500)`. */
function belowServerError(t: TS, test: ts.Expression, value: boolean, status: string): boolean {
  return atoms(t, test, value).some((c) => {
    const e = skipOuter(t, c.test);
    if (!t.isBinaryExpression(e)) return false;
    const op = e.operatorToken.kind;
    const same = (x: ts.Expression): boolean => skipOuter(t, x).getText().replace(/\s+/g, '') === status;
    const num = (x: ts.Expression): number | undefined => (t.isNumericLiteral(skipOuter(t, x)) ? Number((skipOuter(t, x) as ts.NumericLiteral).text) : undefined);
    const [lt, le, gt, ge] = [t.SyntaxKind.LessThanToken, t.SyntaxKind.LessThanEqualsToken, t.SyntaxKind.GreaterThanToken, t.SyntaxKind.GreaterThanEqualsToken];
    // normalise to `status OP n`
    let k: ts.SyntaxKind | undefined;
    let n: number | undefined;
    if (same(e.left)) [k, n] = [op, num(e.right)];
    else if (same(e.right)) [k, n] = [op === lt ? gt : op === le ? ge : op === gt ? lt : op === ge ? le : op, num(e.left)];
    if (n === undefined) return false;
    if (c.value) return (k === lt && n <= 500) || (k === le && n < 500);
    return (k === ge && n <= 500) || (k === gt && n < 500);
  });
}

/** `X` in `res.status(X).json(…)` / `reply.code(X).send(…)`, when the status is set in the sink's chain. */
function chainedStatus(t: TS, sink: ResponseSink): ts.Expression | undefined {
  if (sink.kind !== 'method' || !t.isCallExpression(sink.node)) return undefined;
  let r: ts.Expression = skipOuter(t, sink.node.expression);
  while (t.isPropertyAccessExpression(r)) {
    const inner = skipOuter(t, r.expression);
    if (!t.isCallExpression(inner)) return undefined;
    const method = calleeMethod(t, inner);
    if ((method === 'status' || method === 'code') && inner.arguments.length === 1) return inner.arguments[0];
    r = skipOuter(t, inner.expression);
  }
  return undefined;
}

/** What a server-error status tells the client by itself. */
const STATUS_PHRASE: Record<number, string> = { 501: 'Not implemented', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout' };

/** A literal message with at least one word in it, trimmed of the separator before the leaked part. */
function wording(text: string): string | undefined {
  const trimmed = text.replace(/[\s:;,\-–—(]+$/, '').trim();
  return /[A-Za-z]{2,}/.test(trimmed) ? trimmed : undefined;
}

/**
 * The message the code already words for the client around the leaked value: the literal branch of
 * `err instanceof Error ? err.message : 'Uploads are not configured'` or of `err.message || 'Unknown error'`, or
 * the literal text before it in `\`Failed to sync: ${err.message}\`` / `'Failed to sync: ' + err.message`.
 */
function ownWording(t: TS, carrier: ts.Expression): string | undefined {
  const x = skipOuter(t, carrier);
  const literal = (e: ts.Expression): string | undefined => {
    const y = skipOuter(t, e);
    return t.isStringLiteral(y) || t.isNoSubstitutionTemplateLiteral(y) ? wording(y.text) : undefined;
  };
  if (t.isConditionalExpression(x)) {
    const a = literal(x.whenTrue);
    const b = literal(x.whenFalse);
    return a !== undefined && b === undefined ? a : b !== undefined && a === undefined ? b : undefined;
  }
  if (t.isBinaryExpression(x)) {
    const op = x.operatorToken.kind;
    if (op === t.SyntaxKind.BarBarToken || op === t.SyntaxKind.QuestionQuestionToken) return literal(x.left) === undefined ? literal(x.right) : undefined;
    if (op === t.SyntaxKind.PlusToken && literal(x.right) === undefined) return literal(x.left);
    return undefined;
  }
  // `Failed to verify: ${err.message}`: one substitution, at the end
  if (t.isTemplateExpression(x) && x.templateSpans.length === 1 && !/[A-Za-z]/.test(x.templateSpans[0]!.literal.text)) return wording(x.head.text);
  return undefined;
}

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'leaked-error-response',
    family: 'boundary',
    risk: 'high',
    description: "Disallow sending a caught error's message, stack or the error object itself in an HTTP response.",
    messages: {
      leaked: "The caught error's {{what}} reaches the client through {{sink}}.",
      leakedThroughHelper: 'The caught error reaches the client through `{{helper}}()`, which sends it in an HTTP response.',
      useGenericMessage: 'Answer a generic message instead of the error.',
      useGenericMessageForServerErrors: 'Answer a generic message for server errors (status 500 and above) and keep the message of client errors.',
      logAndUseGenericMessage: 'Log the error on the server and answer a generic message.',
      rewriteByHand: 'No rewrite is offered: {{reason}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowInDevelopment: { type: 'boolean', description: 'Do not report output guarded by a non-production check (default; when off it is reported at low risk).' },
        genericMessage: { type: 'string', description: 'The message the suggestion answers instead of the error.' },
      },
    },
    defaultOptions: { allowInDevelopment: true, genericMessage: 'Internal server error' },
    fixable: false,
    hasSuggestions: true,
    // precision 0.32 on validation set B, ten backends nobody tuned on (issue 14; accuracy/README.md)
    preset: 'strict',
    cwe: ['CWE-209'],
    precision: 'low',
    roles: ['server'],
  },
  create(context) {
    const { ts: t, sourceFile: sf, knowledge, options } = context;
    // examples, demos and fixtures are not the application: their shortcuts are for the reader
    if (context.file.isExample || INSTALLER_MODULE.test(context.filePath)) return {};
    const imports = importsOf(t, sf);
    const flow = new Flow<ErrorSource>(t, {
      binding(binding) {
        const kind = errorSourceOf(t, binding, knowledge);
        if (kind) return { kind, binding };
        if (isDestructuredErrorParameter(t, binding, knowledge)) return { kind: 'destructured', binding };
        return undefined;
      },
      member(_origin, name) {
        return knowledge.http.errorDetailProperties.includes(name) ? 'property' : undefined;
      },
    });

    /** Inside a catch block or an error handler or rejection callback: where a caught error can be at hand. */
    const errorScopeMemo = new WeakMap<ts.Node, boolean>();
    const inErrorScope = (node: ts.Node): boolean =>
      upward(t, errorScopeMemo, node.parent, (tt, n) => (tt.isCatchClause(n) || (isFunctionLike(tt, n) && errorHandlerKind(tt, n, knowledge) !== undefined) ? true : INHERIT), false);

    /** The caught errors `payload` carries that the code around it has not narrowed to a public error. */
    const leakedOrigins = (payload: ts.Expression, node: ts.Node): Origin<ErrorSource>[] =>
      flow.trace(payload).filter((o) => {
        const nodes = [o.node, ...o.via, node];
        return !isPublic(t, nodes, o.source.binding.id.text, knowledge) && !(options.allowInDevelopment && isDevOnly(t, nodes));
      });

    /**
     * `serverError(res, e)` with `serverError` imported from a project module: a finding if that module's summary
     * says the function sends that argument to a response (decided once the project is read).
     */
    const checkHelper = (call: ts.CallExpression): void => {
      const callee = skipOuter(t, call.expression);
      let local: string | undefined;
      let imported: string | undefined;
      if (t.isIdentifier(callee)) {
        local = callee.text;
        imported = imports.get(local)?.imported;
      } else if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && imports.get(callee.expression.text)?.imported === '*') {
        local = callee.expression.text;
        imported = callee.name.text;
      }
      const binding = local !== undefined ? imports.get(local) : undefined;
      if (!binding || binding.typeOnly || imported === undefined || imported === '*') return;
      const argument = call.arguments.findIndex((a) => !t.isSpreadElement(a) && leakedOrigins(a, call).length > 0);
      if (argument < 0) return;
      context.report({
        node: call.arguments[argument]!,
        anchor: call,
        messageId: 'leakedThroughHelper',
        data: { helper: callee.getText(sf) },
        risk: isAdminRoute(t, call, context.filePath) ? 'low' : undefined,
        dependsOn: { fact: 'sends-error-to-response', module: binding.module, imported, argument },
      });
    };

    /** `return { error: e.message }` from a server action: the value is serialised to the browser that called it. */
    const serverActionReturn = (node: ts.Node): ResponseSink | undefined => {
      if (!t.isReturnStatement(node) || !node.expression) return undefined;
      const fn = enclosingFunction(t, node);
      if (!fn) return undefined;
      if (isServerAction(t, fn)) return { kind: 'lambda', node, name: 'server action', payloads: [node.expression] };
      return isProcedureResolver(t, fn) ? { kind: 'lambda', node, name: 'tRPC procedure', payloads: [node.expression] } : undefined;
    };

    const checkFormatter = (node: ts.Node): void => {
      const shape = defaultTrpcShape(t, node, sf);
      if (shape) context.report({ node: shape, messageId: 'leaked', data: { what: 'message', sink: "tRPC's default error shape" } });
    };

    const check = (node: ts.Node): void => {
      const sink = responseSinkAt(t, node, knowledge, imports) ?? serverActionReturn(node);
      if (!sink && t.isCallExpression(node) && node.arguments.length > 0 && inErrorScope(node) && !inLifecycleHook(t, node)) checkHelper(node);
      if (!sink || inLifecycleHook(t, node)) return;
      if ((sink.kind === 'exception' || sink.kind === 'class') && caughtLocally(t, node)) return;
      const statusExpr = chainedStatus(t, sink)?.getText(sf).replace(/\s+/g, '');
      for (const payload of sink.payloads) {
        const origins = flow.trace(payload).filter((o) => {
          const name = o.source.binding.id.text;
          // reply.send(err) in Fastify hands the error to the framework's error handler, like next(err)
          if (sink.kind === 'method' && (sink.receiver === 'reply' || sink.receiver === 'rep') && o.derivation === 'object' && skipOuter(t, payload) === o.node) return false;
          const nodes = [o.node, ...o.via, node];
          if (isPublic(t, nodes, name, knowledge)) return false;
          if (o.derivation === 'property' && o.property === 'message' && messageIsFixedText(t, nodes, name)) return false;
          if (overwrittenUnlessSafe(t, o, node, flow, knowledge)) return false;
          // `next ? next(err) : res.json(err)`: Express always passes next, so this branch never runs
          if (nodes.some((n) => pathConditions(t, n).some((c) => !c.value && t.isIdentifier(skipOuter(t, c.test)) && (skipOuter(t, c.test) as ts.Identifier).text === 'next'))) return false;
          // res.status(code).send(code < 500 ? message : 'Internal server error'): only client errors' messages
          if (statusExpr && nodes.some((n) => pathConditions(t, n).some((c) => belowServerError(t, c.test, c.value, statusExpr)))) return false;
          // a 4xx, or an answer whose status this code does not set
          const clientError = sink.status === undefined || (sink.status >= 400 && sink.status < 500);
          // a validation library's or a parser's message about the caller's own input: the try block only parsed it
          if (clientError && o.source.kind === 'catch' && onlyValidates(t, o.source.binding, knowledge)) return false;
          // if (err instanceof SyntaxError) { ctx.status = 400; … } — a request body that is not JSON
          if (clientError && nodes.some((n) => pathConditions(t, n).some((c) => narrowsToClass(t, c.test, c.value, name, knowledge.http.inputErrorClasses)))) return false;
          return true;
        });
        const origin = origins[0];
        if (!origin) continue;
        const devOnly = isDevOnly(t, [origin.node, ...origin.via, node]);
        if (devOnly && options.allowInDevelopment) continue;
        const carrier = origin.carrier && within(origin.carrier, node) ? origin.carrier : payload;
        context.report({
          node: carrier,
          anchor: node,
          messageId: 'leaked',
          data: { what: describe(origin), sink: sinkLabel(sink) },
          risk: devOnly || isAdminRoute(t, node, context.filePath) ? 'low' : undefined,
          suggest: suggestions(carrier, payload, origin, sink, node),
        });
        return;
      }
    };

    /**
     * Whether the try block guarded by the catch binding `binding` throws errors of its own with a literal message
     * (`throw new Error('Monitor not found')`): those messages are written for the client that gets the 4xx.
     */
    function throwsOwnMessages(binding: { declaration: ts.Node }): boolean {
      const clause = binding.declaration.parent;
      if (!clause || !t.isCatchClause(clause)) return false;
      let found = false;
      const visit = (n: ts.Node): void => {
        if (found || isFunctionLike(t, n)) return;
        if (t.isThrowStatement(n) && n.expression) {
          const x = skipOuter(t, n.expression);
          const first = (t.isNewExpression(x) || t.isCallExpression(x)) && x.arguments?.[0] ? skipOuter(t, x.arguments[0]) : undefined;
          if (first && (t.isStringLiteralLike(first) || t.isTemplateExpression(first))) found = true;
        }
        t.forEachChild(n, visit);
      };
      visit(clause.parent.tryBlock);
      return found;
    }

    function suggestions(carrier: ts.Expression, payload: ts.Expression, origin: Origin<ErrorSource>, sink: ResponseSink, node: ts.Node): SuggestionDescriptor<MessageIds>[] {
      if (origin.derivation === 'spread' && carrier === payload) return [];
      // the code's own words for the client where it has them (`… : 'Image uploads are not configured'`,
      // `\`Failed to verify installation: ${err.message}\``), else the status's own phrase (503: 'Service
      // unavailable'), else the configured message
      const generic = quote(ownWording(t, carrier) ?? (sink.status !== undefined ? STATUS_PHRASE[sink.status] : undefined) ?? options.genericMessage);
      // a 4xx answer's message is meant for the client: keep it, replace only what a 5xx would leak
      const status = sink.status === undefined ? chainedStatus(t, sink) : undefined;
      const fn = enclosingFunction(t, node);
      const central = sink.kind !== 'lambda' && fn !== undefined && errorHandlerKind(t, fn, knowledge) !== undefined && errorHandlerKind(t, fn, knowledge) !== 'rejection' && errorHandlerKind(t, fn, knowledge) !== 'callback';
      if (sink.status !== undefined && sink.status >= 400 && sink.status < 500 && origin.source.kind === 'catch' && throwsOwnMessages(origin.source.binding)) {
        return [{ messageId: 'rewriteByHand', data: { reason: `this ${sink.status} answer also carries the messages the guarded code throws for the client; replace only the messages of errors that are not the client's, by narrowing to your client error class` }, edits: [] }];
      }
      // a deliberate 4xx (res.status(400), new BadRequestException(body), HttpStatus.CONFLICT) is written for the
      // client: a server-error text there would break what the answer promises
      if (sink.status !== undefined && sink.status >= 400 && sink.status < 500) {
        return [{ messageId: 'rewriteByHand', data: { reason: `this is a deliberate ${sink.status} answer whose message is meant for the client; keep it for your client errors and replace only the text of other errors, by narrowing to your client error class` }, edits: [] }];
      }
      // new HttpException(body, status) / createError(code, msg): the status comes from an expression this rule does not read
      const args = t.isCallExpression(sink.node) || t.isNewExpression(sink.node) ? sink.node.arguments ?? [] : [];
      const statusArgument = (a: ts.Expression): boolean => {
        const x = skipOuter(t, a);
        return (t.isIdentifier(x) || t.isPropertyAccessExpression(x)) && /(status|code)$/i.test(t.isIdentifier(x) ? x.text : x.name.text) && literalStatus(t, x) === undefined;
      };
      if (sink.status === undefined && (sink.kind === 'exception' || sink.kind === 'error-factory') && args.some(statusArgument)) {
        return [{ messageId: 'rewriteByHand', data: { reason: `the status of \`${sink.name}\` is set by an expression, so a rewrite cannot tell a 4xx answer (whose message is meant for the client) from a 5xx one` }, edits: [] }];
      }
      if (status && !isPure(t, status)) return [{ messageId: 'rewriteByHand', data: { reason: 'the status is computed here, so a rewrite cannot tell 4xx answers (whose message is meant for the client) from 5xx ones' }, edits: [] }];
      if (!status && sink.status === undefined && central) {
        return [{ messageId: 'rewriteByHand', data: { reason: 'this central handler answers every status; keep the message for 4xx errors by narrowing to your client error class or to status < 500' }, edits: [] }];
      }
      // app.use((err, req, res, next) => res.status(500).json({ message: err.message })): every error the app throws
      // ends here, those thrown with a message for the client ('Api key has expired') too; only an answer the
      // handler reaches after picking some errors out (an `if` around it or returning before it) is the 5xx path.
      // A stack or driver detail is never written for the client.
      if (!status && central && fn && !(origin.derivation === 'property' && origin.property !== 'message') && pathConditions(t, node, fn).length === 0) {
        return [{ messageId: 'rewriteByHand', data: { reason: 'this central handler answers every error the application throws with this status, those whose message is written for the client too; answer client errors (your client error class, or status < 500) with their message first, then replace the text of the rest' }, edits: [] }];
      }
      // a message built as a string ('Cannot connect: ' + e.message) stays a string: the client reads that shape
      const builtString = t.isBinaryExpression(skipOuter(t, carrier)) || t.isTemplateExpression(skipOuter(t, carrier));
      const wantsObject = carrier === payload && !builtString && (/\.json$/.test(sink.name) || (origin.derivation === 'object' && /\.send$/.test(sink.name)));
      const bare = status ? skipOuter(t, status) : undefined;
      const statusText = status ? (t.isIdentifier(bare!) || t.isPropertyAccessExpression(bare!) ? status.getText(sf) : `(${status.getText(sf)})`) : '';
      const message = status ? `${statusText} < 500 ? ${carrier.getText(sf)} : ${generic}` : generic;
      const parent = carrier.parent;
      // { message: X } / f(X) / return X: a conditional needs no parentheses there
      const standsAlone = parent !== undefined && ((t.isPropertyAssignment(parent) && parent.initializer === carrier) || ((t.isCallExpression(parent) || t.isNewExpression(parent)) && (parent.arguments ?? ([] as readonly ts.Expression[])).includes(carrier)) || t.isReturnStatement(parent));
      const replacement: TextEdit =
        parent && t.isShorthandPropertyAssignment(parent) && parent.name === carrier
          ? { range: [parent.getStart(sf), parent.getEnd()], text: `${carrier.getText(sf)}: ${message}` }
          : parent && t.isSpreadAssignment(parent)
            ? status
              ? { range: [parent.getStart(sf), parent.getEnd()], text: `...(${statusText} < 500 ? ${carrier.getText(sf)} : { message: ${generic} })` }
              : { range: [parent.getStart(sf), parent.getEnd()], text: `message: ${generic}` }
            : { range: [carrier.getStart(sf), carrier.getEnd()], text: wantsObject ? (status ? `${statusText} < 500 ? ${carrier.getText(sf)} : { message: ${generic} }` : `{ message: ${generic} }`) : status && !standsAlone ? `(${message})` : message };
      const out: SuggestionDescriptor<MessageIds>[] = [];
      const binding = origin.source.binding;
      const scope = sourceScope(t, binding);
      const stmt = statementOf(t, node);
      const logger = findLoggerInScope(t, node, knowledge, imports, context.filePath);
      const decl = binding.declaration;
      const named = (t.isVariableDeclaration(decl) || t.isParameter(decl)) && decl.name === binding.id;
      if (logger && scope && stmt && named && !alreadyLogged(t, scope, binding.id.text, knowledge, imports)) {
        const indent = lineIndent(sf.text, stmt.getStart(sf));
        const edits: TextEdit[] = [{ range: [stmt.getStart(sf), stmt.getStart(sf)], text: `${loggerCallText(logger, binding.id.text, 'Request failed')}\n${indent}` }, replacement];
        if (logger.import) edits.unshift(insertImport(t, sf, logger.import));
        const condition = messageFirstCondition(logger);
        out.push({ messageId: 'logAndUseGenericMessage', edits, ...(condition ? { dependsOn: condition } : {}) });
      }
      out.push({ messageId: status ? 'useGenericMessageForServerErrors' : 'useGenericMessage', edits: [replacement] });
      return out;
    }

    return {
      CallExpression: check,
      NewExpression: check,
      BinaryExpression: check,
      ReturnStatement: check,
      ArrowFunction: check,
      MethodDeclaration: checkFormatter,
      PropertyAssignment: checkFormatter,
    };
  },
});
