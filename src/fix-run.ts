import path from 'node:path';
import type { AuditRun } from './audit.js';
import { lintSource } from './engine/lint-source.js';
import { fileRulesOf } from './engine/project.js';
import { fixFiles, selectEdits, type FixFilesResult, type FixSelection, type LintText } from './fix.js';
import { createLintSetup } from './lint-setup.js';

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
  const { rules: all, knowledge, classify } = createLintSetup(run.config.config, options.only, run.cwd);
  const rules = fileRulesOf(all);
  return (text, filePath) =>
    lintSource({ text, filePath, rules, knowledge, file: classify(filePath, text, path.resolve(run.cwd, filePath)), reportUnusedDirectives: options.reportUnusedDirectives }).findings;
}

/**
 * `--fix`, `--fix-dry-run`, `--apply-suggestions` after an audit: fixes the files whose findings have a
 * selected edit. Project-level findings are left alone (their fixes need the whole tree).
 */
export async function runFixes(run: AuditRun, options: RunFixesOptions): Promise<FixFilesResult> {
  const files = [...new Set(run.findings.filter((f) => selectEdits([f], options.selection).length > 0).map((f) => f.file))];
  return fixFiles({ cwd: options.cwd, files, lint: createFileLinter(run, options), selection: options.selection, dryRun: options.dryRun });
}
