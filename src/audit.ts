import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/index.js';
import { loadConfig, type LoadedConfig, type UserConfig } from './config/load-config.js';
import { discoverFiles, toPosix } from './discovery.js';
import { contentHash, DEFAULT_CACHE_FILE, openCache, runKey, type AuditCache } from './engine/cache.js';
import { createFileRunner, readSource, type FileOutcome, type FileTask } from './engine/file-runner.js';
import { compareFindings } from './engine/lint-source.js';
import { autoThreads, lintInWorkers } from './engine/pool.js';
import { finishProject, projectRulesOf, readManifest, readPackages, type ProjectFileData } from './engine/project.js';
import { Timings, type TimingData } from './engine/timing.js';
import { ModuleResolver } from './model/resolve.js';
import { ProjectModel, summaryOnDisk, type FileSummary } from './model/summaries.js';
import { Workspace } from './model/workspace.js';
import { UsageError } from './errors.js';
import type { AuditResult } from './result.js';
import { checkRuleIds, ruleInfo } from './rule-info.js';
import type { FileError, Finding, Preset } from './types.js';
import { VERSION } from './version.js';
import { createLintSetup, type RunSetup } from './lint-setup.js';

export { MAX_FILE_BYTES, readSource } from './engine/file-runner.js';

/** The compiled worker; absent when errlint runs from its TypeScript sources (tests), then threads are off. */
function workerScript(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : undefined;
}

/** `--shard 2/3`: the second of three deterministic slices of the discovered files. */
export interface Shard {
  index: number;
  count: number;
}

export interface AuditOptions {
  /** Working directory; paths in the result are relative to it. Default `process.cwd()`. */
  cwd?: string;
  /** Files, directories or globs. Default `.`. */
  paths?: readonly string[];
  /** Config file path (`--config`), or a config object that replaces the search. */
  config?: string | UserConfig;
  /** Run only these rules (`--rule`). */
  only?: readonly string[];
  /** The rule set to start from (`--preset`), over the config's `preset`. Default `recommended`. */
  preset?: Preset;
  /** Extra ignore globs relative to cwd (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  reportUnusedDirectives?: boolean;
  /** Time each rule and engine phase (`ERRLINT_TIMING=1`, `--timing-rules`); the run gets `timings`. */
  timing?: boolean;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads over files: a number, or `auto` (workers only when there are enough files). Default 1. */
  threads?: number | 'auto';
  /** Reuse results of unchanged files: `true` for `.errlintcache` in `cwd`, or the cache file's path. */
  cache?: boolean | string;
  /** Audit only this slice of the discovered files; project rules are left out (they need the whole tree). */
  shard?: Shard;
  /** Analysis time allowed per file in ms; a file over it is reported in `errors` and skipped. Default 60 s. */
  fileBudgetMs?: number;
  /** A pattern that matches no file is an error (default), or with `false` a notice. */
  errorOnUnmatchedPattern?: boolean;
  /**
   * Audit this text as the file `filename` (relative to `cwd`) instead of discovering files (`--stdin`); `paths`
   * is not read, and project rules are left out (they need the whole tree).
   */
  stdin?: { text: string; filename: string };
}

export interface AuditRun extends AuditResult {
  /** Non-fatal notes for the user (skipped paths, large files). */
  notices: string[];
  /** Text of every file that has findings, for code frames and fixes. */
  sources: Map<string, string>;
  config: LoadedConfig;
  /** Per-rule and per-phase times, when `timing` was asked for. */
  timings?: TimingData;
  /** Files served from the cache and files linted, when `cache` was on. */
  cacheStats?: { hits: number; misses: number };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false; // a glob or a missing path: discovery reports the latter
  }
}

/** The files of shard `index` of `count`: contiguous slices of the sorted list, sizes differing by at most one. */
export function shardFiles<T>(files: readonly T[], shard: Shard): T[] {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new UsageError(`Invalid shard ${index}/${count}: use i/n with 1 <= i <= n, e.g. --shard 1/3.`);
  }
  return files.slice(Math.floor(((index - 1) * files.length) / count), Math.floor((index * files.length) / count));
}

/**
 * One task per discovered file. Facts are read from the path below the directory the user named: `audit
 * fixtures/app` classifies fixtures/app/src/x.ts as src/x.ts, so the folder's own name does not make the whole
 * tree an example.
 */
export function fileTasks(cwd: string, paths: readonly string[], files: readonly string[]): FileTask[] {
  const roots = paths.map((p) => path.resolve(cwd, p)).filter((p) => isDirectory(p)).sort((a, b) => b.length - a.length);
  return files.map((abs) => {
    const rel = toPosix(path.relative(cwd, abs));
    const root = roots.find((r) => abs.startsWith(r + path.sep));
    return { abs, rel, factsPath: root ? toPosix(path.relative(root, abs)) : rel };
  });
}

/**
 * The project model's resolution step: a finding that depends on another module (`dependsOn`) stands only if
 * its condition holds, judged from the summaries of the audited files, or of the imported file read on demand.
 */
function decideDeferred(findings: Finding[], outcomes: readonly (FileOutcome | undefined)[], tasks: readonly FileTask[], cwd: string): void {
  if (!findings.some((f) => f.dependsOn)) return;
  const summaries = new Map<string, FileSummary>();
  outcomes.forEach((o, i) => {
    if (o?.summary) summaries.set(tasks[i]!.abs, o.summary);
  });
  const audited = new Set(tasks.map((t) => t.abs));
  const model = new ProjectModel(new ModuleResolver(new Workspace()), (abs) => summaries.get(abs) ?? (audited.has(abs) ? undefined : summaryOnDisk(abs)));
  const kept = findings.filter((f) => !f.dependsOn || model.holds(path.resolve(cwd, f.file), f.dependsOn));
  for (const f of kept) delete f.dependsOn;
  findings.splice(0, findings.length, ...kept);
}

/** Runs errlint over a tree: discovery, config, every enabled rule, suppressions, risk. */
export async function audit(options: AuditOptions = {}): Promise<AuditRun> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.only?.length) checkRuleIds(options.only);
  const found: LoadedConfig =
    typeof options.config === 'object' ? { dir: cwd, config: options.config } : await loadConfig(cwd, options.config, allRules);
  // `--preset` travels in the config, so workers, the cache key and `--fix` resolve the same rules
  const loaded: LoadedConfig = options.preset ? { ...found, config: { ...found.config, preset: options.preset } } : found;
  const { config } = loaded;
  const lint = createLintSetup(config, options.only, cwd);
  const { rules, knowledge } = lint;

  const timing = options.timing ? new Timings() : undefined;
  const discoveryStart = performance.now();
  const discovered = options.stdin
    ? { files: [path.resolve(cwd, options.stdin.filename)], notices: [] as string[], errors: [] as FileError[] }
    : discoverFiles({
        cwd,
        patterns: options.paths ?? ['.'],
        ignores: config.ignores,
        ignoreBase: loaded.dir,
        cliIgnores: options.ignorePatterns,
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
      });
  const notices = discovered.notices;
  const files = options.shard ? shardFiles(discovered.files, options.shard) : discovered.files;
  timing?.phase('discovery', performance.now() - discoveryStart);

  const setup: RunSetup = { cwd, config, only: options.only, reportUnusedDirectives: options.reportUnusedDirectives, skipProjectRules: options.shard !== undefined || options.stdin !== undefined, budgetMs: options.fileBudgetMs };
  const projectRules = setup.skipProjectRules ? [] : projectRulesOf(rules);
  if (options.shard && projectRulesOf(rules).length) {
    notices.push(`Shard ${options.shard.index}/${options.shard.count}: project rules (${projectRulesOf(rules).map((r) => r.rule.meta.id).join(', ')}) need the whole tree and were not run; run them in one unsharded job.`);
  }

  const tasks = fileTasks(cwd, options.paths ?? ['.'], files);

  const outcomes: (FileOutcome | undefined)[] = new Array(tasks.length);
  const sources = new Map<string, string>();
  let done = 0;
  const settle = (index: number, outcome: FileOutcome, text: string | undefined): void => {
    outcomes[index] = outcome;
    if (text !== undefined && outcome.findings.length > 0) sources.set(tasks[index]!.rel, text);
    options.onProgress?.(++done, tasks.length);
  };

  let cache: AuditCache | undefined;
  if (options.cache) {
    const location = path.resolve(cwd, typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE);
    // the config file's own text too: a JS config's RegExp or function values do not survive JSON.stringify
    const configText = loaded.filepath ? readSource(loaded.filepath, loaded.filepath) : undefined;
    const key = runKey({ cwd, configFile: configText && 'text' in configText ? configText.text : null, config, rules: rules.map((r) => [r.rule.meta.id, r.options, r.risk]), only: options.only ?? null, reportUnusedDirectives: options.reportUnusedDirectives === true, skipProjectRules: setup.skipProjectRules === true });
    cache = timing ? timing.measure('cache', () => openCache(location, key)) : openCache(location, key);
  }
  /** Settles a file from the cache when its text is unchanged; true when it did. */
  const fromCache = (i: number, text: string): boolean => {
    const hit = timing ? timing.measure('cache', () => cache!.get(tasks[i]!, text)) : cache!.get(tasks[i]!, text);
    if (hit) settle(i, hit, text);
    return hit !== undefined;
  };

  const requested = options.threads ?? 1;
  let threads = requested === 'auto' ? autoThreads(tasks.length) : Math.max(1, Math.floor(requested));
  threads = Math.min(threads, Math.max(1, tasks.length));
  const script = threads > 1 ? workerScript() : undefined;
  if (threads > 1 && !script) {
    notices.push('Worker threads need the compiled package (npm run build); ran on one thread.');
    threads = 1;
  }
  let pending: number[] = tasks.map((_, i) => i);
  if (threads > 1 && script) {
    const workerStart = performance.now();
    if (cache) {
      // read and hash here; only changed files go to the workers (which read them again)
      pending = [];
      tasks.forEach((task, i) => {
        const read = readSource(task.abs, task.rel);
        if ('error' in read) settle(i, { error: read.error, findings: [] }, undefined);
        else if (!fromCache(i, read.text)) pending.push(i);
      });
    }
    try {
      const runner = createFileRunner(lint, setup, timing);
      const local = (task: FileTask) => {
        const { text, ...outcome } = runner.run(task);
        return { outcome, text, hash: cache && text !== undefined ? contentHash(task, text) : undefined };
      };
      const workerTimings = await lintInWorkers(
        script,
        pending.map((i) => tasks[i]!),
        { ...setup, hashForCache: cache !== undefined },
        threads,
        timing !== undefined,
        (j, outcome, text, hash) => {
          const index = pending[j]!;
          if (cache && hash) cache.put(tasks[index]!.rel, hash, outcome);
          settle(index, outcome, text);
        },
        local,
      );
      for (const t of workerTimings) timing?.add(t);
      timing?.phase('workers', performance.now() - workerStart);
      pending = [];
    } catch (error) {
      // a config that cannot cross to a thread (functions in a .js config): run here instead
      if (!(error instanceof Error && error.name === 'DataCloneError')) throw error;
      notices.push('The configuration cannot be sent to worker threads (it holds functions); ran on one thread.');
    }
  }
  if (pending.length > 0) {
    const runner = createFileRunner(lint, setup, timing);
    for (const i of pending) {
      if (outcomes[i]) continue;
      const task = tasks[i]!;
      const read = options.stdin ? { text: options.stdin.text } : timing ? timing.measure('read', () => readSource(task.abs, task.rel)) : readSource(task.abs, task.rel);
      if ('error' in read) {
        settle(i, { error: read.error, findings: [] }, undefined);
        continue;
      }
      if (cache && fromCache(i, read.text)) continue;
      const outcome = runner.lintText(task, read.text);
      cache?.put(task.rel, contentHash(task, read.text), outcome);
      settle(i, outcome, read.text);
    }
  }
  if (cache) {
    const c = cache;
    const save = () => c.save(options.shard ? undefined : new Set(tasks.map((t) => t.rel)));
    if (timing) timing.measure('cache', save);
    else save();
  }

  const findings: Finding[] = [];
  const errors: FileError[] = [...discovered.errors];
  const projectData = new Map<string, ProjectFileData>();
  outcomes.forEach((outcome, i) => {
    if (!outcome) return;
    if (outcome.error) errors.push(outcome.error);
    for (const f of outcome.findings) findings.push(f);
    if (outcome.project) projectData.set(tasks[i]!.rel, outcome.project);
  });

  decideDeferred(findings, outcomes, tasks, cwd);

  const relFiles = tasks.map((t) => t.rel);
  // package roots let project rules judge each app of a monorepo on its own
  const runProject = () =>
    finishProject({
      resolved: rules,
      knowledge,
      files: relFiles,
      data: projectData,
      manifest: readManifest(cwd),
      packages: readPackages(cwd, relFiles),
      timing,
      readText: (file) => {
        const read = readSource(path.resolve(cwd, file), file);
        return 'text' in read ? read.text : undefined;
      },
    });
  const projectOutcome = projectRules.length ? (timing ? timing.measureEngine('project', runProject) : runProject()) : undefined;
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
    files: relFiles,
    durationMs: performance.now() - started,
    rules: rules.map((r) => ({ ...ruleInfo(r.rule), risk: r.risk })),
    ...(projectOutcome && Object.keys(projectOutcome.summary).length ? { project: projectOutcome.summary } : {}),
    notices,
    sources,
    config: loaded,
    ...(timing ? { timings: timing.toJSON() } : {}),
    ...(cache ? { cacheStats: { hits: cache.hits, misses: cache.misses } } : {}),
  };
}
