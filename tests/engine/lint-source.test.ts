import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/define-rule.js';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { defaultKnowledge } from '../../src/knowledge/index.js';
import type { AnyRule } from '../../src/types.js';

// A minimal rule to exercise the engine: flags every `debugger` statement.
const noDebugger: AnyRule = defineRule({
  meta: {
    id: 'no-debugger-test',
    family: 'catch',
    risk: 'medium',
    description: 'Flags debugger statements.',
    messages: { found: 'Unexpected {{what}}.' },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    fixable: false,
    hasSuggestions: false,
    preset: 'strict',
    precision: 'high',
  },
  create(context) {
    return {
      DebuggerStatement(node) {
        context.report({ node, messageId: 'found', data: { what: 'debugger' } });
      },
    };
  },
});

const classify = createFileClassifier();

function lint(text: string, filePath = 'src/a.ts', reportUnusedDirectives = false) {
  return lintSource({ text, filePath, rules: [{ rule: noDebugger, options: {}, risk: 'medium' }], knowledge: defaultKnowledge, file: classify(filePath, text), reportUnusedDirectives });
}

describe('lintSource', () => {
  it('reports 1-based positions and formats messages', () => {
    const { findings } = lint('const a = 1;\n  debugger;\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'no-debugger-test', line: 2, column: 3, endLine: 2, endColumn: 12, message: 'Unexpected debugger.', risk: 'medium', score: 45 });
  });

  it('returns a parse error instead of throwing', () => {
    const result = lint('function (\n');
    expect(result.findings).toEqual([]);
    expect(result.error).toMatchObject({ kind: 'parse', file: 'src/a.ts', line: 1 });
  });

  it('parses JSX only where the extension says so', () => {
    expect(lint('const a = <div/>;', 'src/a.tsx').error).toBeUndefined();
    expect(lint('const a = <div/>;', 'src/a.ts').error).toBeDefined();
  });

  it.each([
    ['// errlint-disable-next-line no-debugger-test\ndebugger;', 0],
    ['// errlint-disable-next-line other-rule\ndebugger;', 1],
    ['debugger; // errlint-disable-line', 0],
    ['/* errlint-disable no-debugger-test */\ndebugger;\n/* errlint-enable no-debugger-test */\ndebugger;', 1],
    ['/* errlint-disable */\ndebugger;\ndebugger;', 0],
    ['// eslint-disable-next-line errlint/no-debugger-test -- legacy\ndebugger;', 0],
    ['// eslint-disable-next-line no-console\ndebugger;', 1],
    // oxlint's directives name only its own rules, never an errlint one
    ['// oxlint-disable-next-line errlint/no-debugger-test\ndebugger;', 1],
    ['debugger; // oxlint-disable-line', 1],
    ['const s = "// errlint-disable-next-line";\ndebugger;', 1],
    ['// errlint-disable-next-line no-debugger-test -- reason, with a comma\ndebugger;', 0],
  ])('suppression %#', (text, count) => {
    expect(lint(text).findings).toHaveLength(count);
  });

  it('reports unused directives when asked', () => {
    const { findings } = lint('// errlint-disable-next-line no-debugger-test\nconst a = 1;\n', 'src/a.ts', true);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['unused-disable-directive', 1]]);
  });

  it('adds context risk factors', () => {
    const { findings } = lint('export async function refundPayment() {\n  debugger;\n}\n');
    expect(findings[0]!.factors.map((f) => f.id)).toEqual(['money-path', 'exported-api']);
    expect(findings[0]!.risk).toBe('high');
  });
});
