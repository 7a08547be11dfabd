/**
 * errlint as an ESLint flat-config plugin: `import errlint from 'errlint/eslint-plugin'` and add
 * `errlint.configs.recommended` (or `strict`, or `all`). Every file-level rule runs the same detector as the CLI;
 * project-level rules need the whole tree and stay in the CLI.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { allRules } from '../../rules/index.js';
import { inPreset } from '../config/load-config.js';
import { PRESETS, type AnyRule, type Preset, type RiskLevel } from '../types.js';
import { VERSION } from '../version.js';
import { toEslintRule } from './to-eslint-rule.js';

export type { ErrlintSettings } from './to-eslint-rule.js';

type Severity = 'error' | 'warn' | 'off';
type RuleEntry = Severity | [Severity, ...unknown[]];

/** Typed with ESLint's own types, so the plugin and its presets fit `defineConfig` and `eslint.config.ts`. */
export interface ErrlintConfig extends Linter.Config {
  name: string;
  plugins: { errlint: ErrlintPlugin };
  rules: Record<string, RuleEntry>;
}

export interface ErrlintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<Preset | 'all', ErrlintConfig>;
}

/**
 * Core ESLint rules that report the same problem as an errlint rule. A preset that enables the errlint rule
 * also settles the core one, so `js.configs.recommended` followed by errlint's preset never reports a problem
 * twice. `off` for a rule the running ESLint does not know is accepted by ESLint 9 and 10 alike.
 */
export const supersededCoreRules: Record<string, Record<string, RuleEntry>> = {
  // `throw new Error('…')` in a catch without `{ cause }`: lost-error-context covers every error class.
  'lost-error-context': { 'preserve-caught-error': 'off' },
  // An empty catch: swallowed-catch judges it (a comment stating why exempts it, as in no-empty).
  'swallowed-catch': { 'no-empty': ['error', { allowEmptyCatch: true }] },
  // `throw 'literal'` and `Promise.reject('literal')`: not in js.configs.recommended, but often turned on.
  'generic-error': { 'no-throw-literal': 'off', 'prefer-promise-reject-errors': 'off' },
};

function severityOf(risk: RiskLevel): Severity {
  return risk === 'critical' || risk === 'high' ? 'error' : 'warn';
}

/** The rules ESLint can run: project-level checks need the whole codebase. */
export const fileRules: readonly AnyRule[] = allRules.filter((r) => (r.meta.scope ?? 'file') === 'file');

function presetRules(rules: readonly AnyRule[]): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const rule of rules) Object.assign(out, supersededCoreRules[rule.meta.id]);
  for (const rule of rules) out[`errlint/${rule.meta.id}`] = severityOf(rule.meta.risk);
  return out;
}

const plugin: ErrlintPlugin = {
  meta: { name: 'errlint', version: VERSION },
  // typescript-eslint's rule type is stricter than ESLint's about context; the runtime object is the same.
  rules: Object.fromEntries(fileRules.map((r) => [r.meta.id, toEslintRule(r) as unknown as Rule.RuleModule])),
  configs: {} as ErrlintPlugin['configs'],
};

for (const preset of PRESETS) {
  plugin.configs[preset] = {
    name: `errlint/${preset}`,
    plugins: { errlint: plugin },
    rules: presetRules(fileRules.filter((r) => inPreset(r, preset))),
  };
}
// every rule, whatever presets a later version adds
plugin.configs.all = {
  name: 'errlint/all',
  plugins: { errlint: plugin },
  rules: presetRules(fileRules),
};

export default plugin;
