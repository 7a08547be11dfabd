import type { AnyRule } from '../src/types.js';

/** Every rule errlint ships, in id order. Presets and docs are computed from their `meta`. */
export const allRules: readonly AnyRule[] = ([] as AnyRule[]).concat([
]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((r) => [r.meta.id, r]));
