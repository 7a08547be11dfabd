import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../../src/baseline.js';
import { relativeUri, sarifReporter, toSarif } from '../../src/reporters/sarif.js';
import type { ReporterOptions } from '../../src/result.js';
import { expectGolden } from '../utils/golden.js';
import { MULTITOOL_PACKAGE, multitoolDir, runMultitool, sarifSchemaPath, schemaErrors } from './sarif-validation.js';
import { SYNTHETIC_CWD, syntheticResult } from './synthetic.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');
const options: ReporterOptions = { cwd: SYNTHETIC_CWD, color: false, timing: false, failOn: 'high' };
const HELP = { 'swallowed-catch': '# swallowed-catch\n\nFlags catch clauses after which the failure is neither propagated nor recorded.\n\n## What it flags\n\n- `catch (e) { return false; }`\n' };

const schemaPath = sarifSchemaPath();
const mtDir = multitoolDir();

describe('sarif reporter', () => {
  it('matches the golden file', () => {
    expectGolden(path.join(GOLDEN, 'synthetic.sarif'), sarifReporter(syntheticResult(), { ...options, ruleHelp: HELP }));
  });

  it('is byte-identical across runs: no timestamps, no wall time even when timing is on', () => {
    const a = sarifReporter(syntheticResult(), options);
    expect(sarifReporter(syntheticResult({ durationMs: 999 }), { ...options, timing: true })).toBe(a);
    expect(a).not.toMatch(/Utc|durationMs/);
  });

  it('describes every rule once and points each result at its rule', () => {
    const log = toSarif(syntheticResult(), options);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(['generic-error', 'leaked-error-response', 'swallowed-catch']);
    for (const r of run.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const leak = rules.find((r) => r.id === 'leaked-error-response')!;
    expect(leak.properties).toMatchObject({ tags: expect.arrayContaining(['security', 'external/cwe/cwe-209']), precision: 'high', 'problem.severity': 'error', 'security-severity': '7.5' });
    // swallowing is a reliability problem, not a security one: no security-severity
    expect(rules.find((r) => r.id === 'swallowed-catch')!.properties).not.toHaveProperty('security-severity');
  });

  it('writes relative, percent-encoded URIs against %SRCROOT%', () => {
    const run = toSarif(syntheticResult(), options).runs[0]!;
    const loc = run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(loc).toEqual({ uri: 'src/payments/charge%20service.ts', uriBaseId: '%SRCROOT%' });
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///work/project/');
    expect(relativeUri('a/b c#d.ts')).toBe('a/b%20c%23d.ts');
  });

  it('carries risk, factors, rank, fingerprints and fixes', () => {
    const results = toSarif(syntheticResult(), options).runs[0]!.results!;
    const swallow = results.find((r) => r.ruleId === 'swallowed-catch')!;
    expect(swallow.rank).toBe(100);
    expect(swallow.properties).toMatchObject({ risk: 'critical', score: 100 });
    expect((swallow.properties!.factors as { id: string }[]).map((f) => f.id)).toContain('money-path');
    expect(swallow.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    const generic = results.find((r) => r.ruleId === 'generic-error')!;
    expect(generic.fixes![0]!.properties).toEqual({ safe: true, messageId: 'addCause' });
    expect(generic.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent).toEqual({ text: ', { cause: e }' });
  });

  it('reports parse errors as notifications and the exit code of the gate', () => {
    const inv = toSarif(syntheticResult(), options).runs[0]!.invocations![0]!;
    expect(inv.exitCode).toBe(1);
    expect(inv.toolExecutionNotifications![0]).toMatchObject({ descriptor: { id: 'parse-error' }, level: 'error' });
    const clean = toSarif(syntheticResult({ findings: [], errors: [] }), { ...options, failOn: 'none' }).runs[0]!.invocations![0]!;
    expect(clean.exitCode).toBe(0);
    expect(toSarif(syntheticResult(), { ...options, exitCode: 2 }).runs[0]!.invocations![0]!.exitCode).toBe(2);
  });

  it('truncates to the result limit, keeping the riskiest, with a notice', () => {
    const run = toSarif(syntheticResult(), { ...options, maxResults: 2 }).runs[0]!;
    expect(run.results!.map((r) => r.ruleId)).toEqual(['swallowed-catch', 'leaked-error-response']);
    const notice = run.invocations![0]!.toolExecutionNotifications!.find((n) => n.descriptor?.id === 'results-truncated')!;
    expect(notice.message.text).toMatch(/3 findings exceed the limit of 2/);
    expect(run.tool.driver.notifications!.map((n) => n.id)).toEqual(['parse-error', 'results-truncated']);
  });

  it('has one run with automation details', () => {
    const log = toSarif(syntheticResult(), options);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.automationDetails).toEqual({ id: 'errlint/' });
    expect(toSarif(syntheticResult(), { ...options, automationId: 'errlint/api/' }).runs[0]!.automationDetails).toEqual({ id: 'errlint/api/' });
  });

  it.skipIf(!schemaPath)(`is valid against the SARIF 2.1.0 JSON schema${schemaPath ? '' : ` (skipped: no schema/sarif-2.1.0.json and ${MULTITOOL_PACKAGE} is not installed)`}`, () => {
    for (const result of [syntheticResult(), syntheticResult({ findings: [], errors: [], baseline: undefined })]) {
      expect(schemaErrors(JSON.parse(sarifReporter(result, { ...options, ruleHelp: HELP })), schemaPath!)).toEqual([]);
    }
    // the validator is not vacuous: a result without a message, a region starting at line 0
    const broken = toSarif(syntheticResult(), options) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    (broken.runs[0]!.results[1]!.locations as { physicalLocation: { region: { startLine: number } } }[])[0]!.physicalLocation.region.startLine = 0;
    expect(schemaErrors(broken, schemaPath!).length).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!mtDir)(`passes Sarif.Multitool validate --rule-kind "Gh;Sarif" with zero errors${mtDir ? '' : ` (skipped: devDependency ${MULTITOOL_PACKAGE} is not installed)`}`, () => {
    const report = runMultitool(sarifReporter(syntheticResult(), { ...options, ruleHelp: HELP }), mtDir!);
    expect(report.errors).toEqual([]);
  });
});
