import { runProjectTests } from '../utils/project-tester.js';

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

runProjectTests('an error class whose chain runs through other modules', [
  {
    name: 'is an error of the project for generic-error; a plain class of the same shape is not',
    rules: ['generic-error'],
    files: {
      'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '5.0.0' } }),
      'src/errors/base.ts': 'export class AppError extends Error {}\n',
      'src/errors/forbidden.ts': "import { AppError } from './base';\nexport class Forbidden extends AppError {\n  status = 403;\n}\n",
      'src/orders.ts': orders,
      'src/refund.ts': 'export class Refund {\n  amount = 0;\n}\n',
      'src/refunds.ts': refunds,
    },
    findings: [
      {
        file: 'src/orders.ts',
        line: 4,
        column: 28,
        rule: 'generic-error',
        message: 'A plain `Error` is thrown in a file that throws `Forbidden`: callers and the error handler can only tell this failure apart by matching its message text.',
      },
    ],
  },
]);
