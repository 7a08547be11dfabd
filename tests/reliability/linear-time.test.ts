import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { resolveRules } from '../../src/config/load-config.js';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { resolveKnowledge } from '../../src/knowledge/index.js';
import { textReporter } from '../../src/reporters/text.js';
import type { AuditResult } from '../../src/result.js';
import { compiler, type TS } from '../../src/ts.js';
import { flatFunctions, flatTries, nested, siblingTries } from './generate.js';

/**
 * Work is counted, not timed: every call into the TypeScript API a rule or the engine makes (node tests,
 * child walks, positions) goes through this namespace. Linear work grows 4x when the file grows 4x;
 * the quadratic scans of issue 19 grew 16x.
 */
function counted(): { t: TS; calls: () => number } {
  let calls = 0;
  const wrapped = new Map<PropertyKey, unknown>();
  const t = new Proxy(compiler, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function' || /^[A-Z]/.test(String(key))) return value;
      let fn = wrapped.get(key);
      if (!fn) {
        const original = value as (...args: unknown[]) => unknown;
        wrapped.set(key, (fn = (...args: unknown[]) => {
          calls++;
          return original.apply(target, args);
        }));
      }
      return fn;
    },
  });
  return { t, calls: () => calls };
}

const rules = resolveRules({ preset: 'strict' }, allRules).filter((r) => (r.rule.meta.scope ?? 'file') === 'file');
const knowledge = resolveKnowledge(undefined);
const classify = createFileClassifier();

function work(text: string, selected: readonly (typeof rules)[number][] = rules): { calls: number; findings: number } {
  const { t, calls } = counted();
  const result = lintSource({ text, filePath: 'src/service.ts', rules: selected, knowledge, file: classify('src/service.ts', text) }, t);
  expect(result.error).toBeUndefined();
  return { calls: calls(), findings: result.findings.length };
}

describe('work grows linearly with the file', () => {
  it.each([
    ['one-line functions with a console-logged catch', flatFunctions],
    ['top-level try statements with empty catches', flatTries],
  ])('%s', (_, generate) => {
    const small = work(generate(400));
    const large = work(generate(1600));
    expect(large.findings).toBe(4 * small.findings);
    expect(small.findings).toBeGreaterThan(0);
    expect(large.calls / small.calls).toBeLessThan(5);
  });
});

describe('sibling try statements (swallowed-catch, console-logging)', () => {
  // 4x the input: linear work grows about 4x; the bound leaves room for a log factor, not for n squared (16x)
  it.each([['sibling try statements in one function', siblingTries, 400]] as const)('%s', (_, generate, n) => {
    const small = work(generate(n));
    const large = work(generate(4 * n));
    expect(small.findings).toBeGreaterThan(0);
    expect(large.findings / small.findings).toBeGreaterThanOrEqual(3.9);
    expect(large.calls / small.calls).toBeLessThan(5);
  });
});

describe('work grows linearly with the nesting depth, for every rule', () => {
  // Each rule alone, then all together: try statements nested in try blocks, one long `.then().catch()` chain
  // (each level with a console-logging handler), and an else-if chain whose branches throw. Before per-node memos of the ancestor questions (nearest
  // function, class, loop, handler, statement) and summaries of nested try blocks computed once, these cost
  // 14-16x at 4x the depth in console-logging and swallowed-catch (issue 19). 150 -> 600 levels: swallowed-catch
  // follows at most 64 nested statement lists after a catch, so its cost per catch saturates below 150.
  const shapes = [
    ['nested try statements', (n: number) => nested('try', n)],
    ['a .then().catch() chain', (n: number) => nested('then', n)],
    // each branch throws: the throw's walks up (generic-error, lost-error-context) crossed every earlier branch
    ['an else-if chain', (n: number) => nested('elseIf', n)],
  ] as const;
  const each = [...rules.map((r) => [r.rule.meta.id, [r]] as const), ['every rule', rules] as const];
  describe.each(shapes)('%s', (_, generate) => {
    it.each(each)('%s', (_, selected) => {
      const small = work(generate(150), selected);
      const large = work(generate(600), selected);
      // a finding per level keeps being found at depth (the chain's one unchecked `fetch` stays one)
      expect(large.findings).toBeGreaterThanOrEqual(4 * small.findings - 3);
      expect(large.calls / small.calls, `${large.calls} / ${small.calls} calls`).toBeLessThan(5);
    });
  });
  it('the nested try and then cases report every level (the growth above is measured with findings)', () => {
    for (const [, generate] of shapes.slice(0, 2)) expect(work(generate(150)).findings).toBeGreaterThanOrEqual(300);
  });
  it.each(['if', 'function', 'plus', 'paren', 'call', 'array'] as const)('nested %s, every rule', (kind) => {
    const small = work(nested(kind, 150));
    const large = work(nested(kind, 600));
    expect(large.calls / small.calls, `${large.calls} / ${small.calls} calls`).toBeLessThan(5);
  });
});

describe('the text reporter grows linearly with the findings', () => {
  // lines split and suggestions diffed per finding: counted as characters handed to String.prototype.split
  it('splits each file once, whatever the number of findings', () => {
    const report = (n: number): number => {
      const text = flatTries(n);
      const result = lintSource({ text, filePath: 'src/service.ts', rules, knowledge, file: classify('src/service.ts', text) });
      const run: AuditResult = { tool: { name: 'errlint', version: '0' }, cwd: '/', findings: result.findings, errors: [], filesScanned: 1, durationMs: 0, rules: [], sources: new Map([['src/service.ts', text]]) };
      const split = String.prototype.split;
      let chars = 0;
      String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
        chars += this.length;
        return split.apply(this, args);
      } as typeof split;
      try {
        textReporter(run, { cwd: '/', color: false, timing: false });
      } finally {
        String.prototype.split = split;
      }
      return chars;
    };
    expect(report(1600) / report(400)).toBeLessThan(5);
  });
});
