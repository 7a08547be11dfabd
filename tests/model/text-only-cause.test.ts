import { runProjectTests } from '../utils/project-tester.js';

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

const files = {
  'package.json': JSON.stringify({ name: 'ehr', private: true, dependencies: { express: '5.0.0' } }),
  'src/errors.ts': 'export class SyncError extends Error {\n  status = 500;\n  constructor(message: string, readonly cause?: unknown, readonly details?: Record<string, unknown>) {\n    super(message);\n  }\n}\n',
  'src/util/errors.ts': 'export function errorToString(err: unknown): string {\n  return err instanceof Error ? err.message : String(err);\n}\n',
  'src/util/log.ts': 'export function out(prefix: string) {\n  return { log: (msg: string) => process.stdout.write(`${prefix} ${msg}\\n`) };\n}\n',
  'src/sync.ts': sync,
  'src/kept.ts': kept,
};

runProjectTests('a project error class given no cause beside a text-only log', [
  {
    name: 'is reported, the class read from its module; the same catch passing the error as the cause is not',
    rules: ['lost-error-context'],
    files,
    findings: [{ file: 'src/sync.ts', line: 9, column: 11, rule: 'lost-error-context', message: '`SyncError` replaces the caught error without carrying it: the original message, stack trace and error type are lost.' }],
  },
]);
