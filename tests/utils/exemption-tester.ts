/**
 * Runs a rule's table of exempt snippets: each is not reported, and the rule records exactly one exempted site with
 * the expected reason, detail and place (what `errlint audit --show-exempt` lists). Every reason the rule declares in
 * `meta.exemptions` must be produced by a case, and no case may give a reason the rule does not declare.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { defaultKnowledge } from '../../src/knowledge/index.js';
import type { AnyRule, ExemptedSite } from '../../src/types.js';

export interface ExemptionCase {
  name: string;
  code: string;
  /** Default `src/service.ts`. */
  filename?: string;
  options?: Record<string, unknown>;
  expected: Pick<ExemptedSite, 'reason' | 'detail' | 'line' | 'column' | 'endLine' | 'endColumn'>;
}

const classify = createFileClassifier();

export function exemptionsOf(rule: AnyRule, code: string, filePath = 'src/service.ts', options: Record<string, unknown> = {}, collectExemptions = true) {
  const result = lintSource({
    text: code,
    filePath,
    rules: [{ rule, options: { ...rule.meta.defaultOptions, ...options }, risk: rule.meta.risk }],
    knowledge: defaultKnowledge,
    file: classify(filePath, code),
    collectExemptions,
  });
  if (result.error) throw new Error(result.error.message);
  return { findings: result.findings, exempted: result.exempted };
}

export function runExemptionTests(rule: AnyRule, cases: readonly ExemptionCase[]): void {
  const declared = Object.keys(rule.meta.exemptions ?? {});
  const seen = new Set<string>();
  describe(`${rule.meta.id} exemptions`, () => {
    it.each(cases)('$name', ({ code, filename, options, expected }) => {
      const file = filename ?? 'src/service.ts';
      const { findings, exempted } = exemptionsOf(rule, code, file, options);
      expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      expect(exempted).toEqual([{ ruleId: rule.meta.id, file, ...expected }]);
      expect(declared, `${rule.meta.id} declares the reason in meta.exemptions`).toContain(expected.reason);
      seen.add(expected.reason);
    });

    afterAll(() => {
      expect(declared.filter((r) => !seen.has(r)), `reasons of ${rule.meta.id} no case produces`).toEqual([]);
    });
  });
}
