import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/discovery.js';
import { UsageError } from '../../src/errors.js';
import { tempProject } from '../utils/temp-project.js';

function rel(dir: string, files: string[]): string[] {
  return files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
}

describe('discoverFiles', () => {
  const dir = tempProject({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'generated/\n*.gen.ts\n',
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mjs': '',
    'src/d.cts': '',
    'src/types.d.ts': '',
    'src/vendor.min.js': '',
    'src/readme.md': '',
    'src/x.gen.ts': '',
    'src/nested/.gitignore': 'local.ts\n',
    'src/nested/local.ts': '',
    'src/nested/kept.ts': '',
    'generated/g.ts': '',
    'node_modules/pkg/index.js': '',
    'dist/out.js': '',
    'build/out.js': '',
    'coverage/x.js': '',
    'legacy/old.js': '',
    'app/[teamId]/(admin)/route.ts': '',
  });

  it('walks directories with the default skips, .gitignore files (nested too) and a stable order', () => {
    const { files } = discoverFiles({ cwd: dir, patterns: ['.'] });
    expect(rel(dir, files)).toEqual(['app/[teamId]/(admin)/route.ts', 'legacy/old.js', 'src/a.ts', 'src/b.tsx', 'src/c.mjs', 'src/d.cts', 'src/nested/kept.ts']);
  });

  it('applies config ignores relative to the config directory and CLI ignores relative to cwd', () => {
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['.'], ignores: ['legacy/'], ignoreBase: dir }).files)).not.toContain('legacy/old.js');
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['.'], cliIgnores: ['src/**/*.tsx'] }).files)).not.toContain('src/b.tsx');
  });

  it('honours ancestor .gitignore files when auditing a subdirectory', () => {
    const { files } = discoverFiles({ cwd: path.join(dir, 'src'), patterns: ['.'] });
    expect(rel(dir, files)).not.toContain('src/x.gen.ts');
  });

  it('takes an existing path with glob characters literally (a Next.js dynamic route)', () => {
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['app/[teamId]/(admin)/route.ts'] }).files)).toEqual(['app/[teamId]/(admin)/route.ts']);
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['app/[teamId]'] }).files)).toEqual(['app/[teamId]/(admin)/route.ts']);
  });

  it('expands globs', () => {
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['src/*.ts'] }).files)).toEqual(['src/a.ts']);
  });

  it('audits an explicitly named file and notes a named file of another kind', () => {
    const result = discoverFiles({ cwd: dir, patterns: ['src/x.gen.ts', 'src/readme.md'] });
    expect(rel(dir, result.files)).toEqual(['src/x.gen.ts']);
    expect(result.notices).toEqual(['Skipped src/readme.md: not a JavaScript or TypeScript source file.']);
  });

  it('fails on a missing path with a usage error', () => {
    expect(() => discoverFiles({ cwd: dir, patterns: ['nope'] })).toThrow(UsageError);
  });

  it('follows symlinks without looping', () => {
    const loop = tempProject({ 'a/file.ts': '' });
    fs.symlinkSync(path.join(loop, 'a'), path.join(loop, 'a', 'self'));
    fs.symlinkSync(path.join(loop, 'a'), path.join(loop, 'alias'));
    const { files } = discoverFiles({ cwd: loop, patterns: ['.'] });
    expect(rel(loop, files)).toEqual(['a/file.ts']);
  });
});

describe('discoverFiles on an ignored directory named explicitly', () => {
  it('audits it anyway', () => {
    const dir = tempProject({ '.git/HEAD': '', '.gitignore': 'vendor/\n', 'vendor/lib/a.ts': '' });
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['vendor/lib'] }).files)).toEqual(['vendor/lib/a.ts']);
    // everything under '.' is ignored: an unmatched pattern, allowed here (it is exit 2 by default)
    expect(rel(dir, discoverFiles({ cwd: dir, patterns: ['.'], errorOnUnmatchedPattern: false }).files)).toEqual([]);
    expect(() => discoverFiles({ cwd: dir, patterns: ['.'] })).toThrow(UsageError);
  });
});
