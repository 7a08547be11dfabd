import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type ExecResult } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

/** `errlint audit --no-timing …` in-process (tests/utils/exec.ts `run`). */
const cli = (cwd: string, ...args: string[]): Promise<ExecResult> => run(['audit', '--no-timing', ...args], cwd);

const IN_USE = [
  'export async function warm() {',
  '  try {',
  '    await fill();',
  '    // errlint-disable-next-line swallowed-catch -- best-effort warm-up',
  '  } catch {}',
  '}',
  '',
].join('\n');

describe('--fix and suppressions', () => {
  it('keeps a directive for a rule that did not run (--rule)', async () => {
    const cwd = tempProject({ 'src/a.ts': IN_USE, '.errlintrc.json': '{ "preset": "strict" }' });
    const r = await cli(cwd, 'src', '--fix', '--report-unused-disable-directives', '--rule', 'generic-error', '--format', 'json');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(IN_USE);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it('keeps a directive for a rule the preset leaves out', async () => {
    const cwd = tempProject({ 'src/a.ts': IN_USE });
    await cli(cwd, 'src', '--fix', '--report-unused-disable-directives');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(IN_USE);
  });

  it('keeps a directive for a project rule, which the fix pass does not run', async () => {
    const source = '// errlint-disable-next-line inconsistent-error-shape\nexport const a = 1;\n';
    const cwd = tempProject({ 'src/a.ts': source, '.errlintrc.json': '{ "preset": "strict" }' });
    await cli(cwd, 'src', '--fix', '--report-unused-disable-directives');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(source);
  });

  it('removes only the directive words from a block comment that runs on over commented-out code', async () => {
    const source = ['/* errlint-disable generic-error', 'throw new Error("old code");', '*/', 'export const a = 1;', ''].join('\n');
    const cwd = tempProject({ 'src/a.ts': source, '.errlintrc.json': '{ "preset": "strict" }' });
    await cli(cwd, 'src', '--fix', '--report-unused-disable-directives');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(['/*', 'throw new Error("old code");', '*/', 'export const a = 1;', ''].join('\n'));
  });

  it('still removes a directive that is unused for a rule that ran', async () => {
    const source = '// errlint-disable-next-line swallowed-catch\nexport const a = 1;\n';
    const cwd = tempProject({ 'src/a.ts': source, '.errlintrc.json': '{ "preset": "strict" }' });
    await cli(cwd, 'src', '--fix', '--report-unused-disable-directives');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe('\nexport const a = 1;\n');
  });
});
