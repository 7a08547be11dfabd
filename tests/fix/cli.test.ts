import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli.js';
import { tempProject } from '../utils/temp-project.js';

// An unused suppression for a rule that runs (unchecked-http-call is in the default preset) is the one finding every
// build reports with a safe fix (removing it), so it drives the CLI's fix and baseline wiring.
const SOURCE = 'export const a = 1;\n// errlint-disable-next-line unchecked-http-call\nexport const b = 2;\n';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function run(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutIsTTY: false, stderrIsTTY: false, env: { NO_COLOR: '1' }, cwd };
  const code = await main(['node', 'errlint', 'audit', '--no-timing', '--report-unused-disable-directives', ...args], io);
  return { code, stdout, stderr };
}

function project(): string {
  const cwd = tempProject({ 'src/a.ts': SOURCE }, 'errlint-cli-fix-');
  dirs.push(cwd);
  return cwd;
}

describe('errlint audit --fix / --fix-dry-run / --baseline', () => {
  it('prints diffs and writes nothing with --fix-dry-run', async () => {
    const cwd = project();
    const r = await run(cwd, '--fix-dry-run');
    expect(r.stdout).toContain('--- a/src/a.ts\n+++ b/src/a.ts\n');
    expect(r.stdout).toContain('-// errlint-disable-next-line unchecked-http-call');
    expect(r.stderr).toContain('Would apply 1 fix in 1 file.');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(SOURCE);
  });

  it('fixes, reports what remains, and changes nothing the second time', async () => {
    const cwd = project();
    const first = await run(cwd, '--fix', '--format', 'json');
    expect(first.stderr).toContain('src/a.ts: fixed unused-disable-directive ×1');
    const fixed = fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8');
    expect(fixed).not.toContain('errlint-disable');
    expect((JSON.parse(first.stdout) as { findings: unknown[] }).findings).toEqual([]);
    const second = await run(cwd, '--fix');
    expect(second.stderr).toContain('Applied 0 fixes in 0 files.');
    expect(fs.readFileSync(path.join(cwd, 'src/a.ts'), 'utf8')).toBe(fixed);
  });

  it('says what --apply-suggestions applied and asks for a review: suggestions are not fixes', async () => {
    const cwd = tempProject({ 'src/sync.ts': "export async function syncOrders(api: { sync(): Promise<void> }) {\n  try {\n    await api.sync();\n  } catch (e) {}\n}\n" }, 'errlint-cli-suggest-');
    dirs.push(cwd);
    const r = await run(cwd, '--rule', 'swallowed-catch', '--preset', 'strict', '--apply-suggestions', 'swallowed-catch', '--fail-on', 'none');
    expect(r.stderr).toBe('src/sync.ts: applied swallowed-catch ×1\nApplied 1 suggestion in 1 file — review the diff.\n');
    expect(fs.readFileSync(path.join(cwd, 'src/sync.ts'), 'utf8')).toContain('  } catch (e) {\n    throw e;\n  }\n');
    const again = await run(cwd, '--rule', 'swallowed-catch', '--preset', 'strict', '--apply-suggestions', 'swallowed-catch', '--fail-on', 'none');
    expect(again.stderr).toBe('Applied 0 suggestions in 0 files.\n');
  });

  it('refuses --fix-rule without --fix and --apply-suggestions with --fix', async () => {
    const cwd = project();
    expect((await run(cwd, '--fix-rule', 'swallowed-catch')).code).toBe(2);
    expect((await run(cwd, '--fix', '--apply-suggestions', 'swallowed-catch')).code).toBe(2);
  });

  it('writes a baseline, then reports only what it does not list', async () => {
    const cwd = project();
    const update = await run(cwd, '--update-baseline', '--format', 'json');
    expect(update.stderr).toContain('wrote 1 baseline entry to errlint-baseline.json');
    const file = JSON.parse(fs.readFileSync(path.join(cwd, 'errlint-baseline.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(file.findings.map((e) => e.ruleId)).toEqual(['unused-disable-directive']);
    fs.writeFileSync(path.join(cwd, 'src/a.ts'), `// new code above\n\n${SOURCE}// errlint-disable-next-line unchecked-http-call\nexport const c = 3;\n`);
    const after = await run(cwd, '--baseline', 'errlint-baseline.json', '--format', 'json');
    const report = JSON.parse(after.stdout) as { summary: { baseline: unknown }; findings: { line: number }[] };
    expect(report.summary.baseline).toEqual({ file: 'errlint-baseline.json', absorbed: 1, stale: 0 });
    expect(report.findings.map((f) => f.line)).toEqual([6]);
  });

  it('writes every format of a multi-format run', async () => {
    const cwd = project();
    const r = await run(cwd, '--format', 'text', '--format', 'sarif=out/errlint.sarif', '--format', 'markdown=out/summary.md', '--format', 'gitlab=out/gl.json', '--format', 'github=out/gh.txt');
    expect(r.stdout).toContain('errlint');
    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'out/errlint.sarif'), 'utf8')) as { runs: { invocations: { exitCode: number }[]; results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(1);
    expect(sarif.runs[0]!.invocations[0]!.exitCode).toBe(r.code);
    expect(fs.readFileSync(path.join(cwd, 'out/summary.md'), 'utf8')).toContain('## errlint: error-handling audit');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/gl.json'), 'utf8'))).toHaveLength(1);
    expect(fs.readFileSync(path.join(cwd, 'out/gh.txt'), 'utf8')).toMatch(/^::notice file=src\/a\.ts,line=2/);
  });
});
