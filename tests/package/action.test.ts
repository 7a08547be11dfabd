/**
 * The GitHub Action and the pre-commit hook the package ships: their definitions are well-formed, and the
 * action's audit step, run by bash as a runner would (with `npx` resolving to this build), writes the reports
 * the later steps read and hands on errlint's exit code.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

// js-yaml comes with cosmiconfig, errlint's config loader
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

describe('action.yml', () => {
  it('is a composite action: audit, job summary, SARIF upload, then the exit code', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'fail-on', 'baseline', 'args', 'upload-sarif', 'summary']));
    const [audit, summary, upload, exit] = action.runs.steps;
    expect(audit!.id).toBe('audit');
    expect(summary!.run).toContain('$GITHUB_STEP_SUMMARY');
    expect(upload!.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload!.with!.sarif_file).toBe('${{ steps.audit.outputs.sarif }}');
    expect(exit!.run).toBe('exit "${CODE:-2}"');
    // no input is pasted into a script (script injection): they reach it as environment variables
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it.each([
    ['a failing gate', {}, '1'],
    ['a baseline that absorbs the findings', { ERRLINT_BASELINE: 'errlint-baseline.json' }, '0'],
  ])('runs the audit step with %s', (_name, inputs, code) => {
    const dir = tempProject({
      '.errlintrc.json': '{ "preset": "strict" }',
      'src/pay.ts': 'export async function refundPayment(id: string) {\n  try {\n    await charge(id);\n  } catch (e) {\n    return false;\n  }\n  return true;\n}\n',
    });
    if ('ERRLINT_BASELINE' in inputs) spawnSync(process.execPath, [BIN, 'audit', 'src', '--update-baseline'], { cwd: dir });
    // `npx --yes errlint audit …` → this build
    const bin = path.join(dir, '.bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const runnerTemp = path.join(dir, '.runner');
    fs.mkdirSync(runnerTemp);
    const output = path.join(runnerTemp, 'output');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: output, ERRLINT_PATHS: 'src', ERRLINT_FAIL_ON: 'high', ERRLINT_BASELINE: '', ERRLINT_ARGS: '--no-timing', ERRLINT_VERSION: '', NO_COLOR: '1', ...inputs };
    const r = spawnSync('bash', ['-e', '-c', action.runs.steps[0]!.run!], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0); // the step itself passes; the last step fails the job
    expect(fs.readFileSync(output, 'utf8')).toBe(`exit-code=${code}\nsarif=${runnerTemp}/errlint.sarif\nmarkdown=${runnerTemp}/errlint.md\n`);
    expect(JSON.parse(fs.readFileSync(path.join(runnerTemp, 'errlint.sarif'), 'utf8'))).toHaveProperty('version', '2.1.0');
    expect(fs.readFileSync(path.join(runnerTemp, 'errlint.md'), 'utf8')).toMatch(/^## errlint/);
    if (code === '1') expect(r.stdout).toMatch(/^::error file=src\/pay\.ts,line=4,/m);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines an errlint hook that audits the whole project (project rules need it)', () => {
    const hooks = yaml.load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    expect(hooks.map((h) => h.id)).toEqual(['errlint']);
    expect(hooks[0]).toMatchObject({ language: 'node', pass_filenames: false });
    expect(hooks[0]!.entry.split(' ').slice(0, 2)).toEqual(['errlint', 'audit']);
    // the entry's options are ones errlint takes
    const r = spawnSync(process.execPath, [BIN, ...hooks[0]!.entry.split(' ').slice(1), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });
});
