import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../rules/index.js';
import { loadConfig, resolveRules, type LoadedConfig, type UserConfig } from './config/load-config.js';
import { discoverFiles, toPosix } from './discovery.js';
import { createFileClassifier, mergePatterns } from './engine/file-facts.js';
import { compareFindings, lintSource, type ResolvedRule } from './engine/lint-source.js';
import { createProjectRunner, readManifest, readPackages } from './engine/project.js';
import { Timings, type TimingData } from './engine/timing.js';
import { UsageError } from './errors.js';
import { resolveKnowledge } from './knowledge/index.js';
import type { AuditResult, RuleInfo } from './result.js';
import type { AnyRule, FileError, Finding } from './types.js';
import { VERSION } from './version.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface AuditOptions {
  /** Working directory; paths in the result are relative to it. Default `process.cwd()`. */
  cwd?: string;
  /** Files, directories or globs. Default `.`. */
  paths?: readonly string[];
  /** Config file path (`--config`), or a config object that replaces the search. */
  config?: string | UserConfig;
  /** Run only these rules (`--rule`). */
  only?: readonly string[];
  /** Extra ignore globs relative to cwd (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  reportUnusedDirectives?: boolean;
  /** Time each rule and engine phase (`ERRLINT_TIMING=1`, `--timing-rules`); the run gets `timings`. */
  timing?: boolean;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
}

export interface AuditRun extends AuditResult {
  /** Non-fatal notes for the user (skipped paths, large files). */
  notices: string[];
  /** Text of every file that has findings, for code frames and fixes. */
  sources: Map<string, string>;
  config: LoadedConfig;
  /** Per-rule and per-phase times, when `timing` was asked for. */
  timings?: TimingData;
}

export function ruleInfo(rule: AnyRule): RuleInfo {
  const m = rule.meta;
  return {
    id: m.id,
    family: m.family,
    risk: m.risk,
    description: m.description,
    docsUrl: m.docs.url,
    fixable: m.fixable,
    hasSuggestions: m.hasSuggestions,
    cwe: m.cwe ?? [],
    precision: m.precision,
    scope: m.scope ?? 'file',
  };
}

/** Checks `--rule` ids against the registry. */
export function checkRuleIds(ids: readonly string[], rules: readonly AnyRule[] = allRules): void {
  const known = rules.map((r) => r.meta.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`Unknown rule id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Run \`errlint rules\` to list them.`);
}

/** Reads a file for auditing, or says why it cannot be audited. */
export function readSource(abs: string, rel: string): { text: string } | { error: FileError } {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(abs);
    if (stat.size > MAX_FILE_BYTES) {
      return { error: { file: rel, kind: 'skipped', message: `Skipped: larger than 5 MB (${(stat.size / 1024 / 1024).toFixed(1)} MB).` } };
    }
    buffer = fs.readFileSync(abs);
  } catch (error) {
    return { error: { file: rel, kind: 'read', message: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` } };
  }
  if (buffer.subarray(0, 8000).includes(0)) return { error: { file: rel, kind: 'skipped', message: 'Skipped: binary file.' } };
  const text = buffer.toString('utf8');
  if (looksMinified(text)) return { error: { file: rel, kind: 'skipped', message: 'Skipped: minified bundle.' } };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

// /* @flow */ or // @flow at the top: Flow syntax, which neither TypeScript nor plain JavaScript parsers read.
const FLOW_PRAGMA = /^\s*(?:\/\/[^\n]*\n\s*)*(?:\/\/|\/\*)\s*@flow\b/;

function flowSkip(file: string): FileError {
  return { file, kind: 'skipped', message: 'Skipped: Flow-typed file that is not valid TypeScript or JavaScript.' };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false; // a glob or a missing path: discovery reports the latter
  }
}

function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  const lines = text.split('\n', 50);
  const long = lines.filter((l) => l.length > 1000).length;
  return long > 0 && long >= lines.length / 4;
}

/** Runs errlint over a tree: discovery, config, every enabled rule, suppressions, risk. */
export async function audit(options: AuditOptions = {}): Promise<AuditRun> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.only?.length) checkRuleIds(options.only);
  const loaded: LoadedConfig =
    typeof options.config === 'object' ? { dir: cwd, config: options.config } : await loadConfig(cwd, options.config, allRules);
  const { config } = loaded;
  const rules: ResolvedRule[] = resolveRules(config, allRules, options.only);
  const knowledge = resolveKnowledge(config.knowledge);
  const classify = createFileClassifier(mergePatterns(config.files));

  const timing = options.timing ? new Timings() : undefined;
  const discoveryStart = performance.now();
  const { files, notices } = discoverFiles({
    cwd,
    patterns: options.paths ?? ['.'],
    ignores: config.ignores,
    ignoreBase: loaded.dir,
    cliIgnores: options.ignorePatterns,
  });
  timing?.phase('discovery', performance.now() - discoveryStart);

  const findings: Finding[] = [];
  const errors: FileError[] = [];
  const sources = new Map<string, string>();
  // Facts are read from the path below the directory the user named: `audit fixtures/app` classifies
  // fixtures/app/src/x.ts as src/x.ts, so the folder's own name does not make the whole tree an example.
  const roots = (options.paths ?? ['.']).map((p) => path.resolve(cwd, p)).filter((p) => isDirectory(p)).sort((a, b) => b.length - a.length);
  const factsPath = (abs: string, rel: string): string => {
    const root = roots.find((r) => abs.startsWith(r + path.sep));
    return root ? toPosix(path.relative(root, abs)) : rel;
  };
  const fileRules = rules.filter((r) => (r.rule.meta.scope ?? 'file') === 'file');
  // project rules collect facts in the same traversal (as adapter rules) and report after the last file
  const project = createProjectRunner(rules, knowledge);
  const traversalRules = project.fileRules.length ? [...fileRules, ...project.fileRules] : fileRules;
  files.forEach((abs, i) => {
    const rel = toPosix(path.relative(cwd, abs));
    const read = timing ? timing.measure('read', () => readSource(abs, rel)) : readSource(abs, rel);
    if ('error' in read) {
      errors.push(read.error);
    } else {
      const file = timing ? timing.measure('classify', () => classify(factsPath(abs, rel), read.text)) : classify(factsPath(abs, rel), read.text);
      const result = lintSource({ text: read.text, filePath: rel, rules: traversalRules, knowledge, file, reportUnusedDirectives: options.reportUnusedDirectives, timing });
      if (result.error) errors.push(result.error.kind === 'parse' && FLOW_PRAGMA.test(read.text.slice(0, 1000)) ? flowSkip(rel) : result.error);
      if (result.findings.length) {
        findings.push(...result.findings);
        sources.set(rel, read.text);
      }
    }
    project.afterFile(rel, 'error' in read ? undefined : read.text);
    options.onProgress?.(i + 1, files.length);
  });

  // package roots let project rules judge each app of a monorepo on its own
  const finishProject = () => project.finish(readManifest(cwd), timing, readPackages(cwd, files.map((abs) => toPosix(path.relative(cwd, abs)))));
  const projectOutcome = project.fileRules.length ? (timing ? timing.measureEngine('project', finishProject) : finishProject()) : undefined;
  if (projectOutcome) {
    const used = projectOutcome.usedDirectives;
    const kept = findings.filter((f) => f.ruleId !== 'unused-disable-directive' || !used.has(`${f.file}:${f.line}:${f.column}`));
    findings.splice(0, findings.length, ...kept, ...projectOutcome.findings);
    for (const [file, text] of projectOutcome.sources) sources.set(file, text);
  }
  findings.sort(compareFindings);
  errors.sort((a, b) => a.file.localeCompare(b.file));
  return {
    tool: { name: 'errlint', version: VERSION },
    cwd,
    findings,
    errors,
    filesScanned: files.length,
    files: files.map((abs) => toPosix(path.relative(cwd, abs))),
    durationMs: performance.now() - started,
    rules: rules.map((r) => ({ ...ruleInfo(r.rule), risk: r.risk })),
    ...(projectOutcome && Object.keys(projectOutcome.summary).length ? { project: projectOutcome.summary } : {}),
    notices,
    sources,
    config: loaded,
    ...(timing ? { timings: timing.toJSON() } : {}),
  };
}
