/**
 * The real ESLint command line (10.x and 9.x) on a copy of the fixture project, with a flat config that imports
 * the BUILT plugin and uses `configs.recommended`: the messages are the CLI's findings for the recommended rules,
 * and `eslint --fix` applies the safe fixes and leaves files that parse.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { firstParseError, parseSource } from '../../src/engine/lint-source.js';
import { fileRules } from '../../src/eslint/plugin.js';
import { copyFixture, ensureBuilt, eslintBins } from './helpers/project.js';

const run = promisify(execFile);

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; column: number; message: string; fatal?: boolean; fix?: unknown }[];
  fixableErrorCount: number;
  fixableWarningCount: number;
}

async function eslint(bin: string, cwd: string, ...args: string[]): Promise<{ code: number; results: EslintResult[]; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--format', 'json', ...args, '.'], { cwd, timeout: 90_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, results: JSON.parse(stdout) as EslintResult[], stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (e.code !== 1 || !e.stdout) throw new Error(`eslint exited with ${String(e.code)}: ${e.stderr ?? ''}`, { cause: error });
    return { code: 1, results: JSON.parse(e.stdout) as EslintResult[], stderr: e.stderr ?? '' };
  }
}

const recommended = new Set(fileRules.filter((r) => r.meta.preset === 'recommended').map((r) => r.meta.id));
const severity = new Map(fileRules.map((r) => [r.meta.id, r.meta.risk === 'critical' || r.meta.risk === 'high' ? 2 : 1]));
const dirs: string[] = [];

/** What errlint's own audit finds with the recommended rules, as `file:line:column rule severity`. */
async function expectedRows(cwd: string): Promise<string[]> {
  const off = Object.fromEntries(fileRules.filter((r) => r.meta.preset !== 'recommended').map((r) => [r.meta.id, 'off' as const]));
  const result = await audit({ cwd, config: { rules: off } });
  return result.findings.filter((f) => recommended.has(f.ruleId)).map((f) => `${f.file}:${f.line}:${f.column} errlint/${f.ruleId} ${severity.get(f.ruleId)}`).sort();
}

function rows(cwd: string, results: EslintResult[]): string[] {
  return results
    .flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('errlint/') && recommended.has(m.ruleId.slice(8))).map((m) => `${path.relative(cwd, r.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId} ${m.severity}`))
    .sort();
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.entries(eslintBins))('%s command line', (_name, bin) => {
  it('reports the recommended rules\' findings, as errlint does, with severities from risk', async () => {
    const cwd = copyFixture('project');
    dirs.push(cwd);
    const { results, stderr } = await eslint(bin, cwd);
    expect(stderr).toBe('');
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal))).toEqual([]);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(['db.ts', 'eslint.config.mjs', 'legacy.cjs', 'logger.ts', 'notify.js', 'orders.ts', 'payments.spec.ts', 'payments.ts']);
    expect(rows(cwd, results)).toEqual(await expectedRows(cwd));
  });

  it('--fix applies the safe fixes and leaves files that parse', async () => {
    const cwd = copyFixture('project');
    dirs.push(cwd);
    const before = await eslint(bin, cwd);
    const fixable = before.results.filter((r) => r.messages.some((m) => m.ruleId?.startsWith('errlint/') && m.fix));
    await eslint(bin, cwd, '--fix');
    const after = await eslint(bin, cwd);
    for (const r of after.results) {
      const text = readFileSync(r.filePath, 'utf8');
      expect(firstParseError(parseSource(text, r.filePath)), r.filePath).toBeUndefined();
      expect(r.messages.filter((m) => m.ruleId?.startsWith('errlint/') && m.fix)).toEqual([]);
    }
    for (const r of fixable) expect(readFileSync(r.filePath, 'utf8')).not.toBe(readFileSync(r.filePath.replace(cwd, path.resolve('tests/eslint/fixtures/project')), 'utf8'));
    expect(rows(cwd, after.results)).toEqual(await expectedRows(cwd));
  });
});
