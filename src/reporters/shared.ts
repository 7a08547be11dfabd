import type { AuditResult } from '../result.js';
import { RISK_LEVELS, type Finding, type RiskLevel } from '../types.js';

/** Highest score first; ties in file, line, column order, so every format ranks alike. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => b.score - a.score || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

export function countByRisk(findings: readonly Finding[]): Record<RiskLevel, number> {
  const counts = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  for (const f of findings) counts[f.risk]++;
  return counts;
}

export function countByRule(result: AuditResult): Map<string, Record<RiskLevel, number>> {
  const map = new Map<string, Record<RiskLevel, number>>();
  for (const f of result.findings) {
    let row = map.get(f.ruleId);
    if (!row) map.set(f.ruleId, (row = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>));
    row[f.risk]++;
  }
  return new Map([...map].sort((a, b) => a[0].localeCompare(b[0])));
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
