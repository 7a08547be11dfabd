/** The plugin object: rules and presets computed from rule meta, loadable by ESLint 9 and 10. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, Linter as Linter10 } from 'eslint';
import { ESLint as ESLint9, Linter as Linter9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { ruleDocsUrl } from '../../src/define-rule.js';
import plugin, { fileRules, supersededCoreRules } from '../../src/eslint/plugin.js';
import { ANALYSIS_FAILED } from '../../src/eslint/to-eslint-rule.js';
import { repoRoot } from './helpers/cases.js';

const severityCode = (entry: unknown) => (entry === 'error' ? 2 : entry === 'warn' ? 1 : 0);

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('errlint/eslint-plugin', () => {
  it('names itself with the package version', () => {
    expect(plugin.meta).toEqual({ name: 'errlint', version: pkg.version });
  });

  it('exposes every file-level rule and no project-level one', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(allRules.filter((r) => (r.meta.scope ?? 'file') === 'file').map((r) => r.meta.id).sort());
    for (const rule of allRules) if (rule.meta.scope === 'project') expect(plugin.rules[rule.meta.id]).toBeUndefined();
  });

  it.each(fileRules.map((r) => [r.meta.id, r] as const))('maps the meta of %s', (id, rule) => {
    const meta = plugin.rules[id]!.meta!;
    expect(meta.docs?.url).toBe(ruleDocsUrl(id));
    expect(meta.docs?.description).toBe(rule.meta.description);
    // and the one message of a file errlint could not analyse
    expect(meta.messages).toEqual({ ...rule.meta.messages, [ANALYSIS_FAILED]: 'errlint could not analyse this file: {{reason}}' });
    expect(meta.schema).toEqual([rule.meta.schema]);
    expect(meta.fixable).toBe(rule.meta.fixable ? 'code' : undefined);
    expect(meta.hasSuggestions).toBe(rule.meta.hasSuggestions ? true : undefined);
  });

  it('computes the presets from meta: recommended rules, then strict adds the rest, severity from risk', () => {
    const expected = (rules: typeof fileRules) =>
      Object.fromEntries(rules.map((r) => [`errlint/${r.meta.id}`, r.meta.risk === 'critical' || r.meta.risk === 'high' ? 'error' : 'warn']));
    const ours = (rules: Record<string, unknown>) => Object.fromEntries(Object.entries(rules).filter(([k]) => k.startsWith('errlint/')));
    expect(ours(plugin.configs.recommended.rules)).toEqual(expected(fileRules.filter((r) => r.meta.preset === 'recommended')));
    expect(ours(plugin.configs.strict.rules)).toEqual(expected(fileRules.filter((r) => r.meta.preset === 'recommended' || r.meta.preset === 'strict')));
    expect(ours(plugin.configs.all.rules)).toEqual(expected(fileRules));
    expect(Object.keys(ours(plugin.configs.recommended.rules)).length).toBeLessThan(Object.keys(ours(plugin.configs.strict.rules)).length);
    for (const preset of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.all]) expect(preset.plugins.errlint).toBe(plugin);
    expect([plugin.configs.recommended.name, plugin.configs.strict.name, plugin.configs.all.name]).toEqual(['errlint/recommended', 'errlint/strict', 'errlint/all']);
  });

  it.each([
    ['recommended', 'disable-overlapping'],
    ['strict', 'disable-overlapping-strict'],
  ] as const)('configures only its own rules in %s; %s settles the core rules its rules overlap', (name, optInName) => {
    const preset = plugin.configs[name];
    expect(Object.keys(preset.rules).filter((k) => !k.startsWith('errlint/'))).toEqual([]);
    const optIn = plugin.configs[optInName];
    expect(optIn.plugins).toBeUndefined();
    for (const [id, core] of Object.entries(supersededCoreRules)) {
      const enabled = preset.rules[`errlint/${id}`] !== undefined;
      for (const [coreId, entry] of Object.entries(core)) expect(optIn.rules[coreId]).toEqual(enabled ? entry : undefined);
    }
  });

  it.each([
    ['ESLint 10', ESLint10],
    ['ESLint 9', ESLint9],
  ])("leaves the user's core rule settings placed before the preset alone (%s, calculateConfigForFile)", async (_name, ESLint) => {
    const user = { rules: { 'no-empty': 'off', 'preserve-caught-error': 'error' } } as const;
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, user, plugin.configs.strict];
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config as never });
    const resolved = (await eslint.calculateConfigForFile(path.join(repoRoot, 'src/a.ts'))) as { rules: Record<string, unknown> };
    // ESLint resolves each entry to [severity, ...options with defaults]
    const severity = (rules: Record<string, unknown>, id: string) => (rules[id] as unknown[])[0];
    expect(severity(resolved.rules, 'no-empty')).toBe(0);
    expect(severity(resolved.rules, 'preserve-caught-error')).toBe(2);
    expect(severity(resolved.rules, 'errlint/swallowed-catch')).toBe(severityCode(plugin.configs.strict.rules['errlint/swallowed-catch']));
    // the opt-in config is what changes them, placed after the user's rules
    const optedIn = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: [...config, plugin.configs['disable-overlapping-strict']] as never });
    const changed = (await optedIn.calculateConfigForFile(path.join(repoRoot, 'src/a.ts'))) as { rules: Record<string, unknown> };
    expect(severity(changed.rules, 'preserve-caught-error')).toBe(0);
    expect(changed.rules['no-empty']).toEqual([2, { allowEmptyCatch: true }]);
  });

  it.each([
    ['ESLint 10', Linter10],
    ['ESLint 9', Linter9],
  ])('with the core presets before it and disable-overlapping after, reports each overlapping problem once (%s)', (_name, Linter) => {
    const linter = new Linter({ cwd: '/p' }) as Linter10;
    // What js.configs.recommended turns on for these problems (ESLint 10 adds preserve-caught-error), and two
    // core rules users often add.
    const core = { rules: { 'preserve-caught-error': 'error', 'no-empty': 'error', 'no-throw-literal': 'error', 'prefer-promise-reject-errors': 'error' } } as const;
    const code = [
      'export async function pay(id: string) {',
      "  try { await charge(id); } catch (err) { throw new Error('payment failed'); }",
      '}',
      'export async function sync(id: string) {',
      '  try { await push(id); } catch (err) {}',
      '}',
      'export function parse(raw: string) {',
      "  if (!raw) throw 'empty input';",
      "  return raw ? Promise.resolve(raw) : Promise.reject('no input');",
      '}',
      '',
    ].join('\n');
    // strict enables every errlint rule that supersedes a core one
    const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, core, plugin.configs.strict, plugin.configs['disable-overlapping-strict']] as never, '/p/src/pay.ts');
    for (const line of [2, 5, 8, 9]) {
      const rules = messages.filter((m) => m.line === line).map((m) => m.ruleId!);
      expect(rules.length, `line ${line} reported by nobody`).toBeGreaterThan(0);
      for (const [id, superseded] of Object.entries(supersededCoreRules)) {
        if (!rules.includes(`errlint/${id}`)) continue;
        for (const coreId of Object.keys(superseded)) expect(rules, `line ${line}: ${coreId} and errlint/${id}`).not.toContain(coreId);
      }
    }
  });

  it.each([
    ['ESLint 10', Linter10],
    ['ESLint 9', Linter9],
  ])('loads every preset in %s, on JavaScript and TypeScript', (_name, Linter) => {
    const linter = new Linter({ cwd: '/p' }) as Linter10;
    for (const preset of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.all]) {
      const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, preset] as never;
      expect(linter.verify('export const a = 1;\n', config, '/p/src/a.js')).toEqual([]);
      expect(linter.verify('export const a: number = 1;\n', config, '/p/src/a.ts')).toEqual([]);
    }
  });
});
