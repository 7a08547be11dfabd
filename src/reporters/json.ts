import { computeFingerprints } from '../baseline.js';
import type { AuditResult, Reporter } from '../result.js';
import { countByRisk, rankFindings } from './shared.js';

/** Version of the JSON report shape (schema/report.schema.json). Bumped on any breaking change. */
export const JSON_SCHEMA_VERSION = 1;

/** Ranked findings with the fingerprint the baseline, SARIF and GitLab use for the same finding. */
function withFingerprint(result: AuditResult): { f: AuditResult['findings'][number]; fingerprint: string }[] {
  const ids = computeFingerprints(result.findings, result.sources);
  const byFinding = new Map(result.findings.map((f, i) => [f, ids[i]!.fingerprint]));
  return rankFindings(result.findings).map((f) => ({ f, fingerprint: byFinding.get(f)! }));
}

export function toJsonReport(result: AuditResult, timing: boolean): Record<string, unknown> {
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: result.tool,
    summary: {
      filesScanned: result.filesScanned,
      findings: result.findings.length,
      byRisk: countByRisk(result.findings),
      byRule: Object.fromEntries(Object.entries(byRule).sort((a, b) => a[0].localeCompare(b[0]))),
      errors: result.errors.length,
      // the rules that ran and their risk: `errlint merge` lists these, not every rule errlint has
      rules: Object.fromEntries(result.rules.map((r) => [r.id, r.risk] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
      ...(result.baseline ? { baseline: result.baseline } : {}),
      ...(timing ? { durationMs: Math.round(result.durationMs) } : {}),
    },
    findings: withFingerprint(result).map(({ f, fingerprint }) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      risk: f.risk,
      score: f.score,
      factors: f.factors,
      fingerprint,
      suggestions: f.suggestions.map((s) => ({ description: s.description, safe: s.safe, edits: s.edits.map((e) => ({ range: [...e.range], text: e.text })) })),
    })),
    errors: result.errors.map((e) => ({ file: e.file, kind: e.kind, message: e.message, ...(e.line ? { line: e.line, column: e.column } : {}) })),
    // `--show-exempt` only, so a report without it keeps its shape
    ...(result.exemptions
      ? { exemptions: result.exemptions.map((x) => ({ ruleId: x.ruleId, reason: x.reason, detail: x.detail, file: x.file, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn })) }
      : {}),
  };
}

/** The JSON report: deterministic for the same input (timing only when asked). */
export const jsonReporter: Reporter = (result, options) => `${JSON.stringify(toJsonReport(result, options.timing), null, 2)}\n`;
