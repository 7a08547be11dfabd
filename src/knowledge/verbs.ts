/**
 * What a call does, told by the verb its name starts with: `saveUser`, `send_mail`, `post` and `findMany` say
 * it; the verb must be the whole first word (`postpone`, `settle` and `reader` do not start with `post`, `set`
 * or `read` as a word).
 */

/** Calls that change state somewhere: a database, a queue, a payment provider, another service. */
export const STATE_CHANGING_VERBS = [
  'create', 'insert', 'update', 'upsert', 'delete', 'remove', 'destroy', 'save', 'store', 'persist', 'put', 'post', 'patch',
  'send', 'emit', 'publish', 'enqueue', 'schedule', 'write', 'charge', 'pay', 'refund', 'capture', 'transfer', 'submit',
  'execute', 'exec', 'run', 'commit', 'increment', 'decrement', 'register', 'notify', 'dispatch', 'trigger', 'sync',
  'upload', 'mark', 'grant', 'revoke', 'approve', 'cancel', 'confirm', 'complete', 'process', 'reserve', 'release',
  'lock', 'unlock', 'invite', 'reset',
] as const;

/** Calls that read: `findMany`, `getCol`, `fetchPlans`, `search`. */
export const READING_VERBS = ['get', 'find', 'list', 'fetch', 'load', 'read', 'search', 'query', 'count', 'select', 'lookup', 'retrieve', 'collect', 'aggregate'] as const;

/**
 * Calls into a project's data code that write (`saveToken`, `updateUserById`, `revokeAll`): the verbs
 * missing-transaction counts a call into another module by, and the project model a store it cannot see into.
 */
export const DB_WRITE_CALL = /^(save|create|update|upsert|insert|delete|remove|destroy|set|mark|add|revoke|persist|store|assign|transfer|increment|decrement|reset|clear|link|unlink|archive|restore|replace|move|register|record|complete|cancel|approve|reject|accept|activate|deactivate|enable|disable|publish|unpublish)(?![a-z])/;

/** Calls whose effect leaves the process and no database transaction can take back: a mail, a message, an upload. */
export const SIDE_EFFECT_VERBS = ['send', 'email', 'mail', 'notify', 'publish', 'emit', 'enqueue', 'dispatch', 'upload', 'schedule', 'push', 'post', 'deliver', 'broadcast', 'trigger'] as const;

/** A test for names whose first word is one of `verbs`: the verb, then the end, a capital, `_`, `$` or a digit. */
export function leadingVerb(verbs: readonly string[]): RegExp {
  return new RegExp(`^(?:${verbs.join('|')})(?:[A-Z_$\\d]|$)`);
}

/** Node's file-system modules, and the calls of theirs that change files: no database transaction takes them back. */
export const FILE_SYSTEM_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'] as const;
export const FILE_SYSTEM_WRITES = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rename', 'renameSync',
  'copyFile', 'copyFileSync', 'mkdir', 'mkdirSync', 'outputFile', 'outputJson', 'writeJson', 'remove', 'move',
] as const;
