import type { JsonSchema } from '../types.js';

/** The JSON Schema of a list of strings (module names, method names, globs) with its description. */
export function stringList(description: string): JsonSchema {
  return { type: 'array', items: { type: 'string' }, description };
}
