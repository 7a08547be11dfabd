import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_KIND, escapeData, escapeProperty, githubReporter } from '../../src/reporters/github.js';
import { gitlabReporter, type GitlabIssue } from '../../src/reporters/gitlab.js';
import { escapeCell, markdownReporter, MAX_TABLE_ROWS } from '../../src/reporters/markdown.js';
import type { ReporterOptions } from '../../src/result.js';
import { expectGolden } from '../utils/golden.js';
import { SYNTHETIC_CWD, syntheticResult } from './synthetic.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');
const options: ReporterOptions = { cwd: SYNTHETIC_CWD, color: false, timing: false, failOn: 'high' };

describe('github reporter', () => {
  it('matches the golden file', () => {
    expectGolden(path.join(GOLDEN, 'synthetic.github.txt'), githubReporter(syntheticResult(), options));
  });

  it('writes one workflow command per finding, a file that does not parse first, then riskiest first', () => {
    const lines = githubReporter(syntheticResult(), options).trimEnd().split('\n');
    expect(lines[0]).toBe("::error file=src/broken.ts,line=3,col=1,title=errlint parse error::'}' expected.");
    expect(lines[1]).toMatch(/^::error file=src\/payments\/charge service\.ts,line=8,col=5,endLine=8,endColumn=18,title=errlint swallowed-catch \(critical risk\)::/);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(1);
    expect(lines.at(-1)).toMatch(/^errlint: 3 findings/);
  });

  it('annotates the riskiest findings up to what GitHub shows per kind, and counts the rest in one notice', () => {
    const base = syntheticResult();
    const f = base.findings[0]!;
    const many = [
      ...Array.from({ length: 14 }, (_, i) => ({ ...f, risk: 'critical' as const, line: i + 1, score: 99 - i })),
      ...Array.from({ length: 12 }, (_, i) => ({ ...f, risk: 'low' as const, line: 100 + i, score: 20 })),
    ];
    const lines = githubReporter({ ...base, findings: many, errors: [] }, options).trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    const notices = lines.filter((l) => l.startsWith('::notice '));
    expect(errors).toHaveLength(ANNOTATIONS_PER_KIND);
    // the ten highest scores, in order
    expect(errors.map((l) => /line=(\d+),/.exec(l)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(notices).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(notices.at(-1)).toContain('::7 more findings (4 critical, 3 low) not annotated: GitHub shows 10 annotations of each kind per step.');
    expect(lines.at(-1)).toMatch(/^errlint: 26 findings \(14 critical, 0 high, 0 medium, 12 low\)/);
  });

  it('escapes what would end a command early', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const out = githubReporter(syntheticResult(), options);
    // the title's `(` stays; the message keeps its pipe and quotes
    expect(out).toContain('::The error message reaches the HTTP response | "err.message".');
  });
});

describe('gitlab reporter', () => {
  it('matches the golden file', () => {
    expectGolden(path.join(GOLDEN, 'synthetic.gitlab.json'), gitlabReporter(syntheticResult(), options));
  });

  it('gives every issue the fields GitLab requires, with unique fingerprints', () => {
    const issues = JSON.parse(gitlabReporter(syntheticResult(), options)) as GitlabIssue[];
    expect(issues).toHaveLength(4);
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(i.location.lines.begin).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.at(-1)).toMatchObject({ check_name: 'parse-error', severity: 'blocker', location: { path: 'src/broken.ts' } });
  });

  it('keeps a fingerprint when code is inserted above the finding', () => {
    const before = JSON.parse(gitlabReporter(syntheticResult(), options)) as GitlabIssue[];
    const shifted = syntheticResult();
    const pad = '// a new header line\n\n';
    shifted.sources = new Map([...shifted.sources!].map(([f, t]) => [f, pad + t]));
    shifted.findings = shifted.findings.map((f) => ({ ...f, line: f.line + 2, endLine: f.endLine + 2, range: [f.range[0] + pad.length, f.range[1] + pad.length] }));
    const after = JSON.parse(gitlabReporter(shifted, options)) as GitlabIssue[];
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    expect(after[0]!.location.lines.begin).toBe(before[0]!.location.lines.begin + 2);
  });
});

describe('markdown reporter', () => {
  it('matches the golden file', () => {
    expectGolden(path.join(GOLDEN, 'synthetic.md'), markdownReporter(syntheticResult(), options));
  });

  it('shows the gate, the baseline, a location / risk / impact table and the top findings', () => {
    const md = markdownReporter(syntheticResult(), options);
    expect(md).toContain('Gate `--fail-on high`: **failed** (2 findings at or above high, 1 file that could not be parsed).');
    expect(md).toContain('2 known findings absorbed, 1 baseline entry no longer found');
    expect(md).toContain('| location | risk | rule | impact |');
    expect(md).toContain('#### 1. `src/payments/charge service.ts:8` — swallowed-catch · 🔴 critical, score 100');
    expect(md).toContain('**Fix** (safe, `errlint audit --fix`): Keep the caught error as the cause.');
    expect(md).toMatch(/```diff\n[^`]*\+ {4}throw new Error\('bad json', \{ cause: e \}\);/);
  });

  it('keeps table cells intact', () => {
    expect(escapeCell('a | b\n<script>')).toBe('a \\| b &lt;script>');
    const md = markdownReporter(syntheticResult(), options);
    const row = md.split('\n').find((l) => l.includes('err.message') && l.startsWith('|'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });

  it('caps the table and says how many more there are', () => {
    const base = syntheticResult();
    const many = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => ({ ...base.findings[0]!, line: i + 1 }));
    const md = markdownReporter({ ...base, findings: many }, { ...options, summaryOnly: true });
    expect(md).toContain('…and 5 more, lower-risk findings');
    expect(md).not.toContain('#### 1.');
  });

  it('is deterministic: no wall time even when timing is on', () => {
    expect(markdownReporter(syntheticResult({ durationMs: 5 }), { ...options, timing: true })).toBe(markdownReporter(syntheticResult(), options));
  });

  it('says so when there is nothing to report', () => {
    expect(markdownReporter(syntheticResult({ findings: [], errors: [], baseline: undefined }), { ...options, failOn: 'none' })).toBe(
      '## errlint: error-handling audit\n\n**0 findings** in 3 files: 🔴 0 critical · 🟠 0 high · 🟡 0 medium · ⚪ 0 low\n\nNo error-handling problems found.\n',
    );
  });
});
