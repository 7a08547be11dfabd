/**
 * The ESLint host reuses the TypeScript tree typescript-eslint's parser built (no second parse), together with
 * the TypeScript module that made it; espree's trees and unknown makers fall back to errlint's own parse.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hostAst } from '../../src/eslint/host-ast.js';
import plugin from '../../src/eslint/plugin.js';
import { compiler } from '../../src/ts.js';

const code = 'export async function pay(id: string) {\n  try {\n    await charge(id);\n  } catch {}\n}\n';

function parsed(filePath: string) {
  const { ast, services } = tsParser.parseForESLint(code, { filePath, range: true, loc: true });
  return { ast, text: code, parserServices: services };
}

describe('hostAst', () => {
  it("returns the parser's SourceFile with the module that made it", () => {
    const host = hostAst(parsed('/project/src/pay.ts'), [compiler]);
    expect(host).toBeDefined();
    expect(host!.ts).toBe(ts);
    expect(host!.sourceFile.kind).toBe(ts.SyntaxKind.SourceFile);
    expect(host!.sourceFile.text).toBe(code);
  });

  it('finds errlint’s own compiler when it made the tree', () => {
    const sourceFile = compiler.createSourceFile('x.ts', code, compiler.ScriptTarget.Latest, true);
    const sourceCode = { ast: {}, text: code, parserServices: { esTreeNodeToTSNodeMap: { get: () => sourceFile } } };
    expect(hostAst(sourceCode, [compiler])?.ts.SyntaxKind).toBe(compiler.SyntaxKind);
  });

  it('returns undefined for espree, for another text, and for a tree no loaded module made', () => {
    const ast = espree.parse('try { f(); } catch {}', { ecmaVersion: 'latest', range: true, loc: true });
    expect(hostAst({ ast, text: 'try { f(); } catch {}', parserServices: {} }, [compiler])).toBeUndefined();
    const other = parsed('/project/src/pay.ts');
    expect(hostAst({ ...other, text: `${code}\n` }, [compiler])).toBeUndefined();
    class Foreign {
      kind = ts.SyntaxKind.SourceFile;
      text = code;
    }
    const foreign = { ast: {}, text: code, parserServices: { esTreeNodeToTSNodeMap: { get: () => new Foreign() } } };
    expect(hostAst(foreign, [compiler])).toBeUndefined();
  });
});

describe('the ESLint rules on a reused tree', () => {
  it('report what they report on errlint’s own parse', () => {
    const linter = new Linter({ cwd: '/project' });
    const rules = { 'errlint/swallowed-catch': 'error' } as const;
    const withTs = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { errlint: plugin as never }, rules }], '/project/src/pay.ts');
    const withEspree = linter.verify(code.replace('(id: string)', '(id)'), [{ files: ['**/*.js'], plugins: { errlint: plugin as never }, rules }], '/project/src/pay.js');
    expect(withTs.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['errlint/swallowed-catch', 4, 5, 4, 10]]);
    expect(withEspree.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['errlint/swallowed-catch', 4, 5, 4, 10]]);
  });
});
