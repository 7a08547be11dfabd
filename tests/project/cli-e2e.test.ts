import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

describe('errlint audit on a project (the CLI in-process)', () => {
  it('reports project findings in JSON with exit code 1 and empty stderr', async () => {
    const cwd = path.join(FIXTURES, 'express-inconsistent');
    const r = await run(['audit', '.', '--format', 'json', '--rule', 'inconsistent-error-shape', '--rule', 'missing-error-boundary'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual([
      'src/app.ts:5 missing-error-boundary',
      'src/routes/orders.ts:18 inconsistent-error-shape',
      'src/routes/payments.ts:12 inconsistent-error-shape',
    ]);
  });

  it('prints the shapes table in the text report, and nothing for a clean project', async () => {
    const text = await run(['audit', '--rule', 'inconsistent-error-shape'], path.join(FIXTURES, 'fastify-app'));
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Error response shapes');
    expect(text.stdout).toContain('* { detail, instance, status, title, type } (problem+json)      2');
    const clean = await run(['audit', '--format', 'json', '--rule', 'inconsistent-error-shape', '--rule', 'missing-error-boundary'], path.join(FIXTURES, 'koa-app'));
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).findings).toEqual([]);
  });

  it('`errlint rules` marks both as project-level', async () => {
    const r = await run(['rules', '--format', 'json'], path.join(FIXTURES, 'koa-app'));
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; scope: string }[] | { rules: { id: string; scope: string }[] };
    const list = Array.isArray(rules) ? rules : rules.rules;
    for (const id of ['inconsistent-error-shape', 'missing-error-boundary']) expect(list.find((x) => x.id === id)?.scope).toBe('project');
  });
});
