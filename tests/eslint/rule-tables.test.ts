/**
 * Every rule's own case table, run through ESLint's RuleTester over the adapter: ESLint 10 with
 * @typescript-eslint/parser and (for cases that are plain JavaScript) espree on a `.js` name, and ESLint 9 with
 * @typescript-eslint/parser.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint9';
import { describe, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import plugin from '../../src/eslint/plugin.js';
import { isPlainJs, loadCases, toInvalid, toValid, unique } from './helpers/cases.js';

for (const Tester of [RuleTester10, RuleTester9]) {
  Tester.describe = describe;
  Tester.it = it;
  Tester.itOnly = it.only;
}

const tables = await Promise.all(allRules.map(async (rule) => ({ rule, cases: await loadCases(rule.meta.id) })));

describe('rule tables through ESLint', () => {
  it('covers every file-level rule that has a table', () => {
    // Keeps the loop below honest when a table exists but the rule is missing from the plugin.
    for (const { rule, cases } of tables) if (cases && (rule.meta.scope ?? 'file') === 'file' && !plugin.rules[rule.meta.id]) throw new Error(`${rule.meta.id} is not in the plugin`);
  });

  for (const { rule, cases } of tables) {
    if (!cases || (rule.meta.scope ?? 'file') !== 'file') continue;
    const eslintRule = plugin.rules[rule.meta.id]! as never;
    const tsCases = {
      valid: unique(cases.valid.map((v) => toValid(v, 'ts'))),
      invalid: unique(cases.invalid.map((c) => toInvalid(rule, c, 'ts'))),
    };
    const jsCases = {
      valid: unique(cases.valid.map((v) => toValid(v, 'js')).filter((c) => isPlainJs(c.code))),
      invalid: unique(cases.invalid.map((c) => toInvalid(rule, c, 'js')).filter((c) => isPlainJs(c.code))),
    };

    describe(`ESLint 10 + @typescript-eslint/parser: ${rule.meta.id}`, () => {
      new RuleTester10({ languageOptions: { parser: tsParser } }).run(rule.meta.id, eslintRule, tsCases as never);
    });
    describe(`ESLint 10 + espree (.js): ${rule.meta.id}`, () => {
      if (jsCases.valid.length + jsCases.invalid.length === 0) return void it.skip('no plain-JS cases');
      new RuleTester10({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }).run(
        rule.meta.id,
        eslintRule,
        jsCases as never,
      );
    });
    describe(`ESLint 9 + @typescript-eslint/parser: ${rule.meta.id}`, () => {
      new RuleTester9({ languageOptions: { parser: tsParser } }).run(rule.meta.id, eslintRule, tsCases as never);
    });
  }
});
