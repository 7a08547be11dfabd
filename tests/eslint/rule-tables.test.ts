/** Every file-level rule's own case table (tests/rules/<id>.cases.ts), run through ESLint over the adapter. */
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import plugin from '../../src/eslint/plugin.js';
import { loadCases } from './helpers/cases.js';
import { runEslintTables } from './helpers/run-tables.js';

const tables = await Promise.all(allRules.filter((r) => (r.meta.scope ?? 'file') === 'file').map(async (rule) => ({ rule, cases: await loadCases(rule.meta.id) })));

describe('rule tables through ESLint', () => {
  it('the plugin exposes every file-level rule', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(tables.map((t) => t.rule.meta.id).sort());
  });
  for (const { rule, cases } of tables) if (cases) runEslintTables(rule, cases);
});
