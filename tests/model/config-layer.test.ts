/**
 * A data layer only the config defines (an id, its modules, client types and write methods): two writes
 * through a value of one of its client types need a transaction, also when a built-in layer uses the same type
 * name (`Connection`, `Pool`, `Model`): the file's import says whose it is.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const move = (type: string, writer = 'store'): string =>
  [
    `import type { ${type} } from 'acme-db';`,
    '',
    `export async function move(${writer}: ${type}, from: string, to: string) {`,
    `  await ${writer}.put(to, 1);`,
    `  await ${writer}.remove(from);`,
    '}',
    '',
  ].join('\n');

const config = {
  knowledge: { database: { layers: [{ id: 'acme', name: 'Acme', modules: ['acme-db'], clientTypes: ['AcmeClient', 'Connection', 'Pool', 'Model'], writeMethods: ['put', 'remove'] }] } },
};

const cwd = tempProject({
  '.errlintrc.json': JSON.stringify(config),
  'src/client.ts': move('AcmeClient'),
  'src/connection.ts': move('Connection'),
  'src/pool.ts': move('Pool'),
  'src/model.ts': move('Model'),
  // a parameter name that carries the caller's transaction leaves the writes to the caller
  'src/in-caller.ts': move('AcmeClient', 'tx'),
  // the same writes, the layer not configured: unknown methods on an unknown type
  'other/plain.ts': move('AcmeClient'),
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

describe('a data layer defined only in the config', () => {
  it('gives a missing-transaction finding for two writes through a parameter of its client type', () => {
    const r = errlint(['audit', 'src', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none'], cwd);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; messageId: string; message: string }[] }).findings;
    expect(findings.map((f) => [f.file, f.line, f.column, f.messageId]).sort()).toEqual([
      ['src/client.ts', 4, 9, 'nonAtomicWrites'],
      ['src/connection.ts', 4, 9, 'nonAtomicWrites'],
      ['src/model.ts', 4, 9, 'nonAtomicWrites'],
      ['src/pool.ts', 4, 9, 'nonAtomicWrites'],
    ]);
    expect(findings[0]!.message).toBe("2 database writes in 'move' are not in one transaction (lines 4, 5).");
  });

  it('is not known without the config', () => {
    const r = errlint(['audit', 'other', '--rule', 'missing-transaction', '--format', 'json', '--fail-on', 'none', '--no-config-lookup'], cwd);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});
