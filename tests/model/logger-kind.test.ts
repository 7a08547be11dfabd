import { runProjectTests } from '../utils/project-tester.js';

// Two services log through a logger module of their own: one wraps pino (which takes `({ err }, msg)` and would
// drop an error passed after the message), the other winston (which takes `(msg, meta)`).
const sync = [
  "import { log } from './log';",
  'export function syncLater(queue: Queue, job: Job) {',
  '  queue.publish(job).catch(() => {});',
  '}',
  '',
].join('\n');

const swallowed = (service: string, suggestions: { description: string; output: string }[]) => ({
  file: `services/${service}/src/sync.ts`,
  line: 3,
  column: 28,
  rule: 'swallowed-catch',
  message: 'The error caught here is discarded: the rejection handler is empty, so the failure leaves no trace and the caller carries on as if it succeeded.',
  suggestions,
});

runProjectTests('a logger exported by a project module carries its kind to the suggestions of the files using it', [
  {
    name: 'a console-order log line is dropped for a pino logger, kept for winston; the finding stays either way',
    rules: ['swallowed-catch'],
    files: {
      'package.json': JSON.stringify({ name: 'fleet', private: true, workspaces: ['services/*'] }),
      'services/billing/package.json': JSON.stringify({ name: '@fleet/billing', dependencies: { express: '4.18.0', pino: '9.0.0' } }),
      'services/billing/src/log.ts': "import pino from 'pino';\nconst base = pino({ level: 'info' });\nexport const log = base.child({ service: 'billing' });\n",
      'services/billing/src/sync.ts': sync,
      'services/mail/package.json': JSON.stringify({ name: '@fleet/mail', dependencies: { express: '4.18.0', winston: '3.0.0' } }),
      'services/mail/src/log.ts': "import winston from 'winston';\nexport const log = winston.createLogger({ level: 'info' });\n",
      'services/mail/src/sync.ts': sync,
    },
    findings: [
      swallowed('billing', []),
      swallowed('mail', [{ description: 'Record the error with `log` and keep the code as it goes on.', output: sync.replace('.catch(() => {})', ".catch((error) => { log.error('syncLater failed', error); })") }]),
    ],
  },
]);
