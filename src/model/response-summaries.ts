/**
 * The response half of a file's summary: exported functions that write an error they receive to an HTTP
 * response (`export function serverError(res, e) { res.status(500).json({ error: e.message }) }`), so
 * leaked-error-response can follow a caught error into such a helper declared in another file.
 *
 * Read from the parsed file's top-level declarations after the rules' traversal: only the bodies of exported
 * functions with an error-named parameter whose text names a response method are walked.
 */
import type * as ts from 'typescript';
import { containsNode, isFunctionLike, skipOuter, walk } from '../analysis/ast.js';
import { Flow, pathConditions } from '../analysis/flow.js';
import { isErrorParameter } from '../analysis/error-classes.js';
import { narrowsToPublicError, responseSinkAt } from '../analysis/http.js';
import { localExports } from '../analysis/exports.js';
import { importsOf, type Binding } from '../analysis/scope.js';
import { RESPONSE_CONSTRUCTORS, RESPONSE_WRITE_MEMBERS } from '../knowledge/http.js';
import { defaultKnowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';

/** An exported function that sends one of its parameters (an error it is given) to the client. */
export interface ResponderSummary {
  /** Index of the parameter whose value reaches the response. */
  param: number;
  /** What of it: `message`, `stack trace`, `whole object`, `text`. */
  what: string;
}

/** A body that can write a response at all (`res.json(…)`, `ctx.body`, `new Response(…)`): most exported functions cannot, and are not walked. */
function mayWriteResponse(t: TS, body: ts.Node): boolean {
  return containsNode(t, body, (x) => (t.isPropertyAccessExpression(x) && RESPONSE_WRITE_MEMBERS.has(x.name.text)) || (t.isNewExpression(x) && t.isIdentifier(x.expression) && RESPONSE_CONSTRUCTORS.has(x.expression.text)));
}
const WHAT: Record<string, string> = { message: 'message', stack: 'stack trace' };

type Fn = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** The exported functions of a file by exported name: `export function f`, `export const f = (…) => …`, `export default function`. */
function exportedFunctions(t: TS, sf: ts.SourceFile): [string, Fn][] {
  const locals = new Map<string, Fn>();
  for (const st of sf.statements) {
    if (t.isFunctionDeclaration(st) && st.body && st.name) locals.set(st.name.text, st);
    else if (t.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer ? skipOuter(t, d.initializer) : undefined;
        if (t.isIdentifier(d.name) && init && (t.isArrowFunction(init) || t.isFunctionExpression(init))) locals.set(d.name.text, init);
      }
    }
  }
  const out: [string, Fn][] = [];
  for (const e of localExports(t, sf)) {
    const node = e.node && t.isExpression(e.node) ? skipOuter(t, e.node) : e.node;
    const fn = e.local !== undefined ? locals.get(e.local) : node && (t.isArrowFunction(node) || t.isFunctionExpression(node) || (t.isFunctionDeclaration(node) && node.body)) ? node : undefined;
    // overloads export one name once: the implementation
    if (fn && !out.some(([name]) => name === e.exported)) out.push([e.exported, fn]);
  }
  return out;
}

/** Which of `fn`'s error parameters reach a response it writes, and as what. */
function responderOf(t: TS, sf: ts.SourceFile, fn: Fn, imports: ReturnType<typeof importsOf>): ResponderSummary | undefined {
  const params = new Map<ts.Node, number>();
  fn.parameters.forEach((p, i) => {
    if (isErrorParameter(t, p)) params.set(p, i);
  });
  if (params.size === 0 || !fn.body || !mayWriteResponse(t, fn.body)) return undefined;
  const knowledge = defaultKnowledge;
  const flow = new Flow<{ index: number; binding: Binding }>(t, {
    binding: (b) => (params.has(b.declaration) ? { index: params.get(b.declaration)!, binding: b } : undefined),
    member: (_o, name) => (knowledge.http.errorDetailProperties.includes(name) ? 'property' : undefined),
  });
  let found: ResponderSummary | undefined;
  walk(t, fn.body, (n) => {
    if (found) return 'skip';
    if (!t.isCallExpression(n) && !t.isNewExpression(n) && !t.isReturnStatement(n)) return undefined;
    const sink = responseSinkAt(t, n, knowledge, imports);
    // a 4xx answer's message is written for the client
    if (!sink || (sink.status !== undefined && sink.status < 500)) return undefined;
    for (const payload of sink.payloads) {
      for (const o of flow.trace(payload)) {
        const name = o.source.binding.id.text;
        // if (err instanceof HttpError) res.status(err.status).json({ message: err.message })
        if ([o.node, ...o.via, n].some((x) => pathConditions(t, x, fn).some((c) => narrowsToPublicError(t, c.test, c.value, name, knowledge)))) continue;
        const what = o.derivation === 'property' ? (WHAT[o.property ?? ''] ?? 'message') : o.derivation === 'string' ? 'text' : 'whole object';
        found = { param: o.source.index, what };
        return 'skip';
      }
    }
    return undefined;
  }, true);
  return found;
}

/** Exported name → what the function sends of the error it is given. */
export function summarizeResponders(t: TS, sf: ts.SourceFile): Record<string, ResponderSummary> {
  const out: Record<string, ResponderSummary> = {};
  let imports: ReturnType<typeof importsOf> | undefined;
  for (const [name, fn] of exportedFunctions(t, sf)) {
    if (!isFunctionLike(t, fn) || fn.parameters.length === 0) continue;
    imports ??= importsOf(t, sf);
    const r = responderOf(t, sf, fn, imports);
    if (r) out[name] = r;
  }
  return out;
}
