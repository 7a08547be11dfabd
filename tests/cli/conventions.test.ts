/** ESLint's command-line conventions, and `errlint init`, through the CLI in-process. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// one high-risk swallowed catch (money, exported), one low generic error
const SERVICE = `export async function refundPayment(id: string): Promise<boolean> {
  try {
    await charge(id);
  } catch (error) {
    return false;
  }
  return true;
}

export function parse(raw: string) {
  if (!raw) throw 'empty input';
  return raw;
}
`;

const project = (extra: Record<string, string> = {}) =>
  tempProject({ 'package.json': '{"name":"app"}', '.errlintrc.json': '{ "preset": "strict" }', 'src/payment.ts': SERVICE, ...extra });

interface Report {
  findings: { ruleId: string; risk: string }[];
}

describe('patterns that match no file', () => {
  it.each([['nomatch/**/*.ts'], ['missing-dir'], ['empty']])('exit 2 for %s, a notice with --no-error-on-unmatched-pattern', async (pattern) => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'empty'));
    const strict = await run(['audit', 'src', pattern], dir);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/^errlint: (No files matching the pattern "[^"]+" were found|No such file or directory: missing-dir)\. Check the path, or pass --no-error-on-unmatched-pattern to allow it\.\n$/);
    const lenient = await run(['audit', 'src', pattern, '--no-error-on-unmatched-pattern', '--format', 'json'], dir);
    expect(lenient.code).toBe(1); // src still has its findings
    expect(lenient.stderr).toContain(pattern);
    expect((JSON.parse(lenient.stdout) as Report).findings.length).toBeGreaterThan(0);
  });

  it('a later pattern that repeats files of an earlier one still matches', async () => {
    const r = await run(['audit', 'src', 'src/payment.ts', '--fail-on', 'none'], project());
    expect(r.code).toBe(0);
  });
});

describe('--max-findings', () => {
  it('exits 1 above the count, whatever --fail-on says, and the report says why', async () => {
    const dir = project();
    const total = (JSON.parse((await run(['audit', 'src', '--format', 'json'], dir)).stdout) as Report).findings.length;
    const over = await run(['audit', 'src', '--fail-on', 'none', '--max-findings', String(total - 1), '--no-timing'], dir);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(`exit 1 (--max-findings ${total - 1}): ${total} findings, more than --max-findings ${total - 1}`);
    const at = await run(['audit', 'src', '--fail-on', 'none', '--max-findings', String(total)], dir);
    expect(at.code).toBe(0);
    expect(at.stdout).toContain(`exit 0 (--max-findings ${total}): ${total} findings, at most ${total}`);
  });

  it.each(['-1', '1.5', 'many'])('refuses %s', async (value) => {
    const r = await run(['audit', 'src', '--max-findings', value], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-findings takes a whole number of at least 0');
  });
});

describe('showing findings by risk', () => {
  it('--min-risk leaves lower findings out of reports, counts and the gate', async () => {
    const dir = project();
    const all = JSON.parse((await run(['audit', 'src', '--format', 'json'], dir)).stdout) as Report;
    expect(all.findings.some((f) => f.risk === 'low')).toBe(true);
    const high = await run(['audit', 'src', '--format', 'json', '--min-risk', 'high'], dir);
    const shown = (JSON.parse(high.stdout) as Report).findings;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((f) => f.risk === 'critical' || f.risk === 'high')).toBe(true);
    const text = await run(['audit', 'src', '--min-risk', 'high', '--fail-on', 'low', '--no-timing'], dir);
    expect(text.stdout).toContain(`${all.findings.length - shown.length} finding`);
    expect(text.stdout).toContain('below high not shown');
  });

  it('--quiet shows only what fails the gate, as ESLint shows only errors', async () => {
    const dir = project();
    const quiet = JSON.parse((await run(['audit', 'src', '--format', 'json', '--quiet', '--fail-on', 'high'], dir)).stdout) as Report;
    expect(quiet.findings.map((f) => [f.ruleId, f.risk])).toEqual([['swallowed-catch', 'high']]);
    const all = JSON.parse((await run(['audit', 'src', '--format', 'json', '--fail-on', 'high'], dir)).stdout) as Report;
    expect(all.findings.map((f) => f.risk)).toContain('low');
    expect((await run(['audit', 'src', '--quiet', '--min-risk', 'low'], dir)).code).toBe(2);
  });

  it('--summary prints counts without finding details', async () => {
    const r = await run(['audit', 'src', '--summary', '--no-timing'], project());
    expect(r.stdout).toContain('swallowed-catch');
    expect(r.stdout).not.toContain('> 2 |');
  });
});

describe('--stdin', () => {
  it('audits the text as the named file, and refuses flags that need files', async () => {
    const dir = project();
    const r = await run(['audit', '--stdin', '--stdin-filename', 'src/refunds.ts', '--format', 'json'], dir, {}, SERVICE);
    expect((JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toContain('src/refunds.ts');
    expect((await run(['audit', '--stdin', '--fix'], dir, {}, SERVICE)).stderr).toContain('--stdin cannot be combined with --fix');
    expect((await run(['audit', 'src', '--stdin-filename', 'a.ts'], dir)).code).toBe(2);
  });
});

describe('--print-config', () => {
  it('prints the rules, risks, options and knowledge that apply to a file', async () => {
    const dir = project({ '.errlintrc.json': '{ "preset": "strict", "rules": { "generic-error": "off", "swallowed-catch": { "risk": "low" } }, "ignores": ["legacy/"] }' });
    const r = await run(['audit', '--print-config', 'src/payment.ts'], dir);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { file: string; configFile: string; rules: Record<string, unknown>; ignores: string[] };
    expect(printed.file).toBe('src/payment.ts');
    expect(printed.configFile).toBe('.errlintrc.json');
    expect(printed.rules['generic-error']).toBe('off');
    expect(printed.rules['swallowed-catch']).toMatchObject({ risk: 'low' });
    expect(printed.ignores).toEqual(['legacy/']);
  });
});

describe('errlint init', () => {
  const app = {
    'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '5.0.0', '@prisma/client': '6.0.0', pino: '9.0.0', '@sentry/node': '9.0.0' } }),
    'src/lib/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
    'src/orders.ts': "import { logger } from './lib/logger';\nimport { Router } from 'express';\nexport const r = Router();\nlogger.info('up');\n",
    'src/db.ts': "import { PrismaClient } from '@prisma/client';\nimport { logger } from './lib/logger.js';\nexport const db = new PrismaClient();\nlogger.info('db');\n",
  };

  it('writes a config with what it detects, the $schema line, and a summary', async () => {
    const dir = tempProject(app);
    const r = await run(['init'], dir);
    expect(r.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(dir, '.errlintrc.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toEqual({
      $schema: './node_modules/errlint/schema/config.schema.json',
      knowledge: {
        loggers: { modules: ['pino'], monitorModules: ['@sentry/node'], logger: { importPath: './src/lib/logger', binding: 'logger', flavour: 'pino' } },
        monitoring: { modules: ['@sentry/node'] },
      },
    });
    expect(r.stdout).toContain('data layers  Prisma');
    expect(r.stdout).toContain('frameworks   Express');
    // errlint accepts what it wrote
    expect((await run(['audit', 'src', '--fail-on', 'none'], dir)).stderr).toBe('');
  });

  it('never overwrites a config', async () => {
    const dir = tempProject({ ...app, 'package.json': JSON.stringify({ name: 'shop', errlint: { rules: {} } }) });
    const r = await run(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json#errlint already configures errlint here');
    expect(fs.existsSync(path.join(dir, '.errlintrc.json'))).toBe(false);
    const second = tempProject(app);
    await run(['init'], second);
    expect((await run(['init'], second)).stderr).toContain('.errlintrc.json already configures errlint here');
  });
});
