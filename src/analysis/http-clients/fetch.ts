/**
 * fetch: the global function, `globalThis.fetch`, the fetch of node-fetch, cross-fetch, undici and the other
 * polyfills, a local alias of one (`const doFetch = require('node-fetch')`), and a project wrapper that forwards
 * its URL and options to fetch.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../../knowledge/index.js';
import type { TS } from '../../ts.js';
import { dottedName, skipOuter } from '../ast.js';
import { propertyNameText, resolveIdentifier, type ImportMap } from '../scope.js';
import { callOf, clientKnowledge, type HttpClient, type OutboundCall } from './client.js';

const FETCH = clientKnowledge('fetch');

function isFetchModule(module: string): boolean {
  return FETCH.modules.includes(module);
}

/**
 * Where a fetch function value comes from, through up to three local names: a fetch module and the name imported
 * from it (`fetchLib` of `import fetchLib from 'node-fetch'`, `require('node-fetch')`), `global` (the global `fetch`,
 * `globalThis.fetch`, a configured client function), or undefined when it is no fetch.
 */
function fetchOrigin(t: TS, e: ts.Expression, knowledge: Knowledge, imports: ImportMap, depth = 0): { module: string; imported: string } | 'global' | undefined {
  const x = skipOuter(t, e);
  if (t.isCallExpression(x) && t.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && t.isStringLiteralLike(x.arguments[0])) {
    return isFetchModule(x.arguments[0].text) ? { module: x.arguments[0].text, imported: 'default' } : undefined;
  }
  if (t.isPropertyAccessExpression(x)) return dottedName(t, x) === 'globalThis.fetch' || dottedName(t, x) === 'global.fetch' ? 'global' : undefined;
  if (!t.isIdentifier(x)) return undefined;
  const b = imports.get(x.text);
  if (b) return isFetchModule(b.module) ? { module: b.module, imported: b.imported } : undefined;
  const local = resolveIdentifier(t, x);
  if (!local) return knowledge.http.clientFunctions.includes(x.text) ? 'global' : undefined;
  return depth < 3 && t.isVariableDeclaration(local.declaration) && local.declaration.initializer !== undefined ? fetchOrigin(t, local.declaration.initializer, knowledge, imports, depth + 1) : undefined;
}

/** `fetchLib` of `import fetchLib from 'node-fetch'`, the global `fetch`, `globalThis.fetch`, `require('node-fetch')`. */
function isFetchValue(t: TS, e: ts.Expression, knowledge: Knowledge, imports: ImportMap): boolean {
  const origin = fetchOrigin(t, e, knowledge, imports);
  return origin === 'global' || (origin !== undefined && (origin.imported === 'fetch' || origin.imported === 'default'));
}

/** The module a fetch function comes from (`node-fetch`, `undici`…); undefined for the global fetch or an unknown one. */
export function fetchLibraryOf(t: TS, e: ts.Expression, knowledge: Knowledge, imports: ImportMap): string | undefined {
  const origin = fetchOrigin(t, e, knowledge, imports);
  return origin === 'global' ? undefined : origin?.module;
}

/** `const fetch = fetchLib` / `const doFetch = require('node-fetch')`: a local name for the fetch function. */
function isFetchAlias(t: TS, callee: ts.Identifier, knowledge: Knowledge, imports: ImportMap): boolean {
  const local = resolveIdentifier(t, callee);
  return local !== undefined && t.isVariableDeclaration(local.declaration) && local.declaration.initializer !== undefined && isFetchValue(t, local.declaration.initializer, knowledge, imports);
}

/** A function's body as statements, its parameters' names, for a declaration, an arrow or a method. */
function wrapperParts(t: TS, decl: ts.Node): { params: string[]; body: ts.ConciseBody } | undefined {
  let fn: ts.Node | undefined = decl;
  if (t.isVariableDeclaration(decl) && decl.initializer) fn = skipOuter(t, decl.initializer);
  if (!fn || !(t.isFunctionDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn) || t.isMethodDeclaration(fn)) || !fn.body) return undefined;
  return { params: fn.parameters.map((p) => (t.isIdentifier(p.name) ? p.name.text : '')), body: fn.body };
}

/**
 * `function fetchWithProxy(url, init) { return fetch(url, { ...init, agent }) }` or a class's own
 * `async fetch(url, options) { return fetch(url, options) }`: a project wrapper that hands its URL and options
 * to fetch and sets no timeout of its own, so each call of the wrapper is a fetch call.
 */
export function isFetchWrapper(t: TS, decl: ts.Node, knowledge: Knowledge, imports: ImportMap): boolean {
  const parts = wrapperParts(t, decl);
  if (!parts || !parts.params[0]) return false;
  const [url, init] = parts.params;
  let found = false;
  let sets = false;
  const visit = (n: ts.Node): void => {
    if (found || sets) return;
    if (t.isCallExpression(n) && n !== decl && t.isIdentifier(skipOuter(t, n.expression)) && isFetchValue(t, n.expression, knowledge, imports) && n.arguments[0] && t.isIdentifier(skipOuter(t, n.arguments[0])) && (skipOuter(t, n.arguments[0]) as ts.Identifier).text === url) {
      const o = n.arguments[1] ? skipOuter(t, n.arguments[1]) : undefined;
      if (o && t.isObjectLiteralExpression(o)) {
        sets = o.properties.some((p) => p.name !== undefined && FETCH.timeoutKeys.includes(propertyNameText(t, p.name) ?? ''));
        found = !sets && (init === undefined || o.properties.some((p) => t.isSpreadAssignment(p) && t.isIdentifier(skipOuter(t, p.expression)) && (skipOuter(t, p.expression) as ts.Identifier).text === init));
      } else {
        found = o === undefined || (t.isIdentifier(o) && o.text === init);
      }
      return;
    }
    t.forEachChild(n, visit);
  };
  visit(parts.body);
  return found && !sets;
}

/** The declaration a wrapper call goes to: a same-file function, or `this.method` of the enclosing class. */
function wrapperDeclaration(t: TS, callee: ts.Expression): ts.Node | undefined {
  if (t.isIdentifier(callee)) {
    const local = resolveIdentifier(t, callee);
    return local && (t.isFunctionDeclaration(local.declaration) || t.isVariableDeclaration(local.declaration)) ? local.declaration : undefined;
  }
  if (t.isPropertyAccessExpression(callee) && callee.expression.kind === t.SyntaxKind.ThisKeyword) {
    for (let n: ts.Node | undefined = callee.parent; n; n = n.parent) {
      if (!t.isClassDeclaration(n) && !t.isClassExpression(n)) continue;
      return n.members.find((m) => t.isMethodDeclaration(m) && propertyNameText(t, m.name) === callee.name.text);
    }
  }
  return undefined;
}

export const fetchClient: HttpClient = {
  id: 'fetch',
  wrapperCall(c, callee): OutboundCall | undefined {
    const wrapper = wrapperDeclaration(c.t, callee);
    return wrapper && !wrapper.getSourceFile().isDeclarationFile && isFetchWrapper(c.t, wrapper, c.knowledge, c.imports) ? callOf('fetch', c, 1) : undefined;
  },
  nameCall(c, callee, b) {
    const { t, knowledge, imports } = c;
    if (!b && isFetchAlias(t, callee, knowledge, imports)) return callOf('fetch', c, 1);
    if (!knowledge.http.clientFunctions.includes(callee.text) && !(b && isFetchModule(b.module) && (b.imported === 'fetch' || b.imported === 'default'))) return undefined;
    if (b && !isFetchModule(b.module) && !knowledge.http.clientModules.includes(b.module)) return null;
    if (!b) {
      // a local function or variable named fetch is a project wrapper, not the platform fetch
      const local = resolveIdentifier(t, callee);
      if (local && !t.isParameter(local.declaration) && !t.isBindingElement(local.declaration)) return null;
    }
    // `import undici from 'undici'`: the module object, not its fetch
    if (b?.module === 'undici' && b.imported === 'default') return null;
    return callOf('fetch', c, 1);
  },
  memberCall(c, method, rootName) {
    return rootName === 'globalThis' && method === 'fetch' ? callOf('fetch', c, 1) : undefined;
  },
};
