import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const cwd = tempProject({
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'] }),
  'apps/api/package.json': JSON.stringify({ name: '@shop/api', dependencies: { express: '5.0.0' } }),
  'apps/api/src/server.ts': "import express from 'express';\nexport const app = express();\n",
  'apps/api/src/orders.ts': 'export async function place() { try { await fetch("https://pay"); } catch (e) { console.log(e); } }\n',
  'apps/api/src/orders.test.ts': 'export {};\n',
  'apps/web/package.json': JSON.stringify({ name: '@shop/web', dependencies: { vue: '3.5.0' } }),
  'apps/web/src/orders.ts': 'export async function load() { try { await fetch("/api"); } catch (e) { console.log(e); } }\n',
});
fs.mkdirSync(path.join(cwd, '.git'));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

describe('errlint roles', () => {
  it('prints each folder or file with its role and reason', () => {
    const r = errlint(['roles'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'apps/api/src/orders.test.ts  test    test file or folder by name',
        'apps/api/src/orders.ts       server  package "@shop/api" depends on express',
        'apps/api/src/server.ts       server  package "@shop/api" depends on express',
        'apps/web/src/orders.ts       client  package "@shop/web" depends on vue',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON, one entry per file with --per-file', () => {
    const r = errlint(['roles', 'apps/web', '--per-file', '--format', 'json'], cwd);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ path: 'apps/web/src/orders.ts', role: 'client', platform: 'browser', evidence: 'package', reason: 'package "@shop/web" depends on vue', files: 1 }]);
  });

  it('prints a summary: files per role and, per role, per reason', () => {
    const r = errlint(['roles', '--summary'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['4 files', '2  server', '   2  package "@shop/api" depends on express', '1  test', '   1  test file or folder by name', '1  client', '   1  package "@shop/web" depends on vue', ''].join('\n'),
    );
    const json = errlint(['roles', 'apps/api', '--summary', '--format', 'json'], cwd);
    expect(JSON.parse(json.stdout)).toEqual({
      files: 3,
      roles: [
        { role: 'server', files: 2, reasons: [{ reason: 'package "@shop/api" depends on express', files: 2 }] },
        { role: 'test', files: 1, reasons: [{ reason: 'test file or folder by name', files: 1 }] },
      ],
    });
  });

  it('audits each file by its role: console-only catch is a finding on the server, the platform logger in the browser', () => {
    const r = errlint(['audit', '--format', 'json', '--rule', 'console-logging,swallowed-catch', '--fail-on', 'none'], cwd);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; line: number }[] }).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    expect(findings).toEqual(['apps/api/src/orders.ts:1 swallowed-catch', 'apps/api/src/orders.ts:1 console-logging']);
  });
});

describe('errlint roles: the directory named on the command line does not change a decision', () => {
  const single = tempProject({
    'package.json': JSON.stringify({ name: 'api', dependencies: { express: '5.0.0' } }),
    'src/app.ts': "import express from 'express';\nexport const app = express();\n",
    'src/scripts/seed.ts': 'export async function seed() { try { await fetch("https://x"); } catch (e) { console.log(e); } }\n',
    'src/migrations/001-init.ts': 'export async function up() {}\n',
    'test/helpers/db.ts': 'export function resetDb() {}\n',
  });
  fs.mkdirSync(path.join(single, '.git'));
  afterAll(() => fs.rmSync(single, { recursive: true, force: true }));

  const roles = (dir: string): Record<string, string> =>
    Object.fromEntries((JSON.parse(errlint(['roles', dir, '--per-file', '--format', 'json'], single).stdout) as { path: string; role: string }[]).map((e) => [e.path, e.role]));

  it('judges a file the same from the root and from the folder that names its role', () => {
    const fromRoot = roles('.');
    expect(fromRoot).toEqual({ 'src/app.ts': 'server', 'src/migrations/001-init.ts': 'script', 'src/scripts/seed.ts': 'script', 'test/helpers/db.ts': 'test' });
    expect(roles('src/scripts')).toEqual({ 'src/scripts/seed.ts': 'script' });
    expect(roles('src/migrations')).toEqual({ 'src/migrations/001-init.ts': 'script' });
    expect(roles('test')).toEqual({ 'test/helpers/db.ts': 'test' });
    expect(roles('test/helpers')).toEqual({ 'test/helpers/db.ts': 'test' });
  });

  it('audits a script folder named on the command line as scripts', () => {
    const r = errlint(['audit', 'src/scripts', '--format', 'json', '--rule', 'console-logging', '--fail-on', 'none'], single);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});
