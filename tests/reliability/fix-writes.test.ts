import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// issue 19: --apply-suggestions rewrote a file outside the tree through a symlink; CRLF files got LF lines; a
// killed fix could leave a full-size *.errlint-tmp behind; a fix conflict exited 0.

/** swallowed-catch's first suggestion replaces the empty catch body with three lines. */
const lines = (eols: string[]): string => {
  const code = ['import { g } from "./g";', 'export async function f() {', '  try {', '    await g();', '  } catch (e) {', '  }', '}'];
  return code.map((l, i) => l + eols[i % eols.length]).join('');
};
const SWALLOWED = lines(['\n']);

const applySuggestions = (cwd: string, ...paths: string[]) => run(['audit', ...paths, '--no-timing', '--preset', 'strict', '--format', 'json', '--apply-suggestions', 'swallowed-catch'], cwd);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fixes never write through a symlink out of the audited paths', () => {
  it('skips a file whose link points outside, with a line in the summary', async () => {
    const outside = tempProject({ 'shared/x.ts': SWALLOWED });
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    fs.symlinkSync(path.join(outside, 'shared/x.ts'), path.join(cwd, 'src/link.ts'));
    const r = await applySuggestions(cwd, 'src');
    expect(fs.readFileSync(path.join(outside, 'shared/x.ts'), 'utf8')).toBe(SWALLOWED);
    expect(fs.lstatSync(path.join(cwd, 'src/link.ts')).isSymbolicLink()).toBe(true);
    expect(r.stderr).toContain(`src/link.ts: skipped — a symlink to ${path.join(outside, 'shared/x.ts')}, outside the audited paths; not written.\n`);
    expect(r.stderr).toContain('src/a.ts: applied swallowed-catch ×1\n');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toContain('throw e;');
  });

  it('skips a link out of the named directory even when its target is in the working directory', async () => {
    const cwd = tempProject({ 'lib/x.ts': SWALLOWED, 'src/a.ts': 'export const a = 1;\n' });
    fs.symlinkSync('../lib/x.ts', path.join(cwd, 'src/link.ts'));
    const r = await applySuggestions(cwd, 'src');
    expect(r.stderr).toContain('src/link.ts: skipped');
    expect(fs.readFileSync(path.join(cwd, 'lib/x.ts'), 'utf8')).toBe(SWALLOWED);
  });

  it('writes through a link whose target is inside the audited paths', async () => {
    const cwd = tempProject({ 'src/real/x.ts': SWALLOWED });
    fs.symlinkSync('real', path.join(cwd, 'src/alias'));
    const r = await applySuggestions(cwd, 'src/alias', 'src/real/nothing-else.ts', '--no-error-on-unmatched-pattern');
    expect(r.stderr).not.toContain('skipped');
    expect(fs.readFileSync(path.join(cwd, 'src/real/x.ts'), 'utf8')).toContain('throw e;');
  });
});

describe('fixes keep the file\'s line endings', () => {
  it('inserts CRLF lines into a CRLF file', async () => {
    const cwd = tempProject({ 'src/a.ts': lines(['\r\n']) });
    await applySuggestions(cwd, 'src');
    const out = fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8');
    expect(out).toContain('throw e;\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('follows the majority in a mixed file', async () => {
    const crlfMostly = tempProject({ 'src/a.ts': lines(['\r\n', '\r\n', '\n']) });
    await applySuggestions(crlfMostly, 'src');
    expect(fs.readFileSync(path.join(crlfMostly, 'src/a.ts'), 'utf8')).toContain('    throw e;\r\n');
    const lfMostly = tempProject({ 'src/a.ts': lines(['\n', '\n', '\r\n']) });
    await applySuggestions(lfMostly, 'src');
    const out = fs.readFileSync(path.join(lfMostly, 'src/a.ts'), 'utf8');
    expect(out).toContain('    throw e;\n');
    expect(out).not.toContain('    throw e;\r\n');
  });
});

describe('temporary files', () => {
  // a process that has ended: its id is free (until the system reuses it)
  const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

  it('removes a stale temporary file a killed errlint left next to a file it writes, and keeps a live one', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    const stale = path.join(cwd, 'src', `.a.ts.${deadPid()}.0badc0de.errlint-tmp`);
    const live = path.join(cwd, 'src', `.a.ts.${process.pid}.0000beef.errlint-tmp`);
    const foreign = path.join(cwd, 'src', '.a.ts.notes.tmp');
    for (const f of [stale, live, foreign]) fs.writeFileSync(f, SWALLOWED);
    await applySuggestions(cwd, 'src');
    expect(fs.readdirSync(path.join(cwd, 'src')).sort()).toEqual(['.a.ts.notes.tmp', path.basename(live), 'a.ts'].sort());
  });
});

describe('a fix that could not be written fails the run', () => {
  it('exits 2 when the file changed on disk between read and write, and leaves the change', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    const file = path.join(cwd, 'src/a.ts');
    const fsync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      fsync(fd);
      fs.writeFileSync(file, `${SWALLOWED}// edited meanwhile\n`);
    });
    const r = await applySuggestions(cwd, 'src');
    expect(r.stderr).toContain('src/a.ts: conflict swallowed-catch ×1 — Changed on disk while errlint was fixing it; not written.\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(`${SWALLOWED}// edited meanwhile\n`);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    expect(r.code).toBe(2);
  });

  it('exits 2 when a fixed file cannot be written', async () => {
    const cwd = tempProject({ 'src/a.ts': SWALLOWED });
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('.errlint-tmp')) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      return open(file, ...(rest as [fs.OpenMode]));
    });
    const r = await applySuggestions(cwd, 'src');
    expect(r.stderr).toContain('src/a.ts: failed swallowed-catch ×1 — Cannot write: EROFS.\n');
    expect(r.code).toBe(2);
  });
});
