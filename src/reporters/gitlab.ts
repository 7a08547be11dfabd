import { createHash } from 'node:crypto';
import { computeFingerprints } from '../baseline.js';
import type { Reporter } from '../result.js';
import type { RiskLevel } from '../types.js';

/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
export function gitlabSeverity(risk: RiskLevel): 'info' | 'minor' | 'major' | 'critical' {
  return risk === 'critical' ? 'critical' : risk === 'high' ? 'major' : risk === 'medium' ? 'minor' : 'info';
}

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * A GitLab Code Quality report (the Code Climate subset GitLab reads): one issue per finding, with the same
 * fingerprint as the baseline so GitLab tracks an issue across commits. Parse errors are listed as blockers:
 * a file errlint could not read is a file nobody checked.
 */
export const gitlabReporter: Reporter = (result) => {
  const ids = computeFingerprints(result.findings, result.sources);
  const issues: GitlabIssue[] = result.findings.map((f, i) => ({
    description: `${f.message} (${f.risk} risk, score ${f.score})`,
    check_name: f.ruleId,
    fingerprint: ids[i]!.fingerprint,
    severity: gitlabSeverity(f.risk),
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
  }));
  for (const e of result.errors) {
    if (e.kind !== 'parse') continue;
    issues.push({
      description: `errlint could not parse this file: ${e.message}`,
      check_name: 'parse-error',
      fingerprint: createHash('sha256').update(`parse-error\0${e.file}`).digest('hex').slice(0, 32),
      severity: 'blocker',
      location: { path: e.file, lines: { begin: e.line ?? 1, end: e.line ?? 1 } },
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
