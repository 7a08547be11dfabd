import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/audit.js';
import { run, type ExecResult } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const SWALLOWED = 'export async function f() {\n  try {\n    await g();\n  } catch {}\n}\n';

/** `errlint audit --no-timing …` in-process (tests/utils/exec.ts `run`). */
const cli = (cwd: string, ...args: string[]): Promise<ExecResult> => run(['audit', '--no-timing', ...args], cwd);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('files that are not regular files', () => {
  it('skips a FIFO named on the command line instead of blocking on it', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    execFileSync('mkfifo', [path.join(cwd, 'src/pipe.ts')]);
    const run = await audit({ cwd, paths: ['src/pipe.ts', 'src/a.ts'] });
    expect(run.files).toEqual(['src/a.ts']);
    expect(run.notices).toContain('Skipped src/pipe.ts: not a regular file.');
  });

  it('skips a symlink to /dev/zero, named or found in a walk', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    fs.symlinkSync('/dev/zero', path.join(cwd, 'src/zero.ts'));
    expect((await audit({ cwd, paths: ['src/zero.ts'] })).files).toEqual([]);
    expect((await audit({ cwd, paths: ['src'] })).files).toEqual(['src/a.ts']);
  });

  it('audits a file reached through a symlink and by its own path once', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    fs.symlinkSync('a.ts', path.join(cwd, 'src/link.ts'));
    fs.symlinkSync('src', path.join(cwd, 'alias'));
    const run = await audit({ cwd, paths: ['.'], config: { preset: 'strict' } });
    expect(run.files).toEqual(['src/a.ts']);
    expect(run.findings.filter((f) => f.ruleId === 'swallowed-catch')).toHaveLength(1);
    // only links: the first in sorted order stands for the file
    const links = await audit({ cwd, paths: ['src/link.ts', 'alias/a.ts'] });
    expect(links.files).toEqual(['alias/a.ts']);
  });
});

describe('files errlint cannot read fail the gate', () => {
  it('exits 1 for an unreadable file, even with --fail-on low and nothing found', async () => {
    const cwd = tempProject({ 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n' });
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('b.ts')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return open(file, ...(rest as [fs.OpenMode]));
    });
    const r = await cli(cwd, 'src', '--fail-on', 'low', '--format', 'json');
    expect(JSON.parse(r.stdout).errors).toEqual([{ file: 'src/b.ts', kind: 'read', message: 'Cannot read file: EACCES.' }]);
    expect(r.code).toBe(1);
  });

  it('exits 1 for an unreadable directory, reported in errors', async () => {
    const cwd = tempProject({ 'src/a.ts': 'export const a = 1;\n', 'src/locked/b.ts': 'export const b = 2;\n' });
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, options?: unknown) => {
      if (String(dir).endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (readdir as (d: fs.PathLike, o?: unknown) => unknown)(dir, options);
    }) as typeof fs.readdirSync);
    const r = await cli(cwd, 'src', '--fail-on', 'low', '--format', 'json');
    expect(JSON.parse(r.stdout).errors).toEqual([{ file: 'src/locked', kind: 'read', message: 'Cannot read directory: EACCES.' }]);
    expect(r.code).toBe(1);
  });

  it('does not fail the gate for a skipped file (binary)', async () => {
    const cwd = tempProject({ 'src/a.ts': 'export const a = 1;\n', 'src/bin.ts': 'a\0b' });
    const r = await cli(cwd, 'src', '--fail-on', 'low', '--format', 'json');
    expect(JSON.parse(r.stdout).errors).toMatchObject([{ file: 'src/bin.ts', kind: 'skipped' }]);
    expect(r.code).toBe(0);
  });
});
