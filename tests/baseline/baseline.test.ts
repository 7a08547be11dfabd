import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  computeFingerprints,
  createBaseline,
  normalizeCode,
  parseBaseline,
  readBaseline,
  serializeBaseline,
  writeBaseline,
} from '../../src/baseline.js';
import { defineRule } from '../../src/define-rule.js';
import { createFileClassifier } from '../../src/engine/file-facts.js';
import { lintSource } from '../../src/engine/lint-source.js';
import { ConfigurationError } from '../../src/errors.js';
import { defaultKnowledge } from '../../src/knowledge/index.js';
import type { AnyRule, Finding } from '../../src/types.js';
import { tempProject } from '../utils/temp-project.js';

// Flags empty catch blocks.
const emptyCatch: AnyRule = defineRule({
  meta: {
    id: 'test-empty-catch',
    family: 'catch',
    risk: 'high',
    description: 'Flags empty catch blocks.',
    messages: { empty: 'Empty catch.' },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    fixable: false,
    hasSuggestions: false,
    preset: 'strict',
    precision: 'high',
  },
  create(context) {
    return {
      CatchClause(node) {
        const c = node as import('typescript').CatchClause;
        if (c.block.statements.length === 0) context.report({ node: c, messageId: 'empty' });
      },
    };
  },
});

const classify = createFileClassifier();

function audit(files: Record<string, string>): { findings: Finding[]; sources: Map<string, string> } {
  const findings: Finding[] = [];
  for (const [filePath, text] of Object.entries(files)) {
    findings.push(...lintSource({ text, filePath, rules: [{ rule: emptyCatch, options: {}, risk: 'high' }], knowledge: defaultKnowledge, file: classify(filePath, text) }).findings);
  }
  return { findings, sources: new Map(Object.entries(files)) };
}

const ORDER = `export class OrderService {
  async cancel(id: string) {
    try { await this.db.order.delete(id); } catch (e) {}
    try { await this.mail.send(id); } catch (e) {}
  }
}

export function refund() {
  try { pay(); } catch {}
}
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('fingerprints', () => {
  it('survive a block of code inserted above the findings', () => {
    const before = audit({ 'src/order.ts': ORDER });
    const inserted = `import { db } from './db';\n\n/** A new helper. */\nexport function helper(x: number) {\n  if (x > 1) {\n    return x * 2;\n  }\n  return x;\n}\n\n`;
    const after = audit({ 'src/order.ts': inserted + ORDER });
    expect(after.findings.map((f) => f.line)).not.toEqual(before.findings.map((f) => f.line));
    const baseline = createBaseline(before.findings, before.sources);
    const outcome = applyBaseline(after.findings, after.sources, baseline);
    expect(outcome).toMatchObject({ findings: [], absorbed: 3, stale: 0 });
  });

  it('survive re-indentation and comments inside the flagged code', () => {
    const before = audit({ 'a.ts': 'function f() {\n  try { g(); } catch (e) {}\n}\n' });
    const after = audit({ 'a.ts': 'function f() {\n    try {\n      g();\n    } catch (e) {\n      // TODO\n    }\n}\n' });
    expect(computeFingerprints(after.findings, after.sources)).toEqual(computeFingerprints(before.findings, before.sources));
    expect(normalizeCode('catch (e) {\n  /* x */ }')).toBe('catch ( e ) { }');
  });

  it('tell identical code apart by function and by occurrence', () => {
    const { findings, sources } = audit({ 'src/order.ts': ORDER });
    const ids = computeFingerprints(findings, sources);
    expect(new Set(ids.map((i) => i.fingerprint)).size).toBe(3);
    expect(ids.map((i) => i.context)).toEqual(['OrderService.cancel', 'OrderService.cancel', 'refund']);
  });

  it('fall back to the message when the file text is not at hand', () => {
    const { findings } = audit({ 'a.ts': 'try {} catch {}\n' });
    const [a] = computeFingerprints(findings, undefined);
    const [b] = computeFingerprints(findings, new Map());
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.context).toBe('');
  });
});

describe('applyBaseline', () => {
  it('reports new findings and counts entries that no longer match', () => {
    const old = audit({ 'src/order.ts': ORDER });
    const baseline = createBaseline(old.findings, old.sources);
    // the mail catch is fixed, a new empty catch appears in refund
    const now = audit({ 'src/order.ts': ORDER.replace('catch (e) {}\n  }', 'catch (e) { log(e); }\n  }').replace('try { pay(); } catch {}', 'try { pay(); } catch {}\n  try { pay2(); } catch {}') });
    const outcome = applyBaseline(now.findings, now.sources, baseline);
    expect(outcome.absorbed).toBe(2);
    expect(outcome.stale).toBe(1);
    expect(outcome.findings.map((f) => f.line)).toEqual([10]);
    expect(outcome.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('absorbs each entry once, so a second copy of old debt shows', () => {
    const one = audit({ 'a.ts': 'function f() {\n  try { g(); } catch {}\n}\n' });
    const two = audit({ 'a.ts': 'function f() {\n  try { g(); } catch {}\n  try { g(); } catch {}\n}\n' });
    const outcome = applyBaseline(two.findings, two.sources, createBaseline(one.findings, one.sources));
    expect(outcome.absorbed).toBe(1);
    expect(outcome.findings).toHaveLength(1);
  });

  it('neither matches nor counts stale the entries outside the scope of the run', () => {
    const all = audit({ 'a.ts': 'try {} catch {}\n', 'b.ts': 'try {} catch {}\n' });
    const baseline = createBaseline(all.findings, all.sources);
    const onlyA = audit({ 'a.ts': 'try {} catch {}\n' });
    expect(applyBaseline(onlyA.findings, onlyA.sources, baseline)).toMatchObject({ absorbed: 1, stale: 1 });
    expect(applyBaseline(onlyA.findings, onlyA.sources, baseline, { files: new Set(['a.ts']) })).toMatchObject({ absorbed: 1, stale: 0 });
  });
});

describe('baseline file', () => {
  it('is sorted, pretty, deterministic JSON without line numbers', () => {
    const { findings, sources } = audit({ 'src/z.ts': 'try {} catch {}\n', 'src/order.ts': ORDER });
    const text = serializeBaseline(createBaseline([...findings].reverse(), sources));
    expect(text).toBe(serializeBaseline(createBaseline(findings, sources)));
    const data = JSON.parse(text) as { version: number; tool: string; findings: { file: string; ruleId: string; context: string; fingerprint: string }[] };
    expect(data.version).toBe(1);
    expect(data.findings.map((e) => e.file)).toEqual(['src/order.ts', 'src/order.ts', 'src/order.ts', 'src/z.ts']);
    expect(Object.keys(data.findings[0]!)).toEqual(['file', 'ruleId', 'context', 'fingerprint']);
    expect(text).not.toMatch(/"line"/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseBaseline(text, 'b.json')).toEqual(createBaseline(findings, sources));
  });

  it('is written atomically, read back, and kept outside the scope of an update', () => {
    const cwd = tempProject({}, 'errlint-baseline-');
    dirs.push(cwd);
    const all = audit({ 'a.ts': 'try {} catch {}\n', 'b.ts': 'try {} catch {}\n' });
    expect(readBaseline('.errlint/baseline.json', cwd).findings).toEqual([]);
    expect(writeBaseline('.errlint/baseline.json', cwd, all.findings, all.sources)).toBe(2);
    const previous = readBaseline('.errlint/baseline.json', cwd);
    // a run over a.ts only, where the finding was fixed: b.ts's entry stays
    expect(writeBaseline('.errlint/baseline.json', cwd, [], new Map(), { previous, scope: { files: new Set(['a.ts']) } })).toBe(1);
    expect(readBaseline('.errlint/baseline.json', cwd).findings.map((e) => e.file)).toEqual(['b.ts']);
    expect(fs.readdirSync(path.join(cwd, '.errlint'))).toEqual(['baseline.json']);
  });

  it('refuses a file that is not a baseline of this version', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(ConfigurationError);
    expect(() => parseBaseline('[]', 'b.json')).toThrow(/not an errlint baseline/);
    expect(() => parseBaseline('{"version":2,"tool":"errlint","findings":[]}', 'b.json')).toThrow(/version 2/);
    expect(() => parseBaseline('{"version":1,"tool":"errlint","findings":[{"file":"a.ts"}]}', 'b.json')).toThrow(/findings\[0\]/);
  });
});
