import type * as ts from 'typescript';
import { isFunctionLike, skipOuter } from '../src/analysis/ast.js';
import { BUILT_IN_ERRORS, collectErrorClasses, findBaseErrorClass, type BaseErrorClass } from '../src/analysis/error-classes.js';
import { fileScope } from '../src/analysis/scope.js';
import { defineRule } from '../src/define-rule.js';
import type { SuggestionDescriptor, TS } from '../src/types.js';

export type MessageIds = 'generic' | 'genericWithBase' | 'literal' | 'rejectLiteral' | 'useBase' | 'wrapInError';

export interface Options {
  allowClasses: string[];
  ignoreInvariants: boolean;
}

// Messages of programmer-error assertions, where a plain Error is the idiom.
// Configuration checks at startup: the process should crash, nobody catches these.
const CONFIG_MESSAGE = /environment variable|\benv(?:ironment)? var|\bENV_[A-Z_]+|process\.env|import\.meta\.env/i;
// `DASHBOARD_SECRET_KEY is not set`, `Parse Server option customPages must be an object.`: a setting checked at startup.
const SETTING_MESSAGE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+ (?:is|are) (?:not set|missing|required|not defined|undefined|empty)\b|\b(?:[Oo]ption|[Cc]onfig(?:uration)?|[Ss]etting)s?\b[^.]*\b(?:must|should)\b/;
// Invariant constants named as bugs: `BUG_NO_USER_CTX`.
const BUG_CONSTANT = /^BUG_|_BUG_|^ASSERT/;
const INVARIANT = /\b(?:not (?:yet )?implemented|unimplemented|unreachable|should (?:never|not) (?:happen|be reached|occur)|never (?:happen|occur)s?|impossible|invariant|exhaustive|assert(?:ion)? failed|must be overr?idd?en|abstract method|subclass(?:es)? must implement|must be used (?:with)?in(?:side)? (?:a |an |the )?<?\w+|unhandled (?:case|type|kind|variant|value|action|event|status|state)|unknown (?:case|variant|kind|action)|unexpected (?:case|variant|kind))\b/i;

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

/** Inside a function (a module-level throw is a startup check that crashes the process on purpose). */
function insideFunction(t: TS, node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionLike(t, n)) return true;
    if (t.isClassStaticBlockDeclaration(n)) return true;
  }
  return false;
}

/** Thrown inside a `try` block of the same function: control flow to the local catch, no caller sees it. */
function insideLocalTry(t: TS, node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let n = node.parent; n && !isFunctionLike(t, n); child = n, n = n.parent) {
    if (t.isTryStatement(n) && n.tryBlock === child && n.catchClause) return true;
  }
  return false;
}

/** The throw is guarded by a `process.env` / `import.meta.env` check: a configuration assertion. */
function isConfigGuard(t: TS, node: ts.Node, sf: ts.SourceFile): boolean {
  for (let n = node.parent; n && !isFunctionLike(t, n); n = n.parent) {
    if (t.isIfStatement(n) && /\b(?:process\.env|import\.meta\.env|env\.[A-Z_]{2,})/.test(n.expression.getText(sf))) return true;
  }
  return false;
}

/** `default:` of a switch or an argument mentioning `never`: an exhaustiveness check. */
function isExhaustivenessCheck(t: TS, node: ts.Node, sf: ts.SourceFile, args: readonly ts.Expression[]): boolean {
  if (args.some((a) => /\bnever\b/.test(a.getText(sf)))) return true;
  for (let n = node.parent; n; n = n.parent) {
    if (t.isDefaultClause(n)) return true;
    // function assertNever(value: never): never
    if (isFunctionLike(t, n)) return n.parameters.some((p) => p.type?.kind === t.SyntaxKind.NeverKeyword);
  }
  return false;
}

function messageText(t: TS, args: readonly ts.Expression[], sf: ts.SourceFile): string {
  const first = args[0];
  if (!first) return '';
  const e = skipOuter(t, first);
  if (t.isStringLiteral(e) || t.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return e.getText(sf);
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

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'generic-error',
    family: 'catch',
    risk: 'low',
    description: 'Flags plain `Error` throws, thrown literals and promises rejected with non-Error values in application code.',
    messages: {
      generic: 'A plain `{{name}}` is thrown: callers and the error handler can only tell this failure apart by matching its message text.',
      genericWithBase: 'A plain `{{name}}` is thrown although the project has `{{base}}`: callers and the error handler can only tell this failure apart by matching its message text.',
      literal: 'The thrown value is {{kind}}, not an Error: it carries no stack trace and no class that callers can check.',
      rejectLiteral: 'A promise is rejected with {{kind}}, not an Error: it carries no stack trace and no class that callers can check.',
      useBase: 'Throw `{{base}}` instead.',
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
    // precision 0.41 on unseen repositories (issue 14)
    preset: 'strict',
    precision: 'low',
    roles: ['server'],
    cwe: ['CWE-397'],
  },
  create(context) {
    const { ts: t, sourceFile: sf, options } = context;
    let base: BaseErrorClass | undefined | null = null;
    const baseClass = (): BaseErrorClass | undefined => {
      if (base === null) base = findBaseErrorClass(t, sf, collectErrorClasses(t, sf));
      return base;
    };
    const allowed = new Set(options.allowClasses);
    const executorRejects = new Set<string>();

    const wrapSuggestion = (value: ts.Expression, message: string): SuggestionDescriptor<MessageIds> => {
      const b = baseClass();
      const name = b?.instantiable ? b.name : 'Error';
      return { messageId: 'wrapInError', data: { name }, edits: [{ range: [value.getStart(sf), value.getEnd()], text: `new ${name}(${message})` }] };
    };

    const checkGenericConstruction = (expr: ts.NewExpression | ts.CallExpression, anchor: ts.Node): void => {
      const callee = skipOuter(t, expr.expression);
      if (!t.isIdentifier(callee)) return;
      const name = callee.text;
      if (!BUILT_IN_ERRORS.has(name) || allowed.has(name) || fileScope(t, sf).has(name)) return;
      const args = expr.arguments ?? [];
      if (!insideFunction(t, anchor) || isConfigGuard(t, anchor, sf) || insideLocalTry(t, anchor)) return;
      const message = messageText(t, args, sf);
      if (CONFIG_MESSAGE.test(message) || SETTING_MESSAGE.test(message)) return;
      if (options.ignoreInvariants && (INVARIANT.test(message) || BUG_CONSTANT.test(message) || isExhaustivenessCheck(t, anchor, sf, args))) return;
      const b = baseClass();
      if (!b) {
        context.report({ node: expr, messageId: 'generic', data: { name } });
        return;
      }
      const suggest: SuggestionDescriptor<MessageIds>[] = b.instantiable
        ? [{ messageId: 'useBase', data: { base: b.name }, edits: [{ range: [callee.getStart(sf), callee.getEnd()], text: t.isNewExpression(expr) ? b.name : `new ${b.name}` }] }]
        : [];
      context.report({ node: expr, messageId: 'genericWithBase', data: { name, base: b.name }, suggest });
    };

    return {
      ThrowStatement(node) {
        const stmt = node as ts.ThrowStatement;
        const expr = skipOuter(t, stmt.expression);
        const lit = literalKind(t, expr, sf);
        if (!lit) {
          if (t.isNewExpression(expr) || t.isCallExpression(expr)) checkGenericConstruction(expr, stmt);
          return;
        }
        context.report({ node: expr, messageId: 'literal', data: { kind: lit.kind }, suggest: lit.message ? [wrapSuggestion(expr, lit.message)] : [] });
      },
      // new Promise((resolve, reject) => …): seen before the calls inside it, so `reject(…)` is checked cheaply
      NewExpression(node) {
        const n = node as ts.NewExpression;
        if (!t.isIdentifier(n.expression) || n.expression.text !== 'Promise') return;
        const executor = n.arguments?.[0];
        const second = executor && (t.isArrowFunction(executor) || t.isFunctionExpression(executor)) ? executor.parameters[1] : undefined;
        if (second && t.isIdentifier(second.name)) executorRejects.add(second.name.text);
      },
      CallExpression(node) {
        const call = node as ts.CallExpression;
        if (!isPromiseReject(t, call) && !isExecutorReject(t, call, executorRejects)) return;
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
    };
  },
});
