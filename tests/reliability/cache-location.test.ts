import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errlint, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// issue 19: `--cache-location package.json` overwrote package.json, and as root the temp-and-rename write turned
// a device node (`--cache-location /dev/null`) into a plain file. The cache is written only where nothing is, or
// where errlint's own cache is.

const SWALLOWED = 'export async function f() {\n  try {\n    await g();\n  } catch {}\n}\n';
const PACKAGE = '{ "name": "app", "private": true }\n';

function project(): string {
  return tempProject({ 'package.json': PACKAGE, 'src/a.ts': SWALLOWED });
}

const audit = (cwd: string, ...args: string[]) => run(['audit', 'src', '--no-timing', '--preset', 'strict', '--fail-on', 'low', '--format', 'json', ...args], cwd);

/** A character device made in the project (as /dev has them), or undefined where mknod is not allowed. */
function device(cwd: string, name: string, minor: number): string | undefined {
  const file = path.join(cwd, name);
  try {
    execFileSync('mknod', [file, 'c', '1', String(minor)], { stdio: 'ignore' });
    return file;
  } catch {
    return undefined;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('--cache-location writes only an absent path or an errlint cache', () => {
  it('refuses a file that is not an errlint cache, exit 2, and leaves it alone', async () => {
    const cwd = project();
    const r = await audit(cwd, '--cache-location', 'package.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('errlint: --cache-location package.json: the file exists and is not an errlint cache; errlint does not overwrite it. Choose another path or delete the file.\n');
    expect(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')).toBe(PACKAGE);
  });

  it('refuses a directory, exit 2', async () => {
    const cwd = project();
    const r = await audit(cwd, '--cache-location', 'src');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('errlint: --cache-location src is a directory, not a cache file.\n');
  });

  it('creates an absent cache and reuses and rewrites its own cache on the next run', async () => {
    const cwd = project();
    expect((await audit(cwd, '--cache-location', 'tmp/lint.cache')).code).toBe(1);
    const first = fs.readFileSync(path.join(cwd, 'tmp/lint.cache'), 'utf8');
    expect(first.startsWith('{"format":')).toBe(true);
    const again = await audit(cwd, '--cache-location', 'tmp/lint.cache', '--timing-rules');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cache: 1 files reused, 0 linted');
  });

  it('writes through a symlink to its own cache, keeping the link', async () => {
    const cwd = project();
    await audit(cwd, '--cache-location', 'real.cache');
    fs.symlinkSync('real.cache', path.join(cwd, 'link.cache'));
    expect((await audit(cwd, '--cache-location', 'link.cache')).code).toBe(1);
    expect(fs.lstatSync(path.join(cwd, 'link.cache')).isSymbolicLink()).toBe(true);
  });

  it('a null device disables the cache: nothing read or written, the device stays', async () => {
    const cwd = project();
    const nul = device(cwd, 'null', 3);
    if (!nul) return; // mknod needs privileges this machine does not give
    const r = await audit(cwd, '--cache-location', 'null');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('swallowed-catch');
    expect(r.stderr).toBe('');
    expect(fs.statSync(nul).isCharacterDevice()).toBe(true);
  });

  it('a full device (endless zeros, no space) is neither read nor written; the audit reports, with a notice', async () => {
    const cwd = project();
    const full = device(cwd, 'full', 7);
    if (!full) return;
    const r = await audit(cwd, '--cache-location', 'full');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('swallowed-catch');
    expect(r.stderr).toBe('errlint: --cache-location full is not a regular file (a device); the cache was not read or written.\n');
    expect(fs.statSync(full).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is not opened (a real process: opening it would block) and not replaced', () => {
    const cwd = project();
    const fifo = path.join(cwd, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = errlint(['audit', 'src', '--no-timing', '--preset', 'strict', '--fail-on', 'low', '--format', 'json', '--cache-location', 'pipe'], cwd, {}, undefined, 20_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('errlint: --cache-location pipe is not a regular file (a FIFO); the cache was not read or written.\n');
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('a cache that cannot be written is a warning: the audit reports with its own exit code', async () => {
    const cwd = project();
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('lint.cache')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      rename(from, to);
    });
    const r = await audit(cwd, '--cache-location', 'lint.cache');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    expect(r.stderr).toBe('errlint: Cannot write the cache to lint.cache: ENOSPC; the next run lints every file again.\n');
    expect(fs.readdirSync(cwd).filter((f) => f.includes('lint.cache'))).toEqual([]);
  });
});
