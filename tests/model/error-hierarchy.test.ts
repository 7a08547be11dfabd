import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// generic-error knows the project's error hierarchy across files: `Forbidden`, declared in one module on a base
// declared in another, is an error class, so a plain Error thrown beside it is inconsistent; `Refund`, a plain
// class of the same shape, is not, so a plain Error beside it is no finding.
const orders = [
  "import { Forbidden } from './errors/forbidden';",
  'export function ship(order: { shipped: boolean; owner: string }, user: string) {',
  '  if (order.owner !== user) throw new Forbidden();',
  "  if (order.shipped) throw new Error('Order is already shipped');",
  '  order.shipped = true;',
  '}',
  '',
].join('\n');
const refunds = [
  "import { Refund } from './refund';",
  'export function refund(amount: number) {',
  '  if (amount > 0) throw new Refund();',
  "  if (amount === 0) throw new Error('Nothing to refund');",
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '5.0.0' } }),
  'src/errors/base.ts': 'export class AppError extends Error {}\n',
  'src/errors/forbidden.ts': "import { AppError } from './base';\nexport class Forbidden extends AppError {\n  status = 403;\n}\n",
  'src/orders.ts': orders,
  'src/refund.ts': 'export class Refund {\n  amount = 0;\n}\n',
  'src/refunds.ts': refunds,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const message = 'A plain `Error` is thrown in a file that throws `Forbidden`: callers and the error handler can only tell this failure apart by matching its message text.';
const expected = [{ file: 'src/orders.ts', line: 4, message }];

describe('an error class whose chain runs through other modules', () => {
  it('is an error of the project for generic-error, through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['generic-error'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same by the real CLI', () => {
    const r = errlint(['audit', '--rule', 'generic-error', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number; message: string }[] };
    expect(report.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual(expected);
  });

  it('is judged the same in ESLint, reading the class chain on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/generic-error': 'error' as const } }];
    expect(linter.verify(orders, config, path.join(cwd, 'src/orders.ts')).map((m) => ({ line: m.line, message: m.message }))).toEqual([{ line: 4, message }]);
    expect(linter.verify(refunds, config, path.join(cwd, 'src/refunds.ts'))).toEqual([]);
  });
});
