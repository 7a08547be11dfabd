/**
 * One collection of a file's write units (src/analysis/database.ts `collectUnits`) per parsed file and
 * knowledge, shared by missing-transaction and the project model's write summaries, so the file's functions
 * are walked for writes once.
 */
import type * as ts from 'typescript';
import type { Knowledge } from '../knowledge/index.js';
import type { TS } from '../ts.js';
import { calleeName } from './ast.js';
import { collectUnits, mayWrite, type FileUnits } from './database.js';
import { fileImports } from './scope.js';
import { isLikelyOutboundCall } from './effects.js';
import { PAYMENT_SDK } from '../knowledge/money.js';

/** A job put on a queue (`importQueue.add(…)`, `this.mailQueue.enqueue(…)`): another system has it, no rollback takes it back. */
const QUEUE_ENQUEUE = /(^|\.)\w*(queue|Queue)\.(add|addBulk|enqueue|push|send|publish)$/;

/** Work no transaction can hold: an outbound call, a payment SDK call, a job enqueued on another system. */
export function isExternalWork(t: TS, call: ts.CallExpression, knowledge: Knowledge): boolean {
  const name = calleeName(t, call) ?? '';
  return isLikelyOutboundCall(t, call, knowledge) || PAYMENT_SDK.test(name) || QUEUE_ENQUEUE.test(name);
}

/** `compute` once per parsed file and knowledge: missing-transaction asks, and the file's write summary asks again. */
function oncePerFile<T>(memo: WeakMap<ts.SourceFile, Map<Knowledge, T>>, sf: ts.SourceFile, knowledge: Knowledge, compute: () => T): T {
  let byKnowledge = memo.get(sf);
  if (!byKnowledge) memo.set(sf, (byKnowledge = new Map()));
  if (!byKnowledge.has(knowledge)) byKnowledge.set(knowledge, compute());
  return byKnowledge.get(knowledge)!;
}

const unitsMemo = new WeakMap<ts.SourceFile, Map<Knowledge, FileUnits>>();

/** The file's write units, collected once per parsed file and knowledge. */
export function fileWriteUnits(t: TS, sf: ts.SourceFile, knowledge: Knowledge): FileUnits {
  return oncePerFile(unitsMemo, sf, knowledge, () => collectUnits(t, sf, knowledge, (call) => isExternalWork(t, call, knowledge)));
}

/** A module of the project, not a package: relative, or a path alias (`@/lib/db`, `~/db`, `#db`, `src/db`). */
const PROJECT_MODULE = /^(\.{1,2}\/|[@~#]\/|#|src\/|app\/|lib\/|server\/)/;

/**
 * The file may write, or may await functions of other project modules that do (or open a transaction): only
 * such files are walked for write units.
 */
export function mayWriteOrCall(t: TS, sf: ts.SourceFile, knowledge: Knowledge): boolean {
  return oncePerFile(mayWriteMemo, sf, knowledge, () => writesOrCalls(t, sf, knowledge));
}

const RETURNS_CALL = /\breturn\s+(?:this\.)?[\w$]+(?:\.[\w$]+)*\(/;

const mayWriteMemo = new WeakMap<ts.SourceFile, Map<Knowledge, boolean>>();

function writesOrCalls(t: TS, sf: ts.SourceFile, knowledge: Knowledge): boolean {
  if (mayWrite(t, sf, knowledge) || /transaction/i.test(sf.text)) return true;
  // awaited work, or a call's promise handed back (`return this.store.insertKey(…)`)
  if (!sf.text.includes('await') && !RETURNS_CALL.test(sf.text)) return false;
  for (const b of fileImports(t, sf).bindings.values()) if (PROJECT_MODULE.test(b.module)) return true;
  return false;
}
