import type * as ts from 'typescript';
import { calleeMethod, dottedName, enclosingFunction, enclosingHttpHandler, isFunctionLike, skipOuter, walk } from '../src/analysis/ast.js';
import { atoms, Flow, impliesNonProduction, pathConditions, type Origin } from '../src/analysis/flow.js';
import { errorHandlerKind, responseSinkAt } from '../src/analysis/http.js';
import { importsOf, propertyNameText, resolveIdentifier } from '../src/analysis/scope.js';
import { classifyLogCall, type LogCall } from '../src/analysis/loggers.js';
import { isMaskingCall, mayMentionSensitive, redactCovers, sensitiveName } from '../src/analysis/sensitive.js';
import { defineRule } from '../src/define-rule.js';
import type { TS } from '../src/ts.js';
import type { SuggestionDescriptor, TextEdit } from '../src/types.js';

export interface Options {
  checkErrorMessages: boolean;
  checkResponses: boolean;
}

export type MessageIds = 'loggedValue' | 'errorMessageValue' | 'responseValue' | 'loggedRequest' | 'redactValue' | 'addRedactPath' | 'rewriteByHand';

/** Response fields the client follows: a redirect target, a link. */
const LINK_FIELD = /(url|uri|href|link|redirect|returnTo|return_to|location|callback|next|path)$/i;

interface Secret {
  name: string;
  card: boolean;
}

interface WholeRequest {
  object: string;
  /** Where reads of a local object are looked for: the function that declares it. */
  scope?: ts.Node;
}

type SinkKind = 'log' | 'error' | 'response';

const KEEP_METHODS = new Set(['toString', 'toLocaleString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'concat', 'normalize', 'join']);
const ERROR_CLASS = /(Error|Exception)$/;
const PRIVATE_ERROR_KEYS = new Set(['cause', 'originalError']);
const REQUEST_OBJECT = /^(req|request|ctx\.request|ctx|context\.request|c\.req|event|event\.node\.req)\.(body|headers)$/;
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

const COUNT_METHODS = new Set(['count', 'countDocuments', 'estimatedDocumentCount', 'size']);

function isCount(t: TS, init: ts.Expression): boolean {
  if (t.isPropertyAccessExpression(init)) return init.name.text === 'length' || init.name.text === 'size';
  return t.isCallExpression(init) && COUNT_METHODS.has(calleeMethod(t, init) ?? '');
}

/** The header a call reads: `req.get('authorization')`, `req.header('cookie')`, `headers.get('x-api-key')`. */
function headerRead(t: TS, call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const arg = call.arguments[0];
  if (!t.isPropertyAccessExpression(callee) || !HEADER_GETTERS.has(callee.name.text) || call.arguments.length !== 1 || !arg || !t.isStringLiteralLike(arg)) return undefined;
  const receiver = dottedName(t, callee.expression) ?? '';
  return /(^|\.)(req|request|headers|ctx|context|c\.req|event)$/.test(receiver) ? arg.text : undefined;
}

/** `404` from `{ status: 404 }` / `{ statusCode: 404 }`. */
function statusOption(t: TS, arg: ts.Expression | undefined): number | undefined {
  const o = arg && skipOuter(t, arg);
  if (!o || !t.isObjectLiteralExpression(o)) return undefined;
  for (const p of o.properties) {
    const key = t.isPropertyAssignment(p) ? propertyNameText(t, p.name) : undefined;
    if ((key === 'status' || key === 'statusCode') && t.isPropertyAssignment(p) && t.isNumericLiteral(p.initializer)) return Number(p.initializer.text);
  }
  return undefined;
}

/** `res` when `id` was declared as `await res.json()` / `await res.text()`. */
function responseOfBody(t: TS, expr: ts.Expression): string | undefined {
  if (!t.isIdentifier(expr)) return undefined;
  const d = resolveIdentifier(t, expr)?.declaration;
  if (!d || !t.isVariableDeclaration(d) || !d.initializer) return undefined;
  let init = skipOuter(t, d.initializer);
  while (t.isAwaitExpression(init) || t.isParenthesizedExpression(init)) init = skipOuter(t, init.expression);
  if (!t.isCallExpression(init) || !t.isPropertyAccessExpression(init.expression) || !['json', 'text'].includes(init.expression.name.text)) return undefined;
  return dottedName(t, init.expression.expression);
}

/**
 * The value was just looked up and matched nothing: the node runs only where `found` is falsy, and `found` was
 * declared as a call that took the value (`const cached = await cache.get(\`sig:${token}\`); if (!cached) throw
 * new BadRequestException(\`Invalid token: ${token}\`)`). A key that opens nothing is no secret (the NotFound case,
 * whatever the error is called).
 */
function lookupMissed(t: TS, conditions: readonly { test: ts.Expression; value: boolean }[], value: ts.Expression): boolean {
  const key = dottedName(t, skipOuter(t, value));
  if (!key) return false;
  for (const c of conditions) {
    for (const a of atoms(t, c.test, c.value)) {
      if (a.value || !t.isIdentifier(a.test)) continue;
      const d = resolveIdentifier(t, a.test)?.declaration;
      let init = d && t.isVariableDeclaration(d) && d.initializer ? skipOuter(t, d.initializer) : undefined;
      while (init && t.isAwaitExpression(init)) init = skipOuter(t, init.expression);
      if (!init || !t.isCallExpression(init)) continue;
      let takes = false;
      for (const arg of init.arguments) walk(t, arg, (n) => {
        if (takes) return 'skip';
        if ((t.isIdentifier(n) || t.isPropertyAccessExpression(n)) && dottedName(t, n) === key) takes = true;
        return undefined;
      });
      if (takes) return true;
    }
  }
  return false;
}

/** `x: number`, `count: boolean`: a declared type no credential has. */
function declaredAsNonText(t: TS, decl: ts.Node): boolean {
  const type = (t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isPropertyDeclaration(decl) || t.isPropertySignature(decl)) ? decl.type : undefined;
  return type !== undefined && (type.kind === t.SyntaxKind.NumberKeyword || type.kind === t.SyntaxKind.BooleanKeyword || type.kind === t.SyntaxKind.BigIntKeyword);
}

const TOKENIZER_METHODS = /^(?:split|match|matchAll|tokenize|tokenise|lex|scan)$/;

/** `expr.split(' ')`, `tokenize(rule)`: pieces of a text, not a credential. */
function isTokenizerCall(t: TS, e: ts.Expression | undefined): boolean {
  let s = e && skipOuter(t, e);
  while (s && t.isAwaitExpression(s)) s = skipOuter(t, s.expression);
  if (!s || !t.isCallExpression(s)) return false;
  const name = t.isPropertyAccessExpression(s.expression) ? s.expression.name.text : t.isIdentifier(s.expression) ? s.expression.text : '';
  return TOKENIZER_METHODS.test(name);
}

/** `const tokens = text.split(/\s+/)` or `for (const token of tokens)` over such a list. */
function fromTokenizer(t: TS, decl: ts.VariableDeclaration): boolean {
  if (isTokenizerCall(t, decl.initializer)) return true;
  const loop = decl.parent?.parent;
  if (!loop || !t.isForOfStatement(loop)) return false;
  const iterable = skipOuter(t, loop.expression);
  if (isTokenizerCall(t, iterable)) return true;
  const d = t.isIdentifier(iterable) ? resolveIdentifier(t, iterable)?.declaration : undefined;
  return d !== undefined && t.isVariableDeclaration(d) && isTokenizerCall(t, d.initializer);
}

/** A value read from the request being answered: `req.body.token`, `const { token } = req.query`. */
const REQUEST_INPUT = /^(?:req|request|ctx\.request|ctx|c\.req|event)\.(?:body|query|params|headers|cookies)(?:\.|$)/;

function fromRequestInput(t: TS, expr: ts.Expression): boolean {
  const s = skipOuter(t, expr);
  const name = dottedName(t, s);
  if (name && REQUEST_INPUT.test(name)) return true;
  if (!t.isIdentifier(s)) return false;
  const d = resolveIdentifier(t, s)?.declaration;
  if (d && t.isVariableDeclaration(d) && d.initializer) return fromRequestInput(t, d.initializer);
  if (d && t.isBindingElement(d)) {
    let holder: ts.Node = d.parent;
    while (t.isObjectBindingPattern(holder) || t.isArrayBindingPattern(holder) || t.isBindingElement(holder)) holder = holder.parent;
    return t.isVariableDeclaration(holder) && holder.initializer !== undefined && fromRequestInput(t, holder.initializer);
  }
  return false;
}

function scopeOf(t: TS, decl: ts.Node): ts.Node {
  for (let n = decl.parent; n; n = n.parent) if (isFunctionLike(t, n) || t.isSourceFile(n)) return n;
  return decl.getSourceFile();
}

function isLiteralValue(t: TS, e: ts.Expression): boolean {
  const s = skipOuter(t, e);
  return t.isStringLiteralLike(s) || t.isNumericLiteral(s) || s.kind === t.SyntaxKind.TrueKeyword || s.kind === t.SyntaxKind.FalseKeyword || s.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(s) && s.text === 'undefined');
}

/** Values an object key's name makes sensitive: a reference or a template, not a literal, flag or call. */
function carriesRawValue(t: TS, e: ts.Expression): boolean {
  const s = skipOuter(t, e);
  if (t.isAwaitExpression(s)) return carriesRawValue(t, s.expression);
  if (t.isIdentifier(s)) return s.text !== 'undefined';
  return t.isPropertyAccessExpression(s) || t.isElementAccessExpression(s) || t.isTemplateExpression(s);
}

/** Paths from pino `redact: [...]` / `redact: { paths: [...] }` anywhere in the file. */
function redactConfig(t: TS, sf: ts.SourceFile): { paths: string[]; array?: ts.ArrayLiteralExpression } {
  const out: { paths: string[]; array?: ts.ArrayLiteralExpression } = { paths: [] };
  const visit = (n: ts.Node): void => {
    if (t.isPropertyAssignment(n) && propertyNameText(t, n.name) === 'redact') {
      let v = skipOuter(t, n.initializer);
      if (t.isObjectLiteralExpression(v)) {
        const p = v.properties.find((x): x is ts.PropertyAssignment => t.isPropertyAssignment(x) && propertyNameText(t, x.name) === 'paths');
        if (p) v = skipOuter(t, p.initializer);
      }
      if (t.isArrayLiteralExpression(v)) {
        out.array ??= v;
        for (const el of v.elements) if (t.isStringLiteralLike(el)) out.paths.push(el.text);
      }
    }
    t.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function inErrorPath(t: TS, node: ts.Node, knowledge: Parameters<typeof errorHandlerKind>[2]): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (t.isCatchClause(n)) return true;
    if (isFunctionLike(t, n) && errorHandlerKind(t, n, knowledge)) return true;
  }
  return false;
}

/** Sensitive names the handler reads from a request object: `req.body.password`, `const { password } = req.body`, `req.get('authorization')`. */
function sensitiveReadsOf(t: TS, scope: ts.Node, object: string, knowledge: Parameters<typeof sensitiveName>[1]): string | undefined {
  let found: string | undefined;
  const isHeaders = object.endsWith('.headers');
  const root = object.slice(0, object.lastIndexOf('.'));
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((t.isPropertyAccessExpression(n) || t.isElementAccessExpression(n)) && dottedName(t, n.expression) === object) {
      const name = t.isPropertyAccessExpression(n) ? n.name.text : t.isStringLiteralLike(n.argumentExpression) ? n.argumentExpression.text : undefined;
      if (name && sensitiveName(name, knowledge)) found = name;
    } else if (t.isVariableDeclaration(n) && n.initializer && t.isObjectBindingPattern(n.name) && dottedName(t, n.initializer) === object) {
      for (const el of n.name.elements) {
        const key = propertyNameText(t, el.propertyName ?? el.name);
        if (key && sensitiveName(key, knowledge)) found = key;
      }
    } else if (isHeaders && t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && HEADER_GETTERS.has(n.expression.name.text) && dottedName(t, n.expression.expression) === root) {
      const arg = n.arguments[0];
      if (arg && t.isStringLiteralLike(arg) && sensitiveName(arg.text, knowledge)) found = arg.text;
    }
    t.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

export default defineRule<MessageIds, Options>({
  meta: {
    id: 'sensitive-data-exposure',
    family: 'boundary',
    risk: 'high',
    description: 'Disallow passwords, tokens, secrets and card data in logs, error messages and error responses.',
    messages: {
      loggedValue: 'The sensitive value `{{name}}` is written to a log.',
      errorMessageValue: 'The sensitive value `{{name}}` is put into an error.',
      responseValue: 'The sensitive value `{{name}}` is sent in an HTTP error response.',
      loggedRequest: 'The whole `{{object}}` is logged, and this function reads `{{name}}` from it.',
      redactValue: 'Replace `{{name}}` with a redacted placeholder.',
      addRedactPath: "Add `{{path}}` to the logger's redact paths.",
      rewriteByHand: 'No rewrite is offered: {{reason}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkErrorMessages: { type: 'boolean', description: 'Report sensitive values put into error messages.' },
        checkResponses: { type: 'boolean', description: 'Report sensitive values sent in HTTP error responses.' },
      },
    },
    defaultOptions: { checkErrorMessages: true, checkResponses: true },
    fixable: false,
    hasSuggestions: true,
    // precision 0.12 on unseen repositories (issue 14)
    preset: 'strict',
    cwe: ['CWE-532', 'CWE-209'],
    precision: 'low',
    roles: ['server', 'client', 'script'],
  },
  create(context) {
    const { ts: t, sourceFile: sf, knowledge, options } = context;
    if (context.file.isExample) return {};
    // every finding needs a sensitive name somewhere in the file
    if (!mayMentionSensitive(sf.text, knowledge)) return {};
    const imports = importsOf(t, sf);
    const isCli = context.file.role === 'script';
    let redact: ReturnType<typeof redactConfig> | undefined;
    const redactPaths = (): string[] => [...(redact ??= redactConfig(t, sf)).paths, ...knowledge.sensitive.redactPaths];

    const secrets = new Flow<Secret>(t, {
      at(expr) {
        if (t.isCallExpression(expr)) {
          const name = dottedName(t, expr.expression);
          if (name && isMaskingCall(name, knowledge)) return 'clean';
          // req.get('authorization') / request.headers.get('cookie')
          const header = headerRead(t, expr);
          const m = header ? sensitiveName(header, knowledge) : undefined;
          return header && m ? { source: { name: header, card: m.card } } : undefined;
        }
        let name: string | undefined;
        if (t.isIdentifier(expr)) {
          const b = resolveIdentifier(t, expr);
          const d = b?.declaration;
          if (d && !t.isVariableDeclaration(d) && !t.isParameter(d) && !t.isBindingElement(d)) return undefined;
          // let inputTokens: number / (tokens: number) => …: a count, whatever its name says
          if (d && declaredAsNonText(t, d)) return 'clean';
          // const tokens = expression.split(' '): a parser's pieces of text
          if (d && t.isVariableDeclaration(d) && fromTokenizer(t, d)) return 'clean';
          // const pwd = process.cwd() / const password = await hash(raw)
          if (d && t.isVariableDeclaration(d) && d.initializer) {
            let init = skipOuter(t, d.initializer);
            if (t.isAwaitExpression(init)) init = skipOuter(t, init.expression);
            if (t.isCallExpression(init)) {
              const callee = dottedName(t, init.expression) ?? '';
              if (callee === 'process.cwd' || isMaskingCall(callee, knowledge)) return 'clean';
            }
            if (isLiteralValue(t, init)) return 'clean';
            // const activeTokens = await prisma.token.count(…) / tokens.length: how many, not which
            if (isCount(t, init)) return 'clean';
            // const apiKeys = rows.map((k) => k.id): identifiers of secrets, not secrets
            if (t.isCallExpression(init) && t.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'map') {
              const cb = init.arguments[0] ? skipOuter(t, init.arguments[0]) : undefined;
              const body = cb && (t.isArrowFunction(cb) || t.isFunctionExpression(cb)) && !t.isBlock(cb.body) ? skipOuter(t, cb.body) : undefined;
              if (body && t.isPropertyAccessExpression(body) && !sensitiveName(body.name.text, knowledge)) return 'clean';
            }
          }
          name = expr.text;
        } else if (t.isPropertyAccessExpression(expr)) {
          name = expr.name.text;
        } else if (t.isElementAccessExpression(expr) && t.isStringLiteralLike(expr.argumentExpression)) {
          name = expr.argumentExpression.text;
        }
        if (!name) return undefined;
        const m = sensitiveName(name, knowledge);
        return m ? { source: { name, card: m.card } } : undefined;
      },
      key(name, value) {
        if (!carriesRawValue(t, value)) return undefined;
        const v = skipOuter(t, value);
        const valueName = t.isIdentifier(v) ? v.text : t.isPropertyAccessExpression(v) ? v.name.text : '';
        if (/hash|mask|redact|encrypt|length|last4|count|id$|Id$/i.test(valueName)) return undefined;
        const m = sensitiveName(name, knowledge);
        return m ? { name, card: m.card } : undefined;
      },
      keepsThroughMethod: (method) => KEEP_METHODS.has(method),
    });

    const requests = new Flow<WholeRequest>(t, {
      at(expr) {
        const name = dottedName(t, expr);
        if (name && REQUEST_OBJECT.test(name)) return { source: { object: name } };
        // logger.info(dto) where the function reads dto.password: a whole object that holds a secret
        if (t.isIdentifier(expr)) {
          const d = resolveIdentifier(t, expr)?.declaration;
          if (d && (t.isParameter(d) || t.isVariableDeclaration(d))) return { source: { object: expr.text, scope: scopeOf(t, d) } };
        }
        return undefined;
      },
      keepsThroughMethod: (method) => KEEP_METHODS.has(method),
    });

    function placeholderEdit(origin: Origin<Secret>, sink: ts.Node): TextEdit | undefined {
      const inside = (n: ts.Node | undefined): n is ts.Expression => n !== undefined && n.pos >= sink.pos && n.end <= sink.end;
      const node = inside(origin.node) ? origin.node : origin.carrier;
      if (origin.derivation === 'spread' || !inside(node)) return undefined;
      const parent = node.parent;
      if (parent && t.isTemplateSpan(parent) && parent.expression === node) {
        const open = sf.text.lastIndexOf('${', node.getStart(sf));
        const close = parent.literal.getStart(sf) + 1;
        return { range: [open, close], text: '[REDACTED]' };
      }
      if (parent && t.isShorthandPropertyAssignment(parent) && parent.name === node) return { range: [parent.getStart(sf), parent.getEnd()], text: `${node.getText(sf)}: '[REDACTED]'` };
      return { range: [node.getStart(sf), node.getEnd()], text: "'[REDACTED]'" };
    }

    /** Whether `value` is part of a link the client follows: `{ returnTo: \`/sign/${token}\` }`, `res.redirect(url)`. */
    function inLink(value: ts.Node, sink: ts.Node): boolean {
      for (let n: ts.Node | undefined = value.parent; n && n !== sink; n = n.parent) {
        if (t.isTemplateExpression(n) && /[/?=]|^https?:/.test(n.head.text + n.templateSpans.map((x) => x.literal.text).join(''))) return true;
        if ((t.isPropertyAssignment(n) || t.isShorthandPropertyAssignment(n)) && t.isIdentifier(n.name)) return LINK_FIELD.test(n.name.text);
      }
      return t.isCallExpression(sink) && t.isPropertyAccessExpression(sink.expression) && /^redirect/.test(sink.expression.name.text);
    }

    function redactPathEdit(path: string): TextEdit | undefined {
      const array = (redact ??= redactConfig(t, sf)).array;
      if (!array) return undefined;
      const last = array.elements[array.elements.length - 1];
      const text = `'${path.replace(/'/g, "\\'")}'`;
      if (!last) return { range: [array.getStart(sf), array.getEnd()], text: `[${text}]` };
      return { range: [last.getEnd(), last.getEnd()], text: `, ${text}` };
    }

    const readsCache = new Map<ts.Node, Map<string, string | undefined>>();
    function readsOf(scope: ts.Node, object: string): string | undefined {
      let byObject = readsCache.get(scope);
      if (!byObject) readsCache.set(scope, (byObject = new Map()));
      if (!byObject.has(object)) byObject.set(object, sensitiveReadsOf(t, scope, object, knowledge));
      return byObject.get(object);
    }

    function check(node: ts.Node, kind: SinkKind, payloads: readonly ts.Expression[], log?: LogCall): void {
      const conditions = pathConditions(t, node);
      // if (process.env.NODE_ENV === 'development') console.info('reset link', url): never in production logs
      if (conditions.some((c) => impliesNonProduction(t, c.test, c.value))) return;
      // const token = await res.json(); if (!res.ok) log(token) — the body of a failed call is an error, not a token
      const failed = new Set(conditions.flatMap((c) => atoms(t, c.test, c.value)).filter((a) => !a.value && t.isPropertyAccessExpression(a.test) && a.test.name.text === 'ok').map((a) => dottedName(t, (a.test as ts.PropertyAccessExpression).expression)));
      const isFailedBody = (origin: { node: ts.Expression }): boolean => failed.size > 0 && failed.has(responseOfBody(t, origin.node));
      const structured = log !== undefined && log.kind === 'logger';
      for (const payload of payloads) {
        for (const origin of secrets.trace(payload)) {
          if (isFailedBody(origin)) continue;
          // res.status(401).json({ error: 'expired', token: req.body.token }): the caller sent it, nobody new learns it
          if (kind === 'response' && fromRequestInput(t, origin.node)) continue;
          // if (!(await cache.get(token))) throw new BadRequestException(`Invalid token: ${token}`): it matched nothing
          if (kind !== 'log' && lookupMissed(t, conditions, origin.node)) continue;
          // new Error('…', { cause: err }): the cause stays on the server
          if (kind === 'error' && origin.path.length > 0 && PRIVATE_ERROR_KEYS.has(origin.path[0]!)) continue;
          // pino `redact` covers object paths; a string message is never redacted
          if (structured && origin.path.length > 0 && origin.derivation !== 'string' && redactCovers(redactPaths(), origin.path)) continue;
          const { name, card } = origin.source;
          const suggest: SuggestionDescriptor<MessageIds>[] = [];
          const edit = placeholderEdit(origin, node);
          // { returnTo: `/sign/${token}` }: the client follows the value, so redacting it breaks the flow
          if (edit && kind === 'response' && inLink(origin.node, node)) {
            suggest.push({ messageId: 'rewriteByHand', data: { reason: 'the value is part of a link the client follows, so a placeholder would break it; send the secret another way' }, edits: [] });
          } else if (edit) suggest.push({ messageId: 'redactValue', data: { name }, edits: [edit] });
          if (structured && origin.path.length > 0 && origin.derivation !== 'string') {
            const e = redactPathEdit(origin.path.join('.'));
            if (e) suggest.push({ messageId: 'addRedactPath', data: { path: origin.path.join('.') }, edits: [e] });
          }
          context.report({
            node: origin.node.pos >= node.pos && origin.node.end <= node.end ? origin.node : payload,
            anchor: node,
            messageId: kind === 'log' ? 'loggedValue' : kind === 'error' ? 'errorMessageValue' : 'responseValue',
            data: { name },
            risk: card ? 'critical' : undefined,
            suggest,
          });
          return;
        }
        if (kind !== 'log') continue;
        for (const origin of requests.trace(payload)) {
          if (isFailedBody(origin)) continue;
          const scope = origin.source.scope ?? enclosingHttpHandler(t, node) ?? enclosingFunction(t, node);
          if (!scope) continue;
          const read = readsOf(scope, origin.source.object);
          if (!read) continue;
          const path = origin.derivation === 'string' ? undefined : [...origin.path, read];
          if (structured && path && redactCovers(redactPaths(), path)) continue;
          const suggest: SuggestionDescriptor<MessageIds>[] = [];
          if (structured && path) {
            const e = redactPathEdit(path.join('.'));
            if (e) suggest.push({ messageId: 'addRedactPath', data: { path: path.join('.') }, edits: [e] });
          }
          const m = sensitiveName(read, knowledge);
          context.report({
            node: origin.node.pos >= node.pos && origin.node.end <= node.end ? origin.node : payload,
            anchor: node,
            messageId: 'loggedRequest',
            data: { object: origin.source.object, name: read },
            risk: m?.card ? 'critical' : undefined,
            suggest,
          });
          return;
        }
      }
    }

    return {
      CallExpression(call) {
        const log = classifyLogCall(t, call, knowledge, imports);
        if (log) {
          // a CLI prints to its user on purpose (generated invite tokens, one-time passwords)
          if (isCli) return;
          check(call, 'log', call.arguments, log);
          return;
        }
        if (options.checkResponses) {
          const sink = responseSinkAt(t, call, knowledge, imports);
          if (sink && ((sink.status ?? 0) >= 400 || (sink.status === undefined && inErrorPath(t, call, knowledge)))) check(call, 'response', sink.payloads);
        }
      },
      NewExpression(expr) {
        const name = dottedName(t, expr.expression);
        if (!name) return;
        const sink = options.checkResponses ? responseSinkAt(t, expr, knowledge, imports) : undefined;
        if (sink && sink.kind === 'class') {
          if ((sink.status ?? 0) >= 400 || (sink.status === undefined && inErrorPath(t, expr, knowledge))) check(expr, 'response', sink.payloads);
          return;
        }
        if (!options.checkErrorMessages || !(ERROR_CLASS.test(name) || sink?.kind === 'exception')) return;
        // new ChannelNotFoundError(token) / new RequestError({ token, status: 404 }): a value that matched nothing is no secret
        if (/NotFound/.test(name) || (sink?.status ?? statusOption(t, expr.arguments?.[0])) === 404) return;
        const payloads = [...(expr.arguments ?? [])];
        check(expr, 'error', payloads);
      },
      BinaryExpression(node) {
        if (!options.checkResponses) return;
        const sink = responseSinkAt(t, node, knowledge, imports);
        if (sink && ((sink.status ?? 0) >= 400 || (sink.status === undefined && inErrorPath(t, node, knowledge)))) check(node, 'response', sink.payloads);
      },
    };
  },
});

