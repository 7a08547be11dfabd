import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeName, summaryBelow } from './ast.js';
import { isDbWriteCall } from './database.js';

export interface BlockEffects {
  dbWrites: ts.CallExpression[];
  outboundCalls: ts.CallExpression[];
}

/**
 * A call that writes to a database, as the data-layer recognizer (src/analysis/database.ts) sees it: the
 * receiver is recognised from imports, how it was obtained or its name, and the call is the end of its chain
 * (`db.insert(t).values(v)` counts once, at `.values(v)`).
 */
export function isLikelyDbWrite(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  return isDbWriteCall(t, call, knowledge);
}

const HTTP_CLIENT_ROOTS = new Set(['axios', 'got', 'ky', 'superagent', 'request', 'undici', 'http', 'https', 'needle', 'ofetch', '$fetch']);

/** A call that goes out over the network: `fetch`, axios/got/ky, `http.request`, a gateway client. */
export function isLikelyOutboundCall(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  const name = calleeName(t, call);
  if (!name) return false;
  if (knowledge.http.clientFunctions.includes(name)) return true;
  const root = name.split('.')[0] ?? '';
  if (HTTP_CLIENT_ROOTS.has(root) && name !== root + '.create') return true;
  return /(^|\.)(gateway|[a-z]*Gateway|[a-z]*Client|[a-z]*Api|httpClient|http)\.(post|get|put|patch|delete|request|charge|refund|capture|authorize|send)$/.test(name);
}

type CallEffect = 'db' | 'outbound' | undefined;

/**
 * Each call classified once per knowledge: nested try blocks ask for the effects of blocks that contain each
 * other, so without this a call 600 tries deep was classified 600 times.
 */
const classified = new WeakMap<Knowledge, WeakMap<ts.CallExpression, CallEffect>>();

export function effectOf(t: TS, call: ts.CallExpression, knowledge: Knowledge): CallEffect {
  let calls = classified.get(knowledge);
  if (!calls) classified.set(knowledge, (calls = new WeakMap()));
  if (calls.has(call)) return calls.get(call);
  const effect: CallEffect = isLikelyDbWrite(t, call, knowledge) ? 'db' : isLikelyOutboundCall(t, call, knowledge) ? 'outbound' : undefined;
  calls.set(call, effect);
  return effect;
}

const effectMemos = new WeakMap<Knowledge, WeakMap<ts.Node, BlockEffects>>();

/** Database writes and outbound calls made directly in `block` (not in nested functions). */
export function blockEffects(t: TS, block: ts.Node, knowledge: Knowledge): BlockEffects {
  let memo = effectMemos.get(knowledge);
  if (!memo) effectMemos.set(knowledge, (memo = new WeakMap()));
  const below = summaryBelow<BlockEffects>(t, block, {
    memo,
    crossFunctions: false,
    empty: () => ({ dbWrites: [], outboundCalls: [] }),
    add(into, n) {
      if (!t.isCallExpression(n)) return;
      const effect = effectOf(t, n, knowledge);
      if (effect === 'db') into.dbWrites.push(n);
      else if (effect === 'outbound') into.outboundCalls.push(n);
    },
    merge(into, from) {
      for (const c of from.dbWrites) into.dbWrites.push(c);
      for (const c of from.outboundCalls) into.outboundCalls.push(c);
    },
  });
  // the memoised summary stays the memo's
  return { dbWrites: [...below.dbWrites], outboundCalls: [...below.outboundCalls] };
}
