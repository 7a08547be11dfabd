/**
 * What only a real process shows: which modules a command loads, a reader that closes the pipe, Ctrl-C, and
 * standard input. Each test launches the built binary (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, errlint, REPO_ROOT } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const LOAD_LOG = path.join(REPO_ROOT, 'tests/utils/load-log.mjs');
const HEAVY = /\/node_modules\/(typescript|ajv|cosmiconfig|chalk|diff)\//;

/** The module URLs a command resolves, through the load-log hook. */
function modulesLoaded(args: readonly string[]): { code: number | null; modules: string[] } {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-load-')), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', LOAD_LOG, BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ERRLINT_LOAD_LOG: log, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, modules: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [] };
}

describe('lazy start', () => {
  it.each([[['--version']], [['--help']], [['audit', '--help']], [['rules']], [['explain', 'swallowed-catch']]])(
    '%j loads no compiler, schema validator, config loader or reporter',
    (args) => {
      const { code, modules } = modulesLoaded(args);
      expect(code).toBe(0);
      expect(modules.length).toBeGreaterThan(0);
      expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
    },
  );

  /** The modules an audit of a one-file project with these extra files loads, through the load-log hook. */
  const auditLoads = (extra: Record<string, string>): string => {
    const dir = tempProject({ 'a.ts': 'export const a = 1;\n', ...extra });
    const log = path.join(dir, 'modules.txt');
    const r = spawnSync(process.execPath, ['--import', LOAD_LOG, BIN, 'audit', 'a.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ERRLINT_LOAD_LOG: log }, timeout: 60_000 });
    expect(r.status).toBe(0);
    return fs.readFileSync(log, 'utf8');
  };

  it('loads the compiler for an audit, and the validator and config loader only with a config file to read (so the check above can fail)', () => {
    const plain = auditLoads({});
    expect(plain).toContain('/node_modules/typescript/');
    for (const name of ['ajv', 'cosmiconfig']) expect(plain).not.toContain(`/node_modules/${name}/`);
    const configured = auditLoads({ '.errlintrc.yaml': 'rules:\n  swallowed-catch: on\n' });
    for (const name of ['typescript', 'ajv', 'cosmiconfig']) expect(configured).toContain(`/node_modules/${name}/`);
  });
});

describe('pipes and signals', () => {
  it('ends quietly when the reader closes the pipe (errlint rules | head -1)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules | head -1; "${process.execPath}" "${BIN}" explain swallowed-catch | head -c 1 >/dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^id +preset +family/);
    expect(r.stderr).toBe('');
  });

  it('exits 130 without a stack trace on Ctrl-C', async () => {
    const dir = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const log = path.join(dir, 'modules.txt');
    // --stdin waits for input that never comes; the interrupt arrives once the CLI module is being loaded,
    // after the binary installed its handler
    const child = spawn(process.execPath, ['--import', LOAD_LOG, BIN, 'audit', '--stdin'], { cwd: dir, env: { ...process.env, ERRLINT_LOAD_LOG: log }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    const deadline = Date.now() + 50_000;
    while (!(fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('/dist/src/cli.js')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited).toEqual([130, null]);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('audits standard input as the file --stdin-filename names', () => {
    const dir = tempProject({ 'package.json': '{"name":"app"}', '.errlintrc.json': '{ "preset": "strict" }' });
    const source = 'export async function refundPayment(id: string) {\n  try {\n    await charge(id);\n  } catch {\n    return false;\n  }\n  return true;\n}\n';
    const r = errlint(['audit', '--stdin', '--stdin-filename', 'src/payments.ts', '--format', 'json'], dir, {}, source);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line])).toContainEqual(['swallowed-catch', 'src/payments.ts', 4]);
    expect(r.code).toBe(1);
  });
});
