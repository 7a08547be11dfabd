/**
 * The trust model (issue 19, docs/trust-model.md): which config files can run code and when; `$import` is
 * refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const CODE = 'export async function h(url: string) { const r = await fetch(url); return r.json(); }\n';

/** A JavaScript config that leaves a file behind when it runs. */
const planted = (marker: string): string => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: { 'unchecked-http-call': 'off' } };\n`;

describe('which JavaScript configs run', () => {
  it('never runs a config planted above the project in a directory anyone may write to', async () => {
    const top = tempProject({});
    const shared = path.join(top, 'shared');
    const marker = path.join(top, 'ran');
    fs.mkdirSync(path.join(shared, 'me', 'project'), { recursive: true });
    fs.chmodSync(shared, 0o1777); // like /tmp
    fs.writeFileSync(path.join(shared, '.errlintrc.cjs'), planted(marker));
    fs.writeFileSync(path.join(shared, 'package.json'), '{ "name": "planted" }');
    fs.writeFileSync(path.join(shared, 'me', 'project', 'a.ts'), CODE);
    const r = await run(['audit', '.', '--format', 'json', '--no-timing'], path.join(shared, 'me', 'project'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual(['unchecked-http-call']);
  });

  it('says so when the walk stops at a repository anyone may write to (chmod 777)', async () => {
    const repo = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', '.errlintrc.json': '{ "rules": { "unchecked-http-call": "off" } }', 'sub/a.ts': CODE });
    fs.chmodSync(repo, 0o777);
    const r = await run(['audit', '.', '--no-timing'], path.join(repo, 'sub'));
    expect(r.stderr).toBe(`errlint: Config lookup stopped below ${repo}: anyone may write to it, so errlint reads no .git, package.json or config file there or above (see docs/trust-model.md).\n`);
    expect(r.stdout).toContain('unchecked-http-call');
  });

  it('stops at the working directory when no directory above holds package.json or .git', async () => {
    const top = tempProject({ 'work/a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, '.errlintrc.cjs'), planted(marker));
    const r = await run(['audit', '.', '--no-timing'], path.join(top, 'work'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toContain('unchecked-http-call');
  });

  it('runs the JavaScript config of the working directory and its parents up to the project root', async () => {
    const top = tempProject({ 'package.json': '{ "name": "app" }', 'src/a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, '.errlintrc.cjs'), planted(marker));
    const r = await run(['audit', '.', '--no-timing'], path.join(top, 'src'));
    expect(fs.existsSync(marker)).toBe(true);
    expect(r.stdout).not.toContain('unchecked-http-call');
  });

  it('does not run a parent JavaScript config above a "root": true config of the working directory', async () => {
    const top = tempProject({ 'package.json': '{ "name": "app" }', 'svc/.errlintrc.json': '{ "root": true }', 'svc/a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, '.errlintrc.cjs'), planted(marker));
    const r = await run(['audit', '.', '--no-timing'], path.join(top, 'svc'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toContain('unchecked-http-call');
  });

  it('refuses a JavaScript config in an audited subdirectory, without running it, and reads data configs there', async () => {
    const top = tempProject({ 'package.json': '{ "name": "ci" }', 'pr/package.json': '{ "name": "pr" }', 'pr/src/a.ts': CODE, 'data/.errlintrc.json': '{ "rules": { "unchecked-http-call": "off" } }', 'data/a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, 'pr', 'errlint.config.cjs'), planted(marker));
    const r = await run(['audit', 'pr'], top);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('errlint: Not running pr/errlint.config.cjs: errlint runs a JavaScript config only from the working directory or its parents, not from the directories it audits (see docs/trust-model.md). Run errlint from pr, name the file with --config, or use .errlintrc.json there.\n');
    expect((await run(['audit', 'data', '--no-timing'], top)).stdout).toContain('No error-handling problems found.');
  });

  it('reads no config of a tree audited outside the project root', async () => {
    const top = tempProject({ 'mine/package.json': '{ "name": "mine" }', 'theirs/package.json': '{ "name": "theirs" }', 'theirs/a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, 'theirs', '.errlintrc.cjs'), planted(marker));
    const r = await run(['audit', '../theirs', '--no-timing'], path.join(top, 'mine'));
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stdout).toContain('unchecked-http-call');
  });

  it('--no-config-lookup reads no config file, and --config alone still applies', async () => {
    const top = tempProject({ 'package.json': '{ "name": "pr" }', 'a.ts': CODE });
    const marker = path.join(top, 'ran');
    fs.writeFileSync(path.join(top, '.errlintrc.cjs'), planted(marker));
    const none = await run(['audit', '.', '--no-config-lookup', '--no-timing'], top);
    expect(fs.existsSync(marker)).toBe(false);
    expect(none.stdout).toContain('unchecked-http-call');
    const trusted = tempProject({ 'trusted.json': '{ "rules": { "unchecked-http-call": "off" } }' });
    const withConfig = await run(['audit', '.', '--no-config-lookup', '--config', path.join(trusted, 'trusted.json'), '--no-timing'], top);
    expect(fs.existsSync(marker)).toBe(false);
    expect(withConfig.stdout).toContain('No error-handling problems found.');
  });
});

describe('$import', () => {
  it.each([
    ['.errlintrc.json', '{ "$import": "./evil.cjs" }'],
    ['package.json', '{ "name": "x", "errlint": { "$import": "./evil.cjs" } }'],
    ['.errlintrc.yaml', '$import: ./evil.cjs\n'],
  ])('is refused in %s, and the imported file does not run', async (name, content) => {
    const dir = tempProject({ 'package.json': '{ "name": "x" }', [name]: content, 'a.ts': CODE });
    const marker = path.join(dir, 'ran');
    fs.writeFileSync(path.join(dir, 'evil.cjs'), planted(marker));
    const r = await run(['audit', '.'], dir);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`errlint: Cannot load ${name}: "$import" is not supported: a configuration cannot load other files (see docs/trust-model.md).\n`);
  });
});
