import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/index.js';
import type { LoadedConfig, UserConfig } from './config/load-config.js';
import { createConfigResolver, type EffectiveConfig } from './config/lookup.js';
import { DirListing } from './dir-listing.js';
import { discoverFiles, toPosix } from './discovery.js';
import { contentHash, DEFAULT_CACHE_FILE, openCache, runKey, type AuditCache } from './engine/cache.js';
import { createFileRunner, readSource, type FileOutcome, type FileRunner, type FileTask, type LintSetup } from './engine/file-runner.js';
import { compareFindings, type ResolvedRule } from './engine/lint-source.js';
import { autoThreads, lintInWorkers } from './engine/pool.js';
import { fileRulesOf, finishProject, projectRulesOf, readManifest, readPackages, type ProjectFileData, type ProjectOutcome } from './engine/project.js';
import { Timings, type TimingData } from './engine/timing.js';
import { ErrorOptionsLookup } from './model/error-options.js';
import { ModuleResolver } from './model/resolve.js';
import { ProjectModel, summaryOnDisk, type FileSummary } from './model/summaries.js';
import { decideSuggestions } from './model/conditions.js';
import { Workspace } from './model/workspace.js';
import { UsageError } from './errors.js';
import type { AuditResult } from './result.js';
import { checkRuleIds, ruleInfo } from './rule-info.js';
import type { ExemptedSite, FileError, Finding, Preset } from './types.js';
import { VERSION } from './version.js';
import { createLintSetup, type RunSetup } from './lint-setup.js';

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
  /** Config file path (`--config`), or a config object: one configuration for every file, no lookup. */
  config?: string | UserConfig;
  /**
   * `false` (`--no-config-lookup`): read no config file of the tree, only `config` when given. Default: each
   * file's configuration is looked up from its directory (README "Configuration").
   */
  configLookup?: boolean;
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
  /** Also return the sites rules matched but exempted, with their reasons (`--show-exempt`): the run gets `exemptions`. */
  showExempt?: boolean;
}

export interface AuditRun extends AuditResult {
  /** Non-fatal notes for the user (skipped paths, large files). */
  notices: string[];
  /** Text of every file that has findings, for code frames and fixes. */
  sources: Map<string, string>;
  /** The working directory's configuration. */
  config: LoadedConfig;
  /** The configuration that applied to an audited file (path relative to `cwd`, as in findings). */
  configFor(file: string): UserConfig;
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
  if (!findings.some((f) => f.dependsOn || f.suggestions.some((s) => s.dependsOn))) return;
  const summaries = new Map<string, FileSummary>();
  outcomes.forEach((o, i) => {
    if (o?.summary) summaries.set(tasks[i]!.abs, o.summary);
  });
  const audited = new Set(tasks.map((t) => t.abs));
  const model = new ProjectModel(
    new ModuleResolver(new Workspace()),
    (abs) => summaries.get(abs) ?? (audited.has(abs) ? undefined : summaryOnDisk(abs)),
    (abs) => audited.has(abs),
  );
  const kept = findings.filter((f) => !f.dependsOn || model.holds(path.resolve(cwd, f.file), f.dependsOn));
  for (const f of kept) {
    delete f.dependsOn;
    decideSuggestions(f, (c) => model.holds(path.resolve(cwd, f.file), c));
  }
  findings.splice(0, findings.length, ...kept);
}

/** The rules of every configuration of a run, once each, in registry order (the first configuration's risk and options). */
function unionOfRules(lists: readonly (readonly ResolvedRule[])[]): ResolvedRule[] {
  const byId = new Map<string, ResolvedRule>();
  for (const list of lists) for (const r of list) if (!byId.has(r.rule.meta.id)) byId.set(r.rule.meta.id, r);
  return allRules.flatMap((rule) => byId.get(rule.meta.id) ?? []);
}

/**
 * The project rules, run once per set of files that share their settings (the project rules' options and
 * risks, and the knowledge): usually one, a monorepo package with its own settings apart. Package roots
 * let project rules judge each app of a monorepo on its own within a set.
 */
function runProjectRules(cwd: string, tasks: readonly FileTask[], lints: readonly LintSetup[], data: ReadonlyMap<string, ProjectFileData>, timing: Timings | undefined): ProjectOutcome | undefined {
  const sets = new Map<string, { lint: LintSetup; files: string[] }>();
  // the settings key of each configuration, made once per configuration rather than once per file
  const keys = new Map<number, string | undefined>();
  const keyOf = (config: number): string | undefined => {
    if (keys.has(config)) return keys.get(config);
    const lint = lints[config]!;
    const projectRules = projectRulesOf(lint.rules);
    const key = projectRules.length === 0 ? undefined : JSON.stringify([projectRules.map((r) => [r.rule.meta.id, r.options, r.risk]), lint.knowledge]);
    keys.set(config, key);
    return key;
  };
  for (const task of tasks) {
    const lint = lints[task.config ?? 0]!;
    const key = keyOf(task.config ?? 0);
    if (key === undefined) continue;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { lint, files: [] }));
    set.files.push(task.rel);
  }
  if (sets.size === 0) return undefined;
  const manifest = readManifest(cwd);
  const readText = (file: string): string | undefined => {
    const read = readSource(path.resolve(cwd, file), file);
    return 'text' in read ? read.text : undefined;
  };
  const outcomes = [...sets.values()].map(({ lint, files }) => {
    const run = () => finishProject({ resolved: lint.rules, knowledge: lint.knowledge, files, data, manifest, packages: readPackages(cwd, files), timing, readText });
    return timing ? timing.measureEngine('project', run) : run();
  });
  if (outcomes.length === 1) return outcomes[0];
  return {
    findings: outcomes.flatMap((o) => o.findings),
    sources: new Map(outcomes.flatMap((o) => [...o.sources])),
    usedDirectives: new Set(outcomes.flatMap((o) => [...o.usedDirectives])),
    summary: Object.assign({}, ...outcomes.map((o) => o.summary)) as ProjectOutcome['summary'],
  };
}

/** Runs errlint over a tree: discovery, config, every enabled rule, suppressions, risk. */
export async function audit(options: AuditOptions = {}): Promise<AuditRun> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.only?.length) checkRuleIds(options.only);
  // each directory is read once, by whichever of the config lookup, discovery and the cache key asks first
  const listing = new DirListing();
  const resolver = await createConfigResolver({ cwd, config: options.config, lookup: options.configLookup, preset: options.preset, rules: allRules, listing });
  // `--preset` travels in each config, so workers, the cache key and `--fix` resolve the same rules

  const timing = options.timing ? new Timings() : undefined;
  const discoveryStart = performance.now();
  const discovered = options.stdin
    ? { files: [path.resolve(cwd, options.stdin.filename)], notices: [] as string[], errors: [] as FileError[] }
    : discoverFiles({
        cwd,
        patterns: options.paths ?? ['.'],
        configIgnored: resolver.ignored,
        cliIgnores: options.ignorePatterns,
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
        listing,
      });
  const notices = [...resolver.notices, ...discovered.notices];
  const files = options.shard ? shardFiles(discovered.files, options.shard) : discovered.files;
  timing?.phase('discovery', performance.now() - discoveryStart);

  const tasks = fileTasks(cwd, options.paths ?? ['.'], files);
  // files are grouped by the configuration that applies to them: one lint setup per distinct configuration
  const groups: EffectiveConfig[] = [];
  for (const task of tasks) {
    const effective = resolver.forFile(task.abs);
    let index = groups.indexOf(effective);
    if (index === -1) index = groups.push(effective) - 1;
    if (index > 0) task.config = index;
  }
  if (groups.length === 0) groups.push(resolver.base);
  const configs = groups.map((g) => g.config);
  const lints = configs.map((config) => createLintSetup(config, options.only, cwd));
  const rules = unionOfRules(lints.map((l) => l.rules));

  const setup: RunSetup = { cwd, configs, only: options.only, reportUnusedDirectives: options.reportUnusedDirectives, skipProjectRules: options.shard !== undefined || options.stdin !== undefined, budgetMs: options.fileBudgetMs, collectExemptions: options.showExempt === true };
  if (options.shard && projectRulesOf(rules).length) {
    notices.push(`Shard ${options.shard.index}/${options.shard.count}: project rules (${projectRulesOf(rules).map((r) => r.rule.meta.id).join(', ')}) need the whole tree and were not run; run them in one unsharded job.`);
  }

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
    const shown = typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE;
    const location = path.resolve(cwd, shown);
    // the config files' own text too: a JS config's RegExp or function values do not survive JSON.stringify
    const configFiles = [...new Set(groups.flatMap((g) => g.layers.map((l) => l.filepath)).filter(Boolean))].map((file) => {
      const read = readSource(file, file);
      return 'text' in read ? read.text : null;
    });
    const key = runKey({ cwd, configFiles, configs, rules: lints.map((l) => l.rules.map((r) => [r.rule.meta.id, r.options, r.risk])), only: options.only ?? null, reportUnusedDirectives: options.reportUnusedDirectives === true, skipProjectRules: setup.skipProjectRules === true, collectExemptions: setup.collectExemptions === true });
    cache = timing ? timing.measure('cache', () => openCache(location, key, shown)) : openCache(location, key, shown);
    // a file's facts also read its tsconfig chain: a changed lib or `extends` target misses that file's entry
    const keyTasks = (): void => {
      const lookup = new ErrorOptionsLookup(listing);
      for (const task of tasks) task.configKey = lookup.sourceKey(task.abs);
    };
    if (timing) timing.measure('cache', keyTasks);
    else keyTasks();
    if (cache.problem) notices.push(`The cache ${toPosix(path.relative(cwd, location)) || location} is corrupt (${cache.problem}): not used, and rewritten by this run.`);
    if (cache.notice) notices.push(cache.notice);
  }
  /** Settles a file from the cache when its text is unchanged; true when it did. */
  const fromCache = (i: number, text: string): boolean => {
    const hit = timing ? timing.measure('cache', () => cache!.get(tasks[i]!, text)) : cache!.get(tasks[i]!, text);
    if (hit) settle(i, hit, text);
    return hit !== undefined;
  };
  /**
   * Settles a file from the cache when its stamp says it is unchanged, without reading it (but for the text of
   * a file with findings, which reports show); true when it did.
   */
  const unchangedInCache = (i: number): boolean => {
    const task = tasks[i]!;
    const hit = timing ? timing.measure('cache', () => cache!.unchanged(task)) : cache!.unchanged(task);
    if (!hit) return false;
    const read = hit.findings.length > 0 ? readSource(task.abs, task.rel) : undefined;
    settle(i, hit, read && 'text' in read ? read.text : undefined);
    return true;
  };

  const runners = new Map<number, FileRunner>();
  /** The runner of a file's configuration, built on first use. */
  const runnerOf = (task: FileTask): FileRunner => {
    const index = task.config ?? 0;
    let runner = runners.get(index);
    if (!runner) runners.set(index, (runner = createFileRunner(lints[index]!, setup, timing)));
    return runner;
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
        if (unchangedInCache(i)) return;
        const read = readSource(task.abs, task.rel);
        if ('error' in read) settle(i, { error: read.error, findings: [] }, undefined);
        else if (!fromCache(i, read.text)) pending.push(i);
      });
    }
    try {
      const local = (task: FileTask) => {
        const { text, ...outcome } = runnerOf(task).run(task);
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
          if (cache && hash) cache.put(tasks[index]!, hash, outcome);
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
    for (const i of pending) {
      if (outcomes[i]) continue;
      const task = tasks[i]!;
      if (cache && !options.stdin && unchangedInCache(i)) continue;
      const read = options.stdin ? { text: options.stdin.text } : timing ? timing.measure('read', () => readSource(task.abs, task.rel)) : readSource(task.abs, task.rel);
      if ('error' in read) {
        settle(i, { error: read.error, findings: [] }, undefined);
        continue;
      }
      if (cache && fromCache(i, read.text)) continue;
      const outcome = runnerOf(task).lintText(task, read.text);
      cache?.put(task, contentHash(task, read.text), outcome);
      settle(i, outcome, read.text);
    }
  }
  if (cache) {
    const c = cache;
    const save = () => c.save(options.shard ? undefined : new Set(tasks.map((t) => t.rel)));
    const warning = timing ? timing.measure('cache', save) : save();
    if (warning) notices.push(warning);
  }

  const findings: Finding[] = [];
  const exemptions: ExemptedSite[] = [];
  const errors: FileError[] = [...discovered.errors];
  const projectData = new Map<string, ProjectFileData>();
  outcomes.forEach((outcome, i) => {
    if (!outcome) return;
    if (outcome.error) errors.push(outcome.error);
    for (const f of outcome.findings) findings.push(f);
    if (outcome.exempted) exemptions.push(...outcome.exempted);
    if (outcome.project) projectData.set(tasks[i]!.rel, outcome.project);
  });

  decideDeferred(findings, outcomes, tasks, cwd);

  const relFiles = tasks.map((t) => t.rel);
  const projectOutcome = setup.skipProjectRules ? undefined : runProjectRules(cwd, tasks, lints, projectData, timing);
  if (projectOutcome) {
    const used = projectOutcome.usedDirectives;
    const kept = findings.filter((f) => f.ruleId !== 'unused-disable-directive' || !used.has(`${f.file}:${f.line}:${f.column}`));
    findings.splice(0, findings.length, ...kept, ...projectOutcome.findings);
    for (const [file, text] of projectOutcome.sources) sources.set(file, text);
  }
  findings.sort(compareFindings);
  exemptions.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  errors.sort((a, b) => a.file.localeCompare(b.file));
  return {
    tool: { name: 'errlint', version: VERSION },
    cwd,
    findings,
    errors,
    filesScanned: files.length,
    files: relFiles,
    durationMs: performance.now() - started,
    // the rules that ran: a shard or --stdin leaves the project rules out
    rules: (setup.skipProjectRules ? fileRulesOf(rules) : rules).map((r) => ({ ...ruleInfo(r.rule), risk: r.risk })),
    ...(projectOutcome && Object.keys(projectOutcome.summary).length ? { project: projectOutcome.summary } : {}),
    ...(options.showExempt ? { exemptions } : {}),
    notices,
    sources,
    config: resolver.loaded(resolver.base),
    configFor: (file) => resolver.forFile(path.resolve(cwd, file)).config,
    ...(timing ? { timings: timing.toJSON() } : {}),
    ...(cache ? { cacheStats: { hits: cache.hits, misses: cache.misses } } : {}),
  };
}
