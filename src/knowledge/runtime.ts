/**
 * The process and its console: calls that end the process, and the console's methods. Matched on dotted callee
 * names read from the AST (`process.exit`), never on source text.
 */

/** Calls that end the process: after one, stderr is where a failure belongs. */
export const PROCESS_EXIT_CALLS: ReadonlySet<string> = new Set(['process.exit', 'process.abort', 'Deno.exit']);

/** Console calls that report a failure. */
export const CONSOLE_FAILURE_CALLS: ReadonlySet<string> = new Set(['console.error', 'console.warn']);

/** Methods that register a listener on an event emitter (a request, its socket, the process). */
export const EVENT_LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
