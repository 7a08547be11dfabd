import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import plugin from '../../src/eslint/plugin.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// A service whose loggers, error-recording helpers and error classes are all declared in other modules, under
// names errlint cannot judge from the service file alone.
const service = [
  "import { audit, report } from './lib';",
  "import { notify } from './helpers';",
  "import { Gone, Outage, RecordMissingError, AppFault } from './errors/http';",
  "import { db } from './db';",
  '',
  'export async function sync(id: string) {',
  '  try {',
  '    await db.sync(id);',
  '  } catch (e) {',
  "    audit.warn('sync failed');",
  '  }',
  '}',
  '',
  'export async function push(id: string) {',
  '  try {',
  '    await db.push(id);',
  '  } catch (e) {',
  "    report('push failed');",
  '  }',
  '}',
  '',
  'export async function ping(id: string) {',
  '  try {',
  '    await db.ping(id);',
  '  } catch (e) {',
  "    notify('ping failed');",
  '  }',
  '}',
  '',
  'export async function load(id: string) {',
  '  try {',
  '    return await db.load(id);',
  '  } catch (e) {',
  "    throw new Outage('load failed');",
  '  }',
  '}',
  '',
  'export function cached(entry: { value: () => string }) {',
  '  try {',
  '    return entry.value();',
  '  } catch {',
  "    throw new Gone('entry expired');",
  '  }',
  '}',
  '',
  'export function lookup(entry: { value: () => string }) {',
  '  try {',
  '    return entry.value();',
  '  } catch {',
  "    throw new RecordMissingError('no entry');",
  '  }',
  '}',
  '',
  'export function read(entry: { value: () => string }) {',
  '  try {',
  '    return entry.value();',
  '  } catch {',
  "    throw new AppFault('unreadable entry');",
  '  }',
  '}',
  '',
].join('\n');

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'svc', private: true, dependencies: { express: '5.0.0', pino: '9.0.0', '@sentry/node': '8.0.0' } }),
  // a logger instance under a name that says nothing, exported through a barrel with `export *`
  'src/observability.ts': "import pino from 'pino';\nexport const audit = pino({ level: 'info' });\n",
  // a Sentry wrapper: records the error it receives
  'src/report.ts': "import * as Sentry from '@sentry/node';\nexport function reportFailure(err: unknown, where?: string) {\n  Sentry.captureException(err, { tags: { where } });\n}\n",
  'src/lib/index.ts': "export * from '../observability';\nexport { reportFailure as report } from '../report';\n",
  // prints only: console output is not a record, so calling it is not logging
  'src/helpers.ts': 'export function notify(message: string) {\n  console.log(message);\n}\n',
  // an error hierarchy over two files: a base class, a 4xx by its status, a 4xx by its name, a plain one
  'src/errors/base.ts': 'export class AppFault extends Error {\n  constructor(message: string) {\n    super(message);\n  }\n}\n',
  'src/errors/http.ts':
    "import { AppFault } from './base';\nexport { AppFault };\nexport class Gone extends AppFault {\n  status = 410;\n}\nexport class RecordMissingError extends AppFault {\n  constructor(message: string) {\n    super(message);\n    this.statusCode = 404;\n  }\n  statusCode: number;\n}\nexport class Outage extends AppFault {}\n",
  'src/db.ts': 'export const db = {\n  sync: async (id: string) => id,\n  push: async (id: string) => id,\n  ping: async (id: string) => id,\n  load: async (id: string) => id,\n};\n',
  'src/service.ts': service,
};

const cwd = tempProject(files);
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const rules = ['swallowed-catch', 'lost-error-context'];
const expected = [
  { rule: 'swallowed-catch', line: 9, message: 'The error caught here is replaced by a constant message in `audit.warn`: the error itself is dropped and the failure does not reach the caller.' },
  { rule: 'lost-error-context', line: 10, message: 'This `audit.warn` call reports the failure without the caught error: its message, stack trace and error type are lost.' },
  { rule: 'swallowed-catch', line: 17, message: 'The error caught here is replaced by a constant message in `.report`: the error itself is dropped and the failure does not reach the caller.' },
  { rule: 'lost-error-context', line: 18, message: 'This `report` call reports the failure without the caught error: its message, stack trace and error type are lost.' },
  { rule: 'lost-error-context', line: 34, message: '`Outage` replaces the caught error without carrying it: the original message, stack trace and error type are lost.' },
  { rule: 'lost-error-context', line: 58, message: '`AppFault` replaces the caught error without carrying it: the original message, stack trace and error type are lost.' },
];
const strip = (f: { ruleId: string; line: number; message: string }) => ({ rule: f.ruleId, line: f.line, message: f.message });
const byLine = (a: { line: number; rule: string }, b: { line: number; rule: string }) => a.line - b.line || a.rule.localeCompare(b.rule);

describe('loggers, error-recording helpers and error classes declared in other modules', () => {
  it('are known to the catch rules through the CLI engine', async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: rules });
    expect(run.findings.filter((f) => f.file === 'src/service.ts').map(strip).sort(byLine)).toEqual(expected);
    expect(run.findings.every((f) => f.dependsOn === undefined)).toBe(true);
  });

  it('are known the same by the real CLI', () => {
    const r = errlint(['audit', '--rule', rules[0]!, '--rule', rules[1]!, '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; line: number; message: string }[] };
    expect(report.findings.filter((f) => f.file === 'src/service.ts').map(strip).sort(byLine)).toEqual(expected);
  });

  it('are still known when only the service file is audited', async () => {
    const run = await audit({ cwd, paths: ['src/service.ts'], config: { rules: {} }, only: rules });
    expect(run.findings.map(strip).sort(byLine)).toEqual(expected);
  });

  it('are known the same in ESLint, reading the imported files on demand', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/swallowed-catch': 'error' as const, 'errlint/lost-error-context': 'error' as const } }];
    const messages = linter.verify(service, config, path.join(cwd, 'src/service.ts'));
    expect(messages.map((m) => ({ rule: m.ruleId!.replace('errlint/', ''), line: m.line, message: m.message })).sort(byLine)).toEqual(expected);
  });

  it('without the other modules, only what the file itself shows is reported (an editor buffer with no path)', () => {
    const linter = new Linter();
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/swallowed-catch': 'error' as const, 'errlint/lost-error-context': 'error' as const } }];
    const messages = linter.verify(service, config, 'service.ts');
    // RecordMissingError's and AppFault's names say they are errors and nothing here says either is a 4xx, so both
    // are reported (as before the model); what `audit`, `report` and `Outage` are needs the other modules
    expect(messages.map((m) => ({ rule: m.ruleId!.replace('errlint/', ''), line: m.line }))).toEqual([
      { rule: 'lost-error-context', line: 50 },
      { rule: 'lost-error-context', line: 58 },
    ]);
  });

  it('drops the finding when the imported binding turns out not to be a logger (editor session)', () => {
    const linter = new Linter({ cwd });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { errlint: plugin }, rules: { 'errlint/swallowed-catch': 'error' as const } }];
    const file = path.join(cwd, 'src/observability.ts');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, 'export const audit = { warn: (message: string) => message };\n');
    try {
      expect(linter.verify(service, config, path.join(cwd, 'src/service.ts')).map((m) => m.line)).toEqual([17]);
    } finally {
      fs.writeFileSync(file, before);
    }
  });
});
