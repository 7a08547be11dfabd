/**
 * The project model's answer for missing-transaction: how many atomic write steps a call into another module
 * adds (following that function's own calls into further modules to a bounded depth, and re-exports), and
 * whether a function a callback is handed to runs it inside a transaction.
 */
import { DB_WRITE_CALL } from '../knowledge/verbs.js';
import type { ClientAccessor } from '../analysis/remote-calls.js';
import type { ModuleCall, WritesCondition } from '../types.js';
import type { ModuleResolver } from './resolve.js';
import type { FileSummary } from './summaries.js';
import type { CallableWrites } from './write-summaries.js';

const MAX_DEPTH = 3;
const MAX_REEXPORTS = 4;

/** A data store's type, typically an interface with no body to summarise (`IEdgeTokenStore`, `UserRepository`). */
const DATA_STORE = /^[A-Z]\w*(Store|Repository|Repo|Dao|DAO|Queries)$/;
/** Stores that are no database: caches, sessions, files, in-memory state. */
const NOT_DATABASE = /(Cache|Session|Memory|Redis|Kv|KeyValue|File|Blob|Object|Local|State|Cookie)(Store|Repository|Repo)$/;

/**
 * A call of a method on a member typed with a data store the project model cannot see into (an interface, a class
 * of an unresolved module) whose name says it writes: `this.edgeTokenStore.saveToken(…)` typed `IEdgeTokenStore`
 * (not `getToken`) is one write.
 */
function isDataStoreCall(call: ModuleCall): boolean {
  return call.path.length === 2 && DATA_STORE.test(call.path[0]!) && !NOT_DATABASE.test(call.path[0]!) && DB_WRITE_CALL.test(call.path[1]!);
}

export class WriteModel {
  constructor(
    private readonly resolver: ModuleResolver,
    private readonly summaryOf: (abs: string) => FileSummary | undefined,
    /** The accessor `via` names from `fromFile` hands out the ambient CLS transaction. */
    private readonly isAmbient: (fromFile: string, via: ClientAccessor) => boolean = () => false,
  ) {}

  /** The summary of the callable `call` names from `fromFile`, and the file that declares it. */
  callee(fromFile: string, call: ModuleCall, hops = 0): { file: string; writes: CallableWrites } | undefined {
    if (hops > MAX_REEXPORTS || call.path.length === 0) return undefined;
    const target = this.resolver.resolve(fromFile, call.module);
    const summary = target ? this.summaryOf(target) : undefined;
    if (!target || !summary) return undefined;
    const own = summary.writes?.[call.path.join('.')];
    if (own) return { file: target, writes: own };
    const [head, ...rest] = call.path;
    for (const r of summary.reExports) {
      if (r.exported === head) return this.callee(target, { module: r.module, path: r.imported === '*' ? rest : [r.imported, ...rest] }, hops + 1);
      if (r.exported === '*' && head !== 'default') {
        const found = this.callee(target, { module: r.module, path: call.path }, hops + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** Atomic write steps outside a transaction that `call` makes (0–2): one for a function already reported where it is declared. */
  steps(fromFile: string, call: ModuleCall, depth = 0): number {
    const found = this.callee(fromFile, call);
    if (!found) return isDataStoreCall(call) ? 1 : 0;
    const { file, writes } = found;
    // its own writes go through the caller's ambient transaction (`this.prismaService.txClient()`): no step of theirs
    const ambient = writes.via !== undefined && this.isAmbient(file, writes.via);
    if (writes.flagged && !ambient) return 1;
    let n = ambient ? 0 : writes.writes;
    if (depth < MAX_DEPTH) for (const sub of writes.calls ?? []) if (n < 2) n += this.steps(file, sub, depth + 1);
    return Math.min(2, n);
  }

  holds(fromFile: string, condition: WritesCondition): boolean {
    const { wrapper } = condition;
    if (wrapper && this.callee(fromFile, wrapper)?.writes.wrapsCallback === wrapper.arg) return false;
    let n = 0;
    for (const call of condition.calls) {
      if (n >= condition.min) break;
      n += this.steps(fromFile, call);
    }
    return n >= condition.min;
  }
}
