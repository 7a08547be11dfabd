/**
 * errlint as an ESLint flat-config plugin: `import errlint from 'errlint/eslint-plugin'` and add
 * `errlint.configs.recommended` (or `strict`, or `all`). Every file-level rule runs the same detector as the CLI;
 * project-level rules need the whole tree and stay in the CLI. The presets configure errlint's rules only; the
 * core rules that report the same problems are settled by a separate, opt-in `configs['disable-overlapping']`
 * (as eslint-config-prettier does), so a preset never changes a rule the user configured.
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

/** A config of core rules only: it registers no plugin. */
export interface CoreRulesConfig extends Linter.Config {
  name: string;
  rules: Record<string, RuleEntry>;
}

export interface ErrlintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<Preset | 'all', ErrlintConfig> & Record<'disable-overlapping' | 'disable-overlapping-strict', CoreRulesConfig>;
}

/**
 * Core ESLint rules that report the same problem as an errlint rule. `configs['disable-overlapping']`, placed
 * after `js.configs.recommended` and errlint's preset, settles them so no problem is reported twice. `off` for a
 * rule the running ESLint does not know is accepted by ESLint 9 and 10 alike.
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

/** errlint's own rules, severity from each rule's default risk: nothing else. */
function presetRules(rules: readonly AnyRule[]): Record<string, RuleEntry> {
  return Object.fromEntries(rules.map((rule) => [`errlint/${rule.meta.id}`, severityOf(rule.meta.risk)]));
}

/** The core rules that overlap the given errlint rules. */
function overlappingCoreRules(rules: readonly AnyRule[]): Record<string, RuleEntry> {
  return Object.assign({}, ...rules.map((rule) => supersededCoreRules[rule.meta.id] ?? {})) as Record<string, RuleEntry>;
}

const plugin: ErrlintPlugin = {
  meta: { name: 'errlint', version: VERSION },
  rules: Object.fromEntries(fileRules.map((r) => [r.meta.id, toEslintRule(r)])),
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
// One opt-in config per preset: a core rule is settled only where that preset reports the same problem, so no
// problem goes unreported (`strict` covers `all` today).
plugin.configs['disable-overlapping'] = {
  name: 'errlint/disable-overlapping',
  rules: overlappingCoreRules(fileRules.filter((r) => inPreset(r, 'recommended'))),
};
plugin.configs['disable-overlapping-strict'] = {
  name: 'errlint/disable-overlapping-strict',
  rules: overlappingCoreRules(fileRules.filter((r) => inPreset(r, 'strict'))),
};

export default plugin;
// `require('errlint/eslint-plugin')` (an eslint.config.cjs, Node >= 20.19) gets the plugin itself, not a
// namespace with `default`.
export { plugin as 'module.exports' };
