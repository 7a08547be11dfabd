/**
 * Runs one rule's case table through ESLint's RuleTester over the adapter: ESLint 10 with
 * @typescript-eslint/parser and (for cases that are plain JavaScript) espree on a `.js` name, and ESLint 9 with
 * @typescript-eslint/parser.
 */
import tsParser from '@typescript-eslint/parser';
import { RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint9';
import { describe, it } from 'vitest';
import { toEslintRule } from '../../../src/eslint/to-eslint-rule.js';
import type { AnyRule } from '../../../src/types.js';
import type { RuleCases } from '../../utils/rule-tester.js';
import { isPlainJs, toInvalid, toValid, unique } from './cases.js';

for (const Tester of [RuleTester10, RuleTester9]) {
  Tester.describe = describe;
  Tester.it = it;
  Tester.itOnly = it.only;
}

export function runEslintTables(rule: AnyRule, cases: RuleCases): void {
  const eslintRule = toEslintRule(rule) as never;
  const id = rule.meta.id;
  const tsCases = {
    valid: unique(cases.valid.map((v) => toValid(v, 'ts'))),
    invalid: unique(cases.invalid.map((c) => toInvalid(rule, c, 'ts'))),
  };
  const jsCases = {
    valid: unique(cases.valid.map((v) => toValid(v, 'js')).filter((c) => isPlainJs(c.code))),
    invalid: unique(cases.invalid.map((c) => toInvalid(rule, c, 'js')).filter((c) => isPlainJs(c.code))),
  };
  describe(`ESLint 10 + @typescript-eslint/parser: ${id}`, () => {
    new RuleTester10({ languageOptions: { parser: tsParser } }).run(id, eslintRule, tsCases as never);
  });
  describe(`ESLint 10 + espree (.js): ${id}`, () => {
    if (jsCases.valid.length + jsCases.invalid.length === 0) return void it.skip('no plain-JS cases');
    new RuleTester10({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }).run(id, eslintRule, jsCases as never);
  });
  describe(`ESLint 9 + @typescript-eslint/parser: ${id}`, () => {
    new RuleTester9({ languageOptions: { parser: tsParser } }).run(id, eslintRule, tsCases as never);
  });
}
