import { riskRank } from './risk.js';
import type { FileError, Finding, Preset, ProjectSummary, RiskLevel, RuleFamily } from './types.js';

/** What reporters know of a rule that ran. */
export interface RuleInfo {
  id: string;
  family: RuleFamily;
  risk: RiskLevel;
  description: string;
  docsUrl: string;
  fixable: boolean;
  hasSuggestions: boolean;
  cwe: string[];
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** The smallest preset that holds the rule. */
  preset: Preset;
  scope: 'file' | 'project';
}

/** The outcome of one `audit()`: the single input every reporter formats. */
export interface AuditResult {
  tool: { name: 'errlint'; version: string };
  /** Absolute working directory; every `file` in findings and errors is relative to it with `/` separators. */
  cwd: string;
  /** Sorted by file, line, column, rule. */
  findings: Finding[];
  errors: FileError[];
  filesScanned: number;
  /** Wall time of the run; reporters print it only when timing is wanted. */
  durationMs: number;
  rules: RuleInfo[];
  /** Every file read, relative to `cwd` (not serialised); a baseline scopes its entries to them. */
  files?: readonly string[];
  /** Text of files that have findings, for code frames and suggestion diffs (not serialised). */
  sources?: ReadonlyMap<string, string>;
  /** Present when a baseline was used. */
  baseline?: { file: string; absorbed: number; stale: number };
  /** Project-wide sections from project rules (e.g. the table of error-response shapes). */
  project?: ProjectSummary;
}

export interface ReporterOptions {
  cwd: string;
  color: boolean;
  /** Include wall time (text always may; JSON only when asked, to stay deterministic). */
  timing: boolean;
  /** Summary only. */
  quiet?: boolean;
  /** The gate (`--fail-on`), shown in summaries. */
  failOn?: RiskLevel | 'none';
}

/** A reporter is pure: findings in, text out. The CLI owns stdout, files and the exit code. */
export type Reporter = (result: AuditResult, options: ReporterOptions) => string;

/**
 * The CI gate: 1 when a file was not audited (it did not parse, could not be read or could not be analysed) or
 * a finding is at or above `failOn`, else 0. Skipped files (binary, minified, too large) do not fail it.
 */
export function exitCodeFor(result: AuditResult, failOn: RiskLevel | 'none' | undefined): 0 | 1 {
  if (!failOn || failOn === 'none') return 0;
  if (result.errors.some((e) => e.kind !== 'skipped')) return 1;
  const gate = riskRank(failOn);
  return result.findings.some((f) => f.ruleId !== 'unused-disable-directive' && riskRank(f.risk) <= gate) ? 1 : 0;
}
