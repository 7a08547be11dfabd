/**
 * The adapter itself, on two small rules made for the purpose: locations, fix vs suggestion, options, settings
 * (knowledge and file patterns), one parse per SourceCode shared by every errlint rule, suppressions, both
 * parsers, ESLint 9 and 10.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import type * as ts from 'typescript';
import typescript from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { defineRule } from '../../src/define-rule.js';
import { parseSource } from '../../src/engine/lint-source.js';
import { toEslintRule } from '../../src/eslint/to-eslint-rule.js';
import { compiler } from '../../src/ts.js';
import type { AnyRule } from '../../src/types.js';

// errlint's own parse, counted
vi.mock('../../src/engine/lint-source.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/lint-source.js')>();
  return { ...original, parseSource: vi.fn(original.parseSource) };
});

const seen: { sourceFile: ts.SourceFile; ts: unknown; filePath: string }[] = [];

// Flags `debugger;` with a safe fix that removes it.
const noDebugger: AnyRule = defineRule({
  meta: {
    id: 'no-debugger-x',
    family: 'catch',
    risk: 'high',
    description: 'Flags debugger statements.',
    messages: { found: 'Unexpected {{what}}.', remove: 'Remove the statement.' },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    fixable: true,
    hasSuggestions: false,
    preset: 'recommended',
    precision: 'high',
    // every role but generated code: a debugger statement is wrong in tests too
    roles: ['server', 'client', 'script', 'test'],
  },
  create(context) {
    seen.push({ sourceFile: context.sourceFile, ts: context.ts, filePath: context.filePath });
    return {
      DebuggerStatement(node) {
        context.report({ node, messageId: 'found', data: { what: 'debugger' }, suggest: [{ messageId: 'remove', edits: [{ range: [node.getStart(), node.getEnd()], text: '' }], safe: true }] });
      },
    };
  },
});

// Flags an empty catch with an unsafe suggestion; option and knowledge decide what counts.
const emptyCatch: AnyRule = defineRule({
  meta: {
    id: 'empty-catch-x',
    family: 'catch',
    risk: 'medium',
    description: 'Flags empty catch clauses.',
    messages: { empty: 'Empty catch around {{callee}}.', rethrow: 'Rethrow the error.' },
    schema: {
      type: 'object',
      properties: {
        allowIn: { type: 'array', items: { type: 'string' }, description: 'Function names where it is allowed.' },
        checkTests: { type: 'boolean', description: 'Also check test files.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowIn: ['ignoreMe'], checkTests: false },
    fixable: false,
    hasSuggestions: true,
    preset: 'strict',
    precision: 'high',
    roles: ['server', 'client', 'script', 'test'],
  },
  create(context) {
    const t = context.ts;
    seen.push({ sourceFile: context.sourceFile, ts: context.ts, filePath: context.filePath });
    if (context.file.role === 'test' && !context.options.checkTests) return {};
    return {
      CatchClause(node) {
        const clause = node as ts.CatchClause;
        if (clause.block.statements.length > 0) return;
        const fn = t.findAncestor(node, t.isFunctionDeclaration);
        const name = fn?.name?.text ?? '';
        if (context.options.allowIn.includes(name)) return;
        if (context.knowledge.loggers.receiverNames.includes(name)) return;
        const at = clause.block.getStart() + 1;
        const binding = clause.variableDeclaration?.name.getText() ?? 'error';
        context.report({ node: clause, messageId: 'empty', data: { callee: name }, suggest: [{ messageId: 'rethrow', edits: [{ range: [at, at], text: ` throw ${binding}; ` }] }] });
      },
    };
  },
});

const plugin = { meta: { name: 'errlint' }, rules: { 'no-debugger-x': toEslintRule(noDebugger), 'empty-catch-x': toEslintRule(emptyCatch) } };
const rules = { 'errlint/no-debugger-x': 'error', 'errlint/empty-catch-x': 'warn' } as const;
const code = 'function run() {\n  try {\n    debugger;\n  } catch (e) {}\n}\nfunction ignoreMe() { try { go(); } catch {} }\n';

function config(extra: Record<string, unknown> = {}) {
  return [{ files: ['**/*.ts', '**/*.js'], plugins: { errlint: plugin }, rules, ...extra }, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }] as never;
}

function lint(Linter: typeof Linter10 | typeof Linter9, text: string, filename: string, extra?: Record<string, unknown>) {
  const linter = new Linter({ cwd: '/project' }) as Linter10;
  return linter.verify(text, config(extra), `/project/${filename}`).map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, fix: m.fix?.text, suggestions: m.suggestions?.map((s) => s.messageId) }));
}

describe('toEslintRule', () => {
  it.each([
    ['ESLint 10', Linter10],
    ['ESLint 9', Linter9],
  ])('reports locations, fixes and suggestions (%s)', (_name, Linter) => {
    const messages = lint(Linter, code, 'src/a.ts');
    expect(messages).toEqual([
      { ruleId: 'errlint/no-debugger-x', messageId: 'found', message: 'Unexpected debugger.', line: 3, column: 5, endLine: 3, endColumn: 14, fix: '', suggestions: undefined },
      { ruleId: 'errlint/empty-catch-x', messageId: 'empty', message: 'Empty catch around run.', line: 4, column: 5, endLine: 4, endColumn: 17, fix: undefined, suggestions: ['rethrow'] },
    ]);
  });

  it('gives the same messages with espree on a .js file', () => {
    expect(lint(Linter10, code, 'src/a.js')).toEqual(lint(Linter10, code, 'src/a.ts'));
  });

  it("reuses typescript-eslint's tree (with the TypeScript that made it) for every errlint rule", () => {
    seen.length = 0;
    lint(Linter10, code, 'src/a.ts');
    expect(seen).toHaveLength(2);
    expect(seen[0]!.sourceFile).toBe(seen[1]!.sourceFile);
    expect(seen.every((s) => (s.ts as typeof typescript).SyntaxKind === typescript.SyntaxKind)).toBe(true);
    expect(seen[0]!.sourceFile.fileName).toBe('/project/src/a.ts');
    expect(seen[0]!.filePath).toBe('src/a.ts');
  });

  it('parses once per file with the bundled compiler when the parser is espree', () => {
    seen.length = 0;
    lint(Linter10, code, 'src/a.js');
    expect(seen).toHaveLength(2);
    expect(seen[0]!.sourceFile).toBe(seen[1]!.sourceFile);
    expect(seen.every((s) => s.ts === compiler)).toBe(true);
    expect(seen[0]!.filePath).toBe('src/a.js');
  });

  it('parses nothing when no enabled rule judges the file (generated code)', () => {
    seen.length = 0;
    vi.mocked(parseSource).mockClear();
    expect(lint(Linter10, code, 'src/generated/a.js')).toEqual([]);
    expect(seen).toHaveLength(0);
    expect(parseSource).not.toHaveBeenCalled();
    lint(Linter10, code, 'src/a.js');
    expect(parseSource).toHaveBeenCalledTimes(1);
  });

  it('merges rule options over the defaults as the CLI does', () => {
    const withOptions = lint(Linter10, code, 'src/a.ts', { rules: { ...rules, 'errlint/empty-catch-x': ['warn', { allowIn: ['run'] }] } });
    expect(withOptions.map((m) => m.line)).toEqual([3, 6]);
  });

  it('rejects options the schema does not allow', () => {
    expect(() => lint(Linter10, code, 'src/a.ts', { rules: { ...rules, 'errlint/empty-catch-x': ['warn', { allowInn: [] }] } })).toThrow(/allowInn|additional/i);
  });

  it('reads knowledge and file patterns from settings.errlint', () => {
    const knowledge = lint(Linter10, code, 'src/a.ts', { settings: { errlint: { knowledge: { loggers: { receiverNames: ['run'] } } } } });
    expect(knowledge.map((m) => m.ruleId)).toEqual(['errlint/no-debugger-x']);
    expect(lint(Linter10, code, 'spec/a.ts').map((m) => m.ruleId)).toEqual(['errlint/no-debugger-x', 'errlint/empty-catch-x']);
    const files = lint(Linter10, code, 'spec/a.ts', { settings: { errlint: { files: { tests: ['spec/**'] } } } });
    expect(files.map((m) => m.ruleId)).toEqual(['errlint/no-debugger-x']);
  });

  it('rejects settings.errlint it does not understand, naming the key', () => {
    expect(() => lint(Linter10, code, 'src/a.ts', { settings: { errlint: { knowledge: { logger: {} } } } })).toThrow(/settings\.errlint[\s\S]*unknown key "logger"/);
    expect(() => lint(Linter10, code, 'src/a.ts', { settings: { errlint: { rules: {} } } })).toThrow(/only "knowledge" and "files"/);
  });

  it('honours eslint-disable-next-line errlint/<id>', () => {
    const suppressed = code.replace('    debugger;', '    // eslint-disable-next-line errlint/no-debugger-x -- test\n    debugger;');
    expect(lint(Linter10, suppressed, 'src/a.ts').map((m) => m.ruleId)).toEqual(['errlint/empty-catch-x']);
  });

  it('honours errlint-disable comments as the CLI does', () => {
    const suppressed = code.replace('    debugger;', '    // errlint-disable-next-line no-debugger-x -- test\n    debugger;');
    expect(lint(Linter10, suppressed, 'src/a.ts').map((m) => m.ruleId)).toEqual(['errlint/empty-catch-x']);
    const block = `/* errlint-disable empty-catch-x */\n${code}`;
    expect(lint(Linter10, block, 'src/a.ts').map((m) => m.ruleId)).toEqual(['errlint/no-debugger-x']);
  });

  it('applies the safe fix with verifyAndFix and leaves the suggestion alone', () => {
    const linter = new Linter10({ cwd: '/project' });
    const result = linter.verifyAndFix(code, config(), '/project/src/a.ts');
    expect(result.fixed).toBe(true);
    expect(result.output).toBe(code.replace('    debugger;', '    '));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['errlint/empty-catch-x']);
  });

  it('lints a reused SourceCode again with new options', () => {
    const linter = new Linter10({ cwd: '/project' });
    linter.verify(code, config(), '/project/src/a.ts');
    const sourceCode = linter.getSourceCode()!;
    const again = linter.verify(sourceCode, config({ rules: { ...rules, 'errlint/empty-catch-x': ['warn', { allowIn: ['run'] }] } }), '/project/src/a.ts');
    expect(again.map((m) => m.line)).toEqual([3, 6]);
  });

  it('reports nothing for text the bundled parser rejects, as the CLI skips it', () => {
    // A parser that accepts anything: errlint must not run its detectors on TypeScript's error recovery.
    const lenient = {
      parse: (text: string) => ({ type: 'Program', body: [], sourceType: 'module', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: text.length } }, tokens: [], comments: [] }),
    };
    const text = 'debugger; function (';
    expect(lint(Linter10, text, 'src/a.js', { languageOptions: { parser: lenient } })).toEqual([]);
    expect(lint(Linter10, 'debugger;', 'src/a.js', { languageOptions: { parser: lenient } }).map((m) => m.ruleId)).toEqual(['errlint/no-debugger-x']);
  });
});
