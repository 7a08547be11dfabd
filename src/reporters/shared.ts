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

/** The error-response shapes summary (inconsistent-error-shape) as display cells, most used first per app. */
export function errorShapeCells(result: AuditResult): { app?: string; shape: string; dominant: boolean; count: number; where: string }[] {
  return (result.project?.errorShapes ?? []).map((r) => {
    const examples = r.examples.map((e) => `${e.file}:${e.line}`).join(', ');
    const defined = r.definedAt ? `${r.definedAt.kind} ${r.definedAt.file}:${r.definedAt.line}; ` : '';
    return { ...(r.app ? { app: r.app } : {}), shape: r.shape, dominant: r.dominant, count: r.count, where: `${defined}${examples}` };
  });
}

/**
 * Characters a terminal or a log viewer acts on instead of showing: C0 controls but tab (line breaks too, for a
 * name), DEL, C1 controls, and the bidirectional marks that reorder what is shown ("Trojan Source").
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the audited tree (file names, source lines, messages quoting them) as it may be printed: each
 * unprintable character as a visible escape (`\x1b`, `\u202e`). Formats read by programs (JSON, SARIF, GitLab)
 * keep the exact text.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `printable` for text of several lines: the line breaks stay. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
