import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/glob.js';
import { errlint } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// issue 19: an ignore glob with many stars against a long file name (--ignore-pattern, or a data-only config's
// `ignores`) ran for minutes: picomatch's regular expression backtracks. errlint's own matcher does not.

const STARS = `${'*a'.repeat(24)}*b.ts`;
const LONG = `src/${'a'.repeat(200)}.ts`;

describe('a glob with many stars against a long name', () => {
  // a real process with a deadline far above the linear case (well under a second) and far below the
  // backtracking one (hours): a regression is a killed process, not a hung test runner
  it.each([
    ['--ignore-pattern', () => ['--ignore-pattern', STARS]],
    ['config ignores', (cwd: string) => (fs.writeFileSync(path.join(cwd, '.errlintrc.json'), JSON.stringify({ ignores: [STARS] })), [])],
    ['a glob argument', () => [`src/${STARS}`, '--no-error-on-unmatched-pattern']],
    ['config files roles', (cwd: string) => (fs.writeFileSync(path.join(cwd, '.errlintrc.json'), JSON.stringify({ files: { tests: [STARS] } })), [])],
  ] as const)('%s finishes', (_, setup) => {
    const cwd = tempProject({ 'package.json': '{"name":"app"}', [LONG]: 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n' });
    const extra = setup(cwd);
    const paths = extra[0]?.startsWith('src/') ? [] : ['src'];
    const r = errlint(['audit', ...paths, '--no-timing', '--format', 'json', ...extra], cwd, {}, undefined, 30_000);
    expect(r.code).toBe(0);
  });
});

describe('globMatcher agrees with picomatch on ordinary globs', () => {
  const patterns = ['*', '*.ts', '**', '**/*.ts', 'src/**', 'src/**/x.ts', 'src/*/x.ts', 'src/', 'src', '**/test/**', '*.{ts,js}', 'src/{a,b}/**', '{src,lib}/**/*.{ts,tsx}', '?.ts', '[ab].ts', '[a-c]*.ts', '.*', '**/.*', 'a/**/b', 'a/**/**/b', '**/node_modules/**', 'dist/**', '!src/**', 'a\\*b', '*a*a*b', 'src/**/*.test.*', '**/*.d.ts', 'x/*', '**/gen/**/*.ts', 'foo*', '*/', 'a/*/', './src/**', 'src/**/', '**/__tests__/**', '*.spec.{js,ts}'];
  const paths = ['a.ts', 'src/a.ts', 'src/x.ts', 'src/a/x.ts', 'src/a/b/x.ts', 'src', 'src/', '.env', 'src/.hidden.ts', '.git/x', 'a/b', 'a/c/b', 'a/b/c', 'a/x/y/b', 'b.ts', 'c.ts', 'cd.ts', 'test/a.ts', 'x/test/y.ts', 'node_modules/a/b.js', 'dist/x.js', 'a*b', 'axb', 'aab', 'xaxab', 'src/a.test.ts', 'types.d.ts', 'x/.y', 'x', 'x/', 'gen/a/b.ts', 'q/gen/x.ts', 'foo', 'foobar', 'a/', 'a/x/', 'lib/a/b.tsx', 'src/__tests__/a.ts', 'a.spec.js', 'src/a/'];
  it.each([[true], [false]])('dot: %s', (dot) => {
    const differ: string[] = [];
    for (const p of patterns) {
      const theirs = picomatch(p, { dot });
      const ours = globMatcher(p, { dot });
      for (const f of paths) if (theirs(f) !== ours(f)) differ.push(`${p} ${f}: picomatch ${theirs(f)}`);
    }
    expect(differ).toEqual([]);
  });

  it('matches any of several globs, and [!a] is "not a" (POSIX)', () => {
    expect(globMatcher(['*.js', 'src/**'])('src/a/b.ts')).toBe(true);
    expect(globMatcher(['*.js', 'src/**'])('lib/b.ts')).toBe(false);
    expect(['a.ts', 'b.ts'].map(globMatcher('[!a].ts'))).toEqual([false, true]);
  });

  it('refuses a glob whose braces expand too far', () => {
    expect(() => globMatcher('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toThrow(/more than 1024 alternatives/);
  });
});
