/**
 * Suggestions never break what the code promises (issue 16), checked two ways:
 * - every suggestion of every invalid table case of every rule, applied alone, leaves a file that parses (the
 *   rule tables check the outputs they list; this covers the suggestions a case does not list);
 * - on a project that type-checks (the payment-service fixture's before/, with its real Express, Drizzle and
 *   pino types), `--apply-suggestions` for every rule leaves zero type errors, every file parsing, and a second
 *   run finds nothing left to apply.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { firstParseError, parseSource } from '../../src/engine/lint-source.js';
import type { AnyRule } from '../../src/types.js';
import { REPO_ROOT, run } from '../utils/exec.js';
import { lintCase, type RuleCases } from '../utils/rule-tester.js';
import { cases as consoleLogging } from '../rules/console-logging.cases.js';
import { cases as genericError } from '../rules/generic-error.cases.js';
import { cases as inconsistentReturn } from '../rules/inconsistent-return.cases.js';
import { cases as leakedErrorResponse } from '../rules/leaked-error-response.cases.js';
import { cases as lostErrorContext } from '../rules/lost-error-context.cases.js';
import { cases as missingTransaction } from '../rules/missing-transaction.cases.js';
import { cases as sensitiveDataExposure } from '../rules/sensitive-data-exposure.cases.js';
import { cases as swallowedCatch } from '../rules/swallowed-catch.cases.js';
import { cases as uncheckedHttpCall } from '../rules/unchecked-http-call.cases.js';

const byId: Record<string, RuleCases> = {
  'console-logging': consoleLogging,
  'generic-error': genericError,
  'inconsistent-return': inconsistentReturn,
  'leaked-error-response': leakedErrorResponse,
  'lost-error-context': lostErrorContext,
  'missing-transaction': missingTransaction,
  'sensitive-data-exposure': sensitiveDataExposure,
  'swallowed-catch': swallowedCatch,
  'unchecked-http-call': uncheckedHttpCall,
};
const tables: Array<[AnyRule, RuleCases]> = allRules.filter((rule) => byId[rule.meta.id]).map((rule) => [rule, byId[rule.meta.id]!]);

describe('every suggestion of every table case parses', () => {
  it('covers the rules that offer suggestions', () => {
    expect(tables.length).toBeGreaterThanOrEqual(8);
  });

  it.each(tables.map(([rule, cases]) => [rule.meta.id, rule, cases] as const))('%s', (_id, rule, cases) => {
    let applied = 0;
    const broken: string[] = [];
    for (const c of cases.invalid) {
      const filePath = c.filename ?? 'src/file.ts';
      for (const finding of lintCase(rule, c)) {
        for (const s of finding.suggestions) {
          const out = applyEdits(c.code, [s.edits]).text;
          applied++;
          const error = firstParseError(parseSource(out, filePath));
          if (error) broken.push(`${s.messageId} on ${finding.line}:${finding.column} → ${error.message}\n${out}`);
        }
      }
    }
    expect(broken).toEqual([]);
    // a rule whose table yields no suggestion at all proves nothing here; say so rather than pass silently
    if (applied === 0) expect(Object.keys(rule.meta.messages).some((id) => /suggest/i.test(id))).toBe(false);
  });
});

/** Type errors of the project at `dir` (its tsconfig.json), as `file:line message` lines. */
function typeErrors(dir: string): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('applying every suggestion to a project that type-checks', () => {
  it('keeps zero type errors and every file parsing, and a second run has nothing left to apply', async () => {
    const fixture = path.join(REPO_ROOT, 'fixtures', 'payment-service');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-suggest-')));
    try {
      fs.cpSync(path.join(fixture, 'before'), dir, { recursive: true });
      fs.copyFileSync(path.join(fixture, 'package.json'), path.join(dir, 'package.json'));
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const base = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { ...base.compilerOptions, rootDir: '.', noEmit: true, noUnusedLocals: true, noUnusedParameters: true }, include: ['src'] }),
      );
      expect(typeErrors(dir), 'the fixture must type-check before any suggestion').toEqual([]);

      const ids = allRules.map((r) => r.meta.id).join(',');
      const first = await run(['audit', 'src', '--preset', 'strict', '--apply-suggestions', ids, '--fail-on', 'none'], dir);
      expect(first.code, first.stderr).toBe(0);
      const [, count] = /Applied (\d+) suggestions? in \d+ files?/.exec(first.stderr) ?? [];
      expect(Number(count), first.stderr).toBeGreaterThan(5);

      for (const file of fs.readdirSync(path.join(dir, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
        const text = fs.readFileSync(path.join(dir, 'src', file), 'utf8');
        expect(firstParseError(parseSource(text, file)), file).toBeUndefined();
      }
      expect(typeErrors(dir)).toEqual([]);

      const second = await run(['audit', 'src', '--preset', 'strict', '--apply-suggestions', ids, '--fail-on', 'none'], dir);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/Applied 0 suggestions in 0 files/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the cause suggestion follows the project's lib (issue 16)", () => {
  const source = `export async function readConfig(load: () => Promise<string>): Promise<string> {
  try {
    return await load();
  } catch (err) {
    throw new Error('config could not be read');
  }
}

export class ConfigError extends Error {}

export async function readSecret(load: () => Promise<string>): Promise<string> {
  try {
    return await load();
  } catch (err) {
    throw new ConfigError('secret could not be read');
  }
}
`;
  /** `compilerOptions` go to a tsconfig.base.json that the project's tsconfig.json extends. */
  const applyTo = async (compilerOptions: Record<string, unknown>, args = ['--apply-suggestions', 'lost-error-context'], summary = /Applied 2 suggestions in 1 file/): Promise<{ text: string; errors: string[] }> => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-cause-')));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'config.ts'), source);
      fs.writeFileSync(path.join(dir, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [], ...compilerOptions } }));
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['src'] }));
      expect(typeErrors(dir), 'the project must type-check before the suggestion').toEqual([]);
      const r = await run(['audit', 'src', '--rule', 'lost-error-context', ...args, '--fail-on', 'none'], dir);
      expect(r.stderr).toMatch(summary);
      return { text: fs.readFileSync(path.join(dir, 'src', 'config.ts'), 'utf8'), errors: typeErrors(dir) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('passes { cause } to the constructor where lib es2022.error is in (target ES2022)', async () => {
    const { text, errors } = await applyTo({ target: 'ES2022' });
    expect(text).toContain("throw new Error('config could not be read', { cause: err });");
    expect(text).toContain("throw new ConfigError('secret could not be read', { cause: err });");
    expect(errors).toEqual([]);
  }, 60_000);

  it('attaches the cause with Object.assign where the lib has no ErrorOptions (target ES2021), and still type-checks', async () => {
    const { text, errors } = await applyTo({ target: 'ES2021' });
    expect(text).toContain("throw Object.assign(new Error('config could not be read'), { cause: err });");
    expect(text).toContain("throw Object.assign(new ConfigError('secret could not be read'), { cause: err });");
    expect(errors).toEqual([]);
  }, 60_000);

  it('--fix adds { cause } where the lib has ErrorOptions: Error and a class inheriting its constructor', async () => {
    const { text, errors } = await applyTo({ target: 'ES2022' }, ['--fix'], /Applied 2 fixes in 1 file/);
    expect(text).toContain("throw new Error('config could not be read', { cause: err });");
    expect(text).toContain("throw new ConfigError('secret could not be read', { cause: err });");
    expect(errors).toEqual([]);
  }, 60_000);

  it('--fix leaves the throws alone where the lib has no ErrorOptions (they stay suggestions)', async () => {
    const { text } = await applyTo({ target: 'ES2021' }, ['--fix'], /Applied 0 fixes in 0 files/);
    expect(text).toBe(source);
  }, 60_000);

  it('reads an explicit lib through extends', async () => {
    const { text, errors } = await applyTo({ target: 'ES2020', lib: ['ES2020', 'ES2022.Error'] });
    expect(text).toContain("throw new Error('config could not be read', { cause: err });");
    expect(errors).toEqual([]);
  }, 60_000);
});
