/**
 * Turns an errlint rule into an ESLint rule that runs the very same detector. The TypeScript tree of the file is
 * the one typescript-eslint's parser built, when errlint can find the TypeScript module that made it, else the
 * file is parsed once more with errlint's compiler (espree, or an unknown parser); every errlint rule
 * enabled for that file shares one traversal: each rule registers itself in `create`, and the first `Program`
 * listener to fire runs them all (ESLint creates every rule before it traverses).
 */
import path from 'node:path';
import type { Rule } from 'eslint';
import type * as ts from 'typescript';
import { validateConfig } from '../config/load-config.js';
import { mergeOptions, ruleDocsUrl } from '../define-rule.js';
import { ConfigurationError } from '../errors.js';
import type { FilePatterns } from '../engine/file-facts.js';
import { analysisFailure, appliesTo, ensureParents, firstParseError, parseSource, runRules, type ResolvedRule, type RuleReport } from '../engine/lint-source.js';
import { findDirectives, isSuppressed } from '../analysis/directives.js';
import type { Knowledge, KnowledgeConfig } from '../knowledge/index.js';
import { createAnalysisSetup, type AnalysisSetup } from '../lint-setup.js';
import { ModuleResolver } from '../model/resolve.js';
import { decideSuggestions, holdsWithoutProject } from '../model/conditions.js';
import { ProjectModel, summaryOnDisk } from '../model/summaries.js';
import { Workspace } from '../model/workspace.js';
import { compiler, type TS } from '../ts.js';
import { hostAst } from './host-ast.js';
import type { AnyRule, FileFacts, ModelCondition, TextEdit } from '../types.js';

/** What `settings.errlint` in an ESLint config may hold: the same keys as errlint's own config. */
export interface ErrlintSettings {
  knowledge?: KnowledgeConfig;
  files?: Partial<FilePatterns>;
}

/** ESLint's own rule type (ESLint is the plugin's peer): the adapter needs nothing from typescript-eslint at run time. */
export type EslintRule = Rule.RuleModule & { defaultOptions: [Record<string, unknown>] };

/** A file's TypeScript tree and the module that made it: errlint's own, or the parser's when its tree is reused. */
interface FileTree {
  /** Undefined when errlint's parser rejects the text (the CLI skips such a file too). */
  sourceFile: ts.SourceFile | undefined;
  ts: TS;
}

interface FileRun {
  /**
   * Made on the first flush that has a rule judging the file's role: a file no enabled rule judges (compiled
   * output, a test for a server-only rule) is never parsed.
   */
  tree?: FileTree;
  /** ESLint's `SourceCode`, whose parser services may hold the TypeScript tree. */
  sourceCode: Rule.RuleContext['sourceCode'];
  text: string;
  filename: string;
  settings: unknown;
  filePath: string;
  /** Undefined only in a run that failed before they were known. */
  file?: FileFacts;
  knowledge?: Knowledge;
  pending: Map<string, ResolvedRule>;
  results: Map<string, RuleReport[]>;
  /**
   * Why errlint could not analyse this file (its parser overflowed, a rule threw, the time budget ran out): one
   * message for the file from the first errlint rule to see it, instead of an exception that stops ESLint.
   */
  failure?: string;
  failureReported?: boolean;
}

/** The message id of the one message a file errlint could not analyse gets (see `FileRun.failure`). */
export const ANALYSIS_FAILED = 'errlintAnalysisFailed';

const sharedBySettings = new WeakMap<object, AnalysisSetup>();
const defaultShared: AnalysisSetup = createAnalysisSetup({});
const runs = new WeakMap<object, FileRun>();

function sharedFor(settings: unknown): AnalysisSetup {
  if (!settings || typeof settings !== 'object') return defaultShared;
  let shared = sharedBySettings.get(settings);
  if (!shared) {
    const { knowledge, files, ...rest } = validateConfig(settings, 'ESLint settings.errlint', []) as ErrlintSettings & Record<string, unknown>;
    const misplaced = Object.keys(rest);
    if (misplaced.length > 0) {
      throw new ConfigurationError(`Invalid configuration in ESLint settings.errlint: only "knowledge" and "files" are read there; ${misplaced.join(', ')} belong in ESLint's own "rules" and "ignores".`);
    }
    shared = createAnalysisSetup({ knowledge, files });
    sharedBySettings.set(settings, shared);
  }
  return shared;
}

/** The path errlint's CLI would use: relative to the working directory, `/` separators. */
function relativePath(filename: string, cwd: string): string {
  if (!path.isAbsolute(filename)) return filename.split(path.sep).join('/');
  return path.relative(cwd, filename).split(path.sep).join('/');
}

/** The file's run, or on any error a failed run shared by every errlint rule of the file. */
function safeFileRun(context: Rule.RuleContext): FileRun {
  try {
    return fileRun(context);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error; // the user's settings, not this file: ESLint says so
    const { sourceCode, filename } = context;
    const run: FileRun = {
      tree: { sourceFile: undefined, ts: compiler },
      sourceCode,
      text: sourceCode.text,
      filename,
      settings: (context.settings as { errlint?: unknown }).errlint,
      filePath: relativePath(filename, context.cwd),
      pending: new Map(),
      results: new Map(),
      failure: analysisFailure(error),
    };
    runs.set(sourceCode, run);
    return run;
  }
}

function fileRun(context: Rule.RuleContext): FileRun {
  const sourceCode = context.sourceCode;
  const settings = (context.settings as { errlint?: unknown }).errlint;
  const text = sourceCode.text;
  const { filename } = context;
  // A host that reuses one SourceCode object for several files (or edits) must not get another file's parse.
  let existing = runs.get(sourceCode);
  if (existing && (existing.text !== text || existing.filename !== filename)) existing = undefined;
  if (existing && existing.settings === settings) return existing;
  const filePath = relativePath(filename, context.cwd);
  const { knowledge, classify } = sharedFor(settings);
  const run: FileRun = { ...(existing?.tree ? { tree: existing.tree } : {}), sourceCode, text, filename, settings, filePath, file: classify(filePath, text, path.isAbsolute(filename) ? filename : undefined), knowledge, pending: new Map(), results: new Map() };
  runs.set(sourceCode, run);
  return run;
}

/** The tree typescript-eslint's parser already built, when its TypeScript can be found; else errlint's own parse. */
function treeOf(run: FileRun): FileTree {
  if (run.tree) return run.tree;
  const host = hostAst(run.sourceCode, [compiler]);
  if (host) ensureParents(host.ts, host.sourceFile);
  const t = host?.ts ?? compiler;
  const parsed = host?.sourceFile ?? parseSource(run.text, run.filePath);
  run.tree = { sourceFile: firstParseError(parsed, t) ? undefined : parsed, ts: t };
  return run.tree;
}

let model: ProjectModel | undefined;

/**
 * The project model of this process, built lazily: the files a linted file imports are read on demand and
 * their summaries cached until their modification time changes, so an editor sees an edited client at once.
 */
function projectModel(): ProjectModel {
  model ??= new ProjectModel(new ModuleResolver(new Workspace()), summaryOnDisk);
  return model;
}

/** Every rule registered so far for this file, in one traversal. */
function flush(run: FileRun): void {
  const rules = [...run.pending.values()];
  run.pending.clear();
  const byRule = new Map<string, RuleReport[]>(rules.map((r) => [r.rule.meta.id, []]));
  const { file, knowledge } = run;
  const { sourceFile, ts: t } = file && rules.some((r) => appliesTo(r.rule, file)) ? treeOf(run) : { sourceFile: undefined, ts: compiler };
  if (sourceFile && file && knowledge) {
    // `errlint-disable…` comments work in both hosts; ESLint applies its own `eslint-disable…` comments itself
    // (and would call them unused if we applied them first).
    const directives = findDirectives(t, sourceFile).filter((d) => d.source === 'errlint');
    for (const report of runRules(sourceFile, { filePath: run.filePath, rules, knowledge, file }, t)) {
      if (directives.length > 0 && isSuppressed(directives, report.finding.ruleId, report.finding.line)) continue;
      const holds = (c: ModelCondition): boolean => (path.isAbsolute(run.filename) ? projectModel().holds(run.filename, c) : holdsWithoutProject(c));
      if (report.finding.dependsOn && !holds(report.finding.dependsOn)) continue;
      // a suggestion whose condition fails goes with its descriptor, which holds its message data
      const suggest = report.descriptor.suggest?.filter((s) => !s.dependsOn || holds(s.dependsOn));
      decideSuggestions(report.finding, holds);
      byRule.get(report.finding.ruleId)?.push(suggest ? { ...report, descriptor: { ...report.descriptor, suggest } } : report);
    }
  }
  for (const [id, reports] of byRule) run.results.set(id, reports);
}

function overlaps(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  return sorted.some((e, i) => i > 0 && sorted[i - 1]!.range[1] > e.range[0]);
}

export function toEslintRule(rule: AnyRule): EslintRule {
  const { meta } = rule;
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, url: ruleDocsUrl(meta.id) },
      messages: { ...(meta.messages as Record<string, string>), [ANALYSIS_FAILED]: 'errlint could not analyse this file: {{reason}}' },
      schema: [meta.schema as NonNullable<Rule.RuleMetaData['schema']> & object] as never,
      ...(meta.fixable ? { fixable: 'code' as const } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
    },
    // Top-level (not `meta.defaultOptions`): ESLint would deep-merge those itself, and options must merge the
    // way errlint's config merges them.
    defaultOptions: [meta.defaultOptions],
    create(context: Rule.RuleContext) {
      const id = meta.id;
      const run = safeFileRun(context);
      run.results.delete(id);
      run.pending.set(id, { rule, options: mergeOptions(meta.defaultOptions, context.options[0]), risk: meta.risk });
      return {
        Program() {
          if (!run.results.has(id) && run.failure === undefined) {
            try {
              flush(run);
            } catch (error) {
              // the per-file failure boundary, as in the CLI: this file gets one message, ESLint goes on
              run.failure = analysisFailure(error);
            }
          }
          if (run.failure !== undefined) {
            if (!run.failureReported) {
              run.failureReported = true;
              context.report({ messageId: ANALYSIS_FAILED, data: { reason: run.failure.replace(/^Not analysed: /, '') }, loc: { line: 1, column: 0 } });
            }
            return;
          }
          const { sourceCode } = context;
          for (const { finding, descriptor } of run.results.get(id) ?? []) {
            // `finding.suggestions[i]` comes from `descriptor.suggest[i]`, which holds the message data.
            const all = finding.suggestions.map((s, i) => ({ ...s, data: descriptor.suggest?.[i]?.data }));
            const safe = meta.fixable ? all.filter((s) => s.safe) : [];
            // a suggestion without edits only says why no rewrite is offered; ESLint shows suggestions as edits
            const unsafe = meta.hasSuggestions ? all.filter((s) => !safe.includes(s) && s.edits.length > 0) : [];
            // Several safe edits become one fix, as the CLI applies them in one pass; overlapping ones keep the first.
            const allSafe = safe.flatMap((s) => s.edits);
            const fixEdits = overlaps(allSafe) ? safe[0]!.edits : allSafe;
            context.report({
              messageId: finding.messageId,
              data: descriptor.data,
              loc: { start: sourceCode.getLocFromIndex(finding.range[0]), end: sourceCode.getLocFromIndex(finding.range[1]) },
              ...(fixEdits.length > 0 ? { fix: (fixer) => fixEdits.map((e) => fixer.replaceTextRange([e.range[0], e.range[1]], e.text)) } : {}),
              ...(unsafe.length > 0
                ? {
                    suggest: unsafe.map((s) => ({
                      messageId: s.messageId,
                      data: s.data,
                      fix: (fixer: Rule.RuleFixer) => s.edits.map((e) => fixer.replaceTextRange([e.range[0], e.range[1]], e.text)),
                    })),
                  }
                : {}),
            });
          }
        },
      };
    },
  };
}
