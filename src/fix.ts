import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { isInside } from './discovery.js';
import { applyEdits } from './engine/apply-edits.js';
import { firstParseError, parseSource } from './engine/lint-source.js';
import { printable } from './reporters/shared.js';
import type { Finding, TextEdit } from './types.js';
import { contentHash, FileChangedError, writeFileAtomic } from './write-file.js';
import { ioReason } from './errors.js';

/** Lints one file's text and returns its findings; the fixer calls it after every pass. */
export type LintText = (text: string, filePath: string) => Finding[] | Promise<Finding[]>;

/**
 * Which edits to apply. `fix` (`--fix`): each finding's first safe fix. `suggestions`
 * (`--apply-suggestions`): each finding's first suggestion, safe or not, for the named rules only.
 * `rules` limits either mode (`--fix-rule`); it is required for `suggestions`.
 */
export interface FixSelection {
  mode: 'fix' | 'suggestions';
  rules?: Iterable<string>;
}

export const MAX_FIX_PASSES = 10;

interface EditGroup {
  ruleId: string;
  edits: readonly TextEdit[];
}

export interface FixTextResult {
  output: string;
  changed: boolean;
  /** Passes that changed the text. */
  passes: number;
  applied: number;
  /** Edits not applied because the result would not parse. */
  dropped: number;
  /** Applied edits per rule id, sorted by id. */
  byRule: Record<string, number>;
  /** Findings on the final text. */
  remaining: Finding[];
}

/** The edits a selection picks from findings, one group per finding. */
export function selectEdits(findings: readonly Finding[], selection: FixSelection): EditGroup[] {
  const rules = selection.rules ? new Set(selection.rules) : undefined;
  if (selection.mode === 'suggestions' && !rules) throw new TypeError('Applying suggestions needs the rule ids to apply them for.');
  const groups: EditGroup[] = [];
  for (const f of findings) {
    if (rules && !rules.has(f.ruleId)) continue;
    const pick = selection.mode === 'fix' ? f.suggestions.find((s) => s.safe) : f.suggestions[0];
    if (pick && pick.edits.length) groups.push({ ruleId: f.ruleId, edits: pick.edits });
  }
  return groups;
}

function parses(text: string, filePath: string): boolean {
  return firstParseError(parseSource(text, filePath)) === undefined;
}

/**
 * Applies as many groups as fit without overlapping and keep the file parsable. The common case (all fit,
 * result parses) costs one parse; otherwise groups are added one at a time, earliest first.
 */
function applyChecked(text: string, groups: EditGroup[], filePath: string): { text: string; accepted: EditGroup[]; dropped: number } {
  const ordered = [...groups].sort((a, b) => Math.min(...a.edits.map((e) => e.range[0])) - Math.min(...b.edits.map((e) => e.range[0])));
  const accepted: EditGroup[] = [];
  for (const g of ordered) {
    if (applyEdits(text, [...accepted, g].map((x) => x.edits)).applied === accepted.length + 1) accepted.push(g);
  }
  const all = applyEdits(text, accepted.map((x) => x.edits)).text;
  if (parses(all, filePath)) return { text: all, accepted, dropped: 0 };
  const safe: EditGroup[] = [];
  let current = text;
  for (const g of accepted) {
    const trial = applyEdits(text, [...safe, g].map((x) => x.edits)).text;
    if (parses(trial, filePath)) {
      safe.push(g);
      current = trial;
    }
  }
  return { text: current, accepted: safe, dropped: accepted.length - safe.length };
}

/** The file's own line ending: CRLF when most of its lines end so, else LF. Inserted lines follow it. */
export function lineEnding(text: string): '\r\n' | '\n' {
  let lf = 0;
  let crlf = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Fixes one file's text: lint, apply the selected edits, re-lint, until nothing changes or `maxPasses`
 * passes (ESLint's `source-code-fixer` loop). An edit that would leave a syntax error is dropped. Text that
 * does not parse to begin with is returned unchanged. Line breaks in edits follow the file's own (`lineEnding`).
 */
export async function fixText(text: string, filePath: string, lint: LintText, selection: FixSelection, maxPasses = MAX_FIX_PASSES): Promise<FixTextResult> {
  const crlf = lineEnding(text) === '\r\n';
  let current = text;
  let passes = 0;
  let applied = 0;
  let dropped = 0;
  const byRule: Record<string, number> = {};
  let findings = await lint(current, filePath);
  if (!parses(text, filePath)) return { output: text, changed: false, passes: 0, applied: 0, dropped: 0, byRule, remaining: findings };
  while (passes < maxPasses) {
    const selected = selectEdits(findings, selection);
    if (selected.length === 0) break;
    const groups = crlf ? selected.map((g) => ({ ...g, edits: g.edits.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, '\r\n') })) })) : selected;
    const step = applyChecked(current, groups, filePath);
    dropped = step.dropped;
    if (step.accepted.length === 0 || step.text === current) break;
    for (const g of step.accepted) byRule[g.ruleId] = (byRule[g.ruleId] ?? 0) + 1;
    applied += step.accepted.length;
    passes++;
    current = step.text;
    findings = await lint(current, filePath);
  }
  const sortedByRule = Object.fromEntries(Object.entries(byRule).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { output: current, changed: current !== text, passes, applied, dropped, byRule: sortedByRule, remaining: findings };
}

/** A git-style unified diff of one file (`a/` and `b/` prefixes, three lines of context). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

export interface FixFilesOptions {
  /** Working directory; `files` are relative to it. */
  cwd: string;
  /**
   * Real directories a fix may write in (`auditedRoots`): a file whose real path is outside them (reached through
   * a symlink) is skipped. Default: the working directory.
   */
  roots?: readonly string[];
  files: readonly string[];
  lint: LintText;
  selection: FixSelection;
  /** Compute diffs, write nothing (`--fix-dry-run`). */
  dryRun?: boolean;
  maxPasses?: number;
}

export interface FileFixOutcome {
  file: string;
  /**
   * `fixed` (written), `would-fix` (dry run), `unchanged`, `conflict` (changed on disk meanwhile), `failed`
   * (not readable or not writable), `skipped` (never written: a symlink out of the audited paths, not UTF-8).
   */
  status: 'fixed' | 'would-fix' | 'unchanged' | 'conflict' | 'failed' | 'skipped';
  applied: number;
  dropped: number;
  passes: number;
  byRule: Record<string, number>;
  /** Findings left in the file's final text (the original text's for a conflict or failure). */
  remaining: Finding[];
  /** Unified diff of the change (also for written files). */
  diff: string;
  message?: string;
}

export interface FixFilesResult {
  files: FileFixOutcome[];
  applied: number;
  dropped: number;
  /** Every file's diff, concatenated in file order: what `--fix-dry-run` prints. */
  diff: string;
}

/**
 * Fixes files on disk (`--fix`, `--fix-dry-run`, `--apply-suggestions`): reads each file, runs `fixText`,
 * and writes changed files atomically unless they changed on disk in the meantime. A byte-order mark is kept;
 * a file that is not valid UTF-8 is left alone (writing it back would alter bytes no fix touched).
 */
export async function fixFiles(options: FixFilesOptions): Promise<FixFilesResult> {
  const outcomes: FileFixOutcome[] = [];
  const files = [...new Set(options.files)].sort();
  const roots = options.roots ?? [fs.realpathSync(options.cwd)];
  for (const file of files) {
    const abs = path.resolve(options.cwd, file);
    const base = { file, applied: 0, dropped: 0, passes: 0, byRule: {}, remaining: [] as Finding[], diff: '' };
    let bytes: Buffer;
    try {
      const real = fs.realpathSync(abs);
      if (!isInside(real, roots)) {
        outcomes.push({ ...base, status: 'skipped', message: `a symlink to ${real}, outside the audited paths; not written.` });
        continue;
      }
      bytes = fs.readFileSync(abs);
    } catch (error) {
      outcomes.push({ ...base, status: 'failed', message: `Cannot read: ${ioReason(error)}.` });
      continue;
    }
    const decoded = bytes.toString('utf8');
    if (!Buffer.from(decoded, 'utf8').equals(bytes)) {
      outcomes.push({ ...base, status: 'skipped', message: 'Not valid UTF-8; not fixed.' });
      continue;
    }
    const bom = decoded.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const text = bom ? decoded.slice(1) : decoded;
    const fixed = await fixText(text, file, options.lint, options.selection, options.maxPasses);
    const outcome: FileFixOutcome = { ...base, status: 'unchanged', applied: fixed.applied, dropped: fixed.dropped, passes: fixed.passes, byRule: fixed.byRule, remaining: fixed.remaining };
    if (fixed.changed) {
      outcome.diff = unifiedDiff(file, text, fixed.output);
      if (options.dryRun) {
        outcome.status = 'would-fix';
      } else {
        try {
          writeFileAtomic(abs, bom + fixed.output, { expectedHash: contentHash(bytes) });
          outcome.status = 'fixed';
        } catch (error) {
          outcome.status = error instanceof FileChangedError ? 'conflict' : 'failed';
          outcome.message = error instanceof FileChangedError ? 'Changed on disk while errlint was fixing it; not written.' : `Cannot write: ${ioReason(error)}.`;
        }
      }
    }
    outcomes.push(outcome);
  }
  const written = outcomes.filter((o) => o.status === 'fixed' || o.status === 'would-fix');
  return {
    files: outcomes,
    applied: written.reduce((n, o) => n + o.applied, 0),
    dropped: outcomes.reduce((n, o) => n + o.dropped, 0),
    diff: outcomes.map((o) => o.diff).join(''),
  };
}

/**
 * One line per file for stderr after `--fix` or `--apply-suggestions`: what was applied, what could not be
 * written. Suggestions change behaviour, so their summary asks for a review instead of saying "fixed".
 */
export function fixSummary(result: FixFilesResult, dryRun: boolean, mode: FixSelection['mode'] = 'fix'): string {
  const suggestions = mode === 'suggestions';
  const lines: string[] = [];
  for (const o of result.files) {
    if (o.status === 'unchanged' && !o.dropped) continue;
    const rules = Object.entries(o.byRule).map(([id, n]) => `${id} ×${n}`).join(', ');
    const done = suggestions ? 'applied' : 'fixed';
    const verb = o.status === 'fixed' ? done : o.status === 'would-fix' ? `would ${suggestions ? 'apply' : 'fix'}` : o.status;
    const dropped = o.dropped ? ` (${o.dropped} edit${o.dropped === 1 ? '' : 's'} dropped: the result would not parse)` : '';
    lines.push(`${printable(o.file)}: ${verb}${rules ? ` ${rules}` : ''}${dropped}${o.message ? ` — ${printable(o.message)}` : ''}`);
  }
  const files = result.files.filter((o) => o.status === 'fixed' || o.status === 'would-fix').length;
  const fileCount = `${files} file${files === 1 ? '' : 's'}`;
  if (suggestions) {
    const n = `${result.applied} suggestion${result.applied === 1 ? '' : 's'}`;
    lines.push(dryRun ? `Would apply ${n} in ${fileCount}.` : `Applied ${n} in ${fileCount}${result.applied > 0 ? ' — review the diff' : ''}.`);
  } else {
    lines.push(`${dryRun ? 'Would apply' : 'Applied'} ${result.applied} fix${result.applied === 1 ? '' : 'es'} in ${fileCount}.`);
  }
  return `${lines.join('\n')}\n`;
}
