/**
 * Runs a rule's case table through the engine host. The same table feeds ESLint's RuleTester through the
 * adapter (tests/eslint), so both hosts are held to one set of expectations.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { firstParseError, formatMessage, lintSource, parseSource } from '../../src/engine/lint-source.js';
import { defaultKnowledge, resolveKnowledge, type KnowledgeConfig } from '../../src/knowledge/index.js';
import type { AnyRule, Finding } from '../../src/types.js';

export interface ExpectedSuggestion {
  messageId: string;
  data?: Record<string, string | number>;
  /** The whole file after applying this suggestion; it must parse. */
  output: string;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestions?: ExpectedSuggestion[];
}

export interface ValidCaseObject {
  code: string;
  options?: Record<string, unknown>;
  /** Relative path, decides dialect and file facts (test file, script…). Default `src/file.ts`. */
  filename?: string;
  knowledge?: KnowledgeConfig;
}

export type ValidCase = string | ValidCaseObject;

export interface InvalidCase extends ValidCaseObject {
  /** The file after applying every safe fix; omit when the rule offers none for this case. */
  output?: string;
  errors: ExpectedError[];
}

/**
 * An invalid case with one finding whose only suggestion is a text saying why no rewrite is offered
 * (`{{reason}}` in the message `byHand`): its output is the code unchanged.
 */
export function noRewriteCase(code: string, error: Omit<ExpectedError, 'suggestions'>, byHand: { messageId: string; reason: string }): InvalidCase {
  return { code, errors: [{ ...error, suggestions: [{ messageId: byHand.messageId, data: { reason: byHand.reason }, output: code }] }] };
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * Message ids only a finding that depends on another module can carry (decided by the project model, so a
   * one-file case never shows them); name the multi-file test that produces each.
   */
  crossFileMessageIds?: Record<string, string>;
}

const classify = createFileClassifier();

export function lintCase(rule: AnyRule, c: ValidCaseObject): Finding[] {
  const filePath = c.filename ?? 'src/file.ts';
  const result = lintSource({
    text: c.code,
    filePath,
    rules: [{ rule, options: { ...rule.meta.defaultOptions, ...(c.options ?? {}) }, risk: rule.meta.risk }],
    knowledge: c.knowledge ? resolveKnowledge(c.knowledge) : defaultKnowledge,
    file: classify(filePath, c.code),
  });
  if (result.error) throw new Error(`Test case does not parse (${result.error.line}:${result.error.column}): ${result.error.message}\n${c.code}`);
  return result.findings;
}

function expectParses(code: string, filePath: string): void {
  const err = firstParseError(parseSource(code, filePath));
  expect(err, `output must parse:\n${code}`).toBeUndefined();
}

function title(code: string): string {
  return code.trim().replace(/\s+/g, ' ').slice(0, 90);
}

/** Declares a describe block with one test per case, and a final check that every message id occurred. */
export function runRuleTests(rule: AnyRule, cases: RuleCases): void {
  const seen = new Set<string>();
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const v of cases.valid) {
        const c = typeof v === 'string' ? { code: v } : v;
        it(title(c.code), () => {
          const findings = lintCase(rule, c);
          expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(title(c.code), () => {
          expect(c.errors.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
          const filePath = c.filename ?? 'src/file.ts';
          const findings = lintCase(rule, c);
          expect(findings.length, findings.map((f) => `${f.line}:${f.column} ${f.messageId} ${f.message}`).join('\n')).toBe(c.errors.length);
          c.errors.forEach((want, i) => {
            const got = findings[i]!;
            seen.add(got.messageId);
            expect({ messageId: got.messageId, line: got.line, column: got.column }).toEqual({ messageId: want.messageId, line: want.line, column: want.column });
            if (want.endLine !== undefined) expect(got.endLine).toBe(want.endLine);
            if (want.endColumn !== undefined) expect(got.endColumn).toBe(want.endColumn);
            if (want.data) expect(got.message).toBe(formatMessage((rule.meta.messages as Record<string, string>)[want.messageId]!, want.data));
            expect(got.message).toMatch(/[.?!]$/);
            const unsafe = got.suggestions.filter((s) => !s.safe);
            if (want.suggestions) {
              expect(unsafe.map((s) => s.messageId)).toEqual(want.suggestions.map((s) => s.messageId));
              want.suggestions.forEach((ws, j) => {
                const s = unsafe[j]!;
                seen.add(s.messageId);
                if (ws.data) expect(s.description).toBe(formatMessage((rule.meta.messages as Record<string, string>)[ws.messageId]!, ws.data));
                const out = applyEdits(c.code, [s.edits]).text;
                expect(out).toBe(ws.output);
                expectParses(out, filePath);
              });
            }
          });
          const fixes = findings.flatMap((f) => f.suggestions.filter((s) => s.safe).map((s) => s.edits));
          if (c.output === undefined) {
            expect(fixes, 'the rule offered a safe fix: add `output`').toEqual([]);
          } else {
            for (const f of findings) for (const s of f.suggestions) if (s.safe) seen.add(s.messageId);
            const out = applyEdits(c.code, fixes).text;
            expect(out).toBe(c.output);
            expectParses(out, filePath);
          }
        });
      }
    });
    afterAll(() => {
      const declared = Object.keys(rule.meta.messages);
      const missing = declared.filter((id) => !seen.has(id) && !cases.crossFileMessageIds?.[id]);
      expect(missing, `message ids never produced by an invalid case of ${rule.meta.id}`).toEqual([]);
    });
  });
}
