/**
 * Config lookup from each audited file's directory (issue 17): nested configs merge with their parents' up to
 * the lookup root unless `"root": true`, files are grouped by their configuration, and every mode (cache,
 * threads, shards, --print-config, roles, the fix pass) uses each file's own configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errlint, REPO_ROOT, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// an empty catch (swallowed-catch, strict preset) and a fetch with no timeout or status check (unchecked-http-call,
// recommended)
const CODE = 'export function f(g: () => void) { try { g(); } catch (e) {} }\nexport async function h(url: string) { const r = await fetch(url); return r.json(); }\n';

/**
 * A git monorepo: the root config says strict; packages/api turns unchecked-http-call off and ignores its
 * legacy/ folder; packages/billing is `"root": true` (so back to the recommended preset); svc/ has no config.
 */
function monorepo(extra: Record<string, string> = {}): string {
  return tempProject({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'package.json': '{ "name": "mono", "private": true }',
    '.errlintrc.json': '{ "preset": "strict" }',
    'packages/api/package.json': '{ "name": "api" }',
    'packages/api/.errlintrc.json': '{ "rules": { "unchecked-http-call": "off" }, "ignores": ["legacy/"] }',
    'packages/api/src/a.ts': CODE,
    'packages/api/legacy/old.ts': CODE,
    'packages/billing/package.json': '{ "name": "billing" }',
    'packages/billing/.errlintrc.json': '{ "root": true }',
    'packages/billing/src/b.ts': CODE,
    'svc/c.ts': CODE,
    ...extra,
  });
}

interface Report {
  findings: { file: string; ruleId: string; line: number; risk: string }[];
  summary: { filesScanned: number };
}

const report = (stdout: string): Report => JSON.parse(stdout) as Report;
const found = (r: Report, prefix = ''): string[] => r.findings.map((f) => `${prefix}${f.file} ${f.ruleId}:${f.line}`).sort();

describe('nested config lookup', () => {
  it("applies each file's nearest config merged with its parents', stopping at root: true", async () => {
    const dir = monorepo();
    const r = await run(['audit', '.', '--format', 'json', '--no-timing'], dir);
    expect(r.stderr).toBe('');
    expect(found(report(r.stdout))).toEqual([
      'packages/api/src/a.ts swallowed-catch:1', // strict from the root config, unchecked-http-call off in api's
      'packages/billing/src/b.ts unchecked-http-call:2', // root: true, so the recommended preset
      'svc/c.ts swallowed-catch:1', // the root config alone
      'svc/c.ts unchecked-http-call:2',
    ]);
    // api's ignores are relative to packages/api
    expect(report(r.stdout).summary.filesScanned).toBe(3);
  });

  it('gives a package the same findings from the repository root as from inside it', async () => {
    const dir = monorepo();
    const fromRoot = await run(['audit', 'packages/api', '--format', 'json', '--no-timing'], dir);
    const inside = await run(['audit', '.', '--format', 'json', '--no-timing'], path.join(dir, 'packages/api'));
    expect(found(report(fromRoot.stdout))).toEqual(found(report(inside.stdout), 'packages/api/'));
    expect(found(report(fromRoot.stdout))).toEqual(['packages/api/src/a.ts swallowed-catch:1']);
  });

  it.each(['before', 'after'])('audits fixtures/payment-service/%s from the repository root as from inside it', async (which) => {
    const folder = `fixtures/payment-service/${which}`;
    const fromRoot = await run(['audit', folder, '--format', 'json', '--no-timing'], REPO_ROOT);
    const inside = await run(['audit', '.', '--format', 'json', '--no-timing'], path.join(REPO_ROOT, folder));
    expect(fromRoot.code).toBe(inside.code);
    expect(found(report(fromRoot.stdout))).toEqual(found(report(inside.stdout), `${folder}/`));
  });

  it("README's first command gives the same report as with --preset strict (the fixture's config says strict)", async () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const first = /```sh\n(.*)\n/.exec(readme)![1]!;
    const command = first.split('#')[0]!.trim();
    expect(command).toBe('npm ci && npx errlint audit fixtures/payment-service/before');
    const args = command.split('npx errlint ')[1]!.split(' ');
    const plain = await run([...args, '--no-timing'], REPO_ROOT);
    const strict = await run([...args, '--preset', 'strict', '--no-timing'], REPO_ROOT);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe(strict.stdout);
  });

  it('--print-config shows the merged configuration of a file and the files it came from', async () => {
    const dir = monorepo();
    const r = await run(['audit', '--print-config', 'packages/api/src/a.ts'], dir);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { configFile: string; configFiles: string[]; rules: Record<string, unknown>; ignores: string[] };
    expect(printed.configFiles).toEqual(['.errlintrc.json', 'packages/api/.errlintrc.json']);
    expect(printed.configFile).toBe('packages/api/.errlintrc.json');
    expect(printed.rules['unchecked-http-call']).toBe('off');
    expect(printed.rules['swallowed-catch']).toMatchObject({ risk: 'medium' });
    expect(printed.ignores).toEqual(['packages/api/legacy/']);
    const web = JSON.parse((await run(['audit', '--print-config', 'packages/billing/src/b.ts'], dir)).stdout) as { configFiles: string[]; rules: Record<string, unknown> };
    expect(web.configFiles).toEqual(['packages/billing/.errlintrc.json']);
    expect(web.rules['swallowed-catch']).toBe('off');
  });

  it('a child config replaces rule settings, adds to file globs and knowledge lists, and keeps its own preset', async () => {
    const dir = monorepo({
      '.errlintrc.json': '{ "preset": "strict", "rules": { "swallowed-catch": { "risk": "low" } }, "files": { "scripts": ["bin/**"] }, "knowledge": { "loggers": { "receiverNames": ["audit"] } } }',
      'packages/api/.errlintrc.json': '{ "preset": "recommended", "rules": { "swallowed-catch": "on" }, "files": { "scripts": ["tasks/**"] }, "knowledge": { "loggers": { "receiverNames": ["journal"] } } }',
    });
    const printed = JSON.parse((await run(['audit', '--print-config', 'packages/api/src/a.ts'], dir)).stdout) as { rules: Record<string, unknown>; files: unknown; knowledge: unknown };
    expect(printed.rules['swallowed-catch']).toMatchObject({ risk: 'medium' }); // "on" replaced the parent's { risk: low }
    expect(printed.rules['generic-error']).toBe('off'); // the child's recommended preset
    expect(printed.files).toEqual({ scripts: ['bin/**', 'tasks/**'] });
    expect(printed.knowledge).toEqual({ loggers: { receiverNames: ['audit', 'journal'] } });
  });

  it('--no-config-lookup reads no config file; --config applies one file to every file', async () => {
    const dir = monorepo({ 'only.json': '{ "rules": { "swallowed-catch": "on", "unchecked-http-call": "off" } }' });
    const none = report((await run(['audit', '.', '--no-config-lookup', '--format', 'json', '--no-timing'], dir)).stdout);
    // the recommended preset everywhere, and api's ignores are not read
    expect(found(none)).toEqual(['packages/api/legacy/old.ts unchecked-http-call:2', 'packages/api/src/a.ts unchecked-http-call:2', 'packages/billing/src/b.ts unchecked-http-call:2', 'svc/c.ts unchecked-http-call:2']);
    const one = report((await run(['audit', '.', '--config', 'only.json', '--format', 'json', '--no-timing'], dir)).stdout);
    expect(found(one)).toEqual(['packages/api/legacy/old.ts swallowed-catch:1', 'packages/api/src/a.ts swallowed-catch:1', 'packages/billing/src/b.ts swallowed-catch:1', 'svc/c.ts swallowed-catch:1']);
  });

  it('--cache keys each file on its own configuration: editing a nested config re-lints with it', async () => {
    const dir = monorepo();
    const first = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing'], dir);
    const again = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing', '--timing-rules'], dir);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toContain('cache: 3 files reused, 0 linted');
    fs.writeFileSync(path.join(dir, 'packages/api/.errlintrc.json'), '{ "rules": { "swallowed-catch": "off" }, "ignores": ["legacy/"] }');
    const edited = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing'], dir);
    expect(found(report(edited.stdout)).filter((f) => f.startsWith('packages/api/'))).toEqual(['packages/api/src/a.ts unchecked-http-call:2']);
  });

  it('--shard slices still lint each file with its own configuration', async () => {
    const dir = monorepo();
    const whole = found(report((await run(['audit', '.', '--format', 'json', '--no-timing'], dir)).stdout));
    const shards = await Promise.all(['1/2', '2/2'].map((s) => run(['audit', '.', '--shard', s, '--format', 'json', '--no-timing'], dir)));
    expect(shards.flatMap((s) => found(report(s.stdout))).sort()).toEqual(whole);
  });

  it("errlint roles reads each file with its own configuration, a nested config's globs below its own directory", async () => {
    const dir = monorepo({ 'packages/api/.errlintrc.json': '{ "files": { "scripts": ["src/**"] }, "ignores": ["legacy/"] }' });
    const r = await run(['roles', '.', '--per-file', '--format', 'json'], dir);
    const roles = JSON.parse(r.stdout) as { path: string; role: string; reason: string }[];
    expect(roles.map((e) => e.path)).toEqual(['packages/api/src/a.ts', 'packages/billing/src/b.ts', 'svc/c.ts']);
    expect(roles[0]).toMatchObject({ role: 'script', reason: 'config files.scripts' });
    expect(roles[1]!.reason).not.toBe('config files.scripts');
    // the audit uses the same decision: a nested config's tests glob keeps its files out of the rules
    const tests = monorepo({ 'packages/api/.errlintrc.json': '{ "files": { "tests": ["src/**"] } }' });
    expect(found(report((await run(['audit', '.', '--format', 'json', '--no-timing'], tests)).stdout)).filter((f) => f.startsWith('packages/api/src'))).toEqual([]);
    // the same decision from inside the package, and from a directory between
    for (const [cwd, target] of [['packages/api', '.'], ['packages', 'api']] as const) {
      const inside = JSON.parse((await run(['roles', target, '--per-file', '--format', 'json'], path.join(dir, cwd))).stdout) as { reason: string }[];
      expect(inside[0]!.reason).toBe('config files.scripts');
    }
  });

  it("the working directory's config's file globs still match the path below the audited directory", async () => {
    const dir = monorepo({ '.errlintrc.json': '{ "files": { "scripts": ["src/**"] } }' });
    const roles = async (target: string) => JSON.parse((await run(['roles', target, '--per-file', '--format', 'json'], dir)).stdout) as { path: string; reason: string }[];
    expect(await roles('packages/api')).toEqual([expect.objectContaining({ path: 'packages/api/src/a.ts', reason: 'config files.scripts' })]);
    expect((await roles('.')).find((e) => e.path === 'packages/api/src/a.ts')!.reason).not.toBe('config files.scripts');
  });

  it('--fix lints each file with its own configuration', async () => {
    // api's config makes its files tests, which unchecked-http-call does not judge: the directive suppresses
    // nothing there (under the root config alone it would), so --fix removes it
    const directive = '// errlint-disable-next-line unchecked-http-call\n';
    const dir = monorepo({
      'packages/api/.errlintrc.json': '{ "files": { "tests": ["**/*.ts"] } }',
      'packages/api/src/a.ts': `${directive}export function k(g: () => void) { try { g(); } catch (e) { throw new Error("x"); } }\n`,
    });
    const r = await run(['audit', '.', '--fix', '--report-unused-disable-directives', '--format', 'json', '--no-timing'], dir);
    expect(r.stderr).toContain('unused-disable-directive');
    expect(fs.readFileSync(path.join(dir, 'packages/api/src/a.ts'), 'utf8')).not.toContain(directive);
    expect(found(report(r.stdout)).filter((f) => f.startsWith('packages/api/src'))).toEqual([]);
  });
});

describe('nested config lookup with worker threads (the built CLI)', () => {
  it('gives the same report with --threads as on one thread', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      many[`packages/api/src/m${i}.ts`] = CODE;
      many[`packages/billing/src/m${i}.ts`] = CODE;
    }
    const dir = monorepo(many);
    const one = errlint(['audit', '.', '--format', 'json', '--no-timing'], dir);
    const threaded = errlint(['audit', '.', '--threads', '3', '--format', 'json', '--no-timing'], dir);
    expect(threaded.stderr).toBe('');
    expect(threaded.stdout).toBe(one.stdout);
    expect(found(report(one.stdout)).filter((f) => f.includes('/m0.ts'))).toEqual(['packages/api/src/m0.ts swallowed-catch:1', 'packages/billing/src/m0.ts unchecked-http-call:2']);
  });
});
