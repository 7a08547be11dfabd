import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../../src/eslint/plugin.js';
import { runProjectTests } from '../utils/project-tester.js';

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

const rules = ['swallowed-catch', 'lost-error-context'];
const at = (line: number, column: number, rule: string, message: string) => ({ file: 'src/service.ts', line, column, rule, message });
const findings = [
  at(9, 5, 'swallowed-catch', 'The error caught here is replaced by a constant message in `audit.warn`: the error itself is dropped and the failure does not reach the caller.'),
  at(10, 5, 'lost-error-context', 'This `audit.warn` call reports the failure without the caught error: its message, stack trace and error type are lost.'),
  at(17, 5, 'swallowed-catch', 'The error caught here is replaced by a constant message in `.report`: the error itself is dropped and the failure does not reach the caller.'),
  at(18, 5, 'lost-error-context', 'This `report` call reports the failure without the caught error: its message, stack trace and error type are lost.'),
  at(34, 11, 'lost-error-context', '`Outage` replaces the caught error without carrying it: the original message, stack trace and error type are lost.'),
  at(58, 11, 'lost-error-context', '`AppFault` replaces the caught error without carrying it: the original message, stack trace and error type are lost.'),
];

runProjectTests('loggers, error-recording helpers and error classes declared in other modules', [
  {
    name: 'are known to the catch rules',
    rules,
    files,
    findings,
    more: (project) => {
      it('drops the finding when the imported binding turns out not to be a logger (editor session)', () => {
        const file = path.join(project.cwd, 'src/observability.ts');
        const before = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, 'export const audit = { warn: (message: string) => message };\n');
        try {
          expect(project.eslint('src/service.ts').filter((f) => f.rule === 'swallowed-catch')).toEqual([findings[2]]);
        } finally {
          fs.writeFileSync(file, before);
        }
      });
    },
  },
  { name: 'are still known when only the service file is audited', rules, files, paths: ['src/service.ts'], findings },
]);

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
