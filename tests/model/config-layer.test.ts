/**
 * A data layer only the config defines (an id, its modules, client types and write methods): two writes
 * through a value of one of its client types need a transaction, also when a built-in layer uses the same type
 * name (`Connection`, `Pool`, `Model`): the file's import says whose it is.
 */
import { runProjectTests } from '../utils/project-tester.js';

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

const nonAtomic = (file: string) => ({ file, line: 4, column: 9, rule: 'missing-transaction', message: "2 database writes in 'move' are not in one transaction (lines 4, 5)." });

runProjectTests('a data layer defined only in the config', [
  {
    name: 'gives a missing-transaction finding for two writes through a parameter of its client type',
    rules: ['missing-transaction'],
    config,
    files: {
      'src/client.ts': move('AcmeClient'),
      'src/connection.ts': move('Connection'),
      'src/pool.ts': move('Pool'),
      'src/model.ts': move('Model'),
      // a parameter name that carries the caller's transaction leaves the writes to the caller
      'src/in-caller.ts': move('AcmeClient', 'tx'),
    },
    findings: [nonAtomic('src/client.ts'), nonAtomic('src/connection.ts'), nonAtomic('src/model.ts'), nonAtomic('src/pool.ts')],
  },
  {
    // the same writes, the layer not configured: unknown methods on an unknown type
    name: 'is not known without the config',
    rules: ['missing-transaction'],
    files: { 'other/plain.ts': move('AcmeClient') },
    findings: [],
  },
]);
