import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { tempProject } from '../utils/temp-project.js';
import { nested, type NestingKind } from './generate.js';

const OTHER = 'export async function other() {\n  try {\n    await g();\n  } catch {}\n}\n';

// Depths TypeScript parses: errlint's own walks overflowed below each of them (issue 19)
const parsed: [NestingKind, number][] = [
  ['if', 1000],
  ['try', 600],
  ['function', 900],
  ['then', 600],
  ['plus', 9000],
  ['elseIf', 2500],
];

describe('deeply nested files', () => {
  it.each(parsed)('analyses %s nested %i deep, like any other file', async (kind, n) => {
    const cwd = tempProject({ 'src/deep.ts': nested(kind, n), 'src/other.ts': OTHER });
    const run = await audit({ cwd, paths: ['src'], config: { preset: 'strict' } });
    expect(run.errors).toEqual([]);
    expect(run.findings.some((f) => f.file === 'src/other.ts' && f.ruleId === 'swallowed-catch')).toBe(true);
  });

  // the TypeScript parser itself overflows on these: the file is reported and the run goes on
  it.each([['paren', 6000], ['array', 6000], ['call', 6000]] as [NestingKind, number][])('reports %s nested %i deep as not analysed and audits the rest', async (kind, n) => {
    const cwd = tempProject({ 'src/deep.ts': nested(kind, n), 'src/other.ts': OTHER });
    const run = await audit({ cwd, paths: ['src'], config: { preset: 'strict' } });
    expect(run.errors).toEqual([{ file: 'src/deep.ts', kind: 'analysis', message: 'Not analysed: nested too deeply to analyse.' }]);
    expect(run.findings.filter((f) => f.file === 'src/other.ts').map((f) => f.ruleId)).toContain('swallowed-catch');
  });

  it('reports a file over its time budget as not analysed', async () => {
    const cwd = tempProject({ 'src/deep.ts': nested('if', 800), 'src/other.ts': OTHER });
    const run = await audit({ cwd, paths: ['src'], fileBudgetMs: 0, config: { preset: 'strict' } });
    expect(run.errors.map((e) => [e.file, e.kind, e.message])).toContainEqual(['src/deep.ts', 'analysis', 'Not analysed: over the per-file time budget.']);
  });
});
