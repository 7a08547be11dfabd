/**
 * Clear messages for configuration that cannot be used (issue 19): one line naming the file and the cause,
 * exit 2, never "internal error" or a stack trace; a corrupt cache is named and rebuilt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errlint, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const CODE = 'export async function h(url: string) { const r = await fetch(url); return r.json(); }\n';

describe('config files that cannot be loaded', () => {
  const expectOneLine = (r: { code: number | null; stderr: string }, start: string): void => {
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`errlint: ${start}`)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error|please report|\n\s+at /);
  };

  it('an invalid package.json in the working directory names the file and the parse error', async () => {
    const dir = tempProject({ 'package.json': '{ "name": "x", ', 'a.ts': CODE });
    expectOneLine(await run(['audit', '.'], dir), 'Cannot load package.json: SyntaxError: ');
  });

  it('an invalid package.json below the working directory without errlint config is not errlint business', async () => {
    const dir = tempProject({ 'package.json': '{ "name": "x" }', 'fixtures/broken/package.json': '{ "name": ', 'fixtures/broken/a.ts': CODE });
    const r = await run(['audit', '.', '--no-timing'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 file audited');
  });

  it('a JavaScript config whose getter throws names the file and the error', async () => {
    const dir = tempProject({ 'package.json': '{ "name": "x" }', '.errlintrc.cjs': 'module.exports = { get rules() { throw new Error("no rules today"); } };\n', 'a.ts': CODE });
    const r = await run(['audit', '.'], dir);
    expectOneLine(r, 'Cannot load .errlintrc.cjs: no rules today.');
  });

  it('an ESM config with a syntax error names the file and the syntax error (the built CLI: Node, not Vite, imports it)', () => {
    const dir = tempProject({ 'package.json': '{ "name": "x", "type": "module" }', 'errlint.config.js': 'export default { rules: {\n', 'a.ts': CODE });
    const r = errlint(['audit', '.'], dir);
    expectOneLine(r, 'Cannot load errlint.config.js: SyntaxError: ');
    expect(r.stderr).not.toContain('race condition');
  });

  it.each([
    ['an entry with malformed findings', (cache: { entries: Record<string, { outcome: unknown }> }) => void (cache.entries['a.ts']!.outcome = { findings: 5 }), 'the entry of a.ts: its findings are not a list'],
    ['a finding without its position', (cache: { entries: Record<string, { outcome: { findings: Record<string, unknown>[] } }> }) => void delete cache.entries['a.ts']!.outcome.findings[0]!.line, 'the entry of a.ts: finding 1 is malformed'],
  ])('a corrupted cache (%s) is named with the cause, not used, and rewritten', async (_what, corrupt, cause) => {
    const dir = tempProject({ 'package.json': '{ "name": "x" }', 'a.ts': CODE });
    const first = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing'], dir);
    const file = path.join(dir, '.errlintcache');
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as never;
    corrupt(cache);
    fs.writeFileSync(file, JSON.stringify(cache));
    const r = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing'], dir);
    expect(r.stderr).toBe(`errlint: The cache .errlintcache is corrupt (${cause}): not used, and rewritten by this run.\n`);
    expect(r.code).toBe(first.code);
    expect(r.stdout).toBe(first.stdout);
    const healed = await run(['audit', '.', '--cache', '--format', 'json', '--no-timing'], dir);
    expect(healed.stderr).toBe('');
    expect(healed.stdout).toBe(first.stdout);
  });

  it('a config that exports no object is an invalid configuration', async () => {
    const dir = tempProject({ 'package.json': '{ "name": "x" }', '.errlintrc.cjs': 'module.exports = 42;\n', 'a.ts': CODE });
    expectOneLine(await run(['audit', '.'], dir), 'Invalid configuration in .errlintrc.cjs: (root) must be an object.');
  });
});
