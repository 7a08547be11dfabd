/**
 * One file from disk to plain-data outcome: read, classify, lint with the file rules and the project rules'
 * collectors. The same code runs on the main thread and in worker threads (src/worker.ts); what it
 * returns is structured-clone safe, so it can cross a thread and sit in the cache.
 */
import fs from 'node:fs';
import type { Knowledge } from '../knowledge/index.js';
import type { ExemptedSite, FileError, Finding } from '../types.js';
import type { FileClassifier } from './file-facts.js';
import { appliesTo, lintSource, type ResolvedRule } from './lint-source.js';
import { createProjectCollector, fileRulesOf, type ProjectFileData } from './project.js';
import { isEmptySummary, summarizeFile, type FileSummary } from '../model/summaries.js';
import { compiler } from '../ts.js';
import type { Timings } from './timing.js';
import { ioReason } from '../errors.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What the runner lints with: the run's rules, knowledge and file classifier (see src/lint-setup.ts). */
export interface LintSetup {
  rules: ResolvedRule[];
  /** `rules` holds every registered rule (no `--rule`, preset or config left one out). */
  everyRuleRan?: boolean;
  knowledge: Knowledge;
  classify: FileClassifier;
}

export interface RunnerOptions {
  reportUnusedDirectives?: boolean;
  /** Leave project rules out (a sharded run cannot judge the whole tree). */
  skipProjectRules?: boolean;
  /** The working directory, that package paths in role reasons are relative to. Default `process.cwd()`. */
  cwd?: string;
  /** Analysis time allowed per file, in ms. */
  budgetMs?: number;
  /** Also return the sites rules exempted, with their reasons (`audit --show-exempt`). */
  collectExemptions?: boolean;
}

export interface FileTask {
  abs: string;
  /** Relative to the working directory, `/` separators: the finding's `file`. */
  rel: string;
  /** The path file facts are decided from (below the directory the user named). */
  factsPath: string;
  /**
   * With `--cache`: what the file's facts read from disk besides its text (`ErrorOptionsLookup.sourceKey`: the
   * tsconfig chain that decides `errorOptions`), part of its cache hash.
   */
  configKey?: string;
  /** Which of the run's configurations applies (`RunSetup.configs`), when there are several. Default 0. */
  config?: number;
}

/** The result of one file, plain data. */
export interface FileOutcome {
  error?: FileError;
  findings: Finding[];
  project?: ProjectFileData;
  /** What the file exports that other files' findings depend on (omitted when nothing). */
  summary?: FileSummary;
  /** With `collectExemptions`: the sites rules matched but exempted (omitted when none). */
  exempted?: ExemptedSite[];
}

/** Reads a file for auditing, or says why it cannot be audited. */
export function readSource(abs: string, rel: string): { text: string } | { error: FileError } {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(abs);
    // a FIFO would block the read and a device (/dev/zero) never end: only regular files are read
    if (!stat.isFile()) return { error: { file: rel, kind: 'skipped', message: 'Skipped: not a regular file.' } };
    if (stat.size > MAX_FILE_BYTES) {
      return { error: { file: rel, kind: 'skipped', message: `Skipped: larger than 5 MB (${(stat.size / 1024 / 1024).toFixed(1)} MB).` } };
    }
    buffer = readAtMost(abs, MAX_FILE_BYTES, stat.size);
  } catch (error) {
    return { error: { file: rel, kind: 'read', message: `Cannot read file: ${ioReason(error)}.` } };
  }
  if (buffer.subarray(0, 8000).includes(0)) return { error: { file: rel, kind: 'skipped', message: 'Skipped: binary file.' } };
  const text = buffer.toString('utf8');
  if (looksMinified(text)) return { error: { file: rel, kind: 'skipped', message: 'Skipped: minified bundle.' } };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * A file's bytes, refusing to read past `limit` (a file that grows while it is read is still bounded). Read into
 * one buffer of the size `stat` gave, one byte over so that growth shows; a file that did grow is read on into
 * doubled buffers. (A 64 KB chunk per read, concatenated, cost each of a run's thousands of small files an
 * allocation outside the heap and a copy.)
 */
function readAtMost(abs: string, limit: number, expected: number): Buffer {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) throw grewPastLimit();
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > limit) throw grewPastLimit();
    return buffer.subarray(0, total);
  } finally {
    fs.closeSync(fd);
  }
}

const grewPastLimit = (): Error => Object.assign(new Error('grew past 5 MB while being read'), { code: 'EFBIG' });

function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  // cheap first: a file whose first 50 lines are all short (the common case) never splits
  let start = 0;
  let lines = 0;
  let long = 0;
  while (lines < 50 && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > 1000) long++;
    lines++;
    start = end + 1;
  }
  return long > 0 && long >= lines / 4;
}

// /* @flow */ or // @flow at the top: Flow syntax, which neither TypeScript nor plain JavaScript parsers read.
const FLOW_PRAGMA = /^\s*(?:\/\/[^\n]*\n\s*)*(?:\/\/|\/\*)\s*@flow\b/;

function flowSkip(file: string): FileError {
  return { file, kind: 'skipped', message: 'Skipped: Flow-typed file that is not valid TypeScript or JavaScript.' };
}

export interface FileRunner {
  /** The rules the run resolved (file and project rules). */
  rules: ResolvedRule[];
  /** Lints a file whose text has been read. */
  lintText(task: FileTask, text: string): FileOutcome;
  /** Reads and lints a file; `text` is set when the file was read. */
  run(task: FileTask): FileOutcome & { text?: string };
}

export function createFileRunner({ rules, knowledge, classify, everyRuleRan }: LintSetup, setup: RunnerOptions, timing?: Timings): FileRunner {
  const fileRules = fileRulesOf(rules);
  const collector = setup.skipProjectRules ? undefined : createProjectCollector(rules);
  const traversalRules = collector?.fileRules.length ? [...fileRules, ...collector.fileRules] : fileRules;
  // write summaries serve missing-transaction's findings that depend on other modules: only files of the roles
  // it judges (a test helper or browser module is not where a server's unit of work writes) are walked for them
  const writesRule = rules.find((r) => r.rule.meta.id === 'missing-transaction')?.rule;

  const lintText = (task: FileTask, text: string): FileOutcome => {
    const file = timing ? timing.measure('classify', () => classify(task.factsPath, text, task.abs)) : classify(task.factsPath, text, task.abs);
    const result = lintSource({ text, filePath: task.rel, rules: traversalRules, knowledge, file, reportUnusedDirectives: setup.reportUnusedDirectives, everyRuleRan: everyRuleRan === true && !setup.skipProjectRules, timing, budgetMs: setup.budgetMs, keepDeferred: true, collectExemptions: setup.collectExemptions });
    const outcome: FileOutcome = { findings: result.findings };
    if (result.exempted?.length) outcome.exempted = result.exempted;
    if (result.error) outcome.error = result.error.kind === 'parse' && FLOW_PRAGMA.test(text.slice(0, 1000)) ? flowSkip(task.rel) : result.error;
    if (result.sourceFile) {
      const sf = result.sourceFile;
      const withWrites = writesRule !== undefined && appliesTo(writesRule, file);
      const summary = timing ? timing.measure('summary', () => summarizeFile(compiler, sf, knowledge, withWrites)) : summarizeFile(compiler, sf, knowledge, withWrites);
      if (!isEmptySummary(summary)) outcome.summary = summary;
    }
    const project = collector?.take(task.rel, result.directives);
    if (project) outcome.project = project;
    return outcome;
  };

  return {
    rules,
    lintText,
    run(task) {
      const read = timing ? timing.measure('read', () => readSource(task.abs, task.rel)) : readSource(task.abs, task.rel);
      if ('error' in read) return { error: read.error, findings: [] };
      return { ...lintText(task, read.text), text: read.text };
    },
  };
}
