/** tRPC: the status a `TRPCError` answers with, by its `code`. */
import { trpcCodeStatus } from '../../knowledge/frameworks.js';

/** The status of `new TRPCError({ code })`. */
export function trpcStatusOf(code: string): number | undefined {
  return trpcCodeStatus[code];
}
