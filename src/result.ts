import { riskRank } from './risk.js';
import type { ExemptedSite, FileError, Finding, Preset, ProjectSummary, RiskLevel, RuleFamily } from './types.js';

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
  /** Findings left out by a display filter (`--min-risk`, `--quiet`): how many, and the floor. */
  hidden?: { below: RiskLevel | 'none'; count: number };
  /** Present when a baseline was used. */
  baseline?: { file: string; absorbed: number; stale: number };
  /** Project-wide sections from project rules (e.g. the table of error-response shapes). */
  project?: ProjectSummary;
  /** With `--show-exempt`: the sites rules matched but chose not to report, and why, sorted by file and line. */
  exemptions?: ExemptedSite[];
}

export interface ReporterOptions {
  cwd: string;
  color: boolean;
  /** Include wall time (text always may; JSON only when asked, to stay deterministic). */
  timing: boolean;
  /** Summary only (`--summary`): counts, no finding details. */
  summaryOnly?: boolean;
  /** The gate (`--fail-on`), shown in summaries. */
  failOn?: RiskLevel | 'none';
  /** The count threshold (`--max-findings`), shown in summaries. */
  maxFindings?: number;
}

/** What only the SARIF format needs, given by the CLI (which may read files; reporters never do). Declared here,
 * beside ReporterOptions, so the public types never need the `sarif` type package. */
export interface SarifOptions {
  /** Markdown of each rule's documentation page by rule id, for `help.markdown`. */
  ruleHelp?: Readonly<Record<string, string>>;
  /** The exit code of this run, for `invocations[0].exitCode`; computed from `failOn` when absent. */
  exitCode?: number;
  /** `runAutomationDetails.id`: `category/` (GitHub keys uploads by tool and category). Default `errlint/`. */
  automationId?: string;
  /** Default 25,000 (GitHub's limit). */
  maxResults?: number;
}

/** A reporter is pure: findings in, text out. The CLI owns stdout, files and the exit code. */
export type Reporter = (result: AuditResult, options: ReporterOptions) => string;

/** The file `--update-baseline` writes when `--baseline` names none. */
export const DEFAULT_BASELINE_FILE = 'errlint-baseline.json';

/** The CI gate's thresholds: a risk (`--fail-on`) and a count of findings (`--max-findings`). */
export interface GateOptions {
  failOn?: RiskLevel | 'none';
  maxFindings?: number;
}

/** Why a run passes or fails its gate: the exit code and, when 1, every reason in words. */
export interface GateOutcome {
  exitCode: 0 | 1;
  reasons: string[];
}

function countOf(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/**
 * The CI gate: 1 when a file was not audited (it did not parse, could not be read or could not be analysed) or a
 * finding is at or above `failOn` (unused-directive reports never fail a build), or when there are more findings
 * than `maxFindings`; every reason is listed. Skipped files (binary, minified, too large) do not fail it.
 */
export function gate(result: AuditResult, options: GateOptions): GateOutcome {
  const reasons: string[] = [];
  const { failOn, maxFindings } = options;
  if (failOn && failOn !== 'none') {
    const notAudited = result.errors.filter((e) => e.kind !== 'skipped').length;
    const level = riskRank(failOn);
    const over = result.findings.filter((f) => f.ruleId !== 'unused-disable-directive' && riskRank(f.risk) <= level).length;
    if (over > 0) reasons.push(`${countOf(over, 'finding')} at or above ${failOn}`);
    if (notAudited > 0) reasons.push(`${countOf(notAudited, 'file')} that could not be audited`);
  }
  if (maxFindings !== undefined && result.findings.length > maxFindings) {
    reasons.push(`${countOf(result.findings.length, 'finding')}, more than --max-findings ${maxFindings}`);
  }
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}

/** The CI gate's exit code: see `gate`. */
export function exitCodeFor(result: AuditResult, failOn: RiskLevel | 'none' | undefined, maxFindings?: number): 0 | 1 {
  return gate(result, { failOn, maxFindings }).exitCode;
}
