import type { FileError, Finding, ProjectSummary, RiskLevel, RuleFamily } from './types.js';

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
