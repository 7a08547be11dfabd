import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { errlint, REPO_ROOT, run } from '../utils/exec.js';
import { tempProject } from '../utils/temp-project.js';

const reportSchema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')) as object;

const SERVICE = `import { db } from './db';

export async function refundPayment(id: string): Promise<boolean> {
  try {
    await db.payment.update({ where: { id }, data: { status: 'refunded' } });
    return true;
  } catch (error) {
    return false;
  }
}
`;

describe('errlint audit', () => {
  // swallowed-catch is in the strict preset
  const dir = tempProject({ 'package.json': '{"name":"app"}', '.errlintrc.json': '{ "preset": "strict" }', 'src/payment.ts': SERVICE, 'src/ok.ts': 'export const a = 1;\n' });

  it('prints a risk-ranked text report and exits 1 at the default gate', () => {
    const r = errlint(['audit', 'src', '--no-timing'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('errlint ');
    expect(r.stdout).toContain('2 files audited');
    expect(r.stdout).toMatch(/src\/payment\.ts:7:5 {2}critical \(\d+\) {2}swallowed-catch/);
    expect(r.stdout).toContain('money or stock in the code path (+15)');
    expect(r.stdout).toContain('> 7 |');
    expect(r.stdout).not.toContain('\u001b['); // NO_COLOR and no TTY: plain text
  });

  it('writes JSON that matches the shipped schema, byte-identical across runs with --no-timing', async () => {
    const a = await run(['audit', 'src', '--format', 'json', '--no-timing'], dir);
    const b = await run(['audit', 'src', '--format', 'json', '--no-timing'], dir);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as { findings: { file: string; ruleId: string; line: number; column: number }[] };
    const validate = new Ajv({ strict: false }).compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toContainEqual(['swallowed-catch', 'src/payment.ts', 7, 5]);
  });

  it('gates on --fail-on and honours --rule', async () => {
    expect((await run(['audit', 'src', '--fail-on', 'none'], dir)).code).toBe(0);
    const only = JSON.parse((await run(['audit', 'src', '--format', 'json', '--rule', 'generic-error'], dir)).stdout) as { findings: unknown[] };
    expect(only.findings).toEqual([]);
  });

  it('writes the report to a file with -o and a second format with name=file', async () => {
    const r = await run(['audit', 'src', '-o', 'out/report.txt', '--format', 'text', '--format', 'json=out/report.json'], dir);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir, 'out/report.txt'), 'utf8')).toContain('swallowed-catch');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'))).toHaveProperty('schemaVersion', 1);
  });

  it('reports a file that does not parse, goes on, and exits 1', async () => {
    const bad = tempProject({ 'a.ts': 'export function (\n', 'b.ts': 'export const b = 2;\n' });
    const r = await run(['audit', '.', '--format', 'json'], bad);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { filesScanned: number }; errors: unknown[] };
    expect(report.summary.filesScanned).toBe(2);
    expect(report.errors).toEqual([{ file: 'a.ts', kind: 'parse', message: 'Identifier expected.', line: 1, column: 17 }]);
  });

  it('skips binary and oversized files with a notice in the report', async () => {
    const big = tempProject({ 'bin.js': 'a\u0000b', 'ok.ts': 'export {};\n' });
    fs.writeFileSync(path.join(big, 'huge.ts'), `// ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const r = await run(['audit', '.', '--format', 'json'], big);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { errors: { file: string; kind: string }[] };
    expect(report.errors.map((e) => [e.file, e.kind])).toEqual([
      ['bin.js', 'skipped'],
      ['huge.ts', 'skipped'],
    ]);
  });

  it.each([
    [['audit', 'missing-dir'], 'errlint: No such file or directory: missing-dir'],
    [['audit', '--rule', 'no-such-rule'], 'errlint: Unknown rule id: no-such-rule.'],
    [['audit', '--format', 'xml'], 'errlint: Unknown format "xml".'],
    [['audit', '--fail-on', 'severe'], "error: option '--fail-on <level>' argument 'severe' is invalid."],
    [['audit', '--bogus'], "error: unknown option '--bogus'"],
    [['explain', 'no-such-rule'], 'errlint: Unknown rule id: no-such-rule.'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 naming the config file and key path for an invalid config', async () => {
    const bad = tempProject({ '.errlintrc.json': '{ "rules": { "swallowed-catch": { "risk": "severe" } } }', 'a.ts': '' });
    const r = await run(['audit', '.'], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('errlint: Invalid configuration in .errlintrc.json:\n  - rules.swallowed-catch.risk: must be one of "critical", "high", "medium", "low".\n');
  });

  it('applies config: rules off, risk override, ignores', async () => {
    const proj = tempProject({
      '.errlintrc.yaml': 'rules:\n  swallowed-catch: { risk: low }\nignores: [legacy/]\n',
      'src/payment.ts': SERVICE,
      'legacy/payment.ts': SERVICE,
    });
    const report = JSON.parse((await run(['audit', '.', '--format', 'json'], proj)).stdout) as { findings: { file: string; ruleId: string; risk: string }[] };
    const swallowed = report.findings.filter((f) => f.ruleId === 'swallowed-catch');
    expect(swallowed.map((f) => f.file)).toEqual(['src/payment.ts']);
    expect(swallowed[0]!.risk).not.toBe('critical');
  });

  it('honours inline suppressions, including ESLint directives for errlint rules', async () => {
    const proj = tempProject({
      'a.ts': SERVICE.replace('  } catch (error) {', '  // errlint-disable-next-line swallowed-catch -- reviewed\n  } catch (error) {'),
      'b.ts': SERVICE.replace('  } catch (error) {', '  // eslint-disable-next-line errlint/swallowed-catch\n  } catch (error) {'),
    });
    const report = JSON.parse((await run(['audit', '.', '--format', 'json', '--rule', 'swallowed-catch'], proj)).stdout) as { findings: unknown[] };
    expect(report.findings).toEqual([]);
  });

  it('reports unused disable directives on request', async () => {
    const proj = tempProject({ 'a.ts': '// errlint-disable-next-line unchecked-http-call\nexport const a = 1;\n' });
    const r = await run(['audit', '.', '--format', 'json', '--report-unused-disable-directives'], proj);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[] };
    expect(report.findings.map((f) => [f.ruleId, f.line])).toEqual([['unused-disable-directive', 1]]);
    expect(r.code).toBe(0); // an unused directive is worth knowing, not worth failing a build
  });
});

describe('presets', () => {
  const files = { 'package.json': '{"name":"app"}', 'src/payment.ts': SERVICE };
  const rulesFound = async (args: string[], cwd: string) =>
    (JSON.parse((await run(['audit', 'src', '--format', 'json', '--fail-on', 'none', ...args], cwd)).stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);

  it('runs the recommended rules by default and every rule with --preset strict', async () => {
    const dir = tempProject(files);
    expect(await rulesFound([], dir)).not.toContain('swallowed-catch');
    expect(await rulesFound(['--preset', 'strict'], dir)).toEqual(['swallowed-catch']);
  });

  it('takes the preset from the config, and --preset over it', async () => {
    const dir = tempProject({ ...files, '.errlintrc.json': '{ "preset": "strict" }' });
    expect(await rulesFound([], dir)).toEqual(['swallowed-catch']);
    expect(await rulesFound(['--preset', 'recommended'], dir)).toEqual([]);
  });

  it('refuses an unknown preset with exit 2, in a flag or in the config', async () => {
    const flag = await run(['audit', 'src', '--preset', 'everything'], tempProject(files));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("argument 'everything' is invalid. Allowed choices are recommended, strict.");
    const config = await run(['audit', 'src'], tempProject({ ...files, '.errlintrc.json': '{ "preset": "all" }' }));
    expect(config.code).toBe(2);
    expect(config.stderr).toBe('errlint: Invalid configuration in .errlintrc.json:\n  - preset: must be one of "recommended", "strict".\n');
  });
});

describe('errlint rules and explain', () => {
  it('lists every rule from its metadata, with its preset', async () => {
    const r = await run(['rules', '--format', 'json'], REPO_ROOT);
    expect(r.code).toBe(0);
    const infos = JSON.parse(r.stdout) as { id: string; preset: string }[];
    expect(infos.map((x) => x.id)).toEqual(allRules.map((x) => x.meta.id));
    expect(infos.map((x) => x.preset)).toEqual(allRules.map((x) => x.meta.preset));
    const text = (await run(['rules'], REPO_ROOT)).stdout.split('\n');
    expect(text[0]).toMatch(/^id +preset +family +risk +fix +scope +description$/);
    for (const rule of allRules) expect(text.find((l) => l.startsWith(`${rule.meta.id} `))).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.preset} +${rule.meta.family} `));
    // the fix column says which rules --fix touches: only lost-error-context has a fix today
    const withFix = allRules.filter((rule) => / fix {2,}/.test(text.find((l) => l.startsWith(`${rule.meta.id} `))!)).map((rule) => rule.meta.id);
    expect(withFix).toEqual(allRules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id));
    expect(withFix).toEqual(['lost-error-context']);
    expect(text.filter((l) => /^(fix|suggestion): /.test(l))).toEqual([
      'fix: `audit --fix` applies the rule\'s behaviour-preserving fixes (its other findings carry suggestions); it also removes unused errlint-disable directives with --report-unused-disable-directives.',
      'suggestion: a rewrite shown with the finding, applied only by `audit --apply-suggestions <ids>`: it changes behaviour, review the diff.',
    ]);
  });

  it("prints a rule's documentation page", async () => {
    const r = await run(['explain', 'swallowed-catch'], REPO_ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# swallowed-catch')).toBe(true);
  });

  it('prints the version and help', () => {
    expect(errlint(['--version'], REPO_ROOT).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = errlint(['audit', '--help'], REPO_ROOT);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <level>');
  });
});

describe('errlint audit on Flow-typed files', () => {
  it('skips a @flow file that does not parse, instead of failing the build on it', async () => {
    const dir = tempProject({ 'a.js': '// @flow\n// header\nconst f = (x: any): number => (x: any).length;\nlet y = ((x: any): string);\n', 'b.js': '// @flow\nexport const b = 1;\n' });
    const r = await run(['audit', '.', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { errors: { file: string; kind: string; message: string }[] };
    expect(report.errors).toEqual([{ file: 'a.js', kind: 'skipped', message: 'Skipped: Flow-typed file that is not valid TypeScript or JavaScript.' }]);
    expect(r.code).toBe(0);
  });
});

describe('errlint audit of a directory whose own path looks like an example', () => {
  it('classifies files by their path below the audited directory', async () => {
    const app = `import express from 'express';
export const app = express();
app.get('/orders', (req, res) => { res.json([]); });
app.listen(3000);
`;
    const dir = tempProject({ 'examples/shop/src/server.ts': app });
    const named = JSON.parse((await run(['audit', 'examples/shop', '--format', 'json', '--preset', 'strict'], dir)).stdout) as { findings: { ruleId: string }[] };
    expect(named.findings.map((f) => f.ruleId)).toContain('missing-error-boundary');
    // audited from above, the same tree is an example inside a larger project, and no entry of the application
    const above = JSON.parse((await run(['audit', '.', '--format', 'json', '--preset', 'strict'], dir)).stdout) as { findings: { ruleId: string }[] };
    expect(above.findings.map((f) => f.ruleId)).not.toContain('missing-error-boundary');
  });
});
