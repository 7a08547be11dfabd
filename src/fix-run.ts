import { allRules } from '../rules/index.js';
import type { AuditRun } from './audit.js';
import { resolveRules } from './config/load-config.js';
import { createFileClassifier, mergePatterns } from './engine/file-facts.js';
import { lintSource } from './engine/lint-source.js';
import { fixFiles, selectEdits, type FixFilesResult, type FixSelection, type LintText } from './fix.js';
import { resolveKnowledge } from './knowledge/index.js';

export interface RunFixesOptions {
  cwd: string;
  selection: FixSelection;
  dryRun?: boolean;
  /** `--rule`: the rules the audit ran. */
  only?: readonly string[];
  reportUnusedDirectives?: boolean;
}

/** Lints one file's text with the run's config, the same rules and knowledge `audit()` used (file rules only). */
export function createFileLinter(run: AuditRun, options: Pick<RunFixesOptions, 'only' | 'reportUnusedDirectives'>): LintText {
  const { config } = run.config;
  const rules = resolveRules(config, allRules, options.only).filter((r) => (r.rule.meta.scope ?? 'file') === 'file');
  const knowledge = resolveKnowledge(config.knowledge);
  const classify = createFileClassifier(mergePatterns(config.files));
  return (text, filePath) =>
    lintSource({ text, filePath, rules, knowledge, file: classify(filePath, text), reportUnusedDirectives: options.reportUnusedDirectives }).findings;
}

/**
 * `--fix`, `--fix-dry-run`, `--apply-suggestions` after an audit: fixes the files whose findings have a
 * selected edit. Project-level findings are left alone (their fixes need the whole tree).
 */
export async function runFixes(run: AuditRun, options: RunFixesOptions): Promise<FixFilesResult> {
  const files = [...new Set(run.findings.filter((f) => selectEdits([f], options.selection).length > 0).map((f) => f.file))];
  return fixFiles({ cwd: options.cwd, files, lint: createFileLinter(run, options), selection: options.selection, dryRun: options.dryRun });
}
