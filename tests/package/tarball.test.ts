/**
 * The package as a consumer gets it: `npm pack` of this build, unpacked into a fresh project's node_modules, then
 * imported, required, type-checked and run from there. What it catches that the in-repo tests cannot: a file the
 * `files` list leaves out, an `exports` entry that points nowhere, declarations that do not resolve under
 * `moduleResolution: node16`, a bin that needs something outside the tarball.
 *
 * No network: the tarball's dependencies (and ESLint, TypeScript for the consumer's checks) are linked from this
 * repository's node_modules, which is how an installed tree looks to Node's resolver (errlint's own files are real
 * files in the consumer; each dependency resolves its own dependencies from where it really lives).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../utils/exec.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
};

let consumer: string;

function sh(cmd: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const { CI: _ci, ...env } = process.env;
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function node(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  return sh(process.execPath, args, consumer);
}

function link(name: string): void {
  const target = path.join(consumer, 'node_modules', name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', name), target, 'dir');
}

beforeAll(() => {
  consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'errlint-consumer-'));
  // --ignore-scripts: prepack would rebuild dist while other test files read it; `npm test` has just built it
  const packed = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', consumer], REPO_ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const installed = path.join(consumer, 'node_modules', pkg.name);
  fs.mkdirSync(installed, { recursive: true });
  const untar = sh('tar', ['-xzf', path.join(consumer, filename), '-C', installed, '--strip-components=1'], consumer);
  expect(untar.code, untar.stderr).toBe(0);
  for (const dep of Object.keys(pkg.dependencies)) link(dep);
  link('eslint');
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  fs.mkdirSync(path.join(consumer, 'src'));
  fs.writeFileSync(
    path.join(consumer, 'src', 'payment.ts'),
    'export async function refund(id: string) {\n  await charge(id);\n  const r = await fetch(`https://pay.example/refunds/${id}`);\n  return r.json();\n}\ndeclare function charge(id: string): Promise<void>;\n',
  );
}, 180_000);

afterAll(() => {
  if (consumer) fs.rmSync(consumer, { recursive: true, force: true });
});

describe('the packed package in a fresh project', () => {
  it('holds the built code, docs, schema and licence, and no tests, sources or source maps', () => {
    const root = path.join(consumer, 'node_modules', pkg.name);
    for (const file of ['bin/errlint.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/eslint/plugin.js', 'LICENSE', 'README.md', 'action.yml']) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(fs.readdirSync(path.join(root, 'docs', 'rules')).length).toBeGreaterThan(5);
    const all = fs.readdirSync(root, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith('.map') || f.startsWith('tests') || f.startsWith('src/') || f.startsWith('fixtures'))).toEqual([]);
  });

  it('is publint-clean: every entry exists, formats match the files, nothing is left out', async () => {
    const { messages } = await publint({ pkgDir: path.join(consumer, 'node_modules', pkg.name), pack: false, strict: true });
    expect(messages).toEqual([]);
  });

  it('imports the API from ESM and audits with it', () => {
    const r = node([
      '--input-type=module',
      '-e',
      "import { audit, exitCodeFor, version } from 'errlint'; const run = await audit({ cwd: process.cwd(), paths: ['src'] }); console.log(version, run.findings.map((f) => f.ruleId + ':' + f.line).join(','), exitCodeFor(run, 'low'));",
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+\S* unchecked-http-call:3 1$/);
  });

  it('requires the ESLint plugin from CommonJS and lints with a real ESLint', () => {
    const script = [
      "const plugin = require('errlint/eslint-plugin');",
      "const { Linter } = require('eslint');",
      'const linter = new Linter();',
      "const code = 'export async function refund(id) {\\n  const r = await fetch(`https://pay.example/refunds/${id}`);\\n  return r.json();\\n}\\n';",
      "const messages = linter.verify(code, [plugin.configs.recommended], 'src/payment.js');",
      "console.log(Object.keys(plugin.rules).length > 5, messages.map((m) => m.ruleId + ':' + m.line).join(','));",
    ].join('\n');
    fs.writeFileSync(path.join(consumer, 'lint.cjs'), script);
    const r = node(['lint.cjs']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true errlint/unchecked-http-call:2');
  });

  it('type-checks a consumer that uses the API and the plugin under node16 resolution', () => {
    fs.writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    fs.writeFileSync(
      path.join(consumer, 'use.ts'),
      [
        "import { audit, formatters, type Finding } from 'errlint';",
        "import plugin from 'errlint/eslint-plugin';",
        "const run = await audit({ cwd: '.', paths: ['src'] });",
        'const first: Finding | undefined = run.findings[0];',
        "const text: string = formatters.json(run, { cwd: '.', color: false, timing: false });",
        'const ruleCount: number = Object.keys(plugin.rules).length;',
        'export { first, text, ruleCount };',
      ].join('\n'),
    );
    const r = node([path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('runs the bin from the package', () => {
    const r = node([path.join('node_modules', pkg.name, 'bin', 'errlint.js'), 'audit', 'src', '--format', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; line: number }> };
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['unchecked-http-call:3']);
  });
});
