import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript';
import { enclosingContext } from './analysis/ast.js';
import { parseSource } from './engine/lint-source.js';
import { ConfigurationError, ioReason } from './errors.js';
import { writeFileAtomic } from './write-file.js';
import { compiler, type TS } from './ts.js';
import type { AuditResult } from './result.js';
import type { Finding } from './types.js';

/** Version of the baseline file's shape; a file of another version is refused, not misread. */
export const BASELINE_VERSION = 1;

/** Key of errlint's fingerprint in SARIF `partialFingerprints`; bump the suffix when the recipe changes. */
export const FINGERPRINT_KEY = 'errlint/v1';

/** A finding that already carries its fingerprint (set by the baseline step so every reporter agrees). */
export type FingerprintedFinding = Finding & { fingerprint?: string };

export interface BaselineEntry {
  file: string;
  ruleId: string;
  /** Enclosing function and class names, innermost last (`OrderService.cancel`); for a reviewer's eye. */
  context: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: 'errlint';
  findings: BaselineEntry[];
}

interface Identity {
  fingerprint: string;
  context: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The flagged code as tokens joined by single spaces: whitespace, line breaks and comments drop out, so
 * re-indenting or reformatting the code does not change a fingerprint.
 */
export function normalizeCode(code: string, t: TS = compiler): string {
  const scanner = t.createScanner(t.ScriptTarget.Latest, true, t.LanguageVariant.Standard, code);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== t.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push(scanner.getTokenText());
    if (tokens.length > 10_000) break;
  }
  return tokens.join(' ');
}

/**
 * Fingerprints of findings, in the same order: a hash of the rule, the file, the normalised code of the
 * flagged node, the names of the functions and classes around it, and an occurrence index among findings
 * that share all of those. No line numbers, so an edit above a finding leaves its fingerprint alone.
 * `sources` gives the text of each file that has findings; a finding of a file without text (a project-level
 * check) is identified by its message instead of its code.
 */
export function computeFingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string> | undefined, t: TS = compiler): Identity[] {
  const parsed = new Map<string, ts.SourceFile>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const given = (f as FingerprintedFinding).fingerprint;
    const text = sources?.get(f.file);
    let code: string;
    let context = '';
    if (text !== undefined && f.range[1] <= text.length && f.range[0] <= f.range[1]) {
      code = normalizeCode(text.slice(f.range[0], f.range[1]), t);
      if (f.context !== undefined) {
        context = f.context; // the engine named it while the tree was alive: no second parse
      } else {
        let sf = parsed.get(f.file);
        if (!sf) parsed.set(f.file, (sf = parseSource(text, f.file, t)));
        context = enclosingContext(t, sf, f.range);
      }
    } else {
      code = `message:${f.message}`;
    }
    const key = [f.ruleId, f.file, sha256(code), context].join('\0');
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return { fingerprint: given ?? sha256(`${key}\0${index}`).slice(0, 32), context };
  });
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.context, b.context) || cmp(a.fingerprint, b.fingerprint);
}

/** A baseline of the given findings, sorted so that it diffs well in review. */
export function createBaseline(findings: readonly Finding[], sources: ReadonlyMap<string, string> | undefined): Baseline {
  const ids = computeFingerprints(findings, sources);
  const entries = findings.map((f, i) => ({ file: f.file, ruleId: f.ruleId, context: ids[i]!.context, fingerprint: ids[i]!.fingerprint }));
  return { version: BASELINE_VERSION, tool: 'errlint', findings: entries.sort(compareEntries) };
}

export function serializeBaseline(baseline: Baseline): string {
  const findings = baseline.findings.map((e) => ({ file: e.file, ruleId: e.ruleId, context: e.context, fingerprint: e.fingerprint }));
  return `${JSON.stringify({ version: baseline.version, tool: baseline.tool, findings }, null, 2)}\n`;
}

/** Parses a baseline file's text; a malformed file is a configuration error, never silently empty. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`Baseline ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const obj = data as Partial<Baseline> | null;
  if (!obj || typeof obj !== 'object' || obj.tool !== 'errlint' || !Array.isArray(obj.findings)) {
    throw new ConfigurationError(`Baseline ${file} is not an errlint baseline (expected { "version", "tool": "errlint", "findings": [] }).`);
  }
  if (obj.version !== BASELINE_VERSION) {
    throw new ConfigurationError(`Baseline ${file} has version ${String(obj.version)}; this errlint reads version ${BASELINE_VERSION}. Run with --update-baseline to rewrite it.`);
  }
  for (const [i, e] of obj.findings.entries()) {
    if (!e || typeof e.file !== 'string' || typeof e.ruleId !== 'string' || typeof e.fingerprint !== 'string') {
      throw new ConfigurationError(`Baseline ${file}: findings[${i}] needs string "file", "ruleId" and "fingerprint".`);
    }
  }
  return { version: BASELINE_VERSION, tool: 'errlint', findings: obj.findings.map((e) => ({ ...e, context: typeof e.context === 'string' ? e.context : '' })) };
}

/** Reads `file` (relative to `cwd`); a missing file is an empty baseline, so `--baseline` works on day one. */
export function readBaseline(file: string, cwd: string): Baseline {
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: BASELINE_VERSION, tool: 'errlint', findings: [] };
    throw new ConfigurationError(`Cannot read baseline ${file}: ${ioReason(error)}.`, { cause: error });
  }
  return parseBaseline(text, file);
}

/**
 * What a run looked at. Baseline entries outside it (files not scanned, rules not run) are neither matched
 * nor stale, and `--update-baseline` keeps them.
 */
export interface BaselineScope {
  files?: ReadonlySet<string>;
  rules?: ReadonlySet<string>;
}

function inScope(e: BaselineEntry, scope: BaselineScope | undefined): boolean {
  return (!scope?.files || scope.files.has(e.file)) && (!scope?.rules || scope.rules.has(e.ruleId));
}

/**
 * Writes the baseline of `findings` atomically; entries of `previous` outside `scope` are kept, so updating
 * from a run over part of the tree does not forget the rest. Returns how many entries the file holds.
 */
export function writeBaseline(
  file: string,
  cwd: string,
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string> | undefined,
  options: { previous?: Baseline; scope?: BaselineScope } = {},
): number {
  const fresh = createBaseline(findings, sources);
  const kept = (options.previous?.findings ?? []).filter((e) => !inScope(e, options.scope));
  const baseline: Baseline = { ...fresh, findings: [...kept, ...fresh.findings].sort(compareEntries) };
  const abs = path.resolve(cwd, file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  writeFileAtomic(abs, serializeBaseline(baseline));
  return baseline.findings.length;
}

export interface BaselineOutcome {
  /** Findings the baseline does not list, each carrying its fingerprint. */
  findings: FingerprintedFinding[];
  absorbed: number;
  /** Baseline entries that matched no finding: debt that was paid off (or moved beyond recognition). */
  stale: number;
}

/**
 * Hides findings the baseline lists. Each entry absorbs at most one finding, so a second copy of an old
 * problem still shows. Every finding kept carries its fingerprint, so SARIF and GitLab reports use the
 * same identity as the baseline.
 */
export function applyBaseline(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string> | undefined,
  baseline: Baseline,
  scope?: BaselineScope,
): BaselineOutcome {
  const ids = computeFingerprints(findings, sources);
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) {
    if (!inScope(e, scope)) continue;
    const key = `${e.file}\0${e.ruleId}\0${e.fingerprint}`;
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const kept: FingerprintedFinding[] = [];
  let absorbed = 0;
  findings.forEach((f, i) => {
    const fingerprint = ids[i]!.fingerprint;
    const key = `${f.file}\0${f.ruleId}\0${fingerprint}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      absorbed++;
    } else {
      kept.push({ ...f, fingerprint });
    }
  });
  let stale = 0;
  for (const n of remaining.values()) stale += n;
  return { findings: kept, absorbed, stale };
}

/**
 * The CLI's baseline step on a finished audit: `--update-baseline` writes every current finding (keeping
 * entries of rules that did not run) and then reports against it; `--baseline` alone hides listed findings.
 * Returns the result with `findings` filtered and `baseline` counts set, and how many entries were written.
 */
export function useBaseline<T extends AuditResult>(result: T, options: { cwd: string; file: string; update: boolean }): { result: T; written?: number } {
  const scope: BaselineScope = {
    rules: new Set([...result.rules.map((r) => r.id), ...result.findings.map((f) => f.ruleId)]),
    ...(result.files ? { files: new Set(result.files) } : {}),
  };
  let baseline = readBaseline(options.file, options.cwd);
  let written: number | undefined;
  if (options.update) {
    written = writeBaseline(options.file, options.cwd, result.findings, result.sources, { previous: baseline, scope });
    baseline = readBaseline(options.file, options.cwd);
  }
  const outcome = applyBaseline(result.findings, result.sources, baseline, scope);
  return { result: { ...result, findings: outcome.findings, baseline: { file: options.file, absorbed: outcome.absorbed, stale: outcome.stale } }, written };
}
