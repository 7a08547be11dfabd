/**
 * The per-file failure boundary in the ESLint adapter (issue 19): an errlint rule that throws on one file, or
 * errlint running out of stack on it, gives that file one message and ESLint lints the others, as the CLI reports
 * such a file in `errors` and goes on.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/define-rule.js';
import plugin from '../../src/eslint/plugin.js';
import { toEslintRule } from '../../src/eslint/to-eslint-rule.js';
import type { AnyRule } from '../../src/types.js';
import { nested } from '../reliability/generate.js';
import { tempProject } from '../utils/temp-project.js';

function depth(n: number): number {
  return n === 0 ? 0 : 1 + depth(n - 1);
}

/** Throws on a `debugger;` statement; recurses without end on `"recurse"`; flags `debugger` otherwise never. */
const fragile: AnyRule = defineRule({
  meta: {
    id: 'fragile-x',
    family: 'catch',
    risk: 'high',
    description: 'A rule that fails on some files.',
    messages: { found: 'Found {{what}}.' },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    fixable: false,
    hasSuggestions: false,
    preset: 'recommended',
    precision: 'high',
    roles: ['server', 'client', 'script', 'test'],
  },
  create(context) {
    return {
      DebuggerStatement() {
        throw new TypeError("Cannot read properties of undefined (reading 'kind')");
      },
      StringLiteral(node) {
        if (node.getText() === '"recurse"') depth(1e7);
        else context.report({ node, messageId: 'found', data: { what: 'a string' } });
      },
    };
  },
});

const local = { meta: { name: 'errlint-test' }, rules: { 'fragile-x': toEslintRule(fragile) } };
const swallowed = 'export async function f() {\n  try {\n    await g();\n  } catch {}\n}\n';

async function lintProject(ESLint: typeof ESLint10 | typeof ESLint9, files: Record<string, string>) {
  const cwd = tempProject(files);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.js'], plugins: { 'errlint-test': local, errlint: plugin }, rules: { 'errlint-test/fragile-x': 'error', 'errlint/swallowed-catch': 'error', 'errlint/console-logging': 'warn' } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    ] as never,
  });
  const results = await eslint.lintFiles(['.']);
  return Object.fromEntries(results.map((r) => [r.filePath.slice(cwd.length + 1), r.messages.map((m) => [m.ruleId, m.line, m.message])]));
}

describe('an errlint rule that fails on one file', () => {
  it.each([
    ['ESLint 10', ESLint10],
    ['ESLint 9', ESLint9],
  ])('gives that file one message and lints the others (%s)', async (_name, ESLint) => {
    const byFile = await lintProject(ESLint, { 'src/bad.ts': `${swallowed}function h() { debugger; }\n`, 'src/good.ts': swallowed, 'src/bad.js': 'debugger;\n' });
    const failed = "errlint could not analyse this file: errlint failed on this file (Cannot read properties of undefined (reading 'kind')); please report it.";
    expect(byFile['src/bad.ts']).toEqual([['errlint-test/fragile-x', 1, failed]]);
    expect(byFile['src/bad.js']).toEqual([['errlint-test/fragile-x', 1, failed]]);
    expect(byFile['src/good.ts']).toEqual([['errlint/swallowed-catch', 4, expect.any(String)]]);
  });

  it('reports running out of stack as nesting too deep to analyse', async () => {
    const byFile = await lintProject(ESLint10, { 'src/deep.ts': 'export const s = "recurse";\n', 'src/good.ts': swallowed });
    expect(byFile['src/deep.ts']).toEqual([['errlint-test/fragile-x', 1, 'errlint could not analyse this file: nested too deeply to analyse.']]);
    expect(byFile['src/good.ts']?.map((m) => m[0])).toEqual(['errlint/swallowed-catch']);
  });
});

describe("errlint's own rules on deeply nested files", () => {
  // within what typescript-eslint's own conversion to ESTree takes in a test worker (deeper, it overflows and ESLint
  // reports a parsing error for that file: the host's limit, not errlint's)
  it('lint without an exception or a failure message', async () => {
    const files: Record<string, string> = { 'src/good.ts': swallowed };
    for (const kind of ['if', 'try', 'then', 'elseIf'] as const) files[`src/${kind}.ts`] = nested(kind, 120);
    const byFile = await lintProject(ESLint10, files);
    expect(byFile['src/good.ts']?.map((m) => m[0])).toEqual(['errlint/swallowed-catch']);
    for (const kind of ['if', 'try', 'then', 'elseIf']) expect(byFile[`src/${kind}.ts`]?.filter((m) => m[0] === null || String(m[2]).includes('could not analyse'))).toEqual([]);
  });
});
