import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defineRule } from '../../src/define-rule.js';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { firstParseError, lintSource, parseSource } from '../../src/engine/lint-source.js';
import { fixFiles, fixText, MAX_FIX_PASSES, selectEdits, unifiedDiff, type LintText } from '../../src/fix.js';
import { contentHash, FileChangedError, writeFileAtomic } from '../../src/write-file.js';
import { defaultKnowledge } from '../../src/knowledge/index.js';
import type { AnyRule } from '../../src/types.js';
import { tempProject } from '../utils/temp-project.js';

const meta = {
  family: 'catch',
  risk: 'medium',
  schema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  preset: 'strict',
  precision: 'high',
} as const;

// var x → let x: a safe fix
const varToLet: AnyRule = defineRule({
  meta: { ...meta, id: 'test-var', description: 'Flags var.', messages: { found: 'Unexpected var.', useLet: 'Use let.' }, fixable: true, hasSuggestions: false },
  create(context) {
    const t = context.ts;
    return {
      VariableDeclarationList(node) {
        const list = node as import('typescript').VariableDeclarationList;
        if (list.flags & (t.NodeFlags.Let | t.NodeFlags.Const)) return;
        const start = list.getStart(context.sourceFile);
        context.report({ node: list, messageId: 'found', suggest: [{ messageId: 'useLet', safe: true, edits: [{ range: [start, start + 3], text: 'let' }] }] });
      },
    };
  },
});

// ((x)) → (x): a safe fix whose edits overlap when nested, so it needs several passes
const doubleParen: AnyRule = defineRule({
  meta: { ...meta, id: 'test-paren', description: 'Flags double parentheses.', messages: { found: 'Double parentheses.', unwrap: 'Remove a pair.' }, fixable: true, hasSuggestions: false },
  create(context) {
    const t = context.ts;
    return {
      ParenthesizedExpression(node) {
        const p = node as import('typescript').ParenthesizedExpression;
        if (!t.isParenthesizedExpression(p.expression)) return;
        const start = p.getStart(context.sourceFile);
        context.report({ node: p, messageId: 'found', suggest: [{ messageId: 'unwrap', safe: true, edits: [{ range: [start, start + 1], text: '' }, { range: [p.getEnd() - 1, p.getEnd()], text: '' }] }] });
      },
    };
  },
});

// debugger → `debugger {`: a "safe" fix that breaks the syntax, which the fixer must drop
const brokenFix: AnyRule = defineRule({
  meta: { ...meta, id: 'test-broken', description: 'Flags debugger.', messages: { found: 'Debugger.', replace: 'Replace it.' }, fixable: true, hasSuggestions: false },
  create(context) {
    return {
      DebuggerStatement(node) {
        context.report({ node, messageId: 'found', suggest: [{ messageId: 'replace', safe: true, edits: [{ range: [node.getStart(context.sourceFile), node.getEnd()], text: 'debugger {' }] }] });
      },
    };
  },
});

// throw new Error('x') in a catch → add { cause }: a suggestion (changes behaviour)
const addCause: AnyRule = defineRule({
  meta: { ...meta, id: 'test-cause', description: 'Flags throws without cause.', messages: { found: 'No cause.', addCause: 'Add the cause.' }, fixable: false, hasSuggestions: true },
  create(context) {
    const t = context.ts;
    return {
      NewExpression(node) {
        const n = node as import('typescript').NewExpression;
        if (!t.isThrowStatement(n.parent) || n.arguments?.length !== 1) return;
        let c: import('typescript').Node | undefined = n.parent;
        while (c && !t.isCatchClause(c)) c = c.parent;
        if (!c) return;
        const name = (c as import('typescript').CatchClause).variableDeclaration?.name.getText(context.sourceFile) ?? 'error';
        const end = n.arguments[0]!.getEnd();
        context.report({ node: n, messageId: 'found', suggest: [{ messageId: 'addCause', edits: [{ range: [end, end], text: `, { cause: ${name} }` }] }] });
      },
    };
  },
});

const classify = createFileClassifier();
const rules = [varToLet, doubleParen, brokenFix, addCause].map((rule) => ({ rule, options: {}, risk: 'medium' as const }));

let lintCalls = 0;
const lint: LintText = (text, filePath) => {
  lintCalls++;
  return lintSource({ text, filePath, rules, knowledge: defaultKnowledge, file: classify(filePath, text) }).findings;
};

const parsesOk = (text: string, file = 'a.ts') => firstParseError(parseSource(text, file)) === undefined;

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = tempProject(files, 'errlint-fix-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('fixText', () => {
  it('applies safe fixes only, and reports what remains', async () => {
    const src = "var a = 1;\ntry { f(); } catch (e) { throw new Error('x'); }\n";
    const r = await fixText(src, 'a.ts', lint, { mode: 'fix' });
    expect(r.output).toBe("let a = 1;\ntry { f(); } catch (e) { throw new Error('x'); }\n");
    expect(r.byRule).toEqual({ 'test-var': 1 });
    expect(r.remaining.map((f) => f.ruleId)).toEqual(['test-cause']);
  });

  it('repeats passes until nothing changes, at most ten', async () => {
    const nested = `const x = ${'('.repeat(14)}1${')'.repeat(14)};\n`;
    const r = await fixText(nested, 'a.ts', lint, { mode: 'fix' });
    expect(r.passes).toBeGreaterThan(1);
    expect(r.passes).toBeLessThanOrEqual(MAX_FIX_PASSES);
    const all = await fixText(`const x = ((((1))));\n`, 'a.ts', lint, { mode: 'fix' });
    expect(all.output).toBe('const x = (1);\n');
    const one = await fixText(`const x = ((((1))));\n`, 'a.ts', lint, { mode: 'fix' }, 1);
    expect(one.passes).toBe(1);
    expect(one.output).not.toBe('const x = (1);\n');
  });

  it('drops a fix that would leave a syntax error and keeps the others', async () => {
    const r = await fixText('var a = 1;\ndebugger;\n', 'a.ts', lint, { mode: 'fix' });
    expect(r.output).toBe('let a = 1;\ndebugger;\n');
    expect(r.dropped).toBe(1);
    expect(parsesOk(r.output)).toBe(true);
  });

  it('limits fixing to --fix-rule ids', async () => {
    const r = await fixText('var a = ((1));\n', 'a.ts', lint, { mode: 'fix', rules: ['test-paren'] });
    expect(r.output).toBe('var a = (1);\n');
  });

  it('applies the first suggestion of the named rules with --apply-suggestions', async () => {
    const src = "var a = 1;\ntry { f(); } catch (err) { throw new Error('x'); }\n";
    const r = await fixText(src, 'a.ts', lint, { mode: 'suggestions', rules: ['test-cause'] });
    expect(r.output).toBe("var a = 1;\ntry { f(); } catch (err) { throw new Error('x', { cause: err }); }\n");
    expect(() => selectEdits([], { mode: 'suggestions' })).toThrow(/rule ids/);
  });

  it('leaves text that does not parse alone', async () => {
    const r = await fixText('var a = (;\n', 'a.ts', lint, { mode: 'fix' });
    expect(r).toMatchObject({ changed: false, output: 'var a = (;\n' });
  });
});

describe('fixFiles', () => {
  it('is idempotent: a second --fix changes nothing', async () => {
    const cwd = project({ 'src/a.ts': 'var a = ((1));\nvar b = 2;\n', 'src/b.ts': 'const ok = 1;\n' });
    const first = await fixFiles({ cwd, files: ['src/a.ts', 'src/b.ts'], lint, selection: { mode: 'fix' } });
    expect(first.files.map((f) => f.status)).toEqual(['fixed', 'unchanged']);
    const after = fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8');
    expect(after).toBe('let a = (1);\nlet b = 2;\n');
    const second = await fixFiles({ cwd, files: ['src/a.ts', 'src/b.ts'], lint, selection: { mode: 'fix' } });
    expect(second.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    expect(second.applied).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(after);
  });

  it('prints unified diffs and writes nothing on a dry run', async () => {
    const cwd = project({ 'src/a.ts': 'var a = 1;\n' });
    const r = await fixFiles({ cwd, files: ['src/a.ts'], lint, selection: { mode: 'fix' }, dryRun: true });
    expect(r.files[0]!.status).toBe('would-fix');
    expect(r.diff).toBe('--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,1 +1,1 @@\n-var a = 1;\n+let a = 1;\n');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe('var a = 1;\n');
  });

  it('never overwrites a file that changed between read and write', async () => {
    const cwd = project({ 'src/a.ts': 'var a = 1;\n' });
    const abs = path.join(cwd, 'src/a.ts');
    const racing: LintText = (text, file) => {
      const findings = lint(text, file);
      fs.writeFileSync(abs, 'const edited = "by someone else";\n');
      return findings;
    };
    const r = await fixFiles({ cwd, files: ['src/a.ts'], lint: racing, selection: { mode: 'fix' } });
    expect(r.files[0]).toMatchObject({ status: 'conflict' });
    expect(fs.readFileSync(abs, 'utf8')).toBe('const edited = "by someone else";\n');
    expect(fs.readdirSync(path.join(cwd, 'src'))).toEqual(['a.ts']);
  });

  it('preserves the mode, the byte-order mark and line endings, and follows symlinks', async () => {
    const cwd = project({ 'src/run.ts': '\uFEFFvar a = 1;\r\nvar b = 2;\r\n', 'src/real.ts': 'var c = 3;\n' });
    fs.chmodSync(path.join(cwd, 'src/run.ts'), 0o750);
    fs.symlinkSync('real.ts', path.join(cwd, 'src/link.ts'));
    const r = await fixFiles({ cwd, files: ['src/run.ts', 'src/link.ts'], lint, selection: { mode: 'fix' } });
    expect(r.files.map((f) => f.status)).toEqual(['fixed', 'fixed']);
    expect(fs.readFileSync(path.join(cwd, 'src/run.ts'), 'utf8')).toBe('\uFEFFlet a = 1;\r\nlet b = 2;\r\n');
    expect(fs.statSync(path.join(cwd, 'src/run.ts')).mode & 0o777).toBe(0o750);
    expect(fs.lstatSync(path.join(cwd, 'src/link.ts')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'src/real.ts'), 'utf8')).toBe('let c = 3;\n');
  });

  it('leaves a file that is not valid UTF-8 alone', async () => {
    const cwd = project({});
    fs.mkdirSync(path.join(cwd, 'src'));
    const bytes = Buffer.concat([Buffer.from('var a = "'), Buffer.from([0xff, 0xfe]), Buffer.from('";\n')]);
    fs.writeFileSync(path.join(cwd, 'src/a.ts'), bytes);
    const r = await fixFiles({ cwd, files: ['src/a.ts'], lint, selection: { mode: 'fix' } });
    expect(r.files[0]).toMatchObject({ status: 'skipped', message: 'Not valid UTF-8; not fixed.' });
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts')).equals(bytes)).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file in one rename and refuses when the content hash no longer matches', () => {
    const cwd = project({ 'f.txt': 'one' });
    const file = path.join(cwd, 'f.txt');
    writeFileAtomic(file, 'two', { expectedHash: contentHash('one') });
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(() => writeFileAtomic(file, 'three', { expectedHash: contentHash('one') })).toThrow(FileChangedError);
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    fs.rmSync(file);
    expect(() => writeFileAtomic(file, 'four', { expectedHash: contentHash('two') })).toThrow(FileChangedError);
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(cwd)).toEqual(['f.txt']);
  });

  it('makes git-style diffs', () => {
    expect(unifiedDiff('x.ts', 'a\n', 'a\n')).toBe('');
    expect(unifiedDiff('x.ts', 'a\nb\n', 'a\nc\n')).toBe('--- a/x.ts\n+++ b/x.ts\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });

  it('lints each pass once', async () => {
    lintCalls = 0;
    await fixText('var a = 1;\n', 'a.ts', lint, { mode: 'fix' });
    // pass 1 lint, then the lint of the fixed text that finds nothing left
    expect(lintCalls).toBe(2);
  });
});
