import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';

// Two services log through a logger module of their own: one wraps pino (which takes `({ err }, msg)` and would
// drop an error passed after the message), the other winston (which takes `(msg, meta)`).
const sync = [
  "import { log } from './log';",
  'export function syncLater(queue: Queue, job: Job) {',
  '  queue.publish(job).catch(() => {});',
  '}',
  '',
].join('\n');

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'fleet', private: true, workspaces: ['services/*'] }),
  'services/billing/package.json': JSON.stringify({ name: '@fleet/billing', dependencies: { express: '4.18.0', pino: '9.0.0' } }),
  'services/billing/src/log.ts': "import pino from 'pino';\nconst base = pino({ level: 'info' });\nexport const log = base.child({ service: 'billing' });\n",
  'services/billing/src/sync.ts': sync,
  'services/mail/package.json': JSON.stringify({ name: '@fleet/mail', dependencies: { express: '4.18.0', winston: '3.0.0' } }),
  'services/mail/src/log.ts': "import winston from 'winston';\nexport const log = winston.createLogger({ level: 'info' });\n",
  'services/mail/src/sync.ts': sync,
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

describe('a logger exported by a project module carries its kind to the suggestions of the files using it', () => {
  it("drops a console-order log line for a pino logger, keeps it for winston; the finding stays either way", async () => {
    const run = await audit({ cwd, config: { rules: {} }, only: ['swallowed-catch'] });
    // the edits' texts joined: the handler's binding, then its body
    const byFile = Object.fromEntries(run.findings.map((f) => [f.file, f.suggestions.map((s) => s.edits.map((e) => e.text).join(''))]));
    expect(byFile).toEqual({
      'services/billing/src/sync.ts': [],
      'services/mail/src/sync.ts': ["error{ log.error('syncLater failed', error); }"],
    });
    expect(run.findings.every((f) => f.dependsOn === undefined && f.suggestions.every((s) => s.dependsOn === undefined))).toBe(true);
  });
});
