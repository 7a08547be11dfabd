/**
 * What an outbound HTTP client module provides: the call shapes it recognises. Each client is one module of
 * this folder, its names one entry of `knowledge/http-clients.ts`; `index.ts` asks them in turn.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../../knowledge/index.js';
import { httpClients, type HttpClientId, type HttpClientKnowledge } from '../../knowledge/http-clients.js';
import type { TS } from '../../ts.js';
import { skipOuter } from '../ast.js';
import type { ImportBinding, ImportMap } from '../scope.js';

export type ClientKind = HttpClientId;

/** An outbound HTTP call and where its options go. */
export interface OutboundCall {
  client: ClientKind;
  call: ts.CallExpression;
  /** The URL argument, when the call takes one. */
  url?: ts.Expression;
  /** Index of the options argument. */
  optionsIndex: number;
  /** Created from an instance (`axios.create(...)`, `got.extend(...)`) — its config, if visible. */
  instanceConfig?: ts.Expression | null;
  /** Throws on a non-2xx status by itself (axios, got, ofetch, superagent). */
  throwsOnStatus: boolean;
}

/** A call being recognised. */
export interface ClientCall {
  t: TS;
  call: ts.CallExpression;
  knowledge: Knowledge;
  imports: ImportMap;
}

export interface HttpClient {
  id: ClientKind;
  /**
   * A call through a project function that forwards to this client (`fetchWithProxy(url, init)`), asked
   * before any other shape.
   */
  wrapperCall?(c: ClientCall, callee: ts.Expression): OutboundCall | undefined;
  /**
   * `got(url)`, `fetch(url)`: a call of a plain name, `binding` its import if it has one. `null`: the call is
   * known to be no outbound call, whatever the clients after this one would say.
   */
  nameCall?(c: ClientCall, callee: ts.Identifier, binding: ImportBinding | undefined): OutboundCall | null | undefined;
  /** `axios.get(url)`: a method called on a name, `binding` the name's import if it has one. */
  memberCall?(c: ClientCall, method: string, rootName: string | undefined, binding: ImportBinding | undefined): OutboundCall | undefined;
  /** `api.get(url)` on an instance this client created (`axios.create(config)`), with that instance's config. */
  instanceCall?(c: ClientCall, method: string, config: ts.Expression | null): OutboundCall | undefined;
  /**
   * Whether the code around a call of this client sets its timeout outside the options: node's
   * `req.setTimeout(ms)` or a `'timeout'` listener on the request.
   */
  timeoutAround?(t: TS, call: ts.CallExpression): boolean;
  /** `axios.get(url)`: a call on the module's own default instance, whose defaults another module may set. */
  onModuleDefaults?(c: ClientCall): boolean;
}

/** The knowledge entry of a client. */
export function clientKnowledge(id: ClientKind): HttpClientKnowledge {
  return httpClients[id];
}

/** Whether `binding` imports the whole module or its default export (`import axios from 'axios'`, `import * as got`). */
export function isWholeModule(binding: ImportBinding | undefined): boolean {
  return binding !== undefined && (binding.imported === 'default' || binding.imported === '*');
}

/** Whether `binding` comes from one of the client's modules. */
export function fromClient(binding: ImportBinding | undefined, id: ClientKind): boolean {
  return binding !== undefined && httpClients[id].modules.includes(binding.module);
}

/** A call of `id` whose options are argument `optionsIndex`. */
export function callOf(id: ClientKind, c: ClientCall, optionsIndex: number, instanceConfig?: ts.Expression | null): OutboundCall {
  const call: OutboundCall = { client: id, call: c.call, url: c.call.arguments[0], optionsIndex, throwsOnStatus: httpClients[id].throwsOnStatus };
  if (instanceConfig !== undefined) call.instanceConfig = instanceConfig;
  return call;
}

/** `axios(config)` / `request(options)` take their options first, `axios(url, config)` second. */
export function optionsFirstIfObject(c: ClientCall): number {
  const first = c.call.arguments[0];
  return first && c.t.isObjectLiteralExpression(skipOuter(c.t, first)) ? 0 : 1;
}
