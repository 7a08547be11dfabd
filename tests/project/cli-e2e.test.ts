import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, errlint } from '../utils/exec.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const built = fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'src', 'cli.js'));

// Needs `npm run build` first (as every end-to-end test of the CLI).
describe.runIf(built)('errlint audit on a project (built CLI)', () => {
  it('reports project findings in JSON with exit code 1 and empty stderr', () => {
    const cwd = path.join(FIXTURES, 'express-inconsistent');
    const r = errlint(['audit', '.', '--format', 'json', '--rule', 'inconsistent-error-shape', '--rule', 'missing-error-boundary'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual([
      'src/app.ts:5 missing-error-boundary',
      'src/routes/orders.ts:18 inconsistent-error-shape',
      'src/routes/payments.ts:12 inconsistent-error-shape',
    ]);
  });

  it('prints the shapes table in the text report, and nothing for a clean project', () => {
    const text = errlint(['audit', '--rule', 'inconsistent-error-shape'], path.join(FIXTURES, 'fastify-app'));
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Error response shapes');
    expect(text.stdout).toContain('* { detail, instance, status, title, type } (problem+json)      2');
    const clean = errlint(['audit', '--format', 'json', '--rule', 'inconsistent-error-shape', '--rule', 'missing-error-boundary'], path.join(FIXTURES, 'koa-app'));
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).findings).toEqual([]);
  });

  it('`errlint rules` marks both as project-level', () => {
    const r = errlint(['rules', '--format', 'json'], path.join(FIXTURES, 'koa-app'));
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; scope: string }[] | { rules: { id: string; scope: string }[] };
    const list = Array.isArray(rules) ? rules : rules.rules;
    for (const id of ['inconsistent-error-shape', 'missing-error-boundary']) expect(list.find((x) => x.id === id)?.scope).toBe('project');
  });
});
