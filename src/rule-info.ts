/**
 * What the CLI and the reporters know of a rule, read from its `meta` alone: `errlint rules` and `explain` use
 * this module without loading the engine or the TypeScript compiler.
 */
import { allRules } from '../rules/index.js';
import { UsageError } from './errors.js';
import type { RuleInfo } from './result.js';
import type { AnyRule } from './types.js';

export function ruleInfo(rule: AnyRule): RuleInfo {
  const m = rule.meta;
  return {
    id: m.id,
    family: m.family,
    risk: m.risk,
    description: m.description,
    docsUrl: m.docs.url,
    fixable: m.fixable,
    hasSuggestions: m.hasSuggestions,
    cwe: m.cwe ?? [],
    precision: m.precision,
    preset: m.preset,
    scope: m.scope ?? 'file',
  };
}

/** Checks `--rule` ids against the registry. */
export function checkRuleIds(ids: readonly string[], rules: readonly AnyRule[] = allRules): void {
  const known = rules.map((r) => r.meta.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`Unknown rule id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Run \`errlint rules\` to list them.`);
}
