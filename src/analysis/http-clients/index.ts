/**
 * Outbound HTTP calls: each client is a module of this folder (its names in `knowledge/http-clients.ts`), asked
 * in turn whether a call is one of its shapes. The core resolves what is common: the callee's import, and the
 * instance a receiver was created as (`const api = axios.create(config)`).
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../../knowledge/index.js';
import { httpClients } from '../../knowledge/http-clients.js';
import type { TS } from '../../ts.js';
import { containsNode, dottedName, skipOuter } from '../ast.js';
import { propertyNameText, resolveIdentifier, type ImportMap } from '../scope.js';
import { axiosClient } from './axios.js';
import { clientKnowledge, fromClient, type ClientCall, type HttpClient, type OutboundCall } from './client.js';
import { fetchClient } from './fetch.js';
import { gotClient } from './got.js';
import { kyClient } from './ky.js';
import { nodeHttpClient } from './node-http.js';
import { ofetchClient } from './ofetch.js';
import { requestClient } from './request.js';
import { superagentClient } from './superagent.js';
import { undiciClient } from './undici.js';

export { clientKnowledge, type OutboundCall };
export { isFetchWrapper } from './fetch.js';
export { httpModuleName, registrationsWithoutTimeout } from './nestjs-http-module.js';

/** Every client, fetch first: a name it knows is no other client's. */
const CLIENTS: readonly HttpClient[] = [fetchClient, undiciClient, axiosClient, gotClient, ofetchClient, requestClient, nodeHttpClient, superagentClient, kyClient];

/** Methods that may send a request on an instance of some client (`api.get(url)`). */
const INSTANCE_METHODS = new Set(Object.values(httpClients).filter((k) => k.instanceFactories.length > 0).flatMap((k) => k.methods));

/** The initializer of `name` (an identifier or `this.name`) in the file: `const api = axios.create(…)`. */
function instanceInitializer(t: TS, receiver: ts.Expression): ts.Expression | undefined {
  const r = skipOuter(t, receiver);
  if (t.isIdentifier(r)) {
    const b = resolveIdentifier(t, r);
    if (b && t.isVariableDeclaration(b.declaration) && b.declaration.initializer) return b.declaration.initializer;
    return undefined;
  }
  if (t.isPropertyAccessExpression(r) && r.expression.kind === t.SyntaxKind.ThisKeyword) {
    const name = r.name.text;
    for (let n: ts.Node | undefined = r.parent; n; n = n.parent) {
      if (!t.isClassDeclaration(n) && !t.isClassExpression(n)) continue;
      for (const m of n.members) {
        if (t.isPropertyDeclaration(m) && propertyNameText(t, m.name) === name && m.initializer) return m.initializer;
        if (t.isConstructorDeclaration(m) && m.body) {
          for (const st of m.body.statements) {
            if (t.isExpressionStatement(st) && t.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === t.SyntaxKind.EqualsToken && dottedName(t, st.expression.left) === `this.${name}`) {
              return st.expression.right;
            }
          }
        }
      }
      break;
    }
  }
  return undefined;
}

/** `axios.create(cfg)` / `got.extend(cfg)` / `ofetch.create(cfg)`: the client and its config. */
function instanceOf(t: TS, receiver: ts.Expression, imports: ImportMap): { client: HttpClient; config: ts.Expression | null } | undefined {
  const init = instanceInitializer(t, receiver);
  if (!init) return undefined;
  const e = skipOuter(t, init);
  if (!t.isCallExpression(e)) return undefined;
  const name = dottedName(t, e.expression);
  if (!name) return undefined;
  const [root, method] = name.split('.');
  if (!root || !method) return undefined;
  const b = imports.get(root);
  const client = CLIENTS.find((c) => fromClient(b, c.id) && clientKnowledge(c.id).instanceFactories.includes(method));
  return client ? { client, config: e.arguments[0] ?? null } : undefined;
}

/**
 * Whether the file can make an outbound call at all: it imports a client module or names a client function
 * (`fetch`). Lets a rule skip the file before looking at its calls.
 */
export function mayCallOut(text: string, knowledge: Knowledge, imports: ImportMap): boolean {
  for (const b of imports.values()) if (CLIENTS.some((c) => fromClient(b, c.id)) || knowledge.http.clientModules.includes(b.module)) return true;
  return knowledge.http.clientFunctions.some((f) => text.includes(f));
}

const CLIENT_BY_ID = new Map(CLIENTS.map((c) => [c.id, c]));

/** Whether the code around `oc` sets its timeout outside its options (node's `req.setTimeout(ms)`). */
export function timeoutSetAround(t: TS, oc: OutboundCall): boolean {
  return CLIENT_BY_ID.get(oc.client)?.timeoutAround?.(t, oc.call) ?? false;
}

/** Whether `oc` goes through its module's default instance, whose defaults another module may set (`axios.get(url)`). */
export function onModuleDefaults(t: TS, oc: OutboundCall, knowledge: Knowledge, imports: ImportMap): boolean {
  return CLIENT_BY_ID.get(oc.client)?.onModuleDefaults?.({ t, call: oc.call, knowledge, imports }) ?? false;
}

const defaultsMemo = new WeakMap<ts.SourceFile, boolean>();

/** `axios.defaults.timeout = 5000` / `api.defaults.common.timeout = …` anywhere in the file. */
export function fileSetsDefaultTimeout(t: TS, sf: ts.SourceFile): boolean {
  const hit = defaultsMemo.get(sf);
  if (hit !== undefined) return hit;
  const found = containsNode(t, sf, (n) => t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && isDefaultsTimeout(dottedName(t, n.left)));
  defaultsMemo.set(sf, found);
  return found;
}

/** `defaults.timeout` or `defaults.common.timeout` at the end of a dotted name. */
function isDefaultsTimeout(name: string | undefined): boolean {
  const parts = name?.split('.') ?? [];
  const n = parts.length;
  if (parts[n - 1] !== 'timeout') return false;
  return parts[n - 2] === 'defaults' || (parts[n - 2] === 'common' && parts[n - 3] === 'defaults');
}

/** Recognises an outbound HTTP call by the import its callee comes from (or the global `fetch`). */
export function outboundCallAt(t: TS, call: ts.CallExpression, knowledge: Knowledge, imports: ImportMap): OutboundCall | undefined {
  const callee = skipOuter(t, call.expression);
  const c: ClientCall = { t, call, knowledge, imports };
  for (const client of CLIENTS) {
    const found = client.wrapperCall?.(c, callee);
    if (found) return found;
  }
  if (t.isIdentifier(callee)) {
    const b = imports.get(callee.text);
    for (const client of CLIENTS) {
      const found = client.nameCall?.(c, callee, b);
      if (found !== undefined) return found ?? undefined;
      // only fetch is called by a name that is not imported
      if (!b) return undefined;
    }
    return undefined;
  }
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = skipOuter(t, callee.expression);
  const rootName = t.isIdentifier(receiver) ? receiver.text : undefined;
  const b = rootName ? imports.get(rootName) : undefined;
  for (const client of CLIENTS) {
    const found = client.memberCall?.(c, method, rootName, b);
    if (found) return found;
  }
  // const api = axios.create(...); api.get(url)
  if (!INSTANCE_METHODS.has(method)) return undefined;
  const inst = instanceOf(t, receiver, imports);
  return inst?.client.instanceCall?.(c, method, inst.config);
}
