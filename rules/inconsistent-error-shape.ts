import type * as ts from 'typescript';
import { enclosingFunction, functionName, isFunctionLike, isHttpHandler, skipOuter, type FunctionLike } from '../src/analysis/ast.js';
import { propertyNameText } from '../src/analysis/flow.js';
import { errorHandlerKind, responseSinkAt } from '../src/analysis/http.js';
import { importsOf } from '../src/analysis/imports.js';
import { defineProjectRule } from '../src/engine/project.js';
import type { ErrorShapeRow, ProjectFile, Site, SuggestionDescriptor, TS } from '../src/types.js';

export type MessageIds = 'inconsistentShape' | 'useDominantShape' | 'useProblemDetails';

export interface Options {
  ignoreKeys: string[];
  checkExceptions: boolean;
}

/** One top-level key of a body: `error` holding an object literal keeps its keys (one level). */
export interface ShapeKey {
  name: string;
  /** Keys of an object-literal value; absent for any other value. */
  nested?: string[];
}

export interface BodyShape {
  keys: ShapeKey[];
  problemJson: boolean;
}

/** Who writes the body: a central error handler, a helper that other code calls, or the handler itself. */
export type SiteRole = 'error-handler' | 'helper' | 'inline';

export type ShapeFact =
  /** An error response body written here. */
  | { type: 'body'; shape: BodyShape; site: Site; role: SiteRole; owner: string; exception: boolean; helper?: string }
  /** An error response whose body is built by a call: `res.status(400).json(errorBody(…))`. */
  | { type: 'built'; builder: string; problemJson: boolean; site: Site; owner: string }
  /** A function with an error-like name that returns an object literal: a body builder candidate. */
  | { type: 'builder'; name: string; shape: BodyShape; site: Site }
  /** A call handing a response object to a function: `sendError(res, 404, …)`. */
  | { type: 'call'; name: string }
  /** A NestJS exception filter catching every exception or `HttpException`: thrown payloads are reshaped. */
  | { type: 'filter' };

const ERRORISH_NAME = /error|fail|problem|fault|exception|reject|deny|denied|unauthori[sz]ed|forbidden|notfound|not_found|badrequest|bad_request/i;
// Keys that say a body reports a failure when no error status is visible (a body in a catch or an error handler).
const ERRORISH_KEYS = new Set(['error', 'errors', 'err', 'message', 'msg', 'code', 'errorCode', 'error_code', 'success', 'ok', 'status', 'statusCode', 'title', 'detail', 'type', 'reason', 'fault', 'errorMessage', 'error_message']);
const PROBLEM_JSON = 'problem+json';
const NESTED_KEYS = new Set(['error', 'err', 'problem', 'fault']);
// Exceptions whose payload object is the response body as-is (NestJS semantics); others take options.
const OPTION_EXCEPTIONS = new Set(['HTTPException', 'TRPCError', 'GraphQLError', 'HttpError', 'ApolloError', 'UserInputError', 'AuthenticationError', 'ForbiddenError', 'RpcException', 'WsException']);

/** The shape of an object literal body, or undefined when spreads or computed keys make it unknowable. */
export function shapeOfObject(t: TS, obj: ts.ObjectLiteralExpression): ShapeKey[] | undefined {
  const keys: ShapeKey[] = [];
  for (const p of obj.properties) {
    if (t.isSpreadAssignment(p)) return undefined;
    const name = propertyNameText(t, p.name);
    if (name === undefined) return undefined;
    let nested: string[] | undefined;
    // `error: { code, message }` is structure; `errors: { title: [...] }` is a map of field names
    if (t.isPropertyAssignment(p) && NESTED_KEYS.has(name)) {
      const v = skipOuter(t, p.initializer);
      if (t.isObjectLiteralExpression(v)) {
        const inner = v.properties.map((q) => (t.isSpreadAssignment(q) ? undefined : propertyNameText(t, q.name)));
        if (!inner.includes(undefined)) nested = [...new Set(inner as string[])].sort();
      }
    }
    keys.push(nested ? { name, nested } : { name });
  }
  return keys.sort((a, b) => a.name.localeCompare(b.name));
}

/** `{ error: { code, message }, success }`, with ` (problem+json)` when that content type is set. */
export function formatShape(shape: BodyShape): string {
  const inner = shape.keys.map((k) => (k.nested ? `${k.name}: { ${k.nested.join(', ')} }` : k.name)).join(', ');
  return `${inner ? `{ ${inner} }` : '{}'}${shape.problemJson ? ' (problem+json)' : ''}`;
}

/** The shape without ignored keys; a shape made only of ignored keys stays as it is. */
function withoutKeys(shape: BodyShape, ignore: ReadonlySet<string>): BodyShape {
  const keys = shape.keys.filter((k) => !ignore.has(k.name)).map((k) => (k.nested ? { name: k.name, nested: k.nested.filter((n) => !ignore.has(n)) } : k));
  return keys.length ? { problemJson: shape.problemJson, keys } : shape;
}

/**
 * A body is compatible with the dominant shape when it has every key the dominant shape has (extra members
 * are extensions, as RFC 9457 allows) and no key holds an object where the other holds a plain value.
 */
export function isCompatible(site: BodyShape, dominant: BodyShape): boolean {
  for (const d of dominant.keys) {
    const s = site.keys.find((k) => k.name === d.name);
    if (!s) return false;
    if (Boolean(s.nested) !== Boolean(d.nested)) return false;
    if (d.nested && s.nested && !d.nested.every((n) => s.nested!.includes(n))) return false;
  }
  return true;
}

/** The object literal a body expression is: `{…}`, `JSON.stringify({…})`, or a `const` bound to one in scope. */
function bodyObject(t: TS, expr: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
  const e = skipOuter(t, expr);
  if (t.isObjectLiteralExpression(e)) return e;
  if (t.isCallExpression(e) && e.arguments[0] && t.isPropertyAccessExpression(e.expression) && e.expression.getText() === 'JSON.stringify') {
    return depth < 2 ? bodyObject(t, e.arguments[0], depth + 1) : undefined;
  }
  if (t.isIdentifier(e) && depth < 2) {
    const decl = localConst(t, e);
    if (decl?.initializer) return bodyObject(t, decl.initializer, depth + 1);
  }
  return undefined;
}

/** `const body = {…}` in an enclosing block of the same function, declared before `id`. */
function localConst(t: TS, id: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let n: ts.Node | undefined = id.parent; n && !isFunctionLike(t, n); n = n.parent) {
    if (!t.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st.pos >= id.pos) break;
      if (!t.isVariableStatement(st) || !(st.declarationList.flags & t.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (t.isIdentifier(d.name) && d.name.text === id.text) return d;
    }
  }
  return undefined;
}

/** `errorBody(…)` / `Errors.toBody(…)`: the name of the function building a body, if the body is a call. */
function builderName(t: TS, expr: ts.Expression): string | undefined {
  let e = skipOuter(t, expr);
  if (t.isCallExpression(e) && t.isPropertyAccessExpression(e.expression) && e.expression.getText() === 'JSON.stringify' && e.arguments[0]) e = skipOuter(t, e.arguments[0]);
  if (!t.isCallExpression(e)) return undefined;
  const callee = skipOuter(t, e.expression);
  if (t.isIdentifier(callee)) return callee.text;
  if (t.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function inCatch(t: TS, node: ts.Node): boolean {
  for (let n = node.parent; n && !isFunctionLike(t, n); n = n.parent) if (t.isCatchClause(n)) return true;
  return false;
}

function mentionsProblemJson(fn: ts.Node | undefined, node: ts.Node): boolean {
  return (fn ?? node).getText().includes(PROBLEM_JSON);
}

/** Outermost non-handler function that holds the node, for grouping sites by the function that writes them. */
function ownerOf(t: TS, fn: FunctionLike | undefined, filePath: string): string {
  if (!fn) return `${filePath}#module`;
  return `${filePath}#${functionName(t, fn) ?? 'anonymous'}@${fn.pos}`;
}

function roleOf(t: TS, fn: FunctionLike | undefined, receivers: readonly string[], knowledge: Parameters<typeof errorHandlerKind>[2]): SiteRole {
  if (!fn) return 'inline';
  const kind = errorHandlerKind(t, fn, knowledge);
  if (kind === 'error-middleware' || kind === 'error-handler' || kind === 'exception-filter') return 'error-handler';
  if (isHttpHandler(t, fn)) return 'inline';
  const name = functionName(t, fn);
  if (!name) return 'inline';
  const takesResponse = fn.parameters.some((p) => t.isIdentifier(p.name) && receivers.includes(p.name.text));
  return ERRORISH_NAME.test(name) || takesResponse ? 'helper' : 'inline';
}

/** `{ success: true, … }` / `{ ok: true }`: a success body, even in a catch (a fallback answer). */
function reportsSuccess(t: TS, obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => t.isPropertyAssignment(p) && ['success', 'ok'].includes(propertyNameText(t, p.name) ?? '') && p.initializer.kind === t.SyntaxKind.TrueKeyword);
}

function hasErrorishKey(shape: BodyShape): boolean {
  return shape.keys.some((k) => ERRORISH_KEYS.has(k.name));
}

interface Unit {
  shape: BodyShape;
  canonical: string;
  /** Responses it stands for (a helper counts once per call). */
  weight: number;
  file: string;
  site: Site;
  role: SiteRole;
  owner: string;
  /** Where a finding goes: the site, or the helper/builder that defines the body. */
  reportAt: { file: string; site: Site };
}

function where(u: Unit): string {
  const at = `${u.reportAt.file}:${u.reportAt.site.line}`;
  if (u.role === 'error-handler') return `written by the error handler at ${at}`;
  if (u.role === 'helper') return `written by the helper at ${at}`;
  return `e.g. ${at}`;
}

/** Builds the units of comparison from every file's facts. */
function unitsOf(files: readonly ProjectFile<ShapeFact>[], options: Options): Unit[] {
  const ignore = new Set(options.ignoreKeys);
  const builders = new Map<string, { file: string; site: Site; shape: BodyShape } | null>();
  const calls = new Map<string, number>();
  let reshapedExceptions = false;
  for (const f of files) {
    for (const fact of f.facts) {
      if (fact.type === 'filter') reshapedExceptions = true;
      if (fact.type === 'call') calls.set(fact.name, (calls.get(fact.name) ?? 0) + 1);
      if (fact.type === 'builder') {
        const prev = builders.get(fact.name);
        if (prev === undefined) builders.set(fact.name, { file: f.file, site: fact.site, shape: fact.shape });
        else if (prev && formatShape(prev.shape) !== formatShape(fact.shape)) builders.set(fact.name, null);
      }
    }
  }
  const units: Unit[] = [];
  for (const f of files) {
    for (const fact of f.facts) {
      if (fact.type === 'body') {
        if (fact.exception && (reshapedExceptions || !options.checkExceptions)) continue;
        const shape = withoutKeys(fact.shape, ignore);
        const weight = 1 + (fact.helper ? (calls.get(fact.helper) ?? 0) : 0);
        units.push({ shape, canonical: formatShape(shape), weight, file: f.file, site: fact.site, role: fact.role, owner: fact.owner, reportAt: { file: f.file, site: fact.site } });
      } else if (fact.type === 'built') {
        const builder = builders.get(fact.builder);
        if (!builder) continue;
        const shape = withoutKeys({ keys: builder.shape.keys, problemJson: builder.shape.problemJson || fact.problemJson }, ignore);
        units.push({ shape, canonical: formatShape(shape), weight: 1, file: f.file, site: fact.site, role: 'helper', owner: `${builder.file}#${fact.builder}`, reportAt: { file: builder.file, site: builder.site } });
      }
    }
  }
  return units;
}

const ROLE_RANK: Record<SiteRole, number> = { 'error-handler': 0, helper: 1, inline: 2 };

export default defineProjectRule<MessageIds, Options, ShapeFact>({
  meta: {
    id: 'inconsistent-error-shape',
    family: 'project',
    scope: 'project',
    risk: 'low',
    description: 'Report HTTP error responses whose body shape differs from the shape most of the API uses.',
    messages: {
      inconsistentShape: 'Error response body {{shape}} differs from the dominant error shape {{dominant}} ({{count}} of {{total}} error responses, {{where}}).',
      useDominantShape: 'Return the dominant shape {{dominant}} here, or throw and let the central error handler write it.',
      useProblemDetails: 'Or move every error response to RFC 9457 problem details (type, title, status, detail, instance, plus an error code and a trace id) sent as application/problem+json.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreKeys: { type: 'array', items: { type: 'string' }, description: 'Keys left out when comparing shapes (optional members such as `stack` or `details`).' },
        checkExceptions: { type: 'boolean', description: 'Count the object payloads of thrown HTTP exceptions (NestJS `new BadRequestException({ … })`) as error bodies.' },
      },
    },
    defaultOptions: { ignoreKeys: ['stack', 'timestamp', 'path', 'traceId', 'requestId', 'correlationId'], checkExceptions: true },
    fixable: false,
    hasSuggestions: true,
    recommended: true,
    precision: 'high',
  },
  create(context) {
    const t = context.ts;
    const { knowledge, sourceFile: sf, filePath } = context;
    if (context.file.isTest || context.file.isClient || context.file.isScript) return {};
    const imports = importsOf(t, sf);
    const receivers = knowledge.http.responseReceivers;

    const onSink = (node: ts.Node): boolean => {
      const sink = responseSinkAt(t, node, knowledge, imports);
      if (!sink) return false;
      if (sink.kind === 'error-factory') return true;
      const fn = enclosingFunction(t, node);
      const role = roleOf(t, fn, receivers, knowledge);
      const owner = ownerOf(t, role === 'inline' ? undefined : fn, filePath) + (role === 'inline' ? `@${node.pos}` : '');
      const problemJson = mentionsProblemJson(fn, node);
      const helper = role === 'helper' && fn ? functionName(t, fn) : undefined;
      if (sink.kind === 'exception') {
        const newExpr = node as ts.NewExpression;
        const name = (sink.name.split('.').pop() ?? sink.name);
        if (OPTION_EXCEPTIONS.has(name)) return true;
        const payload = (newExpr.arguments ?? []).map((a) => skipOuter(t, a)).find((a) => t.isObjectLiteralExpression(a)) as ts.ObjectLiteralExpression | undefined;
        const keys = payload && shapeOfObject(t, payload);
        if (payload && keys?.length) context.collect({ type: 'body', shape: { keys, problemJson }, site: context.site(payload), role, owner, exception: true, ...(helper ? { helper } : {}) });
        return true;
      }
      if (sink.status !== undefined && sink.status < 400) return true;
      const payload = sink.payloads[0];
      if (!payload) return true;
      const errorContext =
        sink.status !== undefined || role === 'error-handler' || (helper !== undefined && ERRORISH_NAME.test(helper)) || inCatch(t, node) || (fn !== undefined && errorHandlerKind(t, fn, knowledge) === 'rejection');
      if (!errorContext) return true;
      const obj = bodyObject(t, payload);
      if (obj) {
        const keys = shapeOfObject(t, obj);
        if (!keys?.length) return true;
        const shape = { keys, problemJson };
        // without an error status, only a body that reads as an error report is an error body
        if (sink.status === undefined && (!hasErrorishKey(shape) || reportsSuccess(t, obj))) return true;
        context.collect({ type: 'body', shape, site: context.site(obj), role, owner, exception: false, ...(helper ? { helper } : {}) });
        return true;
      }
      const builder = builderName(t, payload);
      if (builder) context.collect({ type: 'built', builder, problemJson, site: context.site(payload), owner });
      return true;
    };

    return {
      CallExpression(node) {
        if (onSink(node)) return;
        // sendError(res, 404, 'not found') / this.fail(reply, err)
        const call = node as ts.CallExpression;
        if (!call.arguments.some((a) => t.isIdentifier(a) && receivers.includes(a.text))) return;
        const callee = skipOuter(t, call.expression);
        const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (name && !['status', 'json', 'send', 'next'].includes(name)) context.collect({ type: 'call', name });
      },
      NewExpression: onSink,
      BinaryExpression: onSink,
      ReturnStatement(node) {
        if (onSink(node)) return;
        // function errorBody(code, message) { return { error: { code, message } }; }
        const ret = node as ts.ReturnStatement;
        const value = ret.expression && skipOuter(t, ret.expression);
        if (!value || !t.isObjectLiteralExpression(value)) return;
        const fn = enclosingFunction(t, node);
        const name = fn && functionName(t, fn);
        if (!fn || !name || !ERRORISH_NAME.test(name) || isHttpHandler(t, fn)) return;
        const keys = shapeOfObject(t, value);
        if (keys && keys.length > 0) context.collect({ type: 'builder', name, shape: { keys, problemJson: mentionsProblemJson(fn, node) }, site: context.site(value) });
      },
      ClassDeclaration(node) {
        // @Catch() / @Catch(HttpException) class AllExceptionsFilter — thrown payloads pass through it
        const cls = node as ts.ClassDeclaration;
        for (const d of (t.canHaveDecorators(cls) ? t.getDecorators(cls) : undefined) ?? []) {
          const e = d.expression;
          if (!t.isCallExpression(e) || !t.isIdentifier(e.expression) || e.expression.text !== 'Catch') continue;
          if (e.arguments.length === 0 || e.arguments.some((a) => /(?:^|\.)HttpException$/.test(a.getText()))) context.collect({ type: 'filter' });
        }
      },
    };
  },
  check(files, context) {
    const relevant = files.filter((f) => !f.isTest && !f.isClient && !f.isScript);
    const units = unitsOf(relevant, context.options);
    if (units.length < 2) return;
    const groups = new Map<string, Unit[]>();
    for (const u of units) {
      const list = groups.get(u.canonical);
      if (list) list.push(u);
      else groups.set(u.canonical, [u]);
    }
    if (groups.size < 2) return;
    // one helper or one error middleware writes every error body: nothing to unify
    if (new Set(units.map((u) => u.owner)).size < 2) return;

    const rows = [...groups.values()].map((list) => ({
      list,
      count: list.reduce((n, u) => n + u.weight, 0),
      bestRole: Math.min(...list.map((u) => ROLE_RANK[u.role])),
      problemJson: list[0]!.shape.problemJson,
    }));
    rows.sort((a, b) => b.count - a.count || a.bestRole - b.bestRole || Number(b.problemJson) - Number(a.problemJson) || a.list[0]!.file.localeCompare(b.list[0]!.file) || a.list[0]!.site.start - b.list[0]!.site.start);
    const dominant = rows[0]!;
    const total = rows.reduce((n, r) => n + r.count, 0);
    const definer = [...dominant.list].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role])[0]!;
    const dominantShape = dominant.list[0]!.shape;

    const summary: ErrorShapeRow[] = rows.map((r, i) => {
      const def = [...r.list].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role])[0]!;
      return {
        shape: r.list[0]!.canonical,
        count: r.count,
        dominant: i === 0,
        problemJson: r.problemJson,
        examples: r.list.slice(0, 3).map((u) => ({ file: u.file, line: u.site.line, column: u.site.column })),
        ...(def.role !== 'inline' ? { definedAt: { file: def.reportAt.file, line: def.reportAt.site.line, column: def.reportAt.site.column, kind: def.role === 'error-handler' ? ('error-handler' as const) : ('helper' as const) } } : {}),
      };
    });
    context.publish('errorShapes', summary);

    const data = { dominant: dominant.list[0]!.canonical, count: dominant.count, total, where: where(definer) };
    for (const row of rows.slice(1)) {
      for (const u of row.list) {
        if (isCompatible(u.shape, dominantShape)) continue;
        const suggest: SuggestionDescriptor<MessageIds>[] = [{ messageId: 'useDominantShape', data: { dominant: data.dominant }, edits: [] }];
        if (!dominantShape.problemJson) suggest.push({ messageId: 'useProblemDetails', edits: [] });
        context.report({
          file: u.reportAt.file,
          site: u.reportAt.site,
          messageId: 'inconsistentShape',
          data: { shape: u.canonical, ...data },
          suggest,
        });
      }
    }
  },
});
