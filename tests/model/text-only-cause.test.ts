import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { tempProject } from '../utils/temp-project.js';

// lost-error-context across files: the project's error class (declared in another module, its second parameter the
// cause) is thrown in a catch with `undefined` for the cause, and the only other use of the caught error is a log
// line built from `errorToString(error)`, a helper of a third module that hands on the error's text. The text is
// no record of the error, so the new error drops it; the same catch that passes the error as the cause is fine.
const sync = [
  "import { SyncError } from './errors';",
  "import { errorToString } from './util/errors';",
  "import { out } from './util/log';",
  'export async function linkPatient(patientId: string, tokens: { create(p: object): Promise<string> }) {',
  '  try {',
  '    return await tokens.create({ patientId });',
  '  } catch (error) {',
  '    out(patientId).log(`Patient link failed - ${errorToString(error)}`);',
  "    throw new SyncError('Patient link failed', undefined, { patientId });",
  '  }',
  '}',
  '',
].join('\n');
const kept = sync.replace("throw new SyncError('Patient link failed', undefined, { patientId })", "throw new SyncError('Patient link failed', error, { patientId })");

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'ehr', private: true, dependencies: { express: '5.0.0' } }),
  'src/errors.ts': 'export class SyncError extends Error {\n  status = 500;\n  constructor(message: string, readonly cause?: unknown, readonly details?: Record<string, unknown>) {\n    super(message);\n  }\n}\n',
  'src/util/errors.ts': 'export function errorToString(err: unknown): string {\n  return err instanceof Error ? err.message : String(err);\n}\n',
  'src/util/log.ts': 'export function out(prefix: string) {\n  return { log: (msg: string) => process.stdout.write(`${prefix} ${msg}\\n`) };\n}\n',
  'src/sync.ts': sync,
  'src/kept.ts': kept,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const message = '`SyncError` replaces the caught error without carrying it: the original message, stack trace and error type are lost.';

describe('a project error class given no cause beside a text-only log', () => {
  it('is reported by the CLI engine, the class read from its module', async () => {
    const run = await audit({ cwd, config: { rules: { 'lost-error-context': 'on' } }, only: ['lost-error-context'] });
    expect(run.findings.map((f) => ({ file: f.file, line: f.line, message: f.message }))).toEqual([{ file: 'src/sync.ts', line: 9, message }]);
  });

  it('is reported the same in ESLint', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/lost-error-context': 'error' as const } }];
    expect(linter.verify(sync, config, path.join(cwd, 'src/sync.ts')).map((m) => ({ line: m.line, message: m.message }))).toEqual([{ line: 9, message }]);
    expect(linter.verify(kept, config, path.join(cwd, 'src/kept.ts'))).toEqual([]);
  });
});
