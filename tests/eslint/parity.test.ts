/**
 * One engine, two hosts: for every source file under `fixtures/` and `tests/eslint/fixtures/`, the CLI's audit
 * (with the fixture's own errlint config, if any) and ESLint's Linter (with the same rules, options, knowledge
 * and file patterns, written the ESLint way) agree on rule, message and location.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { discoverFiles, toPosix } from '../../src/discovery.js';
import plugin, { fileRules } from '../../src/eslint/plugin.js';
import type { UserConfig } from '../../src/config/load-config.js';
import { repoRoot } from './helpers/cases.js';

/** Each fixture project: a folder directly under `fixtures/` or `tests/eslint/fixtures/`. */
function fixtureRoots(): string[] {
  const roots: string[] = [];
  for (const parent of ['fixtures', 'tests/eslint/fixtures']) {
    const dir = path.join(repoRoot, parent);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (statSync(path.join(dir, name)).isDirectory()) roots.push(path.join(dir, name));
  }
  return roots;
}

/** errlint's config written as ESLint flat config: rules with options, knowledge and file patterns in settings. */
export function eslintConfigFor(config: UserConfig, ran?: ReadonlySet<string>): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  for (const rule of fileRules) {
    const setting = config.rules?.[rule.meta.id];
    if (setting === 'off' || (ran && !ran.has(rule.meta.id))) continue;
    rules[`errlint/${rule.meta.id}`] = typeof setting === 'object' && setting.options ? ['error', setting.options] : 'error';
  }
  return [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as never } },
    { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], plugins: { errlint: plugin as never }, rules, settings: { errlint: { knowledge: config.knowledge, files: config.files } }, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

type Row = [file: string, line: number, column: number, endLine: number, endColumn: number, rule: string, message: string];

const roots = fixtureRoots();

describe('CLI and ESLint agree on every fixture', () => {
  it('has fixtures to compare', () => {
    expect(roots.length).toBeGreaterThan(0);
  });

  for (const root of roots) {
    it(toPosix(path.relative(repoRoot, root)), async () => {
      const ids = new Set(fileRules.map((r) => r.meta.id));
      const result = await audit({ cwd: root });
      const cli: Row[] = result.findings.filter((f) => ids.has(f.ruleId)).map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.message]);
      const parseErrors = new Set(result.errors.map((e) => e.file));

      const { files } = discoverFiles({ cwd: root, patterns: ['.'], ignores: result.config.config.ignores, ignoreBase: result.config.dir });
      const linter = new Linter({ cwd: root });
      // the rules the CLI ran (the config's preset and rules), written the ESLint way
      const config = eslintConfigFor(result.config.config, new Set(result.rules.map((r) => r.id)));
      const viaEslint: Row[] = [];
      for (const abs of files) {
        const rel = toPosix(path.relative(root, abs));
        if (parseErrors.has(rel)) continue;
        for (const m of linter.verify(readFileSync(abs, 'utf8'), config, abs)) {
          if (m.fatal) throw new Error(`${rel}:${m.line}:${m.column} ESLint could not parse: ${m.message}`);
          // A directive may name a rule this checkout does not ship yet ("Definition for rule … was not found").
          if (!m.ruleId?.startsWith('errlint/') || !ids.has(m.ruleId.slice('errlint/'.length))) continue;
          viaEslint.push([rel, m.line, m.column, m.endLine ?? m.line, m.endColumn ?? m.column, m.ruleId.slice('errlint/'.length), m.message]);
        }
      }
      const order = (a: Row, b: Row) => a.join('\0').localeCompare(b.join('\0'));
      expect(viaEslint.sort(order)).toEqual(cli.sort(order));
    });
  }
});
